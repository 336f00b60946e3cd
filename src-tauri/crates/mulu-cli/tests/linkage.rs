//! 门户体检与权责清单对照：用 openpyxl 写的文件（tests/fixtures/portal，make_fixtures.py）逐条核对问题。

mod common;

use common::{repo, Env};
use mulu_core::model::{ItemFields, NewCatalog, NewUnit, UnitKind};
use mulu_core::store::Store;
use serde_json::Value;

fn fixture(name: &str) -> String {
    repo()
        .join("tests/fixtures/portal")
        .join(name)
        .display()
        .to_string()
}

const DATED: &str = "信息形成或者变更之日起20个工作日内";

/// 目录 1：社会救助 5 个本级事项；生成栏目后把“受灾人员救助”的事项取消对应。
fn catalog(env: &Env) {
    let mut s = Store::open(&env.db()).unwrap();
    let u = s
        .create_unit(&NewUnit::new("某某县某某镇人民政府", UnitKind::Township))
        .unwrap();
    let c = s.create_catalog(&NewCatalog::new(u.id, 2026)).unwrap();
    for (l1, l2, t) in [
        ("最低生活保障", "审批结果", DATED),
        ("临时救助", "审批结果", DATED),
        ("特困人员救助供养", "审批结果", DATED),
        (
            "救助资金",
            "年度资金使用情况",
            "每年3月底前公开上一年度情况",
        ),
        ("受灾人员救助", "救助资金发放", "按规定时限公开"),
    ] {
        s.add_item(
            c.id,
            &ItemFields {
                domain: "社会救助".into(),
                l1: l1.into(),
                l2: l2.into(),
                time_limit: t.into(),
                ..Default::default()
            },
        )
        .unwrap();
    }
    drop(s);
    env.ok(&["columns", "generate", "1"]);
    let mut s = Store::open(&env.db()).unwrap();
    s.link_item_column(5, None).unwrap();
}

/// (rule, severity, sheet!cell or item, message, suggestion)
fn findings(v: &Value) -> Vec<(String, String, String, String, String)> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or("").to_string();
            let at = match (f["sheet"].as_str(), f["cell"].as_str()) {
                (Some(sh), Some(c)) => format!("{sh}!{c}"),
                _ => f["item"]["l1"].as_str().unwrap_or("").to_string(),
            };
            (s("rule"), s("severity"), at, s("message"), s("suggestion"))
        })
        .collect()
}

const R: &str = "政府信息公开/法定主动公开内容/社会救助";

fn expected(sheet: &str) -> Vec<(String, String, String, String, String)> {
    let e = |rule: &str, sev: &str, at: String, msg: String, sug: &str| {
        (rule.to_string(), sev.to_string(), at, msg, sug.to_string())
    };
    vec![
        e(
            "P201-column-empty",
            "错误",
            format!("{sheet}!B7"),
            format!("栏目“{R}/特困人员救助供养”在网站上没有任何文档，但目录中有事项（特困人员救助供养 / 审批结果）应发布在这里。请按目录发布相应信息，或确认栏目对应是否正确。"),
            "",
        ),
        e(
            "P101-item-without-column",
            "警告",
            "受灾人员救助".into(),
            "“社会救助”领域的事项“受灾人员救助 / 救助资金发放”没有对应的门户栏目，网站上找不到它发布在哪里。请在栏目表中为它选择栏目，或按领域与一级事项生成栏目表（已有的栏目与对应不变）。".into(),
            &format!("{R}/受灾人员救助"),
        ),
        e(
            "P202-column-stale",
            "警告",
            format!("{sheet}!B6"),
            format!("栏目“{R}/临时救助”最后更新于 2026-10-09，到 2026-12-02 已过去38个工作日，超过事项“临时救助 / 审批结果”的公开时限“{DATED}”（20个工作日内应有更新）。请核对是否有应公开而未发布的信息。"),
            "",
        ),
        e(
            "P202-column-stale",
            "警告",
            format!("{sheet}!B8"),
            format!("栏目“{R}/救助资金”最后更新于 2025-10-15，到 2026-12-02 已过去413日，超过事项“救助资金 / 年度资金使用情况”的公开时限“每年3月底前公开上一年度情况”（一年内应有更新）。请核对是否有应公开而未发布的信息。"),
            "",
        ),
        e(
            "P102-column-without-item",
            "提示",
            String::new(),
            format!("栏目“{R}/受灾人员救助”（连同下级栏目）没有对应的事项。不需要时请在栏目表中删除；需要时请把相应事项对应到它。"),
            "",
        ),
        e(
            "P103-portal-column-unmapped",
            "提示",
            format!("{sheet}!B9"),
            "门户上的栏目“政府信息公开/机构职能”不在目录的栏目表中，没有对应的事项。若它发布的是目录事项的信息，请把它加入栏目表并对应事项；不是政务公开目录的栏目可不处理。".into(),
            "",
        ),
        e(
            "P103-portal-column-unmapped",
            "提示",
            format!("{sheet}!B10"),
            "门户上的栏目“政府信息公开/政策解读”不在目录的栏目表中，没有对应的事项。若它发布的是目录事项的信息，请把它加入栏目表并对应事项；不是政务公开目录的栏目可不处理。".into(),
            "",
        ),
    ]
}

