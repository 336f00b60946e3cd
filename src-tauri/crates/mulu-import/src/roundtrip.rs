//! 本程序导出的工作簿带有隐藏表 `_mulu`（版式见 [`mulu_core::roundtrip`]，导出按同一份定义写）：
//! 据此恢复编号、来源、顺序，以及可见表格里没有的字段。可见表格被人改过的字段以可见表格为准。

use std::collections::HashMap;

use mulu_core::matching::is_ditto as is_ditto_text;
use mulu_core::model::{Field, Item, ItemFields, PreviewItem, PreviewOrigin, Provenance};
use mulu_core::roundtrip as layout;
use mulu_core::text::tidy;

use crate::clean;
use crate::grid::Grid;

pub const SHEET: &str = layout::SHEET;

/// 隐藏表里的内容。
pub struct RoundTrip {
    pub origin: Option<PreviewOrigin>,
    /// (表名, 行号) → 导出时的事项。
    pub items: HashMap<(String, u32), Item>,
}

/// 读隐藏表；不是本程序的往返表时返回 `None`，JSON 坏了的行跳过（按普通文件导入）。
pub fn read(grid: &Grid) -> Option<RoundTrip> {
    let (r0, c0) = layout::MAGIC_CELL;
    if grid.get(r0, u32::from(c0)) != layout::MAGIC {
        return None;
    }
    let joined = |r: u32, from: u16| -> String {
        (u32::from(from)..grid.width())
            .map(|c| grid.get(r, c))
            .collect::<String>()
    };
    let origin = serde_json::from_str(&joined(layout::ORIGIN_ROW, layout::ORIGIN_COL)).ok();
    let mut items = HashMap::new();
    for r in layout::FIRST_ITEM_ROW..grid.height() {
        let sheet = grid.get(r, u32::from(layout::SHEET_COL)).to_string();
        let Ok(row) = grid.get(r, u32::from(layout::ROW_COL)).parse::<u32>() else {
            continue;
        };
        if let Ok(item) = serde_json::from_str::<Item>(&joined(r, layout::ITEM_COL)) {
            items.insert((sheet, row), item);
        }
    }
    Some(RoundTrip { origin, items })
}

/// 把导出时的事项与读出的行合起来：可见表格与导出时一致的字段取导出时的原值（保留换行、
/// 要素列表等可见表格表达不了的细节），不一致的字段（导出后有人改过）取读出的值并标记已改动。
/// 返回取了原值的字段（这些格读入时的规整提示不再需要）。
pub fn merge(item: &mut PreviewItem, stored: &Item, present: &[Field]) -> Vec<Field> {
    let read = item.fields.clone();
    let mut out = stored.fields.clone();
    let mut changed = false;
    let mut kept = Vec::new();
    let s = &stored.fields;
    // 各字段读入时的规整不同，比较的办法也不同；领域取所在的表，备注取导出时的原值，不比较。
    let same = |field: Field| -> Option<bool> {
        Some(match field {
            Field::Domain | Field::Notes => return None,
            Field::L1 => same_name(&read.l1, &s.l1),
            Field::L2 => same_name(&read.l2, &s.l2),
            Field::Content => same_content(&read.content, &s.content),
            Field::Basis => same_lines(&read.basis, &s.basis),
            Field::TimeLimit => same_phrase(&read.time_limit, &s.time_limit),
            Field::Subject => same_phrase(&read.subject, &s.subject),
            Field::Channels => same_channels(&read, s),
            Field::Audience => {
                same_set(&read.audience, &s.audience)
                    && same_text(
                        read.audience_group.as_deref().unwrap_or(""),
                        s.audience_group.as_deref().unwrap_or(""),
                    )
            }
            Field::Mode => same_set(&read.mode, &s.mode),
            Field::Level => same_set(&read.level, &s.level),
        })
    };
    for field in Field::ALL {
        let Some(same) = same(field).filter(|_| present.contains(&field)) else {
            continue;
        };
        if same {
            kept.push(field);
        } else {
            out.copy_field(&read, field);
            changed = true;
        }
    }
    item.fields = out;
    item.id = Some(stored.id);
    item.provenance = Some(match &stored.provenance {
        Provenance::Guideline {
            guideline_item_id,
            data_version,
            modified,
        } => Provenance::Guideline {
            guideline_item_id: guideline_item_id.clone(),
            data_version: data_version.clone(),
            modified: *modified || changed,
        },
        Provenance::Local => Provenance::Local,
    });
    kept
}

/// 导出时会去掉控制字符（保留换行与制表符）：可见表格里的文字就是这样。
fn exported(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect()
}

/// 导出时会去掉控制字符、导入时会规整空白：按同样的规整比较。
fn norm(s: &str) -> String {
    tidy(&exported(s))
}

/// 原文就是“同上”时，读入已换成上一行的值：仍以原文为准。
fn is_ditto(stored: &str) -> bool {
    is_ditto_text(&exported(stored))
}

fn same_text(read: &str, stored: &str) -> bool {
    read == norm(stored) || is_ditto(stored)
}

// 下面几种字段读入时经过 `clean` 的规整（去编号、去汉字间的空格）：把导出时的原值也这样规整后比较，
// 本程序导出的文字再读回来就仍取原值。

fn same_content(read: &str, stored: &str) -> bool {
    read == clean::content(&exported(stored)).0 || is_ditto(stored)
}

fn same_phrase(read: &str, stored: &str) -> bool {
    read == clean::phrase(&exported(stored)).0 || is_ditto(stored)
}

/// 事项名读入时会去掉编号、把占位的“—”当作空，比较时也这样处理。
fn same_name(read: &str, stored: &str) -> bool {
    read == clean::name(&exported(stored)).0 || is_ditto(stored)
}

fn same_lines(read: &[String], stored: &[String]) -> bool {
    if read == clean::bases(&exported(&stored.join("\n"))).0.as_slice() {
        return true;
    }
    let lines: Vec<&str> = stored
        .iter()
        .flat_map(|b| b.split('\n'))
        .filter(|l| !norm(l).is_empty())
        .collect();
    lines.len() == 1 && is_ditto(lines[0])
}

fn same_set<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    a.len() == b.len() && a.iter().all(|x| b.contains(x))
}

fn same_channels(read: &ItemFields, stored: &ItemFields) -> bool {
    let (r, s) = (&read.channels, &stored.channels);
    same_set(&r.standard, &s.standard)
        && r.extra.len() == s.extra.len()
        && r.extra
            .iter()
            .zip(&s.extra)
            .all(|(a, b)| mulu_core::text::squeeze(a) == mulu_core::text::squeeze(b))
}
