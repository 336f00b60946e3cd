//! R501–R502：领域内重复的事项、与指引事项名称相近却不同的事项。

use mulu_core::text::squeeze_cow;
use std::borrow::Cow;
use std::collections::HashMap;

use mulu_core::model::Field;

use rustc_hash::FxHashMap;

use super::catalog::{DUPLICATE_ITEM, NAME_NEAR_GUIDELINE};
use super::{item_label, CharSet, Ctx, EditDistance, NameKeys};

pub(super) fn check(ctx: &mut Ctx) {
    duplicates(ctx);
    near_guideline(ctx);
}

/// 重复的判断依据：领域、一级事项、二级事项（都去掉空白）。
type DuplicateKey<'a> = (Cow<'a, str>, Cow<'a, str>, Cow<'a, str>);

fn duplicates(ctx: &mut Ctx) {
    let items = ctx.items();
    let mut first: FxHashMap<DuplicateKey, usize> =
        FxHashMap::with_capacity_and_hasher(items.len(), Default::default());
    // 相邻事项多属同一领域：领域名去空白只在换领域时做。
    let mut domain: Option<(&str, Cow<str>)> = None;
    for (idx, it) in items.iter().enumerate() {
        let l1 = squeeze_cow(&it.fields.l1);
        let l2 = squeeze_cow(&it.fields.l2);
        if l1.is_empty() && l2.is_empty() {
            continue;
        }
        let d = match &domain {
            Some((raw, d)) if *raw == it.domain => d.clone(),
            _ => {
                let d = squeeze_cow(it.domain);
                domain = Some((it.domain, d.clone()));
                d
            }
        };
        let key = (d, l1, l2);
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

/// 名称键的字符（比较编辑距离用）：一级、“/”、二级连在一起，`split` 是一级的字符数；
/// 以及一级、二级、合起来的字符集合（先用来估计编辑距离的下限）。
#[derive(Default)]
struct KeyChars {
    chars: Vec<char>,
    split: usize,
    sets: [CharSet; 3],
}

impl KeyChars {
    fn new((l1, l2): &NameKeys) -> Self {
        let mut k = KeyChars::default();
        k.fill((l1, l2));
        k
    }

    fn fill(&mut self, (l1, l2): (&str, &str)) {
        self.chars.clear();
        self.chars.extend(l1.chars());
        self.split = self.chars.len();
        self.chars.push('/');
        self.chars.extend(l2.chars());
        let (s1, s2) = (CharSet::of(l1), CharSet::of(l2));
        let mut joined = s1.union(s2);
        joined.insert('/');
        self.sets = [s1, s2, joined];
    }

    fn l1(&self) -> (&[char], CharSet) {
        (&self.chars[..self.split], self.sets[0])
    }

    fn l2(&self) -> (&[char], CharSet) {
        (&self.chars[self.split + 1..], self.sets[1])
    }

    /// “一级/二级”。
    fn joined(&self) -> (&[char], CharSet) {
        (&self.chars, self.sets[2])
    }
}

/// 允许的差异：最多 2 个字，且不超过名称长度的四分之一。
fn close(
    ed: &mut EditDistance,
    (a, sa): (&[char], CharSet),
    (b, sb): (&[char], CharSet),
) -> Option<usize> {
    let len = a.len().max(b.len());
    let limit = 2.min(len / 4);
    // 编辑距离不小于长度差，也不小于一方独有的字数：差得多的不必算
    // （每个事项要与领域里全部指引事项比较）。
    if limit == 0 || sa.lacks(sb) > limit || sb.lacks(sa) > limit {
        return None;
    }
    ed.within(a, b, limit).filter(|d| *d > 0)
}

fn near_guideline(ctx: &mut Ctx) {
    let items = ctx.items();
    let mut ed = EditDistance::default();
    let mut mine = KeyChars::default();
    // 各领域指引事项名称键的字符，用到时才算（与 `guide_keys` 同序）。
    let mut guide_chars: HashMap<&str, Vec<KeyChars>> = HashMap::new();
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
        let gchars = guide_chars
            .entry(g.name.as_str())
            .or_insert_with(|| gkeys.iter().map(KeyChars::new).collect());
        mine.fill((l1, l2));
        // 采用自某个指引事项的，只与它比较；其他事项与全部指引事项比较，取最接近的。
        let adopted = it.guideline_id();
        let best = g
            .items
            .iter()
            .zip(gkeys.iter().zip(gchars.iter()))
            .filter(|(gi, _)| adopted.is_none_or(|id| gi.id == id))
            .filter_map(|(gi, ((g1, g2), gc))| {
                // 只有一个名称不同时只量那一个：短名称（“审批结果”与“审批信息”）换了一个词不是错别字。
                let d = if g1 == l1 {
                    close(&mut ed, mine.l2(), gc.l2())
                } else if g2 == l2 {
                    close(&mut ed, mine.l1(), gc.l1())
                } else {
                    // 两个名称都不同：合起来量。
                    close(&mut ed, mine.joined(), gc.joined())
                };
                d.map(|d| (d, gi, g1, g2))
            })
            .min_by_key(|(d, ..)| *d);
        if let Some((_, gi, g1, g2)) = best {
            // 名称键在上面已经算好（同 `name_key(&gi.l1) == name_key(&it.fields.l1)`）。
            let field = if g1 == l1 { Field::L2 } else { Field::L1 };
            let suggestion = if field == Field::L2 {
                gi.l2.clone()
            } else if g2 == l2 {
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
