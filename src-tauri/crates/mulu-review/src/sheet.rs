//! 一张表照原样供显示（审核工作台的表格视图）：全部表名，这张表每格的文字、合并区域（官方表格的
//! 两行表头靠它排出来）与认出的表头行。用 `mulu_import::read_sheet_view` 读，与导入、审核相同的上限；
//! 桌面程序在 `mulu worker sheet` 子进程里调用 [`read_sheet_grid`]（[`crate::isolate::sheet_isolated`]）。
//!
//! 给界面的量另有上限（界面是虚拟滚动，但几十 MB 的结果过一遍 IPC 也要几秒）：最多
//! [`MAX_ROWS`] 行、[`MAX_COLS`] 列，每格最多 [`MAX_CELL_CHARS`] 个字；超出的部分不给，并在结果里写明。

use std::path::Path;

use mulu_import::{ImportError, ReadOptions};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// 显示的行数上限（目录表通常几百到几千行）。
pub const MAX_ROWS: u32 = 50_000;
/// 显示的列数上限（官方表格 14～17 栏）。
pub const MAX_COLS: u32 = 100;
/// 每格显示的字数上限（多出的以“…”代替；审核规则看的是全文）。
pub const MAX_CELL_CHARS: usize = 2_000;

/// 一个合并区域：左上角（行、列从 0 起）与占的行数、列数。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SheetMerge {
    pub row: u32,
    pub col: u32,
    pub rows: u32,
    pub cols: u32,
}

/// 认出的目录表头：第一行（从 0 起）与行数（1 或 2）。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SheetHeader {
    pub row: u32,
    pub rows: u32,
}

/// 一张表照原样的文字。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SheetGrid {
    /// 工作簿的全部工作表（往返数据表除外），按顺序。
    pub sheets: Vec<String>,
    /// 这一张的表名。
    pub sheet: String,
    /// 给出的行数、列数（不超过 [`MAX_ROWS`]、[`MAX_COLS`]）。
    pub rows: u32,
    pub cols: u32,
    /// 原表的行数、列数（比 `rows`、`cols` 大时只给了前面的部分）。
    pub total_rows: u32,
    pub total_cols: u32,
    /// 每行各格的文字（合并区域只有左上角有字；行尾的空格省去）。
    pub cells: Vec<Vec<String>>,
    /// 合并区域（截到给出的范围之内）。
    pub merges: Vec<SheetMerge>,
    /// 认出的目录表头，从上到下。
    pub headers: Vec<SheetHeader>,
    /// 文字过长、只给了前 [`MAX_CELL_CHARS`] 个字的格数。
    pub cut_cells: u32,
}

/// `mulu worker sheet` 写到标准输出的结果：读出的表，或读不了的原因（中文句子）。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetRead {
    pub grid: Option<SheetGrid>,
    pub error: Option<String>,
}

/// 读一张表供显示（`sheet` 为空，或文件里没有这张表时：第一张认得出目录表头的表；结果里的
/// `sheet` 是实际读的表）。
pub fn read_sheet_grid(path: &Path, sheet: Option<&str>) -> SheetRead {
    let opts = ReadOptions::with_builtin_domains();
    let read = match mulu_import::read_sheet_view(path, &opts, sheet) {
        Err(ImportError::NoSheet { .. }) => mulu_import::read_sheet_view(path, &opts, None),
        other => other,
    };
    match read {
        Ok(v) => SheetRead {
            grid: Some(bounded(v)),
            error: None,
        },
        Err(e) => SheetRead {
            grid: None,
            error: Some(e.to_string()),
        },
    }
}

/// 读出的表 → 给界面的量（见模块说明的上限）。
fn bounded(v: mulu_import::SheetView) -> SheetGrid {
    let rows = v.height.min(MAX_ROWS);
    let cols = v.width.min(MAX_COLS);
    let mut cells: Vec<Vec<String>> = vec![Vec::new(); rows as usize];
    let mut cut_cells = 0;
    for (r, c, text) in v.cells {
        if r >= rows || c >= cols {
            continue;
        }
        let row = &mut cells[r as usize];
        if row.len() <= c as usize {
            row.resize(c as usize + 1, String::new());
        }
        row[c as usize] = match text.char_indices().nth(MAX_CELL_CHARS) {
            Some((at, _)) => {
                cut_cells += 1;
                format!("{}…", &text[..at])
            }
            None => text,
        };
    }
    let merges = v
        .merges
        .into_iter()
        .filter(|((r0, c0), _)| *r0 < rows && *c0 < cols)
        .map(|((r0, c0), (r1, c1))| SheetMerge {
            row: r0,
            col: c0,
            rows: r1.min(rows - 1) - r0 + 1,
            cols: c1.min(cols - 1) - c0 + 1,
        })
        .filter(|m| m.rows > 1 || m.cols > 1)
        .collect();
    SheetGrid {
        sheets: v.sheets,
        sheet: v.name,
        rows,
        cols,
        total_rows: v.height,
        total_cols: v.width,
        cells,
        merges,
        headers: v
            .headers
            .into_iter()
            .filter(|(r, _)| *r < rows)
            .map(|(row, n)| SheetHeader { row, rows: n })
            .collect(),
        cut_cells,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(height: u32, width: u32) -> mulu_import::SheetView {
        mulu_import::SheetView {
            sheets: vec!["表".into()],
            name: "表".into(),
            height,
            width,
            cells: Vec::new(),
            merges: Vec::new(),
            headers: Vec::new(),
        }
    }

    #[test]
    fn a_huge_sheet_is_cut_to_the_display_bounds_and_says_so() {
        let mut v = view(MAX_ROWS + 10, MAX_COLS + 5);
        v.cells = vec![
            (0, 0, "标题".into()),
            (MAX_ROWS + 1, 0, "看不到".into()),
            (1, MAX_COLS, "也看不到".into()),
            (2, 1, "长".repeat(MAX_CELL_CHARS + 1)),
        ];
        v.merges = vec![
            ((0, 0), (0, MAX_COLS + 4)),
            ((MAX_ROWS - 1, 0), (MAX_ROWS + 3, 0)),
            ((MAX_ROWS + 2, 0), (MAX_ROWS + 3, 0)),
        ];
        v.headers = vec![(1, 2), (MAX_ROWS + 2, 1)];
        let g = bounded(v);
        assert_eq!((g.rows, g.cols), (MAX_ROWS, MAX_COLS));
        assert_eq!((g.total_rows, g.total_cols), (MAX_ROWS + 10, MAX_COLS + 5));
        assert_eq!(g.cells.len(), MAX_ROWS as usize);
        assert_eq!(g.cells[0], vec!["标题".to_string()]);
        assert!(g.cells[1].is_empty(), "行尾的空格省去，界外的格不给");
        assert_eq!(g.cells[2][1].chars().count(), MAX_CELL_CHARS + 1);
        assert!(g.cells[2][1].ends_with('…'));
        assert_eq!(g.cut_cells, 1);
        assert_eq!(
            g.merges,
            vec![SheetMerge {
                row: 0,
                col: 0,
                rows: 1,
                cols: MAX_COLS
            }],
            "截到范围内后只剩一格的合并区域不给"
        );
        assert_eq!(g.headers, vec![SheetHeader { row: 1, rows: 2 }]);
    }
}
