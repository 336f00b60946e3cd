//! 数据库的备份与恢复。
//!
//! 备份是数据库旁 `backups/` 文件夹里的完整副本（SQLite `VACUUM INTO`，一致且紧凑），文件名写明
//! 时间与缘由：`mulu-20261202-031500-daily.db`。何时备份：
//!
//! - **升级前**：打开旧结构版本的数据库、执行迁移之前；
//! - **导入前**：把工作簿合并进已有目录之前；
//! - **每日**：每天第一次打开数据库时；
//! - **恢复前**：用备份覆盖当前数据库之前（恢复也能撤回）；
//! - **手动**：用户要求时。
//!
//! 每种缘由保留最近 [`KEEP_PER_KIND`] 份（每日的保留 [`KEEP_DAILY`] 份），更早的删除。
//! 损坏的数据库从不被覆盖或删除：恢复时先把它原样移到 `backups/damaged-…db`。

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Result, Store, StoreError, SCHEMA_VERSION};

/// 每日备份保留的份数。
pub const KEEP_DAILY: usize = 7;
/// 其他缘由的备份各保留的份数。
pub const KEEP_PER_KIND: usize = 10;
/// 备份文件夹的名称（在数据库文件旁）。
pub const BACKUP_DIR: &str = "backups";

/// 备份的缘由。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, TS)]
pub enum BackupKind {
    #[serde(rename = "每日")]
    Daily,
    #[serde(rename = "升级前")]
    BeforeMigration,
    #[serde(rename = "导入前")]
    BeforeImport,
    #[serde(rename = "恢复前")]
    BeforeRestore,
    #[serde(rename = "手动")]
    Manual,
    /// 恢复时移开的损坏数据库（原样保存，不计入轮换）。
    #[serde(rename = "损坏的数据库")]
    Damaged,
}

crate::model::chinese_names!(BackupKind {
    Daily => "每日",
    BeforeMigration => "升级前",
    BeforeImport => "导入前",
    BeforeRestore => "恢复前",
    Manual => "手动",
    Damaged => "损坏的数据库",
});

impl BackupKind {
    /// 文件名里的缘由（ASCII，任何文件系统都能放）。
    fn code(self) -> &'static str {
        match self {
            BackupKind::Daily => "daily",
            BackupKind::BeforeMigration => "pre-upgrade",
            BackupKind::BeforeImport => "pre-import",
            BackupKind::BeforeRestore => "pre-restore",
            BackupKind::Manual => "manual",
            BackupKind::Damaged => "damaged",
        }
    }

    fn from_code(code: &str) -> Option<Self> {
        [
            BackupKind::Daily,
            BackupKind::BeforeMigration,
            BackupKind::BeforeImport,
            BackupKind::BeforeRestore,
            BackupKind::Manual,
            BackupKind::Damaged,
        ]
        .into_iter()
        .find(|k| k.code() == code)
    }

    fn keep(self) -> Option<usize> {
        match self {
            BackupKind::Daily => Some(KEEP_DAILY),
            BackupKind::Damaged => None,
            _ => Some(KEEP_PER_KIND),
        }
    }
}

/// 一份备份。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct BackupInfo {
    /// 备份文件的完整路径。
    pub file: String,
    pub kind: BackupKind,
    /// 备份时间（本地时间），例如 `2026-12-02 03:15:00`。
    pub created: String,
    /// 文件大小（字节）。
    #[ts(type = "number")]
    pub size: u64,
}

/// 数据库的备份文件夹。
pub fn backup_dir(db_path: &Path) -> PathBuf {
    db_path
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join(BACKUP_DIR)
}

/// 列出数据库的全部备份，新的在前。数据库本身打不开时也能用（恢复要靠它）。
pub fn list_backups(db_path: &Path) -> Result<Vec<BackupInfo>> {
    let dir = backup_dir(db_path);
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io_error(&dir, "读取备份文件夹", e)),
    };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let Some((kind, created)) = parse_name(&path) else {
            continue;
        };
        let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
        out.push(BackupInfo {
            file: path.display().to_string(),
            kind,
            created,
            size,
        });
    }
    // 文件名里的时间戳可按字典序比较；同一秒内的按序号（`-2`、`-3`…）。
    out.sort_by_cached_key(|b| std::cmp::Reverse((b.created.clone(), same_second_seq(&b.file))));
    Ok(out)
}

fn file_name(path: &str) -> &str {
    Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
}

/// 同一秒内第几份：文件名末尾的 `-N`（没有为 1）。
fn same_second_seq(file: &str) -> u32 {
    file.strip_suffix(".db")
        .and_then(|f| f.rsplit_once('-'))
        .and_then(|(_, n)| n.parse().ok())
        .filter(|n| *n < 1000)
        .unwrap_or(1)
}

