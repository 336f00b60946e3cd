//! 打开数据库之后还要做的事：完整体检（`PRAGMA quick_check`）与当天的“每日”备份。
//!
//! 两件事的时间都与文件大小成正比：50 万个事项（713 MB）的库上体检约 9 秒、备份约 4 秒。
//! [`Store::open`](super::Store::open) 在返回前做完；桌面程序用
//! [`Store::open_deferring`](super::Store::open_deferring) 先打开，再在后台线程里 [`Maintenance::run`]，
//! 发现损坏时停止写入并给出恢复的出路。后台用自己的只读连接：WAL 模式下读不挡写。

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::backup::{self, BackupKind, Depth};
use super::{wait_for_lock, Result, StoreError};

/// 不大于这个大小（64 MiB，约 4 万个事项）的数据库在打开前做完整体检；更大的只做轻体检，
/// 完整体检交给 [`Maintenance`]。
pub const FULL_CHECK_AT_OPEN_MAX: u64 = 64 * 1024 * 1024;

/// 打开之后待做的体检与每日备份。
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use = "完整体检与每日备份要调用 run() 才会做"]
pub struct Maintenance {
    path: PathBuf,
    /// 打开时只做了轻体检，还欠一次完整体检。
    full_check: bool,
}

impl Maintenance {
    pub(crate) fn new(path: &Path, full_check: bool) -> Self {
        Maintenance {
            path: path.to_path_buf(),
            full_check,
        }
    }

    /// 还欠一次完整体检（数据库大于 [`FULL_CHECK_AT_OPEN_MAX`]）。
    pub fn needs_full_check(&self) -> bool {
        self.full_check
    }

    /// 做完整体检（若欠），再在今天还没有“每日”备份时存一份。损坏时返回 [`StoreError::Damaged`]，
    /// 不写备份（损坏的副本没有用，还会把好的旧备份轮换掉）。
    pub fn run(self) -> Result<()> {
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| StoreError::Damaged {
            path: self.path.clone(),
            detail: e.to_string(),
        })?;
        conn.busy_handler(Some(wait_for_lock))?;
        if self.full_check {
            backup::check_health_with(&conn, &self.path, Depth::Full)?;
        }
        if !backup::has_daily_today(&conn, &self.path)? {
            if let Err(e) = backup::write_backup(&conn, &self.path, BackupKind::Daily) {
                // 另一个进程恰好同时写好了今天的备份：今天已有，不算失败。
                if !backup::has_daily_today(&conn, &self.path)? {
                    return Err(e);
                }
            }
        }
        Ok(())
    }
}
