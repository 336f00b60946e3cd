//! 导入命令：读文件得到预览（只读一次）、与目标目录比对、确认后写入预览时读到的内容——用例见
//! [`mulu_api::import`]，与命令行 `mulu import` 相同。
//!
//! 预览留在 [`ImportSessions`] 里，界面拿编号（token）比对、写入，不再读文件；写入前核对文件指纹，
//! 预览之后文件被改过就拒绝。读文件在阻塞线程池里进行，界面不卡。

use std::path::PathBuf;

use mulu_api::import::{read_options, ImportPreviewed, ImportSession, ImportTarget};
use mulu_core::model::{Catalog, ImportPlan};
use tauri::State;

use crate::state::AppState;

/// 最近几次导入的预览（编号 → 会话），见 [`crate::sessions`]。
pub type ImportSessions = crate::sessions::Sessions<ImportSession>;

/// 读文件得到预览（表格、事项、逐格提示）与它的编号，不写数据库。`domain` 为用户给认不出领域的表格
/// 选的领域（换了领域就是新的一次预览）。
#[tauri::command]
pub async fn import_preview(
    state: State<'_, AppState>,
    sessions: State<'_, ImportSessions>,
    path: String,
    domain: Option<String>,
) -> Result<ImportPreviewed, String> {
    let session = read(&state, path, domain).await?;
    let preview = session.preview.clone();
    Ok(ImportPreviewed {
        token: sessions.insert(session),
        preview,
    })
}

/// 比对：这次预览导入到 `into`（为空时新建目录）将新增、更改、不变的事项，以及因认不出领域而不导入的
/// 工作表。不读文件，不写数据库。
#[tauri::command]
pub async fn import_plan(
    state: State<'_, AppState>,
    sessions: State<'_, ImportSessions>,
    token: u64,
    into: Option<i64>,
) -> Result<ImportPlan, String> {
    sessions.with(token, false, |sess| {
        state.try_with(|s| sess.plan(s, into).cloned())
    })
}

/// 写入这次预览（对 `target` 的那份比对），一个事务；文件在预览之后被改过时拒绝。返回写入的目录。
#[tauri::command]
pub async fn import_commit(
    state: State<'_, AppState>,
    sessions: State<'_, ImportSessions>,
    token: u64,
    target: ImportTarget,
) -> Result<Catalog, String> {
    sessions.with(token, true, |sess| {
        state.try_with(|s| sess.commit(s, &target).map(|c| c.catalog))
    })
}

async fn read(
    state: &AppState,
    path: String,
    domain: Option<String>,
) -> Result<ImportSession, String> {
    let opts = state.try_with(|s| read_options(s, domain.as_deref()))?;
    tauri::async_runtime::spawn_blocking(move || {
        ImportSession::read(&PathBuf::from(path), &opts).map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| format!("读取工作簿中途出错：{e}"))?
}

/// 端到端测试的钩子：设置了环境变量 `MULU_E2E_OPEN_FILE`（一个文本文件的路径）时，界面不弹出系统的
/// “打开”对话框（WebDriver 无法操作 GTK 原生对话框），而是取该文件里的路径（一行一个；文件不存在或
/// 为空表示“取消”）。测试在点按钮之前写好这个文件。正常使用时该变量不存在，返回 `None`。
/// 见 docs/development.md。
///
/// 只编进调试构建（端到端测试用的就是它）或带 `e2e` 特性的构建；发布构建里恒为 `None`，不读环境变量。
#[tauri::command]
pub fn e2e_open_paths() -> Option<Vec<String>> {
    #[cfg(any(debug_assertions, feature = "e2e"))]
    {
        let file = std::env::var("MULU_E2E_OPEN_FILE")
            .ok()
            .filter(|f| !f.trim().is_empty())?;
        let text = std::fs::read_to_string(file).unwrap_or_default();
        Some(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect(),
        )
    }
    #[cfg(not(any(debug_assertions, feature = "e2e")))]
    {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::fixture;

    fn preview(state: &AppState, sessions: &ImportSessions, path: String) -> Result<u64, String> {
        let sess = tauri::async_runtime::block_on(read(state, path, None))?;
        Ok(sessions.insert(sess))
    }

    fn new_catalog() -> ImportTarget {
        ImportTarget {
            unit: Some("某某县某某镇人民政府".into()),
            year: Some(2026),
            ..Default::default()
        }
    }

    fn plan(
        state: &AppState,
        sessions: &ImportSessions,
        token: u64,
        into: Option<i64>,
    ) -> ImportPlan {
        sessions
            .with(token, false, |sess| {
                state.try_with(|s| sess.plan(s, into).cloned())
            })
            .unwrap()
    }

    fn commit(
        state: &AppState,
        sessions: &ImportSessions,
        token: u64,
        t: ImportTarget,
    ) -> Result<Catalog, String> {
        sessions.with(token, true, |sess| {
            state.try_with(|s| sess.commit(s, &t).map(|c| c.catalog))
        })
    }

    #[test]
    fn previews_once_then_commits_a_new_catalog() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(dir.path().join("mulu.db"));
        let sessions = ImportSessions::default();
        let token = preview(&state, &sessions, fixture("official_openpyxl.xlsx")).unwrap();
        assert_eq!(plan(&state, &sessions, token, None).added.len(), 10);
        assert!(state.with(|s| s.list_catalogs()).unwrap().is_empty());
        let c = commit(&state, &sessions, token, new_catalog()).unwrap();
        assert_eq!(c.year, 2026);
        assert_eq!(state.with(|s| s.list_items(c.id)).unwrap().len(), 10);
        // The preview is used up: committing it again is refused.
        let err = commit(&state, &sessions, token, new_catalog()).unwrap_err();
        assert!(err.contains("预览已失效"), "{err}");
    }

    #[test]
    fn a_file_changed_after_the_preview_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(dir.path().join("mulu.db"));
        let sessions = ImportSessions::default();
        let path = dir.path().join("目录.xlsx");
        std::fs::copy(fixture("official_openpyxl.xlsx"), &path).unwrap();
        let token = preview(&state, &sessions, path.display().to_string()).unwrap();
        plan(&state, &sessions, token, None);
        std::fs::copy(fixture("county_department_nolevel.xlsx"), &path).unwrap();
        let err = commit(&state, &sessions, token, new_catalog()).unwrap_err();
        assert!(err.contains("预览之后被修改过"), "{err}");
        assert!(!err.contains("--"), "{err}");
        assert!(state.with(|s| s.list_catalogs()).unwrap().is_empty());
    }

    #[test]
    fn unreadable_files_give_chinese_sentences() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(dir.path().join("mulu.db"));
        let sessions = ImportSessions::default();
        let err = preview(&state, &sessions, fixture("not_a_workbook.xlsx")).unwrap_err();
        assert!(err.contains("不是 Excel 工作簿"), "{err}");
        let err = preview(&state, &sessions, fixture("empty.xlsx")).unwrap_err();
        assert!(err.contains("空工作簿"), "{err}");
        let err = preview(&state, &sessions, " ".into()).unwrap_err();
        assert!(err.starts_with("请选择要导入的"), "{err}");
    }
}
