//! 审核台账的表格视图：报送的工作簿照原样读出（两行表头的合并区域、表头行），问题标在格上。
//! 用 samples/ 里 openpyxl 写的两份带错报送件（见 samples/README.md）与程序自己写的 township.xlsx。

use std::path::{Path, PathBuf};

use mulu_api::desk::{self, SubmissionView};
use mulu_api::desk_sheet::{self, CellMark};
use mulu_core::model::{ListedUnit, Severity, UnitKind, Verdict};
use mulu_core::store::Store;
use mulu_import::ReadOptions;
use mulu_review::SheetMerge;

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../samples")
        .join(name)
}

/// 在新库里记下 `files` 的检查结果，返回库与第一个单位的编号。
fn desk_with(dir: &Path, files: &[&str]) -> (Store, i64) {
    let mut store = Store::open(&dir.join("mulu.db")).unwrap();
    desk::set_units(
        &mut store,
        &[
            ListedUnit {
                name: "某某县某某镇人民政府".into(),
                kind: Some(UnitKind::Township),
            },
            ListedUnit {
                name: "某某县某某街道办事处".into(),
                kind: Some(UnitKind::Subdistrict),
            },
        ],
    )
    .unwrap();
    let opts = ReadOptions::from_store(&store, None).unwrap();
    let guidelines = mulu_review::load_guidelines(&store).unwrap();
    let checks: Vec<_> = files
        .iter()
        .map(|f| {
            // 复制一份：改动文件的测试不动 samples/。
            let to = dir.join(f);
            std::fs::copy(sample(f), &to).unwrap();
            mulu_review::check_workbook(&to, &opts, &guidelines)
        })
        .collect();
    let out = desk::record(&mut store, &checks).unwrap();
    assert!(out.unmatched.is_empty(), "{:?}", out.unmatched);
    let unit = desk::view(&store).unwrap().rows[0].unit.id;
    (store, unit)
}

fn mark_at(marks: &[CellMark], row: u32, col: u32) -> &CellMark {
    marks
        .iter()
        .find(|m| m.row == row && m.col == Some(col))
        .unwrap_or_else(|| panic!("({row}, {col}) 没有标记：{marks:?}"))
}

fn rules_of(sub: &SubmissionView, m: &CellMark) -> Vec<String> {
    m.findings
        .iter()
        .map(|i| sub.findings[*i].finding.rule.clone())
        .collect()
}

#[test]
fn the_submission_shows_as_the_official_table_with_its_findings_on_their_cells() {
    let dir = tempfile::tempdir().unwrap();
    let (store, unit) = desk_with(dir.path(), &["mistakes-township.xlsx"]);
    let sub = desk::submission(&store, unit, None).unwrap();
    let view = desk_sheet::source(&store, unit, None)
        .unwrap()
        .read(None, None)
        .unwrap();
    let g = &view.grid;
    assert_eq!(g.sheets, vec!["社会救助".to_string()]);
    assert_eq!(g.sheet, "社会救助");
    assert!(!view.changed);
    // 标题一行，两行表头（第 2、3 行），12 个事项。
    assert_eq!(g.headers.len(), 1);
    let h = g.headers[0];
    assert_eq!(h.rows, 2, "{h:?}");
    assert_eq!(g.rows, h.row + 2 + 12);
    assert_eq!((g.total_rows, g.total_cols), (g.rows, g.cols));
    let top = &g.cells[h.row as usize];
    let sub_row = &g.cells[h.row as usize + 1];
    let col_of = |row: &Vec<String>, text: &str| {
        row.iter()
            .position(|t| t == text)
            .unwrap_or_else(|| panic!("表头里没有“{text}”：{row:?}")) as u32
    };
    let merged = |c: u32, rows: u32, cols: u32| {
        g.merges.contains(&SheetMerge {
            row: h.row,
            col: c,
            rows,
            cols,
        })
    };
    // 官方表格：序号、公开内容……各占两行；公开事项、公开对象、公开方式、公开层级各横跨两栏，其下是子栏名。
    for name in [
        "序号",
        "公开内容（要素）",
        "公开依据",
        "公开时限",
        "公开主体",
    ] {
        assert!(merged(col_of(top, name), 2, 1), "{name}：{:?}", g.merges);
    }
    for (name, subs) in [
        ("公开事项", ["一级事项", "二级事项"]),
        ("公开对象", ["全社会", "特定群体"]),
        ("公开方式", ["主动", "依申请"]),
        ("公开层级", ["县级", "乡级"]),
    ] {
        let c = col_of(top, name);
        assert!(merged(c, 1, 2), "{name}：{:?}", g.merges);
        assert_eq!(col_of(sub_row, subs[0]), c, "{name}");
        assert_eq!(col_of(sub_row, subs[1]), c + 1, "{name}");
    }
    // 标题横跨整个表。
    assert!(g.merges.contains(&SheetMerge {
        row: 0,
        col: 0,
        rows: 1,
        cols: g.cols
    }));
    // samples/README.md 的四处错误：F5 公开时限空白，E6 依据已废止，K7 方式两个都勾了（H4 的 t/口 是读取提示）。
    let f5 = mark_at(&view.marks, 4, 5);
    assert_eq!(f5.severity, Severity::Error);
    assert!(rules_of(&sub, f5).contains(&"R101-required-field".to_string()));
    assert!(rules_of(&sub, mark_at(&view.marks, 5, 4)).contains(&"R201-basis-repealed".to_string()));
    assert!(rules_of(&sub, mark_at(&view.marks, 6, 10)).contains(&"R103-mode-marks".to_string()));
    // 每条指到这张表某一格的问题都标在了某个标记里，且只标一次。
    let mut seen: Vec<usize> = view.marks.iter().flat_map(|m| m.findings.clone()).collect();
    seen.extend(&view.sheet_findings);
    seen.sort_unstable();
    let mine: Vec<usize> = sub
        .findings
        .iter()
        .enumerate()
        .filter(|(_, f)| f.finding.sheet.as_deref() == Some("社会救助"))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(seen, mine);
}

