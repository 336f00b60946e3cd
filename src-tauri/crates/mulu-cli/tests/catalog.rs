//! `mulu guidelines` 与 `mulu catalog …` 的对外形式（脚本依赖它们）。

mod common;

use common::Env;

#[test]
fn guidelines_lists_the_26_domains_as_json() {
    let env = Env::new();
    let v: serde_json::Value = serde_json::from_str(&env.ok(&["guidelines", "--json"])).unwrap();
    let list = v.as_array().unwrap();
    assert_eq!(list.len(), 26);
    assert_eq!(list[0]["name"], "重大建设项目");
    assert_eq!(list[0]["status"], "部分");
    assert!(list[0]["item_count"].as_u64().unwrap() > 0);
    let text = env.ok(&["guidelines"]);
    assert!(
        text.contains("社会救助") && text.contains("共 26 个领域"),
        "{text}"
    );
}

#[test]
fn new_adopt_list_show() {
    let env = Env::new();
    let id = env.new_township_catalog();
    assert_eq!(id.trim(), "1", "只输出新目录的编号");
    let out = env.ok(&["catalog", "adopt", "1", "--domain", "社会救助", "养老服务"]);
    assert!(out.contains("社会救助：新增"), "{out}");

    let list: serde_json::Value =
        serde_json::from_str(&env.ok(&["catalog", "list", "--json"])).unwrap();
    assert_eq!(list[0]["id"], 1);
    assert_eq!(list[0]["unit_name"], "某某县某某镇人民政府");
    assert_eq!(list[0]["year"], 2026);
    assert_eq!(list[0]["status"], "草稿");
    assert_eq!(
        list[0]["domains"],
        serde_json::json!(["社会救助", "养老服务"])
    );

    let show: serde_json::Value =
        serde_json::from_str(&env.ok(&["catalog", "show", "1", "--json"])).unwrap();
    let items = show["items"].as_array().unwrap();
    assert_eq!(
        list[0]["item_count"].as_u64().unwrap() as usize,
        items.len()
    );
    assert_eq!(items[0]["provenance"]["kind"], "标准指引");
    assert_eq!(items[0]["provenance"]["guideline_item_id"], "05.001");

    // 同一单位第二年。
    let id2 = env.new_township_catalog_for("2027");
    assert_eq!(id2.trim(), "2");
    let out = env.ok(&["catalog", "adopt", "2", "--all"]);
    assert!(out.contains("共新增"), "{out}");
    // 来源不完整的事项只在最后提醒一次。
    let guidelines: serde_json::Value =
        serde_json::from_str(&env.ok(&["guidelines", "--json"])).unwrap();
    let truncated: u64 = guidelines
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["truncated_items"].as_u64().unwrap())
        .sum();
    let notices = out.matches("部分字段来源不完整").count();
    assert_eq!(notices, usize::from(truncated > 0), "{out}");
    if truncated > 0 {
        assert!(
            out.contains(&format!("其中 {truncated} 个事项的部分字段来源不完整")),
            "{out}"
        );
    }
}

fn assert_bad_input(env: &Env, args: &[&str], needle: &str) {
    let o = env.run(args);
    assert_eq!(o.status.code(), Some(2), "mulu {args:?}");
    let err = String::from_utf8(o.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "一行说明：{err}");
    assert!(err.starts_with("错误："), "{err}");
    assert!(err.contains(needle), "{err} 应含 {needle}");
}

#[test]
fn bad_input_exits_2_with_one_chinese_line() {
    let env = Env::new();
    assert_bad_input(&env, &["catalog", "show", "9"], "找不到目录");
    assert_bad_input(
        &env,
        &[
            "catalog", "new", "--unit", "某镇", "--kind", "村", "--year", "2026",
        ],
        "单位类别",
    );
    assert_bad_input(
        &env,
        &[
            "catalog", "new", "--unit", "某镇", "--kind", "乡镇", "--year", "abc",
        ],
        "参数的值不对",
    );
    env.ok(&[
        "catalog", "new", "--unit", "某镇", "--kind", "乡镇", "--year", "2026",
    ]);
    assert_bad_input(
        &env,
        &[
            "catalog", "new", "--unit", "某镇", "--kind", "乡镇", "--year", "2026",
        ],
        "已存在",
    );
    assert_bad_input(
        &env,
        &[
            "catalog",
            "adopt",
            "1",
            "--domain",
            "社会救助",
            "没有的领域",
        ],
        "没有的领域",
    );
    assert_bad_input(&env, &["catalog", "adopt", "1"], "缺少必需的参数");
    assert_bad_input(
        &env,
        &["catalog", "adopt", "1", "--all", "--domain", "就业"],
        "不能同时使用",
    );
    assert_bad_input(&env, &["frobnicate"], "没有这个命令");
    // 写错的领域导致一个也不采用。
    let show: serde_json::Value =
        serde_json::from_str(&env.ok(&["catalog", "show", "1", "--json"])).unwrap();
    assert!(show["items"].as_array().unwrap().is_empty());
}
