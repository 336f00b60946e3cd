//! 每个子命令一个模块；都只是核心库的薄包装。

pub mod backup;
pub mod catalog;
pub mod check;
pub mod columns;
pub mod desk;
pub mod diff;
pub mod export;
pub mod guidelines;
pub mod history;
pub mod import;
pub mod powers;
pub mod search;
pub mod worker;

use std::path::Path;

use mulu_core::store::Store;

use crate::error::Result;

pub fn open_store(db: &Path) -> Result<Store> {
    Ok(Store::open(db)?)
}
