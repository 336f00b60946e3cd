//! 导出命令：Excel 报送表、网页、JSON（用例见 [`mulu_api::export`]）。
//!
//! 目录在数据库锁内读出（很快），生成与写文件在锁外、阻塞线程池里进行，界面不卡、其他命令不等。

use std::path::PathBuf;

use mulu_api::export::{self, ExportDone, ExportFormat, ExportOptionsArg};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn export_xlsx(
    state: State<'_, AppState>,
    catalog_id: i64,
    path: String,
    options: Option<ExportOptionsArg>,
) -> Result<ExportDone, String> {
    run(&state, catalog_id, path, ExportFormat::Xlsx, options).await
}

/// 网页与 Excel 用同样的选项（领域、公开层级栏、下级名称）。
#[tauri::command]
pub async fn export_html(
    state: State<'_, AppState>,
    catalog_id: i64,
    path: String,
    options: Option<ExportOptionsArg>,
) -> Result<ExportDone, String> {
    run(&state, catalog_id, path, ExportFormat::Html, options).await
}

/// JSON 总是整份目录（`schemas/catalog.schema.json`），没有选项。
#[tauri::command]
pub async fn export_json(
    state: State<'_, AppState>,
    catalog_id: i64,
    path: String,
) -> Result<ExportDone, String> {
    run(&state, catalog_id, path, ExportFormat::Json, None).await
}

async fn run(
    state: &AppState,
    catalog_id: i64,
    path: String,
    format: ExportFormat,
    options: Option<ExportOptionsArg>,
) -> Result<ExportDone, String> {
    let exts: &[&str] = match format {
        ExportFormat::Xlsx => &["xlsx"],
        ExportFormat::Html => &["html", "htm"],
        ExportFormat::Json => &["json"],
    };
    if path.trim().is_empty() {
        return Err("请选择导出文件的位置。".into());
    }
    let path: PathBuf = super::paths::file_to_write(&path, exts, state.db_path())?;
    let arg = options.unwrap_or_default();
    let (catalog, opts) = state.try_with(|s| export::prepare(s, catalog_id, &arg))?;
    tauri::async_runtime::spawn_blocking(move || {
        export::write(&catalog, &opts, format, &path).map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| format!("导出中途出错：{e}"))?
}

/// 端到端测试的钩子：设置了环境变量 `MULU_E2E_SAVE_DIR` 时返回它，界面便不弹出系统的
/// “另存为”对话框（WebDriver 无法操作 GTK 原生对话框），直接存到 `〈目录〉/〈默认文件名〉`。
/// 正常使用时该变量不存在，返回 `None`。见 docs/development.md。
///
/// 只编进调试构建（端到端测试用的就是它）或带 `e2e` 特性的构建；发布构建里恒为 `None`，不读环境变量。
#[tauri::command]
pub fn e2e_save_dir() -> Option<String> {
    #[cfg(any(debug_assertions, feature = "e2e"))]
    {
        std::env::var("MULU_E2E_SAVE_DIR")
            .ok()
            .filter(|d| !d.trim().is_empty())
    }
    #[cfg(not(any(debug_assertions, feature = "e2e")))]
    {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mulu_core::model::{NewCatalog, NewUnit, UnitKind};

    /// The options arrive from the UI as JSON (snake_case fields, Chinese label) and are applied.
    #[test]
    fn options_from_the_ui_are_applied() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(dir.path().join("mulu.db"));
        let id = state
            .with(|s| {
                let unit =
                    s.create_unit(&NewUnit::new("某某县某某镇人民政府", UnitKind::Township))?;
                let c = s.create_catalog(&NewCatalog::new(unit.id, 2026))?;
                s.adopt_domain(c.id, "养老服务", None)?;
                Ok(c.id)
            })
            .unwrap();
        let options: ExportOptionsArg = serde_json::from_str(
            r#"{"domains":["养老服务"],"include_level":false,"lower_level_label":"镇级"}"#,
        )
        .unwrap();
        let path = dir.path().join("目录.xlsx").display().to_string();
        let done = tauri::async_runtime::block_on(run(
            &state,
            id,
            path.clone(),
            ExportFormat::Xlsx,
            Some(options),
        ))
        .unwrap();
        assert_eq!(done.path, path);
        assert_eq!(&std::fs::read(&path).unwrap()[..2], b"PK");
        let err =
            tauri::async_runtime::block_on(run(&state, id, " ".into(), ExportFormat::Json, None))
                .unwrap_err();
        assert_eq!(err, "请选择导出文件的位置。");
    }
}
