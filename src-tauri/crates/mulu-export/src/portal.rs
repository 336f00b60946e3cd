//! 门户栏目表：Excel 工作簿与 CSV，供门户管理员在网站内容管理系统里建栏目（docs/linkage.md）。
//!
//! 每个栏目一行：序号、栏目路径、层级、栏目名称、上级栏目、栏目网址、对应事项数、对应事项。

use std::path::Path;

use mulu_core::model::{ColumnTree, Item};
use rust_xlsxwriter::Workbook;

use crate::text::clean;
use crate::xlsx::Styles;
use crate::ExportError;

/// 表头（工作簿与 CSV 相同）。
pub const COLUMN_HEADERS: [&str; 8] = [
    "序号",
    "栏目路径",
    "层级",
    "栏目名称",
    "上级栏目",
    "栏目网址",
    "对应事项数",
    "对应事项",
];

/// 每个栏目一行的文字。
pub fn column_rows(tree: &ColumnTree, items: &[Item]) -> Vec<[String; 8]> {
    tree.columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let names: Vec<String> = tree
                .items_of(c.id)
                .filter_map(|id| items.iter().find(|it| it.id == id))
                .map(|it| {
                    if it.fields.l2.is_empty() {
                        it.fields.l1.clone()
                    } else {
                        format!("{} / {}", it.fields.l1, it.fields.l2)
                    }
                })
                .collect();
            [
                (i + 1).to_string(),
                c.path.clone(),
                c.depth().to_string(),
                c.name().to_string(),
                c.parent().to_string(),
                c.url.clone(),
                names.len().to_string(),
                names.join("；"),
            ]
        })
        .collect()
}

/// 栏目表 → 工作簿内容（一张表“门户栏目”，首行标题）。
pub fn columns_xlsx_bytes(
    title: &str,
    tree: &ColumnTree,
    items: &[Item],
) -> Result<Vec<u8>, ExportError> {
    let st = Styles::new();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("门户栏目")?;
    ws.merge_range(
        0,
        0,
        0,
        7,
        &format!("{}门户栏目表", clean(title)),
        &st.title,
    )?;
    for (c, h) in COLUMN_HEADERS.iter().enumerate() {
        ws.write_string_with_format(1, c as u16, *h, &st.header)?;
    }
    for (c, w) in [6.0, 48.0, 6.0, 18.0, 36.0, 36.0, 10.0, 48.0]
        .iter()
        .enumerate()
    {
        ws.set_column_width(c as u16, *w)?;
    }
    for (r, row) in column_rows(tree, items).iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let f = if matches!(c, 0 | 2 | 6) {
                &st.center
            } else {
                &st.text
            };
            ws.write_string_with_format(r as u32 + 2, c as u16, clean(v).as_ref(), f)?;
        }
    }
    ws.set_freeze_panes(2, 0)?;
    Ok(wb.save_to_buffer()?)
}

/// 栏目表 → CSV（UTF-8，带 BOM，Excel/WPS 直接打开不乱码）。以 `=`、`+`、`-`、`@` 开头的格前加 `'`，
/// 免得电子表格把它当公式执行。
pub fn columns_csv_bytes(tree: &ColumnTree, items: &[Item]) -> Result<Vec<u8>, ExportError> {
    let mut w = csv::Writer::from_writer(Vec::from("\u{feff}".as_bytes()));
    let csv_err = |e: csv::Error| ExportError::Csv(e.to_string());
    w.write_record(COLUMN_HEADERS).map_err(csv_err)?;
    for row in column_rows(tree, items) {
        let safe: Vec<String> = row
            .iter()
            .map(|v| {
                if v.starts_with(['=', '+', '-', '@']) {
                    format!("'{v}")
                } else {
                    v.clone()
                }
            })
            .collect();
        w.write_record(&safe).map_err(csv_err)?;
    }
    w.into_inner()
        .map_err(|e| ExportError::Csv(e.error().to_string()))
}

/// 写出栏目表：`.csv` 为 CSV，其余为工作簿。
pub fn write_columns(
    title: &str,
    tree: &ColumnTree,
    items: &[Item],
    csv: bool,
    path: &Path,
) -> Result<(), ExportError> {
    let bytes = if csv {
        columns_csv_bytes(tree, items)?
    } else {
        columns_xlsx_bytes(title, tree, items)?
    };
    mulu_core::atomic::write(path, &bytes).map_err(|source| ExportError::Io {
        path: path.display().to_string(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use mulu_core::model::{ItemColumnLink, ItemFields, PortalColumn, Provenance};

    fn sample() -> (ColumnTree, Vec<Item>) {
        let col = |id: i64, path: &str, url: &str| PortalColumn {
            id,
            catalog_id: 1,
            path: path.into(),
            url: url.into(),
            position: id,
        };
        let tree = ColumnTree {
            catalog_id: 1,
            columns: vec![
                col(1, "政府信息公开", ""),
                col(2, "政府信息公开/社会救助", "https://x.gov.cn/shjz/"),
                col(3, "政府信息公开/=HYPERLINK(\"x\")", ""),
            ],
            links: vec![ItemColumnLink {
                item_id: 7,
                column_id: 2,
            }],
        };
        let items = vec![Item {
            id: 7,
            catalog_id: 1,
            position: 0,
            fields: ItemFields {
                domain: "社会救助".into(),
                l1: "最低生活保障".into(),
                l2: "审批结果".into(),
                ..Default::default()
            },
            provenance: Provenance::Local,
        }];
        (tree, items)
    }

    #[test]
    fn rows_describe_each_column() {
        let (tree, items) = sample();
        let rows = column_rows(&tree, &items);
        assert_eq!(
            rows[1],
            [
                "2",
                "政府信息公开/社会救助",
                "2",
                "社会救助",
                "政府信息公开",
                "https://x.gov.cn/shjz/",
                "1",
                "最低生活保障 / 审批结果"
            ]
            .map(String::from)
        );
        assert_eq!(rows[0][4], "");
        assert_eq!(rows[0][6], "0");
    }

    #[test]
    fn csv_has_bom_header_and_no_formulas() {
        let (tree, items) = sample();
        let bytes = columns_csv_bytes(&tree, &items).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.starts_with(
            "\u{feff}序号,栏目路径,层级,栏目名称,上级栏目,栏目网址,对应事项数,对应事项\n"
        ));
        assert!(
            text.contains("3,\"政府信息公开/=HYPERLINK(\"\"x\"\")\",2,\"'=HYPERLINK(\"\"x\"\")\""),
            "{text}"
        );
    }

    #[test]
    fn xlsx_reads_back() {
        use calamine::{Reader, Xlsx};
        let (tree, items) = sample();
        let bytes = columns_xlsx_bytes("某某镇2026年目录", &tree, &items).unwrap();
        let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let range = wb.worksheet_range("门户栏目").unwrap();
        assert_eq!(
            range.get_value((0, 0)).unwrap().to_string(),
            "某某镇2026年目录门户栏目表"
        );
        assert_eq!(range.get_value((1, 1)).unwrap().to_string(), "栏目路径");
        assert_eq!(
            range.get_value((3, 5)).unwrap().to_string(),
            "https://x.gov.cn/shjz/"
        );
        assert_eq!(
            range.get_value((3, 7)).unwrap().to_string(),
            "最低生活保障 / 审批结果"
        );
    }
}
