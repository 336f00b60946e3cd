//! 往指引库里载入领域（导入的官方指引、县里的指引包）时的计划与结果，以及采用指引事项的结果。

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::Diagnostic;

/// 载入一个领域时做什么。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub enum LoadAction {
    /// 存为这个领域的新版本（成为当前版本）。
    #[serde(rename = "新增")]
    Add,
    /// 本机已有内容相同的同一版本：不重复载入，当前版本不变。
    #[serde(rename = "已有")]
    Same,
    /// 本机已有同一版本号、内容却不同：换一个版本号存为新版本（见 [`DomainLoad::data_version`]）。
    #[serde(rename = "改名")]
    Renamed,
}

crate::model::chinese_names!(LoadAction {
    Add => "新增",
    Same => "已有",
    Renamed => "改名",
});

/// 一个领域的载入计划（预览）或结果。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct DomainLoad {
    pub name: String,
    pub number: u32,
    /// 存入的版本号（[`LoadAction::Renamed`] 时与 `requested_version` 不同）。
    pub data_version: String,
    /// 指引包或文件里的版本号。
    pub requested_version: String,
    pub action: LoadAction,
    pub item_count: usize,
    /// 本机这个领域当前版本的事项数；本机还没有这个领域时为空。
    pub current_count: Option<usize>,
    /// 本机当前版本里没有的事项编号数。
    pub new_items: usize,
    /// 有字段被来源截断的事项数。
    pub truncated_items: usize,
}

/// 一次载入（一个指引包或一个指引工作簿）的计划或结果：整个在一个事务里写入。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct LibraryLoad {
    /// 载入的各领域记下的来源（指引包为“名称 版本”，导入的工作簿为“导入：文件名”）。
    pub library: Option<String>,
    pub domains: Vec<DomainLoad>,
}

impl LibraryLoad {
    /// 新存入的领域数（新增与改名）。
    pub fn stored(&self) -> usize {
        self.domains
            .iter()
            .filter(|d| d.action != LoadAction::Same)
            .count()
    }
}

/// 读一个官方指引工作簿得到的预览（不写数据库）：将载入的领域与读取时的提示。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct GuidelineImportPreview {
    /// 文件路径（显示用）。
    pub file: String,
    /// 新版本的版本号（确认载入时沿用这一个）。
    pub version: String,
    pub domains: Vec<DomainLoad>,
    pub diagnostics: Vec<Diagnostic>,
}

/// 指引包的概况（载入前给用户看）。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct PackPreview {
    pub name: String,
    pub version: String,
    /// 生成时间（UTC）。
    pub created: String,
    pub plan: LibraryLoad,
}

/// 采用指引事项的结果。
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct AdoptOutcome {
    /// 新增到目录的事项数（已采用过的不重复）。
    pub added: usize,
    /// 新增的事项里有字段被来源截断的（指引事项编号）：要核对官方指引后补全。
    pub truncated: Vec<String>,
}

impl AdoptOutcome {
    /// 累加另一个领域的结果。
    pub fn extend(&mut self, other: AdoptOutcome) {
        self.added += other.added;
        self.truncated.extend(other.truncated);
    }

    /// 有来源不完整的事项时给用户的一句提醒（只说一次）。
    pub fn truncated_notice(&self) -> Option<String> {
        if self.truncated.is_empty() {
            return None;
        }
        const SHOWN: usize = 5;
        let mut ids = self
            .truncated
            .iter()
            .take(SHOWN)
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join("、");
        if self.truncated.len() > SHOWN {
            ids.push_str(" 等");
        }
        Some(format!(
            "其中 {} 个事项的部分字段来源不完整（{ids}），请核对官方指引后补全。",
            self.truncated.len()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncated_notice_lists_a_few_ids() {
        let mut o = AdoptOutcome {
            added: 2,
            truncated: vec![],
        };
        assert_eq!(o.truncated_notice(), None);
        o.extend(AdoptOutcome {
            added: 7,
            truncated: (1..=7).map(|i| format!("05.{i:03}")).collect(),
        });
        assert_eq!(o.added, 9);
        assert_eq!(
            o.truncated_notice().unwrap(),
            "其中 7 个事项的部分字段来源不完整（05.001、05.002、05.003、05.004、05.005 等），请核对官方指引后补全。"
        );
    }
}
