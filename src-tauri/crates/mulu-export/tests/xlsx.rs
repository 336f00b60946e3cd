//! 导出的工作簿用 calamine 逐格核对：标题、合并区域、表头、勾选、载体清单、往返表、公式注入。

mod common;

use std::io::Read;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use mulu_export::{xlsx_bytes, ExportOptions, ROUNDTRIP_SHEET};

type Book = Xlsx<std::io::Cursor<Vec<u8>>>;

fn open(bytes: &[u8]) -> Book {
    open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap()
}

fn cell(range: &calamine::Range<Data>, r: u32, c: u32) -> String {
    range
        .get_value((r, c))
        .map(|v| v.to_string())
        .unwrap_or_default()
}

fn opts() -> ExportOptions {
    ExportOptions::default().exported_at("2026-11-23 10:00")
}

#[test]
fn sheets_titles_and_headers_are_official() {
    let export = common::sample();
    let mut wb = open(&xlsx_bytes(&export, &opts()).unwrap());
    assert_eq!(
        wb.sheet_names(),
        vec!["封面", "社会救助", "就业", ROUNDTRIP_SHEET]
    );
    let r = wb.worksheet_range("社会救助").unwrap();
    assert_eq!(
        cell(&r, 0, 0),
        "某某县某某镇人民政府社会救助领域基层政务公开标准目录"
    );
    let row2: Vec<String> = (0..14).map(|c| cell(&r, 1, c)).collect();
    assert_eq!(row2[0], "序号");
    assert_eq!(row2[1], "公开事项");
    assert_eq!(
        &row2[3..8],
        [
            "公开内容（要素）",
            "公开依据",
            "公开时限",
            "公开主体",
            "公开渠道和载体"
        ]
    );
    assert_eq!(row2[8], "公开对象");
    assert_eq!(row2[10], "公开方式");
    assert_eq!(row2[12], "公开层级");
    let row3: Vec<String> = (0..14).map(|c| cell(&r, 2, c)).collect();
    assert_eq!(&row3[1..3], ["一级事项", "二级事项"]);
    assert_eq!(
        &row3[8..14],
        ["全社会", "特定群体", "主动", "依申请", "县级", "乡级"]
    );

    let cover = wb.worksheet_range("封面").unwrap();
    let text: Vec<String> = cover
        .rows()
        .flat_map(|r| r.iter().map(|c| c.to_string()))
        .collect();
    for needle in [
        "某某县某某镇人民政府",
        "2026",
        "草稿",
        "2026-11-23 10:00",
        "2026.12-1",
        "社会救助",
        "就业",
    ] {
        assert!(text.iter().any(|t| t.contains(needle)), "封面缺少 {needle}");
    }
}

#[test]
fn merged_ranges_cover_title_header_and_l1_runs() {
    let export = common::sample();
    let mut wb = open(&xlsx_bytes(&export, &opts()).unwrap());
    let merges: Vec<((u32, u32), (u32, u32))> = wb
        .merge_cells_by_sheet_name("社会救助")
        .unwrap()
        .iter()
        .map(|d| (d.start, d.end))
        .collect();
    for want in [
        ((0, 0), (0, 13)), // title
        ((1, 0), (2, 0)),  // 序号
        ((1, 1), (1, 2)),  // 公开事项
        ((1, 3), (2, 3)),  // 公开内容（要素）
        ((1, 7), (2, 7)),  // 公开渠道和载体
        ((1, 8), (1, 9)),  // 公开对象
        ((1, 12), (1, 13)),
    ] {
        assert!(merges.contains(&want), "缺少合并区域 {want:?}：{merges:?}");
    }
    // 一级事项：社会救助的指引前两行同为“综合业务”。
    let items: Vec<_> = export
        .items
        .iter()
        .filter(|i| i.fields.domain == "社会救助")
        .collect();
    let mut expected = Vec::new();
    let mut start = 0;
    for i in 1..=items.len() {
        if i == items.len() || items[i].fields.l1 != items[start].fields.l1 {
            if i - start > 1 {
                expected.push(((3 + start as u32, 1), (3 + i as u32 - 1, 1)));
            }
            start = i;
        }
    }
    assert!(!expected.is_empty());
    for e in &expected {
        assert!(merges.contains(e), "一级事项合并 {e:?} 缺失：{merges:?}");
    }
    let l1_merges = merges
        .iter()
        .filter(|(s, e)| s.1 == 1 && e.1 == 1 && s.0 >= 3)
        .count();
    assert_eq!(l1_merges, expected.len());
}

