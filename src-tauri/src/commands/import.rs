//! 导入命令：读 Excel 工作簿得到预览、与目标目录比对、确认后在一个事务里写入——与命令行
//! `mulu import` 相同的步骤（`mulu-import` 的 read_workbook / plan / commit）。
//!
//! 预览与比对不写数据库，只有 [`import_commit`] 写。三个命令都重新读文件（一个目录工作簿读一次
//! 只要几十毫秒），不在程序里留状态；读文件在阻塞线程池里进行，界面不卡。

use std::path::PathBuf;

use mulu_core::model::{Catalog, ImportPlan, ImportPreview, UnitKind};
use mulu_import::{NewCatalogInfo, ReadOptions, Target};
use tauri::State;

use crate::state::AppState;

/// 导入到哪里：合并进已有目录，或新建目录（单位、类别、年度缺省取文件里的，同命令行
/// `--into`、`--unit`、`--kind`、`--year`）。
#[derive(Debug, Default)]
pub struct ImportTargetArg {
    /// 合并到的目录；为空时新建目录。
    pub into: Option<i64>,
    /// 新建目录的单位全称。
    pub unit: Option<String>,
    /// 新建单位的类别；为空时按单位名称判断（已有的单位不变）。
    pub kind: Option<UnitKind>,
    /// 新建目录的年度。
    pub year: Option<i32>,
}

/// 读工作簿得到预览（表格、事项、逐格提示），不写数据库。`domain` 为用户给认不出领域的表格选的领域。
#[tauri::command]
pub async fn import_preview(
    state: State<'_, AppState>,
    path: String,
    domain: Option<String>,
) -> Result<ImportPreview, String> {
    let opts = read_options(&state, domain.as_deref())?;
    read_off_thread(path, opts).await
}

/// 比对：导入到 `into`（为空时新建目录）将新增、更改、不变的事项，以及因认不出领域而不导入的
/// 工作表。不写数据库。
#[tauri::command]
pub async fn import_plan(
    state: State<'_, AppState>,
    path: String,
    domain: Option<String>,
    into: Option<i64>,
) -> Result<ImportPlan, String> {
    let opts = read_options(&state, domain.as_deref())?;
    let preview = read_off_thread(path, opts).await?;
    state.with(|s| mulu_import::plan(s, &preview, into))
}

/// 写入：合并进 `into`，或（`into` 为空时）以 `unit`、`kind`、`year` 新建目录（为空的取文件里的），
/// 整个过程一个事务（出错时什么都不变）。返回写入的目录。
#[tauri::command]
pub async fn import_commit(
    state: State<'_, AppState>,
    path: String,
    domain: Option<String>,
    into: Option<i64>,
    unit: Option<String>,
    kind: Option<UnitKind>,
    year: Option<i32>,
) -> Result<Catalog, String> {
    let opts = read_options(&state, domain.as_deref())?;
    let preview = read_off_thread(path, opts).await?;
    let target = ImportTargetArg {
        into,
        unit,
        kind,
        year,
    };
    commit(&state, &preview, target)
}

fn commit(
    state: &AppState,
    preview: &ImportPreview,
    target: ImportTargetArg,
) -> Result<Catalog, String> {
    let plan = state.with(|s| mulu_import::plan(s, preview, target.into))?;
    let to = match target.into {
        Some(id) => Target::Existing(id),
        None => {
            if plan.added.is_empty() {
                return Err(nothing_to_import(&plan));
            }
            Target::New(NewCatalogInfo {
                unit: target
                    .unit
                    .as_deref()
                    .map(mulu_core::text::tidy)
                    .filter(|u| !u.is_empty()),
                kind: target.kind,
                year: target.year,
            })
        }
    };
    state.with(|s| {
        let outcome = mulu_import::commit(s, preview, &plan, &to)?;
        s.get_catalog(outcome.catalog_id)
    })
}

fn nothing_to_import(plan: &ImportPlan) -> String {
    if plan.skipped_sheets.is_empty() {
        "文件里没有可导入的事项。".into()
    } else {
        format!(
            "没有可导入的事项：工作表“{}”认不出领域，请先为它选择领域。",
            plan.skipped_sheets.join("”“")
        )
    }
}

/// 可识别的领域与用户选的领域（与命令行相同：[`ReadOptions::from_store`]）。
fn read_options(state: &AppState, domain: Option<&str>) -> Result<ReadOptions, String> {
    state.with(|s| ReadOptions::from_store(s, domain))
}

async fn read_off_thread(path: String, opts: ReadOptions) -> Result<ImportPreview, String> {
    if path.trim().is_empty() {
        return Err("请选择要导入的 Excel 工作簿。".into());
    }
    tauri::async_runtime::spawn_blocking(move || {
        mulu_import::read_workbook(&PathBuf::from(path), &opts).map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| format!("读取工作簿中途出错：{e}"))?
}

/// 端到端测试的钩子：设置了环境变量 `MULU_E2E_OPEN_FILE`（一个文本文件的路径）时，界面不弹出系统的
/// “打开”对话框（WebDriver 无法操作 GTK 原生对话框），而是取该文件里的路径（一行一个；文件不存在或
/// 为空表示“取消”）。测试在点按钮之前写好这个文件。正常使用时该变量不存在，返回 `None`。
/// 见 docs/development.md。
#[tauri::command]
pub fn e2e_open_paths() -> Option<Vec<String>> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::fixture;

    fn preview(state: &AppState, name: &str) -> Result<ImportPreview, String> {
        let opts = read_options(state, None)?;
        tauri::async_runtime::block_on(read_off_thread(fixture(name), opts))
    }

    #[test]
    fn previews_without_writing_then_commits_a_new_catalog() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(dir.path().join("mulu.db"));
        let p = preview(&state, "official_openpyxl.xlsx").unwrap();
        assert_eq!(p.item_count(), 10);
        assert!(state.with(|s| s.list_catalogs()).unwrap().is_empty());
        let target = ImportTargetArg {
            unit: Some("某某县某某镇人民政府".into()),
            year: Some(2026),
            ..Default::default()
        };
        let c = commit(&state, &p, target).unwrap();
        assert_eq!(c.year, 2026);
        assert_eq!(state.with(|s| s.list_items(c.id)).unwrap().len(), 10);
        // Merging the same file again changes nothing.
        let plan = state
            .with(|s| mulu_import::plan(s, &p, Some(c.id)))
            .unwrap();
        assert_eq!(
            (plan.added.len(), plan.changed.len(), plan.unchanged),
            (0, 0, 10)
        );
        let again = ImportTargetArg {
            into: Some(c.id),
            ..Default::default()
        };
        assert_eq!(commit(&state, &p, again).unwrap().id, c.id);
        assert_eq!(state.with(|s| s.list_items(c.id)).unwrap().len(), 10);
    }

    #[test]
    fn unreadable_files_give_chinese_sentences() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(dir.path().join("mulu.db"));
        let err = preview(&state, "not_a_workbook.xlsx").unwrap_err();
        assert!(err.contains("不是 Excel 工作簿"), "{err}");
        let err = preview(&state, "empty.xlsx").unwrap_err();
        assert!(err.contains("空工作簿"), "{err}");
        let opts = read_options(&state, None).unwrap();
        let err = tauri::async_runtime::block_on(read_off_thread(" ".into(), opts)).unwrap_err();
        assert_eq!(err, "请选择要导入的 Excel 工作簿。");
    }
}
