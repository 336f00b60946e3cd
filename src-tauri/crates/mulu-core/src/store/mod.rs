//! SQLite 存储：迁移、事务与各实体的查询（每个实体一个文件）。
//!
//! 每次写入都在一个事务里完成；出错时事务回滚，已存的数据不受影响。

mod adopt;
pub mod backup;
mod bulk;
mod catalogs;
mod desk;
mod desk_match;
mod error;
mod guidelines;
pub mod history;
mod items;
mod json;
mod maintenance;
mod merge;
mod portal;
mod search;
mod units;
mod withheld;

pub use backup::{list_backups, restore_backup, set_aside, BackupInfo, BackupKind};
pub use catalogs::CATALOG_FORMAT_VERSION;
pub use desk::{NewSubmission, Submission};
pub use error::StoreError;
pub use history::{Change, ChangeOp, ChangeSet, HistoryEntity, UndoOutcome};
pub use maintenance::{Maintenance, FULL_CHECK_AT_OPEN_MAX};
pub use merge::ImportChanges;
pub use search::{CatalogHits, SearchHit};

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// 开始一个写事务。`IMMEDIATE`：一开始就取得写锁。先读后写的事务若按默认的 `DEFERRED` 开始，
/// 两个进程同时这样做时其中一个在“读锁升级为写锁”处立即失败（SQLite 不为这种情况等待）；
/// 先取写锁则只是排队等待（[`wait_for_lock`]）。
pub(crate) fn write_tx(conn: &mut Connection) -> rusqlite::Result<rusqlite::Transaction<'_>> {
    conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
}

/// 等锁的时长：每次 50 毫秒，约 1 秒后在 stderr 说明在等什么（命令行用户看得到），最多等 2 分钟。
const LOCK_STEP: std::time::Duration = std::time::Duration::from_millis(50);
const LOCK_SAY_AFTER: i32 = 20;
const LOCK_GIVE_UP: i32 = 2400;

/// SQLite 的 busy handler：数据库被另一个进程锁着时反复等待。返回 false 即放弃（得到 SQLITE_BUSY，
/// 报为 [`StoreError::Busy`]）。
fn wait_for_lock(attempt: i32) -> bool {
    if attempt == LOCK_SAY_AFTER {
        eprintln!("数据库正被另一个窗口或命令使用，正在等它完成（最多等 2 分钟）……");
    }
    if attempt >= LOCK_GIVE_UP {
        return false;
    }
    std::thread::sleep(LOCK_STEP);
    true
}

/// 数据库结构的迁移，按顺序执行；只追加，不修改已发布的迁移。
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/0001_init.sql"),
    include_str!("../../migrations/0002_item_search.sql"),
    include_str!("../../migrations/0003_review_desk.sql"),
    include_str!("../../migrations/0004_portal_columns.sql"),
    include_str!("../../migrations/0005_history.sql"),
];

fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect())
}

/// 数据库结构的当前版本（= 迁移个数）。
pub const SCHEMA_VERSION: usize = MIGRATIONS.len();

/// 一个打开的数据库。
pub struct Store {
    conn: Connection,
    /// 数据库文件（内存数据库为空）：备份写在它旁边。
    path: Option<PathBuf>,
    /// 本连接当前的改动批次（修改历史的触发器经 SQL 函数读写，见 [`history`]）。
    history: history::Shared,
}

impl Store {
    /// 打开（或新建）数据库文件，执行迁移，并载入内置指引库的新版本。
    ///
    /// 已有的文件先体检（[`backup`] 模块）：损坏（`PRAGMA quick_check` 不通过、不是数据库）或来自
    /// 更新版本的程序时返回 [`StoreError::Damaged`] / [`StoreError::TooNew`]，文件不被改动；
    /// 要迁移时先存一份“升级前”备份；每天第一次打开时存一份“每日”备份。体检与每日备份都在返回前做完
    /// （命令行与测试用这个）；桌面程序用 [`open_deferring`](Self::open_deferring)。
    pub fn open(path: &Path) -> Result<Self> {
        let (store, later) = Self::open_deferring(path)?;
        if let Some(m) = later {
            m.run()?;
        }
        Ok(store)
    }