/// `mulu-YYYYMMDD-HHMMSS-kind.db` 或 `damaged-YYYYMMDD-HHMMSS.db` → (缘由, “YYYY-MM-DD HH:MM:SS”)。
fn parse_name(path: &Path) -> Option<(BackupKind, String)> {
    let name = path.file_name()?.to_str()?.strip_suffix(".db")?;
    let (kind, stamp) = if let Some(rest) = name.strip_prefix("damaged-") {
        (BackupKind::Damaged, rest.get(..15)?)
    } else {
        let rest = name.strip_prefix("mulu-")?;
        let stamp = rest.get(..15)?;
        let code = rest.get(16..)?;
        // 同一秒内的第二份带序号后缀：`…-daily-2`。
        let code = code
            .rsplit_once('-')
            .filter(|(_, n)| n.chars().all(|c| c.is_ascii_digit()))
            .map_or(code, |(c, _)| c);
        (BackupKind::from_code(code)?, stamp)
    };
    let b = stamp.as_bytes();
    if b.len() != 15
        || b[8] != b'-'
        || !stamp
            .chars()
            .filter(|c| *c != '-')
            .all(|c| c.is_ascii_digit())
    {
        return None;
    }
    Some((
        kind,
        format!(
            "{}-{}-{} {}:{}:{}",
            &stamp[0..4],
            &stamp[4..6],
            &stamp[6..8],
            &stamp[9..11],
            &stamp[11..13],
            &stamp[13..15]
        ),
    ))
}

fn io_error(path: &Path, what: &str, e: std::io::Error) -> StoreError {
    StoreError::Backup(format!("{what}“{}”失败：{e}", path.display()))
}

/// 本地时间戳 `YYYYMMDD-HHMMSS`（由 SQLite 计算，免得再引一个日期库）。
fn stamp(conn: &Connection) -> Result<String> {
    Ok(conn.query_row(
        "SELECT strftime('%Y%m%d-%H%M%S', 'now', 'localtime')",
        [],
        |r| r.get(0),
    )?)
}

/// 把 `conn` 的主数据库完整写到备份文件夹，返回这份备份；然后按缘由轮换。
pub(crate) fn write_backup(
    conn: &Connection,
    db_path: &Path,
    kind: BackupKind,
) -> Result<BackupInfo> {
    let dir = backup_dir(db_path);
    std::fs::create_dir_all(&dir).map_err(|e| io_error(&dir, "创建备份文件夹", e))?;
    let stamp = stamp(conn)?;
    remove_stale_parts(&dir);
    // 另一个进程（桌面程序与 `mulu` 同时打开）可能在同一秒写同名备份：名字被占了就换下一个序号再写。
    // 先写成 `….db.part`，写完整了才链接成正式的名字：写到一半被结束时，留下的只是 `.part`（不会被列为备份，
    // 下次备份时清掉），不会有半个备份混在列表里、把好的旧备份轮换掉。
    let mut attempt = 0;
    let file = loop {
        let file = next_name(&dir, db_path, &stamp, kind)?;
        let part = PathBuf::from(format!("{}.part", file.display()));
        let target = part.to_str().ok_or_else(|| {
            StoreError::Backup(format!("备份路径“{}”含有无法处理的字符。", file.display()))
        })?;
        let taken = |e: &dyn std::fmt::Display| e.to_string().contains("already exists");
        match conn.execute("VACUUM INTO ?1", [target]) {
            Ok(_) => {}
            // SQLite 不覆盖已有文件（“output file already exists”）：只有这种情况换名重试。
            Err(e) if attempt < 5 && taken(&e) => {
                attempt += 1;
                continue;
            }
            Err(e) => {
                let _ = std::fs::remove_file(&part);
                return Err(StoreError::Backup(format!(
                    "写备份“{}”失败：{e}。数据库未被改动。",
                    file.display()
                )));
            }
        }
        // 链接不覆盖已有的文件（改名会覆盖）；文件系统不支持链接时改名。
        let placed = match std::fs::hard_link(&part, &file) {
            Ok(()) => std::fs::remove_file(&part),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(e),
            Err(_) => std::fs::rename(&part, &file),
        };
        match placed {
            Ok(()) => break file,
            Err(e) if attempt < 5 && e.kind() == std::io::ErrorKind::AlreadyExists => {
                let _ = std::fs::remove_file(&part);
                attempt += 1;
            }
            Err(e) => {
                let _ = std::fs::remove_file(&part);
                return Err(io_error(&file, "写备份", e));
            }
        }
    };
    rotate(db_path, kind)?;
    let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
    let (_, created) = parse_name(&file).unwrap_or((kind, stamp));
    Ok(BackupInfo {
        file: file.display().to_string(),
        kind,
        created,
        size,
    })
}

