//! 内置指引库：每个文件都通过 JSON Schema 校验，编号唯一且稳定，必填字段齐全。

use std::collections::{BTreeSet, HashSet};
use std::path::PathBuf;

use mulu_core::guideline::{builtin_domains, DataStatus, BUILTIN_FILES};

fn guideline_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../schemas/guidelines")
}

#[test]
fn every_file_in_the_folder_is_builtin_and_validates_against_the_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(guideline_dir().join("../guideline.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let mut on_disk = BTreeSet::new();
    for entry in std::fs::read_dir(guideline_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path).unwrap();
            let value: serde_json::Value = serde_json::from_str(&text).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&value)
                .map(|e| format!("{e} at {}", e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{}: {errors:?}", path.display());
            on_disk.insert(path.file_name().unwrap().to_string_lossy().into_owned());
        }
    }
    let builtin: BTreeSet<String> = BUILTIN_FILES.iter().map(|(f, _)| f.to_string()).collect();
    assert_eq!(
        on_disk, builtin,
        "schemas/guidelines 与 BUILTIN_FILES 不一致"
    );
}

#[test]
fn the_26_pilot_domains_are_there_partial_with_sources() {
    let domains = builtin_domains().unwrap();
    assert_eq!(domains.len(), 26);
    let numbers: Vec<u32> = domains.iter().map(|d| d.number).collect();
    assert_eq!(numbers, (1..=26).collect::<Vec<_>>());
    assert_eq!(domains[4].name, "社会救助");
    let mut ids = HashSet::new();
    let mut total = 0;
    for d in &domains {
        // 数据取自已公开的副本，没有一个领域是完整的。
        assert_eq!(d.status, DataStatus::Partial, "{}", d.name);
        for it in &d.items {
            assert!(ids.insert(it.id.clone()), "重复编号 {}", it.id);
            assert!(!it.source.is_empty(), "{} 无来源", it.id);
            assert!(!(it.l1.is_empty() && it.l2.is_empty()), "{} 无名称", it.id);
        }
        total += d.items.len();
    }
    // shared/reference/guidelines 收录的 208 行（2026.12-1 版起含市政服务的 7 行）。
    assert_eq!(total, 208);
    let count = |name: &str| domains.iter().find(|d| d.name == name).unwrap().items.len();
    assert_eq!(count("市政服务"), 7);
    // 官方全表的规模只在来源写明时记录：就业 9 个一级、25 个二级事项。
    let jiuye = domains.iter().find(|d| d.name == "就业").unwrap();
    let n = jiuye.national.as_ref().expect("就业的官方全表规模");
    assert_eq!((n.l1, n.l2), (Some(9), Some(25)));
    assert!(n.source.contains("huayuan.gov.cn"), "{}", n.source);
    assert!(domains.iter().all(|d| d.library.is_none()));
}

#[test]
fn ids_are_stable() {
    // 已发布的编号不得改变：抽查几条，防止重新编号。
    let domains = builtin_domains().unwrap();
    let find = |id: &str| {
        domains
            .iter()
            .flat_map(|d| &d.items)
            .find(|i| i.id == id)
            .cloned()
            .unwrap()
    };
    let a = find("05.001");
    assert_eq!((a.l1.as_str(), a.l2.as_str()), ("综合业务", "政策法规文件"));
    let b = find("05.002");
    assert_eq!((b.l1.as_str(), b.l2.as_str()), ("综合业务", "监督检查"));
    // 2026.12-1 清理了名称里的说明，编号不变；新收录的行接着编号。
    let c = find("07.007");
    assert_eq!(c.l2, "公共法律服务实体、热线、网络平台");
    assert_eq!(c.truncated, vec![mulu_core::model::Field::L2]);
    let d = find("17.001");
    assert_eq!(
        (d.l1.as_str(), d.l2.as_str()),
        ("城镇燃气管理", "燃气经营许可证核发")
    );
}
