//! 勾选标记与载体清单：`√ ✓ 是 ●`、`■□ ☑☐ √×`，以及字体损坏后的 `t`/`口`、`þ`/`¨`、`R`/`£`。

use std::borrow::Cow;

use mulu_core::model::StandardCarrier;
use mulu_core::text::tidy_cow;

/// 标志格（公开对象/方式/层级的子栏）读出的结果。
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flag {
    Off,
    On,
    /// 勾上了，并写了说明（特定群体格里的“申请人”“√（面向……）”）。
    OnWith(String),
    /// 认不出的文字。
    Unknown,
}

const TICKS: &[&str] = &[
    "√", "✓", "✔", "●", "是", "☑", "■", "▲", "Y", "y", "○", "〇", "t", "þ", "R", "v", "V",
];
const CROSSES: &[&str] = &[
    "×", "✗", "✘", "否", "□", "☐", "口", "¨", "£", "-", "—", "─", "/", "无",
];

/// 读一个标志格。`header` 是这一栏的子栏名（格里重复栏名也算勾上）。
pub fn flag(text: &str, header: &str) -> Flag {
    let t = tidy_cow(text);
    if t.is_empty() || CROSSES.contains(&t.as_ref()) {
        return Flag::Off;
    }
    if TICKS.contains(&t.as_ref()) {
        return Flag::On;
    }
    let k = crate::normalize::key(&t);
    let h = crate::normalize::key(header);
    if !h.is_empty() && (k == h || h.contains(&k) && k.chars().count() >= 2) {
        return Flag::On;
    }
    // “√（面向……）”“√申请人”。
    for tick in ["√", "✓", "✔", "●"] {
        if let Some(rest) = t.strip_prefix(tick) {
            let rest = strip_brackets(rest.trim());
            return if rest.is_empty() {
                Flag::On
            } else {
                Flag::OnWith(rest.to_string())
            };
        }
    }
    Flag::Unknown
}

/// 去掉外层括号：`（面向……）` → `面向……`。
pub fn strip_brackets(s: &str) -> &str {
    let s = s.trim();
    for (open, close) in [('（', '）'), ('(', ')'), ('【', '】')] {
        if let Some(inner) = s.strip_prefix(open).and_then(|x| x.strip_suffix(close)) {
            return inner.trim();
        }
    }
    s
}

/// 载体清单里的一项：名称与是否勾选（指引模板里是“必选/可选”）。
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Carrier {
    pub name: String,
    pub checked: bool,
    /// 前面的标记（`■`、`□`、`▲`……）；没有方框的名单为 `None`。指引图例据此认必选/可选。
    pub glyph: Option<char>,
}

/// 刚从单元格里读出的一项：名称多半就是原文的一段，不必复制（见 [`Marked::to_owned`]）。
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked<'t> {
    pub name: Cow<'t, str>,
    pub checked: bool,
    pub glyph: Option<char>,
}

impl Marked<'_> {
    pub fn to_owned(&self) -> Carrier {
        Carrier {
            name: self.name.to_string(),
            checked: self.checked,
            glyph: self.glyph,
        }
    }
}

