//! 像细心的文书那样读 PDF 转换件与手抄件：去掉汉字之间断行留下的空格、去掉事项名称前的编号、
//! 把一格里的编号列表拆成要素、把一格里的几部法规拆成几条公开依据。
//!
//! 目录导入与指引导入共用表格读取（`table.rs`），任何把文件读成网格的读取器（.xlsx、.xls，
//! 以后的 .docx）都经过这里。每个函数同时报告做了哪些改动（[`Changes`]），读表时据此在那一格
//! 留一条“提示”；文字没有变化时不留。往返导入（`roundtrip.rs`）用同样的函数比较，
//! 所以本程序自己导出的文字再读回来仍然原样。

use std::borrow::Cow;

use mulu_core::text::tidy_cow;
use rustc_hash::FxHashMap;

/// 规整提示的开头：往返导入时据此认出并撤回这类提示。
pub const NOTE_PREFIX: &str = "已规整";

/// 一格文字做了哪些规整。
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Changes {
    /// 去掉了汉字之间的空格或断行。
    pub gaps: bool,
    /// 去掉的编号（名称前的 `1.1`，或列表里第一个编号）。
    pub numbering: Option<String>,
    /// 拆成了几条（只在条数与按换行拆的不同时）。
    pub split: Option<usize>,
}

impl Changes {
    /// 给“提示”用的说明；什么也没改时为 `None`。`field` 是栏目名（“二级事项”“公开依据”）。
    pub fn message(&self, field: &str) -> Option<String> {
        let mut parts: Vec<String> = Vec::new();
        if let Some(n) = &self.numbering {
            parts.push(if field.ends_with("事项") {
                format!("去掉了名称前的编号“{n}”（事项的先后仍按行的顺序）")
            } else {
                format!("去掉了各条前的编号（“{n}”等）")
            });
        }
        if self.gaps {
            parts.push("去掉了汉字之间的空格或断行（多为 PDF 转换时断行留下的）".into());
        }
        if let Some(n) = self.split {
            parts.push(format!("按编号、书名号拆成 {n} 条"));
        }
        (!parts.is_empty()).then(|| {
            format!(
                "{NOTE_PREFIX}{field}：{}。请核对，原文见“原文”。",
                parts.join("；")
            )
        })
    }
}

/// 一张表里同样的文字只规整一次。公开依据、公开时限、公开主体、公开内容和一级事项在一张表里大量
/// 重复（同一领域的事项多引同样的法规、同样的时限，一级事项常是合并单元格），规整要逐字扫几遍，
/// 查表只需算一次散列。键借用网格里的文字，不复制；条目有上限，满了就清空重来，内存有界。
#[derive(Default)]
pub struct Memo<'g> {
    names: FxHashMap<&'g str, (String, Changes)>,
    phrases: FxHashMap<&'g str, (String, Changes)>,
    contents: FxHashMap<&'g str, (String, Vec<String>, Changes)>,
    bases: FxHashMap<&'g str, (Vec<String>, Changes)>,
}

impl<'g> Memo<'g> {
    /// 每类文字最多记多少条。
    const MAX: usize = 4096;

    /// 同 [`name`]。
    pub fn name(&mut self, raw: &'g str) -> (String, Changes) {
        remember(&mut self.names, raw, name)
    }

    /// 同 [`phrase`]。
    pub fn phrase(&mut self, raw: &'g str) -> (String, Changes) {
        remember(&mut self.phrases, raw, phrase)
    }

    /// 同 [`content`]。
    pub fn content(&mut self, raw: &'g str) -> (String, Vec<String>, Changes) {
        remember(&mut self.contents, raw, content)
    }

    /// 同 [`bases`]。
    pub fn bases(&mut self, raw: &'g str) -> (Vec<String>, Changes) {
        remember(&mut self.bases, raw, bases)
    }
}

fn remember<'g, T: Clone>(
    map: &mut FxHashMap<&'g str, T>,
    raw: &'g str,
    clean: impl Fn(&str) -> T,
) -> T {
    // 空格最多，算起来也最快：不记。
    if raw.is_empty() {
        return clean(raw);
    }
    if let Some(hit) = map.get(raw) {
        return hit.clone();
    }
    let out = clean(raw);
    if map.len() >= Memo::MAX {
        map.clear();
    }
    map.insert(raw, out.clone());
    out
}

/// 汉字（含〇）。
fn is_han(c: char) -> bool {
    mulu_core::matching::is_cjk(c) || c == '〇'
}

