//! 县里的审核台账：报送名单上的每个单位交了什么、审得怎样。检查过的文件按标题里的单位名配到名单上的
//! 单位（[`match_unit`]），每个单位一个状态（[`DeskStatus`]）：没有文件“未报送”；最新的文件读不了或有
//! 错误“退回修改”；只有警告“待审”；没有错误与警告“通过”。`mulu check --units` 与桌面程序共用这里。

use std::path::Path;
use std::time::SystemTime;

use mulu_core::matching::{name_key, EditDistance};
use mulu_core::model::{ListedUnit, UnitKind};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::FileCheck;

/// 一个单位的审核状态。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, TS)]
pub enum DeskStatus {
    /// 没有收到文件。
    #[serde(rename = "未报送")]
    Missing,
    /// 最新的文件读不了或有错误。
    #[serde(rename = "退回修改")]
    Returned,
    /// 最新的文件只有警告：要审核人看一看。
    #[serde(rename = "待审")]
    Pending,
    /// 最新的文件没有错误与警告。
    #[serde(rename = "通过")]
    Passed,
}

impl DeskStatus {
    /// 显示顺序：未报送、退回修改、待审、通过。
    pub const ALL: [DeskStatus; 4] = [
        DeskStatus::Missing,
        DeskStatus::Returned,
        DeskStatus::Pending,
        DeskStatus::Passed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DeskStatus::Missing => "未报送",
            DeskStatus::Returned => "退回修改",
            DeskStatus::Pending => "待审",
            DeskStatus::Passed => "通过",
        }
    }

    /// 一个文件的审核结果对应的状态（`None`：没有文件）。
    pub fn of(file: Option<&FileCheck>) -> DeskStatus {
        match file {
            None => DeskStatus::Missing,
            Some(f) => DeskStatus::from_counts(f.readable, f.errors, f.warnings),
        }
    }

    /// 收到的文件的状态：读不了或有错误“退回修改”，只有警告“待审”，都没有“通过”。
    pub fn from_counts(readable: bool, errors: usize, warnings: usize) -> DeskStatus {
        if !readable || errors > 0 {
            DeskStatus::Returned
        } else if warnings > 0 {
            DeskStatus::Pending
        } else {
            DeskStatus::Passed
        }
    }
}

impl std::fmt::Display for DeskStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// 文件配到名单上的哪个单位（下标），以及是否有把握（没把握的要审核人确认）。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct UnitMatch {
    pub unit: usize,
    pub sure: bool,
}

/// 名单上一个单位的情况（`mulu check --units --json` 的 `units` 的每一项）。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct UnitStatus {
    pub name: String,
    pub kind: Option<UnitKind>,
    /// 配到这个单位的文件（路径，按检查的顺序）。
    pub files: Vec<String>,
    pub status: DeskStatus,
    /// 决定状态的文件（修改时间最新的；同一时间取排在后面的）。
    pub latest: Option<String>,
    /// `files` 中没把握配上的（按标题里的单位名近似或按文件名配上），请审核人确认。
    pub unsure: Vec<String>,
}

/// `mulu check --units --json` 的输出：各文件的结果与名单上各单位的情况。
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct UnitsCheck {
    pub files: Vec<FileCheck>,
    pub units: Vec<UnitStatus>,
    /// 配不到名单上任何单位的文件。
    pub unmatched: Vec<String>,
}

/// 单位名称的比较键：去空白、繁转简（[`name_key`]），去掉“人民政府”“办事处”等后缀。
pub fn unit_key(name: &str) -> String {
    let k = name_key(name);
    let mut k: &str = &k;
    for suffix in ["人民政府", "办事处", "党工委", "党委", "政府"] {
        k = k.strip_suffix(suffix).unwrap_or(k);
    }
    k.to_string()
}

/// `long` 以 `short` 结尾，前面是县、市、区一级的名称（“某某县甲镇”与“甲镇”）。
fn with_region_prefix(long: &str, short: &str) -> bool {
    long.len() > short.len()
        && long.ends_with(short)
        && long[..long.len() - short.len()].ends_with(['县', '市', '区', '州', '旗'])
}