/// 载体清单是怎么标记的。
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marking {
    /// ■□、☑☐、√× 等方框或勾叉。
    Boxes,
    /// 字体损坏后的字母，例如 `t/口`。
    Damaged(&'static str),
    /// 没有任何标记的名单。
    Plain,
}

/// 一组标记：勾、不勾。
struct Glyphs {
    on: &'static [char],
    off: &'static [char],
    /// 字体损坏造成的标记：只有当它们后面跟着认得出的载体名时才算数。
    damaged: Option<&'static str>,
    /// 这组标记里码位最大的字：更大的字（多数汉字）不必逐个比较。
    max: char,
}

const GLYPH_SETS: [Glyphs; 4] = [
    Glyphs {
        on: &['■', '☑', '√', '✓', '✔', '▲', '●', '☒'],
        off: &['□', '☐', '×', '〇', '○', '◻'],
        damaged: None,
        max: '〇',
    },
    Glyphs {
        on: &['t'],
        off: &['口'],
        damaged: Some("t/口"),
        max: '口',
    },
    Glyphs {
        on: &['þ'],
        off: &['¨'],
        damaged: Some("þ/¨"),
        max: 'þ',
    },
    Glyphs {
        on: &['R'],
        off: &['£'],
        damaged: Some("R/£"),
        max: '£',
    },
];

/// 方框或勾叉是“勾上”还是“未勾”（图例里的标记用它归类）；不是标记时为 `None`。
pub fn box_state(c: char) -> Option<bool> {
    let set = &GLYPH_SETS[0];
    if set.on.contains(&c) {
        Some(true)
    } else if set.off.contains(&c) {
        Some(false)
    } else {
        None
    }
}

/// 读载体清单格。返回各项与“是否找到了勾选标记”（没有标记时是一张普通名单，全部算勾选）。
pub fn checklist(text: &str) -> (Vec<Marked<'_>>, Marking) {
    // （认出的载体数，切开的各项，标记方式）
    let mut best: Option<(usize, Items, Marking)> = None;
    for set in &GLYPH_SETS {
        // 不含这组标记的文字不必逐字切分。
        if !text.contains(set.on) && !text.contains(set.off) {
            continue;
        }
        let parsed = split_marked(text, set);
        if parsed.is_empty() {
            continue;
        }
        // 真正的方框一旦找到就用它（见下），只有字体损坏的几组要按认出的载体数比较。
        let score = if set.damaged.is_some() {
            parsed
                .iter()
                .filter(|(name, _, _)| StandardCarrier::recognise(&clean_name(name)).is_some())
                .count()
        } else {
            0
        };
        if set.damaged.is_some() && score == 0 {
            continue;
        }
        let marking = set.damaged.map_or(Marking::Boxes, Marking::Damaged);
        if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
            best = Some((score, parsed, marking));
        }
        if set.damaged.is_none() {
            break; // 有真正的方框就不猜字体损坏
        }
    }
    match best {
        Some((_, items, marking)) => (
            items
                .into_iter()
                .filter_map(|(name, checked, glyph)| {
                    let name = clean_name(name);
                    (!name.is_empty()).then_some(Marked {
                        name,
                        checked,
                        glyph: Some(glyph),
                    })
                })
                .collect(),
            marking,
        ),
        // 没有标记的名单按“/”“、”等切开；含“/”的标准载体名先保护起来。
        None => (
            protect_slashes(text)
                .split(['/', '／', '、', ',', '，', ';', '；', '\n', ' ', '\u{3000}'])
                .map(|s| clean_name(&restore(s)).into_owned())
                .filter(|s| !s.is_empty())
                .map(|name| Marked {
                    name: Cow::Owned(name),
                    checked: true,
                    glyph: None,
                })
                .collect(),
            Marking::Plain,
        ),
    }
}

/// 切开的各项：（名称在原文里的片段，是否勾选，标记）。
type Items<'t> = Vec<(&'t str, bool, char)>;

/// 按一组标记切开：每个标记开始一项，直到下一个标记。
fn split_marked<'t>(text: &'t str, set: &Glyphs) -> Items<'t> {
    // 只记下每项在原文里的范围，名称在选定一组标记之后才整理、复制。
    let mut out: Items = Vec::new();
    let mut cur: Option<(usize, bool, char)> = None;
    let mut before: Option<char> = None;
    for (i, ch) in text.char_indices() {
        let (on, off) = if ch > set.max {
            (false, false)
        } else {
            (set.on.contains(&ch), set.off.contains(&ch))
        };
        // 损坏的 t/R 只在项首才算标记：前面是开头、空白或上一项的分隔。
        let at_start = before.is_none_or(|p| {
            p.is_whitespace() || matches!(p, '\u{3000}' | '、' | '，' | ',' | '；' | ';' | '?')
        });
        before = Some(ch);
        if (on || off) && (set.damaged.is_none() || at_start) {
            if let Some((from, checked, glyph)) = cur.take() {
                out.push((&text[from..i], checked, glyph));
            }
            cur = Some((i + ch.len_utf8(), on, ch));
        }
    }
    if let Some((from, checked, glyph)) = cur {
        out.push((&text[from..], checked, glyph));
    }
    out
}

/// 含“/”的标准载体名先换成占位，免得被当作分隔符切开。
const SLASHED: [&str; 3] = ["发布会/听证会", "入户/现场", "社区/企事业单位/村公示栏"];
/// 解析清单时代替上面三个名称的记号（私用区字符，正文里不会出现）。
const SLASH_TOKENS: [&str; 3] = [
    "\u{E000}0\u{E001}",
    "\u{E000}1\u{E001}",
    "\u{E000}2\u{E001}",
];

