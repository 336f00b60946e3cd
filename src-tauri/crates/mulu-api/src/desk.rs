//! 审核台账（县里审核各单位报送的目录）：名单、各单位各轮的报送、对每条问题的决定、两轮的比较。
//!
//! - [`import_units`] / [`set_units`]：换上县里的单位名单（`mulu_import::read_unit_list`）。
//! - [`record`]：把检查过的文件（[`FileCheck`]）按单位记下：同一单位收到内容相同的文件（重新检查）
//!   更新那一轮，不同的文件是新的一轮。配到哪个单位由 [`mulu_review::match_unit`] 决定。
//! - [`view`]：每个单位的最新一轮、状态（不采纳的问题不计）与还没报送的单位。
//! - [`submission`]：一轮的问题与决定，以及与上一轮的比较（问题已改、新出、仍在；事项的增删改）。
//! - [`decide`] / [`undecide`]：采纳或不采纳（写明理由）一条问题；按“规则 + 位置”记在单位上，
//!   重新检查、下一轮同一位置仍报同一规则时照样适用。

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use mulu_core::model::{Decision, DeskUnit, ListedUnit, Verdict};
use mulu_core::store::{NewSubmission, Store, Submission};
use mulu_import::ReadOptions;
use mulu_review::diff::{diff, CatalogDiff, Located};
use mulu_review::{DeskStatus, FileCheck, FileFinding};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::{ApiError, Result};

/// 一轮报送的概要。`open_errors`/`open_warnings`：没有被“不采纳”的错误与警告。
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SubmissionSummary {
    pub round: i64,
    /// 收到（第一次检查）的时间，UTC。
    pub received: String,
    pub file_name: String,
    pub path: String,
    /// 按近似的名称或文件名配到这个单位，请确认。
    pub unsure: bool,
    pub readable: bool,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub open_errors: usize,
    pub open_warnings: usize,
    /// 不采纳的问题数。
    pub waived: usize,
    pub coverage: Option<f64>,
    pub status: DeskStatus,
}

/// 台账的一行：一个单位与它的最新一轮。
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DeskRow {
    pub unit: DeskUnit,
    pub status: DeskStatus,
    /// 收到过几轮。
    pub rounds: i64,
    pub latest: Option<SubmissionSummary>,
}

/// 整个台账。
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DeskView {
    pub rows: Vec<DeskRow>,
    /// 还没报送的单位（名单顺序）。
    pub missing: Vec<String>,
}

/// 一条问题与审核人的决定（没有决定时为空）。
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DecidedFinding {
    pub finding: FileFinding,
    /// 问题的位置（决定按它与规则记下）。
    pub place: String,
    pub decision: Option<Decision>,
}

/// 与上一轮比较：问题按“规则 + 位置”配对；事项用 [`mulu_review::diff`]（两轮的文件都还在时）。
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RoundComparison {
    pub previous_round: i64,
    /// 上一轮有、这一轮没有的问题。
    pub fixed: Vec<FileFinding>,
    /// 这一轮新出的问题。
    pub new: Vec<FileFinding>,
    /// 两轮都有的问题。
    pub still_open: Vec<FileFinding>,
    /// 事项的增删改；两轮的文件有一个找不到或已改动时为空。
    pub items: Option<CatalogDiff>,
}

/// 一个单位一轮报送的详情。
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SubmissionView {
    pub unit: DeskUnit,
    pub summary: SubmissionSummary,
    pub check: FileCheck,
    pub findings: Vec<DecidedFinding>,
    pub comparison: Option<RoundComparison>,
    /// 这个单位的各轮（轮次）。
    pub rounds: Vec<i64>,
}

/// 记下的一个文件。
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Recorded {
    pub path: String,
    pub unit: String,
    pub round: i64,
    pub unsure: bool,
}

/// [`record`] 的结果：记下的文件与配不上单位的文件。
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RecordOutcome {
    pub recorded: Vec<Recorded>,
    pub unmatched: Vec<String>,
}

/// 审核人：操作系统的用户名（取不到时为“审核人”）。
pub fn reviewer_name() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "审核人".into())
}

