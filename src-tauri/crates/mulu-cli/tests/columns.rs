//! `mulu columns generate|export|check`：门户栏目。

mod common;

use common::Env;

fn catalog(env: &Env) {
    env.new_township_catalog();
    env.ok(&["catalog", "adopt", "1", "--domain", "社会救助"]);
}

#[test]
fn generate_then_export_csv_and_xlsx() {
    let env = Env::new();
    catalog(&env);
    let csv = env.path("栏目.csv");
    let o = env.run(&["columns", "export", "1", "--csv", csv.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("mulu columns generate 1"));

    let out = env.ok(&["columns", "generate", "1"]);
    assert!(out.starts_with("已生成栏目表：新增 "), "{out}");
    // Running it again adds nothing.
    let again = env.ok(&["columns", "generate", "1"]);
    assert!(
        again.contains("新增 0 个栏目") && again.contains("为 0 个事项"),
        "{again}"
    );

    env.ok(&["columns", "export", "1", "--csv", csv.to_str().unwrap()]);
    let text = std::fs::read_to_string(&csv).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("\u{feff}序号,栏目路径,层级,栏目名称,上级栏目,栏目网址,对应事项数,对应事项")
    );
    assert_eq!(lines.next(), Some("1,政府信息公开,1,政府信息公开,,,0,"));
    assert!(text.contains("3,政府信息公开/法定主动公开内容/社会救助,3,社会救助,"));

    let x = env.path("栏目.xlsx");
    env.ok(&["columns", "export", "1", "--xlsx", x.to_str().unwrap()]);
    assert_eq!(&std::fs::read(&x).unwrap()[..2], b"PK");

    // The HTML page names each item's column.
    let h = env.path("目录.html");
    env.ok(&["export", "1", "--html", h.to_str().unwrap()]);
    let page = std::fs::read_to_string(&h).unwrap();
    assert!(page.contains("class=\"portal\""));
}
