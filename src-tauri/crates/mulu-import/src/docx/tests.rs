//! 手写的 WordprocessingML：合并、符号、嵌套表格、修订、上限与恶意构造。

use super::*;

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

fn doc(body: &str) -> Vec<u8> {
    format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}</w:body></w:document>"#).into_bytes()
}

fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

fn tc(props: &str, content: &str) -> String {
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>")
}

fn limits() -> body::Limits {
    body::Limits {
        tables: 10,
        cells: 10_000,
        cols: 100,
        cell_chars: 50,
    }
}

fn grid_of(xml: &[u8]) -> (Grid, Vec<layout::Note>) {
    let mut t = body::tables(xml, &limits()).unwrap();
    assert_eq!(t.len(), 1);
    let laid = layout::lay_out(t.remove(0));
    (
        Grid::from_cells("表1", laid.cells, &laid.merges, u64::MAX, &mut {
            u64::MAX
        })
        .unwrap(),
        laid.notes,
    )
}

#[test]
fn grid_span_and_vmerge_become_merged_cells() {
    let span = r#"<w:gridSpan w:val="2"/>"#;
    let restart = r#"<w:vMerge w:val="restart"/>"#;
    let cont = "<w:vMerge/>";
    let xml = doc(&format!(
        "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>",
        tc(span, &p("公开事项")),
        tc("", &p("公开依据")),
        tc(restart, &p("最低生活保障")),
        tc("", &p("办事指南")),
        tc(restart, &p("《社会救助暂行办法》")),
        tc(cont, "<w:p/>"),
        tc("", &p("审批结果")),
        tc(r#"<w:vMerge w:val="continue"/>"#, "<w:p/>"),
    ));
    let (g, notes) = grid_of(&xml);
    assert!(notes.is_empty());
    assert_eq!((g.height(), g.width()), (3, 3));
    assert_eq!(
        g.texts(0).collect::<Vec<_>>(),
        ["公开事项", "公开事项", "公开依据"]
    );
    assert_eq!(
        g.texts(1).collect::<Vec<_>>(),
        ["最低生活保障", "办事指南", "《社会救助暂行办法》"]
    );
    assert_eq!(
        g.texts(2).collect::<Vec<_>>(),
        ["最低生活保障", "审批结果", "《社会救助暂行办法》"]
    );
    assert_eq!(g.cell_ref(0, 1), "A1");
    assert_eq!(g.cell_ref(2, 0), "A2");
    assert_eq!(g.cell_ref(2, 2), "C2");
    assert!(g.is_filled(2, 0) && !g.is_filled(2, 1));
}

#[test]
fn a_continue_cell_without_a_start_is_an_ordinary_cell() {
    let xml = doc(&format!(
        "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
        tc("", &p("甲")),
        tc("", &p("乙")),
        tc("<w:vMerge/>", &p("丙")),
        tc("", &p("丁")),
    ));
    let (g, _) = grid_of(&xml);
    assert_eq!(g.texts(1).collect::<Vec<_>>(), ["丙", "丁"]);
    assert!(!g.is_filled(1, 0));
}

#[test]
fn grid_before_and_legacy_hmerge_keep_columns_in_place() {
    let xml = doc(&format!(
        "<w:tbl><w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>",
        tc(r#"<w:hMerge w:val="restart"/>"#, &p("公开对象")),
        tc("<w:hMerge/>", "<w:p/>"),
        tc("", &p("序号")),
        tc("", &p("全社会")),
        tc("", &p("特定群体")),
    ));
    let (g, _) = grid_of(&xml);
    assert_eq!(g.texts(0).collect::<Vec<_>>(), ["", "公开对象", "公开对象"]);
    assert_eq!(g.cell_ref(0, 2), "B1");
}

#[test]
fn paragraphs_join_with_newlines_and_breaks_tabs_too() {
    let xml = doc(&format!(
        "<w:tbl><w:tr>{}</w:tr></w:tbl>",
        tc(
            "",
            &format!(
                "{}<w:p/>{}<w:p><w:r><w:t>甲</w:t><w:br/><w:t>乙</w:t><w:tab/><w:t>丙 &amp; &#x4E01;</w:t></w:r></w:p>",
                p("【法律】《中华人民共和国就业促进法》"),
                p("【行政法规】《人力资源市场暂行条例》")
            )
        ),
    ));
    let (g, _) = grid_of(&xml);
    assert_eq!(
        g.get(0, 0),
        "【法律】《中华人民共和国就业促进法》\n【行政法规】《人力资源市场暂行条例》\n甲\n乙 丙 & 丁"
    );
}

#[test]
fn symbols_and_form_checkboxes_read_as_boxes() {
    let sym =
        |font: &str, ch: &str| format!(r#"<w:r><w:sym w:font="{font}" w:char="{ch}"/></w:r>"#);
    let t = |s: &str| format!("<w:r><w:t>{s}</w:t></w:r>");
    let wing = |s: &str| {
        format!(
            r#"<w:r><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr><w:t>{s}</w:t></w:r>"#
        )
    };
    let form = |checked: &str| {
        format!(
            r#"<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/><w:checkBox><w:sizeAuto/>{checked}</w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#
        )
    };
    let cell = format!(
        "<w:p>{}{}{}{}{}{}{}{}{}{}{}{}</w:p>",
        sym("Wingdings 2", "F052"),
        t("政府网站"),
        sym("Wingdings 2", "F0A3"),
        t("政府公报"),
        sym("Wingdings", "F0FE"),
        t("两微一端"),
        wing("¨"),
        t("发布会/听证会"),
        form(r#"<w:default w:val="1"/>"#),
        t("广播电视"),
        form(r#"<w:default w:val="1"/><w:checked w:val="0"/>"#),
        t("纸质媒体"),
    );
    let tick = format!("<w:p>{}</w:p>", sym("Wingdings", "F0FC"));
    let odd = format!("<w:p>{}</w:p>", sym("Wingdings", "F041"));
    let xml = doc(&format!(
        "<w:tbl><w:tr>{}{}{}</w:tr></w:tbl>",
        tc("", &cell),
        tc("", &tick),
        tc("", &odd)
    ));
    let (g, notes) = grid_of(&xml);
    assert_eq!(
        g.get(0, 0),
        "■政府网站□政府公报■两微一端□发布会/听证会■广播电视□纸质媒体"
    );
    assert_eq!(g.get(0, 1), "√");
    assert_eq!(g.get(0, 2), "\u{FFFD}");
    assert_eq!(notes.len(), 1);
    assert_eq!((notes[0].0, notes[0].1), (0, 2));
    assert!(notes[0].2.contains("认不出的符号"));
}

#[test]
fn nested_tables_fold_into_the_outer_cell_and_are_noted() {
    let inner = format!(
        "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
        tc(r#"<w:gridSpan w:val="5"/>"#, &p("内甲")),
        tc("", &p("内乙")),
        tc(r#"<w:vMerge w:val="restart"/>"#, &p("内丙")),
        tc("", &p("内丁")),
    );
    let xml = doc(&format!(
        "<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
        tc("", &format!("{}{inner}<w:p/>", p("外"))),
        tc("", &p("右")),
    ));
    let (g, notes) = grid_of(&xml);
    assert_eq!(
        g.texts(0).collect::<Vec<_>>(),
        ["外\n内甲\n内乙\n内丙\n内丁", "右"]
    );
    assert_eq!(notes.len(), 1);
    assert!(notes[0].2.contains("嵌有表格"));
}

#[test]
fn deleted_text_drawings_and_old_properties_are_not_read() {
    let xml = doc(&format!(
        "<w:tbl><w:tr>{}</w:tr></w:tbl>",
        tc(
            r#"<w:tcPrChange w:id="1"><w:tcPr><w:gridSpan w:val="3"/></w:tcPr></w:tcPrChange>"#,
            r#"<w:p><w:del><w:r><w:delText>旧</w:delText></w:r></w:del><w:ins><w:r><w:t>新</w:t></w:r></w:ins><w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r><w:moveFrom><w:r><w:t>移走</w:t></w:r></w:moveFrom></w:p>"#
        ),
    ));
    let (g, _) = grid_of(&xml);
    assert_eq!((g.width(), g.get(0, 0)), (1, "新"));
}

#[test]
fn paragraphs_above_each_table_are_kept_for_the_heading() {
    let row = format!("<w:tr>{}</w:tr>", tc("", &p("x")));
    let xml = doc(&format!(
        "{}{}<w:tbl>{row}</w:tbl>{}<w:tbl>{row}</w:tbl><w:tbl>{row}</w:tbl>",
        p("某某县某某镇政务公开标准目录"),
        p("一、社会救助领域基层政务公开标准目录"),
        p("（二）养老服务领域"),
    ));
    let t = body::tables(&xml, &limits()).unwrap();
    assert_eq!(t.len(), 3);
    assert_eq!(
        t[0].paragraphs_above,
        [
            "某某县某某镇政务公开标准目录",
            "一、社会救助领域基层政务公开标准目录"
        ]
    );
    assert_eq!(t[1].paragraphs_above, ["（二）养老服务领域"]);
    assert!(t[2].paragraphs_above.is_empty());
    let opts = ReadOptions::with_builtin_domains();
    assert_eq!(
        heading(&t[0].paragraphs_above, &opts).as_deref(),
        Some("一、社会救助领域基层政务公开标准目录")
    );
}

#[test]
fn long_cells_are_cut_and_noted() {
    let long = "字".repeat(80);
    let xml = doc(&format!(
        "<w:tbl><w:tr>{}</w:tr></w:tbl>",
        tc("", &p(&long))
    ));
    let (g, notes) = grid_of(&xml);
    assert_eq!(g.get(0, 0).chars().count(), 50);
    assert!(notes[0].2.contains("过长"));
}

#[test]
fn doctype_entities_and_oversized_tables_are_refused() {
    let bomb = br#"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><w:document><w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>"#;
    assert!(matches!(
        body::tables(bomb, &limits()),
        Err(body::BodyError::Malformed(m)) if m.contains("DOCTYPE")
    ));
    let undefined = doc("<w:p><w:r><w:t>&a;</w:t></w:r></w:p>");
    assert!(matches!(
        body::tables(&undefined, &limits()),
        Err(body::BodyError::Malformed(m)) if m.contains("未定义的实体")
    ));
    let wide = doc(&format!(
        "<w:tbl><w:tr>{}</w:tr></w:tbl>",
        tc(r#"<w:gridSpan w:val="4000000000"/>"#, "")
    ));
    assert!(matches!(
        body::tables(&wide, &limits()),
        Err(body::BodyError::TooLarge(_))
    ));
    let rows: String = (0..200)
        .map(|_| format!("<w:tr>{}</w:tr>", "<w:tc><w:p/></w:tc>".repeat(60)))
        .collect();
    let tall = doc(&format!("<w:tbl>{rows}</w:tbl>"));
    assert!(matches!(
        body::tables(&tall, &limits()),
        Err(body::BodyError::TooLarge(m)) if m.contains("单元格")
    ));
    // 一行很宽、其余各行很窄：网格按最宽的一行算。
    let wide_then_tall = doc(&format!(
        "<w:tbl><w:tr>{}</w:tr>{}</w:tbl>",
        tc(r#"<w:gridSpan w:val="100"/>"#, ""),
        "<w:tr><w:tc><w:p/></w:tc></w:tr>".repeat(120)
    ));
    assert!(matches!(
        body::tables(&wide_then_tall, &limits()),
        Err(body::BodyError::TooLarge(m)) if m.contains("单元格")
    ));
    let many = doc(&"<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>".repeat(11));
    assert!(matches!(
        body::tables(&many, &limits()),
        Err(body::BodyError::TooLarge(m)) if m.contains("表格")
    ));
    assert!(matches!(
        body::tables(b"<w:document><w:body><w:tbl></w:body>", &limits()),
        Err(body::BodyError::Malformed(_))
    ));
}

#[test]
fn sniffing_by_magic_then_extension() {
    let utf16 = |s: &str| -> Vec<u8> { s.encode_utf16().flat_map(u16::to_le_bytes).collect() };
    let ole = |names: &[&str]| -> Vec<u8> {
        let mut b = OLE.to_vec();
        for n in names {
            b.extend(utf16(n));
        }
        b
    };
    let doc = ole(&["WordDocument"]);
    let old_word = Format::Unsupported("旧式 Word 文档（.doc）");
    let wps = Format::Unsupported("WPS 文字文档（.wps）");
    let pdf = Format::Unsupported("PDF 文件（.pdf）");
    let cases: Vec<(&str, Vec<u8>, Format)> = vec![
        ("a.docx", b"PK\x03\x04rest".to_vec(), Format::Docx),
        (
            "a.xlsx",
            b"PK\x03\x04 word/document.xml".to_vec(),
            Format::Docx,
        ),
        (
            "a.xlsx",
            b"PK\x03\x04 xl/workbook.xml word/document.xml".to_vec(),
            Format::Workbook,
        ),
        ("a.xlsx", b"PK\x03\x04".to_vec(), Format::Workbook),
        ("a.xlsx", b"%PDF-1.7".to_vec(), pdf),
        ("a.pdf", b"junk".to_vec(), pdf),
        ("目录.doc", doc.clone(), old_word),
        ("目录.xls", doc.clone(), old_word),
        ("目录.wps", doc, wps),
        // 嵌有 Word 对象的 .xls；加密的 Office 文件由工作簿的读法报“设有密码”。
        (
            "目录.xls",
            ole(&["Workbook", "WordDocument"]),
            Format::Workbook,
        ),
        ("目录.docx", ole(&["EncryptedPackage"]), Format::Workbook),
        ("目录.doc", b"{\\rtf1".to_vec(), old_word),
        ("目录.wps", Vec::new(), wps),
        ("目录.xlsx", b"text".to_vec(), Format::Workbook),
    ];
    for (name, bytes, want) in cases {
        assert_eq!(sniff(Path::new(name), &bytes), want, "{name} {bytes:?}");
    }
}

fn zipped(entries: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        z.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap().into_inner()
}

#[test]
fn parts_are_read_with_a_cap_on_their_unpacked_size() {
    let p = Path::new("目录.docx");
    let bytes = zipped(&[("word/document.xml", &[b' '; 4096])]);
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    assert_eq!(
        read_part(p, &mut z, "word/document.xml", 4096)
            .unwrap()
            .map(|v| v.len()),
        Some(4096)
    );
    assert!(matches!(
        read_part(p, &mut z, "word/document.xml", 1024),
        Err(ImportError::WordTooLarge { .. })
    ));
    assert!(read_part(p, &mut z, "word/other.xml", 1024)
        .unwrap()
        .is_none());
}

#[test]
fn the_main_part_is_found_through_content_types() {
    let body = doc(&format!(
        "{}<w:tbl><w:tr>{}</w:tr></w:tbl>",
        p("社会救助领域"),
        tc("", &p("x"))
    ));
    let types = br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/main.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    let bytes = zipped(&[("[Content_Types].xml", types), ("word/main.xml", &body)]);
    let xml = document_xml(Path::new("目录.docx"), bytes).unwrap();
    assert_eq!(xml, body);
    let e = document_xml(Path::new("目录.docx"), zipped(&[("a.txt", b"x")])).unwrap_err();
    assert!(e.to_string().contains("没有 Word 正文"), "{e}");
}
