//! 打开工作簿：先看大小与文件头；.xlsx 再看 zip 目录里声明的大小、共享字符串表声明的条数、
//! 工作表数与表名（`limits.rs`），都在上限之内才交给 calamine；逐表检查声明范围后再读，读的时候
//! 也限制单元格数、文字量与合并区域。

use std::io::Cursor;
use std::path::Path;
use std::sync::Arc;

use calamine::{Data, DataRef, Dimensions, Range, Reader, Sheets, Xls, Xlsx};

use crate::grid::{put_ref, Cells, Grid, GridError};
use crate::limits::{self, MAX_SHEETS, MAX_SHEET_NAME_CHARS, MAX_TEXT_BYTES};
use crate::merges::MergeIndex;
use crate::{ImportError, ReadOptions};

/// 打开的工作簿。.xlsx 另有一份合并区域的索引（见 [`crate::merges`]）。
pub struct Book {
    sheets: Sheets<Cursor<Arc<[u8]>>>,
    merges: Option<MergeIndex>,
    /// 还能读进来的文字（字节）：整份文件合计不超过 [`MAX_TEXT_BYTES`]。
    text_budget: u64,
}

impl Book {
    pub fn sheet_names(&self) -> Vec<String> {
        self.sheets.sheet_names()
    }

    /// 工作表数与表名长度在上限之内（.xls 也查；.xlsx 在打开前已查过）。
    fn check_names(&self, path: &Path) -> Result<(), ImportError> {
        let names = self.sheets.sheet_names();
        check_sheet_names(path, names.len(), names.iter().map(String::as_str))
    }
}

fn limit(path: &Path, detail: String) -> ImportError {
    ImportError::LimitExceeded {
        path: path.to_path_buf(),
        detail,
    }
}

fn check_sheet_names<'a>(
    path: &Path,
    count: usize,
    names: impl Iterator<Item = &'a str>,
) -> Result<(), ImportError> {
    if count > MAX_SHEETS {
        return Err(limit(
            path,
            format!("有 {count} 张工作表，超过 {MAX_SHEETS} 张的上限"),
        ));
    }
    for name in names {
        if limits::cut(name, MAX_SHEET_NAME_CHARS).is_some() {
            let head: String = name.chars().take(10).collect();
            return Err(limit(
                path,
                format!(
                    "有一张工作表的名称（“{head}…”）长 {} 个字，超过 Excel 允许的 {MAX_SHEET_NAME_CHARS} 个字",
                    name.chars().count()
                ),
            ));
        }
    }
    Ok(())
}

