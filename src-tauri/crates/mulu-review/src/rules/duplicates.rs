//! R501–R502：领域内重复的事项、与指引事项名称相近却不同的事项。

use std::collections::HashMap;

use mulu_core::guideline::GuidelineItem;
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

fn key(l1: &str, l2: &str) -> String {
    format!("{}/{}", name_key(l1), name_key(l2))
}

/// 允许的差异：最多 2 个字，且不超过名称长度的四分之一。
fn close(a: &str, b: &str) -> Option<usize> {
    let d = levenshtein(a, b);
    let len = a.chars().count().max(b.chars().count());
    (d > 0 && d <= 2 && d * 4 <= len).then_some(d)
}

fn near_guideline(ctx: &mut Ctx) {
    let items = ctx.items();
    for (idx, it) in items.iter().enumerate() {
        let Some(g) = ctx.c.guideline(it.domain) else {
            continue;
        };
        let k = key(&it.fields.l1, &it.fields.l2);
        if k == "/" {
            continue;
        }
        let exact = |gi: &GuidelineItem| key(&gi.l1, &gi.l2) == k;
        if g.items.iter().any(exact) {
            continue;
        }
        // 采用自某个指引事项的，只与它比较；其他事项与全部指引事项比较，取最接近的。
        let candidates: Vec<&GuidelineItem> = match it.guideline_id() {
            Some(id) => g.items.iter().filter(|gi| gi.id == id).collect(),
            None => g.items.iter().collect(),
        };
        let (l1, l2) = (name_key(&it.fields.l1), name_key(&it.fields.l2));
        let best = candidates
            .into_iter()
            .filter_map(|gi| {
                let (g1, g2) = (name_key(&gi.l1), name_key(&gi.l2));
                // 只有一个名称不同时只量那一个：短名称（“审批结果”与“审批信息”）换了一个词不是错别字。
                let d = if g1 == l1 {
                    close(&l2, &g2)
                } else if g2 == l2 {
                    close(&l1, &g1)
                } else {
                    close(&k, &key(&gi.l1, &gi.l2))
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
