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
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("社会救助").unwrap();
    ws.write_string(0, 0, "某某县某某镇社会救助领域基层政务公开标准目录")
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
