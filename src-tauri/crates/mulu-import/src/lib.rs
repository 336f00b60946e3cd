//! 目录导入：读取各地实际报送的 Excel 工作簿（.xlsx 与旧式 .xls）与 Word 文档（.docx，见 `docx`
//! 模块：每个表格按一张表读），得到**预览**——
//! 每张表读出的事项，以及每个认不准之处的提示（工作表、单元格、严重程度、原文）。
//! 预览不写数据库；确认后用 [`plan`] 比对、[`commit`] 在一个事务里写入。
//!
//! ```no_run
//! use mulu_import::{read_workbook, ReadOptions};
//!
//! let preview = read_workbook("某某镇政务公开标准目录.xlsx".as_ref(), &ReadOptions::with_builtin_domains())?;
//! for sheet in &preview.sheets {
//!     println!("{}：{:?}，{} 项", sheet.sheet, sheet.domain, sheet.items.len());
//!     for d in &sheet.diagnostics {
//!         println!("  {}!{} {} {}", d.sheet, d.cell.as_deref().unwrap_or(""), d.severity, d.message);
//!     }
//! }
//! # Ok::<(), mulu_import::ImportError>(())
//! ```

mod clean;
mod commit;
mod docx;
mod domain;
mod error;
mod grid;
mod guideline;
mod header;
mod limits;
pub mod listing;
mod marks;
mod merges;
mod normalize;
mod options;
mod paste;
mod roundtrip;
mod table;
mod units;
mod workbook;

pub use commit::{
    commit, plan, to_export, Change, CommitOutcome, MergePlan, NewCatalogInfo, Target,
};
pub use error::ImportError;
pub use guideline::{read_guideline, read_guideline_bytes};
pub use options::{KnownDomain, ReadOptions};
pub use paste::{read_pasted, split_tsv};
pub use units::read_unit_list;

use std::path::Path;

use mulu_core::model::{Diagnostic, DiagnosticCode, ImportPreview, PreviewSheet, Severity};

/// 读一个工作簿，得到导入预览。文件读不了（不是工作簿、加密、损坏、空、没有目录表格）时返回错误。
pub fn read_workbook(path: &Path, opts: &ReadOptions) -> Result<ImportPreview, ImportError> {
    let tables = read_tables(path, opts, table::Keep::Items)?;
    Ok(into_preview(path.display().to_string(), tables))
}

/// 从内存中的字节读工作簿（拖放、网络收到的文件，以及模糊测试）。`name` 只用于提示（也用它的扩展名
/// 区分 .docx 与 .doc/.pdf 等）。
pub fn read_workbook_bytes(
    name: &str,
    bytes: Vec<u8>,
    opts: &ReadOptions,
) -> Result<ImportPreview, ImportError> {
    let tables = read_tables_in_memory(Path::new(name), bytes, opts, table::Keep::Items)?;
    Ok(into_preview(name.to_string(), tables))
}

/// 一张表照原样的文字与合并区域（批注工作簿重写原表用）。
pub struct SheetCells {
    pub name: String,
    /// 有文字的格（合并区域只有左上角）：（行，列，文字），行列从 0 起。
    pub cells: Vec<(u32, u32, String)>,
    /// 合并区域（截到有文字的范围之内）：（左上角，右下角）。
    pub merges: Vec<((u32, u32), (u32, u32))>,
}

/// 照原样读出工作簿各表的文字与合并区域（往返数据表 `_mulu` 除外），与导入相同的上限与读法。
/// 只读 Excel 工作簿；Word 文档等给出错误。
pub fn read_sheet_cells(path: &Path, opts: &ReadOptions) -> Result<Vec<SheetCells>, ImportError> {
    guarded(path, || {
        let mut book = open_excel(path, opts)?;
        let mut out = Vec::new();
        for name in book.sheet_names() {
            if name == roundtrip::SHEET {
                continue;
            }
            let grid = workbook::sheet_grid(&mut book, path, &name, opts)?;
            out.push(SheetCells {
                cells: grid
                    .own_cells()
                    .map(|(r, c, t)| (r, c, t.to_string()))
                    .collect(),
                merges: grid.merges(),
                name,
            });
        }
        Ok(out)
    })
}

