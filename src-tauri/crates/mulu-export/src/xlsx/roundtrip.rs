//! 往返数据表 `_mulu`（隐藏、保护）：每个可见行对应的完整事项 JSON，以及单位、目录、
//! 不予公开事项与不涉及标记。导入本程序导出的工作簿时据此恢复编号、来源与顺序。
//!
//! 格式（版本 1）：A1 `mulu-roundtrip`，B1 `1`；A2 `origin`，B2 为 `PreviewOrigin` 的 JSON；
//! 第 4 行表头 `sheet,row,item`；第 5 行起每个事项一行：A 表名、B 行号（从 1 起）、C 事项 JSON。
//! JSON 超过单元格上限时依次续写在 D、E… 列，读取时把 C 列起的各格连起来。

use mulu_core::model::{CatalogExport, PreviewOrigin};
use rust_xlsxwriter::Workbook;

use crate::text::MAX_CELL_CHARS;
use crate::ExportError;

/// 往返数据表的名称。
pub const ROUNDTRIP_SHEET: &str = "_mulu";

pub fn write(
    wb: &mut Workbook,
    export: &CatalogExport,
    placed: &[(String, u32, i64)],
) -> Result<(), ExportError> {
    let ws = wb.add_worksheet();
    ws.set_name(ROUNDTRIP_SHEET)?;
    ws.write_string(0, 0, "mulu-roundtrip")?;
    ws.write_number(0, 1, 1)?;
    ws.write_string(1, 0, "origin")?;
    let origin = PreviewOrigin {
        unit: export.unit.clone(),
        catalog: export.catalog.clone(),
        withheld: export.withheld.clone(),
        not_applicable: export.not_applicable.clone(),
    };
    write_chunked(ws, 1, 1, &to_json(&origin)?)?;
    ws.write_string(3, 0, "sheet")?;
    ws.write_string(3, 1, "row")?;
    ws.write_string(3, 2, "item")?;
    let by_id: std::collections::HashMap<i64, &mulu_core::model::Item> =
        export.items.iter().map(|i| (i.id, i)).collect();
    let mut r = 4;
    for (sheet, row, id) in placed {
        let Some(item) = by_id.get(id) else { continue };
        ws.write_string(r, 0, sheet)?;
        ws.write_number(r, 1, *row)?;
        write_chunked(ws, r, 2, &to_json(item)?)?;
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
