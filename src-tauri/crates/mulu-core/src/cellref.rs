//! A1 单元格引用（`H12`）：读文件时定位、审核时批注、合并区域解析共用。

/// 行列（从 0 起）→ `H12`。
///
/// ```
/// assert_eq!(mulu_core::cellref::format(11, 7), "H12");
/// assert_eq!(mulu_core::cellref::format(0, 26), "AA1");
/// ```
pub fn format(row: u32, col: u32) -> String {
    // 每个事项的每个字段都要一个引用：不经 format!，直接写字节。
    let mut letters = [0u8; 8];
    let mut n = 0;
    let mut c = col + 1;
    while c > 0 {
        letters[n] = b'A' + ((c - 1) % 26) as u8;
        n += 1;
        c = (c - 1) / 26;
    }
    let mut out = String::with_capacity(n + 7);
    for &b in letters[..n].iter().rev() {
        out.push(b as char);
    }
    let mut digits = [0u8; 10];
    let mut m = 0;
    let mut r = row + 1;
    while r > 0 {
        digits[m] = b'0' + (r % 10) as u8;
        m += 1;
        r /= 10;
    }
    for &b in digits[..m].iter().rev() {
        out.push(b as char);
    }
    out
}

/// `H12`、`$AA$3`、`h12` → 从 0 起的（行, 列）；不是单元格引用时返回 `None`。
///
/// ```
/// assert_eq!(mulu_core::cellref::parse("H12"), Some((11, 7)));
/// assert_eq!(mulu_core::cellref::parse("A0"), None);
/// ```
pub fn parse(s: &str) -> Option<(u32, u32)> {
    let s = s.trim().trim_start_matches('$');
    let split = s.find(|c: char| !c.is_ascii_alphabetic())?;
    let (letters, digits) = s.split_at(split);
    // Excel 最多 XFD（16384）列。
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let col = letters.bytes().try_fold(0u32, |acc, b| {
        let v = u32::from(b.to_ascii_uppercase().checked_sub(b'A')?) + 1;
        (v <= 26).then_some(acc * 26 + v)
    })?;
    let digits = digits.trim_start_matches('$');
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let row: u32 = digits.parse().ok()?;
    Some((row.checked_sub(1)?, col - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_and_parse_round_trip() {
        assert_eq!(format(0, 0), "A1");
        assert_eq!(format(4, 701), "ZZ5");
        assert_eq!(format(1_048_575, 16_383), "XFD1048576");
        assert_eq!(parse("$AA$3"), Some((2, 26)));
        assert_eq!(parse("12"), None);
        assert_eq!(parse("A1:B2"), None);
        for (r, c) in [
            (0, 0),
            (11, 7),
            (99, 25),
            (5, 26),
            (7, 701),
            (1_048_575, 16_383),
        ] {
            assert_eq!(parse(&format(r, c)), Some((r, c)));
        }
    }
}
