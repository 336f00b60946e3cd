//! `mulu guidelines` 报出的内置指引库：载体的必选/可选只在来源副本有图例时出现
//! （`schemas/guideline-legends.json`），官方全表的规模在来源写明时给出。

mod common;

use std::collections::BTreeSet;

use common::{repo, Env};
use serde_json::Value;

/// 图例表支持的（事项编号，载体名，要求）。
fn backed() -> BTreeSet<(String, String, String)> {
    let text = std::fs::read_to_string(repo().join("schemas/guideline-legends.json")).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    let mut out = BTreeSet::new();
    for lg in v["legends"].as_array().unwrap() {
        for id in lg["items"].as_array().unwrap() {
            for (key, req) in [("required", "必选"), ("optional", "可选")] {
                for name in lg[key].as_array().unwrap() {
                    out.insert((
                        id.as_str().unwrap().to_string(),
                        name.as_str().unwrap().to_string(),
                        req.to_string(),
                    ));
                }
            }
        }
    }
    out
}

#[test]
fn no_domain_shows_a_required_or_optional_carrier_without_a_legend() {
    let env = Env::new();
    let backed = backed();
    let list: Value = serde_json::from_str(&env.ok(&["guidelines", "--json"])).unwrap();
    let mut labelled = 0;
    let mut unsupported = Vec::new();
    for d in list.as_array().unwrap() {
        let name = d["name"].as_str().unwrap();
        let shown: Value =
            serde_json::from_str(&env.ok(&["guidelines", "show", name, "--json"])).unwrap();
        for it in shown["items"].as_array().unwrap() {
            let id = it["id"].as_str().unwrap();
            for c in it["carriers"].as_array().unwrap() {
                let req = c["requirement"].as_str().unwrap();
                assert!(["必选", "可选", "未注明"].contains(&req), "{id}: {req}");
                if req == "未注明" {
                    continue;
                }
                labelled += 1;
                let key = (
                    id.to_string(),
                    c["name"].as_str().unwrap().to_string(),
                    req.to_string(),
                );
                if !backed.contains(&key) {
                    unsupported.push(format!("{name} {id} {}：{req}", key.1));
                }
            }
        }
    }
    assert!(
        unsupported.is_empty(),
        "没有图例支持的必选/可选载体：\n{}",
        unsupported.join("\n")
    );
    // 图例表里的每一条都真的出现在命令行报出的库里。
    assert_eq!(labelled, backed.len());
}

#[test]
fn the_list_reports_the_national_table_size_where_a_source_states_it() {
    let env = Env::new();
    let list: Value = serde_json::from_str(&env.ok(&["guidelines", "--json"])).unwrap();
    let find = |n: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|d| d["name"] == n)
            .unwrap()
            .clone()
    };
    let jiuye = find("就业");
    assert_eq!(jiuye["national_l1"], 9);
    assert_eq!(jiuye["national_l2"], 25);
    assert_eq!(jiuye["data_version"], "2026.12-1");
    assert!(jiuye["library"].is_null());
    // 来源没有写明的领域不给数字。
    let shebao = find("社会保险");
    assert!(shebao["national_l1"].is_null() && shebao["national_l2"].is_null());
    // 市政服务收录了 7 行。
    assert_eq!(find("市政服务")["item_count"], 7);
    // 被来源截断的事项数也报出来。
    assert!(find("卫生健康")["truncated_items"].as_u64().unwrap() > 0);
}
