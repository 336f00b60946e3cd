//! 审核台账的命令（审核工作台）：[`mulu_api::desk`] 的薄适配层。

use mulu_api::desk::{self, DeskView, RecordOutcome, SubmissionView};
use mulu_api::desk_report::{self, DeskDashboard, LetterWritten, LettersProgress, SummaryWritten};
use mulu_api::desk_sheet::{self, SubmissionSheet};
use mulu_core::model::{Decision, DeskUnit, ListedUnit, Verdict};
use mulu_review::isolate::Isolation;
use mulu_review::FileCheck;
use tauri::{AppHandle, Emitter, State};

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

/// 一个单位一轮（为空：最新一轮）报送的一张表（为空：有问题的第一张）照原样，标出有问题的格。
/// 文件在 `mulu worker` 子进程里读（找不到 `mulu` 时在本进程里），读的时候不占数据库锁。
#[tauri::command]
pub async fn desk_sheet(
    state: State<'_, AppState>,
    unit_id: i64,
    round: Option<i64>,
    sheet: Option<String>,
) -> Result<SubmissionSheet, String> {
    let source = state.try_with(|s| desk_sheet::source(s, unit_id, round))?;
    tauri::async_runtime::spawn_blocking(move || {
        source
            .read(sheet.as_deref(), Isolation::find().as_ref())
            .map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| format!("读表格时出错：{e}"))?
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
    let path = super::paths::file_to_write(&path, &["docx"], state.db_path())?;
    state.try_with(|s| desk::write_letter(s, unit_id, &path))
}

/// 全县概况（「概况」页的数字）。
#[tauri::command]
pub async fn desk_dashboard(state: State<'_, AppState>) -> Result<DeskDashboard, String> {
    state.try_with(|s| desk_report::dashboard(s))
}

/// 写全县汇总表工作簿（.xlsx）到 `path`。
#[tauri::command]
pub async fn desk_summary(
    state: State<'_, AppState>,
    path: String,
) -> Result<SummaryWritten, String> {
    let path = super::paths::file_to_write(&path, &["xlsx"], state.db_path())?;
    state.try_with(|s| desk_report::write_summary(s, &path))
}

/// 批量写审核意见的进度事件的名称（[`LettersProgress`]）。
pub const LETTERS_EVENT: &str = "desk-letters-progress";

/// 为最新一轮有采纳问题的每个单位写一份审核意见到文件夹 `dir`；每写完一个发一次进度事件。
#[tauri::command]
pub async fn desk_letters(
    app: AppHandle,
    state: State<'_, AppState>,
    dir: String,
) -> Result<Vec<LetterWritten>, String> {
    let dir = super::paths::folder_to_write(&dir, state.db_path())?;
    state.try_with(|s| {
        desk_report::write_all_letters(s, &dir, |p: LettersProgress| {
            // 进度只是给人看的：发不出去不影响写文件。
            let _ = app.emit(LETTERS_EVENT, p);
        })
    })
}

/// 把界面画好的图（PNG，如审核台账的概况）写到 `path`；内容必须是 PNG。
#[tauri::command]
pub async fn save_png(
    state: State<'_, AppState>,
    path: String,
    bytes: Vec<u8>,
) -> Result<(), String> {
    let path = super::paths::file_to_write(&path, &["png"], state.db_path())?;
    if !bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Err("要保存的不是 PNG 图片，请重新导出。".into());
    }
    std::fs::write(&path, &bytes).map_err(|e| {
        format!(
            "无法写出“{}”：{e}。请换一个文件夹，或关掉正打开它的程序后重试。",
            path.display()
        )
    })
}
