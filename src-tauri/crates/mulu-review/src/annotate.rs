//! 批注工作簿：把报送的工作簿按原样（各表的文字与合并区域）重写一份，有问题的单元格按严重程度
//! 着色并附批注，最前面加一张“审核意见”表，逐条列出问题并链接到单元格——审核人员把它退回给报送单位。
//!
//! rust_xlsxwriter 只能新建工作簿，所以这里重写文字与合并区域，原文件的字体与栏宽不保留；
//! 往返数据表 `_mulu` 原样略去。原表由 `mulu_import::read_sheet_cells` 读（与导入相同的上限：
//! 文字过长的格截断、合并区域截到有文字的范围），所以耗时与格数、合并区域数成正比。

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use mulu_core::model::Severity;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Note, Url, Workbook, Worksheet};

use crate::{Finding, Report, ReviewError};

/// 审核意见表的名称。
pub const FINDINGS_SHEET: &str = "审核意见";

/// 读 `source`，按 `report` 写出批注工作簿到 `out`。
pub fn write_annotated(source: &Path, report: &Report, out: &Path) -> Result<(), ReviewError> {
    let bytes = annotated_bytes(source, report)?;
    mulu_core::atomic::write(out, &bytes).map_err(|e| ReviewError::Write {
        path: out.display().to_string(),
        detail: e.to_string(),
    })
}

/// 同上，写到内存。
pub fn annotated_bytes(source: &Path, report: &Report) -> Result<Vec<u8>, ReviewError> {
    let mut wb = annotated_workbook(source, report)?;
    wb.save_to_buffer().map_err(|e| ReviewError::Write {
        path: source.display().to_string(),
        detail: e.to_string(),
    })
}

struct Styles {
    text: Format,
    fill: [Format; 3],
    head: Format,
    title: Format,
    link: Format,
}

impl Styles {
    fn new() -> Self {
        let base = Format::new()
            .set_font_name("宋体")
            .set_font_size(10)
            .set_text_wrap()
            .set_align(FormatAlign::VerticalCenter)
            .set_border(FormatBorder::Thin);
        let fill = |c: u32| base.clone().set_background_color(Color::RGB(c));
        Styles {
            fill: [fill(0xFFC7CE), fill(0xFFEB9C), fill(0xDDEBF7)],
            head: base
                .clone()
                .set_bold()
                .set_background_color(Color::RGB(0xD9D9D9)),
            title: Format::new()
                .set_font_name("黑体")
                .set_font_size(14)
                .set_bold(),
            link: base
                .clone()
                .set_font_color(Color::RGB(0x0563C1))
                .set_underline(rust_xlsxwriter::FormatUnderline::Single),
            text: base,
        }
    }

    fn for_severity(&self, s: Severity) -> &Format {
        match s {
            Severity::Error => &self.fill[0],
            Severity::Warning => &self.fill[1],
            Severity::Info => &self.fill[2],
        }
    }
}

fn xerr(source: &Path) -> impl Fn(rust_xlsxwriter::XlsxError) -> ReviewError + '_ {
    move |e| ReviewError::Write {
        path: source.display().to_string(),
        detail: e.to_string(),
    }
}

