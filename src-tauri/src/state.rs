//! 应用状态：一个数据库连接，首次使用时打开（打开失败时每个命令都返回同一条中文说明）。
//!
//! 大数据库打开时只做轻体检（[`Store::open_deferring`]），完整体检与每日备份在后台线程里做；
//! 发现损坏时记下原因，此后每个命令都返回它（不再写入），并通知界面给出恢复的出路。

use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use mulu_core::store::{Maintenance, Store, StoreError};

/// 后台发现数据库损坏时调用（桌面程序里发出 `store-damaged` 事件）。
pub type DamageNotifier = Box<dyn Fn(&str) + Send + Sync>;

pub struct AppState {
    db_path: PathBuf,
    store: Mutex<Option<Store>>,
    /// 后台体检发现的损坏（之后拒绝一切命令，直到恢复或移开）。
    damaged: Arc<Mutex<Option<String>>>,
    notify: Arc<OnceLock<DamageNotifier>>,
}

impl AppState {
    pub fn new(db_path: PathBuf) -> Self {
        AppState {
            db_path,
            store: Mutex::new(None),
            damaged: Arc::new(Mutex::new(None)),
            notify: Arc::new(OnceLock::new()),
        }
    }

    /// 设定后台发现损坏时怎样通知界面（只设一次）。
    pub fn on_damage(&self, f: DamageNotifier) {
        let _ = self.notify.set(f);
    }

    /// 后台体检发现的损坏（`quick_check` 的结论）。
    pub fn damage(&self) -> Option<String> {
        self.damaged
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// 打开数据库；大数据库的完整体检与每日备份放到后台线程。
    fn open(&self) -> Result<Store, StoreError> {
        let (store, later) = Store::open_deferring(&self.db_path)?;
        if let Some(m) = later {
            self.maintain_in_background(m);
        }
        Ok(store)
    }

    fn maintain_in_background(&self, m: Maintenance) {
        let (damaged, notify) = (self.damaged.clone(), self.notify.clone());
        let spawned = std::thread::Builder::new()
            .name("store-maintenance".into())
            .spawn(move || match m.run() {
                Ok(()) => {}
                Err(StoreError::Damaged { path, detail }) => {
                    let msg = StoreError::Damaged {
                        path,
                        detail: detail.clone(),
                    }
                    .to_string();
                    *damaged.lock().unwrap_or_else(|p| p.into_inner()) = Some(detail);
                    if let Some(f) = notify.get() {
                        f(&msg);
                    }
                }
                // 每日备份没写成（磁盘满、文件夹不可写）：不妨碍使用，下次打开再试。
                Err(e) => eprintln!("后台维护未完成：{e}"),
            });
        if let Err(e) = spawned {
            eprintln!("无法启动后台体检：{e}");
        }
    }

    pub fn db_path(&self) -> &PathBuf {
        &self.db_path
    }

    /// 打开数据库时的错误（已打开或能打开时为 `None`）。
    pub fn open_error(&self) -> Option<mulu_core::store::StoreError> {
        let mut guard = self.store.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(detail) = self.damage() {
            return Some(StoreError::Damaged {
                path: self.db_path.clone(),
                detail,
            });
        }
        if guard.is_some() {
            return None;
        }
        match self.open() {
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
        // 恢复或移开之后是另一个文件：之前的损坏结论不再适用，重新打开时再体检。
        *self.damaged.lock().unwrap_or_else(|p| p.into_inner()) = None;
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
        if let Some(detail) = self.damage() {
            return Err(StoreError::Damaged {
                path: self.db_path.clone(),
                detail,
            }
            .to_string());
        }
        if guard.is_none() {
            *guard = Some(self.open().map_err(|e| e.to_string())?);
        }
        match guard.as_mut() {
            Some(store) => f(store).map_err(|e| e.to_string()),
            None => Err("数据库未能打开。".into()),
        }
    }
}
