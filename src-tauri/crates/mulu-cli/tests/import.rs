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

/// 导出一个领域的指引表格，再作为新版本导入：（导入前的领域，导入的输出，导入后的领域）。
fn export_then_import(domain: &str, version: &str) -> (Value, String, Value) {
    let env = Env::new();
    let g = env.path("指引.xlsx");
    let g = g.to_str().unwrap();
    env.ok(&["guidelines", "export", domain, "--xlsx", g]);
    let show = || -> Value {
        serde_json::from_str(&env.ok(&["guidelines", "show", domain, "--json"])).unwrap()
    };
    let before = show();
    let out = env.ok(&["guidelines", "import", g, "--version", version]);
    (before, out, show())
}

#[test]
fn guideline_workbook_loads_as_a_new_version_with_stable_ids() {
    let (before, out, after) = export_then_import("社会救助", "省级-2026");
    assert!(out.contains("版本 省级-2026"), "{out}");
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
    // 载体读回同样的名称。社会救助的来源副本没有图例，导出时载体标 √（未注明必选/可选），
    // 读回时算作哪种要求由导入决定；有图例的 ■/□ 见下一个测试。
    let names = |v: &Value| -> std::collections::BTreeSet<String> {
        v["items"][0]["carriers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(names(&before), names(&after));
}

#[test]
fn guideline_workbook_with_legend_marks_round_trips_required_and_optional() {
    // 市政服务 17.001 取自有图例（“■”表示必选项，“□”表示可选项）的副本：导出 ■/□，读回同样的要求。
    let (before, _, after) = export_then_import("市政服务", "往返");
    assert_eq!(before["items"][0]["id"], "17.001");
    assert_eq!(after["items"][0]["id"], "17.001");
    assert_eq!(
        before["items"][0]["carriers"],
        after["items"][0]["carriers"]
    );
}

/// 县里导入一个新版本后写指引包；乡镇载入后 `mulu guidelines --json` 与县里一样
/// （只有新存入的版本的 `library` 记的是这个指引包）。
#[test]
fn a_pack_written_by_one_database_loads_into_another() {
    let county = Env::new();
    let g = county.path("社会救助指引.xlsx");
    county.ok(&[
        "guidelines",
        "export",
        "社会救助",
        "--xlsx",
        g.to_str().unwrap(),
    ]);
    county.ok(&[
        "guidelines",
        "import",
        g.to_str().unwrap(),
        "--version",
        "县-2026.12",
    ]);
    let pack = county.path("某某县指引库.json");
    let out = county.ok(&["guidelines", "pack", pack.to_str().unwrap()]);
    assert!(out.contains("已写出指引包“某某县指引库 "), "{out}");
    assert!(out.contains("26 个领域"), "{out}");

    let town = Env::new();
    let id = town.new_township_catalog();
    town.ok(&["catalog", "adopt", id.trim(), "--domain", "社会救助"]);
    let items_before = town.ok(&["catalog", "show", id.trim(), "--json"]);
    let dry = town.ok(&["guidelines", "load", pack.to_str().unwrap(), "--dry-run"]);
    assert!(dry.contains("将载入“社会救助”领域指引"), "{dry}");
    assert!(dry.contains("25 个领域本机已有相同的版本"), "{dry}");
    assert!(!town.ok(&["guidelines", "--json"]).contains("县-2026.12"));
    let out = town.ok(&["guidelines", "load", pack.to_str().unwrap()]);
    assert!(out.contains("已载入“社会救助”领域指引"), "{out}");

    let a: Value = serde_json::from_str(&county.ok(&["guidelines", "--json"])).unwrap();
    let mut b: Value = serde_json::from_str(&town.ok(&["guidelines", "--json"])).unwrap();
    let relief = b
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|d| d["name"] == "社会救助")
        .unwrap();
    assert!(
        relief["library"]
            .as_str()
            .unwrap()
            .starts_with("某某县指引库 "),
        "{relief}"
    );
    assert_eq!(
        a.as_array()
            .unwrap()
            .iter()
            .find(|d| d["name"] == "社会救助")
            .unwrap()["library"],
        "导入：社会救助指引.xlsx"
    );
    relief["library"] = "导入：社会救助指引.xlsx".into();
    assert_eq!(a, b);
    let show = |env: &Env| -> Value {
        let mut v: Value =
            serde_json::from_str(&env.ok(&["guidelines", "show", "社会救助", "--json"])).unwrap();
        v["library"] = Value::Null;
        v
    };
    assert_eq!(show(&county), show(&town), "事项与来源原样");
    // 已有目录不变。
    assert_eq!(
        town.ok(&["catalog", "show", id.trim(), "--json"]),
        items_before
    );
}

#[test]
fn a_tampered_pack_is_refused_with_one_chinese_line() {
    let env = Env::new();
    let pack = env.path("p.json");
    env.ok(&[
        "guidelines",
        "pack",
        pack.to_str().unwrap(),
        "--name",
        "某某县指引库",
        "--version",
        "1",
    ]);
    let text = std::fs::read_to_string(&pack).unwrap();
    assert!(text.contains("\"name\": \"某某县指引库\""));
    std::fs::write(&pack, text.replacen("政府网站", "政府网址", 1)).unwrap();
    let o = env.run(&["guidelines", "load", pack.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("校验和不符"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

/// A table whose domain cannot be recognised: nothing to add, so no empty catalog is created (exit 2,
/// the same refusal as the app's, plus the flag to use); --dry-run still reports.
#[test]
fn nothing_to_import_is_refused_instead_of_an_empty_catalog() {
    let env = Env::new();
    let file = env.path("表1.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("表1").unwrap();
    let header = [
        "序号",
        "一级事项",
        "二级事项",
        "公开内容",
        "公开依据",
        "公开时限",
        "公开主体",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write(0, c as u16, *h).unwrap();
    }
    let row = [
        "1",
        "某事项",
        "某子项",
        "内容",
        "依据",
        "20个工作日",
        "某某镇",
    ];
    for (c, v) in row.iter().enumerate() {
        ws.write(1, c as u16, *v).unwrap();
    }
    wb.save(&file).unwrap();
    let f = file.to_str().unwrap();
    let o = env.run(&[
        "import",
        f,
        "--unit",
        "某某县某某镇人民政府",
        "--year",
        "2026",
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("没有可导入的事项") && err.contains("--domain"),
        "{err}"
    );
    let list: Value = serde_json::from_str(&env.ok(&["catalog", "list", "--json"])).unwrap();
    assert!(list.as_array().unwrap().is_empty(), "不应新建空目录");
    let out = env.ok(&["import", f, "--dry-run"]);
    assert!(out.contains("试运行"), "{out}");
}
