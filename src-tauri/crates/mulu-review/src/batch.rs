//! 批量审核收到的工作簿：读一个文件（`mulu-import`）、审核它、需要时写批注工作簿。
//! 命令行 `mulu check` 与桌面程序的审核工作台共用这里，两边结果一致。

use std::path::{Path, PathBuf};

use mulu_core::guideline::GuidelineDomain;
use mulu_core::store::{Store, StoreError};
use mulu_import::ReadOptions;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{check, CatalogUnderReview, Report};

/// 一个工作簿的审核结果。读不了的文件 `report` 为空、`failure` 说明原因。
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct WorkbookCheck {
    /// 文件路径（显示用）。
    pub path: String,
    /// 编制单位：本程序导出的文件取往返数据里的单位，其他文件取标题里的单位名。
    pub unit: Option<String>,
    /// 读出事项的领域，按出现顺序。
    pub domains: Vec<String>,
    pub report: Option<Report>,
    /// 读不了时的原因（中文句子）。
    pub failure: Option<String>,
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
) -> WorkbookCheck {
    let shown = path.display().to_string();
    let preview = match mulu_import::read_workbook(path, opts) {
        Ok(p) => p,
        Err(e) => {
            return WorkbookCheck {
                path: shown,
                unit: None,
                domains: Vec::new(),
                report: None,
                failure: Some(e.to_string()),
            }
        }
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
    WorkbookCheck {
        path: shown,
        unit,
        domains,
        report: Some(report),
        failure: None,
    }
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
    let checked = check_workbook(source, opts, guidelines);
    let written = match (&checked.report, checked.failure) {
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
        assert_eq!(c.failure, None);
        assert!(!c.domains.is_empty());
        let report = c.report.unwrap();
        assert_eq!(report.item_count, 10);
        assert!(report.coverage.expected > 0);
    }

    #[test]
    fn a_file_that_is_not_a_workbook_is_reported_not_raised() {
        let opts = ReadOptions::with_builtin_domains();
        let c = check_workbook(&fixture("not_a_workbook.xlsx"), &opts, &[]);
        assert!(c.report.is_none());
        assert!(c.failure.unwrap().contains("不是 Excel 工作簿"));
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