#[test]
fn marks_and_checklists_cell_by_cell() {
    let export = common::sample();
    let mut wb = open(&xlsx_bytes(&export, &opts()).unwrap());
    let r = wb.worksheet_range("社会救助").unwrap();
    let items: Vec<_> = export
        .items
        .iter()
        .filter(|i| i.fields.domain == "社会救助")
        .collect();
    for (i, it) in items.iter().enumerate() {
        let row = 3 + i as u32;
        assert_eq!(cell(&r, row, 0), (i + 1).to_string());
        assert_eq!(cell(&r, row, 2), it.fields.l2);
        assert_eq!(cell(&r, row, 4), it.fields.basis.join("\n"));
        assert_eq!(cell(&r, row, 5), it.fields.time_limit);
        let checklist = cell(&r, row, 7);
        for c in mulu_core::model::StandardCarrier::ALL {
            let mark = if it.fields.channels.contains(*c) {
                '■'
            } else {
                '□'
            };
            assert!(
                checklist.contains(&format!("{mark}{}", c.as_str())),
                "{checklist}"
            );
        }
    }
    // 本级特色事项（最后一行）：特定群体带说明、依申请、乡级；其他载体在清单末尾。
    let last = 3 + items.len() as u32 - 1;
    assert_eq!(cell(&r, last, 8), "");
    assert_eq!(cell(&r, last, 9), "√（申请人）");
    assert_eq!(cell(&r, last, 10), "");
    assert_eq!(cell(&r, last, 11), "√");
    assert_eq!(cell(&r, last, 12), "");
    assert_eq!(cell(&r, last, 13), "√");
    assert!(cell(&r, last, 7).ends_with("□其他 ■投资项目在线审批监管平台"));
    // 控制字符已去掉，文字照原样。
    assert_eq!(cell(&r, last, 3), "-救助金额、@发放名单");
}

#[test]
fn options_drop_level_columns_and_relabel_the_lower_level() {
    let export = common::sample();
    let mut wb =
        open(&xlsx_bytes(&export, &opts().include_level(false).domains(["就业"])).unwrap());
    assert_eq!(wb.sheet_names(), vec!["封面", "就业", ROUNDTRIP_SHEET]);
    let r = wb.worksheet_range("就业").unwrap();
    assert_eq!(r.width(), 12);
    assert_eq!(cell(&r, 2, 11), "依申请");

    let mut wb = open(
        &xlsx_bytes(
            &export,
            &opts().lower_level_label(mulu_export::LowerLevelLabel::Town),
        )
        .unwrap(),
    );
    let r = wb.worksheet_range("就业").unwrap();
    assert_eq!(cell(&r, 2, 13), "镇级");

    let err = xlsx_bytes(&export, &opts().domains(["税收管理"])).unwrap_err();
    assert!(
        err.to_string().contains("目录中没有“税收管理”领域"),
        "{err}"
    );
}

#[test]
fn nothing_is_ever_written_as_a_formula() {
    let export = common::sample();
    let bytes = xlsx_bytes(&export, &opts()).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.clone())).unwrap();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        if name.starts_with("xl/worksheets/") {
            let mut xml = String::new();
            f.read_to_string(&mut xml).unwrap();
            assert!(
                !xml.contains("<f>") && !xml.contains("<f "),
                "{name} 含公式"
            );
        }
    }
    let mut wb = open(&bytes);
    let r = wb.worksheet_range("社会救助").unwrap();
    let text: Vec<String> = r
        .rows()
        .flat_map(|r| r.iter().map(|c| c.to_string()))
        .collect();
    assert!(
        text.contains(&"=1+1".to_string()),
        "以 = 开头的文字原样保留"
    );
}

#[test]
fn roundtrip_sheet_holds_every_item_and_the_origin() {
    let export = common::sample();
    let mut wb = open(&xlsx_bytes(&export, &opts()).unwrap());
    let r = wb.worksheet_range(ROUNDTRIP_SHEET).unwrap();
    assert_eq!(cell(&r, 0, 0), "mulu-roundtrip");
    assert_eq!(cell(&r, 0, 1), "1");
    let origin: mulu_core::model::PreviewOrigin = serde_json::from_str(&cell(&r, 1, 1)).unwrap();
    assert_eq!(origin.catalog, export.catalog);
    assert_eq!(origin.unit, export.unit);
    let mut back = Vec::new();
    for row in 4..r.height() as u32 {
        let item: mulu_core::model::Item = serde_json::from_str(&cell(&r, row, 2)).unwrap();
        let sheet = cell(&r, row, 0);
        let excel_row: u32 = cell(&r, row, 1).parse().unwrap();
        let visible = wb.worksheet_range(&sheet).unwrap();
        assert_eq!(
            cell(&visible, excel_row - 1, 2),
            item.fields.l2,
            "往返表的行号指向可见行"
        );
        back.push(item);
    }
    assert_eq!(back, export.items);
}

