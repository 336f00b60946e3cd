//! 往返数据表 `_mulu`（隐藏、保护）：每个可见行对应的完整事项 JSON，以及单位、目录、
//! 不予公开事项与不涉及标记。导入本程序导出的工作簿时据此恢复编号、来源与顺序。
//!
//! 版式（哪一格写什么）定义在 [`mulu_core::roundtrip`]，导入按同一份定义读回。

use mulu_core::model::{CatalogExport, PreviewOrigin};
use mulu_core::roundtrip as layout;
use rust_xlsxwriter::Workbook;

use crate::text::MAX_CELL_CHARS;
use crate::ExportError;

/// 往返数据表的名称。
pub const ROUNDTRIP_SHEET: &str = layout::SHEET;

pub fn write(
    wb: &mut Workbook,
    export: &CatalogExport,
    placed: &[(String, u32, i64)],
) -> Result<(), ExportError> {
    let ws = wb.add_worksheet();
    ws.set_name(ROUNDTRIP_SHEET)?;
    let (r0, c0) = layout::MAGIC_CELL;
    ws.write_string(r0, c0, layout::MAGIC)?;
    ws.write_number(r0, c0 + 1, layout::VERSION)?;
    ws.write_string(
        layout::ORIGIN_ROW,
        layout::ORIGIN_COL - 1,
        layout::ORIGIN_LABEL,
    )?;
    let origin = PreviewOrigin {
        unit: export.unit.clone(),
        catalog: export.catalog.clone(),
        withheld: export.withheld.clone(),
        not_applicable: export.not_applicable.clone(),
    };
    write_chunked(
        ws,
        layout::ORIGIN_ROW,
        layout::ORIGIN_COL,
        &to_json(&origin)?,
    )?;
    for (c, h) in (0..).zip(layout::HEADERS) {
        ws.write_string(layout::HEADER_ROW, c, h)?;
    }
    let by_id: std::collections::HashMap<i64, &mulu_core::model::Item> =
        export.items.iter().map(|i| (i.id, i)).collect();
    let mut r = layout::FIRST_ITEM_ROW;
    for (sheet, row, id) in placed {
        let Some(item) = by_id.get(id) else { continue };
        ws.write_string(r, layout::SHEET_COL, sheet)?;
        ws.write_number(r, layout::ROW_COL, *row)?;
        write_chunked(ws, r, layout::ITEM_COL, &to_json(item)?)?;
        r += 1;
    }
    ws.set_very_hidden(true);
    ws.protect();
    Ok(())
}

fn to_json<T: serde::Serialize>(v: &T) -> Result<String, ExportError> {
    serde_json::to_string(v).map_err(|e| ExportError::Json {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })
}

/// 把长文本按单元格上限切开，依次写在同一行的相邻列。
fn write_chunked(
    ws: &mut rust_xlsxwriter::Worksheet,
    row: u32,
    col: u16,
    text: &str,
) -> Result<(), ExportError> {
    // UTF-16 长度不超过 UTF-8 字节数：短文本不必逐字计数。
    if text.len() <= MAX_CELL_CHARS || text.encode_utf16().count() <= MAX_CELL_CHARS {
        ws.write_string(row, col, text)?;
        return Ok(());
    }
    let mut c = col;
    let mut chunk = String::new();
    let mut units = 0;
    for ch in text.chars() {
        if units + ch.len_utf16() > MAX_CELL_CHARS {
            ws.write_string(row, c, &chunk)?;
            c += 1;
            chunk.clear();
            units = 0;
        }
        chunk.push(ch);
        units += ch.len_utf16();
    }
    ws.write_string(row, c, &chunk)?;
    Ok(())
}
