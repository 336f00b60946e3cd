//! 审核台账的命令（审核工作台）：[`mulu_api::desk`] 的薄适配层。

use mulu_api::desk::{self, DeskView, RecordOutcome, SubmissionView};
use mulu_core::model::{Decision, DeskUnit, ListedUnit, Verdict};
use mulu_review::FileCheck;
use tauri::State;

use crate::state::AppState;

/// 读单位名单工作簿并换上（名单上没有了的单位连同其报送一起删去）。
#[tauri::command]
pub async fn desk_import_units(
    state: State<'_, AppState>,
    path: String,
) -> Result<Vec<DeskUnit>, String> {
    state.try_with(|s| desk::import_units(s, std::path::Path::new(&path)))
}

/// 换上给出的单位名单（手工输入）。
#[tauri::command]
pub async fn desk_set_units(
    state: State<'_, AppState>,
    units: Vec<ListedUnit>,
) -> Result<Vec<DeskUnit>, String> {
    state.try_with(|s| desk::set_units(s, &units))
}

/// 把检查过的文件按单位记下。
#[tauri::command]
pub async fn desk_record(
    state: State<'_, AppState>,
    checks: Vec<FileCheck>,
) -> Result<RecordOutcome, String> {
    state.try_with(|s| desk::record(s, &checks))
}

/// 确认一个“请确认”的配对。
#[tauri::command]
pub async fn desk_confirm_match(
    state: State<'_, AppState>,
    unit_id: i64,
    round: i64,
) -> Result<(), String> {
    state.try_with(|s| desk::confirm_match(s, unit_id, round))
}

/// 把一轮报送改配到另一个单位，返回它在那个单位名下的轮次。
#[tauri::command]
pub async fn desk_reassign(
    state: State<'_, AppState>,
    unit_id: i64,
    round: i64,
    to: i64,
) -> Result<i64, String> {
    state.try_with(|s| desk::reassign(s, unit_id, round, to))
}

/// 整个台账。
#[tauri::command]
pub async fn desk_view(state: State<'_, AppState>) -> Result<DeskView, String> {
    state.try_with(|s| desk::view(s))
}

/// 一个单位一轮（为空：最新一轮）的详情。
#[tauri::command]
pub async fn desk_submission(
    state: State<'_, AppState>,
    unit_id: i64,
    round: Option<i64>,
) -> Result<SubmissionView, String> {
    state.try_with(|s| desk::submission(s, unit_id, round))
}

/// 采纳或不采纳一条问题。
#[tauri::command]
pub async fn desk_decide(
    state: State<'_, AppState>,
    unit_id: i64,
    rule: String,
    place: String,
    verdict: Verdict,
    reason: String,
) -> Result<Decision, String> {
    state.try_with(|s| desk::decide(s, unit_id, &rule, &place, verdict, &reason))
}

/// 撤销对一条问题的决定。
#[tauri::command]
pub async fn desk_undecide(
    state: State<'_, AppState>,
    unit_id: i64,
    rule: String,
    place: String,
) -> Result<(), String> {
    state.try_with(|s| desk::undecide(s, unit_id, &rule, &place))
}

/// 写一个单位最新一轮的《审核意见》（.docx，列出采纳的问题）到 `path`；返回写进去的各段文字。
#[tauri::command]
pub async fn desk_letter(
    state: State<'_, AppState>,
    unit_id: i64,
    path: String,
) -> Result<Vec<String>, String> {
    state.try_with(|s| desk::write_letter(s, unit_id, std::path::Path::new(&path)))
}
