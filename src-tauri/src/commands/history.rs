//! 修改历史的命令：`mulu_api::history` 的薄适配层。

use mulu_core::store::{ChangeSet, UndoOutcome};
use tauri::State;

use crate::state::AppState;

/// 一份目录最近的改动批次（新的在前）。
#[tauri::command]
pub fn catalog_history(
    state: State<'_, AppState>,
    catalog_id: i64,
) -> Result<Vec<ChangeSet>, String> {
    state.try_with(|s| mulu_api::history::catalog(s, catalog_id, mulu_api::history::DEFAULT_LIMIT))
}

/// 一个事项的全部历史。
#[tauri::command]
pub fn item_history(state: State<'_, AppState>, item_id: i64) -> Result<Vec<ChangeSet>, String> {
    state.try_with(|s| mulu_api::history::item(s, item_id))
}

/// 整批撤销一次操作（例如一次导入）。
#[tauri::command]
pub fn undo_change_set(state: State<'_, AppState>, change_set: i64) -> Result<UndoOutcome, String> {
    state.try_with(|s| mulu_api::history::undo(s, change_set))
}

/// 放回一条删除的事项、不予公开事项或不涉及标记。
#[tauri::command]
pub fn restore_deleted(state: State<'_, AppState>, history_id: i64) -> Result<UndoOutcome, String> {
    state.try_with(|s| mulu_api::history::restore(s, history_id))
}
