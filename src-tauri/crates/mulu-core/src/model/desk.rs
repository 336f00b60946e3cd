//! 审核台账（县里审核各单位报送的目录）：名单上的单位、审核人对每条问题的决定。

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::UnitKind;

/// 审核台账名单上的一个单位。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct DeskUnit {
    pub id: i64,
    pub name: String,
    pub kind: Option<UnitKind>,
}

/// 审核人对一条问题的决定：采纳（写进退回的审核意见），或不采纳（写明理由；问题仍列出，灰显）。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, TS)]
pub enum Verdict {
    #[serde(rename = "采纳")]
    Accept,
    #[serde(rename = "不采纳")]
    Waive,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Accept => "采纳",
            Verdict::Waive => "不采纳",
        }
    }

    pub fn from_name(s: &str) -> Option<Verdict> {
        match s {
            "采纳" => Some(Verdict::Accept),
            "不采纳" => Some(Verdict::Waive),
            _ => None,
        }
    }
}

/// 一条决定。按“单位 + 规则 + 位置”存：同一文件重新检查、下一轮同一位置仍有同一规则的问题时照样适用。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Decision {
    pub unit_id: i64,
    /// 规则编号。
    pub rule: String,
    /// 问题的位置（`社会救助!F12`、`社会救助 第12行`、事项或领域）。
    pub place: String,
    pub verdict: Verdict,
    /// 不采纳的理由（采纳时可空）。
    pub reason: String,
    /// 审核人（操作系统的用户名）。
    pub reviewer: String,
    /// 决定的时间（UTC，`2026-12-02T01:30:00Z`）。
    pub decided_at: String,
    /// 在第几轮作出的决定。
    pub round: i64,
}
