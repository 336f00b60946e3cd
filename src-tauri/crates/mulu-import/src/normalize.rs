//! 匹配用的文字规整：繁体转简体（只覆盖表头、领域名与常见事项用字）、去空白、统一括号。
//! 只用于“认出”表头；单元格的原文照录，不做改写。名称的比较键、繁简对照与“汉字”的范围在
//! [`mulu_core::matching`]（审核用同一套）。

use mulu_core::matching::{is_cjk, simplified};

/// 去掉拼音注音：`農(nóng)` → `農`。只去括号内全是拉丁字母（含声调）的部分。
pub fn strip_pinyin(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(['(', '（']) {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let open_len = after.chars().next().map_or(1, char::len_utf8);
        let inner = &after[open_len..];
        match inner.find([')', '）']) {
            Some(j)
                if j > 0
                    && inner[..j]
                        .chars()
                        .all(|c| c.is_alphabetic() && !is_cjk(c) || c == ' ') =>
            {
                let close_len = inner[j..].chars().next().map_or(1, char::len_utf8);
                rest = &inner[j + close_len..];
            }
            _ => {
                out.push_str(&after[..open_len]);
                rest = inner;
            }
        }
    }
    out.push_str(rest);
    out
}

/// 表头/名称比较用的键：繁转简、去拼音、去所有空白（含全角空格、换行）、括号统一为全角、
/// 去掉结尾的冒号。
pub fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    key_into(s, &mut out);
    out
}

/// [`key`]，写进调用方的缓冲区（逐格判断表头时重用一个缓冲，不必每格分配）。
pub fn key_into(s: &str, out: &mut String) {
    out.clear();
    // 读每个单元格都会调用：一次遍历；只有带括号的才先去拼音。
    let without_pinyin;
    let s = if s.contains(['(', '（']) {
        without_pinyin = strip_pinyin(s);
        without_pinyin.as_str()
    } else {
        s
    };
    for c in s.chars() {
        if c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}' {
            continue;
        }
        out.push(match c {
            '(' => '（',
            ')' => '）',
            ':' => '：',
            _ => simplified(c),
        });
    }
    let end = out.trim_end_matches('：').len();
    out.truncate(end);
}

/// 去掉名称前的编号：`1.`、`1.1.`、`2.1.1`、`（一）`、`一、`、`1、`、`①`（见 [`crate::clean::split_numbering`]）。
pub fn strip_numbering(s: &str) -> &str {
    crate::clean::split_numbering(s).map_or(s.trim_start(), |(_, rest)| rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_traditional_space_and_brackets() {
        assert_eq!(key("公開內容\n(要素)"), "公开内容（要素）");
        assert_eq!(key("公开\u{3000}对象："), "公开对象");
        assert_eq!(key("農(nóng)業"), "农业");
    }

    #[test]
    fn numbering_is_stripped_but_leading_digits_in_names_are_kept() {
        assert_eq!(strip_numbering("1.就业信息服务"), "就业信息服务");
        assert_eq!(strip_numbering("2.1.1 政策文件"), "政策文件");
        assert_eq!(strip_numbering("（二）公共资源交易"), "公共资源交易");
        assert_eq!(strip_numbering("一、社会救助"), "社会救助");
        assert_eq!(strip_numbering("12345政务服务热线"), "12345政务服务热线");
        assert_eq!(strip_numbering("①申请条件"), "申请条件");
    }
}
