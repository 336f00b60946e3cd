//! `mulu check` 与 `mulu diff` 的对外形式：退出码、JSON 形状、汇总表与批注工作簿。

mod common;

use std::path::{Path, PathBuf};

use calamine::{open_workbook_auto, Reader};
use common::Env;
use rust_xlsxwriter::Workbook;
use serde_json::Value;

/// 独立写出的一份小目录（rust_xlsxwriter，不经本程序的导出）：
/// 第 4 行引用已废止的 492 号令，第 5 行主动与依申请都勾了。
fn submission(dir: &Path, name: &str, clean: bool) -> PathBuf {
    submission_of(dir, name, "某某县某某镇", clean)
}

/// 同 [`submission`]，标题里的单位是 `unit`。
fn submission_of(dir: &Path, name: &str, unit: &str, clean: bool) -> PathBuf {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("社会救助").unwrap();
    ws.write_string(0, 0, format!("{unit}社会救助领域基层政务公开标准目录"))
        .unwrap();
    let head = [
        "序号",
        "一级事项",
        "二级事项",
        "公开内容（要素）",
        "公开依据",
        "公开时限",
        "公开主体",
        "公开渠道和载体",
        "全社会",
        "特定群体",
        "主动",
        "依申请",
        "县级",
        "乡级",
    ];
    for (c, h) in head.iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    let basis = if clean {
        "《中华人民共和国政府信息公开条例》（国务院令第711号）"
    } else {
        "《中华人民共和国政府信息公开条例》（国务院令第492号）"
    };
    for (i, l2) in ["审批结果", "办事指南"].iter().enumerate() {
        let r = 3 + i as u32;
        let row = [
            (i + 1).to_string(),
            "临时救助".into(),
            l2.to_string(),
            "救助对象姓名、救助金额".into(),
            basis.into(),
            "信息形成或者变更之日起20个工作日内".into(),
            "乡镇人民政府".into(),
            "■政府网站 □政府公报 ■社区/企事业单位/村公示栏（电子屏）".into(),
            "√".into(),
            "".into(),
            "√".into(),
            if i == 1 && !clean {
                "√".into()
            } else {
                "".into()
            },
            "".into(),
            "√".into(),
        ];
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r, c as u16, v).unwrap();
        }
    }
    let p = dir.join(name);
    wb.save(&p).unwrap();
    p
}

