//! R701–R704：文字规整——多余的空格、全角数字、勾选符号乱码、没有还原的“同上”。

use mulu_core::model::{Field, ItemFields, StandardCarrier};
use mulu_core::text::squeeze_cow;

use super::catalog::{DITTO_UNRESOLVED, FULLWIDTH_DIGITS, GLYPH_DAMAGE, STRAY_SPACES};
use super::{ascii_digits, is_ditto, item_label, Ctx};
use crate::input::ReviewItem;

/// 一个事项要检查的文字：字段与原文（公开依据一条一项，其他载体一个一项，公开对象只看特定群体说明；
/// 领域与标记栏不查）。
fn texts(f: &ItemFields) -> Vec<(Field, &str)> {
    let mut v = Vec::new();
    for field in Field::ALL {
        match field {
            Field::Domain | Field::Mode | Field::Level => {}
            Field::Basis => v.extend(f.basis.iter().map(|b| (field, b.as_str()))),
            Field::Channels => v.extend(f.channels.extra.iter().map(|e| (field, e.as_str()))),
            Field::Audience => v.extend(f.audience_group.as_deref().map(|g| (field, g))),
            _ => v.extend(f.plain_text(field).map(|t| (field, t))),
        }
    }
    v
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}')
}

/// 一段文字逐字看一遍：有没有空格或回车、全角数字、乱码勾选框的字符。
/// 绝大多数文字三样都没有，后面的检查就都不必做。
#[derive(Default)]
struct Marks {
    spaces: bool,
    fullwidth_digits: bool,
    damage_glyphs: bool,
}

fn scan(text: &str) -> Marks {
    let mut m = Marks::default();
    for c in text.chars() {
        match c {
            ' ' | '\t' | '\u{3000}' | '\u{a0}' | '\r' => m.spaces = true,
            '０'..='９' => m.fullwidth_digits = true,
            'þ' | '¨' | '£' => m.damage_glyphs = true,
            _ => {}
        }
    }
    m
}

/// 有多余的空格时给出修正（[`fix_spaces`] 改得动的，`\r\n` 换成 `\n` 不算）。
/// 没有空格与回车、首尾也不是换行的文字 `fix_spaces` 不会改，不必算。
fn stray_spaces(text: &str, has_spaces: bool) -> Option<String> {
    if !has_spaces && !text.starts_with('\n') && !text.ends_with('\n') {
        return None;
    }
    let fixed = fix_spaces(text);
    (fixed != text.replace("\r\n", "\n")).then_some(fixed)
}

/// 去掉每行首尾的空格、把连续的空格（含全角空格、不间断空格）压成一个半角空格、去掉首尾空行。
fn fix_spaces(s: &str) -> String {
    let lines: Vec<String> = s
        .split('\n')
        .map(|line| {
            let mut out = String::new();
            let mut pending = false;
            for c in line.trim_end_matches('\r').chars() {
                if is_space(c) {
                    pending = !out.is_empty();
                } else {
                    if pending {
                        out.push(' ');
                        pending = false;
                    }
                    out.push(c);
                }
            }
            out
        })
        .collect();
    let start = lines
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(lines.len());
    let end = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(start, |e| e + 1);
    lines[start..end].join("\n")
}

/// Wingdings 勾选框乱码开头的载体名称（`t政府网站`、`口政府公报`、`þ政府网站`）：
/// 返回（是否勾选，认出的标准载体）。
pub(crate) fn glyph_prefix(name: &str) -> Option<(bool, StandardCarrier)> {
    let name = squeeze_cow(name);
    let mut chars = name.chars();
    let first = chars.next()?;
    let ticked = match first {
        't' | 'R' | 'þ' | '■' | '☑' | '√' => true,
        '口' | '£' | '¨' | '□' | '☐' => false,
        _ => return None,
    };
    StandardCarrier::recognise(chars.as_str()).map(|c| (ticked, c))
}