/// 一张表供显示（审核工作台的表格视图）：工作簿的全部表名，这张表照原样的文字、合并区域与表头所在的行。
#[derive(Debug, Clone)]
pub struct SheetView {
    /// 全部工作表（往返数据表 `_mulu` 除外），按工作簿里的顺序。
    pub sheets: Vec<String>,
    pub name: String,
    /// 行数、列数（到最后一个有内容或合并的格）。
    pub height: u32,
    pub width: u32,
    /// 有文字的格（合并区域只有左上角）：（行，列，文字），行列从 0 起，按行列顺序。
    pub cells: Vec<(u32, u32, String)>,
    /// 合并区域：（左上角，右下角）。
    pub merges: Vec<((u32, u32), (u32, u32))>,
    /// 认出的目录表头：（第一行，行数——1 或 2）。
    pub headers: Vec<(u32, u32)>,
}

/// 读一张表供显示，与导入相同的上限与读法（见 [`read_sheet_cells`]）。`sheet` 为空时取第一张认得出
/// 目录表头的表（都认不出时取第一张表）；给出的表名不在工作簿里时报错。只读 Excel 工作簿。
pub fn read_sheet_view(
    path: &Path,
    opts: &ReadOptions,
    sheet: Option<&str>,
) -> Result<SheetView, ImportError> {
    guarded(path, || {
        let mut book = open_excel(path, opts)?;
        let sheets: Vec<String> = book
            .sheet_names()
            .into_iter()
            .filter(|n| n != roundtrip::SHEET)
            .collect();
        let view = |grid: grid::Grid, headers: Vec<(u32, u32)>| SheetView {
            sheets: sheets.clone(),
            name: grid.name.clone(),
            height: grid.height(),
            width: grid.width(),
            cells: grid
                .own_cells()
                .map(|(r, c, t)| (r, c, t.to_string()))
                .collect(),
            merges: grid.merges(),
            headers,
        };
        if let Some(name) = sheet {
            if !sheets.iter().any(|n| n == name) {
                return Err(ImportError::NoSheet {
                    path: path.to_path_buf(),
                    sheet: name.to_string(),
                    sheets: sheets.join("、"),
                });
            }
            let grid = workbook::sheet_grid(&mut book, path, name, opts)?;
            let headers = header_rows(&grid);
            return Ok(view(grid, headers));
        }
        let mut first = None;
        for name in &sheets {
            let grid = workbook::sheet_grid(&mut book, path, name, opts)?;
            let headers = header_rows(&grid);
            if !headers.is_empty() {
                return Ok(view(grid, headers));
            }
            if first.is_none() {
                first = Some(grid);
            }
        }
        match first {
            Some(grid) => Ok(view(grid, Vec::new())),
            None => Err(ImportError::Empty {
                path: path.to_path_buf(),
            }),
        }
    })
}

/// 一张表里各目录表头所在的行：（第一行，行数）。从上往下找，每个表头之后接着找下一个（只扫一遍）。
fn header_rows(grid: &grid::Grid) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(h) = header::find(grid, from) {
        out.push((h.first_row, h.rows));
        from = h.data_start();
    }
    out
}

/// 打开 Excel 工作簿（与导入相同的上限）；Word 文档等给出错误。
fn open_excel(path: &Path, opts: &ReadOptions) -> Result<workbook::Book, ImportError> {
    let bytes = workbook::read_file(path, opts)?;
    match docx::sniff(path, &bytes) {
        docx::Format::Workbook => workbook::open_bytes(path, bytes, opts),
        docx::Format::Docx => Err(ImportError::NotAWorkbook {
            path: path.to_path_buf(),
        }),
        docx::Format::Unsupported(kind) => Err(ImportError::Unsupported {
            path: path.to_path_buf(),
            kind,
        }),
    }
}

fn into_preview(file: String, tables: Tables) -> ImportPreview {
    let mut preview = ImportPreview {
        file,
        sheets: Vec::new(),
        origin: tables.origin,
        unit_hint: tables.unit_hint,
    };
    for t in tables.tables {
        preview.sheets.push(PreviewSheet {
            sheet: t.sheet,
            domain: t.domain,
            items: t.rows.into_iter().map(|r| r.item).collect(),
            diagnostics: t.diagnostics,
        });
    }
    preview
}