/// “宽”字符：汉字与中文标点、全角符号、圈码、方框。它们之间本不该有空格。
fn is_wide(c: char) -> bool {
    is_han(c)
        || matches!(c as u32,
            0x3001..=0x303F      // 、。〈〉《》「」【】〔〕
            | 0xFF01..=0xFFEF    // 全角标点与字母
            | 0x2010..=0x2027    // —、…、“”‘’
            | 0x2460..=0x24FF    // ①⑴⒈
            | 0x25A0..=0x25FF) // ■□●○
}

/// 机构名常见的末字：两个机构名之间的空格是正常写法（“民政部 财政部”“县民政局 县财政局”）。
const ORG_END: &[char] = &[
    '部', '局', '委', '办', '厅', '署', '院', '府', '处', '室', '所', '站', '队', '社', '司', '会',
    '组', '门', '位', '构', '心',
];

/// 空格前后是两个机构名（前一段以机构字结尾，后一段的前几个字里也有机构字）。
fn between_orgs(before: &[char], after: &[char]) -> bool {
    before.last().is_some_and(|c| ORG_END.contains(c))
        && after
            .iter()
            .take_while(|c| **c != ' ')
            .take(8)
            .skip(1)
            .any(|c| ORG_END.contains(c))
}

/// 这个空格是列表的分隔，或法规沿革里的分段（“通过 根据……修正”），要留着。
fn keeps_space(before: &[char], after: &[char]) -> bool {
    let Some(&next) = after.first() else {
        return true;
    };
    // 下一项以编号或项目符号开头：“①分配原则 ②分配结果”“●执法依据 ●处罚决定”。
    if ('①'..='⑳').contains(&next) || matches!(next, '●' | '•' | '◆' | '▪' | '★' | '■' | '□')
    {
        return true;
    }
    if matches!(next, '（' | '(') {
        let inner: String = after[1..]
            .iter()
            .take_while(|c| !matches!(c, '）' | ')'))
            .take(4)
            .collect();
        if !inner.is_empty() && inner.chars().all(is_numeral) {
            return true;
        }
    }
    if after.starts_with(&['根', '据']) && before.last().is_some_and(|c| "过正订布".contains(*c))
    {
        return true;
    }
    between_orgs(before, after)
}

/// 整理空白（同 [`tidy_cow`]），并去掉两个宽字符之间的空格（含换行）。
/// 拉丁字母、数字之间的空格（`GB/T 2260`、`Windows 10`）与汉字和数字之间的空格都留着。
/// 返回（结果，是否比 `tidy` 多去掉了空格）。
pub fn close_gaps(s: &str) -> (Cow<'_, str>, bool) {
    close(s, false)
}

/// [`close_gaps`]，另把紧挨着汉字的换行也当作 PDF 断行去掉（`日起\n20个工作日内`）：
/// 名称、公开时限、公开主体里的换行不是分隔。下一项以编号开头的换行（`；\n2.处罚决定`）留作空格。
pub fn close_wraps(s: &str) -> (Cow<'_, str>, bool) {
    close(s, true)
}

fn close(s: &str, wraps: bool) -> (Cow<'_, str>, bool) {
    let t = tidy_cow(s);
    if !t.contains(' ') {
        return (t, false);
    }
    // 与 tidy 同样地整理，另记下每个空格是否来自换行。
    let mut chars: Vec<char> = Vec::with_capacity(t.len());
    let mut from_break: Vec<bool> = Vec::with_capacity(t.len());
    let mut pending: Option<bool> = None;
    for ch in s.chars() {
        if ch.is_control() && !ch.is_whitespace() {
            continue;
        }
        if ch.is_whitespace() || ch == '\u{3000}' || ch == '\u{a0}' {
            if !chars.is_empty() {
                pending = Some(pending.unwrap_or(false) || matches!(ch, '\n' | '\r'));
            }
        } else {
            if let Some(nl) = pending.take() {
                chars.push(' ');
                from_break.push(nl);
            }
            chars.push(ch);
            from_break.push(false);
        }
    }
    let mut out = String::with_capacity(t.len());
    let mut changed = false;
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' && drops_space(&chars[..i], &chars[i + 1..], wraps && from_break[i]) {
            changed = true;
            continue;
        }
        out.push(c);
    }
    if changed {
        (Cow::Owned(out), true)
    } else {
        (t, false)
    }
}

