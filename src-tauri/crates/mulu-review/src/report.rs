//! 审核结果：问题（[`Finding`]）、它指向的事项（[`ItemRef`]）与整份报告（[`Report`]）。

use mulu_core::model::{Field, Severity};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// 问题指向的事项：库里的事项有编号，文件里的事项有工作表与行号。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct ItemRef {
    /// 库里事项的编号；来自文件时为空。
    pub id: Option<i64>,
    pub l1: String,
    pub l2: String,
    /// 所在工作表与行号（从 1 起）；来自库时为空。
    pub sheet: Option<String>,
    pub row: Option<u32>,
}

impl ItemRef {
    /// 显示用的名称：“一级事项 / 二级事项”。
    pub fn display_name(&self) -> String {
        match (self.l1.is_empty(), self.l2.is_empty()) {
            (_, true) => self.l1.clone(),
            (true, false) => self.l2.clone(),
            (false, false) => format!("{} / {}", self.l1, self.l2),
        }
    }
}

/// 审核发现的一个问题。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Finding {
    /// 规则编号，例如 `R101-required-field`（见 `docs/rules.md`）。
    pub rule: String,
    pub severity: Severity,
    /// 所属领域；领域未识别时为空。
    pub domain: String,
    /// 针对某个事项时为该事项；针对整份目录、整张表或缺失的指引事项时为空。
    pub item: Option<ItemRef>,
    /// 针对的字段。
    pub field: Option<Field>,
    /// 工作表名（来自文件时）。
    pub sheet: Option<String>,
    /// 单元格引用，例如 `H12`（不含工作表名；来自文件且知道该字段所在的单元格时）。
    pub cell: Option<String>,
    /// 中文说明：哪里不对、在哪里、该怎么办。
    pub message: String,
    /// 建议改成的文字（有把握时给出），例如规范的文号或标准载体名称。
    pub suggestion: Option<String>,
}

impl Finding {
    /// 完整的位置，例如 `社会救助!F12`、`社会救助 第12行` 或 `临时救助 / 审批结果`。
    pub fn location(&self) -> String {
        match (&self.sheet, &self.cell, &self.item) {
            (Some(s), Some(c), _) => format!("{s}!{c}"),
            (Some(s), None, Some(ItemRef { row: Some(r), .. })) => format!("{s} 第{r}行"),
            (Some(s), None, _) => s.clone(),
            (None, _, Some(i)) => i.display_name(),
            (None, _, None) => self.domain.clone(),
        }
    }
}

/// 各严重程度的问题数。
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct SeverityCounts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl SeverityCounts {
    pub fn add(&mut self, s: Severity) {
        match s {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
        }
    }

    pub fn get(&self, s: Severity) -> usize {
        match s {
            Severity::Error => self.errors,
            Severity::Warning => self.warnings,
            Severity::Info => self.infos,
        }
    }
}

/// 一个领域对标准指引的覆盖情况。
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct DomainCoverage {
    pub domain: String,
    /// 指引的数据版本。
    pub data_version: String,
    /// 指引中的事项数。
    pub expected: usize,
    /// 目录中有的（采用自该事项，或同名）。
    pub present: usize,
    /// 标为本单位不涉及且写了理由的。
    pub not_applicable: usize,
    /// 缺少的指引事项编号。
    pub missing: Vec<String>,
    /// (present + not_applicable) / expected，百分数，保留一位小数；expected 为 0 时为 100。
    pub percent: f64,
}

/// 整份目录的覆盖情况（各领域之和）。
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Coverage {
    pub expected: usize,
    pub present: usize,
    pub not_applicable: usize,
    pub missing: usize,
    /// (present + not_applicable) / expected，百分数，保留一位小数；expected 为 0 时为 100。
    pub percent: f64,
    pub domains: Vec<DomainCoverage>,
}

pub(crate) fn percent(covered: usize, expected: usize) -> f64 {
    if expected == 0 {
        100.0
    } else {
        (covered as f64 * 1000.0 / expected as f64).round() / 10.0
    }
}

/// 一次审核的结果。
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Report {
    /// 按工作表、行、列（库里的目录按领域、事项顺序、字段）排好的问题。
    pub findings: Vec<Finding>,
    /// 审核的事项数。
    pub item_count: usize,
    pub counts: SeverityCounts,
    pub coverage: Coverage,
}

impl Report {
    /// 有没有“错误”级的问题（命令行据此决定退出码）。
    pub fn has_errors(&self) -> bool {
        self.counts.errors > 0
    }

    /// 某条规则的问题。
    pub fn by_rule<'a>(&'a self, rule: &'a str) -> impl Iterator<Item = &'a Finding> + 'a {
        self.findings.iter().filter(move |f| f.rule == rule)
    }

    /// 某个工作表里某个单元格上的问题（批注工作簿用）。
    pub fn at_cell<'a>(
        &'a self,
        sheet: &'a str,
        cell: &'a str,
    ) -> impl Iterator<Item = &'a Finding> + 'a {
        self.findings
            .iter()
            .filter(move |f| f.sheet.as_deref() == Some(sheet) && f.cell.as_deref() == Some(cell))
    }
}
