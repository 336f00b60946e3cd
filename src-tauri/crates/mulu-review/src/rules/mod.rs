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

use mulu_core::text::squeeze_cow;
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

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

/// 简单快速的散列（FxHash 的做法），给以事项名称为键的散列表用：每个事项都要查一两次，
/// 标准库默认的 SipHash 防碰撞攻击，这里用不着，却占了审核时间的好几个百分点。
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

/// 用 [`FxHasher`] 的散列表。
pub(crate) type FxBuildHasher = BuildHasherDefault<FxHasher>;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
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

/// 按字符计的编辑距离（Levenshtein），只关心不超过某个上限的距离。
/// 两行的缓冲区留着复用：名称要与领域里的每个指引事项比较，每次都分配太浪费。
#[derive(Default)]
pub(crate) struct EditDistance {
    prev: Vec<usize>,
    cur: Vec<usize>,
}

impl EditDistance {
    /// `a` 与 `b` 的编辑距离；超过 `limit` 时为 `None`。
    ///
    /// 只算对角线两侧 `limit` 格之内（之外的格子距离必然超过上限），
    /// 某一行全部超过上限时提前结束。
    pub fn within(&mut self, a: &[char], b: &[char], limit: usize) -> Option<usize> {
        if a.len().abs_diff(b.len()) > limit {
            return None;
        }
        let over = limit + 1;
        let (prev, cur) = (&mut self.prev, &mut self.cur);
        prev.clear();
        prev.extend((0..=b.len()).map(|j| j.min(over)));
        cur.clear();
        cur.resize(b.len() + 1, over);
        for (i, ca) in a.iter().enumerate() {
            let i = i + 1;
            let lo = i.saturating_sub(limit).max(1);
            let hi = (i + limit).min(b.len());
            // 带子左边一格：第 0 列是 i，更左的视为超过上限。
            cur[lo - 1] = if lo == 1 { i.min(over) } else { over };
            let mut row_min = cur[lo - 1];
            for j in lo..=hi {
                let sub = prev[j - 1] + usize::from(*ca != b[j - 1]);
                let d = sub.min(prev[j] + 1).min(cur[j - 1] + 1).min(over);
                cur[j] = d;
                row_min = row_min.min(d);
            }
            // 带子右边一格：下一行会读到它。
            if hi < b.len() {
                cur[hi + 1] = over;
            }
            if row_min > limit {
                return None;
            }
            std::mem::swap(prev, cur);
        }
        let d = prev[b.len()];
        (d <= limit).then_some(d)
    }
}

/// 比较名称用的键：去掉空白与开头的编号（`1.`、`1.1`、`（一）`、`一、`）。
/// 名称里没有空白时（绝大多数）借用原文的一段，不复制。
pub(crate) fn name_key(s: &str) -> Cow<'_, str> {
    let squeezed = squeeze_cow(s);
    let start = name_key_start(&squeezed);
    match squeezed {
        _ if start == usize::MAX => Cow::Borrowed(""),
        Cow::Borrowed(b) => Cow::Borrowed(&b[start..]),
        Cow::Owned(o) => Cow::Owned(o[start..].to_string()),
    }
}

/// 已去掉空白的名称 `s` 里，名称键从哪个字节开始；整个名称只是占位符时为 `usize::MAX`。
fn name_key_start(s: &str) -> usize {
    let mut rest: &str = s;
    // （一） / (一) / （1）
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(r) = rest.strip_prefix(open) {
            if let Some(end) = r.find(close) {
                let inner = &r[..end];
                if !inner.is_empty() && inner.chars().all(is_numeral) {
                    rest = &r[end + close.len_utf8()..];
                }
            }
        }
    }
    // 1. / 1.1 / 2.1.1 / 一、 / 1、
    let numbered = rest
        .char_indices()
        .take_while(|(_, c)| is_numeral(*c) || matches!(c, '.' | '．' | '、'))
        .last()
        .map(|(i, c)| i + c.len_utf8());
    if let Some(end) = numbered {
        let head = &rest[..end];
        let tail = &rest[end..];
        if !tail.is_empty() && (head.ends_with(['.', '．', '、']) || head.contains('.')) {
            rest = tail;
        }
    }
    // 指引原件里“—”“/”之类的占位符表示没有这一级名称。
    if rest
        .chars()
        .all(|c| matches!(c, '—' | '－' | '-' | '/' | '／' | '–' | '无'))
    {
        return usize::MAX;
    }
    s.len() - rest.len()
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || "一二三四五六七八九十".contains(c)
}