/// 把一个检查过的文件配到名单上的单位：标题里的单位名与名单上的名称规整后相同（或只差前面的县市区名）
/// 为有把握；差一两个字（4 个字以上的名称）、一方包含另一方，或标题里没有单位名而文件名里有，为没把握；都不像时为 `None`。
/// 几个单位一样像时取名称最长的，仍分不出时为没把握。
pub fn match_unit(file: &FileCheck, units: &[ListedUnit]) -> Option<UnitMatch> {
    let keys: Vec<String> = units.iter().map(|u| unit_key(&u.name)).collect();
    let best = |cands: Vec<usize>, sure: bool| -> Option<UnitMatch> {
        let longest = cands.iter().map(|&i| keys[i].chars().count()).max()?;
        let top: Vec<usize> = cands
            .into_iter()
            .filter(|&i| keys[i].chars().count() == longest)
            .collect();
        Some(UnitMatch {
            unit: top[0],
            sure: sure && top.len() == 1,
        })
    };
    if let Some(name) = file.unit.as_deref() {
        let f = unit_key(name);
        if !f.is_empty() {
            let sure: Vec<usize> = (0..keys.len())
                .filter(|&i| {
                    !keys[i].is_empty()
                        && (keys[i] == f
                            || with_region_prefix(&f, &keys[i])
                            || with_region_prefix(&keys[i], &f))
                })
                .collect();
            if let Some(m) = best(sure, true) {
                return Some(m);
            }
            let mut ed = EditDistance::default();
            let near: Vec<usize> = (0..keys.len())
                .filter(|&i| {
                    let k = &keys[i];
                    let n = k.chars().count();
                    // 差一个字：名称至少 4 个字（“甲镇”与“乙镇”不算近似）；差两个字：至少 6 个字。
                    let limit = match n {
                        0..=3 => 0,
                        4 | 5 => 1,
                        _ => 2,
                    };
                    n >= 2
                        && (f.contains(k.as_str())
                            || k.contains(f.as_str())
                            || (limit > 0 && ed.within_str(&f, k, limit).is_some()))
                })
                .collect();
            if let Some(m) = best(near, false) {
                return Some(m);
            }
        }
    }
    let stem = Path::new(&file.path)
        .file_stem()
        .map(|s| unit_key(&s.to_string_lossy()))
        .unwrap_or_default();
    let in_name: Vec<usize> = (0..keys.len())
        .filter(|&i| keys[i].chars().count() >= 2 && stem.contains(keys[i].as_str()))
        .collect();
    best(in_name, false)
}

