//! 导出命令：Excel 报送表、网页、JSON（`mulu-export` 的薄适配层）。
//!
//! 目录在数据库锁内读出（很快），生成与写文件在锁外、阻塞线程池里进行，界面不卡、其他命令不等。

use std::path::PathBuf;

use mulu_core::model::CatalogExport;
use mulu_export::{ExportError, ExportOptions};
use serde::{Deserialize, Serialize};
use tauri::State;

use crate::state::AppState;

/// 界面传来的导出选项；缺省的字段取 `ExportOptions::default()`。
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ExportOptionsArg {
    /// 只导出这些领域；`null` 或空为目录的全部领域。
    pub domains: Option<Vec<String>>,
    /// 是否含“公开层级”两栏。
    pub include_level: Option<bool>,
    /// 下级一栏的名称：乡级、镇级或街道。
    pub lower_level_label: Option<String>,
}

/// 导出完成：写到哪里、多少个事项（界面据此提示用户）。
#[derive(Debug, Serialize)]
pub struct ExportDone {
    pub path: String,
    pub items: usize,
}

const LOWER_LEVEL_LABELS: [&str; 3] = ["乡级", "镇级", "街道"];

#[tauri::command]
pub async fn export_xlsx(
    state: State<'_, AppState>,
    catalog_id: i64,
    path: String,
    options: Option<ExportOptionsArg>,
) -> Result<ExportDone, String> {
    let (export, opts) = prepare(&state, catalog_id, options)?;
    write_off_thread(export, path, move |export, path| {
        mulu_export::write_xlsx(export, &opts, path)
    })
    .await
}

/// 网页与 Excel 用同样的选项（领域、公开层级栏、下级名称）。
#[tauri::command]
pub async fn export_html(
    state: State<'_, AppState>,
    catalog_id: i64,
    path: String,
    options: Option<ExportOptionsArg>,
) -> Result<ExportDone, String> {
    let (export, opts) = prepare(&state, catalog_id, options)?;
    write_off_thread(export, path, move |export, path| {
        write_text(path, mulu_export::html(export, &opts)?)
    })
    .await
}

/// JSON 总是整份目录（`schemas/catalog.schema.json`），没有选项。
#[tauri::command]
pub async fn export_json(
    state: State<'_, AppState>,
    catalog_id: i64,
    path: String,
) -> Result<ExportDone, String> {
    let export = state.with(|s| s.export_catalog(catalog_id))?;
    write_off_thread(export, path, |export, path| {
        write_text(path, mulu_export::json::to_string(export)?)
    })
    .await
}

/// 检查选项、在数据库锁内取出目录并把领域名规范化（与命令行 `mulu export` 相同）。
fn prepare(
    state: &AppState,
    catalog_id: i64,
    options: Option<ExportOptionsArg>,
) -> Result<(CatalogExport, ExportOptions), String> {
    let o = options.unwrap_or_default();
    let mut opts = ExportOptions::default();
    if let Some(yes) = o.include_level {
        opts = opts.include_level(yes);
    }
    if let Some(label) = o.lower_level_label {
        if !LOWER_LEVEL_LABELS.contains(&label.as_str()) {
            return Err(format!(
                "下级一栏的名称应为 乡级、镇级 或 街道，而不是“{label}”。"
            ));
        }
        opts = opts.lower_level_label(label);
    }
    let wanted = o.domains.filter(|d| !d.is_empty());
    let (export, domains) = state.with(|s| {
        let domains = match &wanted {
            Some(names) => Some(
                names
                    .iter()
                    .map(|d| s.resolve_domain_name(d))
                    .collect::<Result<Vec<_>, _>>()?,
            ),
            None => None,
        };
        Ok((s.export_catalog(catalog_id)?, domains))
    })?;
    if let Some(d) = domains {
        opts = opts.domains(d);
    }
    Ok((export, opts))
}

/// 端到端测试的钩子：设置了环境变量 `MULU_E2E_SAVE_DIR` 时返回它，界面便不弹出系统的
/// “另存为”对话框（WebDriver 无法操作 GTK 原生对话框），直接存到 `〈目录〉/〈默认文件名〉`。
/// 正常使用时该变量不存在，返回 `None`。见 docs/development.md。
#[tauri::command]
pub fn e2e_save_dir() -> Option<String> {
    std::env::var("MULU_E2E_SAVE_DIR")
        .ok()
        .filter(|d| !d.trim().is_empty())
}

