//! 事项的字段：[`Field`] 是字段的名单（[`Field::ALL`]），[`ItemFields::text`] 是每个字段的可读文字。
//! 逐字段比较、显示、生成界面名称的地方都走这份名单，不各自列举字段：给事项加字段时，
//! 改 `ItemFields`、这里的名单与文字、一个迁移，别处不必手改（测试核对名单与 `ItemFields` 的字段一一对应）。

use std::borrow::Cow;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ItemFields;

/// 事项的一个字段（审核结果与单元格定位用），serde 名与 `ItemFields` 的字段名一致。
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Domain,
    L1,
    L2,
    Content,
    Basis,
    TimeLimit,
    Subject,
    Channels,
    Audience,
    Mode,
    Level,
    Notes,
}

impl Field {
    /// 官方表头里的名称。
    pub fn label(self) -> &'static str {
        match self {
            Field::Domain => "领域",
            Field::L1 => "一级事项",
            Field::L2 => "二级事项",
            Field::Content => "公开内容（要素）",
            Field::Basis => "公开依据",
            Field::TimeLimit => "公开时限",
            Field::Subject => "公开主体",
            Field::Channels => "公开渠道和载体",
            Field::Audience => "公开对象",
            Field::Mode => "公开方式",
            Field::Level => "公开层级",
            Field::Notes => "备注",
        }
    }
}

impl Field {
    /// 全部字段，按官方表格的栏序。
    pub const ALL: [Field; 12] = [
        Field::Domain,
        Field::L1,
        Field::L2,
        Field::Content,
        Field::Basis,
        Field::TimeLimit,
        Field::Subject,
        Field::Channels,
        Field::Audience,
        Field::Mode,
        Field::Level,
        Field::Notes,
    ];

    /// 事项的内容字段（领域与名称之外：版本比较时逐一对比的字段）。
    pub const CONTENT: [Field; 9] = [
        Field::Content,
        Field::Basis,
        Field::TimeLimit,
        Field::Subject,
        Field::Channels,
        Field::Audience,
        Field::Mode,
        Field::Level,
        Field::Notes,
    ];

    /// serde 名（`time_limit`），与 `ItemFields` 的字段名一致。
    pub fn key(self) -> &'static str {
        match self {
            Field::Domain => "domain",
            Field::L1 => "l1",
            Field::L2 => "l2",
            Field::Content => "content",
            Field::Basis => "basis",
            Field::TimeLimit => "time_limit",
            Field::Subject => "subject",
            Field::Channels => "channels",
            Field::Audience => "audience",
            Field::Mode => "mode",
            Field::Level => "level",
            Field::Notes => "notes",
        }
    }

    /// `ItemFields` 里不单独成为 [`Field`] 的字段，以及它们归入的字段：
    /// 要素由公开内容拆出，特定群体说明是公开对象的一部分。
    pub const PARTS: [(&'static str, Field); 2] = [
        ("elements", Field::Content),
        ("audience_group", Field::Audience),
    ];
}

impl ItemFields {
    /// 单段文字的字段（领域、名称、公开内容、时限、主体、备注）的原文；其他字段为 `None`。
    pub fn plain_text(&self, field: Field) -> Option<&str> {
        Some(match field {
            Field::Domain => &self.domain,
            Field::L1 => &self.l1,
            Field::L2 => &self.l2,
            Field::Content => &self.content,
            Field::TimeLimit => &self.time_limit,
            Field::Subject => &self.subject,
            Field::Notes => &self.notes,
            Field::Basis | Field::Channels | Field::Audience | Field::Mode | Field::Level => {
                return None
            }
        })
    }