/// 这个空格（`line_break`：来自换行）是不是词中间断开留下的。
fn drops_space(before: &[char], after: &[char], line_break: bool) -> bool {
    let (Some(&a), Some(&b)) = (before.last(), after.first()) else {
        return false;
    };
    if keeps_space(before, after) {
        return false;
    }
    if is_wide(a) && is_wide(b) {
        return true;
    }
    let next: String = after.iter().take(4).collect();
    line_break && (is_wide(a) || is_wide(b)) && marker_at(&next, 0, None).is_none()
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || chinese_digit(c).is_some()
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// 汉字数字，含“十”（编号 `十、`、`十二、`）。
fn chinese_digit(c: char) -> Option<u32> {
    if c == '十' {
        Some(10)
    } else {
        mulu_core::text::chinese_digit(c)
    }
}

/// 数字串的值：`12`、`１２`、`十二`、`二十`。
fn numeral_value(s: &str) -> Option<u32> {
    if s.chars().all(is_digit) {
        return s.chars().try_fold(0u32, |acc, c| {
            let d = if c.is_ascii_digit() {
                c as u32 - '0' as u32
            } else {
                c as u32 - '０' as u32
            };
            acc.checked_mul(10)?.checked_add(d)
        });
    }
    let ds: Vec<u32> = s.chars().map(chinese_digit).collect::<Option<_>>()?;
    match ds.as_slice() {
        [d] => Some(*d),
        [10, d] => Some(10 + d),
        [d, 10] => Some(d * 10),
        [d, 10, e] => Some(d * 10 + e),
        _ => None,
    }
}

/// 多级编号（`1.1`）直接接着这些字时是数量，不是编号（`1.5万元`）。
const UNIT_AFTER: &str = "万亿元角分米吨倍年月日亩个岁%％千百公斤平";

/// 名称前的编号：`1.`、`1.1`、`2.1.1`、`1、`、`1）`、`（一）`、`(1)`、`一、`、`①`。
/// 返回（编号，其余部分）；不是明确的编号（`12345政务服务热线`、`2019年度预算`、`一站式服务`）时为 `None`。
pub fn split_numbering(s: &str) -> Option<(&str, &str)> {
    let t = s.trim_start();
    let first = t.chars().next()?;
    let rest_after = |n: usize| -> Option<(&str, &str)> {
        let rest = t[n..].trim_start();
        (!rest.is_empty()).then(|| (t[..n].trim_end(), rest))
    };
    // ①…⑳、⑴…⒇、⒈…⒛
    if matches!(first as u32, 0x2460..=0x249B) {
        return rest_after(first.len_utf8());
    }
    // （一）、(1)
    if matches!(first, '（' | '(') {
        let inner = &t[first.len_utf8()..];
        let end = inner.find(['）', ')'])?;
        let num = &inner[..end];
        if num.chars().count() > 3 || numeral_value(num).is_none() {
            return None;
        }
        let close = inner[end..].chars().next().map_or(1, char::len_utf8);
        return rest_after(first.len_utf8() + end + close);
    }
    // 一、  十二、  一.
    if chinese_digit(first).is_some() {
        let n: usize = t
            .chars()
            .take_while(|c| chinese_digit(*c).is_some())
            .map(char::len_utf8)
            .sum();
        let sep = t[n..].chars().next()?;
        if numeral_value(&t[..n]).is_some() && matches!(sep, '、' | '.' | '．') {
            return rest_after(n + sep.len_utf8());
        }
        return None;
    }
    if !is_digit(first) {
        return None;
    }
    // 1.  1.1  2.1.1  1、  1）  1 空格
    let mut end = 0;
    let mut levels = 0;
    let mut run = 0;
    for (i, c) in t.char_indices() {
        if is_digit(c) {
            run += 1;
            if run > 3 {
                return None;
            }
            end = i + c.len_utf8();
        } else if matches!(c, '.' | '．') && run > 0 && t[i + c.len_utf8()..].starts_with(is_digit)
        {
            levels += 1;
            run = 0;
            end = i + c.len_utf8();
        } else {
            break;
        }
    }
    let next = t[end..].chars().next()?;
    if matches!(next, '.' | '．' | '、' | '。' | ')' | '）') {
        return rest_after(end + next.len_utf8());
    }
    if next.is_whitespace() || next == '\u{3000}' {
        return rest_after(end);
    }
    if levels > 0 && is_han(next) && !UNIT_AFTER.contains(next) {
        return rest_after(end);
    }
    None
}

/// 事项名（一级、二级）：整理空白，去掉汉字之间的空格与 PDF 断行（[`close_wraps`]），
/// `─` 之类的占位符当作空，去掉明确的编号。
pub fn name(raw: &str) -> (String, Changes) {
    let (t, gaps) = close_wraps(raw);
    let mut ch = Changes {
        gaps,
        ..Changes::default()
    };
    if !t.is_empty()
        && t.chars()
            .all(|c| matches!(c, '─' | '—' | '-' | '－' | '―' | '/'))
    {
        return (String::new(), Changes::default());
    }
    match split_numbering(&t) {
        Some((num, rest)) => {
            ch.numbering = Some(num.to_string());
            (rest.to_string(), ch)
        }
        None => (t.into_owned(), ch),
    }
}

/// 公开时限、公开主体这类一句话的文字：整理空白，去掉汉字之间的空格与 PDF 断行（[`close_wraps`]）。
pub fn phrase(raw: &str) -> (String, Changes) {
    let (t, gaps) = close_wraps(raw);
    (
        t.into_owned(),
        Changes {
            gaps,
            ..Changes::default()
        },
    )
}

/// 公开内容：原文（每行去掉汉字之间的空格，行与行之间留一个空格）与拆出的要素。
/// 换行在这里是列表的分隔，不当作断词。
pub fn content(raw: &str) -> (String, Vec<String>, Changes) {
    if !raw.contains('\n') {
        let (t, gaps) = close_gaps(raw);
        let ch = Changes {
            gaps,
            ..Changes::default()
        };
        return (t.into_owned(), elements(raw), ch);
    }
    let mut gaps = false;
    let lines: Vec<String> = raw
        .split('\n')
        .map(|l| {
            let (t, g) = close_gaps(l);
            gaps |= g;
            t.into_owned()
        })
        .filter(|l| !l.is_empty())
        .collect();
    let ch = Changes {
        gaps,
        ..Changes::default()
    };
    (lines.join(" "), elements(raw), ch)
}

/// 要素：按换行、编号（`1.` `2、` `（1）` `①`）、`、` `；` `;` `●` 拆开（书名号、括号里的不拆），
/// 每项去掉汉字之间的空格、开头的符号与结尾的“等”。
pub fn elements(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in raw.split('\n') {
        for (_, piece) in split_numbered(line) {
            for part in split_outside(piece, &['、', '；', ';', '●', '•', '◆', '▪']) {
                let (t, _) = close_gaps(part);
                let t = t.trim_matches(|c: char| matches!(c, '。' | '.' | '，' | ',' | '：' | ':'));
                let t = t.strip_suffix('等').unwrap_or(t).trim();
                if !t.is_empty() {
                    out.push(t.to_string());
                }
            }
        }
    }
    out
}

/// 公开依据：按换行、编号、以及两部法规之间的 `、` `；` `，`（或什么也没有）拆成一条一项；
/// 书名号与括号里的不拆（`《关于修改〈……〉等六部法律的决定》`、`（……通过 根据……修正）`）。
pub fn bases(raw: &str) -> (Vec<String>, Changes) {
    // 按换行拆会有几条（整理后不空的行）：不必整理，看有没有不是空白、控制字符的字。
    let by_lines = raw
        .split('\n')
        .filter(|l| {
            !l.trim_matches(|c: char| c.is_whitespace() || c.is_control())
                .is_empty()
        })
        .count();
    let mut out = Vec::new();
    let mut ch = Changes::default();
    for line in raw.split('\n') {
        for (num, piece) in split_numbered(line) {
            if let (Some(n), None) = (num, &ch.numbering) {
                ch.numbering = Some(n.to_string());
            }
            for part in split_titles(piece) {
                let (t, gaps) = close_gaps(part);
                ch.gaps |= gaps;
                if !t.is_empty() {
                    out.push(t.into_owned());
                }
            }
        }
    }
    if out.len() != by_lines {
        ch.split = Some(out.len());
    }
    (out, ch)
}

/// 括号的开与合（书名号、圆括号、方头括号、六角括号）。
fn depth_change(c: char) -> i32 {
    match c {
        '《' | '〈' | '（' | '(' | '【' | '〔' | '[' | '「' => 1,
        '》' | '〉' | '）' | ')' | '】' | '〕' | ']' | '」' => -1,
        _ => 0,
    }
}

/// 按分隔符切开，括号里的不切。
fn split_outside<'t>(s: &'t str, seps: &[char]) -> Vec<&'t str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if depth == 0 && seps.contains(&c) {
            out.push(&s[start..i]);
            start = i + c.len_utf8();
        }
        depth = (depth + depth_change(c)).max(0);
    }
    out.push(&s[start..]);
    out
}

