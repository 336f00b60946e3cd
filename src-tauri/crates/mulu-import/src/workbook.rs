//! 打开工作簿：先看大小与文件头，再交给 calamine；逐表检查声明范围后再整表读取。

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Dimensions, Range, Reader, Sheets, Xls, Xlsx};

use crate::grid::Grid;
use crate::{ImportError, ReadOptions};

type Book = Sheets<Cursor<Vec<u8>>>;

/// 读入文件并打开。太大的文件在读入前就拒绝。
pub fn open(path: &Path, opts: &ReadOptions) -> Result<Book, ImportError> {
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
    let bytes = std::fs::read(path).map_err(io)?;
    open_bytes(path, bytes)
}

/// 按文件头选读取器：`PK` 是 .xlsx（zip），`D0 CF 11 E0` 是 OLE 复合文档（.xls，或加密的 .xlsx）。
pub fn open_bytes(path: &Path, bytes: Vec<u8>) -> Result<Book, ImportError> {
    let malformed = |detail: String| ImportError::Malformed {
        path: path.to_path_buf(),
        detail,
    };
    if bytes.starts_with(b"PK\x03\x04") {
        let x: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| malformed(e.to_string()))?;
        Ok(Sheets::Xlsx(x))
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        if contains_utf16(&bytes, "EncryptedPackage") {
            return Err(ImportError::Encrypted {
                path: path.to_path_buf(),
            });
        }
        match Xls::new(Cursor::new(bytes)) {
            Ok(x) => Ok(Sheets::Xls(x)),
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

fn contains_utf16(bytes: &[u8], needle: &str) -> bool {
    let n: Vec<u8> = needle.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(n.len()).any(|w| w == n.as_slice())
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
    let (range, merges): (Range<Data>, Vec<Dimensions>) = match book {
        Sheets::Xlsx(x) => {
            let declared = x
                .worksheet_cells_reader(name)
                .map(|r| r.dimensions())
                .map_err(|e| malformed(e.to_string()))?;
            check_dimensions(name, declared, opts)?;
            let range = x
                .worksheet_range(name)
                .map_err(|e| malformed(e.to_string()))?;
            let merges = x
                .merge_cells_by_sheet_name(name)
                .map_err(|e| malformed(e.to_string()))?;
            (range, merges)
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

fn check_dimensions(name: &str, d: Dimensions, opts: &ReadOptions) -> Result<(), ImportError> {
    let rows = u64::from(d.end.0) + 1;
    let cols = u64::from(d.end.1) + 1;
    if rows.saturating_mul(cols) > opts.max_sheet_cells {
        return Err(ImportError::SheetTooLarge {
            sheet: name.to_string(),
            rows,
            cols,
            limit: opts.max_sheet_cells,
        });
    }
    Ok(())
}
