//! R501–R502：领域内重复的事项、与指引事项名称相近却不同的事项。

use std::collections::HashMap;

use mulu_core::model::Field;
use mulu_core::text::squeeze;

use super::catalog::{DUPLICATE_ITEM, NAME_NEAR_GUIDELINE};
use super::{item_label, levenshtein, name_key, Ctx};

pub(super) fn check(ctx: &mut Ctx) {
    duplicates(ctx);
    near_guideline(ctx);
}

fn duplicates(ctx: &mut Ctx) {
    let items = ctx.items();
    let mut first: HashMap<(String, String, String), usize> = HashMap::new();
    for (idx, it) in items.iter().enumerate() {
        let l1 = squeeze(&it.fields.l1);
        let l2 = squeeze(&it.fields.l2);
        if l1.is_empty() && l2.is_empty() {
            continue;
        }
        let key = (squeeze(it.domain), l1, l2);
        match first.get(&key) {
            None => {
                first.insert(key, idx);
            }
            Some(&j) => {
                let other = &items[j];
                let where_ = match (other.sheet, other.row) {
                    (Some(s), Some(r)) if Some(s) == it.sheet => format!("第{r}行"),
                    (Some(s), Some(r)) => format!("工作表“{s}”第{r}行"),
                    _ => format!("第{}个事项", j + 1),
                };
                // 指向本行自己的单元格：一级事项常常纵向合并，合并格的左上角是别的事项。
                let field = if it.fields.l2.trim().is_empty() {
                    Field::L1
                } else {
                    Field::L2
                };
                ctx.item(
                    &DUPLICATE_ITEM,
                    idx,
                    Some(field),
                    format!(
                        "{}与{where_}重复（同一领域里一级事项、二级事项都相同）。\
                         请合并两行，或把其中一行改成不同的名称。",
                        item_label(it, idx)
                    ),
                    None,
                );
            }
        }
    }
}

/// 允许的差异：最多 2 个字，且不超过名称长度的四分之一。
fn close(a: &str, b: &str) -> Option<usize> {
    let (la, lb) = (a.chars().count(), b.chars().count());
    let len = la.max(lb);
    // 编辑距离不小于长度差：差得多的不必算（每个事项要与领域里全部指引事项比较）。
    let limit = 2.min(len / 4);
    if limit == 0 || la.abs_diff(lb) > limit {
        return None;
    }
    let d = levenshtein(a, b);
    (d > 0 && d <= limit).then_some(d)
}

fn near_guideline(ctx: &mut Ctx) {
    let items = ctx.items();
    for (idx, it) in items.iter().enumerate() {
        let Some(g) = ctx.item_guides[idx] else {
            continue;
        };
        let (l1, l2) = &ctx.item_keys[idx];
        if l1.is_empty() && l2.is_empty() {
            continue;
        }
        let gkeys = ctx.guide_keys(g);
        if gkeys.iter().any(|(g1, g2)| g1 == l1 && g2 == l2) {
            continue;
        }
        // 采用自某个指引事项的，只与它比较；其他事项与全部指引事项比较，取最接近的。
        let adopted = it.guideline_id();
        let best = g
            .items
            .iter()
            .zip(gkeys)
            .filter(|(gi, _)| adopted.is_none_or(|id| gi.id == id))
            .filter_map(|(gi, (g1, g2))| {
                // 只有一个名称不同时只量那一个：短名称（“审批结果”与“审批信息”）换了一个词不是错别字。
                let d = if g1 == l1 {
                    close(l2, g2)
                } else if g2 == l2 {
                    close(l1, g1)
                } else {
                    // 两个名称都不同：合起来量。先比长度，差得多的不必拼字符串。
                    let n = |a: &str, b: &str| a.chars().count() + b.chars().count() + 1;
                    let (la, lb) = (n(l1, l2), n(g1, g2));
                    if la.abs_diff(lb) > 2.min(la.max(lb) / 4) {
                        return None;
                    }
                    close(&format!("{l1}/{l2}"), &format!("{g1}/{g2}"))
                };
                d.map(|d| (d, gi))
            })
            .min_by_key(|(d, _)| *d);
        if let Some((_, gi)) = best {
            let field = if name_key(&gi.l1) == name_key(&it.fields.l1) {
                Field::L2
            } else {
                Field::L1
            };
            let suggestion = if field == Field::L2 {
                gi.l2.clone()
            } else if name_key(&gi.l2) == name_key(&it.fields.l2) {
                gi.l1.clone()
            } else {
                gi.display_name()
            };
            ctx.item(
                &NAME_NEAR_GUIDELINE,
                idx,
                Some(field),
                format!(
                    "{}与{}领域标准指引中的事项“{}”（{}）只差一两个字，可能有错别字。\
                     如果指的是同一事项，建议使用指引的名称；如果是有意改写，可忽略此提示。",
                    item_label(it, idx),
                    g.name,
                    gi.display_name(),
                    gi.id
                ),
                Some(suggestion),
            );
        }
    }
}
