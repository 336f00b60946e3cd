//! 导出：Excel 报送表、网页、JSON。选项在 [`prepare`] 里校验、领域名在这里规范化；写文件的
//! [`write`] 不碰数据库（桌面程序在锁外、阻塞线程池里调用它）。
//!
//! ```
//! use mulu_api::export::{self, ExportFormat, ExportOptionsArg};
//! # fn main() -> mulu_api::Result<()> {
//! # let dir = tempfile::tempdir().unwrap();
//! let mut store = mulu_core::store::Store::open(&dir.path().join("mulu.db"))?;
//! # let unit = store.create_unit(&mulu_core::model::NewUnit::new("某某县某某镇人民政府", mulu_core::model::UnitKind::Township))?;
//! # let id = store.create_catalog(&mulu_core::model::NewCatalog::new(unit.id, 2026))?.id;
//! # store.adopt_domain(id, "社会救助", None)?;
//! let (catalog, opts) = export::prepare(&store, id, &ExportOptionsArg::default())?;
//! let out = dir.path().join("目录.xlsx");
//! let done = export::write(&catalog, &opts, ExportFormat::Xlsx, &out)?;
//! assert_eq!(done.items, catalog.items.len());
//! # Ok(()) }
//! ```

use std::path::Path;

use mulu_core::model::CatalogExport;
use mulu_core::store::Store;
use mulu_export::{ExportError, ExportOptions, LowerLevelLabel};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ApiError, Result};

/// 导出成什么。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// 官方报送格式的 Excel 工作簿。
    Xlsx,
    /// 可发布的网页（单个 HTML 文件）。
    Html,
    /// 整份目录（`schemas/catalog.schema.json`），不看选项。
    Json,
}

impl ExportFormat {
    /// 给用户看的名称。
    pub fn noun(self) -> &'static str {
        match self {
            ExportFormat::Xlsx => "Excel 工作簿",
            ExportFormat::Html => "网页",
            ExportFormat::Json => "JSON",
        }
    }
}

/// 导出选项（界面与命令行的参数）；缺省为目录的全部领域、含公开层级栏、下级为“乡级”。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ExportOptionsArg {
    /// 只导出这些领域（名称或别名）；`null` 或空为目录的全部领域。
    pub domains: Option<Vec<String>>,
    /// 是否含“公开层级”两栏。
    pub include_level: bool,
    /// 下级一栏的名称。
    pub lower_level_label: LowerLevelLabel,
}

impl Default for ExportOptionsArg {
    fn default() -> Self {
        ExportOptionsArg {
            domains: None,
            include_level: true,
            lower_level_label: LowerLevelLabel::default(),
        }
    }
}

/// 导出完成：写到哪里、多少个事项。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportDone {
    pub path: String,
    /// 整份目录的事项数。
    #[ts(type = "number")]
    pub items: usize,
    /// 目录标题（命令行的提示用）。
    pub title: String,
}

/// 取出目录并把选项换成 [`ExportOptions`]（领域名按指引库规范化；认不出的领域是错误）。
pub fn prepare(
    store: &Store,
    catalog_id: i64,
    arg: &ExportOptionsArg,
) -> Result<(CatalogExport, ExportOptions)> {
    let mut opts = ExportOptions::default()
        .include_level(arg.include_level)
        .lower_level_label(arg.lower_level_label);
    if let Some(names) = arg.domains.as_ref().filter(|d| !d.is_empty()) {
        let resolved = names
            .iter()
            .map(|d| store.resolve_domain_name(d))
            .collect::<Result<Vec<_>, _>>()?;
        opts = opts.domains(resolved);
    }
    opts.portal_links = crate::portal::links(store, catalog_id)?;
    Ok((store.export_catalog(catalog_id)?, opts))
}

/// 写出文件（不碰数据库）。`path` 为空白时给出一句中文说明。
pub fn write(
    export: &CatalogExport,
    opts: &ExportOptions,
    format: ExportFormat,
    path: &Path,
) -> Result<ExportDone> {
    if path.as_os_str().to_string_lossy().trim().is_empty() {
        return Err(ApiError::Invalid("请选择导出文件的位置。".into()));
    }
    match format {
        ExportFormat::Xlsx => mulu_export::write_xlsx(export, opts, path)?,
        ExportFormat::Html => write_text(path, mulu_export::html(export, opts)?)?,
        ExportFormat::Json => write_text(path, mulu_export::json::to_string(export)?)?,
    }
    Ok(ExportDone {
        path: path.display().to_string(),
        items: export.items.len(),
        title: export.catalog.title.clone(),
    })
}

