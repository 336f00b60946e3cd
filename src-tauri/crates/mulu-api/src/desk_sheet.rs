//! 审核台账的表格视图：一轮报送的工作簿照原样显示（官方表格的两行表头、合并区域），有问题的格
//! 按最严重的程度标出。
//!
//! 分两步，读文件不占数据库锁：[`source`] 在锁内取出这一轮的文件与问题（[`SheetSource`]），
//! [`SheetSource::read`] 在锁外读表。收到的文件不可信：找得到 `mulu` 时在 `mulu worker sheet` 子进程里读
//! （[`mulu_review::isolate::sheet_isolated`]，与批量检查同样限时、限内存），找不到时在本进程里读
//! （读取器的上限照样有效）。

use std::path::{Path, PathBuf};

use mulu_core::model::{Severity, Verdict};
use mulu_core::store::Store;
use mulu_review::isolate::{self, Cancel, Isolation, WorkerFailure};
use mulu_review::{SheetGrid, SheetMerge};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::desk::DecidedFinding;
use crate::{ApiError, Result};

/// 表格里的一个标记：一格（`col` 为空：整行，问题只指到行）上的问题。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CellMark {
    /// 行、列从 0 起（合并区域里的格标在左上角）。
    pub row: u32,
    pub col: Option<u32>,
    /// 没有被“不采纳”的问题里最严重的；都不采纳时为全部问题里最严重的。
    pub severity: Severity,
    /// 这一格的问题都不采纳了（显示为灰色）。
    pub waived: bool,
    /// 这一格的问题在 `SubmissionView.findings` 里的序号。
    pub findings: Vec<usize>,
}

/// 一轮报送的一张表与其上的问题。
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SubmissionSheet {
    pub grid: SheetGrid,
    /// 按格（或行）的标记，按行列顺序。
    pub marks: Vec<CellMark>,
    /// 只指到这张表、没有行与格的问题的序号。
    pub sheet_findings: Vec<usize>,
    /// 文件在检查之后改动过：标出的位置可能对不上，应重新检查。
    pub changed: bool,
}

/// 表格视图要读的文件与要标出的问题（在数据库锁内取出，见模块说明）。
#[derive(Debug, Clone)]
pub struct SheetSource {
    path: PathBuf,
    fingerprint: String,
    findings: Vec<DecidedFinding>,
}

/// 取出单位 `unit_id` 第 `round` 轮（为空：最新一轮）的文件与问题。问题的顺序与
/// [`crate::desk::submission`] 的 `findings` 相同（标记里的序号指向它）。
pub fn source(store: &Store, unit_id: i64, round: Option<i64>) -> Result<SheetSource> {
    let (sub, findings) = crate::desk::round_findings(store, unit_id, round)?;
    if !sub.readable {
        return Err(ApiError::Invalid(format!(
            "“{}”检查时就读不了，没有表格可看。请看问题列表里写明的原因。",
            sub.file_name
        )));
    }
    Ok(SheetSource {
        path: PathBuf::from(&sub.path),
        fingerprint: sub.fingerprint,
        findings,
    })
}

impl SheetSource {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// 读表 `sheet`（为空：有问题的第一张表，没有时第一张认得出目录表头的表；文件里没有这张表时
    /// 也取后者，结果的 `grid.sheet` 是实际读的表），标出问题。`iso` 为空时在本进程里读。
    pub fn read(&self, sheet: Option<&str>, iso: Option<&Isolation>) -> Result<SubmissionSheet> {
        if !self.path.is_file() {
            return Err(ApiError::Invalid(format!(
                "找不到文件“{}”：它可能已被移动、改名或删除。请把文件放回原处，或重新检查它的新位置。",
                self.path.display()
            )));
        }
        let sheet = sheet
            .map(str::to_string)
            .or_else(|| self.findings.iter().find_map(|f| f.finding.sheet.clone()));
        let grid = read_grid(&self.path, sheet.as_deref(), iso)?;
        let changed =
            crate::desk::fingerprint(&self.path.display().to_string()) != self.fingerprint;
        let (marks, sheet_findings) = marks(&grid, &self.findings);
        Ok(SubmissionSheet {
            grid,
            marks,
            sheet_findings,
            changed,
        })
    }
}

/// 读一张表：`iso` 给出时在子进程里。
fn read_grid(path: &Path, sheet: Option<&str>, iso: Option<&Isolation>) -> Result<SheetGrid> {
    let failed = |why: String| {
        ApiError::Invalid(format!(
            "无法显示“{}”的表格：{why}",
            path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned()
            )
        ))
    };
    match iso {
        Some(iso) => match isolate::sheet_isolated(iso, path, sheet, &Cancel::default()) {
            Ok(g) => Ok(g),
            Err(WorkerFailure::Failed(why)) => Err(failed(why)),
            Err(WorkerFailure::Cancelled) => Err(failed("已取消".into())),
        },
        None => {
            let read = mulu_review::read_sheet_grid(path, sheet);
            match (read.grid, read.error) {
                (Some(g), _) => Ok(g),
                (None, why) => Err(failed(why.unwrap_or_else(|| "原因不明".into()))),
            }
        }
    }
}

/// 合并区域里的格 → 左上角。
fn anchor(merges: &[SheetMerge], (r, c): (u32, u32)) -> (u32, u32) {
    merges
        .iter()
        .find(|m| r >= m.row && r < m.row + m.rows && c >= m.col && c < m.col + m.cols)
        .map_or((r, c), |m| (m.row, m.col))
}

/// 这张表上的问题：按格（或行）的标记，与只指到表的问题。
fn marks(grid: &SheetGrid, findings: &[DecidedFinding]) -> (Vec<CellMark>, Vec<usize>) {
    let mut at: std::collections::BTreeMap<(u32, Option<u32>), Vec<usize>> = Default::default();
    let mut whole = Vec::new();
    for (i, f) in findings.iter().enumerate() {
        let f_ = &f.finding;
        if f_.sheet.as_deref() != Some(grid.sheet.as_str()) {
            continue;
        }
        let place = match (
            f_.cell.as_deref().and_then(mulu_core::cellref::parse),
            f_.row,
        ) {
            (Some(rc), _) => {
                let (r, c) = anchor(&grid.merges, rc);
                Some((r, Some(c)))
            }
            (None, Some(row)) if row > 0 => Some((row - 1, None)),
            _ => None,
        };
        match place {
            Some(p) => at.entry(p).or_default().push(i),
            None => whole.push(i),
        }
    }
    let rank = |s: Severity| match s {
        Severity::Error => 3,
        Severity::Warning => 2,
        Severity::Info => 1,
    };
    let marks = at
        .into_iter()
        .map(|((row, col), list)| {
            let is_waived = |i: &usize| {
                findings[*i].decision.as_ref().map(|d| d.verdict) == Some(Verdict::Waive)
            };
            let open: Vec<usize> = list.iter().copied().filter(|i| !is_waived(i)).collect();
            let over = if open.is_empty() { &list } else { &open };
            let severity = over
                .iter()
                .map(|i| findings[*i].finding.severity)
                .max_by_key(|s| rank(*s))
                .unwrap_or(Severity::Info);
            CellMark {
                row,
                col,
                severity,
                waived: open.is_empty(),
                findings: list,
            }
        })
        .collect();
    (marks, whole)
}
