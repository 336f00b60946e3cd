//! 读不了的文件给出清楚的中文错误，绝不 panic；过大的文件与表在整读之前就拒绝。

use std::path::{Path, PathBuf};

use mulu_import::{read_workbook, ImportError, ReadOptions};
use rust_xlsxwriter::Workbook;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn opts() -> ReadOptions {
    ReadOptions::with_builtin_domains()
}

fn catalog_workbook() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("社会救助").unwrap();
    for (c, h) in [
        "序号",
        "一级事项",
        "二级事项",
        "公开内容（要素）",
        "公开依据",
        "公开时限",
        "公开主体",
        "公开渠道和载体",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for r in 1..30 {
        ws.write_number(r, 0, r).unwrap();
        ws.write_string(r, 1, "最低生活保障").unwrap();
        ws.write_string(r, 2, format!("审批结果{r}")).unwrap();
        ws.write_string(r, 3, "低保对象名单、救助金额").unwrap();
        ws.write_string(r, 7, "■政府网站 □政府公报").unwrap();
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn a_text_file_is_not_a_workbook() {
    let d = tempfile::tempdir().unwrap();
    let p = write(d.path(), "目录.xlsx", "这不是工作簿".as_bytes());
    let e = read_workbook(&p, &opts()).unwrap_err();
    assert!(matches!(e, ImportError::NotAWorkbook { .. }), "{e}");
    assert!(e.to_string().contains("不是 Excel 工作簿"));
}

#[test]
fn a_truncated_zip_is_reported_as_damaged() {
    let d = tempfile::tempdir().unwrap();
    let bytes = catalog_workbook();
    let p = write(d.path(), "半截.xlsx", &bytes[..bytes.len() / 2]);
    let e = read_workbook(&p, &opts()).unwrap_err();
    assert!(matches!(e, ImportError::Malformed { .. }), "{e}");
    assert!(e.to_string().contains("已损坏"), "{e}");
}

#[test]
fn an_encrypted_workbook_is_named_as_such() {
    // 加密的 .xlsx 是 OLE 复合文档，里面有名为 EncryptedPackage 的流。
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(512, 0);
    bytes.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    let d = tempfile::tempdir().unwrap();
    let p = write(d.path(), "加密.xlsx", &bytes);
    let e = read_workbook(&p, &opts()).unwrap_err();
    assert!(matches!(e, ImportError::Encrypted { .. }), "{e}");
    assert!(e.to_string().contains("密码"));
}

#[test]
fn empty_and_tableless_workbooks() {
    let d = tempfile::tempdir().unwrap();
    let mut wb = Workbook::new();
    wb.add_worksheet();
    let p = write(d.path(), "空.xlsx", &wb.save_to_buffer().unwrap());
    assert!(matches!(
        read_workbook(&p, &opts()).unwrap_err(),
        ImportError::Empty { .. }
    ));

    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("说明").unwrap();
    ws.write_string(0, 0, "请各单位于月底前报送政务公开标准目录。")
        .unwrap();
    let p = write(d.path(), "通知.xlsx", &wb.save_to_buffer().unwrap());
    let e = read_workbook(&p, &opts()).unwrap_err();
    assert!(matches!(e, ImportError::NoTable { .. }), "{e}");
    assert!(e.to_string().contains("说明"), "错误里列出工作表名：{e}");
}

#[test]
fn oversized_files_and_sheets_are_refused_before_reading() {
    let d = tempfile::tempdir().unwrap();
    let p = write(d.path(), "目录.xlsx", &catalog_workbook());
    let small = ReadOptions {
        max_file_bytes: 100,
        ..opts()
    };
    let e = read_workbook(&p, &small).unwrap_err();
    assert!(matches!(e, ImportError::TooLarge { .. }), "{e}");

    // 只有两格，但声明的范围是 100 万行 × 100 列。
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "公开事项").unwrap();
    ws.write_string(999_999, 99, "末尾").unwrap();
    let p = write(d.path(), "巨表.xlsx", &wb.save_to_buffer().unwrap());
    let e = read_workbook(&p, &opts()).unwrap_err();
    match &e {
        ImportError::SheetTooLarge { rows, cols, .. } => {
            assert_eq!((*rows, *cols), (1_000_000, 100));
        }
        other => panic!("应拒绝过大的表：{other}"),
    }
    assert!(e.to_string().contains("Sheet1"), "{e}");
}

#[test]
fn corrupted_bytes_never_panic() {
    // 简单的变异测试（正式的模糊测试见 fuzz/）：翻转有效工作簿里的字节，读取只能成功或报错。
    let good = catalog_workbook();
    let d = tempfile::tempdir().unwrap();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for case in 0..150 {
        let mut bytes = good.clone();
        for _ in 0..(1 + next() % 8) {
            let i = (next() as usize) % bytes.len();
            bytes[i] = next() as u8;
        }
        if case % 10 == 0 {
            bytes.truncate((next() as usize) % bytes.len());
        }
        let p = write(d.path(), &format!("变异{case}.xlsx"), &bytes);
        let _ = read_workbook(&p, &opts());
    }
}

#[test]
fn a_missing_file_says_so() {
    let e = read_workbook(Path::new("/没有/这个/文件.xlsx"), &opts()).unwrap_err();
    assert!(matches!(e, ImportError::Io { .. }));
    assert!(e.to_string().contains("无法读取文件"));
}
