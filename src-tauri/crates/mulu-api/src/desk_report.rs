//! 审核台账的全县汇总（issue 16 第 4、5 条）：
//!
//! - [`write_summary`]：全县汇总表工作簿（.xlsx，rust_xlsxwriter）——每个单位的状态、最新一轮、收到日期、
//!   错误/警告（不采纳的不计）、覆盖率，还没报送的单位，各状态的单位数。
//! - [`dashboard`]：概况的数字——各状态的单位数、全县各领域的覆盖率、最常见的问题（规则）、今年没有
//!   报送（更新）的单位。界面的「概况」页画成图。
//! - [`write_all_letters`]：为最新一轮有“采纳”的问题的每个单位写一份《审核意见》（.docx）到一个文件夹。
//!
//! 数字都从台账（[`crate::desk`]，每个单位的最新一轮）算出，与「台账」页一致。

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use mulu_core::model::{Severity, UnitKind};
use mulu_review::DeskStatus;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::desk::{is_accepted, latest_rounds, Latest};
use crate::{ApiError, Result};

/// 概况里“最常见的问题”列几条规则。
pub const TOP_RULES: usize = 10;

/// 一种状态的单位数。
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StatusCount {
    pub status: DeskStatus,
    pub units: usize,
}

/// 全县一个领域的覆盖情况：最新一轮含这个领域的单位数，它们覆盖率的平均与最低（百分数，一位小数）。
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DomainStat {
    pub domain: String,
    pub units: usize,
    pub average: f64,
    pub lowest: f64,
}

/// 一条规则在各单位最新一轮里报了几次（不采纳的不计）、涉及几个单位。
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RuleStat {
    pub rule: String,
    /// 规则的标题（规则表里没有这个编号时为编号本身）。
    pub title: String,
    pub severity: Severity,
    pub findings: usize,
    pub units: usize,
}

/// 今年没有报送（更新）目录的单位。
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StaleUnit {
    pub name: String,
    pub kind: Option<UnitKind>,
    /// 最近一次收到的日期（`2025-11-30`）；从没收到过时为空。
    pub last_received: Option<String>,
}

/// 全县概况（「概况」页）。
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DeskDashboard {
    /// 名单上的单位数。
    pub units: usize,
    /// “今年”：按这一年判断单位有没有更新。
    pub year: i32,
    /// 各状态的单位数（未报送、退回修改、待审、通过；没有的为 0）。
    pub by_status: Vec<StatusCount>,
    /// 各领域，按领域名排列。
    pub domains: Vec<DomainStat>,
    /// 报得最多的规则（最多 [`TOP_RULES`] 条），多的在前。
    pub rules: Vec<RuleStat>,
    /// 今年没有收到报送的单位（名单顺序）。
    pub stale: Vec<StaleUnit>,
}

/// 为一个单位写审核意见的结果。
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LetterWritten {
    pub unit: String,
    /// 写出的文件；没写成时为空。
    pub path: Option<String>,
    /// 列出的（采纳的）问题数。
    pub accepted: usize,
    /// 没写成的原因。
    pub failure: Option<String>,
}

/// 批量写审核意见的进度：写完一个单位报一次。
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LettersProgress {
    pub done: usize,
    pub total: usize,
    pub unit: String,
}

/// `2026-12-02T08:00:00Z` → `2026-12-02`。
fn day(stamp: &str) -> String {
    stamp.get(..10).unwrap_or(stamp).to_string()
}

/// 当前的年份（UTC，取自数据库的时钟）。
fn this_year(store: &mulu_core::store::Store) -> Result<i32> {
    let now = store.now_utc()?;
    now.get(..4)
        .and_then(|y| y.parse().ok())
        .ok_or_else(|| ApiError::Invalid(format!("无法从时间“{now}”读出年份。")))
}

/// 全县概况（见 [`DeskDashboard`]），“今年”为当前年份。
pub fn dashboard(store: &mulu_core::store::Store) -> Result<DeskDashboard> {
    dashboard_in(store, this_year(store)?)
}

/// 全县概况，`year` 之前收到的、或从没收到过的单位算“今年没有更新”。
pub fn dashboard_in(store: &mulu_core::store::Store, year: i32) -> Result<DeskDashboard> {
    Ok(dashboard_of(&latest_rounds(store)?, year))
}

