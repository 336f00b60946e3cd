//! 读取的上限：工作簿（.xlsx/.xls）与 Word 文档（.docx）共用。任何一项超过，整份文件以一句中文错误
//! 拒绝（单元格文字过长除外：截断并在那一格给“错误”提示）。数值与理由见 docs/import.md 的“上限”。
//!
//! 这些上限在交给 calamine 之前（zip 目录里声明的大小、共享字符串表声明的条数、工作表数与表名）和
//! 读取过程中（单元格数、文字量、合并区域的个数与覆盖面积）各检查一次，所以一个几 KB 的恶意文件
//! 既不能让内存涨到几 GB，也不能让读取跑上几分钟。

use std::io::{Read, Seek};

/// zip 里一个部件（一张表的 XML、共享字符串表……）解压后的上限。zip 库读取时按目录里声明的大小截止，
/// 所以先查声明的大小就够了；合并区域的再读（`merges.rs`）另用 [`read_limited`] 再限一次。
pub const MAX_ENTRY_BYTES: u64 = 128 << 20;
/// zip 里全部部件解压后合计的上限。
pub const MAX_TOTAL_BYTES: u64 = 256 << 20;
/// 工作表数（Word 文档：表格数）的上限。
pub const MAX_SHEETS: usize = 1000;
/// 工作表名称的字数上限（Excel 的上限）。
pub const MAX_SHEET_NAME_CHARS: usize = 31;
/// 一格文字的字数上限（Excel 的上限）；多出的部分不读。
pub const MAX_CELL_CHARS: usize = 32_767;
/// 一张表里合并区域的个数上限。
pub const MAX_MERGES: usize = 100_000;
/// 整份文件读出的文字合计（字节），合并区域的文字按它覆盖的格数计。
pub const MAX_TEXT_BYTES: u64 = 256 << 20;

/// zip 目录里声明的大小：每个部件与合计都不超过上限。超过时返回说明（“里的 xl/worksheets/sheet1.xml
/// 解压后有 1024.0 MB，超过上限 128 MB”）。
pub fn check_zip<R: Read + Seek>(zip: &zip::ZipArchive<R>) -> Result<(), String> {
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let Ok(f) = zip.by_index_data(i) else {
            continue;
        };
        let size = f.size();
        if size > MAX_ENTRY_BYTES {
            return Err(format!(
                "里的 {} 解压后有 {:.1} MB，超过每个部件 {} MB 的上限",
                String::from_utf8_lossy(f.name_raw()),
                size as f64 / 1_048_576.0,
                MAX_ENTRY_BYTES >> 20
            ));
        }
        total = total.saturating_add(size);
    }
    if total > MAX_TOTAL_BYTES {
        return Err(format!(
            "解压后合计 {:.1} MB，超过 {} MB 的上限",
            total as f64 / 1_048_576.0,
            MAX_TOTAL_BYTES >> 20
        ));
    }
    Ok(())
}

/// 读一个部件，最多 `cap` 字节（多一个字节就是超过）。`None`：没有这个部件、解压出错或超过。
pub fn read_limited<R: Read>(r: R, cap: u64) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    r.take(cap.saturating_add(1)).read_to_end(&mut out).ok()?;
    (out.len() as u64 <= cap).then_some(out)
}

/// 文字的前 `max` 个字；不超过时原样返回 `None`。
pub fn cut(s: &str, max: usize) -> Option<&str> {
    if s.len() <= max {
        return None; // 字节数不超过，字数更不超过
    }
    s.char_indices().nth(max).map(|(i, _)| &s[..i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_by_characters() {
        assert_eq!(cut("abc", 3), None);
        assert_eq!(cut("公开事项", 4), None);
        assert_eq!(cut("公开事项", 2), Some("公开"));
        assert_eq!(cut("abcd", 3), Some("abc"));
    }

    #[test]
    fn reads_at_most_the_cap() {
        assert_eq!(read_limited(&b"abcd"[..], 4), Some(b"abcd".to_vec()));
        assert_eq!(read_limited(&b"abcde"[..], 4), None);
    }
}
