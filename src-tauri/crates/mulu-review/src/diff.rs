//! 版本比对：同一单位两个版本的目录（两个文件，或库里的两个年度）之间新增、删除、
//! 逐字段改动的事项——每年“动态调整”时审核人员要逐条确认的内容。
//!
//! ```
//! use mulu_core::model::ItemFields;
//! use mulu_review::diff::{diff, Located};
//!
//! let a = ItemFields { domain: "社会救助".into(), l1: "临时救助".into(), l2: "审批结果".into(),
//!     time_limit: "20个工作日内".into(), ..Default::default() };
//! let mut b = a.clone();
//! b.time_limit = "10个工作日内".into();
//! let d = diff("2025", &[Located::stored(a)], "2026", &[Located::stored(b)]);
//! assert_eq!(d.changed.len(), 1);
//! assert_eq!(d.changed[0].fields[0].new, "10个工作日内");
//! ```

use std::collections::HashMap;

use mulu_core::model::{Field, ImportPreview, Item, ItemFields};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// 参与比对的事项：内容，以及它在文件里的位置（来自库时为空）。
#[derive(Debug, Clone)]
pub struct Located {
    pub fields: ItemFields,
    pub sheet: Option<String>,
    pub row: Option<u32>,
}

impl Located {
    pub fn stored(fields: ItemFields) -> Self {
        Located {
            fields,
            sheet: None,
            row: None,
        }
    }

    pub fn from_items(items: &[Item]) -> Vec<Located> {
        items
            .iter()
            .map(|i| Located::stored(i.fields.clone()))
            .collect()
    }

    /// 预览里认出领域的事项（认不出领域的表格不参与比对）。
    pub fn from_preview(p: &ImportPreview) -> Vec<Located> {
        p.sheets
            .iter()
            .filter_map(|s| s.domain.as_ref().map(|d| (d, s)))
            .flat_map(|(d, s)| {
                s.items.iter().map(move |i| {
                    let mut fields = i.fields.clone();
                    fields.domain = d.clone();
                    Located {
                        fields,
                        sheet: Some(i.sheet.clone()),
                        row: Some(i.row),
                    }
                })
            })
            .collect()
    }
}

/// 比对中的一个事项：领域、名称与位置。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct DiffItem {
    pub domain: String,
    pub l1: String,
    pub l2: String,
    pub sheet: Option<String>,
    pub row: Option<u32>,
}

/// 一个字段的新旧文字。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct FieldChange {
    pub field: Field,
    /// 字段名（官方表头），例如“公开时限”。
    pub label: String,
    pub old: String,
    pub new: String,
}

/// 改动的事项（位置取新版本）。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct ChangedEntry {
    pub item: DiffItem,
    pub fields: Vec<FieldChange>,
}

/// 两个版本的差异。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct CatalogDiff {
    pub old: String,
    pub new: String,
    pub added: Vec<DiffItem>,
    pub removed: Vec<DiffItem>,
    pub changed: Vec<ChangedEntry>,
    pub unchanged: usize,
}

/// 比对两个版本：按“领域 + 一级事项 + 二级事项”（去空白后）配对。
pub fn diff(old_label: &str, old: &[Located], new_label: &str, new: &[Located]) -> CatalogDiff {
    let key = |f: &ItemFields| {
        (
            f.domain.clone(),
            mulu_core::text::squeeze(&f.l1),
            mulu_core::text::squeeze(&f.l2),
        )
    };
    let mut old_by: HashMap<_, Vec<&Located>> = HashMap::new();
    for o in old {
        old_by.entry(key(&o.fields)).or_default().push(o);
    }
    let mut out = CatalogDiff {
        old: old_label.to_string(),
        new: new_label.to_string(),
        added: Vec::new(),
        removed: Vec::new(),
        changed: Vec::new(),
        unchanged: 0,
    };
    for n in new {
        let matched = old_by.get_mut(&key(&n.fields)).and_then(|v| {
            if v.is_empty() {
                None
            } else {
                Some(v.remove(0))
            }
        });
        match matched {
            None => out.added.push(item(n)),
            Some(o) => {
                let fields = field_changes(&o.fields, &n.fields);
                if fields.is_empty() {
                    out.unchanged += 1;
                } else {
                    out.changed.push(ChangedEntry {
                        item: item(n),
                        fields,
                    });
                }
            }
        }
    }
    // 没配上的旧事项按原顺序列为删除。
    for o in old {
        if let Some(v) = old_by.get_mut(&key(&o.fields)) {
            if let Some(pos) = v.iter().position(|x| std::ptr::eq(*x, o)) {
                v.remove(pos);
                out.removed.push(item(o));
            }
        }
    }
    out
}

fn item(l: &Located) -> DiffItem {
    DiffItem {
        domain: l.fields.domain.clone(),
        l1: l.fields.l1.clone(),
        l2: l.fields.l2.clone(),
        sheet: l.sheet.clone(),
        row: l.row,
    }
}

/// 字段的可读文字（比对与显示用；即 [`ItemFields::text`]）。
pub fn field_text(f: &ItemFields, field: Field) -> String {
    f.text(field).into_owned()
}

fn field_changes(a: &ItemFields, b: &ItemFields) -> Vec<FieldChange> {
    Field::CONTENT
        .into_iter()
        .filter_map(|field| {
            let (old, new) = (a.text(field), b.text(field));
            let same = mulu_core::text::squeeze_cow(&old) == mulu_core::text::squeeze_cow(&new);
            (!same).then(|| FieldChange {
                field,
                label: field.label().to_string(),
                old: old.into_owned(),
                new: new.into_owned(),
            })
        })
        .collect()
}