/// 由各单位的最新一轮算概况（见 [`dashboard_in`]）。
fn dashboard_of(units: &[Latest], year: i32) -> DeskDashboard {
    let mut counts = [0usize; 4];
    let mut domains: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    // 规则 → (严重程度, 条数, 单位)
    let mut rules: BTreeMap<&str, (Severity, usize, usize)> = BTreeMap::new();
    let mut stale = Vec::new();
    for l in units {
        let status = l
            .latest
            .as_ref()
            .map_or(DeskStatus::Missing, |r| r.summary.status);
        if let Some(i) = DeskStatus::ALL.iter().position(|s| *s == status) {
            counts[i] += 1;
        }
        let received = l.latest.as_ref().map(|r| day(&r.summary.received));
        let fresh = received
            .as_deref()
            .and_then(|d| d.get(..4))
            .and_then(|y| y.parse::<i32>().ok())
            .is_some_and(|y| y >= year);
        if !fresh {
            stale.push(StaleUnit {
                name: l.unit.name.clone(),
                kind: l.unit.kind,
                last_received: received,
            });
        }
        let Some(r) = &l.latest else { continue };
        if let Some(cov) = &r.check.coverage_detail {
            for d in &cov.domains {
                domains
                    .entry(d.domain.as_str())
                    .or_default()
                    .push(d.percent);
            }
        }
        let mut seen: HashSet<&str> = HashSet::new();
        for f in r.findings.iter().filter(|f| {
            f.decision.as_ref().map(|d| d.verdict) != Some(mulu_core::model::Verdict::Waive)
        }) {
            let e = rules
                .entry(f.finding.rule.as_str())
                .or_insert((f.finding.severity, 0, 0));
            e.1 += 1;
            if seen.insert(f.finding.rule.as_str()) {
                e.2 += 1;
            }
        }
    }
    let mut rules: Vec<RuleStat> = rules
        .into_iter()
        .map(|(rule, (severity, findings, units))| RuleStat {
            rule: rule.to_string(),
            title: mulu_review::rule(rule).map_or_else(|| rule.to_string(), |r| r.title.into()),
            severity,
            findings,
            units,
        })
        .collect();
    // 条数多的在前；一样多时按编号（BTreeMap 已按编号排好，sort_by 是稳定的）。
    rules.sort_by_key(|r| std::cmp::Reverse(r.findings));
    rules.truncate(TOP_RULES);
    DeskDashboard {
        units: units.len(),
        year,
        by_status: DeskStatus::ALL
            .iter()
            .zip(counts)
            .map(|(s, n)| StatusCount {
                status: *s,
                units: n,
            })
            .collect(),
        domains: domains
            .into_iter()
            .map(|(domain, p)| DomainStat {
                domain: domain.to_string(),
                units: p.len(),
                average: (p.iter().sum::<f64>() / p.len() as f64 * 10.0).round() / 10.0,
                lowest: p.iter().copied().fold(f64::INFINITY, f64::min),
            })
            .collect(),
        rules,
        stale,
    }
}

/// 汇总表写了什么。
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SummaryWritten {
    pub path: String,
    pub units: usize,
    /// 还没报送的单位数。
    pub missing: usize,
}

/// 汇总表“各单位状态”的表头。
pub const SUMMARY_COLUMNS: [&str; 11] = [
    "序号",
    "单位",
    "类型",
    "状态",
    "最新轮次",
    "收到日期",
    "文件",
    "错误",
    "警告",
    "不采纳",
    "覆盖率",
];

/// 写全县汇总表（.xlsx）到 `path`：表“各单位状态”（名单顺序，每个单位一行，错误/警告不计不采纳的）、
/// “未报送”（还没报送的单位）、“按状态”（各状态的单位数与合计）。
pub fn write_summary(store: &mulu_core::store::Store, path: &Path) -> Result<SummaryWritten> {
    let units = latest_rounds(store)?;
    if units.is_empty() {
        return Err(ApiError::Invalid(
            "还没有单位名单：请先导入县里的报送单位名单。".into(),
        ));
    }
    let board = dashboard_of(&units, this_year(store)?);
    let mut wb = Workbook::new();
    fill_summary(&mut wb, &units, &board).map_err(|e| write_error(path, e))?;
    wb.save(path).map_err(|e| write_error(path, e))?;
    Ok(SummaryWritten {
        path: path.display().to_string(),
        units: units.len(),
        missing: units.iter().filter(|l| l.latest.is_none()).count(),
    })
}

fn write_error(path: &Path, e: XlsxError) -> ApiError {
    ApiError::Invalid(format!(
        "无法写出汇总表“{}”：{e}。请换一个文件夹，或关掉正打开它的程序后重试。",
        path.display()
    ))
}