async fn write_off_thread(
    export: CatalogExport,
    path: String,
    write: impl FnOnce(&CatalogExport, &std::path::Path) -> Result<(), ExportError> + Send + 'static,
) -> Result<ExportDone, String> {
    if path.trim().is_empty() {
        return Err("请选择导出文件的位置。".into());
    }
    tauri::async_runtime::spawn_blocking(move || {
        let p = PathBuf::from(&path);
        write(&export, &p).map_err(|e| e.to_string())?;
        Ok(ExportDone {
            path,
            items: export.items.len(),
        })
    })
    .await
    .map_err(|e| format!("导出中途出错：{e}"))?
}

fn write_text(path: &std::path::Path, text: String) -> Result<(), ExportError> {
    std::fs::write(path, text).map_err(|source| ExportError::Io {
        path: path.display().to_string(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use mulu_core::model::{NewCatalog, NewUnit, UnitKind};

    /// A database with one township catalog that adopted 社会救助 and 养老服务.
    fn state_with_catalog(dir: &tempfile::TempDir) -> (AppState, i64) {
        let state = AppState::new(dir.path().join("mulu.db"));
        let id = state
            .with(|s| {
                let unit =
                    s.create_unit(&NewUnit::new("某某县某某镇人民政府", UnitKind::Township))?;
                let c = s.create_catalog(&NewCatalog::new(unit.id, 2026))?;
                s.adopt_domain(c.id, "社会救助", None)?;
                s.adopt_domain(c.id, "养老服务", None)?;
                Ok(c.id)
            })
            .unwrap();
        (state, id)
    }

    #[test]
    fn options_default_to_the_whole_catalog() {
        let dir = tempfile::tempdir().unwrap();
        let (state, id) = state_with_catalog(&dir);
        let (export, opts) = prepare(&state, id, None).unwrap();
        assert_eq!(opts, ExportOptions::default());
        assert!(!export.items.is_empty());
    }

    #[test]
    fn options_from_the_ui_are_applied() {
        let dir = tempfile::tempdir().unwrap();
        let (state, id) = state_with_catalog(&dir);
        let arg = ExportOptionsArg {
            domains: Some(vec!["养老服务".into()]),
            include_level: Some(false),
            lower_level_label: Some("镇级".into()),
        };
        let (_, opts) = prepare(&state, id, Some(arg)).unwrap();
        assert_eq!(opts.domains, Some(vec!["养老服务".to_string()]));
        assert!(!opts.include_level);
        assert_eq!(opts.lower_level_label, "镇级");
        // An empty list means every domain, as null does.
        let arg = ExportOptionsArg {
            domains: Some(vec![]),
            ..Default::default()
        };
        assert_eq!(prepare(&state, id, Some(arg)).unwrap().1.domains, None);
    }

    #[test]
    fn bad_options_give_a_chinese_sentence() {
        let dir = tempfile::tempdir().unwrap();
        let (state, id) = state_with_catalog(&dir);
        let arg = ExportOptionsArg {
            lower_level_label: Some("村级".into()),
            ..Default::default()
        };
        let err = prepare(&state, id, Some(arg)).unwrap_err();
        assert!(
            err.contains("乡级、镇级 或 街道") && err.contains("村级"),
            "{err}"
        );
        assert!(prepare(&state, id + 100, None).is_err());
    }

    #[test]
    fn writes_the_workbook_and_reports_where() {
        let dir = tempfile::tempdir().unwrap();
        let (state, id) = state_with_catalog(&dir);
        let (export, opts) = prepare(&state, id, None).unwrap();
        let n = export.items.len();
        let path = dir.path().join("目录.xlsx").display().to_string();
        let done =
            tauri::async_runtime::block_on(write_off_thread(export, path.clone(), move |e, p| {
                mulu_export::write_xlsx(e, &opts, p)
            }))
            .unwrap();
        assert_eq!((done.path.as_str(), done.items), (path.as_str(), n));
        assert_eq!(&std::fs::read(&path).unwrap()[..2], b"PK");
    }

    #[test]
    fn write_errors_are_chinese_sentences() {
        let dir = tempfile::tempdir().unwrap();
        let (state, id) = state_with_catalog(&dir);
        let export = state.with(|s| s.export_catalog(id)).unwrap();
        let missing = dir.path().join("没有这个文件夹").join("a.json");
        let err = tauri::async_runtime::block_on(write_off_thread(
            export.clone(),
            missing.display().to_string(),
            |e, p| write_text(p, mulu_export::json::to_string(e)?),
        ))
        .unwrap_err();
        assert!(err.starts_with("无法写出文件"), "{err}");
        let err =
            tauri::async_runtime::block_on(write_off_thread(export, " ".into(), |_, _| Ok(())))
                .unwrap_err();
        assert_eq!(err, "请选择导出文件的位置。");
    }
}
