//! 文本规整的小工具（导入、匹配、检查共用）。

use std::borrow::Cow;

/// 去掉首尾空白（含全角空格 U+3000 与不间断空格），把内部连续空白压成一个半角空格，
/// 并去掉控制字符（从网页、PDF 复制来的文字常带，Excel 会显示成 `_x0001_`）。
pub fn tidy(s: &str) -> String {
    tidy_cow(s).into_owned()
}

/// [`tidy`]，文字本来就整齐（绝大多数单元格：没有控制字符，空白只有夹在字间的单个半角空格）时不复制。
pub fn tidy_cow(s: &str) -> Cow<'_, str> {
    if is_tidy(s) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(tidy_chars(s))
    }
}

/// 逐字整理（[`tidy_cow`] 的慢路径，也是测试快路径的参照）。
fn tidy_chars(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for ch in s.chars() {
        if ch.is_control() && !ch.is_whitespace() {
            continue;
        }
        if ch.is_whitespace() || ch == '\u{3000}' || ch == '\u{a0}' {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(ch);
        }
    }
    out
}

/// 去掉所有空白，用于名称比较（“结 果”与“结果”视为同名）。
pub fn squeeze(s: &str) -> String {
    squeeze_cow(s).into_owned()
}

/// [`squeeze`]，没有空白时不复制。
pub fn squeeze_cow(s: &str) -> Cow<'_, str> {
    if is_compact(s) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter(|c| !(c.is_whitespace() || *c == '\u{3000}' || *c == '\u{a0}'))
            .collect(),
    )
}

/// 文字里没有任何空白与控制字符（Unicode 的定义）。逐字节判断，不解码：
/// 每个单元格都要整理，绝大多数本来就整齐，这样比逐字检查快得多。
pub fn is_compact(s: &str) -> bool {
    clean_bytes(s, false)
}

/// 文字已经是 [`tidy`] 的结果：没有控制字符，空白只有夹在字间的单个半角空格。
pub fn is_tidy(s: &str) -> bool {
    clean_bytes(s, true)
}

/// [`is_compact`] 与 [`is_tidy`] 的逐字节判断；`inner_spaces` 时允许字间的单个半角空格。
fn clean_bytes(s: &str, inner_spaces: bool) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            let lone_inner_space =
                inner_spaces && x == b' ' && i > 0 && i + 1 < b.len() && b[i - 1] != b' ';
            // ASCII 的空白与控制字符（含 DEL）。
            if (x <= 0x20 || x == 0x7f) && !lone_inner_space {
                return false;
            }
            i += 1;
            continue;
        }
        let y = b.get(i + 1).copied().unwrap_or(0);
        let z = b.get(i + 2).copied().unwrap_or(0);
        let odd = match x {
            // U+0080..=U+00A0：C1 控制字符、U+0085、不间断空格。
            0xC2 => y <= 0xA0,
            // U+1680 欧甘文空格。
            0xE1 => y == 0x9A && z == 0x80,
            // U+2000..=U+200A、U+2028、U+2029、U+202F、U+205F。
            0xE2 => {
                (y == 0x80 && (z <= 0x8A || matches!(z, 0xA8 | 0xA9 | 0xAF)))
                    || (y == 0x81 && z == 0x9F)
            }
            // U+3000 全角空格。
            0xE3 => y == 0x80 && z == 0x80,
            _ => false,
        };
        if odd {
            return false;
        }
        i += 1;
    }
    true
}

/// 汉字数字 〇一二三四五六七八九 的值（导入时认编号 `一、`、审核时认 `十五个工作日` 共用）。
pub fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_collapses_fullwidth_and_nbsp() {
        assert_eq!(tidy("\u{3000} 政府\u{a0}\u{a0}网站  \n"), "政府 网站");
        assert_eq!(tidy(""), "");
        assert_eq!(squeeze("结 果\u{3000}公开"), "结果公开");
        assert_eq!(tidy("=1+1\u{1}某某镇"), "=1+1某某镇");
    }

    #[test]
    fn compact_agrees_with_char_classes() {
        // 每个码位：is_compact 与逐字判断一致。
        for cp in 0..=0x10FFFFu32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let s = format!("政{c}务");
            let odd = c.is_whitespace() || c.is_control();
            assert_eq!(is_compact(&s), !odd, "U+{cp:04X}");
        }
        assert!(is_compact(
            "【法律】《中华人民共和国政府信息公开条例》“公开”、"
        ));
        assert!(!is_compact("政府网站\n"));
        assert!(!is_compact("政府 网站"));
    }

    #[test]
    fn tidy_borrows_exactly_when_nothing_changes() {
        let mut samples: Vec<String> = [
            "",
            " ",
            "政 务",
            "政  务",
            " 政",
            "政 ",
            "a b c",
            "a\tb",
            "政\u{3000}务",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for cp in (0..0x80u32).chain([
            0x85, 0xa0, 0x1680, 0x2000, 0x200a, 0x2028, 0x202f, 0x205f, 0x3000, 0x3001,
        ]) {
            if let Some(c) = char::from_u32(cp) {
                samples.push(format!("政{c}务"));
                samples.push(format!("{c}政"));
            }
        }
        for s in &samples {
            // 快路径只在逐字整理不改变文字时借用原文。
            let want = tidy_chars(s);
            assert_eq!(tidy_cow(s), want.as_str(), "{s:?}");
            assert_eq!(is_tidy(s), want == *s, "{s:?}");
        }
        assert!(matches!(tidy_cow("政府网站"), Cow::Borrowed(_)));
        assert_eq!(squeeze_cow("结 果"), "结果");
    }

    #[test]
    fn chinese_digits() {
        let values: Vec<Option<u32>> = "〇一二三四五六七八九十两"
            .chars()
            .map(chinese_digit)
            .collect();
        let want: Vec<Option<u32>> = (0..10).map(Some).chain([None, None]).collect();
        assert_eq!(values, want);
    }
}