/// 两部法规之间的分隔：`、` `；` `;` `，` `,` 与空白。
fn is_title_sep(c: char) -> bool {
    matches!(c, '、' | '；' | ';' | '，' | ',') || c.is_whitespace() || c == '\u{3000}'
}

/// 把一段公开依据在两部法规之间切开：本段已有一个《……》，新的 `《` 或 `【法律】` 之类的位阶前面
/// 是分隔符（`《甲》（……）、《乙》`、`《甲》第二十条；《乙》第五条`），或紧接在合上的括号后面（`《甲》《乙》`）。
fn split_titles(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    let mut has_title = false;
    // 本段最后一个在括号外合上的括号之后的位置。
    let mut closed_at: Option<usize> = None;
    for (i, c) in s.char_indices() {
        if depth == 0 && matches!(c, '《' | '【') && has_title {
            let before = &s[start..i];
            let sep = start + before.trim_end_matches(is_title_sep).len();
            if sep < i || closed_at == Some(i) {
                out.push(&s[start..sep]);
                start = i;
                has_title = false;
                closed_at = None;
            }
        }
        if depth == 0 && c == '《' {
            has_title = true;
        }
        depth = (depth + depth_change(c)).max(0);
        if depth == 0 && depth_change(c) < 0 {
            closed_at = Some(i + c.len_utf8());
        }
    }
    out.push(&s[start..]);
    out.retain(|p| !p.trim().is_empty());
    out
}