fn write_text(path: &Path, text: String) -> Result<(), ExportError> {
    mulu_core::atomic::write(path, text.as_bytes()).map_err(|source| ExportError::Io {
        path: path.display().to_string(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use mulu_core::model::{NewCatalog, NewUnit, UnitKind};

    /// A database with one township catalog that adopted 社会救助 and 养老服务.
    fn store_with_catalog(dir: &tempfile::TempDir) -> (Store, i64) {
        let mut s = Store::open(&dir.path().join("mulu.db")).unwrap();
        let unit = s
            .create_unit(&NewUnit::new("某某县某某镇人民政府", UnitKind::Township))
            .unwrap();
        let c = s.create_catalog(&NewCatalog::new(unit.id, 2026)).unwrap();
        s.adopt_domain(c.id, "社会救助", None).unwrap();
        s.adopt_domain(c.id, "养老服务", None).unwrap();
        (s, c.id)
    }

    #[test]
    fn options_default_to_the_whole_catalog() {
        let dir = tempfile::tempdir().unwrap();
        let (s, id) = store_with_catalog(&dir);
        let (export, opts) = prepare(&s, id, &ExportOptionsArg::default()).unwrap();
        assert_eq!(opts, ExportOptions::default());
        assert!(!export.items.is_empty());
        // An empty list means every domain, as null does.
        let arg = ExportOptionsArg {
            domains: Some(vec![]),
            ..Default::default()
        };
        assert_eq!(prepare(&s, id, &arg).unwrap().1.domains, None);
    }

    #[test]
    fn options_from_json_are_applied_and_bad_labels_refused() {
        let dir = tempfile::tempdir().unwrap();
        let (s, id) = store_with_catalog(&dir);
        let arg: ExportOptionsArg = serde_json::from_str(
            r#"{"domains":["养老服务"],"include_level":false,"lower_level_label":"镇级"}"#,
        )
        .unwrap();
        let (_, opts) = prepare(&s, id, &arg).unwrap();
        assert_eq!(opts.domains, Some(vec!["养老服务".to_string()]));
        assert!(!opts.include_level);
        assert_eq!(opts.lower_level_label, LowerLevelLabel::Town);
        // Missing fields take the defaults; an unknown label does not deserialise.
        let arg: ExportOptionsArg = serde_json::from_str("{}").unwrap();
        assert_eq!(arg, ExportOptionsArg::default());
        assert!(
            serde_json::from_str::<ExportOptionsArg>(r#"{"lower_level_label":"村级"}"#).is_err()
        );
        assert!(prepare(&s, id + 100, &ExportOptionsArg::default()).is_err());
    }

    #[test]
    fn writes_each_format_and_reports_where() {
        let dir = tempfile::tempdir().unwrap();
        let (s, id) = store_with_catalog(&dir);
        let (export, opts) = prepare(&s, id, &ExportOptionsArg::default()).unwrap();
        for (format, name) in [
            (ExportFormat::Xlsx, "a.xlsx"),
            (ExportFormat::Html, "a.html"),
            (ExportFormat::Json, "a.json"),
        ] {
            let path = dir.path().join(name);
            let done = write(&export, &opts, format, &path).unwrap();
            assert_eq!(done.items, export.items.len());
            assert_eq!(done.path, path.display().to_string());
            assert!(std::fs::metadata(&path).unwrap().len() > 0);
        }
    }

    #[test]
    fn write_errors_are_chinese_sentences() {
        let dir = tempfile::tempdir().unwrap();
        let (s, id) = store_with_catalog(&dir);
        let (export, opts) = prepare(&s, id, &ExportOptionsArg::default()).unwrap();
        let missing = dir.path().join("没有这个文件夹").join("a.json");
        let err = write(&export, &opts, ExportFormat::Json, &missing).unwrap_err();
        assert!(err.to_string().starts_with("无法写出文件"), "{err}");
        let err = write(&export, &opts, ExportFormat::Json, Path::new(" ")).unwrap_err();
        assert_eq!(err.to_string(), "请选择导出文件的位置。");
    }
}
