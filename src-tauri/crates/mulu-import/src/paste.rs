//! 从 Excel/WPS 复制的行（剪贴板里的制表符分隔文字）按读工作簿的同一个读取器读：表头识别、“同上”、
//! 文字规整、逐格提示都相同。复制时常不带表头：认不出表头时按官方表格的栏序
//! （[序号,] 一级事项、二级事项、公开内容、公开依据、公开时限、公开主体）补一行表头再读。

use mulu_core::model::{Diagnostic, DiagnosticCode, Field, PreviewSheet, Severity};

use crate::grid::{Cells, Grid};
use crate::options::ReadOptions;
use crate::table;

/// 粘贴的表格在提示里的名称。
pub const SHEET: &str = "粘贴";

/// 剪贴板文字 → 一张表的预览（事项与提示）。`opts.domain_hint` 为事项所属的领域。
/// 补了表头时，`header_added` 为真（事项的行号比粘贴的行号大 1）。
pub fn read_pasted(text: &str, opts: &ReadOptions) -> (PreviewSheet, bool) {
    let rows = split_tsv(text);
    let (sheet, found_header) = read_rows(&rows, opts);
    if !found_header && rows.iter().any(|r| r.iter().any(|c| !c.trim().is_empty())) {
        let serial = first_column_is_serial(&rows);
        let mut header: Vec<String> = if serial {
            vec!["序号".into()]
        } else {
            vec![]
        };
        // 官方表格前六栏的名称（与导出、表头识别同一处定义）。
        header.extend(
            [
                Field::L1,
                Field::L2,
                Field::Content,
                Field::Basis,
                Field::TimeLimit,
                Field::Subject,
            ]
            .map(|f| f.label().to_string()),
        );
        let mut with_header = vec![header];
        with_header.extend(rows);
        let (again, _) = read_rows(&with_header, opts);
        if !again.items.is_empty() {
            return (again, true);
        }
    }
    (sheet, false)
}

/// 读出的事项与提示，以及是否认出了表头。事项都归 `opts.domain_hint`（粘贴的目标领域）。
fn read_rows(rows: &[Vec<String>], opts: &ReadOptions) -> (PreviewSheet, bool) {
    let mut cells = Cells::default();
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            // 剪贴板也可能很长：过长的格同样只读前 32767 个字。
            cells.put_str(r as u32, c as u32, text);
        }
    }
    let mut sheet = PreviewSheet {
        sheet: SHEET.into(),
        domain: opts.domain_hint.clone(),
        items: Vec::new(),
        diagnostics: Vec::new(),
    };
    let mut budget = crate::limits::MAX_TEXT_BYTES;
    let grid = match Grid::from_cells(SHEET, cells, &[], 0, &mut budget) {
        Ok(g) => g,
        Err(e) => {
            sheet.diagnostics.push(Diagnostic {
                sheet: SHEET.into(),
                cell: None,
                severity: Severity::Error,
                code: DiagnosticCode::Other,
                message: format!("粘贴的内容{}，没有读取。请分几次复制粘贴。", e.detail()),
                raw: None,
            });
            return (sheet, false);
        }
    };
    sheet.diagnostics.extend(grid.cut_diagnostics());
    let tables = table::parse_sheet(&grid, opts, table::Keep::Items);
    let found = !tables.is_empty();
    for t in tables {
        sheet.items.extend(t.rows.into_iter().map(|r| r.item));
        sheet.diagnostics.extend(t.diagnostics);
    }
    if let Some(d) = &opts.domain_hint {
        for item in &mut sheet.items {
            item.fields.domain = d.clone();
        }
    }
    (sheet, found)
}

/// 数据行的第一栏都是序号（1、2.、3、）。
fn first_column_is_serial(rows: &[Vec<String>]) -> bool {
    let firsts: Vec<&str> = rows
        .iter()
        .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
        .map(|r| r.first().map(|c| c.trim()).unwrap_or(""))
        .collect();
    !firsts.is_empty()
        && firsts.iter().all(|f| {
            let digits = f.trim_end_matches(['.', '、']);
            !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
        })
}

/// Excel/WPS 复制的文字：一行一个表格行，格之间是制表符；含换行、制表符或引号的格用 "…" 括起，
/// 其中的引号写作 ""。行尾的 \r\n 与 \n 相同；末尾的空行不算。
pub fn split_tsv(text: &str) -> Vec<Vec<String>> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text = text.trim_end_matches('\n');
    let mut rows = Vec::new();
    if text.trim().is_empty() {
        return rows;
    }
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut at_start = true;
    let mut quoted = false;
    while let Some(ch) = chars.next() {
        if quoted {
            if ch == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    cell.push('"');
                } else {
                    quoted = false;
                }
            } else {
                cell.push(ch);
            }
            continue;
        }
        match ch {
            '"' if at_start => {
                quoted = true;
                at_start = false;
            }
            '\t' => {
                row.push(std::mem::take(&mut cell));
                at_start = true;
            }
            '\n' => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
                at_start = true;
            }
            _ => {
                cell.push(ch);
                at_start = false;
            }
        }
    }
    row.push(cell);
    rows.push(row);
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(domain: &str) -> ReadOptions {
        let mut o = ReadOptions::with_builtin_domains();
        o.domain_hint = Some(domain.into());
        o
    }

    #[test]
    fn splits_excel_text_with_quoted_cells() {
        let rows = split_tsv("a\t\"b\nc\"\t\"say \"\"hi\"\"\"\r\n\td\r\n");
        assert_eq!(
            rows,
            vec![
                vec!["a".to_string(), "b\nc".into(), "say \"hi\"".into()],
                vec!["".into(), "d".into()],
            ]
        );
        assert!(split_tsv(" \n").is_empty());
    }

    #[test]
    fn rows_without_a_header_are_read_in_the_official_order() {
        let text =
            "1\t救助管理\t临时救助申请\t申请条件\t《社会救助暂行办法》\t20个工作日内\t镇民政办\n\
                    2\t同上\t救助结果公示\t救助对象\t\t5个工作日内\t镇民政办";
        let (sheet, added) = read_pasted(text, &opts("就业"));
        assert!(added);
        let names: Vec<_> = sheet
            .items
            .iter()
            .map(|i| (i.fields.l1.as_str(), i.fields.l2.as_str()))
            .collect();
        assert_eq!(
            names,
            [("救助管理", "临时救助申请"), ("救助管理", "救助结果公示")]
        );
        assert!(sheet.items.iter().all(|i| i.fields.domain == "就业"));
        assert_eq!(sheet.items[1].fields.time_limit, "5个工作日内");
    }

    #[test]
    fn a_copied_header_is_recognised_like_in_a_workbook() {
        let text = "一级事项\t二级事项\t公开内容\t公开依据\t公开时限\t公开主体\n\
                    救助管理\t临时救助申请\t申请条件\t依据\t20个工作日内\t镇民政办";
        let (sheet, added) = read_pasted(text, &opts("就业"));
        assert!(!added);
        assert_eq!(sheet.items.len(), 1);
        // A header row only: nothing to paste.
        let (sheet, _) = read_pasted("一级事项\t二级事项\t公开时限", &opts("就业"));
        assert!(sheet.items.is_empty());
    }
}
