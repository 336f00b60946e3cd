//! 审核台账：名单、按单位记下各轮、状态与未报送、决定在重新检查与下一轮后仍在、两轮的比较。

use std::path::{Path, PathBuf};

use mulu_api::desk;
use mulu_core::model::{ListedUnit, Severity, Verdict};
use mulu_core::store::Store;
use mulu_review::{DeskStatus, FileCheck, FileFinding};

fn finding(rule: &str, severity: Severity, cell: &str) -> FileFinding {
    FileFinding {
        rule: rule.into(),
        severity,
        sheet: Some("社会救助".into()),
        cell: Some(cell.into()),
        item: Some("临时救助 / 审批结果".into()),
        field: None,
        message: "……".into(),
        suggestion: None,
        domain: "社会救助".into(),
        row: Some(4),
    }
}

/// 一个“检查过的文件”：写一个内容为 `content` 的文件（指纹由内容决定），结果是给出的问题。
fn checked(
    dir: &Path,
    name: &str,
    content: &str,
    unit: &str,
    findings: Vec<FileFinding>,
) -> FileCheck {
    let path: PathBuf = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, content).unwrap();
    let mut c = FileCheck::unreadable(path.display().to_string(), String::new());
    c.readable = true;
    c.error = None;
    c.unit = Some(unit.into());
    c.items = 3;
    c.coverage = Some(75.0);
    for f in &findings {
        match f.severity {
            Severity::Error => c.errors += 1,
            Severity::Warning => c.warnings += 1,
            Severity::Info => c.infos += 1,
        }
    }
    c.findings = findings;
    c
}

fn listed(names: &[&str]) -> Vec<ListedUnit> {
    names
        .iter()
        .map(|n| ListedUnit {
            name: n.to_string(),
            kind: mulu_core::model::UnitKind::guess(n),
        })
        .collect()
}