fn annotated_workbook(source: &Path, report: &Report) -> Result<Workbook, ReviewError> {
    let src_err = |detail: String| ReviewError::Source {
        path: source.display().to_string(),
        detail,
    };
    let sheets = mulu_import::read_sheet_cells(source, &mulu_import::ReadOptions::default())
        .map_err(|e| src_err(e.to_string()))?;
    let names: Vec<String> = sheets.iter().map(|s| s.name.clone()).collect();
    let st = Styles::new();
    let xe = xerr(source);
    let mut wb = Workbook::new();

    // 工作表 → 单元格 → 该格的全部问题。
    let mut by_cell: HashMap<&str, BTreeMap<(u32, u16), Vec<&Finding>>> = HashMap::new();
    for f in &report.findings {
        if let (Some(sheet), Some(cell)) = (&f.sheet, &f.cell) {
            if let Some(rc) = parse_a1(cell) {
                by_cell
                    .entry(sheet.as_str())
                    .or_default()
                    .entry(rc)
                    .or_default()
                    .push(f);
            }
        }
    }

    let findings_name = unique_name(FINDINGS_SHEET, &names);
    write_findings_sheet(wb.add_worksheet(), &st, &findings_name, source, report).map_err(&xe)?;

    let no_findings = BTreeMap::new();
    for sheet in &sheets {
        let name = &sheet.name;
        let problems_here = by_cell.get(name.as_str()).unwrap_or(&no_findings);
        let ws = wb.add_worksheet();
        ws.set_name(name).map_err(&xe)?;
        print_setup(ws);
        let mut widths: BTreeMap<u16, f64> = BTreeMap::new();
        let mut lines: BTreeMap<u32, usize> = BTreeMap::new();
        // 工作表最多 16384 栏：更右的格（文件声明的）不写。
        let texts: BTreeMap<(u32, u16), &str> = sheet
            .cells
            .iter()
            .filter_map(|(r, c, t)| Some(((*r, u16::try_from(*c).ok()?), t.as_str())))
            .collect();
        let merges: Vec<((u32, u16), (u32, u16))> = sheet
            .merges
            .iter()
            .filter_map(|((r0, c0), (r1, c1))| {
                Some((
                    (*r0, u16::try_from(*c0).ok()?),
                    (*r1, u16::try_from(*c1).ok()?),
                ))
            })
            .collect();
        // 栏宽：按该栏最长的一行文字，限制在 6–40 个字符宽；横跨几栏的合并格（标题）不算。
        let wide: HashSet<(u32, u16)> = merges
            .iter()
            .filter(|(s, e)| e.1 > s.1)
            .map(|(s, _)| *s)
            .collect();
        for ((r, c), t) in &texts {
            if wide.contains(&(*r, *c)) {
                continue;
            }
            let w = t.lines().map(display_width).fold(0.0, f64::max);
            let e = widths.entry(*c).or_insert(6.0);
            *e = e.max(w.min(40.0));
        }
        for (c, w) in &widths {
            ws.set_column_width(*c, *w + 1.0).map_err(&xe)?;
        }
        for ((r, c), t) in &texts {
            let width = widths.get(c).copied().unwrap_or(8.0);
            let n: usize = if wide.contains(&(*r, *c)) {
                1
            } else {
                t.lines()
                    .map(|l| ((display_width(l) / width).ceil() as usize).max(1))
                    .sum()
            };
            let e = lines.entry(*r).or_insert(1);
            *e = (*e).max(n.min(12));
            let fmt = match problems_here.get(&(*r, *c)) {
                Some(ps) => st.for_severity(worst(ps)),
                None => &st.text,
            };
            ws.write_string_with_format(*r, *c, *t, fmt).map_err(&xe)?;
        }
        for ((mr, mc), (er, ec)) in &merges {
            if (mr, mc) == (er, ec) {
                continue;
            }
            let t = texts.get(&(*mr, *mc)).copied().unwrap_or_default();
            let fmt = match problems_here.get(&(*mr, *mc)) {
                Some(ps) => st.for_severity(worst(ps)),
                None => &st.text,
            };
            // 与已写的格重叠的合并（个别文件里有）跳过，不让整份批注失败。
            let _ = ws.merge_range(*mr, *mc, *er, *ec, t, fmt);
        }
        for (r, n) in &lines {
            ws.set_row_height(*r, (*n as f64 * 13.5 + 4.0).max(18.0))
                .map_err(&xe)?;
        }
        // 批注：每格一条，列出该格的全部问题。
        for ((r, c), ps) in problems_here {
            if !texts.contains_key(&(*r, *c)) {
                ws.write_string_with_format(*r, *c, "", st.for_severity(worst(ps)))
                    .map_err(&xe)?;
            }
            let note = Note::new(note_text(ps))
                .set_author("审核")
                .set_width(320)
                .set_height(140);
            ws.insert_note(*r, *c, &note).map_err(&xe)?;
        }
    }
    Ok(wb)
}

