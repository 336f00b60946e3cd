//! 备份与恢复，以及数据库打不开时的出路（界面启动时先问 `store_status`）。

use mulu_core::store::{self as core, BackupInfo, BackupKind, StoreError};
use serde::Serialize;
use tauri::State;

use crate::state::AppState;

/// 数据库能否打开；打不开时说明原因，界面据此给出“从备份恢复 / 移开后新建”的出路。
#[derive(Serialize)]
pub struct StoreStatus {
    /// `ok`、`damaged`（损坏或不是数据库）、`too_new`（更新版本的程序写的）或 `error`。
    state: &'static str,
    message: Option<String>,
    db_path: String,
}

#[tauri::command]
pub fn store_status(state: State<'_, AppState>) -> StoreStatus {
    let problem = state.open_error();
    let (code, message) = match problem {
        None => ("ok", None),
        Some(e @ StoreError::Damaged { .. }) => ("damaged", Some(e.to_string())),
        Some(e @ StoreError::TooNew { .. }) => ("too_new", Some(e.to_string())),
        Some(e) => ("error", Some(e.to_string())),
    };
    StoreStatus {
        state: code,
        message,
        db_path: state.db_path().display().to_string(),
    }
}

#[tauri::command]
pub fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupInfo>, String> {
    core::list_backups(state.db_path()).map_err(|e| e.to_string())
}

#[tauri::command]
pub fn backup_now(state: State<'_, AppState>) -> Result<Option<BackupInfo>, String> {
    state.with(|s| s.backup(BackupKind::Manual))
}

/// 用一份备份恢复。只接受本数据库备份文件夹里列出的文件（不接受界面传来的任意路径）。
#[tauri::command]
pub fn restore_backup(
    state: State<'_, AppState>,
    file: String,
) -> Result<Option<BackupInfo>, String> {
    let known = core::list_backups(state.db_path()).map_err(|e| e.to_string())?;
    let Some(b) = known.into_iter().find(|b| b.file == file) else {
        return Err("这份备份不在备份列表里，请刷新列表后重新选择。".into());
    };
    state.closed(|db| {
        core::restore_backup(db, std::path::Path::new(&b.file)).map_err(|e| e.to_string())
    })
}

/// 把打不开的数据库原样移到备份文件夹，下次使用时新建空数据库。数据库能打开时拒绝。
#[tauri::command]
pub fn set_aside_database(state: State<'_, AppState>) -> Result<BackupInfo, String> {
    if state.open_error().is_none() {
        return Err("数据库可以正常打开，不需要移开。".into());
    }
    state.closed(|db| core::set_aside(db).map_err(|e| e.to_string()))
}
