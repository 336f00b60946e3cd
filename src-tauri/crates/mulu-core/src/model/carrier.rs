//! 公开渠道和载体：标准载体的集合，加上具名的其他载体。

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::vocab::chinese_names;

/// 各领域标准指引共用的标准载体（官方勾选表的顺序）。
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
pub enum StandardCarrier {
    #[serde(rename = "政府网站")]
    GovWebsite,
    #[serde(rename = "政府公报")]
    GovGazette,
    #[serde(rename = "两微一端")]
    SocialMedia,
    #[serde(rename = "发布会/听证会")]
    PressConference,
    #[serde(rename = "广播电视")]
    Broadcast,
    #[serde(rename = "纸质媒体")]
    Print,
    #[serde(rename = "公开查阅点")]
    ReadingPoint,
    #[serde(rename = "政务服务中心")]
    ServiceCenter,
    #[serde(rename = "便民服务站")]
    ServiceStation,
    #[serde(rename = "入户/现场")]
    OnSite,
    #[serde(rename = "社区/企事业单位/村公示栏（电子屏）")]
    NoticeBoard,
    #[serde(rename = "精准推送")]
    TargetedPush,
    #[serde(rename = "其他")]
    Other,
}

chinese_names!(StandardCarrier {
    GovWebsite => "政府网站",
    GovGazette => "政府公报",
    SocialMedia => "两微一端",
    PressConference => "发布会/听证会",
    Broadcast => "广播电视",
    Print => "纸质媒体",
    ReadingPoint => "公开查阅点",
    ServiceCenter => "政务服务中心",
    ServiceStation => "便民服务站",
    OnSite => "入户/现场",
    NoticeBoard => "社区/企事业单位/村公示栏（电子屏）",
    TargetedPush => "精准推送",
    Other => "其他",
});

impl StandardCarrier {
    /// 面向全社会的公开载体（主动公开、全社会的事项至少要有一个）。
    pub fn is_public(self) -> bool {
        !matches!(
            self,
            StandardCarrier::OnSite | StandardCarrier::TargetedPush
        )
    }

    /// 认出一个载体名称：标准名称、常见的写法差异（“政府服务中心”“公示栏”），
    /// 以及全角/半角括号混用。认不出返回 `None`，调用方把它当作其他载体保留。
    pub fn recognise(name: &str) -> Option<Self> {
        // 多数名称本来就是标准写法：先直接查，省去规整的分配。
        if let Some(c) = Self::from_name(name) {
            return Some(c);
        }
        let squeezed = crate::text::squeeze_cow(name);
        let n: std::borrow::Cow<str> = if squeezed.contains(['(', ')']) {
            squeezed.replace('(', "（").replace(')', "）").into()
        } else {
            squeezed
        };
        if let Some(c) = Self::from_name(&n) {
            return Some(c);
        }
        Some(match n.as_ref() {
            "政府服务中心" | "政务大厅" | "政务服务大厅" => {
                StandardCarrier::ServiceCenter
            }
            "社区/企事业单位/村公示栏"
            | "社区/企事业单位/村公示栏(电子屏)"
            | "公示栏"
            | "村公示栏" => StandardCarrier::NoticeBoard,
            "发布会" | "听证会" => StandardCarrier::PressConference,
            "入户" | "现场" => StandardCarrier::OnSite,
            "两微一端（微博、微信、客户端）" => StandardCarrier::SocialMedia,
            _ => return None,
        })
    }
}

/// 事项的公开渠道和载体：选中的标准载体，和不在标准表里的其他载体名称（按出现顺序）。
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Channels {
    /// 选中的标准载体（按官方顺序，去重）。
    pub standard: Vec<StandardCarrier>,
    /// 其他载体的名称，例如“投资项目在线审批监管平台”“办税服务厅”。
    pub extra: Vec<String>,
}

impl Channels {
    /// 由载体名称列表构造：认得出的归入标准载体，其余作为其他载体保留原文。
    pub fn from_names<I, S>(names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut c = Channels::default();
        for name in names {
            c.add_name(name.as_ref());
        }
        c
    }

    /// 加入一个载体名称（见 [`StandardCarrier::recognise`]）。“其他：办税服务厅”记为其他载体“办税服务厅”。
    pub fn add_name(&mut self, name: &str) {
        let name = crate::text::tidy_cow(name);
        if name.is_empty() {
            return;
        }
        if let Some(s) = StandardCarrier::recognise(&name) {
            self.insert(s);
            return;
        }
        let name = name.into_owned();
        let detail = ["其他：", "其他:", "其他（", "其他("]
            .iter()
            .find_map(|p| name.strip_prefix(p))
            .map(|rest| rest.trim_end_matches(['）', ')']).trim().to_string());
        let extra = detail.filter(|d| !d.is_empty()).unwrap_or(name);
        if !self.extra.contains(&extra) {
            self.extra.push(extra);
        }
    }

    /// 选中一个标准载体，保持官方顺序。
    pub fn insert(&mut self, c: StandardCarrier) {
        if let Err(pos) = self.standard.binary_search(&c) {
            self.standard.insert(pos, c);
        }
    }

    pub fn contains(&self, c: StandardCarrier) -> bool {
        self.standard.binary_search(&c).is_ok()
    }

    pub fn is_empty(&self) -> bool {
        self.standard.is_empty() && self.extra.is_empty()
    }

    /// 所有载体名称（标准在前，其他在后）。
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.standard
            .iter()
            .map(|c| c.as_str())
            .chain(self.extra.iter().map(String::as_str))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_sorted_into_standard_and_extra() {
        let c = Channels::from_names([
            "政务服务中心",
            "政府网站",
            "政府服务中心",
            "其他：办税服务厅",
            "其他（法律服务网）",
            "投资项目在线审批监管平台",
            "社区/企事业单位/村公示栏(电子屏)",
        ]);
        assert_eq!(
            c.standard,
            vec![
                StandardCarrier::GovWebsite,
                StandardCarrier::ServiceCenter,
                StandardCarrier::NoticeBoard
            ]
        );
        assert_eq!(
            c.extra,
            vec!["办税服务厅", "法律服务网", "投资项目在线审批监管平台"]
        );
    }
}
