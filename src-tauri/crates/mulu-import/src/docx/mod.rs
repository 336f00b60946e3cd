//! Word 文档（.docx）里的目录表格。
//!
//! 每个正文表格摆成一张 [`Grid`]（合并的格与 Excel 的合并单元格一样处理），交给与工作簿相同的
//! [`table::parse_sheet`]：表头、■/□、`同上`、逐格提示都不变。
//!
//! - **表格的名称**：`表N`（正文里的第 N 个表格，嵌在格里的不计），表格上方的段落认出领域时
//!   加上领域：`表2（社会救助）`。单元格引用 `C5` 是这个表格里的第 5 行、第 3 列（按表格的网格列，
//!   横向合并的格占几列就算几列）。
//! - **领域**：取表格上方最近的标题——与上一个表格之间的段落里，最后一段含已知领域名的（如
//!   `社会救助领域基层政务公开标准目录`），没有时最后一段含“目录”“领域”的；这些段落里没有标题时
//!   （跨页断开的表格、中间只有“说明”之类的文字）沿用上一个表格的标题。表格第一行就是标题时，
//!   与工作簿一样由表头上方的标题行认出（优先于表格上方的段落）。
//! - **上限**：文件大小同工作簿；正文 XML 解压后最多 128 MB；最多 1000 个表格；每个表格与全部表格
//!   合计的单元格数不超过 [`ReadOptions::max_sheet_cells`]；一格最多读 32767 字（Excel 一格的上限）。

mod body;
mod layout;
mod symbols;

use std::io::{Cursor, Read};
use std::path::Path;

use mulu_core::model::{Diagnostic, Severity};
use quick_xml::events::Event;
use quick_xml::Reader;

use crate::grid::{a1, Grid};
use crate::merges::attr;
use crate::table::{self, Keep, ParsedTable};
use crate::workbook::contains_utf16;
use crate::{ImportError, ReadOptions, Tables};

/// 正文 XML（`word/document.xml`）解压后的上限：与工作簿的每个部件相同。
const MAX_DOCUMENT_XML: u64 = crate::limits::MAX_ENTRY_BYTES;
/// `[Content_Types].xml` 的上限（只在找不到 `word/document.xml` 时读）。
const MAX_CONTENT_TYPES: u64 = 1 << 20;
/// 表格数、列数、一格字数的上限。
const MAX_TABLES: usize = crate::limits::MAX_SHEETS;
const MAX_COLS: u32 = 16_384;
const MAX_CELL_CHARS: usize = crate::limits::MAX_CELL_CHARS;
/// 合并区域的文字按它覆盖的格数计：合计的上限（字节），与工作簿相同。
const MAX_FILLED_BYTES: u64 = crate::limits::MAX_TEXT_BYTES;

/// 文件是什么：按文件头，文件头认不出时按扩展名。
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// Excel 工作簿（.xlsx/.xls），或认不出的文件（由工作簿的读法报错）。
    Workbook,
    /// Word 文档（.docx）。
    Docx,
    /// 不能直接读的格式：名称（“旧式 Word 文档（.doc）”）。
    Unsupported(&'static str),
}

const OLE: [u8; 4] = [0xD0, 0xCF, 0x11, 0xE0];

/// 看文件头与扩展名决定怎么读。.xls 与加密的 Office 文件（都是 OLE 复合文档）仍由工作簿的读法处理。
pub(crate) fn sniff(path: &Path, bytes: &[u8]) -> Format {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let word_ext = matches!(ext.as_str(), "docx" | "docm" | "dotx" | "dotm");
    if bytes.starts_with(b"PK") {
        // zip：扩展名是 Word 的，或目录里有 word/document.xml 而没有 xl/workbook.xml（改了扩展名的 .docx）。
        let tail = &bytes[bytes.len().saturating_sub(256 << 10)..];
        let has = |n: &[u8]| memchr::memmem::find(tail, n).is_some();
        if word_ext || (has(b"word/document.xml") && !has(b"xl/workbook.xml")) {
            return Format::Docx;
        }
        return Format::Workbook;
    }
    if bytes.starts_with(b"%PDF") {
        return Format::Unsupported("PDF 文件（.pdf）");
    }
    if bytes.starts_with(&OLE) {
        if contains_utf16(bytes, "EncryptedPackage") {
            return Format::Workbook; // 加密的 .xlsx/.docx：报“设有打开密码”
        }
        // 以扩展名为准：嵌有 Word 对象的 .xls 目录里也有 WordDocument，反之亦然。
        let word = contains_utf16(bytes, "WordDocument");
        let old_word_ext = matches!(ext.as_str(), "doc" | "dot" | "wps" | "wpt");
        if word && (old_word_ext || !contains_utf16(bytes, "Workbook")) {
            return if matches!(ext.as_str(), "wps" | "wpt") {
                Format::Unsupported("WPS 文字文档（.wps）")
            } else {
                Format::Unsupported("旧式 Word 文档（.doc）")
            };
        }
        return Format::Workbook;
    }
    match ext.as_str() {
        "doc" | "dot" => Format::Unsupported("旧式 Word 文档（.doc）"),
        "wps" | "wpt" => Format::Unsupported("WPS 文字文档（.wps）"),
        "pdf" => Format::Unsupported("PDF 文件（.pdf）"),
        "docx" | "docm" | "dotx" | "dotm" => Format::Docx,
        _ => Format::Workbook,
    }
}

