//! `mulu search`：全部目录里的搜索，文字与 `--json`（对外的形状），没有命中时退出码 1。

mod common;

use common::Env;
use serde_json::Value;

#[test]
fn finds_items_in_every_catalog_and_says_which() {
    let e = Env::new();
    e.new_township_catalog();
    e.new_township_catalog_for("2027");
    e.ok(&["catalog", "adopt", "1", "--domain", "社会救助"]);
    e.ok(&["catalog", "adopt", "2", "--domain", "社会救助", "就业"]);

    let v: Value = serde_json::from_str(&e.ok(&["search", "最低生活保障", "--json"])).unwrap();
    assert_eq!(v["query"], "最低生活保障");
    assert_eq!(v["truncated"], false);
    let cats = v["catalogs"].as_array().unwrap();
    assert_eq!(
        cats.iter()
            .map(|c| c["catalog_id"].as_i64().unwrap())
            .collect::<Vec<_>>(),
        vec![1, 2]
    );
    for c in cats {
        for key in ["title", "unit_name", "year", "hits", "items"] {
            assert!(!c[key].is_null(), "{key} missing in {c}");
        }
        let item = &c["items"][0];
        assert_eq!(item["domain"], "社会救助");
        assert!(
            item["name"].as_str().unwrap().contains("最低生活保障"),
            "{item}"
        );
        assert!(item["item_id"].as_i64().is_some());
    }
    let total: i64 = cats.iter().map(|c| c["hits"].as_i64().unwrap()).sum();
    assert_eq!(v["items"].as_i64().unwrap(), total);

    let text = e.ok(&["search", "最低生活保障"]);
    assert!(
        text.contains("2 份目录") && text.contains("2027 年度"),
        "{text}"
    );

    let cut: Value =
        serde_json::from_str(&e.ok(&["search", "救助", "--limit", "2", "--json"])).unwrap();
    assert_eq!(cut["truncated"], true);
    assert_eq!(cut["items"], 2);
}

#[test]
fn nothing_found_exits_with_1() {
    let e = Env::new();
    e.new_township_catalog();
    let o = e.run(&["search", "没有这个词语"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("没有目录含有“没有这个词语”"));
}
