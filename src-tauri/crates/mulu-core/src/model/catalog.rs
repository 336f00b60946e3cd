//! 目录：一个单位某一年度的政务公开事项标准目录。

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::vocab::chinese_names;
use super::{Item, NotApplicable, Unit, Withheld};

/// 目录状态。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, TS)]
pub enum CatalogStatus {
    #[serde(rename = "草稿")]
    Draft,
    #[serde(rename = "已提交")]
    Submitted,
    #[serde(rename = "已审核")]
    Reviewed,
}

chinese_names!(CatalogStatus { Draft => "草稿", Submitted => "已提交", Reviewed => "已审核" });

/// 一份目录（不含事项）。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Catalog {
    pub id: i64,
    pub unit_id: i64,
    pub year: i32,
    /// 标题，例如“某某镇2026年政务公开事项标准目录”。
    pub title: String,
    pub status: CatalogStatus,
    /// 目录涵盖的领域（按添加顺序）。
    pub domains: Vec<String>,
    /// 创建与最后修改时间（UTC，RFC 3339）。
    pub created_at: String,
    pub updated_at: String,
}

/// 目录列表中的一行：目录、单位名称与事项数。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct CatalogSummary {
    #[serde(flatten)]
    pub catalog: Catalog,
    pub unit_name: String,
    pub item_count: i64,
}

/// 新建目录的参数。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct NewCatalog {
    pub unit_id: i64,
    pub year: i32,
    /// 为空时按单位名称与年度生成。
    #[serde(default)]
    pub title: Option<String>,
}

impl NewCatalog {
    pub fn new(unit_id: i64, year: i32) -> Self {
        NewCatalog {
            unit_id,
            year,
            title: None,
        }
    }
}

/// 一份完整目录的 JSON 形式（`schemas/catalog.schema.json` 描述的就是它）：
/// 单位、目录、全部事项、不予公开事项与“不涉及”标记，以及所依据的指引数据版本。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct CatalogExport {
    /// 本文件格式的版本。
    pub format_version: u32,
    pub unit: Unit,
    pub catalog: Catalog,
    pub items: Vec<Item>,
    pub withheld: Vec<Withheld>,
    pub not_applicable: Vec<NotApplicable>,
}