/// 读 .docx 里的全部表格。
pub(crate) fn read_tables(
    path: &Path,
    bytes: Vec<u8>,
    opts: &ReadOptions,
    keep: Keep,
) -> Result<Tables, ImportError> {
    let xml = document_xml(path, bytes)?;
    let limits = body::Limits {
        tables: MAX_TABLES,
        cells: opts.max_sheet_cells,
        cols: MAX_COLS,
        cell_chars: MAX_CELL_CHARS,
    };
    let raw = body::tables(&xml, &limits).map_err(|e| match e {
        body::BodyError::Malformed(detail) => ImportError::Malformed {
            path: path.to_path_buf(),
            detail,
        },
        body::BodyError::TooLarge(detail) => too_large(path, detail),
    })?;
    drop(xml);
    if raw.is_empty() {
        return Err(ImportError::WordNoTable {
            path: path.to_path_buf(),
            detail: "里没有表格".into(),
        });
    }
    let count = raw.len();
    let mut parsed = Vec::with_capacity(count);
    let mut names = Vec::with_capacity(count);
    let mut previous: Option<String> = None;
    let mut total_cells = 0u64;
    let mut filled = 0u64;
    for (i, t) in raw.into_iter().enumerate() {
        // 最近的标题：这个表格上方的，没有时（跨页断开的表格、中间只有说明文字）沿用上一个表格的。
        let heading = heading(&t.paragraphs_above, opts).or_else(|| previous.clone());
        let domain = heading
            .as_deref()
            .and_then(|h| crate::domain::find(h, &opts.domains))
            .map(|(d, _)| d.to_string());
        let name = match &domain {
            Some(d) => format!("表{}（{d}）", i + 1),
            None => format!("表{}", i + 1),
        };
        let laid = layout::lay_out(t);
        let (rows, cols) = laid.cells.size();
        total_cells = total_cells.saturating_add(rows.saturating_mul(cols));
        if total_cells > opts.max_sheet_cells {
            return Err(too_large(
                path,
                format!("的表格合计超过 {} 个单元格", opts.max_sheet_cells),
            ));
        }
        filled = filled.saturating_add(laid.filled_bytes);
        if filled > MAX_FILLED_BYTES {
            return Err(too_large(path, "的合并单元格展开后文字过多".into()));
        }
        // 合并区域已在上面按文字量限过（`filled`），这里不再扣。
        let mut unlimited = u64::MAX;
        let grid = Grid::from_cells(&name, laid.cells, &laid.merges, u64::MAX, &mut unlimited)
            .map_err(|e| too_large(path, format!("的{name}{}", e.detail())))?;
        let has_content = (0..grid.height()).any(|r| !grid.is_blank_row(r));
        let mut found = table::parse_sheet(&grid, opts, keep);
        let unit = heading
            .as_deref()
            .and_then(|h| crate::domain::unit_from_title(h, &opts.domains));
        for t in &mut found {
            if t.unit_hint.is_none() {
                t.unit_hint.clone_from(&unit);
            }
        }
        attach_notes(&mut found, &grid, laid.notes);
        names.push(name.clone());
        parsed.push((name, has_content, found));
        previous = heading;
    }
    crate::assemble(path, &names, None, parsed).map_err(|e| match e {
        ImportError::Empty { path } => ImportError::WordNoTable {
            path,
            detail: format!("的 {count} 个表格都是空的"),
        },
        ImportError::NoTable { path, .. } => ImportError::WordNoTable {
            path,
            detail: format!("的 {count} 个表格中没有目录表格"),
        },
        other => other,
    })
}