fn modified(path: &str) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// 名单上每个单位的情况与配不上的文件。一个单位有几个文件（几轮报送）时，状态看修改时间最新的那个。
pub fn units_check(files: Vec<FileCheck>, units: &[ListedUnit]) -> UnitsCheck {
    let matches: Vec<Option<UnitMatch>> = files.iter().map(|f| match_unit(f, units)).collect();
    let times: Vec<Option<SystemTime>> = files.iter().map(|f| modified(&f.path)).collect();
    let mut out: Vec<UnitStatus> = units
        .iter()
        .map(|u| UnitStatus {
            name: u.name.clone(),
            kind: u.kind,
            files: Vec::new(),
            status: DeskStatus::Missing,
            latest: None,
            unsure: Vec::new(),
        })
        .collect();
    let mut latest: Vec<Option<usize>> = vec![None; units.len()];
    let mut unmatched = Vec::new();
    for (i, (f, m)) in files.iter().zip(&matches).enumerate() {
        let Some(m) = m else {
            unmatched.push(f.path.clone());
            continue;
        };
        let u = &mut out[m.unit];
        u.files.push(f.path.clone());
        if !m.sure {
            u.unsure.push(f.path.clone());
        }
        let newer = latest[m.unit].is_none_or(|j| (times[i], i) >= (times[j], j));
        if newer {
            latest[m.unit] = Some(i);
        }
    }
    for (u, l) in out.iter_mut().zip(&latest) {
        u.status = DeskStatus::of(l.map(|i| &files[i]));
        u.latest = l.map(|i| files[i].path.clone());
    }
    UnitsCheck {
        files,
        units: out,
        unmatched,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, unit: Option<&str>, errors: usize, warnings: usize) -> FileCheck {
        let mut f = FileCheck::unreadable(path.into(), String::new());
        f.unit = unit.map(str::to_string);
        f.readable = true;
        f.error = None;
        f.errors = errors;
        f.warnings = warnings;
        f
    }

    fn list(names: &[&str]) -> Vec<ListedUnit> {
        names
            .iter()
            .map(|n| ListedUnit {
                name: n.to_string(),
                kind: UnitKind::guess(n),
            })
            .collect()
    }

    #[test]
    fn matches_by_the_unit_in_the_title() {
        let units = list(&[
            "甲镇人民政府",
            "城关街道办事处",
            "某某县教育体育局",
            "甲乙镇",
        ]);
        let m = |unit: Option<&str>, path: &str| match_unit(&file(path, unit, 0, 0), &units);
        let sure = |i| {
            Some(UnitMatch {
                unit: i,
                sure: true,
            })
        };
        let unsure = |i| {
            Some(UnitMatch {
                unit: i,
                sure: false,
            })
        };
        assert_eq!(m(Some("某某县甲镇"), "a.xlsx"), sure(0));
        assert_eq!(m(Some("甲 镇"), "a.xlsx"), sure(0));
        assert_eq!(m(Some("某某县城关街道"), "a.xlsx"), sure(1));
        assert_eq!(m(Some("教育体育局"), "a.xlsx"), sure(2));
        // 差一个字、包含：没把握。
        assert_eq!(m(Some("某某县教育局"), "a.xlsx"), unsure(2));
        assert_eq!(m(Some("城关"), "a.xlsx"), unsure(1));
        // 标题里没有单位名：按文件名，没把握。
        assert_eq!(m(None, "/收件/第2轮/城关街道目录.xlsx"), unsure(1));
        assert_eq!(m(Some("某某县卫生健康局"), "丙.xlsx"), None);
        assert_eq!(m(None, "目录.xlsx"), None);
    }

    #[test]
    fn status_per_unit_from_the_newest_file() {
        let units = list(&["甲镇", "乙镇", "丙镇", "丁镇", "戊镇"]);
        let mut bad = FileCheck::unreadable("丁镇.xlsx".into(), "读不了".into());
        bad.unit = None;
        let files = vec![
            file("1/甲镇.xlsx", Some("某某县甲镇"), 2, 0),
            file("2/甲镇.xlsx", Some("某某县甲镇"), 0, 0),
            file("乙镇.xlsx", Some("乙镇"), 0, 3),
            file("丙镇.xlsx", Some("丙镇"), 1, 3),
            bad,
            file("己镇.xlsx", Some("己镇"), 0, 0),
        ];
        let c = units_check(files, &units);
        let got: Vec<(&str, DeskStatus, usize)> = c
            .units
            .iter()
            .map(|u| (u.name.as_str(), u.status, u.files.len()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("甲镇", DeskStatus::Passed, 2),
                ("乙镇", DeskStatus::Pending, 1),
                ("丙镇", DeskStatus::Returned, 1),
                ("丁镇", DeskStatus::Returned, 1),
                ("戊镇", DeskStatus::Missing, 0),
            ]
        );
        assert_eq!(c.units[0].latest.as_deref(), Some("2/甲镇.xlsx"));
        assert_eq!(c.units[3].unsure, vec!["丁镇.xlsx".to_string()]);
        assert_eq!(c.unmatched, vec!["己镇.xlsx".to_string()]);
        assert_eq!(
            serde_json::to_value(DeskStatus::ALL).unwrap(),
            serde_json::json!(["未报送", "退回修改", "待审", "通过"])
        );
    }
}
