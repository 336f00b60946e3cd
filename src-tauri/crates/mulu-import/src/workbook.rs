//! 打开工作簿：先看大小与文件头，再交给 calamine；逐表检查声明范围后再整表读取。

use std::io::Cursor;
use std::path::Path;
use std::sync::Arc;

use calamine::{Data, Dimensions, Range, Reader, Sheets, Xls, Xlsx};

use crate::grid::{cell_ref_text, Cells, Grid};
use crate::merges::MergeIndex;
use crate::{ImportError, ReadOptions};

/// 打开的工作簿。.xlsx 另有一份合并区域的索引（见 [`crate::merges`]）。
pub struct Book {
    sheets: Sheets<Cursor<Arc<[u8]>>>,
    merges: Option<MergeIndex>,
}

impl Book {
    pub fn sheet_names(&self) -> Vec<String> {
        self.sheets.sheet_names()
    }
}

/// 读入文件的字节。太大的文件在读入前就拒绝。
pub fn read_file(path: &Path, opts: &ReadOptions) -> Result<Vec<u8>, ImportError> {
    let io = |source| ImportError::Io {
        path: path.to_path_buf(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > opts.max_file_bytes {
        return Err(ImportError::TooLarge {
            path: path.to_path_buf(),
            size_mb: size as f64 / 1_048_576.0,
            limit_mb: opts.max_file_bytes as f64 / 1_048_576.0,
        });
    }
    std::fs::read(path).map_err(io)
}

/// 按文件头选读取器：`PK` 是 .xlsx（zip），`D0 CF 11 E0` 是 OLE 复合文档（.xls，或加密的 .xlsx）。
pub fn open_bytes(path: &Path, bytes: Vec<u8>) -> Result<Book, ImportError> {
    let malformed = |detail: String| ImportError::Malformed {
        path: path.to_path_buf(),
        detail,
    };
    if bytes.starts_with(b"PK\x03\x04") {
        let bytes: Arc<[u8]> = bytes.into();
        let x: Xlsx<_> =
            Xlsx::new(Cursor::new(bytes.clone())).map_err(|e| malformed(e.to_string()))?;
        Ok(Book {
            sheets: Sheets::Xlsx(x),
            merges: MergeIndex::new(bytes),
        })
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        if contains_utf16(&bytes, "EncryptedPackage") {
            return Err(ImportError::Encrypted {
                path: path.to_path_buf(),
            });
        }
        match Xls::new(Cursor::new(bytes.into())) {
            Ok(x) => Ok(Book {
                sheets: Sheets::Xls(x),
                merges: None,
            }),
            Err(calamine::XlsError::Password) => Err(ImportError::Encrypted {
                path: path.to_path_buf(),
            }),
            Err(e) => Err(malformed(e.to_string())),
        }
    } else if bytes.starts_with(b"PK") {
        Err(malformed("zip 文件头不完整".into()))
    } else {
        Err(ImportError::NotAWorkbook {
            path: path.to_path_buf(),
        })
    }
}

/// OLE 复合文档的目录里有没有这个名称（目录项的名称是 UTF-16LE）。
pub(crate) fn contains_utf16(bytes: &[u8], needle: &str) -> bool {
    let n: Vec<u8> = needle.encode_utf16().flat_map(u16::to_le_bytes).collect();
    memchr::memmem::find(bytes, &n).is_some()
}

/// 读一张表为网格。.xlsx 先看表里声明的范围，过大就拒绝，不整表读入。
pub fn sheet_grid(
    book: &mut Book,
    path: &Path,
    name: &str,
    opts: &ReadOptions,
) -> Result<Grid, ImportError> {
    let malformed = |detail: String| ImportError::Malformed {
        path: path.to_path_buf(),
        detail: format!("工作表“{name}”：{detail}"),
    };
    let (range, merges): (Range<Data>, Vec<Dimensions>) = match &mut book.sheets {
        Sheets::Xlsx(x) => {
            return xlsx_grid(x, book.merges.as_mut(), name, opts)
                .map_err(|e| e.into_import(path, name))
        }
        Sheets::Xls(x) => {
            let range = x
                .worksheet_range(name)
                .map_err(|e| malformed(e.to_string()))?;
            let merges = x.merge_cells_by_sheet_name(name).unwrap_or_default();
            (range, merges)
        }
        other => {
            let range = other
                .worksheet_range(name)
                .map_err(|e| malformed(e.to_string()))?;
            (range, Vec::new())
        }
    };
    if let Some(end) = range.end() {
        check_dimensions(name, Dimensions::new((0, 0), end), opts)?;
    }
    Ok(Grid::new(name, &range, &merges))
}

/// 读 .xlsx 的一张表时可能出的错。
enum SheetError {
    Calamine(calamine::XlsxError),
    Import(ImportError),
}

impl SheetError {
    fn into_import(self, path: &Path, name: &str) -> ImportError {
        match self {
            SheetError::Calamine(e) => ImportError::Malformed {
                path: path.to_path_buf(),
                detail: format!("工作表“{name}”：{e}"),
            },
            SheetError::Import(e) => e,
        }
    }
}

impl From<calamine::XlsxError> for SheetError {
    fn from(e: calamine::XlsxError) -> Self {
        SheetError::Calamine(e)
    }
}

/// .xlsx：逐格流式读出文字（不先建 calamine 的 `Range` 再复制一遍），
/// 先看表里声明的范围，读的过程中也限制大小。
fn xlsx_grid(
    x: &mut Xlsx<Cursor<Arc<[u8]>>>,
    index: Option<&mut MergeIndex>,
    name: &str,
    opts: &ReadOptions,
) -> Result<Grid, SheetError> {
    let mut cells = Cells::default();
    match x.worksheet_cells_reader(name) {
        Ok(mut reader) => {
            check_dimensions(name, reader.dimensions(), opts).map_err(SheetError::Import)?;
            // 带公式的格一并读出公式原文（只有公式格多一次复制）：没有计算结果时用它。
            while let Some(cell) = reader.next_cell_with_formula()? {
                let (r, c) = cell.pos;
                match cell_ref_text(&cell.value) {
                    Ok(t) if t.is_empty() => match cell.formula.as_deref() {
                        Some(f) if !f.trim().is_empty() => cells.formula(r, c, f),
                        _ => continue,
                    },
                    Ok(t) => cells.put(r, c, t),
                    Err(e) => cells.error(r, c, e),
                }
                let (rows, cols) = cells.size();
                if rows.saturating_mul(cols) > opts.max_sheet_cells {
                    return Err(SheetError::Import(too_large(name, rows, cols, opts)));
                }
            }
        }
        // 图表工作表等不是普通工作表：当作空表。
        Err(calamine::XlsxError::NotAWorksheet(_)) => {
            return Ok(Grid::from_cells(name, cells, &[]))
        }
        Err(e) => return Err(e.into()),
    }
    let merges = match index.and_then(|i| i.merges(name)) {
        Some(m) => m,
        None => x.merge_cells_by_sheet_name(name)?,
    };
    Ok(Grid::from_cells(name, cells, &merges))
}

fn too_large(name: &str, rows: u64, cols: u64, opts: &ReadOptions) -> ImportError {
    ImportError::SheetTooLarge {
        sheet: name.to_string(),
        rows,
        cols,
        limit: opts.max_sheet_cells,
    }
}

fn check_dimensions(name: &str, d: Dimensions, opts: &ReadOptions) -> Result<(), ImportError> {
    let rows = u64::from(d.end.0) + 1;
    let cols = u64::from(d.end.1) + 1;
    if rows.saturating_mul(cols) > opts.max_sheet_cells {
        return Err(too_large(name, rows, cols, opts));
    }
    Ok(())
}
