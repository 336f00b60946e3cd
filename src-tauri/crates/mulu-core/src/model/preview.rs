//! 从工作簿读出、尚未写入数据库的目录（导入预览），以及导入与审核共用的“位置”和“严重程度”。
//!
//! 导入器（`mulu-import`）产出 [`ImportPreview`]；审核规则（`mulu-review`）既能检查数据库里的目录，
//! 也能直接检查预览，并凭 [`PreviewItem::cells`] 指到具体单元格（如 `社会救助!H12`）。

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::vocab::chinese_names;
use super::{Catalog, Field, ItemFields, NotApplicable, Provenance, Unit, Withheld};

/// 问题的严重程度。
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
pub enum Severity {
    #[serde(rename = "错误")]
    Error,
    #[serde(rename = "警告")]
    Warning,
    #[serde(rename = "提示")]
    Info,
}

chinese_names!(Severity { Error => "错误", Warning => "警告", Info => "提示" });

/// 提示的种类：稳定的代码，程序据此筛选提示（不看消息文字），界面与 `mulu import --json` 也可据此分类。
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum DiagnosticCode {
    /// 表格认不出属于哪个领域。
    UnknownDomain,
    /// 官方表格以外的栏，内容并入备注。
    ExtraColumn,
    /// 表头缺少某一栏。
    MissingColumn,
    /// 表头没有“公开层级”栏。
    NoLevelColumn,
    /// 单元格是错误值（#REF! 等）。
    ErrorValue,
    /// 表头下面没有事项。
    NoItems,
    /// “同上”上面没有可沿用的内容。
    DittoWithoutAbove,
    /// 文字被规整（空白、编号、标点）。
    Tidied,
    /// 载体勾选符号是字体损坏后的字符。
    DamagedMarks,
    /// 载体没有用 ■/□ 勾选。
    UnmarkedCarriers,
    /// 有内容但没有事项名称。
    NoName,
    /// 勾选栏的标记认不出。
    UnknownMark,
    /// 公开对象认不出。
    UnknownAudience,
    /// 公开方式认不出。
    UnknownMode,
    /// 公开层级认不出。
    UnknownLevel,
    /// 工作表里没有目录表格，已跳过。
    NoTable,
    /// Word 表格的版式问题（嵌套表格、符号字体、过长的格）。
    WordLayout,
    /// 指引表格没有 ■/□ 的图例。
    NoLegend,
    /// 只有公式、没有计算结果的格（按公式原文读入）。
    FormulaWithoutValue,
    /// 文字超过一格 32,767 个字的上限，只读了前面的部分。
    CellTooLong,
    /// 其他（旧版本程序写的 JSON 没有代码）。
    #[default]
    Other,
}

/// 导入时读出的一条提示：在哪个单元格、有多严重、原文是什么。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Diagnostic {
    pub sheet: String,
    /// 单元格引用，例如 `H12`；针对整张表时为空。
    pub cell: Option<String>,
    pub severity: Severity,
    /// 提示的种类（稳定的代码）。
    #[serde(default)]
    pub code: DiagnosticCode,
    /// 中文说明：哪里不对、该怎么办。
    pub message: String,
    /// 单元格原文。
    pub raw: Option<String>,
}

/// 预览中的一个事项。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct PreviewItem {
    #[serde(flatten)]
    pub fields: ItemFields,
    /// 所在工作表与行号（从 1 起）。
    pub sheet: String,
    pub row: u32,
    /// 各字段所在的单元格，例如 `{"time_limit": "F12"}`（合并单元格取其左上角）。
    pub cells: BTreeMap<Field, String>,
    /// 由本程序导出的工作簿带回的编号与来源；其他文件为空，提交时按名称与指引匹配。
    pub id: Option<i64>,
    pub provenance: Option<Provenance>,
}

impl PreviewItem {
    /// 字段所在单元格的完整引用，例如 `社会救助!F12`。
    pub fn cell_ref(&self, field: Field) -> Option<String> {
        self.cells
            .get(&field)
            .map(|c| format!("{}!{}", self.sheet, c))
    }
}

/// 预览中的一张工作表（或工作表中的一个领域表格）。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct PreviewSheet {
    pub sheet: String,
    /// 识别出的领域；为空时由用户选择。
    pub domain: Option<String>,
    pub items: Vec<PreviewItem>,
    pub diagnostics: Vec<Diagnostic>,
}

/// 读一个工作簿得到的预览（不写数据库）。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct ImportPreview {
    /// 文件路径（显示用）。
    pub file: String,
    pub sheets: Vec<PreviewSheet>,
    /// 本程序导出的工作簿里带回的单位、目录、不予公开事项与不涉及标记。
    pub origin: Option<PreviewOrigin>,
    /// 标题行里领域名前面的单位名（`某某县某某镇社会救助领域…` → `某某县某某镇`）。
    #[serde(default)]
    pub unit_hint: Option<String>,
}

/// 往返数据：本程序导出时写入隐藏工作表的目录信息。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct PreviewOrigin {
    pub unit: Unit,
    pub catalog: Catalog,
    pub withheld: Vec<Withheld>,
    pub not_applicable: Vec<NotApplicable>,
}

impl ImportPreview {
    pub fn item_count(&self) -> usize {
        self.sheets.iter().map(|s| s.items.len()).sum()
    }

    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.sheets.iter().flat_map(|s| &s.diagnostics)
    }
}

/// 导入将对目录做的改动（提交前给用户看）。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct ImportPlan {
    /// 合并到的目录；为空表示新建目录。
    pub catalog_id: Option<i64>,
    pub added: Vec<PlannedItem>,
    pub changed: Vec<ChangedItem>,
    /// 内容相同、不需改动的事项数。
    pub unchanged: usize,
    /// 因认不出领域而不导入的工作表。
    pub skipped_sheets: Vec<String>,
}

/// 将新增的事项。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct PlannedItem {
    #[serde(flatten)]
    pub fields: ItemFields,
    pub provenance: Provenance,
    /// 保留的编号（导入本程序导出的文件到新目录时）。
    pub id: Option<i64>,
    pub sheet: String,
    pub row: u32,
}

/// 将更新的事项：改动了哪些字段。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct ChangedItem {
    pub id: i64,
    pub before: ItemFields,
    pub after: ItemFields,
    pub fields: Vec<Field>,
    pub sheet: String,
    pub row: u32,
}