/// 是否为没有还原的“同上”。
pub(crate) fn is_ditto(s: &str) -> bool {
    // 绝大多数文字的第一个字不是“同”：不必去空白。
    if !s.trim_start_matches(is_space_char).starts_with('同') {
        return false;
    }
    let s = squeeze_cow(s);
    matches!(
        s.trim_end_matches(['。', '.']),
        "同上" | "同上述" | "同上行" | "同前" | "同上栏"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 不设上限的编辑距离（对照用）。
    fn levenshtein(a: &str, b: &str) -> usize {
        let b: Vec<char> = b.chars().collect();
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        let mut cur = vec![0; b.len() + 1];
        for (i, ca) in a.chars().enumerate() {
            cur[0] = i + 1;
            for (j, cb) in b.iter().enumerate() {
                let sub = prev[j] + usize::from(ca != *cb);
                cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
            }
            std::mem::swap(&mut prev, &mut cur);
        }
        prev[b.len()]
    }

    fn within(a: &str, b: &str, limit: usize) -> Option<usize> {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        EditDistance::default().within(&a, &b, limit)
    }

    #[test]
    fn levenshtein_counts_chars() {
        assert_eq!(within("政府网站", "政府网站", 2), Some(0));
        assert_eq!(within("政府网占", "政府网站", 1), Some(1));
        assert_eq!(within("两微一段", "两微一端", 2), Some(1));
        assert_eq!(within("", "abc", 3), Some(3));
        assert_eq!(within("", "abc", 2), None);
        assert_eq!(within("kitten", "sitting", 3), Some(3));
        assert_eq!(within("kitten", "sitting", 2), None);
    }

    #[test]
    fn bounded_distance_agrees_with_the_full_one() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "acb",
            "abcd",
            "bcda",
            "kitten",
            "sitting",
            "政府网站",
            "政府网占",
            "政府网站群",
            "网站政府",
            "两微一端",
            "临时救助/审批结果",
            "临时救助/审核结果",
            "临时求助/审批结果",
            "aaaa",
            "aaab",
            "baaa",
            "abab",
            "xyzxyz",
        ];
        let mut ed = EditDistance::default();
        for a in words {
            for b in words {
                let full = levenshtein(a, b);
                let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                for limit in 0..6 {
                    let want = (full <= limit).then_some(full);
                    assert_eq!(ed.within(&ca, &cb, limit), want, "{a} {b} {limit}");
                }
            }
        }
    }

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
    fn ditto_is_recognised_cheaply() {
        assert!(is_ditto(" 同 上。"));
        assert!(is_ditto("\u{3000}同上栏"));
        assert!(!is_ditto("同意"));
        assert!(!is_ditto("上同"));
    }

    #[test]
    fn name_keys_drop_numbering() {
        assert_eq!(name_key("1.就业信息服务"), "就业信息服务");
        assert_eq!(name_key("2.1.1 企业职工参保"), "企业职工参保");
        assert_eq!(name_key("（一）政策文件"), "政策文件");
        assert_eq!(name_key("一、政策文件"), "政策文件");
        assert_eq!(name_key("12345热线"), "12345热线");
        assert_eq!(name_key("结 果"), "结果");
    }

    #[test]
    fn columns_are_numbered() {
        assert_eq!(column_number("A1"), 1);
        assert_eq!(column_number("H12"), 8);
        assert_eq!(column_number("AA3"), 27);
    }
}