pub(super) fn check(ctx: &mut Ctx) {
    let items = ctx.items();
    for (idx, it) in items.iter().enumerate() {
        let label = || item_label(it, idx);
        for (field, text) in texts(it.fields) {
            if text.is_empty() {
                continue;
            }
            let what = field_name(field);
            let marks = scan(text);
            if let Some(fixed) = stray_spaces(text, marks.spaces) {
                ctx.item(
                    &STRAY_SPACES,
                    idx,
                    Some(field),
                    format!(
                        "{}的{what}“{}”有多余的空格（首尾空格、连续空格或全角空格）。请删去多余的空格。",
                        label(),
                        text.trim()
                    ),
                    Some(fixed),
                );
            }
            if marks.fullwidth_digits {
                ctx.item(
                    &FULLWIDTH_DIGITS,
                    idx,
                    Some(field),
                    format!(
                        "{}的{what}“{}”里有全角数字。请统一改为半角数字。",
                        label(),
                        text.trim()
                    ),
                    Some(ascii_digits(text)),
                );
            }
            let prefix = (field == Field::Channels)
                .then(|| glyph_prefix(text))
                .flatten();
            if let Some((ticked, carrier)) = prefix {
                let (meaning, todo, suggestion) = if ticked {
                    (
                        "勾选了",
                        format!("请改为勾选标准载体“{}”。", carrier.as_str()),
                        Some(carrier.as_str().to_string()),
                    )
                } else {
                    (
                        "没有勾选",
                        format!("请删去“{}”（原文是未勾选的框）。", text.trim()),
                        None,
                    )
                };
                ctx.item(
                    &GLYPH_DAMAGE,
                    idx,
                    Some(field),
                    format!(
                        "{}的载体“{}”开头是字体乱码的勾选框，原意是{meaning}“{}”。{todo}",
                        label(),
                        text.trim(),
                        carrier.as_str()
                    ),
                    suggestion,
                );
            } else if marks.damage_glyphs {
                ctx.item(
                    &GLYPH_DAMAGE,
                    idx,
                    Some(field),
                    format!(
                        "{}的{what}“{}”里有字体乱码的勾选框（þ、¨、£ 是 Wingdings 字体的☑、☐）。\
                         请对照原件改为勾选或删去。",
                        label(),
                        text.trim()
                    ),
                    None,
                );
            }
            if is_ditto(text) {
                let above = previous(items, idx).and_then(|p| value_of(p.fields, field));
                let todo = match &above {
                    Some(v) => format!("上一行的{what}是“{v}”。"),
                    None => "请填入上一行同一列的内容。".to_string(),
                };
                ctx.item(
                    &DITTO_UNRESOLVED,
                    idx,
                    Some(field),
                    format!(
                        "{}的{what}写的是“同上”，没有还原成实际内容。{todo}",
                        label()
                    ),
                    above,
                );
            }
        }
    }
}

fn field_name(field: Field) -> &'static str {
    match field {
        Field::Audience => "特定群体说明",
        f => f.label(),
    }
}

/// 上一个事项（同一工作表；来自库时同一领域）。
fn previous<'r, 'a>(items: &'r [ReviewItem<'a>], idx: usize) -> Option<&'r ReviewItem<'a>> {
    let cur = items.get(idx)?;
    let prev = items.get(idx.checked_sub(1)?)?;
    let same = match (cur.sheet, prev.sheet) {
        (Some(a), Some(b)) => a == b,
        _ => cur.domain == prev.domain,
    };
    same.then_some(prev)
}

/// 事项某个字段的文字（“同上”与空值不算）。
fn value_of(f: &ItemFields, field: Field) -> Option<String> {
    // 公开对象这里只看特定群体说明（“同上”只会写在那里）；标记栏（方式、层级）不会是“同上”。
    let v = match field {
        Field::Audience => f.audience_group.clone().unwrap_or_default(),
        Field::Mode | Field::Level | Field::Domain => String::new(),
        _ => f.text(field).into_owned(),
    };
    let v = v.trim().to_string();
    (!v.is_empty() && !is_ditto(&v)).then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_are_fixed_per_line() {
        assert_eq!(fix_spaces(" 政府  网站 "), "政府 网站");
        assert_eq!(fix_spaces("甲\n乙"), "甲\n乙");
        assert_eq!(fix_spaces("甲 \n 乙\n"), "甲\n乙");
        assert_eq!(fix_spaces("住房城乡建设部 财政部"), "住房城乡建设部 财政部");
        assert_eq!(fix_spaces("\u{3000}救助"), "救助");
    }

    #[test]
    fn glyph_prefixes() {
        assert_eq!(
            glyph_prefix("t政府网站"),
            Some((true, StandardCarrier::GovWebsite))
        );
        assert_eq!(
            glyph_prefix("口政府公报"),
            Some((false, StandardCarrier::GovGazette))
        );
        assert_eq!(glyph_prefix("政府网站"), None);
        assert_eq!(glyph_prefix("口岸"), None);
    }
}