fn protect_slashes(s: &str) -> Cow<'_, str> {
    if !s.contains('/') {
        return Cow::Borrowed(s);
    }
    let mut out = s.to_string();
    for (name, token) in SLASHED.iter().zip(SLASH_TOKENS) {
        if out.contains(name) {
            out = out.replace(name, token);
        }
    }
    Cow::Owned(out)
}

fn restore(s: &str) -> Cow<'_, str> {
    if !s.contains('\u{E000}') {
        return Cow::Borrowed(s);
    }
    let mut out = s.to_string();
    for (name, token) in SLASHED.iter().zip(SLASH_TOKENS) {
        if out.contains(token) {
            out = out.replace(token, name);
        }
    }
    Cow::Owned(out)
}

/// 载体名的清理：去空白与换行（“市容\n环境”）、去“?”（不间断空格损坏）、结尾的标点与下划线。
fn clean_name(s: &str) -> Cow<'_, str> {
    fn edges(s: &str) -> &str {
        s.trim_matches(|c: char| matches!(c, '、' | '，' | ',' | '；' | ';' | '。' | '_' | '＿'))
    }
    // 多数名称只是前后带空格（“■政府网站 □……”）：去掉后没有空白与问号的，取原文的一段。
    let s = s.trim_matches(|c: char| c.is_whitespace() || matches!(c, '\u{3000}' | '\u{a0}'));
    if mulu_core::text::is_compact(s) && !s.contains(['?', '？']) {
        return Cow::Borrowed(edges(s));
    }
    let s: String = s
        .chars()
        .filter(|c| !(c.is_whitespace() || matches!(c, '\u{3000}' | '\u{a0}' | '?' | '？')))
        .collect();
    Cow::Owned(edges(&s).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, bool)> {
        checklist(text)
            .0
            .into_iter()
            .map(|c| (c.name.into_owned(), c.checked))
            .collect()
    }

    #[test]
    fn standard_boxes() {
        assert_eq!(
            names(
                "■政府网站 □政府公报 ■两微一端 ■发布会/听证会 □社区/企事业单位/村公示栏（电子屏）"
            ),
            vec![
                ("政府网站".into(), true),
                ("政府公报".into(), false),
                ("两微一端".into(), true),
                ("发布会/听证会".into(), true),
                ("社区/企事业单位/村公示栏（电子屏）".into(), false),
            ]
        );
    }

    #[test]
    fn font_damage_t_and_kou() {
        assert_eq!(
            names("t政府网站 口政府公报 t两微一端"),
            vec![
                ("政府网站".into(), true),
                ("政府公报".into(), false),
                ("两微一端".into(), true),
            ]
        );
        assert_eq!(
            names("þ政府网站 ¨政府公报"),
            vec![("政府网站".into(), true), ("政府公报".into(), false)]
        );
        assert_eq!(
            names("R政府网站 £政府公报"),
            vec![("政府网站".into(), true), ("政府公报".into(), false)]
        );
    }

    #[test]
    fn plain_lists_and_other_with_text() {
        assert_eq!(
            names("政府网站/财政部门网站公开"),
            vec![("政府网站".into(), true), ("财政部门网站公开".into(), true)]
        );
        assert_eq!(
            names("√政府网站 ×政府公报 √其他：办税服务厅"),
            vec![
                ("政府网站".into(), true),
                ("政府公报".into(), false),
                ("其他：办税服务厅".into(), true),
            ]
        );
        assert_eq!(names("■政府网站?■两微一端").len(), 2);
        assert_eq!(
            names("■市容\n环境\n卫生"),
            vec![("市容环境卫生".into(), true)]
        );
    }

    #[test]
    fn glyph_sets_know_their_largest_mark() {
        for set in &GLYPH_SETS {
            let largest = set.on.iter().chain(set.off).max().copied();
            assert_eq!(largest, Some(set.max));
        }
    }

    #[test]
    fn flags() {
        assert_eq!(flag("√", "全社会"), Flag::On);
        assert_eq!(flag(" ✓ ", "主动"), Flag::On);
        assert_eq!(flag("是", "主动"), Flag::On);
        assert_eq!(flag("主动", "主动"), Flag::On);
        assert_eq!(flag("", "主动"), Flag::Off);
        assert_eq!(
            flag("√(面向拟征收土地所在地的村集体成员)", "特定群体"),
            Flag::OnWith("面向拟征收土地所在地的村集体成员".into())
        );
        assert_eq!(flag("见附件", "主动"), Flag::Unknown);
    }
}
