//! 门户体检：把目录的栏目表与网站内容管理系统导出的栏目清单（栏目路径、网址、文档数、最后更新日期）
//! 对照，找出没有栏目的事项、没有事项的栏目、空栏目与超过公开时限没有更新的栏目（docs/linkage.md）。
//! 问题与审核规则同一个形状（[`Finding`]）。不联网：数据全部来自导出的文件；“今天”由调用者给出。

use mulu_core::model::{
    column_segment, ColumnTree, Field, Item, PortalColumn, Severity, DEFAULT_COLUMN_ROOT,
};
use mulu_core::text::squeeze;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{classify_time_limit, Finding, ItemRef, SeverityCounts};

/// 事项没有对应的门户栏目。
pub const ITEM_WITHOUT_COLUMN: &str = "P101-item-without-column";
/// 目录的栏目（连同下级）没有对应的事项。
pub const COLUMN_WITHOUT_ITEM: &str = "P102-column-without-item";
/// 门户上的栏目不在目录的栏目表里（没有对应的事项）。
pub const PORTAL_COLUMN_UNMAPPED: &str = "P103-portal-column-unmapped";
/// 有事项的栏目在门户导出里找不到。
pub const COLUMN_NOT_ON_PORTAL: &str = "P104-column-not-on-portal";
/// 有事项的栏目在门户上一篇文档也没有。
pub const COLUMN_EMPTY: &str = "P201-column-empty";
/// 有事项的栏目超过事项的公开时限没有更新。
pub const COLUMN_STALE: &str = "P202-column-stale";

/// 门户导出里的一个栏目（一行）。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct PortalRow {
    /// 栏目路径（已规范为 `/` 分隔）。
    pub path: String,
    pub url: String,
    /// 文档数；没有这一列或读不出时为空。
    pub count: Option<u32>,
    /// 最后更新日期 `YYYY-MM-DD`；没有这一列或读不出时为空。
    pub updated: Option<String>,
    /// 所在工作表与路径单元格（如 `B4`）。
    pub sheet: String,
    pub cell: String,
}

/// 门户体检的结果。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct PortalReport {
    /// 问题：错误在前，其次警告、提示；同级按事项、栏目、门户导出的顺序。
    pub findings: Vec<Finding>,
    pub counts: SeverityCounts,
    /// 目录的栏目数、门户导出的栏目数、两边对上的栏目数。
    #[ts(type = "number")]
    pub columns: usize,
    #[ts(type = "number")]
    pub portal_columns: usize,
    #[ts(type = "number")]
    pub matched: usize,
    /// 计算“多久没更新”用的日期 `YYYY-MM-DD`。
    pub today: String,
}

impl PortalReport {
    pub fn has_errors(&self) -> bool {
        self.counts.errors > 0
    }
}

// ---------- 日期 ----------

