//! 事项：目录表格中的一行。

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Audience, Channels, Level, Mode};

/// 事项从哪里来。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(tag = "kind")]
pub enum Provenance {
    /// 采用自标准指引的某一事项。
    #[serde(rename = "标准指引")]
    Guideline {
        /// 指引事项的稳定编号，例如 `05.003`。
        guideline_item_id: String,
        /// 采用时指引库的数据版本。
        data_version: String,
        /// 采用后是否在本地改动过。
        modified: bool,
    },
    /// 本级特色事项：没有指引来源。
    #[serde(rename = "本级特色事项")]
    Local,
}

/// 事项的可编辑内容（不含编号、所属目录、顺序与来源）。
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct ItemFields {
    /// 所属领域名称，例如“社会救助”。
    pub domain: String,
    /// 一级事项。
    pub l1: String,
    /// 二级事项（可为空）。
    pub l2: String,
    /// 公开内容（要素），原文。
    pub content: String,
    /// 公开内容拆成的要素列表。
    pub elements: Vec<String>,
    /// 公开依据，一条一项。
    pub basis: Vec<String>,
    /// 公开时限。
    pub time_limit: String,
    /// 公开主体。
    pub subject: String,
    /// 公开渠道和载体。
    pub channels: Channels,
    /// 公开对象（通常恰好一项；导入的文件可能两项都勾或都没勾，审核规则会指出）。
    pub audience: Vec<Audience>,
    /// 特定群体的说明，例如“申请人”“项目单位”。
    pub audience_group: Option<String>,
    /// 公开方式（通常恰好一项）。
    pub mode: Vec<Mode>,
    /// 公开层级。
    pub level: Vec<Level>,
    /// 备注。
    pub notes: String,
}

/// 目录中的一个事项。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Item {
    pub id: i64,
    pub catalog_id: i64,
    /// 在所属领域内的顺序（从 0 起）。
    pub position: i64,
    #[serde(flatten)]
    pub fields: ItemFields,
    pub provenance: Provenance,
}

/// 把公开内容原文拆成要素：按 `、；;` 与换行、`●` 分隔，去掉编号与结尾的“等”。
pub fn split_elements(content: &str) -> Vec<String> {
    content
        .split(|c| matches!(c, '、' | '；' | ';' | '\n' | '●' | '①'..='⑳'))
        .map(|s| {
            let s = crate::text::tidy_cow(s);
            let s = s.trim_start_matches(|c: char| {
                c.is_ascii_digit() || matches!(c, '.' | '．' | '）' | ')')
            });
            let s = s.strip_suffix('等').unwrap_or(s);
            s.trim_end_matches(['。', '.']).trim().to_string()
        })
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_are_split_on_the_usual_separators() {
        assert_eq!(
            split_elements("救助对象姓名、救助金额；救助时间\n●备注等"),
            vec!["救助对象姓名", "救助金额", "救助时间", "备注"]
        );
        assert_eq!(
            split_elements("①申请条件②办理流程"),
            vec!["申请条件", "办理流程"]
        );
        assert_eq!(
            split_elements("1.申请条件；2.办理流程。"),
            vec!["申请条件", "办理流程"]
        );
        assert!(split_elements("  ").is_empty());
    }
}
