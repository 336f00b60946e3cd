//! 公开对象、公开方式、公开层级三组受控词。

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// 公开对象。
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
pub enum Audience {
    #[serde(rename = "全社会")]
    Public,
    #[serde(rename = "特定群体")]
    SpecificGroup,
}

/// 公开方式。
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
pub enum Mode {
    #[serde(rename = "主动")]
    Proactive,
    #[serde(rename = "依申请")]
    OnRequest,
}

/// 公开层级。导出时下级一栏的标题可改为“镇级”“街道”，数据里仍是“乡级”。
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
pub enum Level {
    #[serde(rename = "县级")]
    County,
    #[serde(rename = "乡级")]
    Township,
}

macro_rules! chinese_names {
    ($t:ty { $($v:ident => $s:literal),+ $(,)? }) => {
        impl $t {
            /// 全部取值，按官方表格的列序。
            pub const ALL: &'static [$t] = &[$(<$t>::$v),+];
            /// 官方表格里的中文术语。
            pub fn as_str(self) -> &'static str {
                match self { $(<$t>::$v => $s),+ }
            }
            /// 由中文术语得到取值（精确匹配）。
            pub fn from_name(s: &str) -> Option<Self> {
                match s { $($s => Some(<$t>::$v),)+ _ => None }
            }
        }
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use chinese_names;

chinese_names!(Audience { Public => "全社会", SpecificGroup => "特定群体" });
chinese_names!(Mode { Proactive => "主动", OnRequest => "依申请" });
chinese_names!(Level { County => "县级", Township => "乡级" });

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_names_are_the_official_terms() {
        for a in Audience::ALL {
            assert_eq!(
                serde_json::to_string(a).unwrap(),
                format!("\"{}\"", a.as_str())
            );
        }
        for m in Mode::ALL {
            assert_eq!(
                serde_json::to_string(m).unwrap(),
                format!("\"{}\"", m.as_str())
            );
        }
        for l in Level::ALL {
            assert_eq!(
                serde_json::to_string(l).unwrap(),
                format!("\"{}\"", l.as_str())
            );
        }
        assert_eq!(Mode::from_name("依申请"), Some(Mode::OnRequest));
        assert_eq!(Level::from_name("镇级"), None);
    }
}