/// 列表编号的写法。
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// `1.` `1、` `1）`
    Arabic,
    /// `（1）` `(一)`
    Paren,
    /// `一、`
    Chinese,
    /// `①`
    Circled,
}

/// 一处编号：（起点，终点，写法，值）。
type Marker = (usize, usize, Style, u32);

/// 第 `i` 字节处是不是一个编号。
fn marker_at(s: &str, i: usize, prev: Option<char>) -> Option<Marker> {
    let rest = &s[i..];
    let c = rest.chars().next()?;
    // 前面紧挨着字母、数字或小数点的不是编号（`GB2.`、`3.1.`）。
    if prev.is_some_and(|p| p.is_ascii_alphanumeric() || is_digit(p) || matches!(p, '.' | '．')) {
        return None;
    }
    if ('①'..='⑳').contains(&c) {
        let n = c as u32 - '①' as u32 + 1;
        return Some((i, i + c.len_utf8(), Style::Circled, n));
    }
    if matches!(c, '（' | '(') {
        let inner = &rest[c.len_utf8()..];
        let end = inner.find(['）', ')'])?;
        let num = &inner[..end];
        if num.is_empty() || num.chars().count() > 2 {
            return None;
        }
        let n = numeral_value(num)?;
        let close = inner[end..].chars().next().map_or(1, char::len_utf8);
        return Some((i, i + c.len_utf8() + end + close, Style::Paren, n));
    }
    let (style, numeral): (Style, fn(char) -> bool) = if is_digit(c) {
        (Style::Arabic, is_digit)
    } else if chinese_digit(c).is_some() {
        (Style::Chinese, |c| chinese_digit(c).is_some())
    } else {
        return None;
    };
    let len: usize = rest
        .chars()
        .take_while(|c| numeral(*c))
        .map(char::len_utf8)
        .sum();
    if rest[..len].chars().count() > 2 {
        return None;
    }
    let sep = rest[len..].chars().next()?;
    let ok = match style {
        Style::Arabic => matches!(sep, '.' | '．' | '、' | ')' | '）'),
        _ => sep == '、',
    };
    let after = rest[len + sep.len_utf8()..].chars().next()?;
    if !ok || is_digit(after) || matches!(after, '.' | '．') {
        return None;
    }
    let n = numeral_value(&rest[..len])?;
    Some((i, i + len + sep.len_utf8(), style, n))
}