/// 公历日期 → 1970-01-01 起的天数（Howard Hinnant 的 days_from_civil）。
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// 天数 → `YYYY-MM-DD`。
pub fn format_date(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// 读一个日期：`2026-11-02`、`2026/11/2`、`2026.11.2`、`2026年11月2日`，后面可带时间；
/// 或 Excel 的日期序号（20000–80000）。读不出为 `None`。
pub fn parse_date(s: &str) -> Option<i64> {
    let s = s.trim();
    if let Ok(serial) = s.parse::<f64>() {
        if (20_000.0..80_000.0).contains(&serial) {
            return Some(serial.floor() as i64 - 25_569);
        }
        return None;
    }
    let nums: Vec<u32> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .take(3)
        .map(|p| p.parse::<u32>().ok())
        .collect::<Option<Vec<_>>>()?;
    let [y, m, d] = nums[..] else { return None };
    if !(1990..=2100).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let days = days_from_civil(i64::from(y), m, d);
    // 2 月 30 日之类：换算回来对不上就不算。
    (civil_from_days(days) == (i64::from(y), m, d)).then_some(days)
}

/// `from` 之后到 `to`（含）之间的工作日数（周一至周五；法定节假日与调休不计，见 docs/linkage.md）。
pub fn working_days_between(from: i64, to: i64) -> i64 {
    (from + 1..=to)
        .filter(|d| (d + 3).rem_euclid(7) < 5) // 1970-01-01 是星期四：(d+3)%7 为 0 即星期一
        .count() as i64
}

/// 从 `from` 起加 `months` 个月（月末截到该月最后一天）。
fn add_months(from: i64, months: u32) -> i64 {
    let (y, m, d) = civil_from_days(from);
    let total = y * 12 + i64::from(m - 1) + i64::from(months);
    let (ny, nm) = (total.div_euclid(12), (total.rem_euclid(12) + 1) as u32);
    let mut nd = d;
    while nd > 28 && civil_from_days(days_from_civil(ny, nm, nd)) != (ny, nm, nd) {
        nd -= 1;
    }
    days_from_civil(ny, nm, nd)
}

// ---------- 公开时限 → 更新周期 ----------

/// 栏目应多久更新一次（由事项的公开时限读出）。
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpdateWithin {
    WorkingDays(u32),
    CalendarDays(u32),
    Months(u32),
}

impl UpdateWithin {
    /// 大约的自然日数（比较哪个更严用）。
    fn approx_days(self) -> u32 {
        match self {
            UpdateWithin::WorkingDays(n) => n.saturating_mul(7) / 5,
            UpdateWithin::CalendarDays(n) => n,
            UpdateWithin::Months(n) => n.saturating_mul(30),
        }
    }

    fn describe(self) -> String {
        match self {
            UpdateWithin::WorkingDays(n) => format!("{n}个工作日"),
            UpdateWithin::CalendarDays(n) => format!("{n}日"),
            UpdateWithin::Months(12) => "一年".into(),
            UpdateWithin::Months(n) => format!("{n}个月"),
        }
    }

    /// 最后更新在 `updated`，到 `today` 是否已超过；超过时给出已过去多久的说明。
    fn overdue(self, updated: i64, today: i64) -> Option<String> {
        match self {
            UpdateWithin::WorkingDays(n) => {
                let w = working_days_between(updated, today);
                (w > i64::from(n)).then(|| format!("{w}个工作日"))
            }
            UpdateWithin::CalendarDays(n) => {
                let d = today - updated;
                (d > i64::from(n)).then(|| format!("{d}日"))
            }
            UpdateWithin::Months(n) => {
                (add_months(updated, n) < today).then(|| format!("{}日", today - updated))
            }
        }
    }
}

/// 公开时限 → 更新周期：定期的（每月、每季度、每半年、每年/年度）按周期；写出期限的按期限
/// （“信息形成或者变更之日起20个工作日内”为 20 个工作日）；读不出的（“按规定时限”“长期”）为 `None`，
/// 不作“没有更新”的判断。
///
/// ```
/// use mulu_review::portal::{update_within, UpdateWithin};
/// assert_eq!(update_within("信息形成或者变更之日起20个工作日内"), Some(UpdateWithin::WorkingDays(20)));
/// assert_eq!(update_within("每年3月31日前公开上一年度情况"), Some(UpdateWithin::Months(12)));
/// assert_eq!(update_within("每季度结束后15日内"), Some(UpdateWithin::Months(3)));
/// assert_eq!(update_within("按规定时限公开"), None);
/// ```
pub fn update_within(time_limit: &str) -> Option<UpdateWithin> {
    let s = squeeze(time_limit);
    for (words, months) in [
        (&["每月", "月度", "按月"][..], 1),
        (&["每季", "季度", "按季"][..], 3),
        (&["每半年", "半年度"][..], 6),
        (&["每年", "年度", "按年", "每一年"][..], 12),
    ] {
        if words.iter().any(|w| s.contains(w)) {
            return Some(UpdateWithin::Months(months));
        }
    }
    let t = classify_time_limit(time_limit);
    if t.cites_rule && t.working_days.is_none() && t.calendar_days.is_none() {
        return None;
    }
    t.working_days
        .map(UpdateWithin::WorkingDays)
        .or(t.calendar_days.map(UpdateWithin::CalendarDays))
        .or(t.months.map(UpdateWithin::Months))
}

// ---------- 对照 ----------

fn url_key(u: &str) -> String {
    u.trim().trim_end_matches('/').to_ascii_lowercase()
}

fn item_ref(it: &Item) -> ItemRef {
    ItemRef {
        id: Some(it.id),
        l1: it.fields.l1.clone(),
        l2: it.fields.l2.clone(),
        sheet: None,
        row: None,
    }
}

/// 门户导出里与目录栏目 `c` 对应的那一行：网址相同，或路径相同，或一方是另一方的结尾几级
/// （较短的一方至少两级；多个时取最长的）。
fn find_row(c: &PortalColumn, rows: &[PortalRow]) -> Option<usize> {
    if !c.url.trim().is_empty() {
        let k = url_key(&c.url);
        if let Some(i) = rows.iter().position(|r| url_key(&r.url) == k) {
            return Some(i);
        }
    }
    if let Some(i) = rows.iter().position(|r| r.path == c.path) {
        return Some(i);
    }
    let suffix = |long: &str, short: &str| {
        short.split('/').count() >= 2
            && long.ends_with(short)
            && long[..long.len() - short.len()].ends_with('/')
    };
    rows.iter()
        .enumerate()
        .filter(|(_, r)| suffix(&c.path, &r.path) || suffix(&r.path, &c.path))
        .max_by_key(|(_, r)| r.path.len())
        .map(|(i, _)| i)
}

/// 对照目录（栏目表与事项）与门户导出，`today` 为 1970-01-01 起的天数（[`parse_date`]）。
pub fn check_portal(
    tree: &ColumnTree,
    items: &[Item],
    rows: &[PortalRow],
    today: i64,
) -> PortalReport {
    let mut findings: Vec<Finding> = Vec::new();
    let finding =
        |rule: &str, severity: Severity, domain: &str, item: Option<ItemRef>, message: String| {
            Finding {
                rule: rule.into(),
                severity,
                domain: domain.into(),
                item,
                field: None,
                sheet: None,
                cell: None,
                message,
                suggestion: None,
            }
        };

    // P101：没有栏目的事项。
    for it in items {
        if tree.column_of(it.id).is_none() {
            let name = item_ref(it).display_name();
            let mut f = finding(
                ITEM_WITHOUT_COLUMN,
                Severity::Warning,
                &it.fields.domain,
                Some(item_ref(it)),
                format!(
                    "“{}”领域的事项“{name}”没有对应的门户栏目，网站上找不到它发布在哪里。请在栏目表中为它选择栏目，或按领域与一级事项生成栏目表（已有的栏目与对应不变）。",
                    it.fields.domain
                ),
            );
            let l1 = column_segment(&it.fields.l1);
            let mut path = format!(
                "{DEFAULT_COLUMN_ROOT}/{}",
                column_segment(&it.fields.domain)
            );
            if !l1.is_empty() {
                path = format!("{path}/{l1}");
            }
            f.suggestion = Some(path);
            findings.push(f);
        }
    }

    let mut matched_rows = vec![false; rows.len()];
    let mut matched = 0;
    for c in &tree.columns {
        let direct: Vec<&Item> = tree
            .items_of(c.id)
            .filter_map(|id| items.iter().find(|it| it.id == id))
            .collect();
        let domain = direct.first().map_or("", |it| it.fields.domain.as_str());
        let row = find_row(c, rows);
        if let Some(i) = row {
            matched_rows[i] = true;
            matched += 1;
        }
        if !tree.has_items_below(c) {
            findings.push(finding(
                COLUMN_WITHOUT_ITEM,
                Severity::Info,
                domain,
                None,
                format!(
                    "栏目“{}”（连同下级栏目）没有对应的事项。不需要时请在栏目表中删除；需要时请把相应事项对应到它。",
                    c.path
                ),
            ));
            continue;
        }
        if direct.is_empty() {
            continue;
        }
        let names: Vec<String> = direct
            .iter()
            .map(|it| item_ref(it).display_name())
            .collect();
        let Some(i) = row else {
            findings.push(finding(
                COLUMN_NOT_ON_PORTAL,
                Severity::Warning,
                domain,
                None,
                format!(
                    "栏目“{}”在门户导出的栏目清单中找不到，其中的 {} 个事项（{}）在网站上没有发布位置。请在网站上建这个栏目，或把栏目表里的路径、网址改成网站上的实际栏目。",
                    c.path,
                    names.len(),
                    names.join("、")
                ),
            ));
            continue;
        };
        let r = &rows[i];
        let at = |mut f: Finding| {
            f.sheet = Some(r.sheet.clone());
            f.cell = Some(r.cell.clone());
            f
        };
        if r.count == Some(0) {
            findings.push(at(finding(
                COLUMN_EMPTY,
                Severity::Error,
                domain,
                None,
                format!(
                    "栏目“{}”在网站上没有任何文档，但目录中有事项（{}）应发布在这里。请按目录发布相应信息，或确认栏目对应是否正确。",
                    c.path,
                    names.join("、")
                ),
            )));
            continue;
        }
        let Some(updated) = r.updated.as_deref().and_then(parse_date) else {
            continue;
        };
        // 取各事项中最严的更新周期。
        let strictest = direct
            .iter()
            .filter_map(|it| update_within(&it.fields.time_limit).map(|w| (w, *it)))
            .min_by_key(|(w, _)| w.approx_days());
        if let Some((w, it)) = strictest {
            if let Some(elapsed) = w.overdue(updated, today) {
                let mut f = at(finding(
                    COLUMN_STALE,
                    Severity::Warning,
                    &it.fields.domain,
                    Some(item_ref(it)),
                    format!(
                        "栏目“{}”最后更新于 {}，到 {} 已过去{elapsed}，超过事项“{}”的公开时限“{}”（{}内应有更新）。请核对是否有应公开而未发布的信息。",
                        c.path,
                        format_date(updated),
                        format_date(today),
                        item_ref(it).display_name(),
                        it.fields.time_limit,
                        w.describe()
                    ),
                ));
                f.field = Some(Field::TimeLimit);
                findings.push(f);
            }
        }
    }

    // P103：门户上有、目录栏目表里没有的栏目。
    for (r, _) in rows.iter().zip(&matched_rows).filter(|(_, m)| !**m) {
        let mut f = finding(
            PORTAL_COLUMN_UNMAPPED,
            Severity::Info,
            "",
            None,
            format!(
                "门户上的栏目“{}”不在目录的栏目表中，没有对应的事项。若它发布的是目录事项的信息，请把它加入栏目表并对应事项；不是政务公开目录的栏目可不处理。",
                r.path
            ),
        );
        f.sheet = Some(r.sheet.clone());
        f.cell = Some(r.cell.clone());
        findings.push(f);
    }

    findings.sort_by_key(|f| f.severity);
    let mut counts = SeverityCounts::default();
    for f in &findings {
        counts.add(f.severity);
    }
    PortalReport {
        findings,
        counts,
        columns: tree.columns.len(),
        portal_columns: rows.len(),
        matched,
        today: format_date(today),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(parse_date("2026-12-02"), Some(days_from_civil(2026, 12, 2)));
        assert_eq!(
            parse_date("2026/1/5 10:30:00"),
            Some(days_from_civil(2026, 1, 5))
        );
        assert_eq!(
            parse_date("2025年10月15日"),
            Some(days_from_civil(2025, 10, 15))
        );
        assert_eq!(parse_date("46000"), Some(days_from_civil(2025, 12, 9)));
        assert_eq!(parse_date("2026-02-30"), None);
        assert_eq!(parse_date("昨天"), None);
        assert_eq!(format_date(days_from_civil(2024, 2, 29)), "2024-02-29");
        // 2026-11-27 is a Friday; to Wednesday 2026-12-02: Mon, Tue, Wed.
        let fri = days_from_civil(2026, 11, 27);
        assert_eq!(working_days_between(fri, days_from_civil(2026, 12, 2)), 3);
        assert_eq!(working_days_between(fri, fri + 1), 0);
        assert_eq!(
            add_months(days_from_civil(2025, 1, 31), 1),
            days_from_civil(2025, 2, 28)
        );
        assert_eq!(
            add_months(days_from_civil(2025, 12, 2), 12),
            days_from_civil(2026, 12, 2)
        );
    }

    #[test]
    fn time_limits() {
        assert_eq!(
            update_within("办理完成后7日内"),
            Some(UpdateWithin::CalendarDays(7))
        );
        assert_eq!(update_within("每月10日前"), Some(UpdateWithin::Months(1)));
        assert_eq!(
            update_within("每半年公开一次"),
            Some(UpdateWithin::Months(6))
        );
        assert_eq!(update_within("长期公开"), None);
        assert_eq!(update_within(""), None);
        let w = UpdateWithin::Months(12);
        let d = days_from_civil(2025, 12, 2);
        assert_eq!(w.overdue(d, days_from_civil(2026, 12, 2)), None);
        assert!(w.overdue(d - 1, days_from_civil(2026, 12, 2)).is_some());
    }
}
