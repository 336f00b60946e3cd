//! 写入单元格前的文本处理：去掉控制字符、检查长度。

use crate::ExportError;

/// Excel 单元格文本的上限。
pub const MAX_CELL_CHARS: usize = 32_767;

/// 去掉控制字符（保留换行与制表符）：它们会让 Excel 报告文件损坏。无需改动时不分配。
pub fn clean(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(is_bad) {
        std::borrow::Cow::Owned(s.chars().filter(|c| !is_bad(*c)).collect())
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

fn is_bad(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || c == '\u{FFFE}' || c == '\u{FFFF}'
}

/// 检查长度，超长时报出是哪个领域、哪个事项、哪个字段。
pub fn check_len(
    s: &str,
    domain: &str,
    item: &str,
    field: &'static str,
) -> Result<(), ExportError> {
    // 字节数不超过上限时字符数必然不超，省去逐字计数。
    if s.len() > MAX_CELL_CHARS {
        let len = s.encode_utf16().count();
        if len > MAX_CELL_CHARS {
            return Err(ExportError::CellTooLong {
                domain: domain.into(),
                item: item.into(),
                field,
                len,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_stripped() {
        assert_eq!(clean("a\u{1}b\nc\u{7f}"), "ab\nc");
        assert!(matches!(clean("干净"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn too_long_names_the_item() {
        let long = "字".repeat(MAX_CELL_CHARS + 1);
        let e = check_len(
            &long,
            "社会救助",
            "最低生活保障 / 审核信息",
            "公开内容（要素）",
        )
        .unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.contains("社会救助") && msg.contains("审核信息") && msg.contains("32767"),
            "{msg}"
        );
        assert!(check_len(&"字".repeat(MAX_CELL_CHARS), "d", "i", "f").is_ok());
    }
}