fn too_large(path: &Path, detail: String) -> ImportError {
    ImportError::WordTooLarge {
        path: path.to_path_buf(),
        detail,
    }
}

/// 表格上方的段落里哪一段是标题：最后一段含已知领域名的，否则最后一段像标题的（含“目录”“领域”）。
fn heading(paragraphs: &[String], opts: &ReadOptions) -> Option<String> {
    paragraphs
        .iter()
        .rev()
        .find(|p| crate::domain::find(p, &opts.domains).is_some())
        .or_else(|| {
            paragraphs
                .iter()
                .rev()
                .find(|p| p.contains("目录") || p.contains("领域"))
        })
        .cloned()
}

/// 读表格时记下的格子提示（嵌套表格、认不出的符号、过长的文字）：放进表格所在的那个目录表格
/// （一个 Word 表格里有几个分节时，取表头在这一格之前的最后一个）。
fn attach_notes(found: &mut [ParsedTable], grid: &Grid, notes: Vec<layout::Note>) {
    if found.is_empty() {
        return;
    }
    for (r, c, message) in notes {
        let i = found
            .iter()
            .rposition(|t| t.rows.first().is_some_and(|row| row.item.row <= r + 1))
            .unwrap_or(0);
        found[i].diagnostics.push(Diagnostic {
            sheet: grid.name.clone(),
            cell: Some(a1(r, c)),
            severity: Severity::Warning,
            code: mulu_core::model::DiagnosticCode::WordLayout,
            message,
            raw: Some(grid.get(r, c).to_string()).filter(|s| !s.is_empty()),
        });
    }
}

/// 从 zip 里取出正文 XML（解压时限制大小）。
fn document_xml(path: &Path, bytes: Vec<u8>) -> Result<Vec<u8>, ImportError> {
    let malformed = |detail: String| ImportError::Malformed {
        path: path.to_path_buf(),
        detail,
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| malformed(format!("zip 结构有误（{e}）")))?;
    if let Some(xml) = read_part(path, &mut zip, "word/document.xml", MAX_DOCUMENT_XML)? {
        return Ok(xml);
    }
    // 正文不在通常的位置：按 [Content_Types].xml 找主文档部件。
    let main = read_part(path, &mut zip, "[Content_Types].xml", MAX_CONTENT_TYPES)?
        .and_then(|types| main_part(&types));
    let Some(main) = main else {
        return Err(malformed(
            "zip 里没有 Word 正文（word/document.xml）".into(),
        ));
    };
    read_part(path, &mut zip, &main, MAX_DOCUMENT_XML)?
        .ok_or_else(|| malformed(format!("zip 里没有 Word 正文（{main}）")))
}

fn read_part(
    path: &Path,
    zip: &mut zip::ZipArchive<Cursor<Vec<u8>>>,
    name: &str,
    cap: u64,
) -> Result<Option<Vec<u8>>, ImportError> {
    let malformed = |detail: String| ImportError::Malformed {
        path: path.to_path_buf(),
        detail,
    };
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(malformed(format!("无法解压 {name}（{e}）"))),
    };
    let big = || too_large(path, format!("的 {name} 解压后超过 {} MB", cap >> 20));
    if file.size() > cap {
        return Err(big());
    }
    let mut out = Vec::with_capacity(usize::try_from(file.size()).unwrap_or(0));
    file.take(cap + 1)
        .read_to_end(&mut out)
        .map_err(|e| malformed(format!("无法解压 {name}（{e}）")))?;
    if out.len() as u64 > cap {
        return Err(big());
    }
    Ok(Some(out))
}

/// `[Content_Types].xml` 里主文档部件的路径（`/word/document.xml` → `word/document.xml`）。
fn main_part(xml: &[u8]) -> Option<String> {
    let mut r = Reader::from_reader(xml);
    loop {
        match r.read_event().ok()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Override" => {
                let (Some(part), Some(kind)) = (attr(&e, "PartName"), attr(&e, "ContentType"))
                else {
                    continue;
                };
                if kind.contains("document.main") || kind.contains("template.main") {
                    return Some(part.trim_start_matches('/').to_string());
                }
            }
            Event::DocType(_) | Event::Eof => return None,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests;