#[test]
fn the_desk_keeps_rounds_statuses_and_decisions() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut s = Store::open_in_memory().unwrap();

    // 没有名单时不能记。
    let early = checked(d, "x.xlsx", "x", "某某县甲镇", vec![]);
    assert!(desk::record(&mut s, &[early])
        .unwrap_err()
        .to_string()
        .contains("单位名单"));

    let units = desk::set_units(
        &mut s,
        &listed(&["甲镇人民政府", "乙镇人民政府", "丙镇人民政府"]),
    )
    .unwrap();
    let (jia, yi) = (units[0].id, units[1].id);

    let repealed = finding("R201-basis-repealed", Severity::Error, "E4");
    let late = finding("R302-time-limit-too-long", Severity::Error, "F4");
    let marks = finding("R102-audience-marks", Severity::Warning, "I4");
    let round1 = vec![
        checked(
            d,
            "1/甲镇.xlsx",
            "甲1",
            "某某县甲镇",
            vec![repealed.clone(), late.clone()],
        ),
        checked(d, "1/乙镇.xlsx", "乙1", "某某县乙镇", vec![marks.clone()]),
        checked(d, "1/戊镇.xlsx", "戊1", "某某县戊镇", vec![]),
    ];
    let out = desk::record(&mut s, &round1).unwrap();
    assert_eq!(out.recorded.len(), 2);
    assert!(out.unmatched[0].ends_with("戊镇.xlsx"));

    let v = desk::view(&s).unwrap();
    let statuses: Vec<DeskStatus> = v.rows.iter().map(|r| r.status).collect();
    assert_eq!(
        statuses,
        [
            DeskStatus::Returned,
            DeskStatus::Pending,
            DeskStatus::Missing
        ]
    );
    assert_eq!(v.missing, ["丙镇人民政府"]);

    // 不采纳须写理由；写了理由的不采纳把那条错误从状态里去掉。
    let place = repealed.location();
    assert_eq!(place, "社会救助!E4");
    assert!(desk::decide(&mut s, jia, &repealed.rule, &place, Verdict::Waive, " ").is_err());
    let dec = desk::decide(
        &mut s,
        jia,
        &repealed.rule,
        &place,
        Verdict::Waive,
        "依据已在公示栏更正",
    )
    .unwrap();
    assert_eq!(dec.round, 1);
    assert!(!dec.reviewer.is_empty());
    desk::decide(
        &mut s,
        jia,
        &late.rule,
        &late.location(),
        Verdict::Accept,
        "",
    )
    .unwrap();
    let sub = desk::submission(&s, jia, None).unwrap();
    assert_eq!(sub.summary.open_errors, 1);
    assert_eq!(sub.summary.waived, 1);
    assert_eq!(sub.summary.status, DeskStatus::Returned);
    assert!(sub.comparison.is_none());

    // 重新检查同一个文件：还是第 1 轮，决定还在。
    let again = checked(
        d,
        "1/甲镇.xlsx",
        "甲1",
        "某某县甲镇",
        vec![repealed.clone(), late.clone()],
    );
    let out = desk::record(&mut s, &[again]).unwrap();
    assert_eq!(out.recorded[0].round, 1);
    let sub = desk::submission(&s, jia, None).unwrap();
    assert_eq!(sub.rounds, [1]);
    let kept = sub
        .findings
        .iter()
        .find(|f| f.finding.rule == repealed.rule)
        .unwrap();
    assert_eq!(kept.decision.as_ref().unwrap().reason, "依据已在公示栏更正");

    // 第 2 轮：改了时限（F4 的问题没了），E4 仍在（不采纳带过来），新出 I4 的警告。
    let r2 = checked(
        d,
        "2/甲镇.xlsx",
        "甲2",
        "某某县甲镇",
        vec![repealed.clone(), marks.clone()],
    );
    let out = desk::record(&mut s, &[r2]).unwrap();
    assert_eq!(out.recorded[0].round, 2);
    let sub = desk::submission(&s, jia, None).unwrap();
    assert_eq!(sub.rounds, [1, 2]);
    let cmp = sub.comparison.as_ref().unwrap();
    assert_eq!(cmp.previous_round, 1);
    let rules = |l: &[FileFinding]| l.iter().map(|f| f.rule.clone()).collect::<Vec<_>>();
    assert_eq!(rules(&cmp.fixed), [late.rule.as_str()]);
    assert_eq!(rules(&cmp.still_open), [repealed.rule.as_str()]);
    assert_eq!(rules(&cmp.new), [marks.rule.as_str()]);
    assert_eq!(
        sub.findings[0].decision.as_ref().map(|d| d.verdict),
        Some(Verdict::Waive)
    );
    // E4 不采纳，只剩警告：待审。
    assert_eq!(sub.summary.status, DeskStatus::Pending);
    let v = desk::view(&s).unwrap();
    assert_eq!(v.rows[0].rounds, 2);
    assert_eq!(v.rows[0].latest.as_ref().unwrap().round, 2);
    assert_eq!(v.rows[0].status, DeskStatus::Pending);

    // 第 1 轮仍可打开；撤销决定后 E4 又算错误。
    assert_eq!(desk::submission(&s, jia, Some(1)).unwrap().summary.round, 1);
    assert!(desk::submission(&s, yi, Some(5)).is_err());
    desk::undecide(&mut s, jia, &repealed.rule, &place).unwrap();
    assert_eq!(desk::view(&s).unwrap().rows[0].status, DeskStatus::Returned);
}

/// 名单从工作簿读（tests/fixtures/units/county_units.xlsx）。
#[test]
fn imports_the_unit_list_from_a_workbook() {
    let mut s = Store::open_in_memory().unwrap();
    let units = desk::import_units(
        &mut s,
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../tests/fixtures/units/county_units.xlsx"),
    )
    .unwrap();
    assert_eq!(units.len(), 5);
    assert_eq!(desk::view(&s).unwrap().missing.len(), 5);
}

/// 《审核意见》：只列采纳的问题，逐条编号，按工作表与单元格；.docx 里是这些文字。
#[test]
fn the_letter_lists_the_accepted_findings() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut s = Store::open_in_memory().unwrap();
    let units = desk::set_units(&mut s, &listed(&["甲镇人民政府"])).unwrap();
    let jia = units[0].id;
    let mut e9 = finding("R302-time-limit-too-long", Severity::Error, "F9");
    e9.row = Some(9);
    e9.suggestion = Some("信息形成之日起20个工作日内".into());
    let e4 = finding("R201-basis-repealed", Severity::Error, "E4");
    let w = finding("R102-audience-marks", Severity::Warning, "I4");
    let c = checked(
        d,
        "甲镇.xlsx",
        "甲",
        "某某县甲镇",
        vec![e9.clone(), e4.clone(), w.clone()],
    );
    desk::record(&mut s, &[c]).unwrap();
    for f in [&e9, &e4] {
        desk::decide(&mut s, jia, &f.rule, &f.location(), Verdict::Accept, "").unwrap();
    }
    desk::decide(
        &mut s,
        jia,
        &w.rule,
        &w.location(),
        Verdict::Waive,
        "不涉及",
    )
    .unwrap();
    let out = d.join("审核意见.docx");
    let paras = desk::write_letter(&s, jia, &out).unwrap();
    assert_eq!(paras[0], "关于甲镇人民政府政务公开标准目录的审核意见");
    assert!(paras[2].contains("有以下 2 处问题需要修改"), "{paras:?}");
    assert!(paras[3].starts_with("1. 社会救助!E4"), "{paras:?}");
    assert!(
        paras[4].starts_with("2. 社会救助!F9")
            && paras[4].contains("建议改为：信息形成之日起20个工作日内"),
        "{paras:?}"
    );
    assert!(!paras.iter().any(|p| p.contains("I4")));
    // .docx：zip 里的 word/document.xml 有这些文字。
    let mut z = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut z.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    assert!(xml.contains("关于甲镇人民政府政务公开标准目录的审核意见"));
    assert!(xml.contains("1. 社会救助!E4"));
}

