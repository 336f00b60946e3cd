//! 存储层的错误。消息是给用户看的中文：说清楚哪里不对、该怎么办。

use std::path::PathBuf;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("无法打开数据库文件 {path}：{source}。请确认所在文件夹存在并且有写入权限。")]
    Open {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("数据库文件 {path} 已损坏或不是本程序的数据库（{detail}）。文件未被改动：请从备份恢复，或把它移到备份文件夹后新建一个空数据库。")]
    Damaged { path: PathBuf, detail: String },
    #[error("数据库 {path} 由更新版本的标准目录编制器写入（结构版本 {found}，本程序支持到 {supported}）。为免损坏数据，本程序不打开它：请安装新版本，或从备份恢复。")]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("{0}")]
    Backup(String),
    #[error("数据库结构升级失败：{0}。数据库文件未被改动，请备份该文件后联系技术支持。")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("找不到{what}（编号 {id}）。它可能已被删除，请刷新列表后重试。")]
    NotFound { what: &'static str, id: String },
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    Invalid(String),
    #[error("标准指引库里没有“{0}”领域。可用的领域见“标准指引库”页面或 `mulu guidelines`。")]
    UnknownDomain(String),
    #[error("标准指引数据有误：{0}")]
    Guideline(#[from] crate::guideline::GuidelineError),
    #[error("{0}")]
    Pack(#[from] crate::guideline::PackError),
    #[error("数据库中的数据无法解析（{0}）。数据库文件可能被其他程序改动过。")]
    Corrupt(#[from] serde_json::Error),
    #[error("数据库正被另一个窗口或命令长时间占用（已等 2 分钟），这次修改没有保存。请关闭其他正在导入或导出的窗口、命令后重试。")]
    Busy,
    #[error("数据库操作失败：{0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                StoreError::Busy
            }
            _ => StoreError::Sqlite(e),
        }
    }
}

impl StoreError {
    pub(crate) fn not_found(what: &'static str, id: impl ToString) -> Self {
        StoreError::NotFound {
            what,
            id: id.to_string(),
        }
    }
}

/// 把唯一性约束冲突翻译成用户能看懂的话，其余原样返回。
pub(crate) fn on_unique(e: rusqlite::Error, message: impl FnOnce() -> String) -> StoreError {
    match e {
        rusqlite::Error::SqliteFailure(err, _)
            if err.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
                || err.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY =>
        {
            StoreError::Conflict(message())
        }
        rusqlite::Error::SqliteFailure(err, Some(msg))
            if err.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            StoreError::Invalid(format!("数据不符合要求（{msg}），未保存。"))
        }
        other => other.into(),
    }
}
