//! Word 的符号字体：`<w:sym w:font="Wingdings 2" w:char="F052"/>`（插入→符号），或字体设为
//! Wingdings 的普通文字（`þ`、`R`）。勾选框与勾叉换成目录里通用的 ■ □ √ ×，其余认不出的
//! 符号返回 `None`（调用方照录为 `�` 并给出提示，不猜）。

/// 能换成普通文字的符号字体。
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolFont {
    Wingdings,
    Wingdings2,
    Symbol,
}

impl SymbolFont {
    /// 字体名（`Wingdings 2`、`wingdings`）→ 符号字体；普通字体返回 `None`。
    pub fn from_name(name: &str) -> Option<Self> {
        let n: String = name
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        match n.as_str() {
            "wingdings" => Some(SymbolFont::Wingdings),
            "wingdings2" => Some(SymbolFont::Wingdings2),
            "symbol" => Some(SymbolFont::Symbol),
            _ => None,
        }
    }
}

/// 字符码（`F052`、`0052`、`52`；私用区 F000–F0FF 与 00–FF 同义）→ 码位。
pub fn parse_code(hex: &str) -> Option<u32> {
    let code = u32::from_str_radix(hex.trim(), 16).ok()?;
    match code {
        0..=0xFF => Some(code),
        0xF000..=0xF0FF => Some(code - 0xF000),
        _ => None,
    }
}

/// 符号字体里的一个字符（码位 00–FF）换成的文字。
pub fn map(font: SymbolFont, code: u32) -> Option<char> {
    let c = match (font, code) {
        // Wingdings：þ ☑、ý ☒、x ☒、¨ ☐、n ■、o □、q ❑、§ ▪、ü ✓、û ✗、l ●、¡ ○。
        (SymbolFont::Wingdings, 0xFE | 0xFD | 0x78 | 0x6E | 0xA7) => '■',
        (SymbolFont::Wingdings, 0xA8 | 0x6F | 0x71 | 0x72) => '□',
        (SymbolFont::Wingdings, 0xFC) => '√',
        (SymbolFont::Wingdings, 0xFB) => '×',
        (SymbolFont::Wingdings, 0x6C) => '●',
        (SymbolFont::Wingdings, 0xA1) => '○',
        // Wingdings 2：R ☑、T ☒、S ☒、£ ☐、P ✓、O ✗。
        (SymbolFont::Wingdings2, 0x52..=0x54) => '■',
        (SymbolFont::Wingdings2, 0xA3) => '□',
        (SymbolFont::Wingdings2, 0x50) => '√',
        (SymbolFont::Wingdings2, 0x4F) => '×',
        // Symbol：Ö 是根号 √，´ 是乘号 ×，· 是圆点。
        (SymbolFont::Symbol, 0xD6) => '√',
        (SymbolFont::Symbol, 0xB4) => '×',
        (SymbolFont::Symbol, 0xB7) => '●',
        _ => return None,
    };
    Some(c)
}

/// 设为符号字体的普通文字（`<w:rFonts w:ascii="Wingdings"/>` 的 `þ`）：认得的字换掉，
/// 其余照录（字体损坏的 `þ`/`¨` 等由载体清单的读法另行认出）。
pub fn map_text(font: SymbolFont, text: &str, out: &mut String) {
    for ch in text.chars() {
        let code = ch as u32;
        let code = if (0xF000..=0xF0FF).contains(&code) {
            code - 0xF000
        } else {
            code
        };
        match (code <= 0xFF).then(|| map(font, code)).flatten() {
            Some(m) => out.push(m),
            None => out.push(ch),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checkbox_symbols_become_boxes_and_ticks() {
        let w = SymbolFont::from_name("Wingdings").unwrap();
        let w2 = SymbolFont::from_name("Wingdings 2").unwrap();
        assert_eq!(SymbolFont::from_name(" wingdings  2"), Some(w2));
        assert_eq!(SymbolFont::from_name("宋体"), None);
        let sym = |f, hex| parse_code(hex).and_then(|c| map(f, c));
        assert_eq!(sym(w, "F0FE"), Some('■'));
        assert_eq!(sym(w, "00FE"), Some('■'));
        assert_eq!(sym(w, "F0A8"), Some('□'));
        assert_eq!(sym(w, "F06E"), Some('■'));
        assert_eq!(sym(w, "F06F"), Some('□'));
        assert_eq!(sym(w, "F0FC"), Some('√'));
        assert_eq!(sym(w2, "F052"), Some('■'));
        assert_eq!(sym(w2, "F054"), Some('■'));
        assert_eq!(sym(w2, "F0A3"), Some('□'));
        assert_eq!(sym(w2, "F050"), Some('√'));
        assert_eq!(sym(SymbolFont::Symbol, "F0D6"), Some('√'));
        assert_eq!(sym(w, "F041"), None, "认不出的符号不猜");
        assert_eq!(parse_code("E000"), None);
        assert_eq!(parse_code("zz"), None);
    }

    #[test]
    fn text_in_a_symbol_font_is_mapped_char_by_char() {
        let mut s = String::new();
        map_text(SymbolFont::Wingdings, "þ政府网站 ¨政府公报", &mut s);
        assert_eq!(s, "■政府网站 □政府公报");
        let mut s = String::new();
        map_text(SymbolFont::Wingdings2, "R\u{F0A3}", &mut s);
        assert_eq!(s, "■□");
    }
}