#[test]
fn waived_findings_grey_their_cell_and_a_changed_file_is_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, unit) = desk_with(dir.path(), &["mistakes-township.xlsx"]);
    let sub = desk::submission(&store, unit, None).unwrap();
    let source = desk_sheet::source(&store, unit, None).unwrap();
    let before = source.read(None, None).unwrap();
    let k7 = mark_at(&before.marks, 6, 10).clone();
    assert!(!k7.waived);
    for i in &k7.findings {
        let f = &sub.findings[*i];
        desk::decide(
            &mut store,
            unit,
            &f.finding.rule,
            &f.place,
            Verdict::Waive,
            "镇里确有两种方式",
        )
        .unwrap();
    }
    let after = desk_sheet::source(&store, unit, None)
        .unwrap()
        .read(None, None)
        .unwrap();
    let k7 = mark_at(&after.marks, 6, 10);
    assert!(k7.waived);
    assert_eq!(k7.severity, Severity::Error, "都不采纳时仍按原来的程度");
    assert!(!mark_at(&after.marks, 4, 5).waived);

    // 检查之后文件被改过：照样显示，但说明位置可能对不上。
    let path = source.path().to_path_buf();
    std::fs::copy(sample("mistakes-street.xlsx"), &path).unwrap();
    let changed = source.read(None, None).unwrap();
    assert!(changed.changed);
    assert_eq!(changed.grid.sheet, "就业", "问题所在的表已不在：给第一张表");
    // 文件不在了：说清楚怎么办。
    std::fs::remove_file(&path).unwrap();
    let e = source.read(None, None).unwrap_err().to_string();
    assert!(e.contains("找不到文件") && e.contains("重新检查"), "{e}");
}

#[test]
fn a_workbook_with_several_sheets_lists_them_and_opens_the_one_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let (store, unit) = desk_with(dir.path(), &["township.xlsx"]);
    let source = desk_sheet::source(&store, unit, None).unwrap();
    let first = source.read(None, None).unwrap();
    // 封面在前：没有问题时打开第一张认得出目录表头的表。
    assert_eq!(first.grid.sheets.len(), 6, "{:?}", first.grid.sheets);
    assert_eq!(first.grid.sheets[0], "封面");
    assert_eq!(first.grid.sheet, "社会救助");
    assert!(!first.grid.sheets.iter().any(|s| s == "_mulu"));
    let other = first.grid.sheets[2].clone();
    let view = source.read(Some(&other), None).unwrap();
    assert_eq!(view.grid.sheet, other);
    assert_eq!(view.grid.headers.len(), 1);
    // 没有这张表（文件改过）：给第一张认得出表头的表，结果写明实际是哪一张。
    let fallback = source.read(Some("没有这张表"), None).unwrap();
    assert_eq!(fallback.grid.sheet, "社会救助");
    // 封面照样可以打开（没有表头）。
    let cover = source.read(Some("封面"), None).unwrap();
    assert!(cover.grid.headers.is_empty());
    assert!(cover.marks.is_empty());
}
