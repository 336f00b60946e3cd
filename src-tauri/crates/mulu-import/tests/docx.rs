//! Word 文档（.docx）的读取：按字节读与按路径读一致、改了扩展名也认、损坏与恶意构造的文档
//! 给出中文错误而不 panic；.doc/.wps/.pdf 请用户先另存。逐字段的核对在 `fixtures.rs`
//! （`tests/fixtures/docx/` 的夹具）。

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use mulu_import::{read_workbook, read_workbook_bytes, ImportError, ReadOptions};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../tests/fixtures/docx")
        .join(name)
}

fn opts() -> ReadOptions {
    ReadOptions::with_builtin_domains()
}

fn docx(document_xml: &str) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    z.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    z.write_all(document_xml.as_bytes()).unwrap();
    z.finish().unwrap().into_inner()
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

#[test]
fn bytes_and_path_read_the_same_and_a_renamed_docx_is_still_a_docx() {
    let path = fixture("word_catalog.docx");
    let by_path = read_workbook(&path, &opts()).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let by_bytes = read_workbook_bytes("目录.docx", bytes.clone(), &opts()).unwrap();
    assert_eq!(by_path.sheets.len(), by_bytes.sheets.len());
    assert_eq!(by_path.item_count(), 15);
    assert_eq!(by_bytes.item_count(), 15);
    let renamed = read_workbook_bytes("目录.xlsx", bytes, &opts()).unwrap();
    assert_eq!(renamed.item_count(), 15);
    // 标题里的单位名（“某某县某某镇”不在领域标题里时没有）与事项的格子。
    let s = &by_path.sheets[0];
    assert_eq!(s.sheet, "表1（社会救助）");
    assert_eq!(s.items[0].cells[&mulu_core::model::Field::Channels], "H3");
}

#[test]
fn the_heading_above_a_table_gives_the_unit() {
    let row = |cells: &[&str]| {
        let tcs: String = cells
            .iter()
            .map(|c| format!("<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>"))
            .collect();
        format!("<w:tr>{tcs}</w:tr>")
    };
    let xml = format!(
        "<w:document {W}><w:body><w:p><w:r><w:t>某某县某某镇社会救助领域基层政务公开标准目录</w:t></w:r></w:p><w:tbl>{}{}</w:tbl></w:body></w:document>",
        row(&["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道和载体"]),
        row(&["1", "最低生活保障", "审批结果", "名单", "《社会救助暂行办法》", "20个工作日内", "县级民政部门", "■政府网站 □政府公报"]),
    );
    let p = read_workbook_bytes("目录.docx", docx(&xml), &opts()).unwrap();
    assert_eq!(p.unit_hint.as_deref(), Some("某某县某某镇"));
    assert_eq!(p.sheets[0].domain.as_deref(), Some("社会救助"));
    assert_eq!(p.sheets[0].items[0].fields.l2, "审批结果");
}

#[test]
fn damaged_and_hostile_documents_are_refused_with_chinese_errors() {
    let bytes = std::fs::read(fixture("word_catalog.docx")).unwrap();
    let e =
        read_workbook_bytes("半截.docx", bytes[..bytes.len() / 2].to_vec(), &opts()).unwrap_err();
    assert!(matches!(e, ImportError::Malformed { .. }), "{e}");

    let doctype = format!(
        r#"<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x "xxxxxxxx">]><w:document {W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"#
    );
    let e = read_workbook_bytes("恶意.docx", docx(&doctype), &opts()).unwrap_err();
    assert!(
        matches!(e, ImportError::Malformed { .. }) && e.to_string().contains("DOCTYPE"),
        "{e}"
    );

    let many = format!(
        "<w:document {W}><w:body>{}</w:body></w:document>",
        "<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>".repeat(1001)
    );
    let e = read_workbook_bytes("很多表.docx", docx(&many), &opts()).unwrap_err();
    assert!(matches!(e, ImportError::WordTooLarge { .. }), "{e}");

    // 嵌套很深的表格：不递归，不会栈溢出。
    let deep = format!(
        "<w:document {W}><w:body>{}{}</w:body></w:document>",
        "<w:tbl><w:tr><w:tc>".repeat(20_000),
        "<w:p/></w:tc></w:tr></w:tbl>".repeat(20_000)
    );
    let e = read_workbook_bytes("深.docx", docx(&deep), &opts()).unwrap_err();
    assert!(matches!(e, ImportError::WordNoTable { .. }), "{e}");

    let empty = format!("<w:document {W}><w:body><w:p/></w:body></w:document>");
    let e = read_workbook_bytes("空.docx", docx(&empty), &opts()).unwrap_err();
    assert!(e.to_string().contains("里没有表格"), "{e}");
}

