//! 审核规则：检查一份标准目录——库里的，或刚从文件读出的导入预览——逐项、逐格指出问题。
//!
//! 每个问题（[`Finding`]）带规则编号（稳定，见 `docs/rules.md` 与 [`RULES`]）、严重程度
//! （错误/警告/提示）、事项与字段、来自文件时的工作表与单元格（如 `F12`）、一句中文说明
//! （哪里不对、在哪里、该怎么办），以及有把握时的建议改法。
//!
//! 输入与来源无关：[`CatalogUnderReview`] 可由导入预览（[`CatalogUnderReview::from_preview`]）、
//! 库里的目录（[`StoredCatalog::load`] + [`StoredCatalog::review`]，或一步到位的 [`check_stored`]）
//! 或几条事项内容（[`CatalogUnderReview::from_fields`]）构造。规则表见 [`rules::catalog`]。
//! 版本比对在 [`diff`]。
//!
//! ```
//! use std::collections::BTreeMap;
//! use mulu_core::guideline::builtin_domains;
//! use mulu_core::model::{Channels, Field, ImportPreview, ItemFields, Mode, PreviewItem, PreviewSheet};
//! use mulu_review::{check, CatalogUnderReview};
//!
//! let guidelines = builtin_domains()?;
//! let fields = ItemFields {
//!     domain: "社会救助".into(),
//!     l1: "临时救助".into(),
//!     l2: "审批结果".into(),
//!     content: "救助对象姓名、救助金额等".into(),
//!     basis: vec!["《中华人民共和国政府信息公开条例》（国务院令第492号）".into()],
//!     time_limit: "办理完成后30个工作日内".into(),
//!     subject: "县级民政部门".into(),
//!     channels: Channels::from_names(["政府网站"]),
//!     mode: vec![Mode::Proactive],
//!     ..Default::default()
//! };
//! let preview = ImportPreview {
//!     file: "某某镇目录.xlsx".into(),
//!     sheets: vec![PreviewSheet {
//!         sheet: "社会救助".into(),
//!         domain: Some("社会救助".into()),
//!         items: vec![PreviewItem {
//!             fields,
//!             sheet: "社会救助".into(),
//!             row: 12,
//!             cells: BTreeMap::from([(Field::Basis, "E12".into()), (Field::TimeLimit, "F12".into())]),
//!             id: None,
//!             provenance: None,
//!         }],
//!         diagnostics: vec![],
//!     }],
//!     origin: None,
//!     unit_hint: Some("某某县某某镇".into()),
//! };
//!
//! let report = check(&CatalogUnderReview::from_preview(&preview, &guidelines));
//!
//! // 引用了已废止的2007年条例（国务院令第492号），指到 E12，并给出现行文本。
//! let repealed = report.by_rule("R201-basis-repealed").next().unwrap();
//! assert_eq!(repealed.location(), "社会救助!E12");
//! assert_eq!(repealed.suggestion.as_deref(), Some("《中华人民共和国政府信息公开条例》（国务院令第711号）"));
//!
//! // 主动公开却要30个工作日，超过条例第二十六条的20个工作日。
//! let late = report.by_rule("R302-time-limit-too-long").next().unwrap();
//! assert_eq!(late.cell.as_deref(), Some("F12"));
//!
//! // 没有勾选公开对象；社会救助领域的其他指引事项都缺着。
//! assert!(report.by_rule("R102-audience-marks").count() == 1);
//! assert!(report.coverage.expected > report.coverage.present);
//! assert!(report.has_errors());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod annotate;
pub mod batch;
pub mod codegen;
pub mod desk;
pub mod diff;
mod error;
mod input;
pub mod isolate;
pub mod portal;
pub mod powers;
mod report;
pub mod rules;
pub mod sheet;
mod summary;

pub use annotate::{annotated_bytes, write_annotated};
pub use batch::{
    annotate_workbook, annotated_path, check_workbook, check_workbook_with_report, load_guidelines,
    AnnotatedFile, BatchProgress, FileCheck, FileFinding,
};
pub use desk::{match_unit, units_check, DeskStatus, UnitMatch, UnitStatus, UnitsCheck};
pub use error::ReviewError;
pub use input::{guess_unit_kind, CatalogUnderReview, ReviewItem, StoredCatalog};
pub use report::{Coverage, DomainCoverage, Finding, ItemRef, Report, SeverityCounts};
pub use rules::catalog::{rule, RuleInfo, RULES};
pub use rules::{
    builtin_repealed, classify_time_limit, parse_repealed, RepealedStatus, RepealedText, TimeLimit,
};
pub use sheet::{read_sheet_grid, SheetGrid, SheetHeader, SheetMerge};
pub use summary::{write_summary, SummaryRow};

/// 对一份目录执行全部规则。问题按工作表、行、列排序（库里的目录按领域、事项顺序、字段）。
pub fn check(c: &CatalogUnderReview) -> Report {
    let (findings, coverage) = rules::run_all(c);
    let mut counts = SeverityCounts::default();
    for f in &findings {
        counts.add(f.severity);
    }
    Report {
        findings,
        item_count: c.items.len(),
        counts,
        coverage,
    }
}

/// 读出库里的一份目录并审核（[`StoredCatalog::load`] + [`check`]）。
pub fn check_stored(
    store: &mulu_core::store::Store,
    catalog_id: i64,
) -> Result<Report, ReviewError> {
    let stored = StoredCatalog::load(store, catalog_id)?;
    Ok(check(&stored.review()))
}
