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

/// 县里报送名单上的一个单位（审核工作台、`mulu check --units`）：名称与类别。类别栏空着或认不出时
/// 由名称猜（[`UnitKind::guess`]），仍猜不出为空。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct ListedUnit {
    pub name: String,
    pub kind: Option<UnitKind>,
}

impl UnitKind {
    /// 名单“类别”栏的文字：含“街道”→街道，含“乡”“镇”→乡镇，含“部门”“县级”“局”→县级部门。
    pub fn from_label(s: &str) -> Option<UnitKind> {
        let s = crate::text::squeeze(s);
        if s.contains("街道") {
            Some(UnitKind::Subdistrict)
        } else if s.contains("部门") || s.contains("县级") || s.contains('局') {
            Some(UnitKind::CountyDepartment)
        } else if s.contains('乡') || s.contains('镇') {
            Some(UnitKind::Township)
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