#[test]
fn exit_codes_json_summary_and_annotations() {
    let env = Env::new();
    let dir = env.dir.path().join("收件");
    std::fs::create_dir_all(dir.join("子文件夹")).unwrap();
    submission(&dir, "甲镇.xlsx", false);
    submission(&dir.join("子文件夹"), "乙镇.xlsx", true);
    std::fs::write(dir.join("~$甲镇.xlsx"), "WPS 临时文件").unwrap();

    // 只有干净的文件：退出码 0。
    let o = env.run(&["check", dir.join("子文件夹").to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );

    // 整个文件夹（含子文件夹，跳过 ~$ 临时文件）：甲镇有错误，退出码 1。
    let summary = env.path("汇总.xlsx");
    let ann = env.path("批注");
    let o = env.run(&[
        "check",
        dir.to_str().unwrap(),
        "--json",
        "--summary",
        summary.to_str().unwrap(),
        "--annotate",
        ann.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let files = v.as_array().unwrap();
    assert_eq!(files.len(), 2, "{v}");
    let jia = files
        .iter()
        .find(|f| f["path"].as_str().unwrap().ends_with("甲镇.xlsx"))
        .unwrap();
    assert_eq!(jia["items"], 2);
    let repealed = jia["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "R201-basis-repealed")
        .expect("应指出 492 号令已废止");
    assert_eq!(repealed["severity"], "错误");
    assert_eq!(repealed["sheet"], "社会救助");
    assert_eq!(repealed["cell"], "E4");
    assert!(repealed["message"].as_str().unwrap().contains("492"));
    assert!(repealed["suggestion"].as_str().unwrap().contains("711"));
    let both = jia["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "R103-mode-marks")
        .unwrap();
    assert_eq!(both["cell"], "K5");

    // 汇总表：每个文件一行。
    let mut wb = open_workbook_auto(&summary).unwrap();
    let r = wb.worksheet_range("审核汇总").unwrap();
    assert_eq!(r.height(), 3);

    // 批注工作簿：审核意见表在最前，问题单元格带批注。
    let out = ann.join("甲镇（审核意见）.xlsx");
    let mut wb = open_workbook_auto(&out).unwrap();
    assert_eq!(wb.sheet_names()[0], "审核意见");
    let sheet = wb.worksheet_range("社会救助").unwrap();
    assert!(sheet.get_value((3, 4)).unwrap().to_string().contains("492"));
    let zip = std::fs::read(&out).unwrap();
    let text = String::from_utf8_lossy(&zip);
    assert!(text.contains("xl/comments"), "应有单元格批注");
}

#[test]
fn unreadable_input_is_reported_and_others_still_checked() {
    let env = Env::new();
    let good = submission(env.dir.path(), "乙镇.xlsx", true);
    let bad = env.path("坏.xlsx");
    std::fs::write(&bad, "不是工作簿").unwrap();
    let o = env.run(&[
        "check",
        good.to_str().unwrap(),
        bad.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let files = v.as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert!(files.iter().any(|f| f["error"]
        .as_str()
        .is_some_and(|e| e.contains("不是 Excel 工作簿"))));
    assert!(files.iter().any(|f| f["items"] == 2));
}

#[test]
fn diff_between_two_files_and_two_catalogs() {
    let env = Env::new();
    let old = submission(env.dir.path(), "2025.xlsx", false);
    let new = submission(env.dir.path(), "2026.xlsx", true);
    let out = env.ok(&[
        "diff",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "--json",
    ]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["added"].as_array().unwrap().len(), 0);
    let changed = v["changed"].as_array().unwrap();
    assert_eq!(changed.len(), 2, "{v}");
    let basis = &changed[0]["fields"][0];
    assert_eq!(basis["label"], "公开依据");
    assert!(basis["old"].as_str().unwrap().contains("492"));
    assert!(basis["new"].as_str().unwrap().contains("711"));

    // 库里的两个年度：复制后删掉一项、改一项。
    env.new_township_catalog();
    env.ok(&["catalog", "adopt", "1", "--domain", "社会救助"]);
    env.new_township_catalog_for("2027");
    env.ok(&["catalog", "adopt", "2", "--domain", "社会救助", "就业"]);
    let out = env.ok(&["diff", "1", "2"]);
    assert!(out.contains("新增"), "{out}");
    assert!(out.lines().any(|l| l.starts_with("+ [就业]")), "{out}");
}

/// 每个键的位置（如 `[].findings[].rule`）与它在样例里出现过的非空值类型。
fn key_shapes(
    v: &Value,
    at: &str,
    out: &mut std::collections::BTreeMap<String, std::collections::BTreeSet<&'static str>>,
) {
    let kind = match v {
        Value::Null => None,
        Value::Bool(_) => Some("bool"),
        Value::Number(_) => Some("number"),
        Value::String(_) => Some("string"),
        Value::Array(_) => Some("array"),
        Value::Object(_) => Some("object"),
    };
    let e = out.entry(at.to_string()).or_default();
    if let Some(k) = kind {
        e.insert(k);
    }
    match v {
        Value::Array(a) => a
            .iter()
            .for_each(|x| key_shapes(x, &format!("{at}[]"), out)),
        Value::Object(o) => o
            .iter()
            .for_each(|(k, x)| key_shapes(x, &format!("{at}.{k}"), out)),
        _ => {}
    }
}

/// `--json` 是对外约定（docs/review.md，只增不改）：v1 样例
/// （tests/fixtures/review/check-json-v1.json）里的每个键都还在，值的类型不变。
#[test]
fn json_keeps_every_key_of_the_v1_contract() {
    let env = Env::new();
    let dir = env.path("收件");
    std::fs::create_dir_all(&dir).unwrap();
    submission(&dir, "甲镇.xlsx", false);
    std::fs::write(dir.join("乙镇.xlsx"), "不是工作簿").unwrap();
    let ann = env.path("批注");
    let o = env.run(&[
        "check",
        dir.to_str().unwrap(),
        "--json",
        "--annotate",
        ann.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let got: Value = serde_json::from_slice(&o.stdout).unwrap();
    let v1: Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../../tests/fixtures/review/check-json-v1.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let (mut want, mut have) = (Default::default(), Default::default());
    key_shapes(&v1, "", &mut want);
    key_shapes(&got, "", &mut have);
    assert!(want.len() > 15, "{want:?}");
    for (key, kinds) in &want {
        let Some(now) = have.get(key) else {
            panic!("`mulu check --json` 不再输出 `{key}`：{got}");
        };
        for k in kinds {
            assert!(now.contains(k), "`{key}` 的值不再是 {k}：{now:?}");
        }
    }
}

/// `--units`：每个单位的状态（最新一轮为准）、未报送的单位、没把握的与配不上的文件。
#[test]
fn units_list_gives_each_unit_a_status() {
    let env = Env::new();
    let dir = env.path("收件");
    for round in ["第1轮", "第2轮"] {
        std::fs::create_dir_all(dir.join(round)).unwrap();
    }
    let old = submission_of(&dir.join("第1轮"), "甲镇.xlsx", "某某县甲镇", false);
    submission_of(&dir.join("第2轮"), "甲镇.xlsx", "某某县甲镇", true);
    // 第 1 轮的文件更旧（修改时间早一天）。
    let day_before = std::time::SystemTime::now() - std::time::Duration::from_secs(86_400);
    std::fs::File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(day_before)
        .unwrap();
    submission_of(&dir.join("第2轮"), "乙镇.xlsx", "某某县乙镇", false);
    std::fs::write(dir.join("第2轮").join("城关街道.xlsx"), "不是工作簿").unwrap();
    submission_of(&dir.join("第2轮"), "戊镇.xlsx", "某某县戊镇", true);
    let units = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../tests/fixtures/units/county_units.xlsx");

    let o = env.run(&[
        "check",
        dir.to_str().unwrap(),
        "--units",
        units.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(2), "城关街道的文件读不了");
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["files"].as_array().unwrap().len(), 5, "{v}");
    let got: Vec<(String, String, String, usize)> = v["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                u["name"].as_str().unwrap().to_string(),
                u["kind"].as_str().unwrap_or("").to_string(),
                u["status"].as_str().unwrap().to_string(),
                u["files"].as_array().unwrap().len(),
            )
        })
        .collect();
    let want = [
        ("甲镇人民政府", "乡镇", "待审", 2),
        ("乙镇人民政府", "乡镇", "退回修改", 1),
        ("城关街道办事处", "街道", "退回修改", 1),
        ("丁镇人民政府", "乡镇", "未报送", 0),
        ("某某县教育体育局", "县级部门", "未报送", 0),
    ];
    let want: Vec<(String, String, String, usize)> = want
        .iter()
        .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), *d))
        .collect();
    assert_eq!(got, want, "{v}");
    assert!(v["units"][0]["latest"].as_str().unwrap().contains("第2轮"));
    // 城关街道的文件读不了，只能按文件名配：没把握。
    assert_eq!(v["units"][2]["unsure"].as_array().unwrap().len(), 1);
    let unmatched = v["unmatched"].as_array().unwrap();
    assert_eq!(unmatched.len(), 1);
    assert!(unmatched[0].as_str().unwrap().ends_with("戊镇.xlsx"));

    // 文字输出：按状态列出单位，点出未报送的。
    let o = env.run(&[
        "check",
        dir.to_str().unwrap(),
        "--units",
        units.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(
        text.contains("未报送（2）：丁镇人民政府、某某县教育体育局"),
        "{text}"
    );
    assert!(
        text.contains("退回修改（2）：乙镇人民政府、城关街道办事处"),
        "{text}"
    );
    assert!(text.contains("还有 2 个单位没有报送。"), "{text}");
    assert!(text.contains("配不上名单上的单位："), "{text}");

    // 名单读不了：退出码 2，说明是名单的问题。
    let bad = env.path("名单.xlsx");
    std::fs::write(&bad, "x").unwrap();
    let o = env.run(&[
        "check",
        dir.to_str().unwrap(),
        "--units",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("不是 Excel 工作簿"));
}
