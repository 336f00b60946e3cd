//! 规则：每组一个模块，各是一个遍历目录、写入问题的函数。规则的编号与严重程度在 [`catalog`]。

pub mod catalog;

mod basis;
mod channels;
mod coverage;
mod duplicates;
mod hygiene;
mod marks;
mod required;
mod time_limit;

pub use basis::{builtin_repealed, parse_repealed, RepealedStatus, RepealedText};
pub use time_limit::{classify_time_limit, TimeLimit};

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

pub(crate) use mulu_core::matching::{is_ditto, name_key, EditDistance};

use mulu_core::guideline::GuidelineDomain;
use mulu_core::model::{Field, ItemFields};

use crate::input::{CatalogUnderReview, ReviewItem};
use crate::report::{Coverage, Finding, ItemRef};
use catalog::RuleInfo;

/// 全部规则依次执行，返回（未排序的）问题与覆盖情况。
pub(crate) fn run_all(c: &CatalogUnderReview) -> (Vec<Finding>, Coverage) {
    let mut ctx = Ctx::new(c);
    required::check(&mut ctx);
    marks::check(&mut ctx);
    basis::check(&mut ctx);
    time_limit::check(&mut ctx);
    channels::check(&mut ctx);
    duplicates::check(&mut ctx);
    let coverage = coverage::check(&mut ctx);
    hygiene::check(&mut ctx);
    (ctx.finish(), coverage)
}