/// 读出的全部表格（导入目录与导入指引共用）。
pub(crate) struct Tables {
    pub tables: Vec<table::ParsedTable>,
    pub origin: Option<mulu_core::model::PreviewOrigin>,
    pub unit_hint: Option<String>,
}

pub(crate) fn read_tables(
    path: &Path,
    opts: &ReadOptions,
    keep: table::Keep,
) -> Result<Tables, ImportError> {
    guarded(path, || {
        let bytes = workbook::read_file(path, opts)?;
        read_tables_bytes(path, bytes, opts, keep)
    })
}

/// 同 [`read_tables`]，读已在内存中的字节（先查大小上限）。
pub(crate) fn read_tables_in_memory(
    path: &Path,
    bytes: Vec<u8>,
    opts: &ReadOptions,
    keep: table::Keep,
) -> Result<Tables, ImportError> {
    if bytes.len() as u64 > opts.max_file_bytes {
        return Err(ImportError::TooLarge {
            path: path.to_path_buf(),
            size_mb: bytes.len() as f64 / 1_048_576.0,
            limit_mb: opts.max_file_bytes as f64 / 1_048_576.0,
        });
    }
    guarded(path, || read_tables_bytes(path, bytes, opts, keep))
}

/// 读取器对畸形文件偶有 panic（calamine）：兜住，当作文件损坏报告，不让程序崩溃。
fn guarded<T>(
    path: &Path,
    read: impl FnOnce() -> Result<T, ImportError>,
) -> Result<T, ImportError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)).unwrap_or_else(|_| {
        Err(ImportError::Malformed {
            path: path.to_path_buf(),
            detail: "文件结构异常，读取器无法解析".into(),
        })
    })
}

/// 按文件头（与扩展名）选读法：Excel 工作簿、Word 文档，或告诉用户先另存。
fn read_tables_bytes(
    path: &Path,
    bytes: Vec<u8>,
    opts: &ReadOptions,
    keep: table::Keep,
) -> Result<Tables, ImportError> {
    match docx::sniff(path, &bytes) {
        docx::Format::Docx => docx::read_tables(path, bytes, opts, keep),
        docx::Format::Unsupported(kind) => Err(ImportError::Unsupported {
            path: path.to_path_buf(),
            kind,
        }),
        docx::Format::Workbook => {
            let mut book = workbook::open_bytes(path, bytes, opts)?;
            read_tables_from(&mut book, path, opts, keep)
        }
    }
}

/// 一张工作表的解析结果：（表名，是否有内容，表格）。
pub(crate) type ParsedSheet = (String, bool, Vec<table::ParsedTable>);
/// 线程池写回结果的位置（按工作表顺序）。
type Slot = std::sync::Mutex<Option<(bool, Vec<table::ParsedTable>)>>;

/// 逐张读出表格（calamine 只能一张一张地读），每读完一张就交给线程池去解析，
/// 读下一张与解析上一张同时进行。结果按工作表顺序返回：（表名，是否有内容，表格）。
fn parse_sheets(
    book: &mut workbook::Book,
    path: &Path,
    names: &[String],
    opts: &ReadOptions,
    keep: table::Keep,
) -> Result<Vec<ParsedSheet>, ImportError> {
    let names: Vec<&String> = names
        .iter()
        .filter(|n| n.as_str() != roundtrip::SHEET)
        .collect();
    let slots: Vec<Slot> = names.iter().map(|_| std::sync::Mutex::new(None)).collect();
    rayon::scope(|s| -> Result<(), ImportError> {
        for (name, slot) in names.iter().zip(&slots) {
            let grid = workbook::sheet_grid(book, path, name, opts)?;
            s.spawn(move |_| {
                let has_content = (0..grid.height()).any(|r| !grid.is_blank_row(r));
                let mut found = table::parse_sheet(&grid, opts, keep);
                attach_cut(&mut found, &grid);
                *slot.lock().unwrap_or_else(|p| p.into_inner()) = Some((has_content, found));
            });
        }
        Ok(())
    })?;
    Ok(names
        .into_iter()
        .zip(slots)
        .filter_map(|(name, slot)| {
            let (has_content, found) = slot.into_inner().unwrap_or_else(|p| p.into_inner())?;
            Some((name.clone(), has_content, found))
        })
        .collect())
}

