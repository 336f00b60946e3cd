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

use std::collections::HashMap;

use mulu_core::guideline::GuidelineDomain;
use mulu_core::model::Field;

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
pub(crate) type NameKeys = (String, String);

/// 规则运行时的上下文：被审核的目录、预先算好的名称键与指引，以及收集到的问题。
pub(crate) struct Ctx<'c, 'a> {
    pub c: &'c CatalogUnderReview<'a>,
    /// 每个事项（与 `c.items` 同序）的名称键：名称比较在每对事项与指引事项之间进行，
    /// 逐次求键曾占审核时间的三成。
    pub item_keys: Vec<NameKeys>,
    /// 每个事项所属领域的指引（认不出领域时为空）。
    pub item_guides: Vec<Option<&'a GuidelineDomain>>,
    /// 各领域指引事项的名称键（按领域名称，与 `items` 同序）。
    guide_keys: HashMap<String, Vec<NameKeys>>,
    groups: HashMap<String, usize>,
    out: Vec<(SortKey, Finding)>,
}

impl<'c, 'a> Ctx<'c, 'a> {
    fn new(c: &'c CatalogUnderReview<'a>) -> Self {
        let mut groups = HashMap::new();
        for it in &c.items {
            let n = groups.len();
            groups.entry(group_name(it.sheet, it.domain)).or_insert(n);
        }
        for d in c.all_domains() {
            let n = groups.len();
            groups.entry(group_name(None, d)).or_insert(n);
        }
        let keys = |l1: &str, l2: &str| (name_key(l1), name_key(l2));
        let item_keys = c
            .items
            .iter()
            .map(|it| keys(&it.fields.l1, &it.fields.l2))
            .collect();
        let item_guides: Vec<Option<&'a GuidelineDomain>> =
            c.items.iter().map(|it| c.guideline(it.domain)).collect();
        let mut guide_keys = HashMap::new();
        let domains = c.all_domains();
        let guides = domains.iter().filter_map(|d| c.guideline(d));
        for g in guides.chain(item_guides.iter().flatten().copied()) {
            guide_keys
                .entry(g.name.clone())
                .or_insert_with(|| g.items.iter().map(|gi| keys(&gi.l1, &gi.l2)).collect());
        }
        Ctx {
            c,
            item_keys,
            item_guides,
            guide_keys,
            groups,
            out: Vec::new(),
        }
    }

    /// 指引 `g` 的事项名称键（与 `g.items` 同序）。
    pub fn guide_keys(&self, g: &GuidelineDomain) -> &[NameKeys] {
        self.guide_keys.get(&g.name).map_or(&[], Vec::as_slice)
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
        let key = (self.group(it.sheet, it.domain), row, col, rule.id);
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
pub(crate) fn item_label(it: &ReviewItem, idx: usize) -> String {
    let f = it.fields;
    let name = match (f.l1.trim().is_empty(), f.l2.trim().is_empty()) {
        (false, false) => format!("{} / {}", f.l1.trim(), f.l2.trim()),
        (false, true) => f.l1.trim().to_string(),
        (true, false) => f.l2.trim().to_string(),
        (true, true) => String::new(),
    };
    match (name.is_empty(), it.row) {
        (false, _) => format!("事项“{name}”"),
        (true, Some(r)) => format!("第{r}行的事项"),
        (true, None) => format!("第{}个事项", idx + 1),
    }
}

/// 是否为空（只有空白）。
pub(crate) fn is_blank(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}')
}

/// 全角数字换成半角。
pub(crate) fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// 按字符计的编辑距离（Levenshtein）。
pub(crate) fn levenshtein(a: &str, b: &str) -> usize {
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

/// 比较名称用的键：去掉空白与开头的编号（`1.`、`1.1`、`（一）`、`一、`）。
pub(crate) fn name_key(s: &str) -> String {
    let s = mulu_core::text::squeeze(s);
    let mut rest: &str = &s;
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
        return String::new();
    }
    rest.to_string()
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || "一二三四五六七八九十".contains(c)
}

/// 是否为没有还原的“同上”。
pub(crate) fn is_ditto(s: &str) -> bool {
    let s = mulu_core::text::squeeze(s);
    matches!(
        s.trim_end_matches(['。', '.']),
        "同上" | "同上述" | "同上行" | "同前" | "同上栏"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levenshtein_counts_chars() {
        assert_eq!(levenshtein("政府网站", "政府网站"), 0);
        assert_eq!(levenshtein("政府网占", "政府网站"), 1);
        assert_eq!(levenshtein("两微一段", "两微一端"), 1);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("kitten", "sitting"), 3);
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
