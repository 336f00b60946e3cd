//! Word 文档：`mulu import x.docx` 与 `mulu guidelines import x.docx` 读其中的表格；
//! .doc、.pdf 给一行中文说明（先另存为 .docx）并以退出码 2 结束。

mod common;

use common::{repo, Env};
use serde_json::Value;

fn fixture(name: &str) -> String {
    repo()
        .join("tests/fixtures/docx")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn import_docx_dry_run_json_is_the_preview() {
    let env = Env::new();
    let out = env.ok(&[
        "import",
        &fixture("word_catalog.docx"),
        "--dry-run",
        "--json",
    ]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let sheets = v["sheets"].as_array().unwrap();
    let names: Vec<&str> = sheets.iter().filter_map(|s| s["sheet"].as_str()).collect();
    assert_eq!(
        names,
        [
            "表1（社会救助）",
            "表2（养老服务）",
            "表3（养老服务）",
            "表4（就业）",
            "表5（就业）"
        ]
    );
    let sj = &sheets[0];
    assert_eq!(sj["domain"], "社会救助");
    assert_eq!(sj["items"].as_array().unwrap().len(), 6);
    let item = &sj["items"][0];
    assert_eq!(item["l1"], "综合业务");
    assert_eq!(item["row"], 3);
    assert_eq!(item["cells"]["channels"], "H3");
    // 嵌在格里的表格：文字并入，并指到那一格。
    let d = &sj["diagnostics"][0];
    assert_eq!(
        (d["cell"].as_str(), d["severity"].as_str()),
        (Some("E6"), Some("警告"))
    );
    assert_eq!(v["plan"]["added"], 15);
    assert_eq!(v["result"], Value::Null, "--dry-run 不写入");
}

#[test]
fn import_docx_writes_a_catalog() {
    let env = Env::new();
    let out = env.ok(&[
        "import",
        &fixture("lo_official.docx"),
        "--unit",
        "某某县某某镇人民政府",
        "--kind",
        "乡镇",
        "--year",
        "2026",
    ]);
    assert!(out.contains("已写入目录 1：新增 10 项"), "{out}");
}

#[test]
fn guidelines_import_reads_a_word_table() {
    let env = Env::new();
    let out = env.ok(&[
        "guidelines",
        "import",
        &fixture("word_guideline.docx"),
        "--version",
        "Word-测试",
    ]);
    assert!(
        out.contains("已导入“生态环境”领域指引：5 个事项，版本 Word-测试"),
        "{out}"
    );
    let d: Value =
        serde_json::from_str(&env.ok(&["guidelines", "show", "生态环境", "--json"])).unwrap();
    assert_eq!(d["data_version"], "Word-测试");
}

#[test]
fn doc_and_pdf_exit_2_with_one_line_asking_to_save_as_docx() {
    let env = Env::new();
    for (name, kind) in [
        ("lo_old_word.doc", "旧式 Word 文档（.doc）"),
        ("lo_scan.pdf", "PDF 文件（.pdf）"),
    ] {
        for args in [vec!["import", "FILE"], vec!["guidelines", "import", "FILE"]] {
            let file = fixture(name);
            let args: Vec<&str> = args
                .iter()
                .map(|a| if *a == "FILE" { file.as_str() } else { a })
                .collect();
            let o = env.run(&args);
            assert_eq!(o.status.code(), Some(2), "{args:?}");
            let err = String::from_utf8(o.stderr).unwrap();
            assert_eq!(err.trim_end().lines().count(), 1, "{err}");
            assert!(
                err.contains(kind) && err.contains("另存为") && err.contains(".docx"),
                "{err}"
            );
        }
    }
}
