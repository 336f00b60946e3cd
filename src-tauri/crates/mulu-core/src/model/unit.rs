//! 单位：编制目录的县级部门、乡镇或街道。

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::vocab::chinese_names;

/// 单位类别。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, TS)]
pub enum UnitKind {
    #[serde(rename = "县级部门")]
    CountyDepartment,
    #[serde(rename = "乡镇")]
    Township,
    #[serde(rename = "街道")]
    Subdistrict,
}

chinese_names!(UnitKind { CountyDepartment => "县级部门", Township => "乡镇", Subdistrict => "街道" });

impl UnitKind {
    /// 由单位名称猜单位类别：“……街道办事处”→街道，“……镇/乡人民政府”→乡镇，
    /// 以局、委、办、中心等结尾→县级部门；猜不出返回 `None`。导入与审核共用。
    pub fn guess(name: &str) -> Option<UnitKind> {
        let n = crate::text::squeeze(name);
        let n = n
            .trim_end_matches("人民政府")
            .trim_end_matches("办事处")
            .trim_end_matches("党委");
        if n.ends_with("街道") {
            Some(UnitKind::Subdistrict)
        } else if n.ends_with('镇') || n.ends_with('乡') {
            Some(UnitKind::Township)
        } else if ["局", "委", "办", "委员会", "中心", "队", "部"]
            .iter()
            .any(|s| n.ends_with(s))
        {
            Some(UnitKind::CountyDepartment)
        } else {
            None
        }
    }
}

/// 一个单位。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Unit {
    pub id: i64,
    /// 单位全称，例如“某某县某某镇人民政府”。
    pub name: String,
    pub kind: UnitKind,
    /// 所在地区路径：省、市、县、乡（可只填前几级）。
    pub region: Vec<String>,
}

/// 新建单位的参数。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct NewUnit {
    pub name: String,
    pub kind: UnitKind,
    #[serde(default)]
    pub region: Vec<String>,
}

impl NewUnit {
    pub fn new(name: impl Into<String>, kind: UnitKind) -> Self {
        NewUnit {
            name: name.into(),
            kind,
            region: Vec::new(),
        }
    }
}
