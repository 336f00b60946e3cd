//! 批量审核收到的工作簿：读一个文件（`mulu-import`）、审核它、需要时写批注工作簿。
//! 命令行 `mulu check` 与桌面程序的审核工作台共用这里，两边结果一致。

use std::path::{Path, PathBuf};

use mulu_core::guideline::GuidelineDomain;
use mulu_core::store::{Store, StoreError};
use mulu_import::ReadOptions;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use mulu_core::model::{Field, Severity};

use crate::{check, CatalogUnderReview, Coverage, Finding, Report};

/// 一个工作簿的审核结果：`mulu check --json` 的每一项，也是桌面程序审核工作台收到的结果
/// （命令 `check_files`）。键名是对外约定（`docs/review.md`，只增不改；v1 的键见
/// `tests/fixtures/review/check-json-v1.json`）。读不了的文件 `readable` 为假、`error` 说明原因、
/// `findings` 为空。
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct FileCheck {
    /// 文件路径（显示用）。
    pub path: String,
    /// 编制单位：本程序导出的文件取往返数据里的单位，其他文件取标题里的单位名。
    pub unit: Option<String>,
    /// 读出事项的领域，按出现顺序。
    pub domains: Vec<String>,
    /// 事项数。
    pub items: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// 指引覆盖率（百分数）；读不了时为空。
    pub coverage: Option<f64>,
    /// 读不了（或写批注工作簿失败）时的原因（中文句子）。
    pub error: Option<String>,
    pub findings: Vec<FileFinding>,
    /// 写出的批注工作簿（`mulu check --annotate`）。
    pub annotated: Option<String>,
    /// 文件读出并审核了（v2 起）。为假时 `error` 是读不了的原因。
    pub readable: bool,
    /// 各领域的覆盖情况（v2 起）；读不了时为空。
    pub coverage_detail: Option<Coverage>,
}

/// `FileCheck` 里的一条问题（[`Finding`] 的对外形式：`item` 是“一级事项 / 二级事项”）。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct FileFinding {
    /// 规则编号，例如 `R101-required-field`。
    pub rule: String,
    pub severity: Severity,
    pub sheet: Option<String>,
    /// 单元格，例如 `H12`。
    pub cell: Option<String>,
    /// 事项：“一级事项 / 二级事项”。
    pub item: Option<String>,
    pub field: Option<Field>,
    pub message: String,
    pub suggestion: Option<String>,
    /// 所属领域（v2 起）；领域未识别时为空。
    pub domain: String,
    /// 事项所在的行（从 1 起，v2 起）。
    pub row: Option<u32>,
}

impl FileFinding {
    pub fn from_finding(f: &Finding) -> Self {
        FileFinding {
            rule: f.rule.clone(),
            severity: f.severity,
            sheet: f.sheet.clone(),
            cell: f.cell.clone(),
            item: f.item.as_ref().map(|i| i.display_name()),
            field: f.field,
            message: f.message.clone(),
            suggestion: f.suggestion.clone(),
            domain: f.domain.clone(),
            row: f.item.as_ref().and_then(|i| i.row),
        }
    }

    /// 完整的位置（同 [`Finding::location`]）：`社会救助!F12`、`社会救助 第12行`、事项或领域。
    pub fn location(&self) -> String {
        match (&self.sheet, &self.cell, self.row, &self.item) {
            (Some(s), Some(c), _, _) => format!("{s}!{c}"),
            (Some(s), None, Some(r), _) => format!("{s} 第{r}行"),
            (Some(s), None, None, _) => s.clone(),
            (None, _, _, Some(i)) => i.clone(),
            (None, _, _, None) => self.domain.clone(),
        }
    }
}

impl FileCheck {
    /// 读不了的文件。
    pub fn unreadable(path: String, why: String) -> Self {
        FileCheck {
            path,
            unit: None,
            domains: Vec::new(),
            items: 0,
            errors: 0,
            warnings: 0,
            infos: 0,
            coverage: None,
            error: Some(why),
            findings: Vec::new(),
            annotated: None,
            readable: false,
            coverage_detail: None,
        }
    }

    /// 读出并审核了的文件。
    pub fn from_report(
        path: String,
        unit: Option<String>,
        domains: Vec<String>,
        report: &Report,
    ) -> Self {
        FileCheck {
            path,
            unit,
            domains,
            items: report.item_count,
            errors: report.counts.errors,
            warnings: report.counts.warnings,
            infos: report.counts.infos,
            coverage: Some(report.coverage.percent),
            error: None,
            findings: report
                .findings
                .iter()
                .map(FileFinding::from_finding)
                .collect(),
            annotated: None,
            readable: true,
            coverage_detail: Some(report.coverage.clone()),
        }
    }
}

/// 写批注工作簿的结果：写到哪里，或为什么没写成。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct AnnotatedFile {
    /// 原工作簿。
    pub source: String,
    /// 写出的批注工作簿。
    pub output: Option<String>,
    /// 没写成时的原因（中文句子）。
    pub failure: Option<String>,
}

/// 批量检查的进度：完成了几个文件、共几个、刚完成的是哪个（桌面程序据此显示进度）。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct BatchProgress {
    pub done: usize,
    pub total: usize,
    pub path: String,
}