/// 过长文字的“错误”提示放进那一格所在的表格（表头在它之前的最后一个；都在它之后时放第一个）。
/// 没有目录表格的表不提示（那张表不导入）。
pub(crate) fn attach_cut(found: &mut [table::ParsedTable], grid: &grid::Grid) {
    if found.is_empty() {
        return;
    }
    for (d, (r, _, _)) in grid.cut_diagnostics().into_iter().zip(&grid.cut) {
        let i = found
            .iter()
            .rposition(|t| t.rows.first().is_some_and(|row| row.item.row <= r + 1))
            .unwrap_or(0);
        found[i].diagnostics.push(d);
    }
}

fn read_tables_from(
    book: &mut workbook::Book,
    path: &Path,
    opts: &ReadOptions,
    keep: table::Keep,
) -> Result<Tables, ImportError> {
    let names = book.sheet_names();
    let mut rt = None;
    if names.iter().any(|n| n == roundtrip::SHEET) {
        let g = workbook::sheet_grid(book, path, roundtrip::SHEET, opts)?;
        rt = roundtrip::read(&g);
    }
    let parsed = parse_sheets(book, path, &names, opts, keep)?;
    assemble(path, &names, rt, parsed)
}

/// 各表的解析结果 → 全部表格：往返数据并回事项，没有目录表格的表留一条提示排在后面；
/// 整份文件没有内容、没有目录表格时报错。`names` 是全部表名（用于提示）。
pub(crate) fn assemble(
    path: &Path,
    names: &[String],
    rt: Option<roundtrip::RoundTrip>,
    parsed: Vec<ParsedSheet>,
) -> Result<Tables, ImportError> {
    let mut tables = Vec::new();
    let mut skipped: Vec<PreviewSheet> = Vec::new();
    let mut any_content = false;
    for (name, has_content, mut found) in parsed {
        any_content |= has_content;
        if found.is_empty() {
            if has_content && rt.is_none() {
                skipped.push(PreviewSheet {
                    sheet: name.clone(),
                    domain: None,
                    items: Vec::new(),
                    diagnostics: vec![Diagnostic {
                        sheet: name.clone(),
                        cell: None,
                        severity: Severity::Info,
                        code: DiagnosticCode::NoTable,
                        message: "这张表里没有目录表格（封面、说明页等），已跳过。".into(),
                        raw: None,
                    }],
                });
            }
            continue;
        }
        if let Some(rt) = &rt {
            for t in &mut found {
                for row in &mut t.rows {
                    if let Some(stored) = rt.items.get(&(row.item.sheet.clone(), row.item.row)) {
                        let kept = roundtrip::merge(&mut row.item, stored, &t.present);
                        // 取了导出时原值的格，读入时的规整提示撤回（文字其实没有变）。
                        let cells: Vec<&String> =
                            kept.iter().filter_map(|f| row.item.cells.get(f)).collect();
                        t.diagnostics.retain(|d| {
                            !(d.code == DiagnosticCode::Tidied
                                && d.cell.as_ref().is_some_and(|c| cells.contains(&c)))
                        });
                        // 指引库里没有的领域（用户自建）也从往返数据认出。
                        if t.domain.is_none() {
                            t.domain = Some(stored.fields.domain.clone());
                        }
                    }
                }
                if t.domain.is_some() {
                    t.diagnostics
                        .retain(|d| d.code != DiagnosticCode::UnknownDomain);
                }
            }
        }
        tables.extend(found);
    }
    if !any_content {
        return Err(ImportError::Empty {
            path: path.to_path_buf(),
        });
    }
    if tables.is_empty() {
        return Err(ImportError::NoTable {
            path: path.to_path_buf(),
            sheets: names.join("、"),
        });
    }
    let unit_hint = tables.iter().find_map(|t| t.unit_hint.clone());
    let origin = rt.and_then(|r| r.origin);
    // 跳过的表排在后面，提示仍然给出。
    let mut out = Tables {
        tables,
        origin,
        unit_hint,
    };
    for s in skipped {
        out.tables.push(table::ParsedTable {
            sheet: s.sheet,
            domain: None,
            unit_hint: None,
            rows: Vec::new(),
            diagnostics: s.diagnostics,
            present: Vec::new(),
            legend: None,
        });
    }
    Ok(out)
}
