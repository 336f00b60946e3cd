//! `mulu history`：列出改动、整批撤销一次导入（另一个进程里、重启之后）、恢复删除的条目。

mod common;

use common::Env;
use serde_json::Value;

fn json(s: &str) -> Value {
    serde_json::from_str(s).unwrap()
}

#[test]
fn an_import_is_listed_and_undone_from_the_command_line() {
    let a = Env::new();
    a.new_township_catalog();
    a.ok(&["catalog", "adopt", "1", "--domain", "社会救助", "就业"]);
    let file = a.path("目录.xlsx");
    a.ok(&["export", "1", "--xlsx", file.to_str().unwrap()]);

    let b = Env::new();
    b.new_township_catalog();
    b.ok(&["catalog", "adopt", "1", "--domain", "社会救助"]);
    let before = json(&b.ok(&["catalog", "show", "1", "--json"]));
    b.ok(&["import", file.to_str().unwrap(), "--into", "1"]);
    let merged = json(&b.ok(&["catalog", "show", "1", "--json"]));
    assert!(merged["items"].as_array().unwrap().len() > before["items"].as_array().unwrap().len());

    let sets = json(&b.ok(&["history", "1", "--json"]));
    let import = &sets[0];
    assert_eq!(import["action"], "导入");
    assert!(import["user"].as_str().is_some_and(|u| !u.is_empty()));
    let text = b.ok(&["history", "1"]);
    assert!(
        text.contains("导入") && text.contains("新增事项“"),
        "{text}"
    );

    let id = import["id"].as_i64().unwrap().to_string();
    let out = b.ok(&["history", "1", "--undo", &id]);
    assert!(out.contains("已撤销第"), "{out}");
    let after = json(&b.ok(&["catalog", "show", "1", "--json"]));
    assert_eq!(after["items"], before["items"]);

    let o = b.run(&["history", "1", "--undo", &id]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("已经撤销过了"), "{err}");
}

#[test]
fn an_item_history_and_a_missing_catalog() {
    let env = Env::new();
    env.new_township_catalog();
    env.ok(&["catalog", "adopt", "1", "--domain", "社会救助"]);
    let h = json(&env.ok(&["history", "1", "--item", "1", "--json"]));
    assert_eq!(h[0]["action"], "采用指引");
    assert_eq!(h[0]["changes"][0]["op"], "insert");
    let o = env.run(&["history", "99"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8(o.stderr).unwrap().contains("找不到目录"));
}
