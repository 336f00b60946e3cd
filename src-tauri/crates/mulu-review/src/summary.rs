//! 批量审核的汇总：每个文件一行（文件、单位、领域、事项数、错误、警告、提示、覆盖率）。

use std::path::Path;

use rust_xlsxwriter::{Format, FormatBorder, Workbook};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ReviewError;

/// 汇总表的一行。
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct SummaryRow {
    pub file: String,
    pub unit: Option<String>,
    pub domains: Vec<String>,
    pub items: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// 指引事项覆盖率（%）；文件读不了时为空。
    pub coverage: Option<f64>,
    /// 读不了时的原因。
    pub failure: Option<String>,
}

/// 写汇总表（.xlsx）。
pub fn write_summary(rows: &[SummaryRow], out: &Path) -> Result<(), ReviewError> {
    let err = |e: rust_xlsxwriter::XlsxError| ReviewError::Write {
        path: out.display().to_string(),
        detail: e.to_string(),
    };
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("审核汇总").map_err(err)?;
    let head = Format::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_font_name("宋体");
    let cell = Format::new()
        .set_border(FormatBorder::Thin)
        .set_font_name("宋体")
        .set_text_wrap();
    let pct = cell.clone().set_num_format("0.0\"%\"");
    let cols = [
        "文件",
        "单位",
        "领域",
        "事项数",
        "错误",
        "警告",
        "提示",
        "覆盖率",
        "状态",
    ];
    for (c, h) in cols.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &head)
            .map_err(err)?;
    }
    for (c, w) in [40.0, 28.0, 40.0, 8.0, 7.0, 7.0, 7.0, 9.0, 30.0]
        .iter()
        .enumerate()
    {
        ws.set_column_width(c as u16, *w).map_err(err)?;
    }
    for (i, r) in rows.iter().enumerate() {
        let row = 1 + i as u32;
        ws.write_string_with_format(row, 0, &r.file, &cell)
            .map_err(err)?;
        ws.write_string_with_format(row, 1, r.unit.as_deref().unwrap_or(""), &cell)
            .map_err(err)?;
        ws.write_string_with_format(row, 2, r.domains.join("、"), &cell)
            .map_err(err)?;
        for (c, n) in [(3, r.items), (4, r.errors), (5, r.warnings), (6, r.infos)] {
            ws.write_number_with_format(row, c, n as f64, &cell)
                .map_err(err)?;
        }
        match r.coverage {
            Some(p) => ws.write_number_with_format(row, 7, p, &pct).map_err(err)?,
            None => ws
                .write_string_with_format(row, 7, "", &cell)
                .map_err(err)?,
        };
        let status = match (&r.failure, r.errors) {
            (Some(f), _) => format!("读不了：{f}"),
            (None, 0) => "无错误".to_string(),
            (None, _) => "有错误，需退回修改".to_string(),
        };
        ws.write_string_with_format(row, 8, status, &cell)
            .map_err(err)?;
    }
    ws.set_freeze_panes(1, 0).map_err(err)?;
    if !rows.is_empty() {
        ws.autofilter(0, 0, rows.len() as u32, 8).map_err(err)?;
    }
    let bytes = wb.save_to_buffer().map_err(err)?;
    mulu_core::atomic::write(out, &bytes).map_err(|e| ReviewError::Write {
        path: out.display().to_string(),
        detail: e.to_string(),
    })
}
