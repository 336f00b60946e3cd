//! 应用状态：一个数据库连接，首次使用时打开（打开失败时每个命令都返回同一条中文说明）。

use std::path::PathBuf;
use std::sync::Mutex;

use mulu_core::store::Store;

pub struct AppState {
    db_path: PathBuf,
    store: Mutex<Option<Store>>,
}

impl AppState {
    pub fn new(db_path: PathBuf) -> Self {
        AppState {
            db_path,
            store: Mutex::new(None),
        }
    }

    pub fn db_path(&self) -> &PathBuf {
        &self.db_path
    }

    /// 在数据库上执行 `f`；错误变成给用户看的中文句子。
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, mulu_core::store::StoreError>,
    ) -> Result<T, String> {
        self.try_with(f)
    }

    /// 同 [`with`](Self::with)，`f` 可返回其他核心库的错误（导入、审核），同样变成中文句子。
    pub fn try_with<T, E: std::fmt::Display>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, E>,
    ) -> Result<T, String> {
        // 某个命令中途 panic 时锁会“中毒”；数据仍由事务保护，继续使用即可。
        let mut guard = self.store.lock().unwrap_or_else(|p| p.into_inner());
        if guard.is_none() {
            *guard = Some(Store::open(&self.db_path).map_err(|e| e.to_string())?);
        }
        match guard.as_mut() {
            Some(store) => f(store).map_err(|e| e.to_string()),
            None => Err("数据库未能打开。".into()),
        }
    }
}