#[test]
fn doc_wps_and_pdf_ask_to_save_as_docx_first() {
    for name in ["lo_old_word.doc", "lo_scan.pdf"] {
        let e = read_workbook(&fixture(name), &opts()).unwrap_err();
        assert!(matches!(e, ImportError::Unsupported { .. }), "{name}：{e}");
        let msg = e.to_string();
        assert!(msg.contains("另存为") && msg.contains(".docx"), "{msg}");
        assert_eq!(msg.lines().count(), 1);
    }
    let doc = std::fs::read(fixture("lo_old_word.doc")).unwrap();
    let e = read_workbook_bytes("目录.wps", doc, &opts()).unwrap_err();
    assert!(e.to_string().contains("WPS 文字文档"), "{e}");
    // .xls 照旧由工作簿的读法处理。
    let xls = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../tests/fixtures/workbooks/legacy_wps.xls");
    assert!(read_workbook(&xls, &opts()).unwrap().item_count() > 0);
}

#[test]
fn guidelines_are_read_from_word_tables_too() {
    let (domains, diags) =
        mulu_import::read_guideline(&fixture("word_guideline.docx"), &opts(), "测试", &|_| {
            None
        })
        .unwrap();
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(domains.len(), 1);
    assert_eq!(domains[0].name, "生态环境");
    assert!(domains[0].items[0]
        .source
        .starts_with("word_guideline.docx 表1!"));
}

#[test]
fn corrupted_documents_never_panic() {
    // 变异测试：改乱正文 XML 的字节（再正常打包，让 XML 读法真正读到它们）与整个文件的字节。
    let body = {
        use std::io::Read;
        let bytes = std::fs::read(fixture("word_catalog.docx")).unwrap();
        let mut z = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut f = z.by_name("word/document.xml").unwrap();
        let mut s = Vec::new();
        f.read_to_end(&mut s).unwrap();
        s
    };
    let whole = std::fs::read(fixture("word_catalog.docx")).unwrap();
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    const MARKUP: &[u8] = b"<>/=\"&;:wtcrp ";
    for case in 0..120 {
        let (name, bytes) = if case % 3 == 0 {
            let mut b = whole.clone();
            for _ in 0..(1 + next() % 8) {
                let i = (next() as usize) % b.len();
                b[i] = next() as u8;
            }
            (format!("变异{case}.docx"), b)
        } else {
            let mut x = body.clone();
            for _ in 0..(1 + next() % 6) {
                let i = (next() as usize) % x.len();
                x[i] = MARKUP[(next() as usize) % MARKUP.len()];
            }
            if case % 7 == 0 {
                x.truncate((next() as usize) % x.len());
            }
            let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
            z.start_file(
                "word/document.xml",
                zip::write::SimpleFileOptions::default(),
            )
            .unwrap();
            z.write_all(&x).unwrap();
            (format!("变异{case}.docx"), z.finish().unwrap().into_inner())
        };
        if let Err(ImportError::Malformed { detail, .. }) =
            read_workbook_bytes(&name, bytes, &opts())
        {
            assert!(
                !detail.contains("读取器无法解析"),
                "{name}：读取时 panic 了"
            );
        }
    }
}
