//! 标准指引的数据类型。

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{Audience, Channels, Field, ItemFields, Level, Mode};

/// 领域数据是否完整。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub enum DataStatus {
    /// 与官方指引全文核对过。
    #[serde(rename = "完整")]
    Complete,
    /// 只收录了已公开副本中读得到的部分事项。
    #[serde(rename = "部分")]
    Partial,
}

crate::model::chinese_names!(DataStatus { Complete => "完整", Partial => "部分" });
crate::model::chinese_names!(CarrierRequirement {
    Required => "必选",
    Optional => "可选",
    NotStated => "未注明",
});

/// 指引模板里载体是必选（■）、可选（□），还是来源没有说明。
///
/// 副本里勾上（■ 或 √）的载体只说明“这一行列了它”；只有副本自己的图例写明
/// “■表示必选项，□表示可选项”时才能标必选/可选，否则是 [`NotStated`](Self::NotStated)，
/// 界面和导出的指引表格不加必选/可选标记。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub enum CarrierRequirement {
    #[serde(rename = "必选")]
    Required,
    #[serde(rename = "可选")]
    Optional,
    /// 副本列了这个载体，但没有图例说明它是否必选。
    #[serde(rename = "未注明")]
    NotStated,
}

impl CarrierRequirement {
    /// 采用事项时是否默认勾上：必选的，以及副本列出但未注明的（可选的由用户再勾选）。
    pub fn ticked_on_adopt(self) -> bool {
        !matches!(self, CarrierRequirement::Optional)
    }
}

/// 指引事项的一个载体。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct GuidelineCarrier {
    /// 载体名称：标准载体用标准名称，其余照录。
    pub name: String,
    pub requirement: CarrierRequirement,
}

/// 指引中的一个事项（表格的一行）。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct GuidelineItem {
    /// 稳定编号：两位领域序号、点、三位事项序号，例如 `05.003`。发布后不再改变。
    pub id: String,
    /// 一级事项；来源中未见时为空。
    #[serde(default)]
    pub l1: String,
    #[serde(default)]
    pub l2: String,
    /// 公开内容（要素）；空表示来源中未见。
    #[serde(default)]
    pub elements: Vec<String>,
    #[serde(default)]
    pub basis: Vec<String>,
    #[serde(default)]
    pub time_limit: Option<String>,
    #[serde(default)]
    pub subject: Option<String>,
    #[serde(default)]
    pub carriers: Vec<GuidelineCarrier>,
    #[serde(default)]
    pub audience: Vec<Audience>,
    #[serde(default)]
    pub audience_group: Option<String>,
    #[serde(default)]
    pub mode: Vec<Mode>,
    #[serde(default)]
    pub level: Vec<Level>,
    /// 这一行取自哪里（网址或文件）。
    pub source: String,
    /// 对这一行的说明：地方改动、推断的勾选、存疑之处。
    #[serde(default)]
    pub note: Option<String>,
    /// 来源截断了的字段：值只含副本里看得到的部分（界面标“来源不完整”）。
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub truncated: Vec<Field>,
}

impl GuidelineItem {
    /// 采用到目录时的事项内容：要素以“、”连接，勾上必选与未注明的载体（可选载体由用户再勾选）。
    pub fn to_fields(&self, domain: &str) -> ItemFields {
        ItemFields {
            domain: domain.to_string(),
            l1: self.l1.clone(),
            l2: self.l2.clone(),
            content: self.elements.join("、"),
            elements: self.elements.clone(),
            basis: self.basis.clone(),
            time_limit: self.time_limit.clone().unwrap_or_default(),
            subject: self.subject.clone().unwrap_or_default(),
            channels: Channels::from_names(
                self.carriers
                    .iter()
                    .filter(|c| c.requirement.ticked_on_adopt())
                    .map(|c| c.name.as_str()),
            ),
            audience: self.audience.clone(),
            audience_group: self.audience_group.clone(),
            mode: self.mode.clone(),
            level: self.level.clone(),
            notes: String::new(),
        }
    }

