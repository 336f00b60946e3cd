//! 内置指引库的数据本身：值字段里只有副本上的文字（没有收集者的说明、截断记号），
//! 载体的必选/可选只用在来源副本有图例的事项上（`schemas/guideline-legends.json`）。

use std::collections::BTreeMap;
use std::path::PathBuf;

use mulu_core::guideline::{builtin_domains, CarrierRequirement, GuidelineDomain};
use serde_json::Value;

/// 值字段里允许出现的拉丁字母写法（标准编号、信用等级）。其余字母都当作收集者的说明。
const LATIN_ALLOWED: &[&str] = &["GB/T", "A级"];

/// 值字段里不该出现的说明用语。
const REMARK_WORDS: &[&str] = &[
    "推测",
    "疑似",
    "注：",
    "注:",
    "截断",
    "原文如此",
    "未核实",
    "待核实",
];

/// 一个值里的问题（空表示干净）。
fn problems(value: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = value.to_string();
    for ok in LATIN_ALLOWED {
        rest = rest.replace(ok, "");
    }
    if rest.chars().any(|c| c.is_ascii_alphabetic()) {
        out.push("含拉丁字母的说明".to_string());
    }
    let end = value
        .trim_end_matches(|c: char| c.is_whitespace() || "）)》」』”’】]".contains(c))
        .to_string();
    if end.ends_with('…') || end.ends_with("...") || end.ends_with('⋯') {
        out.push("以省略号结尾（截断记号）".to_string());
    }
    for w in REMARK_WORDS {
        if value.contains(w) {
            out.push(format!("含说明用语“{w}”"));
        }
    }
    // “(奉新: 奉新县农业农村局)”一类的括注：括号里带冒号。
    let mut open = None;
    for (i, c) in value.char_indices() {
        match c {
            '(' | '（' => open = Some(i),
            ')' | '）' => {
                if let Some(s) = open.take() {
                    if value[s..i].contains([':', '：']) {
                        out.push(format!("括注里有冒号：{}", &value[s..i + c.len_utf8()]));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn legends() -> Value {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../schemas/guideline-legends.json");
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// 图例支持的载体要求：（事项编号，载体名）→ 必选/可选。
fn backed() -> BTreeMap<(String, String), CarrierRequirement> {
    let mut m = BTreeMap::new();
    for lg in legends()["legends"].as_array().unwrap() {
        assert!(
            !lg["legend"].as_str().unwrap_or("").is_empty(),
            "图例条目要引用图例原文：{lg}"
        );
        assert!(
            !lg["source"].as_str().unwrap_or("").is_empty(),
            "图例条目要写来源：{lg}"
        );
        for id in lg["items"].as_array().unwrap() {
            let id = id.as_str().unwrap().to_string();
            for (key, req) in [
                ("required", CarrierRequirement::Required),
                ("optional", CarrierRequirement::Optional),
            ] {
                for name in lg[key].as_array().unwrap() {
                    let prev = m.insert((id.clone(), name.as_str().unwrap().to_string()), req);
                    assert!(prev.is_none(), "{id} 的载体 {name} 在图例表里出现两次");
                }
            }
        }
    }
    m
}

/// 整个库里的问题，每条一行。
fn library_problems(domains: &[GuidelineDomain]) -> Vec<String> {
    let backed = backed();
    let mut out = Vec::new();
    for d in domains {
        for it in &d.items {
            let mut values: Vec<(&str, &str)> = vec![("一级事项", &it.l1), ("二级事项", &it.l2)];
            values.extend(it.elements.iter().map(|e| ("公开内容", e.as_str())));
            values.extend(it.basis.iter().map(|e| ("公开依据", e.as_str())));
            values.extend(it.time_limit.iter().map(|e| ("公开时限", e.as_str())));
            values.extend(it.subject.iter().map(|e| ("公开主体", e.as_str())));
            values.extend(it.audience_group.iter().map(|e| ("特定群体", e.as_str())));
            values.extend(it.carriers.iter().map(|c| ("载体", c.name.as_str())));
            for (field, v) in values {
                for p in problems(v) {
                    out.push(format!("{} {field}“{v}”：{p}", it.id));
                }
            }
            for c in &it.carriers {
                let key = (it.id.clone(), c.name.clone());
                match (c.requirement, backed.get(&key)) {
                    (CarrierRequirement::NotStated, None) => {}
                    (r, Some(b)) if r == *b => {}
                    (r, b) => out.push(format!(
                        "{} 载体“{}”标为{}，图例表（guideline-legends.json）支持的是{}",
                        it.id,
                        c.name,
                        r.as_str(),
                        b.map_or("未注明", |b| b.as_str())
                    )),
                }
            }
        }
    }
    // 图例表里的每一条都要在库里找得到。
    for (id, name) in backed.keys() {
        let found = domains
            .iter()
            .flat_map(|d| &d.items)
            .any(|i| &i.id == id && i.carriers.iter().any(|c| &c.name == name));
        if !found {
            out.push(format!("图例表的 {id} 载体“{name}”在库里没有"));
        }
    }
    out
}

#[test]
fn the_checker_catches_the_remarks_that_were_once_in_the_library() {
    // 2026.11-1 版里真实出现过的值。
    for bad in [
        "住房和城乡建设部门（xjwqx）; local copies: 住建局 / 相关农村危房改造职能部门 / 乡镇人民政府",
        "公共法律服务实体、热线、网络平台…（cut off）",
        "财政专项扶贫资金…",
        "未经行政登记的税务师事务所名单（推测，原文截断于'未经行政登记的税…'）",
        "行政处罚决定形成之日起20个工作日…(cut)",
        "县级农业农村部门 (奉新: 奉新县农业农村局)",
        "中标候选人按照招标文件要求承诺的项目负责人等信息（原文截断）",
        "《住房城乡建设部办公厅关于…》",
        "相关政策文件 (as printed)",
    ] {
        assert!(!problems(bad).is_empty(), "应查出：{bad}");
    }
    for good in [
        "《文化馆服务标准》（GB/T 32939—2016）",
        "A级纳税人名单",
        "《中华人民共和国就业促进法》（2007年8月30日…2015年4月24日修正）",
        "办事指南：适用范围、事项审查类型",
        "县(市、区)教育部门",
    ] {
        assert!(problems(good).is_empty(), "{good}: {:?}", problems(good));
    }
}

#[test]
fn values_hold_only_copy_text_and_carrier_labels_are_backed_by_a_legend() {
    let domains = builtin_domains().unwrap();
    let found = library_problems(&domains);
    assert!(
        found.is_empty(),
        "内置指引库有 {} 处问题：\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_legend_table_quotes_a_legend_for_each_labelled_row() {
    let l = legends();
    let rows = l["legends"].as_array().unwrap();
    assert!(!rows.is_empty());
    for lg in rows {
        let legend = lg["legend"].as_str().unwrap();
        assert!(
            legend.contains("必选") && legend.contains('■'),
            "图例原文应写明 ■ 表示必选：{legend}"
        );
        if !lg["optional"].as_array().unwrap().is_empty() {
            assert!(legend.contains("可选") && legend.contains('□'), "{legend}");
        }
    }
    // 考察过但不能据以标注的图例，写明了原因。
    for n in l["not_supported"].as_array().unwrap() {
        assert!(!n["why"].as_str().unwrap_or("").is_empty(), "{n}");
    }
}
