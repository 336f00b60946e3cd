//! `mulu import` 与 `mulu guidelines import` 的对外形式：退出码、JSON 形状、往返与合并。

mod common;

use common::Env;
use serde_json::Value;

fn exported(env: &Env) -> std::path::PathBuf {
    env.new_township_catalog();
    env.ok(&["catalog", "adopt", "1", "--domain", "社会救助", "就业"]);
    let out = env.path("目录.xlsx");
    env.ok(&["export", "1", "--xlsx", out.to_str().unwrap()]);
    out
}

#[test]
fn own_export_round_trips_into_an_empty_database() {
    let a = Env::new();
    let file = exported(&a);
    let b = Env::new();
    let out = b.ok(&["import", file.to_str().unwrap()]);
    assert!(out.contains("已写入目录 1"), "{out}");
    assert_eq!(
        a.ok(&["catalog", "show", "1", "--json"]),
        b.ok(&["catalog", "show", "1", "--json"]),
        "再导入本程序导出的工作簿应得到完全相同的目录"
    );
}

#[test]
fn dry_run_json_is_the_preview() {
    let env = Env::new();
    let file = exported(&env);
    let out = env.ok(&["import", file.to_str().unwrap(), "--dry-run", "--json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let sheets = v["sheets"].as_array().unwrap();
    let sr = sheets.iter().find(|s| s["domain"] == "社会救助").unwrap();
    let item = &sr["items"][0];
    for key in [
        "l1",
        "l2",
        "content",
        "basis",
        "time_limit",
        "subject",
        "channels",
        "audience",
        "mode",
        "level",
    ] {
        assert!(item.get(key).is_some(), "事项缺少字段 {key}：{item}");
    }
    assert_eq!(item["sheet"], "社会救助");
    assert_eq!(item["cells"]["time_limit"], "F4");
    assert!(sr["diagnostics"].is_array());
    assert_eq!(v["result"], Value::Null, "--dry-run 不写入");
    assert_eq!(v["plan"]["unchanged"], 0);
    // 试运行后库里仍只有原来的一份目录。
    let list: Value = serde_json::from_str(&env.ok(&["catalog", "list", "--json"])).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
}

#[test]
fn merging_the_same_file_changes_nothing() {
    let env = Env::new();
    let file = exported(&env);
    let out = env.ok(&["import", file.to_str().unwrap(), "--into", "1"]);
    assert!(out.contains("新增 0 项，更改 0 项"), "{out}");
}

#[test]
fn unreadable_input_exits_2_with_one_chinese_line() {
    let env = Env::new();
    let bad = env.path("坏.xlsx");
    std::fs::write(&bad, "not a workbook").unwrap();
    let o = env.run(&["import", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("不是 Excel 工作簿"), "{err}");

    // 年度已有目录：报错，什么也不写。
    let env = Env::new();
    let file = exported(&env);
    let o = env.run(&["import", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("已存在"));
}

#[test]
fn guideline_workbook_loads_as_a_new_version_with_stable_ids() {
    let env = Env::new();
    let g = env.path("社会救助指引.xlsx");
    env.ok(&[
        "guidelines",
        "export",
        "社会救助",
        "--xlsx",
        g.to_str().unwrap(),
    ]);
    let before: Value =
        serde_json::from_str(&env.ok(&["guidelines", "show", "社会救助", "--json"])).unwrap();
    let out = env.ok(&[
        "guidelines",
        "import",
        g.to_str().unwrap(),
        "--version",
        "省级-2026",
    ]);
    assert!(out.contains("版本 省级-2026"), "{out}");
    let after: Value =
        serde_json::from_str(&env.ok(&["guidelines", "show", "社会救助", "--json"])).unwrap();
    assert_eq!(after["data_version"], "省级-2026");
    let ids = |v: &Value| -> Vec<String> {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&before), ids(&after), "按名称沿用编号");
    // ■ 必选 / □ 可选 读回为同样的载体要求。
    assert_eq!(
        before["items"][0]["carriers"],
        after["items"][0]["carriers"]
    );
}