/// 排序键：分组（工作表或领域，按出现顺序）、行（事项顺序）、列、规则编号。
type SortKey = (usize, u64, u32, &'static str);

/// 一级、二级事项名称的比较键（[`name_key`]）。
pub(crate) type NameKeys<'a> = (Cow<'a, str>, Cow<'a, str>);

/// 规则运行时的上下文：被审核的目录、预先算好的名称键与指引，以及收集到的问题。
pub(crate) struct Ctx<'c, 'a> {
    pub c: &'c CatalogUnderReview<'a>,
    /// 每个事项（与 `c.items` 同序）的名称键：名称比较在每对事项与指引事项之间进行，
    /// 逐次求键曾占审核时间的三成。
    pub item_keys: Vec<NameKeys<'a>>,
    /// 每个事项所属领域的指引（认不出领域时为空）。
    pub item_guides: Vec<Option<&'a GuidelineDomain>>,
    /// 各领域指引事项的名称键（按领域名称，与 `items` 同序）。
    guide_keys: HashMap<&'a str, Vec<NameKeys<'a>>>,
    groups: HashMap<String, usize>,
    /// 每个事项所在的分组（`groups` 里的编号，与 `c.items` 同序）。
    item_groups: Vec<usize>,
    out: Vec<(SortKey, Finding)>,
}

impl<'c, 'a> Ctx<'c, 'a> {
    fn new(c: &'c CatalogUnderReview<'a>) -> Self {
        let mut groups = HashMap::new();
        // 相邻事项多在同一张表、同一领域：与上一个相同时不必再拼分组名、查表。
        let mut last: Option<(Option<&str>, &str, usize)> = None;
        let mut item_groups = Vec::with_capacity(c.items.len());
        for it in &c.items {
            let group = match last {
                Some((s, d, g)) if s == it.sheet && d == it.domain => g,
                _ => {
                    let n = groups.len();
                    let g = *groups.entry(group_name(it.sheet, it.domain)).or_insert(n);
                    last = Some((it.sheet, it.domain, g));
                    g
                }
            };
            item_groups.push(group);
        }
        for d in c.all_domains() {
            let n = groups.len();
            groups.entry(group_name(None, d)).or_insert(n);
        }
        let keys = |l1: &'a str, l2: &'a str| (name_key(l1), name_key(l2));
        let item_keys = c
            .items
            .iter()
            .map(|it| keys(&it.fields.l1, &it.fields.l2))
            .collect();
        let mut last: Option<(&str, Option<&'a GuidelineDomain>)> = None;
        let item_guides: Vec<Option<&'a GuidelineDomain>> = c
            .items
            .iter()
            .map(|it| match last {
                Some((d, g)) if d == it.domain => g,
                _ => {
                    let g = c.guideline(it.domain);
                    last = Some((it.domain, g));
                    g
                }
            })
            .collect();
        let mut guide_keys = HashMap::new();
        let domains = c.all_domains();
        let guides = domains.iter().filter_map(|d| c.guideline(d));
        for g in guides.chain(item_guides.iter().flatten().copied()) {
            guide_keys
                .entry(g.name.as_str())
                .or_insert_with(|| g.items.iter().map(|gi| keys(&gi.l1, &gi.l2)).collect());
        }
        Ctx {
            c,
            item_keys,
            item_guides,
            guide_keys,
            groups,
            item_groups,
            out: Vec::new(),
        }
    }

    /// 指引 `g` 的事项名称键（与 `g.items` 同序）。
    pub fn guide_keys(&self, g: &GuidelineDomain) -> &[NameKeys<'a>] {
        self.guide_keys
            .get(g.name.as_str())
            .map_or(&[], Vec::as_slice)
    }

    fn group(&mut self, sheet: Option<&str>, domain: &str) -> usize {
        let n = self.groups.len();
        *self.groups.entry(group_name(sheet, domain)).or_insert(n)
    }

    pub fn items(&self) -> &'c [ReviewItem<'a>] {
        &self.c.items
    }

    /// 针对第 `idx` 个事项（某个字段）的问题。
    pub fn item(
        &mut self,
        rule: &'static RuleInfo,
        idx: usize,
        field: Option<Field>,
        message: String,
        suggestion: Option<String>,
    ) {
        let Some(it) = self.c.items.get(idx).copied() else {
            return;
        };
        let cell = field.and_then(|f| it.cell(f)).map(str::to_string);
        let col = match (&cell, field) {
            (Some(c), _) => column_number(c),
            (None, Some(f)) => 1000 + f as u32,
            (None, None) => 0,
        };
        let row = u64::from(it.row.unwrap_or(0)) * 1_000_000 + idx as u64 + 1;
        let key = (self.item_groups[idx], row, col, rule.id);
        self.out.push((
            key,
            Finding {
                rule: rule.id.to_string(),
                severity: rule.severity,
                domain: it.domain.to_string(),
                item: Some(ItemRef {
                    id: it.id,
                    l1: it.fields.l1.clone(),
                    l2: it.fields.l2.clone(),
                    sheet: it.sheet.map(str::to_string),
                    row: it.row,
                }),
                field,
                sheet: it.sheet.map(str::to_string),
                cell,
                message,
                suggestion,
            },
        ));
    }

    /// 针对整个领域、整张表或整份目录的问题（不指向某个事项）。
    pub fn general(
        &mut self,
        rule: &'static RuleInfo,
        domain: &str,
        sheet: Option<&str>,
        message: String,
        suggestion: Option<String>,
    ) {
        let key = (self.group(sheet, domain), 0, 0, rule.id);
        self.out.push((
            key,
            Finding {
                rule: rule.id.to_string(),
                severity: rule.severity,
                domain: domain.to_string(),
                item: None,
                field: None,
                sheet: sheet.map(str::to_string),
                cell: None,
                message,
                suggestion,
            },
        ));
    }

    fn finish(mut self) -> Vec<Finding> {
        self.out.sort_by(|a, b| a.0.cmp(&b.0));
        self.out.into_iter().map(|(_, f)| f).collect()
    }
}

fn group_name(sheet: Option<&str>, domain: &str) -> String {
    match sheet {
        Some(s) => format!("表\u{1}{s}"),
        None => format!("领域\u{1}{domain}"),
    }
}

/// `H12` → 8；认不出列字母时为 0。
fn column_number(cell: &str) -> u32 {
    cell.chars()
        .take_while(char::is_ascii_alphabetic)
        .fold(0u32, |n, c| {
            n.saturating_mul(26)
                .saturating_add(u32::from(c.to_ascii_uppercase() as u8 - b'A' + 1))
        })
}

/// 事项在消息里的称呼：“临时救助 / 审批结果”，名称为空时用行号或序号。
/// 直接写进消息（`format!("{}…", item_label(it, idx))`），不另分配字符串。
pub(crate) fn item_label<'r>(it: &ReviewItem<'r>, idx: usize) -> ItemLabel<'r> {
    ItemLabel {
        fields: it.fields,
        row: it.row,
        idx,
    }
}