/// 清掉一小时以前被中断的备份留下的 `.part`（更新的可能正由另一个进程在写）。
fn remove_stale_parts(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let hour = std::time::Duration::from_secs(3600);
    for e in entries.flatten() {
        let p = e.path();
        let stale = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > hour);
        if stale && p.extension().is_some_and(|x| x == "part") {
            let _ = std::fs::remove_file(&p);
        }
    }
}

/// 这一秒这一缘由的下一份备份的文件名。同一秒内的第 N 份带后缀 `-N`：取已有的最大序号加一
/// （不补空位——轮换删掉的旧名不再复用，否则新备份会排在同一秒的旧备份之后而被当成最旧的）。
fn next_name(dir: &Path, db_path: &Path, stamp: &str, kind: BackupKind) -> Result<PathBuf> {
    let prefix = format!("mulu-{stamp}-{}", kind.code());
    // 正在写的（`.part`，另一个进程同一秒的备份）也占着名字。
    let writing: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| e.file_name().to_str().map(str::to_string))
                .filter_map(|n| n.strip_suffix(".part").map(str::to_string))
                .filter(|n| {
                    n.starts_with(&prefix) && parse_name(Path::new(n)).map(|x| x.0) == Some(kind)
                })
                .collect()
        })
        .unwrap_or_default();
    let last = list_backups(db_path)?
        .iter()
        .filter(|b| b.kind == kind && file_name(&b.file).starts_with(&prefix))
        .map(|b| same_second_seq(&b.file))
        .chain(writing.iter().map(|n| same_second_seq(n)))
        .max();
    Ok(match last {
        None => dir.join(format!("{prefix}.db")),
        Some(n) => dir.join(format!("{prefix}-{}.db", n + 1)),
    })
}

/// 删掉某一缘由超出保留份数的旧备份。
fn rotate(db_path: &Path, kind: BackupKind) -> Result<()> {
    let Some(keep) = kind.keep() else {
        return Ok(());
    };
    let old: Vec<BackupInfo> = list_backups(db_path)?
        .into_iter()
        .filter(|b| b.kind == kind)
        .skip(keep)
        .collect();
    for b in old {
        // 删不掉（被占用、没权限）不妨碍继续工作，下次再删。
        let _ = std::fs::remove_file(&b.file);
    }
    Ok(())
}

/// 今天是否已有每日备份。
pub(crate) fn has_daily_today(conn: &Connection, db_path: &Path) -> Result<bool> {
    let today: String = conn.query_row("SELECT date('now', 'localtime')", [], |r| r.get(0))?;
    Ok(list_backups(db_path)?
        .iter()
        .any(|b| b.kind == BackupKind::Daily && b.created.starts_with(&today)))
}

/// 打开已有数据库文件前的体检：是 SQLite 数据库、`PRAGMA quick_check` 通过、结构版本不比程序新。
/// 不通过时返回说明问题的错误，文件不被改动。
pub(crate) fn check_health(conn: &Connection, path: &Path) -> Result<()> {
    check_health_with(conn, path, Depth::Full)
}

/// 体检做到哪一步。
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Depth {
    /// 文件头与结构表读得出（不是数据库、文件头损坏、结构表损坏时不通过）；与文件大小无关，几毫秒。
    Light,
    /// 再加 `PRAGMA quick_check`：读遍每一页，时间与文件大小成正比（50 万个事项约 9 秒）。
    Full,
}

pub(crate) fn check_health_with(conn: &Connection, path: &Path, depth: Depth) -> Result<()> {
    let damaged = |detail: String| StoreError::Damaged {
        path: path.to_path_buf(),
        detail,
    };
    let verdict: String = match depth {
        Depth::Full => conn
            .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
            .map_err(|e| damaged(e.to_string()))?,
        Depth::Light => conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| {
                r.get::<_, i64>(0)
            })
            .map(|_| "ok".to_string())
            .map_err(|e| damaged(e.to_string()))?,
    };
    if verdict != "ok" {
        return Err(damaged(verdict));
    }
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|e| damaged(e.to_string()))?;
    if version > SCHEMA_VERSION as i64 {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: version,
            supported: SCHEMA_VERSION as i64,
        });
    }
    Ok(())
}

/// 一个备份文件能否拿来恢复：打得开、体检通过、结构版本不比程序新。
fn check_backup_file(file: &Path) -> Result<()> {
    let conn = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| StoreError::Backup(format!("备份文件“{}”打不开：{e}。", file.display())))?;
    check_health(&conn, file).map_err(|e| match e {
        StoreError::Damaged { detail, .. } => StoreError::Backup(format!(
            "备份文件“{}”已损坏（{detail}），不能用来恢复，请换一份备份。",
            file.display()
        )),
        StoreError::TooNew { found, supported, .. } => StoreError::Backup(format!(
            "备份文件“{}”来自更新版本的程序（结构版本 {found}，本程序支持到 {supported}），请先安装新版本。",
            file.display()
        )),
        other => other,
    })
}

