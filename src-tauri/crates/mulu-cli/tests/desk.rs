//! `mulu desk`：换上名单、检查并记下报送（同一文件再记不算新的一轮）、状态、全县汇总表、全部单位的审核意见。

mod common;

use common::{repo, Env};

#[test]
fn the_desk_from_the_command_line() {
    let env = Env::new();
    let review = |n: &str| repo().join("tests/fixtures/review").join(n);
    let units = repo().join("tests/fixtures/units/e2e_units.xlsx");
    let out = env.ok(&["desk", "units", units.to_str().unwrap()]);
    assert!(out.contains("4 个单位"), "{out}");

    let r2 = review("r2_basis.xlsx");
    let clean = review("clean_county_department.xlsx");
    let out = env.ok(&[
        "desk",
        "record",
        r2.to_str().unwrap(),
        clean.to_str().unwrap(),
    ]);
    assert!(out.contains("某某乡人民政府 第 1 轮"), "{out}");
    assert!(
        out.contains("记下 2 个文件，0 个配不上单位；还有 2 个单位没有报送。"),
        "{out}"
    );
    // 同一个文件再记一次：还是第 1 轮。
    let out = env.ok(&["desk", "record", r2.to_str().unwrap()]);
    assert!(out.contains("某某乡人民政府 第 1 轮"), "{out}");

    let v: serde_json::Value =
        serde_json::from_str(&env.ok(&["desk", "status", "--json"])).unwrap();
    let statuses: Vec<(&str, &str)> = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["unit"]["name"].as_str().unwrap(),
                r["status"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(
        statuses.contains(&("某某乡人民政府", "退回修改")),
        "{statuses:?}"
    );
    assert!(
        statuses.contains(&("某某县教育体育局", "通过")),
        "{statuses:?}"
    );
    assert_eq!(v["missing"].as_array().unwrap().len(), 2);
    let text = env.ok(&["desk", "status"]);
    assert!(text.contains("共 4 个单位，2 个还没报送。"), "{text}");

    let xlsx = env.path("全县汇总.xlsx");
    let out = env.ok(&["desk", "summary", "--xlsx", xlsx.to_str().unwrap()]);
    assert!(out.contains("4 个单位，2 个还没报送"), "{out}");
    assert!(xlsx.is_file());

    // 还没有采纳任何问题：不写审核意见。
    let dir = env.path("意见");
    let out = env.ok(&["desk", "letters", "--dir", dir.to_str().unwrap()]);
    assert!(out.contains("没有写审核意见"), "{out}");
    assert!(!dir.exists());

    // 没有 --xlsx：clap 报错（退出码 2）。
    assert_eq!(env.run(&["desk", "summary"]).status.code(), Some(2));
}
