//! 一个领域的表：标题、两行表头、数据行、打印设置。

use rust_xlsxwriter::{Workbook, Worksheet};

use super::styles::Styles;
use crate::layout::{self, DomainRows, GROUP_HEADERS, SINGLE_HEADERS, WIDTHS};
use crate::{ExportError, ExportOptions};

/// 第一条数据所在行（从 0 起）：标题一行、表头两行。
pub const FIRST_DATA_ROW: u32 = 3;

/// 写一张领域表，返回每个事项的编号及其所在行（从 1 起，即 Excel 行号）。
pub fn write(
    wb: &mut Workbook,
    st: &Styles,
    sheet: &str,
    unit: &str,
    d: &DomainRows,
    opts: &ExportOptions,
) -> Result<Vec<(i64, u32)>, ExportError> {
    let header = layout::header(opts);
    let last_col = header.ncols - 1;
    let ws: &mut Worksheet = wb.add_worksheet();
    ws.set_name(sheet)?;

    let title = layout::title(unit, d.domain);
    ws.merge_range(
        0,
        0,
        0,
        last_col,
        crate::text::clean(&title).as_ref(),
        &st.title,
    )?;
    ws.set_row_height(0, 36)?;
    for (col, text) in SINGLE_HEADERS {
        ws.merge_range(1, col, 2, col, text, &st.header)?;
    }
    for (col, text) in GROUP_HEADERS {
        if col < last_col {
            ws.merge_range(1, col, 1, col + 1, text, &st.header)?;
        }
    }
    ws.write_string_with_format(2, 1, "一级事项", &st.header)?;
    ws.write_string_with_format(2, 2, "二级事项", &st.header)?;
    for (i, s) in header.sub.iter().enumerate() {
        ws.write_string_with_format(2, 8 + i as u16, s, &st.header)?;
    }
    ws.set_row_height(1, 22)?;
    ws.set_row_height(2, 22)?;
    for (col, w) in WIDTHS.iter().enumerate().take(header.ncols as usize) {
        ws.set_column_width(col as u16, *w)?;
    }

    let mut placed = Vec::with_capacity(d.items.len());
    for (i, item) in d.items.iter().enumerate() {
        let row = FIRST_DATA_ROW + i as u32;
        let text = layout::row_text(item, i + 1, opts)?;
        for (col, value) in text.cols.iter().enumerate() {
            let fmt = if col == 0 || col >= 8 {
                &st.center
            } else {
                &st.text
            };
            // write_string：以 = + - @ 开头的文字也只当文字，绝不成为公式。
            ws.write_string_with_format(row, col as u16, value.as_ref(), fmt)?;
        }
        let height = layout::row_height(text.cols.iter().map(|c| c.as_ref()).zip(WIDTHS));
        ws.set_row_height(row, height)?;
        placed.push((item.id, row + 1));
    }
    // 一级事项纵向合并（两行及以上）。合并区域的值取首行。
    for (start, len) in layout::l1_runs(&d.items) {
        if len > 1 {
            let first = FIRST_DATA_ROW + start as u32;
            let value = crate::text::clean(&d.items[start].fields.l1);
            ws.merge_range(first, 1, first + len as u32 - 1, 1, &value, &st.text)?;
        }
    }

    // 冻结表头；A3 横向、每页重复表头、宽度缩到一页、页脚页码。
    ws.set_freeze_panes(FIRST_DATA_ROW, 0)?;
    ws.set_paper_size(8);
    ws.set_landscape();
    ws.set_repeat_rows(1, 2)?;
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_center_horizontally(true);
    ws.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
    ws.set_footer("&C第 &P 页，共 &N 页");
    Ok(placed)
}
