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

    /// 打开数据库时的错误（已打开或能打开时为 `None`）。
    pub fn open_error(&self) -> Option<mulu_core::store::StoreError> {
        let mut guard = self.store.lock().unwrap_or_else(|p| p.into_inner());
        if guard.is_some() {
            return None;
        }
        match Store::open(&self.db_path) {
            Ok(store) => {
                *guard = Some(store);
                None
            }
            Err(e) => Some(e),
        }
    }

    /// 关掉数据库连接（恢复备份、移开损坏的文件之前），在 `f` 里做文件操作；下一个命令重新打开。
    pub fn closed<T>(&self, f: impl FnOnce(&std::path::Path) -> T) -> T {
        let mut guard = self.store.lock().unwrap_or_else(|p| p.into_inner());
        *guard = None;
        f(&self.db_path)
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
