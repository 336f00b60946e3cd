//! 文本规整的小工具（导入、匹配、检查共用）。

/// 去掉首尾空白（含全角空格 U+3000 与不间断空格），把内部连续空白压成一个半角空格，
/// 并去掉控制字符（从网页、PDF 复制来的文字常带，Excel 会显示成 `_x0001_`）。
pub fn tidy(s: &str) -> String {
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
    s.chars()
        .filter(|c| !(c.is_whitespace() || *c == '\u{3000}' || *c == '\u{a0}'))
        .collect()
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
}