    /// 字段的可读文字（比较与显示用）：多项的以“、”连接，公开依据一条一行，
    /// 公开对象带特定群体说明（`依申请（申请人）`）。文字字段借用原文。
    pub fn text(&self, field: Field) -> Cow<'_, str> {
        let join = |v: Vec<&str>| Cow::Owned(v.join("、"));
        match field {
            Field::Basis => Cow::Owned(self.basis.join("\n")),
            Field::Channels => join(self.channels.names().collect()),
            Field::Audience => {
                let mut s = self
                    .audience
                    .iter()
                    .map(|a| a.as_str())
                    .collect::<Vec<_>>()
                    .join("、");
                if let Some(g) = self.audience_group.as_deref().filter(|g| !g.is_empty()) {
                    s.push_str(&format!("（{g}）"));
                }
                Cow::Owned(s)
            }
            Field::Mode => join(self.mode.iter().map(|m| m.as_str()).collect()),
            Field::Level => join(self.level.iter().map(|l| l.as_str()).collect()),
            _ => Cow::Borrowed(self.plain_text(field).unwrap_or_default()),
        }
    }

    /// 两个事项的字段 `field` 是否相同（按存储的值，不是按文字：顺序、特定群体说明都算）。
    pub fn same(&self, other: &ItemFields, field: Field) -> bool {
        match field {
            Field::Basis => self.basis == other.basis,
            Field::Channels => self.channels == other.channels,
            Field::Audience => {
                self.audience == other.audience && self.audience_group == other.audience_group
            }
            Field::Mode => self.mode == other.mode,
            Field::Level => self.level == other.level,
            // 要素由公开内容拆出（采用的指引事项带指引里的要素），不单独比较。
            _ => self.plain_text(field) == other.plain_text(field),
        }
    }

    /// 把 `from` 的字段 `field`（连同归入它的部分）抄过来。
    pub fn copy_field(&mut self, from: &ItemFields, field: Field) {
        match field {
            Field::Domain => self.domain.clone_from(&from.domain),
            Field::L1 => self.l1.clone_from(&from.l1),
            Field::L2 => self.l2.clone_from(&from.l2),
            Field::Content => {
                self.content.clone_from(&from.content);
                self.elements.clone_from(&from.elements);
            }
            Field::Basis => self.basis.clone_from(&from.basis),
            Field::TimeLimit => self.time_limit.clone_from(&from.time_limit),
            Field::Subject => self.subject.clone_from(&from.subject),
            Field::Channels => self.channels.clone_from(&from.channels),
            Field::Audience => {
                self.audience.clone_from(&from.audience);
                self.audience_group.clone_from(&from.audience_group);
            }
            Field::Mode => self.mode.clone_from(&from.mode),
            Field::Level => self.level.clone_from(&from.level),
            Field::Notes => self.notes.clone_from(&from.notes),
        }
    }

    /// 与 `other` 不同的字段（按 [`Field::ALL`] 的顺序）。
    pub fn changed_fields(&self, other: &ItemFields) -> Vec<Field> {
        Field::ALL
            .into_iter()
            .filter(|f| !self.same(other, *f))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Audience, Channels, Mode};

    /// `Field::ALL`（连同 `PARTS`）与 `ItemFields` 的 serde 字段一一对应：给事项加了字段却没加进名单，这里失败。
    #[test]
    fn the_field_list_covers_every_item_field() {
        let json = serde_json::to_value(ItemFields::default()).unwrap();
        let mut names: Vec<String> = json.as_object().unwrap().keys().cloned().collect();
        names.sort();
        let mut listed: Vec<String> = Field::ALL
            .iter()
            .map(|f| f.key().to_string())
            .chain(Field::PARTS.iter().map(|(n, _)| n.to_string()))
            .collect();
        listed.sort();
        assert_eq!(names, listed);
        for f in Field::ALL {
            assert_eq!(serde_json::to_value(f).unwrap(), f.key(), "{f:?}");
        }
        for f in Field::CONTENT {
            assert!(Field::ALL.contains(&f));
        }
    }

    #[test]
    fn every_field_has_text_and_is_compared_and_copied() {
        let a = ItemFields::default();
        let b = ItemFields {
            domain: "社会救助".into(),
            l1: "临时救助".into(),
            l2: "审批结果".into(),
            content: "姓名、金额".into(),
            elements: vec!["姓名".into(), "金额".into()],
            basis: vec!["《社会救助暂行办法》".into(), "《条例》".into()],
            time_limit: "20个工作日内".into(),
            subject: "乡镇人民政府".into(),
            channels: Channels::from_names(["政府网站", "办税服务厅"]),
            audience: vec![Audience::SpecificGroup],
            audience_group: Some("申请人".into()),
            mode: vec![Mode::Proactive],
            level: vec![crate::model::Level::Township],
            notes: "备注".into(),
        };
        assert_eq!(a.changed_fields(&b), Field::ALL.to_vec());
        let mut c = ItemFields::default();
        for f in Field::ALL {
            assert_ne!(b.text(f), "", "{f:?}");
            c.copy_field(&b, f);
        }
        assert_eq!(c, b);
        assert_eq!(b.text(Field::Basis), "《社会救助暂行办法》\n《条例》");
        assert_eq!(b.text(Field::Audience), "特定群体（申请人）");
        assert_eq!(b.text(Field::Channels), "政府网站、办税服务厅");
    }
}