/// 把损坏或不能用的数据库文件（连同 `-wal`、`-shm`）原样移到备份文件夹，返回移到了哪里。
/// 之后在原位置打开会得到一个新的空数据库。文件从不被删除。
pub fn set_aside(db_path: &Path) -> Result<BackupInfo> {
    let dir = backup_dir(db_path);
    std::fs::create_dir_all(&dir).map_err(|e| io_error(&dir, "创建备份文件夹", e))?;
    let conn = Connection::open_in_memory()?;
    let stamp = stamp(&conn)?;
    let mut target = dir.join(format!("damaged-{stamp}.db"));
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = dir.join(format!("damaged-{stamp}-{n}.db"));
    }
    std::fs::rename(db_path, &target).map_err(|e| io_error(db_path, "移开数据库文件", e))?;
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", db_path.display()));
        if side.exists() {
            let to = PathBuf::from(format!("{}{suffix}", target.display()));
            std::fs::rename(&side, &to).map_err(|e| io_error(&side, "移开数据库文件", e))?;
        }
    }
    let size = std::fs::metadata(&target).map(|m| m.len()).unwrap_or(0);
    Ok(BackupInfo {
        file: target.display().to_string(),
        kind: BackupKind::Damaged,
        created: parse_name(&target).map(|(_, c)| c).unwrap_or(stamp),
        size,
    })
}

/// 用一份备份恢复数据库。当前数据库完好时先存一份“恢复前”备份，再用 SQLite 的在线备份接口
/// 整体换成备份的内容（一步完成，WAL 也一致）；当前数据库损坏或打不开时，先把它原样移开
/// （[`set_aside`]）再放入备份的副本。返回恢复前的那份副本（可再恢复回去）。
///
/// 调用方须先关闭自己对该数据库的连接。
pub fn restore_backup(db_path: &Path, backup: &Path) -> Result<Option<BackupInfo>> {
    check_backup_file(backup)?;
    if !db_path.exists() {
        std::fs::copy(backup, db_path).map_err(|e| io_error(db_path, "写入数据库文件", e))?;
        return Ok(None);
    }
    let healthy = Connection::open(db_path)
        .ok()
        .filter(|c| check_health(c, db_path).is_ok());
    match healthy {
        Some(mut conn) => {
            conn.busy_timeout(std::time::Duration::from_secs(30))?;
            let before = write_backup(&conn, db_path, BackupKind::BeforeRestore)?;
            conn.restore(rusqlite::MAIN_DB, backup, None::<fn(rusqlite::backup::Progress)>)
                .map_err(|e| {
                    StoreError::Backup(format!(
                        "恢复失败：{e}。数据库可能正被另一个窗口或命令使用，请关闭后重试；当前数据已另存为“{}”。",
                        before.file
                    ))
                })?;
            Ok(Some(before))
        }
        None => {
            let moved = set_aside(db_path)?;
            std::fs::copy(backup, db_path).map_err(|e| io_error(db_path, "写入数据库文件", e))?;
            Ok(Some(moved))
        }
    }
}

impl Store {
    /// 立即备份（“手动”或其他缘由）。内存数据库没有文件，返回 `None`。
    pub fn backup(&self, kind: BackupKind) -> Result<Option<BackupInfo>> {
        match &self.path {
            Some(p) => write_backup(&self.conn, p, kind).map(Some),
            None => Ok(None),
        }
    }

    /// 本数据库的备份，新的在前（内存数据库为空）。
    pub fn backups(&self) -> Result<Vec<BackupInfo>> {
        match &self.path {
            Some(p) => list_backups(p),
            None => Ok(Vec::new()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_back() {
        let p = Path::new("/x/backups/mulu-20261202-031500-pre-import.db");
        assert_eq!(
            parse_name(p),
            Some((BackupKind::BeforeImport, "2026-12-02 03:15:00".into()))
        );
        let p = Path::new("/x/backups/mulu-20261202-031500-daily-2.db");
        assert_eq!(parse_name(p).map(|x| x.0), Some(BackupKind::Daily));
        let p = Path::new("/x/backups/damaged-20261202-031500.db");
        assert_eq!(parse_name(p).map(|x| x.0), Some(BackupKind::Damaged));
        for bad in [
            "mulu.db",
            "mulu-2026-daily.db",
            "mulu-20261202-031500-what.db",
            "notes.txt",
        ] {
            assert_eq!(parse_name(Path::new(bad)), None, "{bad}");
        }
    }
}
