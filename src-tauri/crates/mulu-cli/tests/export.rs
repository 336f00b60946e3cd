//! `mulu export` 与 `mulu guidelines export` 的对外形式。

mod common;

use common::Env;

fn catalog(env: &Env) {
    env.new_township_catalog();
    env.ok(&["catalog", "adopt", "1", "--domain", "社会救助", "就业"]);
}

#[test]
fn exports_xlsx_html_and_json() {
    let env = Env::new();
    catalog(&env);
    let x = env.path("out.xlsx");
    let out = env.ok(&["export", "1", "--xlsx", x.to_str().unwrap()]);
    assert!(out.contains("Excel 工作簿"), "{out}");
    assert_eq!(&std::fs::read(&x).unwrap()[..2], b"PK");

    let h = env.path("out.html");
    env.ok(&[
        "export",
        "1",
        "--html",
        h.to_str().unwrap(),
        "--domain",
        "就业",
        "--no-level",
        "--lower-level-label",
        "镇级",
    ]);
    let page = std::fs::read_to_string(&h).unwrap();
    assert!(page.contains("就业领域基层政务公开标准目录") && !page.contains("社会救助领域"));
    assert!(!page.contains("公开层级"));

    let j = env.path("out.json");
    env.ok(&["export", "1", "--json", j.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&j).unwrap()).unwrap();
    assert_eq!(v["format_version"], 1);
    assert_eq!(v["catalog"]["year"], 2026);
}

#[test]
fn export_needs_exactly_one_format_and_a_real_catalog() {
    let env = Env::new();
    catalog(&env);
    let o = env.run(&["export", "1"]);
    assert_eq!(o.status.code(), Some(2));
    let o = env.run(&["export", "1", "--xlsx", "a.xlsx", "--html", "b.html"]);
    assert_eq!(o.status.code(), Some(2));
    let o = env.run(&[
        "export",
        "7",
        "--xlsx",
        env.path("a.xlsx").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("找不到目录"));
    let o = env.run(&[
        "export",
        "1",
        "--xlsx",
        env.path("a.xlsx").to_str().unwrap(),
        "--lower-level-label",
        "村级",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let o = env.run(&["export", "1", "--xlsx", "/nonexistent-dir/a.xlsx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("无法写出文件"));
}

#[test]
fn guideline_export_marks_required_carriers_with_a_legend() {
    let env = Env::new();
    let x = env.path("g.xlsx");
    let out = env.ok(&[
        "guidelines",
        "export",
        "社会救助",
        "--xlsx",
        x.to_str().unwrap(),
    ]);
    assert!(out.contains("社会救助"), "{out}");
    assert_eq!(&std::fs::read(&x).unwrap()[..2], b"PK");
}