/// 按编号切开一行：编号要从 1 起依次出现（`1.` `2.` `3.`），至少两个；只有行首一个 `1.` 时也去掉它。
/// `①` 之类的圈码不论顺序都算。返回（编号，这一项的文字）；编号之前的文字（若有）编号为 `None`。
fn split_numbered(line: &str) -> Vec<(Option<&str>, &str)> {
    let mut found: Vec<Marker> = Vec::new();
    let mut depth = 0i32;
    let mut prev = None;
    for (i, c) in line.char_indices() {
        // 编号只能以这几类字开头：先用一次比较筛掉绝大多数字。
        let may_start = c.is_ascii_digit()
            || matches!(c, '（' | '(' | '０'..='９' | '①'..='⑳')
            || chinese_digit(c).is_some();
        if depth == 0 && may_start {
            if let Some(m) = marker_at(line, i, prev) {
                found.push(m);
            }
        }
        depth = (depth + depth_change(c)).max(0);
        prev = Some(c);
    }
    if found.is_empty() {
        return vec![(None, line)];
    }
    let lead = line.len() - line.trim_start().len();
    let mut best: Vec<Marker> = Vec::new();
    for style in [Style::Circled, Style::Arabic, Style::Paren, Style::Chinese] {
        let chain: Vec<Marker> = if style == Style::Circled {
            found.iter().copied().filter(|m| m.2 == style).collect()
        } else {
            let mut chain: Vec<Marker> = Vec::new();
            for m in found.iter().filter(|m| m.2 == style) {
                let want = chain.last().map_or(1, |l| l.3 + 1);
                let after_last = chain.last().is_none_or(|l| m.0 >= l.1);
                if m.3 == want && after_last {
                    chain.push(*m);
                }
            }
            chain
        };
        let usable = chain.len() >= 2 || chain.first().is_some_and(|m| m.0 == lead);
        if usable && chain.len() > best.len() {
            best = chain;
        }
    }
    if best.is_empty() {
        return vec![(None, line)];
    }
    let mut out = Vec::new();
    let head = &line[..best[0].0];
    if !head.trim().is_empty() {
        out.push((None, head));
    }
    for (k, m) in best.iter().enumerate() {
        let end = best.get(k + 1).map_or(line.len(), |n| n.0);
        out.push((Some(line[m.0..m.1].trim()), &line[m.1..end]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_memo_gives_what_the_functions_give() {
        let texts = [
            "",
            "1.《中华人民共和国政府信息公开条例》\n2.《社会救助暂行办法》",
            "申请条件、办理流程、 办理结果",
            "信息形成 或者变更之日起\n20个工作日内",
            "（一）最低生活保障",
        ];
        let mut memo = Memo::default();
        for _ in 0..3 {
            for t in texts {
                assert_eq!(memo.name(t), name(t));
                assert_eq!(memo.phrase(t), phrase(t));
                assert_eq!(memo.content(t), content(t));
                assert_eq!(memo.bases(t), bases(t));
            }
        }
        // 满了清空重来：条数不超过上限。
        let many: Vec<String> = (0..Memo::MAX + 10).map(|i| format!("第{i}项")).collect();
        for t in &many {
            assert_eq!(memo.name(t), name(t));
        }
        assert!(memo.names.len() <= Memo::MAX);
    }

    fn gaps(s: &str) -> String {
        close_gaps(s).0.into_owned()
    }

    #[test]
    fn spaces_between_chinese_characters_are_removed() {
        assert_eq!(
            gaps("公开事项 信息形成 或变更之 日起20个 工作日内"),
            "公开事项信息形成或变更之日起20个工作日内"
        );
        assert_eq!(gaps("就业信息\n服务"), "就业信息服务");
        assert_eq!(gaps("审核结 果"), "审核结果");
        assert_eq!(
            gaps("《中华人民共 和国就业促进法》"),
            "《中华人民共和国就业促进法》"
        );
        assert!(close_gaps("就业信息 服务").1);
    }

    #[test]
    fn line_breaks_next_to_chinese_are_wraps_in_phrases() {
        assert_eq!(
            close_wraps("信息形成之日起\n20个工作日内").0,
            "信息形成之日起20个工作日内"
        );
        assert_eq!(close_wraps("GB/T\n2260").0, "GB/T 2260");
        // 下一项以编号开头的换行是分隔。
        let listed = "1.除处罚决定外：长期公开；\n2.处罚决定：20个工作日内";
        assert_eq!(
            close_wraps(listed).0,
            "1.除处罚决定外：长期公开； 2.处罚决定：20个工作日内"
        );
        assert!(!close_wraps(listed).1);
        // 空格（不是换行）在汉字与数字之间照旧留着；公开内容、依据里的换行由调用方当作分隔。
        assert_eq!(close_wraps("之日起 20个").0, "之日起 20个");
        assert_eq!(close_gaps("之日起\n20个").0, "之日起 20个");
        assert_eq!(name("1.就业信息\n服务").0, "就业信息服务");
        assert_eq!(name("1.\n就业信息服务").0, "就业信息服务");
    }

    #[test]
    fn spaces_that_mean_something_are_kept() {
        for s in [
            "GB/T 2260",
            "Windows 10",
            "执行 GB/T 2260 标准",
            "日起 20 个工作日",
            "《民政部 财政部关于进一步加强困难群众基本生活保障工作的通知》",
            "《住房城乡建设部 财政部 国务院扶贫办关于加强农村危房改造的通知》",
            "县民政局 县财政局",
            "①分配原则 ②分配结果",
            "●执法依据 ●处罚决定",
            "招聘单位 （1）岗位要求",
            "（2007年8月30日第十届全国人民代表大会常务委员会第二十九次会议通过 根据2015年4月24日修正）",
            "就业信息服务",
            "",
        ] {
            assert_eq!(gaps(s), s, "{s}");
            assert!(!close_gaps(s).1, "{s}");
        }
        // 首尾空白与连续空白照旧整理，但不算“去掉汉字之间的空格”。
        assert_eq!(
            close_gaps("\u{3000}就业  服务 "),
            (Cow::from("就业服务"), true)
        );
        assert_eq!(
            close_gaps(" 就业服务\u{3000}"),
            (Cow::from("就业服务"), false)
        );
    }

    #[test]
    fn numbering_is_split_off_names() {
        for (s, num, rest) in [
            ("1.就业信息服务", "1.", "就业信息服务"),
            ("1.1就业政策法规咨询", "1.1", "就业政策法规咨询"),
            ("2.1.1 政策文件", "2.1.1", "政策文件"),
            ("1、就业", "1、", "就业"),
            ("1）就业", "1）", "就业"),
            ("（一）社会救助", "（一）", "社会救助"),
            ("(一)社会救助", "(一)", "社会救助"),
            ("(1)社会救助", "(1)", "社会救助"),
            ("（1）社会救助", "（1）", "社会救助"),
            ("一、社会救助", "一、", "社会救助"),
            ("十二、社会救助", "十二、", "社会救助"),
            ("①申请条件", "①", "申请条件"),
            ("3 计划实施", "3", "计划实施"),
        ] {
            assert_eq!(split_numbering(s), Some((num, rest)), "{s}");
        }
        for s in [
            "12345政务服务热线",
            "2019年度预算",
            "一站式服务",
            "十三五规划",
            "1.5万元以下项目",
            "第一批名单",
            "就业信息服务",
            "1.",
            "（一）",
            "（重点）项目",
            "",
        ] {
            assert_eq!(split_numbering(s), None, "{s}");
        }
    }

    #[test]
    fn names_lose_numbering_and_gaps() {
        let (n, ch) = name("1.就业信息 服务");
        assert_eq!(n, "就业信息服务");
        assert_eq!(ch.numbering.as_deref(), Some("1."));
        assert!(ch.gaps);
        let (n, ch) = name("1.1就业政策 法规咨询");
        assert_eq!(n, "就业政策法规咨询");
        assert_eq!(ch.numbering.as_deref(), Some("1.1"));
        assert_eq!(name("─"), (String::new(), Changes::default()));
        assert_eq!(
            name(" 就业信息服务\u{3000}"),
            ("就业信息服务".into(), Changes::default())
        );
        assert_eq!(name("就业信息服务").1.message("一级事项"), None);
        let msg = name("1.就业信息 服务").1.message("一级事项").unwrap();
        assert!(msg.starts_with(NOTE_PREFIX) && msg.contains("“1.”") && msg.contains("空格"));
    }

    #[test]
    fn elements_are_split_on_numbers_and_separators() {
        assert_eq!(
            elements("1.招聘单位 2.岗位要求 3.福利待遇"),
            ["招聘单位", "岗位要求", "福利待遇"]
        );
        assert_eq!(elements("1、招聘单位2、岗位要求"), ["招聘单位", "岗位要求"]);
        assert_eq!(
            elements("（1）申请条件（2）办理流程"),
            ["申请条件", "办理流程"]
        );
        assert_eq!(
            elements("①申请人姓名 ②审核结 果 ③补助金额"),
            ["申请人姓名", "审核结果", "补助金额"]
        );
        assert_eq!(
            elements("救助对象姓名、救助金额；救助时间\n●备注等"),
            ["救助对象姓名", "救助金额", "救助时间", "备注"]
        );
        assert_eq!(elements("招聘单位\n岗位要求"), ["招聘单位", "岗位要求"]);
        assert_eq!(elements("公告名称;选房时间"), ["公告名称", "选房时间"]);
        // 不是编号的数字、括号里的顿号不拆。
        assert_eq!(
            elements("补助标准1.5万元、12345政务服务热线"),
            ["补助标准1.5万元", "12345政务服务热线"]
        );
        assert_eq!(
            elements("办理地点（方式、时间）"),
            ["办理地点（方式、时间）"]
        );
        assert_eq!(
            elements("信息形成之日起20个工作日内"),
            ["信息形成之日起20个工作日内"]
        );
        assert!(elements("  ").is_empty());
    }

    #[test]
    fn content_keeps_its_text_and_reports_only_gaps() {
        let (t, els, ch) = content("1.招聘单位 2.岗位要求 3.福利待遇");
        assert_eq!(t, "1.招聘单位 2.岗位要求 3.福利待遇");
        assert_eq!(els.len(), 3);
        assert_eq!(ch, Changes::default());
        let (t, _, ch) = content("招聘单位\n岗位要求");
        assert_eq!(t, "招聘单位 岗位要求");
        assert!(!ch.gaps);
        let (t, _, ch) = content("办理 流程、办理时间");
        assert_eq!(t, "办理流程、办理时间");
        assert!(ch.gaps);
    }

    #[test]
    fn bases_are_split_between_laws_not_inside_titles() {
        let (b, ch) = bases(
            "1.《中华人民共和国就业促进法》2.《人力资源市场暂行条例》3.《就业服务与就业管理规定》",
        );
        assert_eq!(
            b,
            [
                "《中华人民共和国就业促进法》",
                "《人力资源市场暂行条例》",
                "《就业服务与就业管理规定》"
            ]
        );
        assert_eq!(ch.split, Some(3));
        assert_eq!(ch.numbering.as_deref(), Some("1."));
        let (b, ch) = bases("《中华人民共和国政府信息公开条例》、《社会救助暂行办法》");
        assert_eq!(
            b,
            ["《中华人民共和国政府信息公开条例》", "《社会救助暂行办法》"]
        );
        assert_eq!(ch.split, Some(2));
        let (b, _) = bases("【法律】《中华人民共和国就业促进法》【行政法规】《人力资源市场暂行条例》（国务院令第700号）；《条例》");
        assert_eq!(
            b,
            [
                "【法律】《中华人民共和国就业促进法》",
                "【行政法规】《人力资源市场暂行条例》（国务院令第700号）",
                "《条例》"
            ]
        );
        // 引到条的也在两部法规之间拆开。
        let (b, _) =
            bases("《中华人民共和国政府信息公开条例》第二十条、《社会救助暂行办法》第五条");
        assert_eq!(
            b,
            [
                "《中华人民共和国政府信息公开条例》第二十条",
                "《社会救助暂行办法》第五条"
            ]
        );
        // 书名号、括号里的顿号与空格不拆。
        for s in [
            "《关于修改〈中华人民共和国电力法〉等六部法律的决定》",
            "《关于修改《中华人民共和国电力法》等六部法律的决定》",
            "《中华人民共和国劳动合同法》（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过 根据2012年12月28日第十一届全国人民代表大会常务委员会第三十次会议《关于修改〈中华人民共和国劳动合同法〉的决定》修正）",
            "《中共中央、国务院转发〈中央宣传部、司法部关于在公民中开展法治宣传教育的第七个五年规划（2016-2020年）〉》",
            "《财政部 农业部关于全面推开农业“三项补贴”改革工作的通知》（财农〔2016〕26号）",
            "《中华人民共和国政府信息公开条例》和《关于全面推进政务公开工作的意见》",
            "根据《中华人民共和国政府信息公开条例》，结合本地实际制定",
            "《中华人民共和国政府信息公开条例》及其配套《实施细则》",
            "各地高龄津贴制度文件",
        ] {
            assert_eq!(bases(s), (vec![s.to_string()], Changes::default()), "{s}");
        }
        // 一行一条的照旧，不算改动。
        let (b, ch) = bases("《甲法》\n《乙条例》");
        assert_eq!(b, ["《甲法》", "《乙条例》"]);
        assert_eq!(ch, Changes::default());
    }

    mod properties {
        use super::super::*;
        use mulu_core::text::{squeeze, tidy};
        use proptest::prelude::*;

        /// 文字：汉字、数字、字母、各种空白与换行、顿号、书名号、括号、编号。
        fn text() -> impl Strategy<Value = String> {
            proptest::collection::vec(
                prop_oneof![
                    4 => "[就业信息服务政务公开部局府]",
                    1 => "[0-9]",
                    1 => "[A-Za-z]",
                    2 => "[ \n\u{3000}]",
                    1 => "[、；《》〈〉（）().①②]",
                    1 => Just("1.".to_string()),
                    1 => Just("2.".to_string()),
                ],
                0..24,
            )
            .prop_map(|v| v.concat())
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

            /// 只去空白，不动别的字；再规整一遍不变。
            #[test]
            fn gaps_only_remove_whitespace(s in text()) {
                for (out, _) in [close_gaps(&s), close_wraps(&s)] {
                    prop_assert_eq!(squeeze(&out), squeeze(&s));
                    let again = close_gaps(&out).0.into_owned();
                    prop_assert_eq!(again.as_str(), out.as_ref());
                }
            }

            /// 没有提示的格，读出的就是整理空白后的原文（不提示 = 文字没有变）。
            #[test]
            fn no_note_means_no_change(s in text()) {
                let (n, ch) = name(&s);
                if ch.message("一级事项").is_none() && !n.is_empty() {
                    prop_assert_eq!(n, tidy(&s));
                }
                let (c, _, ch) = content(&s);
                if ch.message("公开内容（要素）").is_none() {
                    prop_assert_eq!(c, tidy(&s));
                }
                let (b, ch) = bases(&s);
                let lines: Vec<String> =
                    s.split('\n').map(tidy).filter(|l| !l.is_empty()).collect();
                if ch.message("公开依据").is_none() {
                    prop_assert_eq!(b, lines);
                }
                let (t, ch) = phrase(&s);
                if ch.message("公开时限").is_none() {
                    prop_assert_eq!(t, tidy(&s));
                }
            }
        }
    }
}
