//! 列表字段以 JSON 文本存放在 SQLite 里。

use serde::{de::DeserializeOwned, Serialize};

use super::Result;

pub(crate) fn to_json<T: Serialize + ?Sized>(v: &T) -> Result<String> {
    Ok(serde_json::to_string(v)?)
}

pub(crate) fn from_json<T: DeserializeOwned>(s: &str) -> Result<T> {
    Ok(serde_json::from_str(s)?)
}