/// 见 [`item_label`]。
pub(crate) struct ItemLabel<'r> {
    fields: &'r ItemFields,
    row: Option<u32>,
    idx: usize,
}

impl fmt::Display for ItemLabel<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (l1, l2) = (self.fields.l1.trim(), self.fields.l2.trim());
        match (l1.is_empty(), l2.is_empty(), self.row) {
            (false, false, _) => write!(f, "事项“{l1} / {l2}”"),
            (false, true, _) => write!(f, "事项“{l1}”"),
            (true, false, _) => write!(f, "事项“{l2}”"),
            (true, true, Some(r)) => write!(f, "第{r}行的事项"),
            (true, true, None) => write!(f, "第{}个事项", self.idx + 1),
        }
    }
}

/// 字符的粗略集合（128 位的布隆过滤器）。在一段文字里查找一串词之前先比字符：
/// 词里的字在文字里凑不齐的（绝大多数），不必逐词查找。
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct CharSet(u128);

impl CharSet {
    fn bit(c: char) -> u128 {
        1 << (u32::from(c).wrapping_mul(0x9E37_79B1) >> 25)
    }

    pub fn insert(&mut self, c: char) {
        self.0 |= Self::bit(c);
    }

    pub fn of(s: &str) -> Self {
        let mut set = CharSet::default();
        s.chars().for_each(|c| set.insert(c));
        set
    }

    /// `other` 的字符是否可能都在这里（为假时一定不全在）。
    pub fn may_contain(self, other: CharSet) -> bool {
        self.0 & other.0 == other.0
    }

    pub fn union(self, other: CharSet) -> CharSet {
        CharSet(self.0 | other.0)
    }

    /// 至少有几个不同的字在 `other` 里、不在这里（`other` 的位在这里没有的个数）。
    /// 一次编辑最多补上一个这样的字，所以它是编辑距离的下限。
    pub fn lacks(self, other: CharSet) -> usize {
        (other.0 & !self.0).count_ones() as usize
    }

    /// 是否可能有 `other` 里的某个字符（为假时一个也没有）。
    pub fn may_share(self, other: CharSet) -> bool {
        self.0 & other.0 != 0
    }
}

/// 要在文字里查找的一组词，各带字符集合（见 [`CharSet`]）。
pub(crate) struct Words(Vec<(Vec<char>, CharSet)>);

impl Words {
    pub fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        Words(
            words
                .into_iter()
                .map(|w| (w.chars().collect(), CharSet::of(w)))
                .collect(),
        )
    }

    /// 字符序列 `text`（字符集合为 `set`）是否含有其中某个词。
    pub fn any_in(&self, text: &[char], set: CharSet) -> bool {
        self.0
            .iter()
            .any(|(w, ws)| set.may_contain(*ws) && contains_chars(text, w))
    }
}

/// 字符序列里是否有一段等于 `word`（同 `str::contains`）。
pub(crate) fn contains_chars(text: &[char], word: &[char]) -> bool {
    word.is_empty() || text.windows(word.len()).any(|w| w == word)
}

/// [`mulu_core::text::squeeze`] 去掉的空白字符。
pub(crate) fn is_space_char(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}'
}

/// 是否为空（只有空白）。
pub(crate) fn is_blank(s: &str) -> bool {
    s.chars().all(is_space_char)
}

/// 全角数字换成半角。
pub(crate) fn ascii_digits(s: &str) -> String {
    s.chars().map(ascii_digit).collect()
}

/// 全角数字换成半角，其他字符不变。
pub(crate) fn ascii_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_sets_never_miss() {
        let words = Words::new(["工作日", "每年", "《", "按规定"]);
        for (text, want) in [
            ("20个工作日内", true),
            ("每年3月", true),
            ("按《办法》", true),
            ("实时", false),
            ("工作", false),
            ("", false),
        ] {
            let chars: Vec<char> = text.chars().collect();
            let set = CharSet::of(text);
            assert_eq!(words.any_in(&chars, set), want, "{text}");
        }
        assert!(contains_chars(&['a'], &[]));
    }

    #[test]
    fn columns_are_numbered() {
        assert_eq!(column_number("A1"), 1);
        assert_eq!(column_number("H12"), 8);
        assert_eq!(column_number("AA3"), 27);
    }
}