/// 各领域的覆盖情况（只填概况用到的领域名与百分数）。
fn coverage(domains: &[(&str, f64)]) -> mulu_review::Coverage {
    mulu_review::Coverage {
        domains: domains
            .iter()
            .map(|(d, p)| mulu_review::DomainCoverage {
                domain: d.to_string(),
                data_version: "1".into(),
                expected: 10,
                present: 0,
                not_applicable: 0,
                missing: vec![],
                percent: *p,
            })
            .collect(),
        ..Default::default()
    }
}

/// 一个有四个单位（各一种状态）的台账：甲镇退回修改（R201 采纳、R302 不采纳），乙镇待审，
/// 教育体育局通过，丙镇未报送。
fn county(d: &Path) -> (Store, i64) {
    let mut s = Store::open_in_memory().unwrap();
    let units = desk::set_units(
        &mut s,
        &listed(&[
            "甲镇人民政府",
            "乙镇人民政府",
            "丙镇人民政府",
            "某某县教育体育局",
        ]),
    )
    .unwrap();
    let jia = units[0].id;
    let repealed = finding("R201-basis-repealed", Severity::Error, "E4");
    let late = finding("R302-time-limit-too-long", Severity::Error, "F4");
    let marks = finding("R102-audience-marks", Severity::Warning, "I4");
    let mut a = checked(
        d,
        "甲镇.xlsx",
        "甲",
        "某某县甲镇",
        vec![repealed.clone(), late.clone()],
    );
    a.coverage_detail = Some(coverage(&[("社会救助", 80.0), ("养老服务", 50.0)]));
    let mut b = checked(
        d,
        "乙镇.xlsx",
        "乙",
        "某某县乙镇",
        vec![marks.clone(), marks.clone()],
    );
    b.coverage_detail = Some(coverage(&[("社会救助", 60.0)]));
    let c = checked(d, "教育.xlsx", "教", "某某县教育体育局", vec![]);
    desk::record(&mut s, &[a, b, c]).unwrap();
    desk::decide(
        &mut s,
        jia,
        &repealed.rule,
        &repealed.location(),
        Verdict::Accept,
        "",
    )
    .unwrap();
    desk::decide(
        &mut s,
        jia,
        &late.rule,
        &late.location(),
        Verdict::Waive,
        "时限已另行公告",
    )
    .unwrap();
    (s, jia)
}

/// 概况：各状态的单位数、各领域的平均与最低覆盖率、常见规则（不采纳的不计）、今年没有更新的单位。
#[test]
fn the_dashboard_counts_the_county() {
    let dir = tempfile::tempdir().unwrap();
    let (s, _) = county(dir.path());
    let b = mulu_api::desk_report::dashboard(&s).unwrap();
    assert_eq!(b.units, 4);
    let by: Vec<(DeskStatus, usize)> = b.by_status.iter().map(|c| (c.status, c.units)).collect();
    assert_eq!(
        by,
        [
            (DeskStatus::Missing, 1),
            (DeskStatus::Returned, 1),
            (DeskStatus::Pending, 1),
            (DeskStatus::Passed, 1)
        ]
    );
    let dom: Vec<(&str, usize, f64, f64)> = b
        .domains
        .iter()
        .map(|d| (d.domain.as_str(), d.units, d.average, d.lowest))
        .collect();
    assert_eq!(
        dom,
        [("养老服务", 1, 50.0, 50.0), ("社会救助", 2, 70.0, 60.0)]
    );
    let rules: Vec<(&str, usize, usize)> = b
        .rules
        .iter()
        .map(|r| (r.rule.as_str(), r.findings, r.units))
        .collect();
    // R102 两条（一个单位），R201 一条；R302 不采纳，不计。
    assert_eq!(
        rules,
        [("R102-audience-marks", 2, 1), ("R201-basis-repealed", 1, 1)]
    );
    assert_eq!(b.rules[0].title, "公开对象没有勾选或两项都勾");
    // 今年收到的都算更新了，只剩没报送的丙镇；明年看，四个单位都没更新。
    let stale: Vec<&str> = b.stale.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(stale, ["丙镇人民政府"]);
    assert_eq!(b.stale[0].last_received, None);
    let next = mulu_api::desk_report::dashboard_in(&s, b.year + 1).unwrap();
    assert_eq!(next.stale.len(), 4);
    assert_eq!(
        next.stale[0].last_received.as_deref().map(str::len),
        Some(10)
    );
}