/// 换上县里的单位名单（见 [`Store::desk_set_units`]：名单上没有了的单位连同其报送一起删去）。
pub fn set_units(store: &mut Store, units: &[ListedUnit]) -> Result<Vec<DeskUnit>> {
    Ok(store.desk_set_units(units)?)
}

/// 读单位名单工作簿并换上。
pub fn import_units(store: &mut Store, path: &Path) -> Result<Vec<DeskUnit>> {
    let opts = ReadOptions::from_store(store, None)?;
    let units = mulu_import::read_unit_list(path, &opts)?;
    set_units(store, &units)
}

fn listed(units: &[DeskUnit]) -> Vec<ListedUnit> {
    units
        .iter()
        .map(|u| ListedUnit {
            name: u.name.clone(),
            kind: u.kind,
        })
        .collect()
}

/// 文件内容的 sha256（十六进制）；文件已经不在时用路径代替（仍能区分不同的文件）。
pub(crate) fn fingerprint(path: &str) -> String {
    let digest = match std::fs::read(path) {
        Ok(bytes) => Sha256::digest(&bytes),
        Err(_) => Sha256::digest(format!("路径:{path}").as_bytes()),
    };
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// 把检查过的文件按单位记下（见模块说明）。还没有名单时报错。
pub fn record(store: &mut Store, checks: &[FileCheck]) -> Result<RecordOutcome> {
    let units = store.desk_units()?;
    if units.is_empty() {
        return Err(ApiError::Invalid(
            "还没有单位名单：请先导入县里的报送单位名单。".into(),
        ));
    }
    let list = listed(&units);
    let mut out = RecordOutcome {
        recorded: Vec::new(),
        unmatched: Vec::new(),
    };
    for c in checks {
        let Some(m) = mulu_review::match_unit(c, &list) else {
            out.unmatched.push(c.path.clone());
            continue;
        };
        let unit = &units[m.unit];
        let file_name = Path::new(&c.path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| c.path.clone());
        let s = store.desk_record(&NewSubmission {
            unit_id: unit.id,
            file_name,
            path: c.path.clone(),
            fingerprint: fingerprint(&c.path),
            unsure: !m.sure,
            readable: c.readable,
            errors: c.errors,
            warnings: c.warnings,
            infos: c.infos,
            coverage: c.coverage,
            result: serde_json::to_string(c).map_err(mulu_core::store::StoreError::from)?,
        })?;
        out.recorded.push(Recorded {
            path: c.path.clone(),
            unit: unit.name.clone(),
            round: s.round,
            unsure: !m.sure,
        });
    }
    Ok(out)
}

fn check_of(s: &Submission) -> Result<FileCheck> {
    serde_json::from_str(&s.result).map_err(|e| {
        ApiError::Invalid(format!(
            "第 {} 轮“{}”的检查结果无法读出（{e}），请重新检查这个文件。",
            s.round, s.file_name
        ))
    })
}

fn decided(check: &FileCheck, decisions: &[Decision]) -> Vec<DecidedFinding> {
    check
        .findings
        .iter()
        .map(|f| {
            let place = f.location();
            let decision = decisions
                .iter()
                .find(|d| d.rule == f.rule && d.place == place)
                .cloned();
            DecidedFinding {
                finding: f.clone(),
                place,
                decision,
            }
        })
        .collect()
}

fn summary(s: &Submission, findings: &[DecidedFinding]) -> SubmissionSummary {
    let waived = |sev: mulu_core::model::Severity| {
        findings
            .iter()
            .filter(|d| {
                d.finding.severity == sev
                    && d.decision.as_ref().map(|x| x.verdict) == Some(Verdict::Waive)
            })
            .count()
    };
    let open_errors = s
        .errors
        .saturating_sub(waived(mulu_core::model::Severity::Error));
    let open_warnings = s
        .warnings
        .saturating_sub(waived(mulu_core::model::Severity::Warning));
    SubmissionSummary {
        round: s.round,
        received: s.received.clone(),
        file_name: s.file_name.clone(),
        path: s.path.clone(),
        unsure: s.unsure,
        readable: s.readable,
        errors: s.errors,
        warnings: s.warnings,
        infos: s.infos,
        open_errors,
        open_warnings,
        waived: findings
            .iter()
            .filter(|d| d.decision.as_ref().map(|x| x.verdict) == Some(Verdict::Waive))
            .count(),
        coverage: s.coverage,
        status: DeskStatus::from_counts(s.readable, open_errors, open_warnings),
    }
}

/// 一个单位（名单顺序）与它的最新一轮：概要、检查结果与各条问题的决定。台账、汇总表、概况与
/// 批量写审核意见共用。
pub(crate) struct Latest {
    pub unit: DeskUnit,
    /// 收到过几轮。
    pub rounds: i64,
    pub latest: Option<LatestRound>,
}

pub(crate) struct LatestRound {
    pub summary: SubmissionSummary,
    pub check: FileCheck,
    pub findings: Vec<DecidedFinding>,
}

/// 每个单位与它的最新一轮（见 [`Latest`]）。只读出各单位最新一轮的检查结果。
pub(crate) fn latest_rounds(store: &Store) -> Result<Vec<Latest>> {
    let units = store.desk_units()?;
    let subs = store.desk_latest_submissions()?;
    let decisions = store.desk_decisions(None)?;
    let mut by_unit: HashMap<i64, Vec<Decision>> = HashMap::new();
    for d in decisions {
        by_unit.entry(d.unit_id).or_default().push(d);
    }
    let latest: HashMap<i64, (i64, &Submission)> =
        subs.iter().map(|(s, n)| (s.unit_id, (*n, s))).collect();
    units
        .into_iter()
        .map(|unit| {
            let Some(&(rounds, s)) = latest.get(&unit.id) else {
                return Ok(Latest {
                    unit,
                    rounds: 0,
                    latest: None,
                });
            };
            let check = check_of(s)?;
            let findings = decided(
                &check,
                by_unit.get(&unit.id).map(Vec::as_slice).unwrap_or(&[]),
            );
            Ok(Latest {
                unit,
                rounds,
                latest: Some(LatestRound {
                    summary: summary(s, &findings),
                    check,
                    findings,
                }),
            })
        })
        .collect()
}

/// 整个台账：每个单位的最新一轮与状态，还没报送的单位。
pub fn view(store: &Store) -> Result<DeskView> {
    let mut rows = Vec::new();
    let mut missing = Vec::new();
    for l in latest_rounds(store)? {
        let latest = l.latest.map(|r| r.summary);
        let status = latest.as_ref().map_or(DeskStatus::Missing, |s| s.status);
        if status == DeskStatus::Missing {
            missing.push(l.unit.name.clone());
        }
        rows.push(DeskRow {
            unit: l.unit,
            status,
            rounds: l.rounds,
            latest,
        });
    }
    Ok(DeskView { rows, missing })
}

/// 一个单位第 `round` 轮（为空：最新一轮）：单位、各轮、这一轮的序号。
fn rounds_of(
    store: &Store,
    unit_id: i64,
    round: Option<i64>,
) -> Result<(DeskUnit, Vec<Submission>, usize)> {
    let unit = store
        .desk_units()?
        .into_iter()
        .find(|u| u.id == unit_id)
        .ok_or_else(|| ApiError::Invalid(format!("台账里没有编号为 {unit_id} 的单位。")))?;
    let subs = store.desk_submissions(Some(unit_id))?;
    let at = match round {
        Some(r) => subs.iter().position(|s| s.round == r),
        None => subs.len().checked_sub(1),
    }
    .ok_or_else(|| {
        ApiError::Invalid(format!(
            "“{}”没有{}的报送。",
            unit.name,
            round.map_or("任何一轮".into(), |r| format!("第 {r} 轮"))
        ))
    })?;
    Ok((unit, subs, at))
}

/// 一个单位一轮的报送记录与问题（连同决定），不读文件、不比较（表格视图用）。
pub(crate) fn round_findings(
    store: &Store,
    unit_id: i64,
    round: Option<i64>,
) -> Result<(Submission, Vec<DecidedFinding>)> {
    let (_, mut subs, at) = rounds_of(store, unit_id, round)?;
    let s = subs.swap_remove(at);
    let findings = decided(&check_of(&s)?, &store.desk_decisions(Some(unit_id))?);
    Ok((s, findings))
}

/// 一个单位第 `round` 轮（为空：最新一轮）的详情，与上一轮的比较。
pub fn submission(store: &Store, unit_id: i64, round: Option<i64>) -> Result<SubmissionView> {
    let (unit, subs, at) = rounds_of(store, unit_id, round)?;
    let s = &subs[at];
    let decisions = store.desk_decisions(Some(unit_id))?;
    let check = check_of(s)?;
    let findings = decided(&check, &decisions);
    let comparison = match at.checked_sub(1).map(|p| &subs[p]) {
        Some(prev) => Some(compare(prev, &check_of(prev)?, s, &check)),
        None => None,
    };
    Ok(SubmissionView {
        summary: summary(s, &findings),
        unit,
        check,
        findings,
        comparison,
        rounds: subs.iter().map(|s| s.round).collect(),
    })
}

/// 两轮的比较（见 [`RoundComparison`]）。
fn compare(
    prev: &Submission,
    old: &FileCheck,
    cur: &Submission,
    new: &FileCheck,
) -> RoundComparison {
    let key = |f: &FileFinding| (f.rule.clone(), f.location());
    let old_keys: BTreeSet<_> = old.findings.iter().map(key).collect();
    let new_keys: BTreeSet<_> = new.findings.iter().map(key).collect();
    let fixed = old
        .findings
        .iter()
        .filter(|f| !new_keys.contains(&key(f)))
        .cloned()
        .collect();
    let (still_open, fresh): (Vec<FileFinding>, Vec<FileFinding>) = new
        .findings
        .iter()
        .cloned()
        .partition(|f| old_keys.contains(&key(f)));
    RoundComparison {
        previous_round: prev.round,
        fixed,
        new: fresh,
        still_open,
        items: items_diff(prev, cur),
    }
}

/// 两轮文件的事项比对；文件找不到、改动过（指纹不同）或读不了时为空。
fn items_diff(prev: &Submission, cur: &Submission) -> Option<CatalogDiff> {
    let opts = ReadOptions::with_builtin_domains();
    let read = |s: &Submission| {
        if fingerprint(&s.path) != s.fingerprint {
            return None;
        }
        mulu_import::read_workbook(Path::new(&s.path), &opts).ok()
    };
    let (a, b) = (read(prev)?, read(cur)?);
    Some(diff(
        &format!("第 {} 轮", prev.round),
        &Located::from_preview(&a),
        &format!("第 {} 轮", cur.round),
        &Located::from_preview(&b),
    ))
}

/// 采纳或不采纳一条问题（不采纳须写理由）。记在单位的最新一轮上；审核人为 [`reviewer_name`]。
pub fn decide(
    store: &mut Store,
    unit_id: i64,
    rule: &str,
    place: &str,
    verdict: Verdict,
    reason: &str,
) -> Result<Decision> {
    let reason = reason.trim();
    if verdict == Verdict::Waive && reason.is_empty() {
        return Err(ApiError::Invalid("不采纳这条问题时请写明理由。".into()));
    }
    let round = store
        .desk_submissions(Some(unit_id))?
        .last()
        .map(|s| s.round)
        .ok_or_else(|| ApiError::Invalid("这个单位还没有报送，无从决定。".into()))?;
    let d = Decision {
        unit_id,
        rule: rule.to_string(),
        place: place.to_string(),
        verdict,
        reason: reason.to_string(),
        reviewer: reviewer_name(),
        decided_at: store.now_utc()?,
        round,
    };
    store.desk_decide(&d)?;
    Ok(d)
}

/// 确认一个“请确认”的配对：单位 `unit_id` 的第 `round` 轮确是它报送的。
pub fn confirm_match(store: &mut Store, unit_id: i64, round: i64) -> Result<()> {
    Ok(store.desk_confirm(unit_id, round)?)
}

/// 把单位 `unit_id` 第 `round` 轮的报送改配到单位 `to`（配错了单位时）：记为 `to` 的下一轮，原单位
/// 其后的轮次前移。返回它在 `to` 名下的轮次。
pub fn reassign(store: &mut Store, unit_id: i64, round: i64, to: i64) -> Result<i64> {
    Ok(store.desk_reassign(unit_id, round, to)?)
}

/// 撤销对一条问题的决定。
pub fn undecide(store: &mut Store, unit_id: i64, rule: &str, place: &str) -> Result<()> {
    Ok(store.desk_undecide(unit_id, rule, place)?)
}

/// 一个单位最新一轮的《审核意见》（.docx）：采纳的问题逐条编号（按工作表与单元格排列），写到 `path`。
/// 返回写进去的各段文字。
pub fn write_letter(store: &Store, unit_id: i64, path: &Path) -> Result<Vec<String>> {
    let unit = store
        .desk_units()?
        .into_iter()
        .find(|u| u.id == unit_id)
        .ok_or_else(|| ApiError::Invalid(format!("台账里没有编号为 {unit_id} 的单位。")))?;
    let s = store
        .desk_submissions(Some(unit_id))?
        .pop()
        .ok_or_else(|| ApiError::Invalid(format!("“{}”没有任何一轮的报送。", unit.name)))?;
    let check = check_of(&s)?;
    let findings = decided(&check, &store.desk_decisions(Some(unit_id))?);
    let round = LatestRound {
        summary: summary(&s, &findings),
        check,
        findings,
    };
    let letter = letter_of(&unit, &round, &store.now_utc()?);
    write_docx(&letter, path)?;
    Ok(letter.paragraphs())
}

/// 一个单位最新一轮的审核意见的内容：采纳的问题按工作表、行、列排列。`now` 是落款的时间（UTC）。
pub(crate) fn letter_of(unit: &DeskUnit, r: &LatestRound, now: &str) -> crate::letter::Letter {
    let mut accepted: Vec<&DecidedFinding> = r.findings.iter().filter(|f| is_accepted(f)).collect();
    accepted.sort_by(|a, b| {
        let k = |f: &FileFinding| {
            (
                f.sheet.clone().unwrap_or_default(),
                f.row.unwrap_or(0),
                f.cell.as_deref().map(cell_column).unwrap_or_default(),
            )
        };
        k(&a.finding).cmp(&k(&b.finding))
    });
    crate::letter::Letter {
        unit: unit.name.clone(),
        file_name: r.summary.file_name.clone(),
        round: r.summary.round,
        received: crate::letter::chinese_date(&r.summary.received),
        date: crate::letter::chinese_date(now),
        reviewer: reviewer_name(),
        findings: accepted
            .iter()
            .map(|f| crate::letter::LetterFinding {
                place: f.place.clone(),
                field: f
                    .finding
                    .field
                    .map(|x| x.label().to_string())
                    .unwrap_or_default(),
                message: f.finding.message.clone(),
                suggestion: f.finding.suggestion.clone(),
            })
            .collect(),
    }
}

/// 审核人采纳了这条问题（写进审核意见）。
pub(crate) fn is_accepted(f: &DecidedFinding) -> bool {
    f.decision.as_ref().map(|d| d.verdict) == Some(Verdict::Accept)
}

/// 把审核意见写成 .docx。
pub(crate) fn write_docx(letter: &crate::letter::Letter, path: &Path) -> Result<()> {
    let bytes = letter
        .to_docx()
        .map_err(|e| ApiError::Invalid(format!("无法生成审核意见：{e}")))?;
    mulu_core::atomic::write(path, &bytes).map_err(|e| {
        ApiError::Invalid(format!(
            "无法写出“{}”：{e}。请换一个文件夹，或关掉正打开它的程序后重试。",
            path.display()
        ))
    })
}

/// 单元格的列号（`AB12` → 28），排序用。
fn cell_column(cell: &str) -> u32 {
    cell.chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .fold(0, |n, c| {
            n * 26 + (c.to_ascii_uppercase() as u32 - 'A' as u32 + 1)
        })
}
