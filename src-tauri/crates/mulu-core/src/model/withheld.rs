//! 不予公开事项（负面清单）与“本单位不涉及”的标记。

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::vocab::chinese_names;

/// 不予公开的法定理由（《政府信息公开条例》第十四、十五、十六条）。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, TS)]
pub enum WithholdGround {
    /// 国家秘密、法律法规禁止公开、危及“三安全一稳定”。
    #[serde(rename = "条例第十四条")]
    Art14,
    /// 商业秘密、个人隐私。
    #[serde(rename = "条例第十五条")]
    Art15,
    /// 内部事务信息、过程性信息、行政执法案卷信息。
    #[serde(rename = "条例第十六条")]
    Art16,
}

chinese_names!(WithholdGround { Art14 => "条例第十四条", Art15 => "条例第十五条", Art16 => "条例第十六条" });

/// 一条不予公开事项。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Withheld {
    pub id: i64,
    pub catalog_id: i64,
    /// 所属领域；空表示不分领域。
    pub domain: Option<String>,
    /// 事项名称。
    pub name: String,
    /// 法定理由；为空时审核规则会提示补上。
    pub ground: Option<WithholdGround>,
    /// 理由说明（引用的具体规定等）。
    pub detail: String,
}

/// 某条指引事项本单位不涉及，附理由（覆盖率检查据此不再提示缺失）。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct NotApplicable {
    pub catalog_id: i64,
    pub guideline_item_id: String,
    pub reason: String,
}