/// 库里全部领域的当前版本指引（审核文件时对照用）。
pub fn load_guidelines(store: &Store) -> Result<Vec<GuidelineDomain>, StoreError> {
    Ok(store
        .guideline_domains()?
        .into_iter()
        .filter_map(|d| store.guideline_domain(&d.name, None).ok())
        .collect())
}

/// 读一个工作簿并审核。`opts` 通常为 [`ReadOptions::from_store`]，`guidelines` 为
/// [`load_guidelines`]。文件读不了时不报错，结果里写明原因（批量检查时其余文件照常进行）。
pub fn check_workbook(
    path: &Path,
    opts: &ReadOptions,
    guidelines: &[GuidelineDomain],
) -> FileCheck {
    check_workbook_with_report(path, opts, guidelines).0
}

/// 同 [`check_workbook`]，另给出完整的报告（写批注工作簿要用）；读不了时报告为空。
pub fn check_workbook_with_report(
    path: &Path,
    opts: &ReadOptions,
    guidelines: &[GuidelineDomain],
) -> (FileCheck, Option<Report>) {
    let shown = path.display().to_string();
    let preview = match mulu_import::read_workbook(path, opts) {
        Ok(p) => p,
        Err(e) => return (FileCheck::unreadable(shown, e.to_string()), None),
    };
    let report = check(&CatalogUnderReview::from_preview(&preview, guidelines));
    let mut domains: Vec<String> = Vec::new();
    for s in &preview.sheets {
        if let Some(d) = &s.domain {
            if !s.items.is_empty() && !domains.contains(d) {
                domains.push(d.clone());
            }
        }
    }
    let unit = preview
        .origin
        .as_ref()
        .map(|o| o.unit.name.clone())
        .or_else(|| preview.unit_hint.clone());
    (
        FileCheck::from_report(shown, unit, domains, &report),
        Some(report),
    )
}

/// 批注工作簿的位置：`〈dir〉/〈原文件名（不含扩展名）〉（审核意见）.xlsx`。
pub fn annotated_path(dir: &Path, source: &Path) -> PathBuf {
    let stem = source
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "目录".into());
    dir.join(format!("{stem}（审核意见）.xlsx"))
}

/// 读、审核一个工作簿，并把批注工作簿写到 `dir`（见 [`annotated_path`]）。
pub fn annotate_workbook(
    source: &Path,
    opts: &ReadOptions,
    guidelines: &[GuidelineDomain],
    dir: &Path,
) -> AnnotatedFile {
    let shown = source.display().to_string();
    let (checked, report) = check_workbook_with_report(source, opts, guidelines);
    let written = match (&report, checked.error) {
        (Some(report), None) => {
            let out = annotated_path(dir, source);
            crate::write_annotated(source, report, &out)
                .map(|()| out)
                .map_err(|e| e.to_string())
        }
        // 读不了的文件：原因就是读取时的说明。
        (_, failure) => Err(failure.unwrap_or_default()),
    };
    match written {
        Ok(out) => AnnotatedFile {
            source: shown,
            output: Some(out.display().to_string()),
            failure: None,
        },
        Err(e) => AnnotatedFile {
            source: shown,
            output: None,
            failure: Some(e),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../../tests/fixtures/workbooks")
            .join(name)
    }

    #[test]
    fn checks_a_workbook_and_names_its_unit_and_domains() {
        let opts = ReadOptions::with_builtin_domains();
        let guidelines = mulu_core::guideline::builtin_domains().unwrap();
        let c = check_workbook(&fixture("official_openpyxl.xlsx"), &opts, &guidelines);
        assert_eq!(c.error, None);
        assert!(c.readable);
        assert!(!c.domains.is_empty());
        assert_eq!(c.items, 10);
        assert!(c.coverage_detail.unwrap().expected > 0);
        assert_eq!(c.findings.len(), c.errors + c.warnings + c.infos);
    }

    #[test]
    fn a_file_that_is_not_a_workbook_is_reported_not_raised() {
        let opts = ReadOptions::with_builtin_domains();
        let c = check_workbook(&fixture("not_a_workbook.xlsx"), &opts, &[]);
        assert!(!c.readable && c.findings.is_empty());
        assert!(c.error.unwrap().contains("不是 Excel 工作簿"));
    }

    #[test]
    fn annotates_into_the_folder_or_says_why_not() {
        let dir = tempfile::tempdir().unwrap();
        let opts = ReadOptions::with_builtin_domains();
        let guidelines = mulu_core::guideline::builtin_domains().unwrap();
        let src = fixture("official_openpyxl.xlsx");
        let a = annotate_workbook(&src, &opts, &guidelines, dir.path());
        let out = dir.path().join("official_openpyxl（审核意见）.xlsx");
        assert_eq!(
            a.output.as_deref(),
            Some(out.display().to_string().as_str())
        );
        assert_eq!(&std::fs::read(&out).unwrap()[..2], b"PK");
        let bad = annotate_workbook(&fixture("empty.xlsx"), &opts, &guidelines, dir.path());
        assert!(bad.output.is_none());
        assert!(
            bad.failure.as_deref().unwrap_or("").contains("空工作簿"),
            "{bad:?}"
        );
    }
}