fn header(
    ws: &mut Worksheet,
    cols: &[&str],
    widths: &[f64],
    head: &Format,
) -> Result<(), XlsxError> {
    for (c, (h, w)) in cols.iter().zip(widths).enumerate() {
        ws.write_string_with_format(0, c as u16, *h, head)?;
        ws.set_column_width(c as u16, *w)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

fn fill_summary(
    wb: &mut Workbook,
    units: &[Latest],
    board: &DeskDashboard,
) -> Result<(), XlsxError> {
    let base = Format::new()
        .set_border(FormatBorder::Thin)
        .set_font_name("宋体")
        .set_font_size(11);
    let head = base
        .clone()
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_background_color(Color::RGB(0xD9E1F2));
    let text = base.clone().set_text_wrap();
    let num = base.clone().set_align(FormatAlign::Right);
    let pct = num.clone().set_num_format("0.0\"%\"");
    let kind = |k: Option<UnitKind>| k.map_or("", UnitKind::as_str);

    let ws = wb.add_worksheet();
    ws.set_name("各单位状态")?;
    header(
        ws,
        &SUMMARY_COLUMNS,
        &[6.0, 32.0, 10.0, 10.0, 9.0, 12.0, 36.0, 7.0, 7.0, 8.0, 9.0],
        &head,
    )?;
    for (i, l) in units.iter().enumerate() {
        let row = 1 + i as u32;
        ws.write_number_with_format(row, 0, (i + 1) as f64, &num)?;
        ws.write_string_with_format(row, 1, &l.unit.name, &text)?;
        ws.write_string_with_format(row, 2, kind(l.unit.kind), &text)?;
        match &l.latest {
            Some(r) => {
                let s = &r.summary;
                ws.write_string_with_format(row, 3, s.status.as_str(), &text)?;
                ws.write_number_with_format(row, 4, s.round as f64, &num)?;
                ws.write_string_with_format(row, 5, day(&s.received), &text)?;
                ws.write_string_with_format(row, 6, &s.file_name, &text)?;
                for (c, n) in [(7, s.open_errors), (8, s.open_warnings), (9, s.waived)] {
                    ws.write_number_with_format(row, c, n as f64, &num)?;
                }
                match s.coverage {
                    Some(p) => ws.write_number_with_format(row, 10, p, &pct)?,
                    None => ws.write_blank(row, 10, &pct)?,
                };
            }
            None => {
                ws.write_string_with_format(row, 3, DeskStatus::Missing.as_str(), &text)?;
                for c in 4..=10 {
                    ws.write_blank(row, c, &base)?;
                }
            }
        }
    }
    ws.autofilter(0, 0, units.len() as u32, (SUMMARY_COLUMNS.len() - 1) as u16)?;

    let ws = wb.add_worksheet();
    ws.set_name("未报送")?;
    header(ws, &["序号", "单位", "类型"], &[6.0, 32.0, 10.0], &head)?;
    for (i, l) in units.iter().filter(|l| l.latest.is_none()).enumerate() {
        let row = 1 + i as u32;
        ws.write_number_with_format(row, 0, (i + 1) as f64, &num)?;
        ws.write_string_with_format(row, 1, &l.unit.name, &text)?;
        ws.write_string_with_format(row, 2, kind(l.unit.kind), &text)?;
    }

    let ws = wb.add_worksheet();
    ws.set_name("按状态")?;
    header(ws, &["状态", "单位数"], &[12.0, 9.0], &head)?;
    for (i, c) in board.by_status.iter().enumerate() {
        let row = 1 + i as u32;
        ws.write_string_with_format(row, 0, c.status.as_str(), &text)?;
        ws.write_number_with_format(row, 1, c.units as f64, &num)?;
    }
    let total = 1 + board.by_status.len() as u32;
    ws.write_string_with_format(total, 0, "合计", &head)?;
    ws.write_number_with_format(total, 1, board.units as f64, &num)?;
    Ok(())
}

/// 审核意见的文件名：`〈单位〉审核意见.docx`，文件名里不能有的字符换成“_”。
pub fn letter_file_name(unit: &str) -> String {
    let name: String = unit
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    format!("{}审核意见.docx", name.trim())
}

/// 为最新一轮有采纳的问题的每个单位写一份《审核意见》到文件夹 `dir`（不存在时创建）：
/// `〈单位〉审核意见.docx`，内容同 [`crate::desk::write_letter`]。每写完一个单位调用一次 `progress`。
/// 一个单位没写成不影响其余单位（原因在结果里）；没有单位有采纳的问题时结果为空。
pub fn write_all_letters(
    store: &mulu_core::store::Store,
    dir: &Path,
    mut progress: impl FnMut(LettersProgress),
) -> Result<Vec<LetterWritten>> {
    let units = latest_rounds(store)?;
    let todo: Vec<&Latest> = units
        .iter()
        .filter(|l| {
            l.latest
                .as_ref()
                .is_some_and(|r| r.findings.iter().any(is_accepted))
        })
        .collect();
    if todo.is_empty() {
        return Ok(Vec::new());
    }
    std::fs::create_dir_all(dir).map_err(|e| {
        ApiError::Invalid(format!(
            "无法创建文件夹“{}”：{e}。请换一个文件夹。",
            dir.display()
        ))
    })?;
    let now = store.now_utc()?;
    let mut out = Vec::with_capacity(todo.len());
    for (i, l) in todo.iter().enumerate() {
        let Some(r) = &l.latest else { continue };
        let letter = crate::desk::letter_of(&l.unit, r, &now);
        let path: PathBuf = dir.join(letter_file_name(&l.unit.name));
        let written = crate::desk::write_docx(&letter, &path);
        out.push(LetterWritten {
            unit: l.unit.name.clone(),
            path: written.is_ok().then(|| path.display().to_string()),
            accepted: letter.findings.len(),
            failure: written.err().map(|e| e.to_string()),
        });
        progress(LettersProgress {
            done: i + 1,
            total: todo.len(),
            unit: l.unit.name.clone(),
        });
    }
    Ok(out)
}