    /// 同 [`open`](Self::open)，但大于 [`FULL_CHECK_AT_OPEN_MAX`] 的数据库只做轻体检（文件头与结构表）
    /// 就打开，完整体检（`quick_check`）与当天的“每日”备份作为 [`Maintenance`] 交给调用者放到后台做
    /// （桌面程序这样启动：50 万个事项的库也在 1 秒内可用）。要迁移时照旧先完整体检、先备份。
    pub fn open_deferring(path: &Path) -> Result<(Self, Option<Maintenance>)> {
        Self::open_deferring_above(path, FULL_CHECK_AT_OPEN_MAX)
    }

    /// [`open_deferring`](Self::open_deferring) with another size limit for the full check at open (tests).
    #[doc(hidden)]
    pub fn open_deferring_above(
        path: &Path,
        full_check_max: u64,
    ) -> Result<(Self, Option<Maintenance>)> {
        if let Some(dir) = path.parent() {
            if !dir.as_os_str().is_empty() && !dir.exists() {
                std::fs::create_dir_all(dir).map_err(|e| StoreError::Open {
                    path: path.to_path_buf(),
                    source: rusqlite::Error::ToSqlConversionFailure(Box::new(e)),
                })?;
            }
        }
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        let existed = size > 0;
        let conn = Connection::open(path).map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        let mut defer_check = false;
        if existed {
            let light = size > full_check_max;
            backup::check_health_with(
                &conn,
                path,
                if light {
                    backup::Depth::Light
                } else {
                    backup::Depth::Full
                },
            )?;
            defer_check = light;
        }
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| StoreError::Damaged {
                path: path.to_path_buf(),
                detail: e.to_string(),
            })?;
        if existed {
            let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
            if version > 0 && (version as usize) < SCHEMA_VERSION {
                // 升级前不能只做轻体检：迁移会改写这个文件。
                if defer_check {
                    backup::check_health(&conn, path)?;
                    defer_check = false;
                }
                backup::write_backup(&conn, path, BackupKind::BeforeMigration)?;
            }
        }
        let store = Self::init(conn, Some(path.to_path_buf()))?;
        let later = existed.then(|| Maintenance::new(path, defer_check));
        Ok((store, later))
    }

    /// 内存数据库（测试与一次性的命令行检查用）。
    pub fn open_in_memory() -> Result<Self> {
        Self::init(Connection::open_in_memory()?, None)
    }

    /// 只执行迁移到第 `version` 个为止（测试“从旧版本升级”用）。
    #[doc(hidden)]
    pub fn migrate_to(conn: &mut Connection, version: usize) -> Result<()> {
        migrations().to_version(conn, version)?;
        Ok(())
    }

    /// 在已有连接上完成迁移与内置指引同步。
    pub fn from_connection(conn: Connection) -> Result<Self> {
        Self::init(conn, None)
    }

    fn init(mut conn: Connection, path: Option<PathBuf>) -> Result<Self> {
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // 另一个进程（桌面程序或命令行）正在写时等它，而不是 5 秒后报错。
        conn.busy_handler(Some(wait_for_lock))?;
        // 修改历史的触发器要用的 SQL 函数：每个连接都注册（桌面程序与命令行都经过这里）。
        let history = history::register(&conn)?;
        migrations().to_latest(&mut conn)?;
        let mut store = Store {
            conn,
            path,
            history,
        };
        store.sync_builtin_guidelines()?;
        Ok(store)
    }

    /// 数据库文件的路径（内存数据库为 `None`）。
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// 底层连接（只读查询与测试用）。
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// 数据库结构版本（SQLite `user_version`）。
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }
}