/// 全县汇总表：用 calamine 读回各表的每一格。
#[test]
fn the_summary_workbook_reads_back() {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let dir = tempfile::tempdir().unwrap();
    let (s, _) = county(dir.path());
    let out = dir.path().join("全县汇总.xlsx");
    let done = mulu_api::desk_report::write_summary(&s, &out).unwrap();
    assert_eq!((done.units, done.missing), (4, 1));
    let mut wb: Xlsx<_> = open_workbook(&out).unwrap();
    assert_eq!(wb.sheet_names(), ["各单位状态", "未报送", "按状态"]);
    let text = |d: &Data| match d {
        Data::String(s) => s.clone(),
        Data::Float(f) => format!("{f}"),
        Data::Empty => String::new(),
        other => format!("{other:?}"),
    };
    let rows = |wb: &mut Xlsx<_>, name: &str| -> Vec<Vec<String>> {
        wb.worksheet_range(name)
            .unwrap()
            .rows()
            .map(|r| r.iter().map(text).collect())
            .collect()
    };
    let status = rows(&mut wb, "各单位状态");
    assert_eq!(status[0], mulu_api::desk_report::SUMMARY_COLUMNS);
    let today = s.now_utc().unwrap()[..10].to_string();
    assert_eq!(
        status[1],
        [
            "1",
            "甲镇人民政府",
            "乡镇",
            "退回修改",
            "1",
            today.as_str(),
            "甲镇.xlsx",
            "1",
            "0",
            "1",
            "75"
        ]
    );
    assert_eq!(
        status[2][3..=9],
        ["待审", "1", today.as_str(), "乙镇.xlsx", "0", "2", "0"]
    );
    assert_eq!(status[3][..4], ["3", "丙镇人民政府", "乡镇", "未报送"]);
    assert!(
        status[3][4..].iter().all(String::is_empty),
        "{:?}",
        status[3]
    );
    assert_eq!(status[4][1..4], ["某某县教育体育局", "县级部门", "通过"]);
    assert_eq!(status.len(), 5);
    assert_eq!(
        rows(&mut wb, "未报送"),
        [
            vec!["序号", "单位", "类型"],
            vec!["1", "丙镇人民政府", "乡镇"]
        ]
    );
    assert_eq!(
        rows(&mut wb, "按状态"),
        [
            ["状态", "单位数"],
            ["未报送", "1"],
            ["退回修改", "1"],
            ["待审", "1"],
            ["通过", "1"],
            ["合计", "4"]
        ]
    );
    // 还没有名单时报错，说明该做什么。
    let empty = Store::open_in_memory().unwrap();
    let e = mulu_api::desk_report::write_summary(&empty, &out).unwrap_err();
    assert!(e.to_string().contains("单位名单"), "{e}");
}

/// 全部单位的审核意见：只为最新一轮有采纳问题的单位写，每写完一个报一次进度。
#[test]
fn letters_for_every_unit_with_accepted_findings() {
    let dir = tempfile::tempdir().unwrap();
    let (s, _) = county(dir.path());
    let out = dir.path().join("意见");
    let mut seen = Vec::new();
    let written = mulu_api::desk_report::write_all_letters(&s, &out, |p| {
        seen.push((p.done, p.total, p.unit))
    })
    .unwrap();
    assert_eq!(seen, [(1, 1, "甲镇人民政府".to_string())]);
    assert_eq!(written.len(), 1);
    assert_eq!(written[0].accepted, 1);
    let path = out.join("甲镇人民政府审核意见.docx");
    assert_eq!(
        written[0].path.as_deref(),
        Some(path.display().to_string().as_str())
    );
    let mut z = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut z.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    assert!(xml.contains("1. 社会救助!E4"));
    assert!(!xml.contains("F4"), "不采纳的问题不列");
    assert_eq!(
        mulu_api::desk_report::letter_file_name("a/b:c"),
        "a_b_c审核意见.docx"
    );
}