#[test]
fn portal_check_of_the_openpyxl_cms_export() {
    let env = Env::new();
    catalog(&env);
    let o = env.run(&[
        "columns",
        "check",
        "1",
        &fixture("cms_export.xlsx"),
        "--json",
        "--today",
        "2026-12-02",
    ]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(findings(&v), expected("栏目统计"));
    assert_eq!(v["columns"], 8);
    assert_eq!(v["portal_columns"], 7);
    assert_eq!(v["matched"], 5);
    assert_eq!(v["counts"]["errors"], 1);

    // The GBK CSV without a title row gives the same findings, one row higher.
    let o = env.run(&[
        "columns",
        "check",
        "1",
        &fixture("cms_export.csv"),
        "--json",
        "--today",
        "2026-12-02",
    ]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let want: Vec<_> = expected("cms_export")
        .into_iter()
        .map(|mut f| {
            if let Some(n) = f.2.strip_prefix("cms_export!B") {
                f.2 = format!("cms_export!B{}", n.parse::<u32>().unwrap() - 2);
            }
            f
        })
        .collect();
    assert_eq!(findings(&v), want);
}

#[test]
fn portal_check_human_output_map_and_errors() {
    let env = Env::new();
    catalog(&env);
    let f = fixture("cms_export.xlsx");
    let o = env.run(&["columns", "check", "1", &f, "--today", "2026-12-02"]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8(o.stdout).unwrap();
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("栏目路径=B（栏目全路径）、上级栏目=无、网址=C（访问地址）、文档数=D（信息数）、最后更新日期=E（最后更新时间）"),
        "{err}"
    );
    assert!(
        out.contains("错误  栏目统计!B7  P201-column-empty"),
        "{out}"
    );
    assert!(
        out.ends_with("对上 5 个；错误 1 个，警告 3 个，提示 3 个。\n"),
        "{out}"
    );

    // Without the document-count column there is no emptiness finding and the exit code is 0.
    let o = env.run(&[
        "columns",
        "check",
        "1",
        &f,
        "--today",
        "2026-12-02",
        "--map",
        "文档数=无",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );

    for (args, needle) in [
        (vec!["--today", "2026-13-01"], "日期“2026-13-01”读不出"),
        (vec!["--map", "网址"], "应写成 列名=列号"),
    ] {
        let mut a = vec!["columns", "check", "1", f.as_str()];
        a.extend(args);
        let o = env.run(&a);
        assert_eq!(o.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&o.stderr).contains(needle));
    }
    let o = env.run(&["columns", "check", "1", "没有这个文件.xlsx"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn powers_check_of_the_openpyxl_list_and_adding_a_suggestion() {
    let env = Env::new();
    catalog(&env);
    let f = fixture("powers.xlsx");
    let o = env.run(&["powers", "check", "1", &f, "--json"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["powers"], 5);
    let covered: Vec<(String, String, String)> = v["covered"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["power"]["name"].as_str().unwrap().to_string(),
                m["item"]["l1"].as_str().unwrap().to_string(),
                m["power"]["cell"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        covered,
        vec![
            (
                "最低生活保障对象认定".into(),
                "最低生活保障".into(),
                "B3".into()
            ),
            ("临时救助金给付".into(), "临时救助".into(), "B4".into()),
        ]
    );
    let strict = |kind: &str, name: &str| {
        format!("权责清单中的{kind}事项“{name}”在目录中没有对应的公开事项。条例第二十条要求主动公开行政许可、行政处罚的依据、条件、程序和结果：请补充一个本级特色事项（已预填名称、依据与实施主体，确认后添加）。")
    };
    let permit = "乡村建设规划许可证核发";
    let penalty = "对在村庄规划区内未依法取得乡村建设规划许可证进行建设的处罚";
    let service = "老年人优待证办理";
    let e = |rule: &str, sev: &str, at: &str, msg: String, sug: &str| {
        (
            rule.to_string(),
            sev.to_string(),
            at.to_string(),
            msg,
            sug.to_string(),
        )
    };
    assert_eq!(
        findings(&v),
        vec![
            e(
                "Q101-power-uncovered",
                "错误",
                "权责清单!B5",
                strict("行政许可", permit)
                    + "标准指引“重大建设项目”领域有相近的指引事项“批准结果信息 / 乡村建设规划许可证核发”（01.009），也可以直接采用它。",
                permit
            ),
            e("Q101-power-uncovered", "错误", "权责清单!B6", strict("行政处罚", penalty), penalty),
            e(
                "Q101-power-uncovered",
                "警告",
                "权责清单!B7",
                format!("清单中的公共服务事项“{service}”在目录中没有对应的公开事项。请确认是否应当公开；需要时补充一个本级特色事项（已预填名称、依据与实施主体，确认后添加）。"),
                service,
            ),
        ]
    );
    let s = &v["suggestions"][0]["fields"];
    assert_eq!(s["l1"], permit);
    // The domain of the guideline item that says the same thing; the penalty gets the domain of the
    // most similar name; the service, with nothing similar in the library, the same way (养老服务).
    assert_eq!(s["domain"], "重大建设项目");
    assert_eq!(v["suggestions"][1]["fields"]["domain"], "重大建设项目");
    assert_eq!(v["suggestions"][2]["fields"]["domain"], "养老服务");
    assert_eq!(s["basis"][0], "《中华人民共和国城乡规划法》第四十一条");
    assert_eq!(s["subject"], "某某镇人民政府");

    // Add the two strict ones: nothing strict is left, so the exit code is 0; the list now covers them.
    let o = env.run(&["powers", "check", "1", &f, "--add", "1", "2"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("已补充本级特色事项“乡村建设规划许可证核发”")
    );
    let s = Store::open(&env.db()).unwrap();
    let added = s.list_items(1).unwrap();
    assert_eq!(added.len(), 7);
    assert_eq!(added[5].fields.notes, "据权责清单补充（行政许可）");
    drop(s);
    let o = env.run(&["powers", "check", "1", &f, "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["covered"].as_array().unwrap().len(), 4);
    assert_eq!(v["findings"].as_array().unwrap().len(), 1);

    let o = env.run(&["powers", "check", "1", &f, "--add", "9"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("没有第 9 项建议"));
}