    /// 显示用的名称：“一级事项 / 二级事项”。
    pub fn display_name(&self) -> String {
        // 原件里写作“—”“/”的名称表示没有这一级。
        let placeholder = |s: &str| {
            s.trim()
                .chars()
                .all(|c| matches!(c, '—' | '－' | '-' | '/' | '／' | '–'))
        };
        match (placeholder(&self.l1), placeholder(&self.l2)) {
            (false, false) => format!("{} / {}", self.l1, self.l2),
            (false, true) => self.l1.clone(),
            (true, false) => self.l2.clone(),
            (true, true) => self.id.clone(),
        }
    }
}

/// 一个领域的标准指引。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct GuidelineDomain {
    /// 领域名称，与目录标题中的写法一致，例如“社会救助”。
    pub name: String,
    /// 领域序号（26 个试点领域为 1–26，用户添加的领域从 27 起）。
    pub number: u32,
    /// 也称（别名），例如“公共资源配置”。
    #[serde(default)]
    pub aliases: Vec<String>,
    /// 印发部门；未经来源证实时带“（未核实）”。
    #[serde(default)]
    pub ministry: Option<String>,
    #[serde(default)]
    pub guideline_title: Option<String>,
    /// 印发时间与文号。
    #[serde(default)]
    pub issued: Option<String>,
    /// 本数据的版本，例如 `2026.11-1`。
    pub data_version: String,
    pub status: DataStatus,
    /// 数据可信度：high / medium / low。
    #[serde(default)]
    pub confidence: Option<String>,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub notes: String,
    /// 官方全表的规模（来源写明时），让“部分”成为一个数字。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub national: Option<NationalSize>,
    /// 这一版本来自哪个指引库：内置为空；导入的工作簿或县里分发的指引包写其名称与版本。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub library: Option<String>,
    pub items: Vec<GuidelineItem>,
}

/// 官方全表有多少一级、二级事项，以及这个数字的出处（来源原文的摘录与网址）。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct NationalSize {
    #[serde(default)]
    pub l1: Option<u32>,
    #[serde(default)]
    pub l2: Option<u32>,
    /// 出处：来源中写明数量的原文摘录与网址。
    pub source: String,
}

/// 指引库列表中的一行。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct GuidelineDomainSummary {
    pub name: String,
    pub number: u32,
    pub ministry: Option<String>,
    pub data_version: String,
    pub status: DataStatus,
    pub item_count: usize,
    pub l1_count: usize,
    /// 官方全表的一级、二级事项数（来源写明时）。
    pub national_l1: Option<u32>,
    pub national_l2: Option<u32>,
    /// 有字段被来源截断的事项数。
    pub truncated_items: usize,
    /// 当前版本来自哪个指引库（内置为空）。
    pub library: Option<String>,
    /// 是否随程序内置（否则为用户添加的领域）。
    pub builtin: bool,
}

impl GuidelineDomain {
    pub fn summary(&self, builtin: bool) -> GuidelineDomainSummary {
        let mut l1: Vec<&str> = self.items.iter().map(|i| i.l1.as_str()).collect();
        l1.dedup();
        l1.sort_unstable();
        l1.dedup();
        GuidelineDomainSummary {
            name: self.name.clone(),
            number: self.number,
            ministry: self.ministry.clone(),
            data_version: self.data_version.clone(),
            status: self.status,
            item_count: self.items.len(),
            l1_count: l1.len(),
            national_l1: self.national.as_ref().and_then(|n| n.l1),
            national_l2: self.national.as_ref().and_then(|n| n.l2),
            truncated_items: self
                .items
                .iter()
                .filter(|i| !i.truncated.is_empty())
                .count(),
            library: self.library.clone(),
            builtin,
        }
    }
}
