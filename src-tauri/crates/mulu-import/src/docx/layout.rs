//! 把一个 Word 表格摆成网格：每格按它的起始网格列放，`w:gridSpan` 是横向合并，
//! `w:vMerge`（restart 开始、其余延续）是纵向合并，旧式的 `w:hMerge` 与 `gridSpan` 同义。
//! 合并区域交给 [`Grid::from_cells`]，与 Excel 的合并单元格一样把左上角的值填到每一格。
//!
//! 只按 Word 自己的标记合并：延续格上面没有同列同宽的开始格时，当作普通的格。
//! 延续格里本不该有文字；有时并入它延续的那一格，不丢。

use std::collections::{HashMap, HashSet};

use calamine::Dimensions;

use super::body::{Merge, RawCell, RawTable};
use crate::grid::Cells;

/// 格子上要提示的事：（行, 列, 说明）。
pub type Note = (u32, u32, String);

/// 摆好的表格：文字、合并区域、提示，以及合并后要填的文字总量（字节，调用方据此限制内存）。
pub struct Laid {
    pub cells: Cells,
    pub merges: Vec<Dimensions>,
    pub notes: Vec<Note>,
    pub filled_bytes: u64,
}

/// 一个纵向合并区域：起始行、列、宽，到哪一行，左上格的位置（行内第几格）。
struct Open {
    row: u32,
    col: u32,
    span: u32,
    last: u32,
    index: usize,
}

pub fn lay_out(table: RawTable) -> Laid {
    let mut rows: Vec<Vec<RawCell>> = table.rows.into_iter().map(join_hmerge).collect();
    // 并入上面开始格的延续格（行, 行内第几格）。
    let mut absorbed: HashSet<(usize, usize)> = HashSet::new();
    // 进行中的与已结束的纵向合并。
    let mut open: Vec<Open> = Vec::new();
    let mut vertical: HashMap<(u32, u32), u32> = HashMap::new();
    for r in 0..rows.len() {
        let r32 = r as u32;
        for i in 0..rows[r].len() {
            let (col, span, vmerge) = {
                let c = &rows[r][i];
                (c.col, c.span, c.vmerge)
            };
            if vmerge == Some(Merge::Continue) {
                if let Some(o) = open
                    .iter_mut()
                    .find(|o| o.col == col && o.span == span && o.last + 1 == r32)
                {
                    o.last = r32;
                    absorbed.insert((r, i));
                    let extra = std::mem::take(&mut rows[r][i].text);
                    if !extra.trim().is_empty() {
                        let top = &mut rows[o.row as usize][o.index].text;
                        if !top.is_empty() {
                            top.push('\n');
                        }
                        top.push_str(&extra);
                    }
                    continue;
                }
            }
            if vmerge == Some(Merge::Restart) {
                open.push(Open {
                    row: r32,
                    col,
                    span,
                    last: r32,
                    index: i,
                });
            }
        }
        // 这一行没有延续的合并到此为止。
        open.retain(|o| {
            if o.last < r32 {
                vertical.insert((o.row, o.col), o.last);
            }
            o.last == r32
        });
    }
    for o in open {
        vertical.insert((o.row, o.col), o.last);
    }

    let mut cells = Cells::default();
    let mut merges = Vec::new();
    let mut notes = Vec::new();
    let mut filled_bytes = 0u64;
    for (r, row) in rows.into_iter().enumerate() {
        let r32 = r as u32;
        // 每一行都占位（只有延续格的行也是表格的一行）。
        cells.put(r32, 0, String::new());
        for (i, c) in row.into_iter().enumerate() {
            if absorbed.contains(&(r, i)) {
                continue;
            }
            let last_col = c.col + c.span - 1;
            let last_row = vertical.get(&(r32, c.col)).copied().unwrap_or(r32);
            let area = u64::from(last_row - r32 + 1) * u64::from(c.span);
            if area > 1 {
                merges.push(Dimensions::new((r32, c.col), (last_row, last_col)));
            }
            filled_bytes = filled_bytes.saturating_add((c.text.len() as u64).saturating_mul(area));
            for (flag, message) in [
                (
                    c.nested,
                    "单元格里嵌有表格，其中的文字已按行并入这一格；请核对，最好把内层表格的内容直接写在这一格里。",
                ),
                (
                    c.unknown_symbols > 0,
                    "单元格里有认不出的符号（Word 的符号字体），已读作“�”；请改用 ■/□ 或 √。",
                ),
                (
                    c.truncated,
                    "单元格文字过长，只读了前面的部分（与 Excel 一格的上限相同）；请核对原文。",
                ),
            ] {
                if flag {
                    notes.push((r32, c.col, message.to_string()));
                }
            }
            // 合并的格右端也占位，网格的宽度才与表格一致。
            if last_col != c.col {
                cells.put(r32, last_col, String::new());
            }
            cells.put(r32, c.col, c.text);
        }
    }
    Laid {
        cells,
        merges,
        notes,
        filled_bytes,
    }
}

/// 旧式横向合并（`w:hMerge`）：延续格并入左边的开始格。
fn join_hmerge(row: Vec<RawCell>) -> Vec<RawCell> {
    let mut out: Vec<RawCell> = Vec::with_capacity(row.len());
    for c in row {
        if c.hmerge == Some(Merge::Continue) {
            if let Some(prev) = out
                .last_mut()
                .filter(|p| p.hmerge.is_some() && p.col + p.span == c.col)
            {
                prev.span += c.span;
                if !c.text.trim().is_empty() {
                    if !prev.text.is_empty() {
                        prev.text.push('\n');
                    }
                    prev.text.push_str(&c.text);
                }
                continue;
            }
        }
        out.push(c);
    }
    out
}