fn write_findings_sheet(
    ws: &mut Worksheet,
    st: &Styles,
    name: &str,
    source: &Path,
    report: &Report,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    ws.set_name(name)?;
    print_setup(ws);
    let file = source
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    ws.write_string_with_format(0, 0, format!("审核意见：{file}"), &st.title)?;
    ws.write_string(
        1,
        0,
        format!(
            "共 {} 个事项；错误 {} 条、警告 {} 条、提示 {} 条；指引事项覆盖率 {:.1}%。有问题的单元格已着色（红：错误，黄：警告，蓝：提示）并附批注。",
            report.item_count,
            report.counts.errors,
            report.counts.warnings,
            report.counts.infos,
            report.coverage.percent
        ),
    )?;
    let head = [
        "序号",
        "严重程度",
        "规则",
        "位置",
        "事项",
        "说明",
        "建议改法",
    ];
    for (c, h) in head.iter().enumerate() {
        ws.write_string_with_format(3, c as u16, *h, &st.head)?;
    }
    for (c, w) in [6.0, 9.0, 26.0, 16.0, 28.0, 60.0, 36.0].iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    for (i, f) in report.findings.iter().enumerate() {
        let r = 4 + i as u32;
        let fmt = st.for_severity(f.severity);
        ws.write_number_with_format(r, 0, (i + 1) as f64, &st.text)?;
        ws.write_string_with_format(r, 1, f.severity.as_str(), fmt)?;
        ws.write_string_with_format(r, 2, &f.rule, &st.text)?;
        let target = match (&f.sheet, &f.cell, f.item.as_ref().and_then(|i| i.row)) {
            (Some(s), Some(c), _) => Some((s.clone(), c.clone())),
            (Some(s), None, Some(row)) => Some((s.clone(), format!("A{row}"))),
            (Some(s), None, None) => Some((s.clone(), "A1".to_string())),
            _ => None,
        };
        match target {
            Some((s, c)) => {
                let url = Url::new(format!("internal:'{}'!{c}", s.replace('\'', "''")))
                    .set_text(f.location());
                ws.write_url_with_format(r, 3, url, &st.link)?;
            }
            None => {
                ws.write_string_with_format(r, 3, f.location(), &st.text)?;
            }
        }
        let item = f
            .item
            .as_ref()
            .map(|i| i.display_name())
            .unwrap_or_default();
        ws.write_string_with_format(r, 4, &item, &st.text)?;
        ws.write_string_with_format(r, 5, &f.message, &st.text)?;
        ws.write_string_with_format(r, 6, f.suggestion.as_deref().unwrap_or(""), &st.text)?;
        // 说明与建议会换行：按文字估出行高，免得在 LibreOffice/WPS 里重叠。
        let lines = [
            (f.message.as_str(), 60.0),
            (f.suggestion.as_deref().unwrap_or(""), 36.0),
            (item.as_str(), 28.0),
        ]
        .iter()
        .map(|(t, w)| ((display_width(t) / (w - 1.0)).ceil() as usize).max(1))
        .max()
        .unwrap_or(1);
        ws.set_row_height(r, lines as f64 * 13.5 + 4.0)?;
    }
    ws.set_freeze_panes(4, 0)?;
    if !report.findings.is_empty() {
        ws.autofilter(3, 0, 3 + report.findings.len() as u32, 6)?;
    }
    Ok(())
}

/// A3 横向、宽度缩到一页：与报送表的打印方式一致。
fn print_setup(ws: &mut Worksheet) {
    ws.set_paper_size(8);
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
}

fn worst(ps: &[&Finding]) -> Severity {
    ps.iter()
        .map(|f| f.severity)
        .min()
        .unwrap_or(Severity::Info)
}

fn note_text(ps: &[&Finding]) -> String {
    ps.iter()
        .map(|f| {
            let mut s = format!("【{}】{}", f.severity, f.message);
            if let Some(sug) = &f.suggestion {
                s.push_str(&format!("\n建议：{sug}"));
            }
            s
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn unique_name(wanted: &str, taken: &[String]) -> String {
    let mut name = wanted.to_string();
    let mut n = 1;
    while taken.iter().any(|t| t == &name) {
        name = format!("{wanted}（{n}）");
        n += 1;
    }
    name
}

/// 中文与全角字符按约 1.85 个字符宽计。
fn display_width(s: &str) -> f64 {
    s.chars()
        .map(|c| if (c as u32) >= 0x2E80 { 1.85 } else { 1.0 })
        .sum()
}

/// `H12` → (11, 7)（列在工作簿里是 u16）。
pub fn parse_a1(cell: &str) -> Option<(u32, u16)> {
    let (r, c) = mulu_core::cellref::parse(cell)?;
    Some((r, u16::try_from(c).ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a1_parsing() {
        assert_eq!(parse_a1("A1"), Some((0, 0)));
        assert_eq!(parse_a1("H12"), Some((11, 7)));
        assert_eq!(parse_a1("AA3"), Some((2, 26)));
        assert_eq!(parse_a1("12"), None);
        assert_eq!(parse_a1("A0"), None);
    }
}