#[test]
fn cell_text_over_the_excel_limit_is_a_clear_error() {
    let mut export = common::sample();
    export.items[0].fields.content = "要素".repeat(20_000);
    let err = xlsx_bytes(&export, &opts()).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("社会救助") && msg.contains("公开内容（要素）") && msg.contains("32767"),
        "{msg}"
    );
}

/// 导出一个内置领域的指引表格，读回它的表。
fn guideline_sheet(name: &str) -> (mulu_core::guideline::GuidelineDomain, calamine::Range<Data>) {
    let domains = mulu_core::guideline::builtin_domains().unwrap();
    let d = domains.into_iter().find(|d| d.name == name).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.xlsx");
    mulu_export::write_guideline_xlsx(&d, &path).unwrap();
    let mut wb: Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let r = wb.worksheet_range(name).unwrap();
    (d, r)
}

#[test]
fn guideline_export_marks_carriers_only_as_the_source_legend_says() {
    // 社会救助：来源副本都没有图例，载体一律 √，没有 ■/□，图例如实说明。
    let (d, r) = guideline_sheet("社会救助");
    assert_eq!(cell(&r, 0, 0), "社会救助领域基层政务公开标准指引");
    assert_eq!(cell(&r, 1, 14), "说明");
    assert_eq!(cell(&r, 3, 2), d.items[0].l2);
    assert!(
        cell(&r, 3, 7).starts_with("√政府网站"),
        "{}",
        cell(&r, 3, 7)
    );
    for (i, _) in d.items.iter().enumerate() {
        let c = cell(&r, 3 + i as u32, 7);
        assert!(!c.contains(['■', '□']), "第 {} 行：{c}", i + 1);
        if !c.is_empty() {
            assert!(
                cell(&r, 3 + i as u32, 14).contains("来源副本未注明必选/可选"),
                "{}",
                cell(&r, 3 + i as u32, 14)
            );
        }
    }
    let legend = cell(&r, 3 + d.items.len() as u32 + 1, 0);
    assert!(
        legend.contains("“√”表示来源副本列出的载体，来源副本未注明必选/可选"),
        "{legend}"
    );
    assert!(
        !legend.contains("必选项"),
        "本表没有 ■/□，图例不应解释它们：{legend}"
    );
}

#[test]
fn guideline_export_uses_boxes_for_legend_backed_rows_and_notes_truncation_beside_the_value() {
    let (d, r) = guideline_sheet("市政服务");
    let row_of = |id: &str| 3 + d.items.iter().position(|i| i.id == id).unwrap() as u32;
    // 17.001 取自有图例（“■”表示必选项，“□”表示可选项）的 fsxf 副本。
    let a = row_of("17.001");
    assert!(
        cell(&r, a, 7).starts_with("■政府网站 □政府公报"),
        "{}",
        cell(&r, a, 7)
    );
    assert!(!cell(&r, a, 7).contains('√'));
    assert!(
        cell(&r, a, 14).contains("按来源副本的图例"),
        "{}",
        cell(&r, a, 14)
    );
    // 17.003 取自没有 ■/□ 的东坡副本。
    let b = row_of("17.003");
    assert!(
        cell(&r, b, 7).starts_with("√政府网站 √政府公报"),
        "{}",
        cell(&r, b, 7)
    );
    assert!(!cell(&r, b, 7).contains(['■', '□']));
    // 17.007 的公开依据被副本截断：说明栏标出，值本身不加字。
    let it = d.items.iter().find(|i| i.id == "17.007").unwrap();
    assert_eq!(it.truncated, vec![mulu_core::model::Field::Basis]);
    let c = row_of("17.007");
    assert_eq!(cell(&r, c, 4), it.basis.join("\n"));
    assert!(!cell(&r, c, 4).contains("来源不完整"));
    assert!(
        cell(&r, c, 14).contains("来源不完整：公开依据"),
        "{}",
        cell(&r, c, 14)
    );
    let legend = cell(&r, 3 + d.items.len() as u32 + 1, 0);
    assert!(legend.contains("“■”表示必选项，“□”表示可选项"), "{legend}");
    assert!(legend.contains("“√”表示来源副本列出的载体"), "{legend}");
    assert!(legend.contains("来源不完整"), "{legend}");
}
