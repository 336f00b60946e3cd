//! `read_sheet_view`（审核台账的表格视图）：各写入器写的工作簿照原样读出——表名、每格文字、合并区域、
//! 表头所在的行；与导入相同的读法与上限（读不了的文件是同样的错误）。样例见 tests/fixtures/workbooks/INDEX.md。

use std::path::PathBuf;

use mulu_import::{read_sheet_view, ImportError, ReadOptions};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../tests/fixtures/workbooks")
        .join(name)
}

fn text(v: &mulu_import::SheetView, r: u32, c: u32) -> &str {
    v.cells
        .iter()
        .find(|(rr, cc, _)| *rr == r && *cc == c)
        .map_or("", |(_, _, t)| t.as_str())
}

#[test]
fn each_writers_two_row_header_is_found_with_its_merges() {
    let opts = ReadOptions::with_builtin_domains();
    // openpyxl（标题行 + 两行表头）、LibreOffice 另存的 .xls、XlsxWriter（表头在第 3 行）。
    for (name, first_row) in [
        ("official_openpyxl.xlsx", 1),
        ("legacy_wps.xls", 1),
        ("header_row3_extra_cols.xlsx", 2),
    ] {
        let v = read_sheet_view(&fixture(name), &opts, None).unwrap();
        assert_eq!(v.headers.first().map(|h| h.0), Some(first_row), "{name}");
        let (r, n) = v.headers[0];
        assert!(n == 1 || n == 2, "{name}");
        assert!(
            v.height > r + n && v.width >= 10,
            "{name}: {}×{}",
            v.height,
            v.width
        );
        // 表头那一行横跨两栏的合并区域（公开对象、公开方式……）都从表头行开始。
        if n == 2 {
            assert!(
                v.merges
                    .iter()
                    .any(|((r0, c0), (r1, c1))| *r0 == r && r1 == r0 && c1 > c0),
                "{name}: {:?}",
                v.merges
            );
        }
        // 被合并覆盖的格不给文字（只有左上角有）。
        for ((r0, c0), (r1, c1)) in &v.merges {
            for rr in *r0..=*r1 {
                for cc in *c0..=*c1 {
                    if (rr, cc) != (*r0, *c0) {
                        assert_eq!(text(&v, rr, cc), "", "{name} ({rr},{cc})");
                    }
                }
            }
        }
    }
}

#[test]
fn the_first_sheet_with_a_table_is_opened_and_any_sheet_can_be_asked_for() {
    let opts = ReadOptions::with_builtin_domains();
    // 汇编：封面、编制说明在前，之后每个领域一张表。
    let path = fixture("township_huibian.xlsx");
    let v = read_sheet_view(&path, &opts, None).unwrap();
    assert!(v.sheets.len() >= 7, "{:?}", v.sheets);
    assert_ne!(v.name, v.sheets[0], "封面没有目录表格，不先打开它");
    assert!(!v.headers.is_empty());
    let cover = read_sheet_view(&path, &opts, Some(&v.sheets[0])).unwrap();
    assert_eq!(cover.name, v.sheets[0]);
    assert!(cover.headers.is_empty());
    // 一张表里几个领域：每个表格的表头都找到。
    let multi = read_sheet_view(&fixture("multi_domain_one_sheet.xlsx"), &opts, None).unwrap();
    assert_eq!(multi.headers.len(), 3, "{:?}", multi.headers);
}

#[test]
fn a_missing_sheet_or_an_unreadable_file_is_a_chinese_error() {
    let opts = ReadOptions::with_builtin_domains();
    let e = read_sheet_view(
        &fixture("official_openpyxl.xlsx"),
        &opts,
        Some("没有这张表"),
    )
    .unwrap_err();
    assert!(matches!(e, ImportError::NoSheet { .. }), "{e}");
    assert!(
        e.to_string().contains("没有名为“没有这张表”的工作表"),
        "{e}"
    );
    for name in ["not_a_workbook.xlsx", "truncated.xlsx"] {
        let e = read_sheet_view(&fixture(name), &opts, None).unwrap_err();
        assert!(
            matches!(
                e,
                ImportError::NotAWorkbook { .. } | ImportError::Malformed { .. }
            ),
            "{name}: {e}"
        );
    }
}