/// 交给 calamine 之前看 .xlsx 的 zip：部件解压后的大小（声明的；zip 库读取时按声明的大小截止）、
/// 工作表数与表名长度、共享字符串表声明的条数（calamine 按 `uniqueCount` 预留内存，
/// 见 docs/upstream/calamine-unique-count.md）。
fn precheck_xlsx(path: &Path, bytes: &Arc<[u8]>, opts: &ReadOptions) -> Result<(), ImportError> {
    let malformed = |detail: String| ImportError::Malformed {
        path: path.to_path_buf(),
        detail,
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes.clone()))
        .map_err(|e| malformed(format!("zip 结构有误（{e}）")))?;
    limits::check_zip(&zip).map_err(|d| limit(path, d))?;
    // 工作表数与表名：`xl/workbook.xml` 的 `<sheet name=…>`（不认得的结构交给 calamine 报错）。
    if let Some(xml) = zip
        .by_name("xl/workbook.xml")
        .ok()
        .and_then(|f| limits::read_limited(f, limits::MAX_ENTRY_BYTES))
    {
        let names = crate::merges::sheet_names(&xml);
        check_sheet_names(path, names.len(), names.iter().map(String::as_str))?;
    }
    // 共享字符串表：只读开头，看 `<sst uniqueCount=… count=…>`。
    let sst = zip
        .file_names_raw()
        .position(|n| n.eq_ignore_ascii_case(b"xl/sharedStrings.xml"));
    if let Some(i) = sst {
        if let Ok(f) = zip.by_index(i) {
            if let Some(n) = crate::merges::sst_unique_count(f) {
                if n > opts.max_sheet_cells {
                    return Err(limit(
                        path,
                        format!(
                            "的共享字符串表声明有 {n} 条，超过 {} 条的上限",
                            opts.max_sheet_cells
                        ),
                    ));
                }
            }
        }
    }
    Ok(())
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
pub fn open_bytes(path: &Path, bytes: Vec<u8>, opts: &ReadOptions) -> Result<Book, ImportError> {
    let malformed = |detail: String| ImportError::Malformed {
        path: path.to_path_buf(),
        detail,
    };
    if bytes.starts_with(b"PK\x03\x04") {
        let bytes: Arc<[u8]> = bytes.into();
        precheck_xlsx(path, &bytes, opts)?;
        let x: Xlsx<_> =
            Xlsx::new(Cursor::new(bytes.clone())).map_err(|e| malformed(e.to_string()))?;
        Ok(Book {
            sheets: Sheets::Xlsx(x),
            merges: MergeIndex::new(bytes),
            text_budget: MAX_TEXT_BYTES,
        })
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        if contains_utf16(&bytes, "EncryptedPackage") {
            return Err(ImportError::Encrypted {
                path: path.to_path_buf(),
            });
        }
        match Xls::new(Cursor::new(bytes.into())) {
            Ok(x) => {
                let book = Book {
                    sheets: Sheets::Xls(x),
                    merges: None,
                    text_budget: MAX_TEXT_BYTES,
                };
                book.check_names(path)?;
                Ok(book)
            }
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
            return xlsx_grid(x, book.merges.as_mut(), name, opts, &mut book.text_budget)
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
        check_dimensions(path, name, Dimensions::new((0, 0), end), opts)?;
    }
    let grid = Grid::new(name, &range, &merges, &mut book.text_budget)
        .map_err(|e| grid_error(path, name, &e))?;
    let own: u64 = grid.own_cells().map(|(_, _, t)| t.len() as u64).sum();
    book.text_budget = book
        .text_budget
        .checked_sub(own)
        .ok_or_else(|| grid_error(path, name, &GridError::Text(MAX_TEXT_BYTES)))?;
    Ok(grid)
}

fn grid_error(path: &Path, name: &str, e: &GridError) -> ImportError {
    limit(path, format!("的工作表“{name}”{}", e.detail()))
}

/// 读 .xlsx 的一张表时可能出的错。
enum SheetError {
    Calamine(calamine::XlsxError),
    Import(ImportError),
    Grid(GridError),
}

impl SheetError {
    fn into_import(self, path: &Path, name: &str) -> ImportError {
        match self {
            SheetError::Calamine(e) => ImportError::Malformed {
                path: path.to_path_buf(),
                detail: format!("工作表“{name}”：{e}"),
            },
            SheetError::Import(ImportError::SheetTooLarge {
                sheet,
                rows,
                cols,
                limit,
                ..
            }) => ImportError::SheetTooLarge {
                path: path.to_path_buf(),
                sheet,
                rows,
                cols,
                limit,
            },
            SheetError::Import(e) => e,
            SheetError::Grid(e) => grid_error(path, name, &e),
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
    text_budget: &mut u64,
) -> Result<Grid, SheetError> {
    let mut cells = Cells::default();
    match x.worksheet_cells_reader(name) {
        Ok(mut reader) => {
            check_dimensions(Path::new(""), name, reader.dimensions(), opts)
                .map_err(SheetError::Import)?;
            // 读出的每个 `<c>` 都算（空格也算）：几 MB 的文件里可以有上亿个空格。
            let mut seen = 0u64;
            // 带公式的格一并读出公式原文（只有公式格多一次复制）：没有计算结果时用它。
            while let Some(cell) = reader.next_cell_with_formula()? {
                seen += 1;
                if seen > opts.max_sheet_cells {
                    return Err(SheetError::Grid(GridError::Cells(opts.max_sheet_cells)));
                }
                let (r, c) = cell.pos;
                // The size this cell would make the grid, checked before anything is allocated: a cell
                // reference such as A1200000000 must not reserve gigabytes (found by the mutation fuzzer).
                let (rows, cols) = cells.size();
                let (rows, cols) = (rows.max(u64::from(r) + 1), cols.max(u64::from(c) + 1));
                if rows.saturating_mul(cols) > opts.max_sheet_cells {
                    return Err(SheetError::Import(too_large(name, rows, cols, opts)));
                }
                let no_value = match &cell.value {
                    DataRef::Empty => true,
                    DataRef::String(t) => t.is_empty(),
                    DataRef::SharedString(t) => t.is_empty(),
                    _ => false,
                };
                match cell.formula.as_deref() {
                    Some(f) if no_value && !f.trim().is_empty() => cells.formula(r, c, f),
                    _ => put_ref(&mut cells, r, c, &cell.value),
                }
                let (rows, cols) = cells.size();
                if rows.saturating_mul(cols) > opts.max_sheet_cells {
                    return Err(SheetError::Import(too_large(name, rows, cols, opts)));
                }
                if cells.text_bytes() > *text_budget {
                    return Err(SheetError::Grid(GridError::Text(MAX_TEXT_BYTES)));
                }
            }
        }
        // 图表工作表等不是普通工作表：当作空表。
        Err(calamine::XlsxError::NotAWorksheet(_)) => {
            return Grid::from_cells(name, cells, &[], 0, text_budget).map_err(SheetError::Grid)
        }
        Err(e) => return Err(e.into()),
    }
    *text_budget -= cells.text_bytes();
    let merges = match index.and_then(|i| i.merges(name)) {
        Some(m) => m,
        None => x.merge_cells_by_sheet_name(name)?,
    };
    Grid::from_cells(name, cells, &merges, opts.max_sheet_cells, text_budget)
        .map_err(SheetError::Grid)
}

fn too_large(name: &str, rows: u64, cols: u64, opts: &ReadOptions) -> ImportError {
    ImportError::SheetTooLarge {
        path: Default::default(),
        sheet: name.to_string(),
        rows,
        cols,
        limit: opts.max_sheet_cells,
    }
}

fn check_dimensions(
    path: &Path,
    name: &str,
    d: Dimensions,
    opts: &ReadOptions,
) -> Result<(), ImportError> {
    let rows = u64::from(d.end.0) + 1;
    let cols = u64::from(d.end.1) + 1;
    if rows.saturating_mul(cols) > opts.max_sheet_cells {
        let mut e = too_large(name, rows, cols, opts);
        if let ImportError::SheetTooLarge { path: p, .. } = &mut e {
            *p = path.to_path_buf();
        }
        return Err(e);
    }
    Ok(())
}
