//! `mulu check PATH… [--json] [--summary OUT.xlsx] [--annotate DIR] [--units UNITS.xlsx]`：并行检查多个工作簿；
//! 有单位名单时另列每个单位的状态（[`mulu_review::desk`]）。
//! 退出码：0 没有任何文件有“错误”级问题；1 有；2 有文件读不了（其余文件照常检查、照常报告）。

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressStyle};
use mulu_core::guideline::GuidelineDomain;
use mulu_core::model::Severity;
use mulu_review::{DeskStatus, FileCheck, SummaryRow, UnitsCheck};
use rayon::prelude::*;

use crate::args::CheckArgs;
use crate::error::{CliError, Result};
use crate::outln;
use crate::output::{pad, width};

pub fn run(db: &Path, a: CheckArgs) -> Result<ExitCode> {
    let files = collect(&a.paths)?;
    if files.is_empty() {
        return Err(CliError::Input(
            "没有找到要检查的工作簿（.xlsx/.xls）。".into(),
        ));
    }
    if let Some(dir) = &a.annotate {
        std::fs::create_dir_all(dir)
            .map_err(|e| CliError::Input(format!("无法创建文件夹“{}”：{e}", dir.display())))?;
    }
    let store = super::open_store(db)?;
    let opts = super::import::read_options(&store, None)?;
    // 名单读不了时不必先检查一堆文件。
    let units = match &a.units {
        Some(p) => Some(mulu_import::read_unit_list(p, &opts)?),
        None => None,
    };
    let guidelines: Vec<GuidelineDomain> = mulu_review::load_guidelines(&store)?;
    drop(store);

    let bar = if std::io::stderr().is_terminal() && !a.json {
        let b = ProgressBar::new(files.len() as u64);
        b.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} 个文件 {wide_msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        b
    } else {
        ProgressBar::hidden()
    };
    // `--json` 时每个文件的 JSON 也在工作线程里写好：几十 MB 的输出不必留到最后单线程序列化。
    let done: Vec<(FileCheck, Option<Vec<u8>>)> = files
        .par_iter()
        .map(|f| {
            let r = check_file(f, &opts, &guidelines, a.annotate.as_deref());
            bar.inc(1);
            bar.set_message(
                f.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            );
            let json = if a.json && units.is_none() {
                Some(crate::output::json_part(&r)).transpose()
            } else {
                Ok(None)
            };
            json.map(|j| (r, j))
        })
        .collect::<Result<_>>()?;
    bar.finish_and_clear();
    let (results, parts): (Vec<FileCheck>, Vec<Option<Vec<u8>>>) = done.into_iter().unzip();

    if let Some(out) = &a.summary {
        let rows: Vec<SummaryRow> = results
            .iter()
            .map(|r| SummaryRow {
                file: r.path.clone(),
                unit: r.unit.clone(),
                domains: r.domains.clone(),
                items: r.items,
                errors: r.errors,
                warnings: r.warnings,
                infos: r.infos,
                coverage: r.coverage,
                failure: r.error.clone(),
            })
            .collect();
        mulu_review::write_summary(&rows, out)?;
    }

    let code = if results.iter().any(|r| r.error.is_some()) {
        2
    } else if results.iter().any(|r| r.errors > 0) {
        1
    } else {
        0
    };
    match (units, a.json) {
        (Some(units), json) => {
            let desk = mulu_review::units_check(results, &units);
            if json {
                crate::output::print_json(&desk)?;
            } else {
                print_human(&desk.files, a.summary.as_deref())?;
                print_units(&desk)?;
            }
        }
        (None, true) => {
            let parts: Vec<Vec<u8>> = parts.into_iter().flatten().collect();
            crate::output::print_json_parts(&parts)?;
        }
        (None, false) => print_human(&results, a.summary.as_deref())?,
    }
    Ok(ExitCode::from(code))
}

/// 展开文件夹（含子文件夹），只取 .xlsx/.xls，跳过 Excel/WPS 的临时文件（`~$`）；按路径排序。
pub(crate) fn collect(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut out)
                .map_err(|e| CliError::Input(format!("无法读取文件夹“{}”：{e}", p.display())))?;
        } else {
            // 不存在或不是工作簿的文件也照样交给读取器，由它报告“读不了”（退出码 2）。
            out.push(p.clone());
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for e in std::fs::read_dir(dir)? {
        let p = e?.path();
        if p.is_dir() {
            walk(&p, out)?;
        } else if is_workbook(&p) {
            out.push(p);
        }
    }
    Ok(())
}

fn is_workbook(p: &Path) -> bool {
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let ext = p
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    !name.starts_with("~$") && matches!(ext.as_str(), "xlsx" | "xls" | "xlsm")
}

/// 读、审核一个文件（[`mulu_review::check_workbook`]，与桌面程序的审核工作台相同），需要时写批注工作簿。
pub(crate) fn check_file(
    path: &Path,
    opts: &mulu_import::ReadOptions,
    guidelines: &[GuidelineDomain],
    annotate: Option<&Path>,
) -> FileCheck {
    let (mut checked, report) = mulu_review::check_workbook_with_report(path, opts, guidelines);
    if let (Some(dir), Some(report)) = (annotate, report) {
        let out = mulu_review::annotated_path(dir, path);
        match mulu_review::write_annotated(path, &report, &out) {
            Ok(()) => checked.annotated = Some(out.display().to_string()),
            Err(e) => checked.error = Some(e.to_string()),
        }
    }
    checked
}

fn print_human(results: &[FileCheck], summary: Option<&Path>) -> Result<()> {
    for r in results {
        if let Some(e) = &r.error {
            outln!("✗ {}：{e}", r.path);
            continue;
        }
        outln!(
            "{} {}（{}，{} 个事项）：错误 {}、警告 {}、提示 {}",
            if r.errors > 0 { "✗" } else { "✓" },
            r.path,
            r.unit.as_deref().unwrap_or("单位未知"),
            r.items,
            r.errors,
            r.warnings,
            r.infos
        );
        for f in r.findings.iter().filter(|f| f.severity != Severity::Info) {
            let at = f.location();
            let sug = f
                .suggestion
                .as_deref()
                .map(|s| format!(" 建议：{s}"))
                .unwrap_or_default();
            outln!("    {at} {} {}{sug}", f.severity, f.message);
        }
        if let Some(a) = &r.annotated {
            outln!("    批注工作簿：{a}");
        }
    }
    // 汇总表。
    outln!();
    let head = ["文件", "单位", "领域", "事项", "错误", "警告", "覆盖率"];
    let rows: Vec<[String; 7]> = results
        .iter()
        .map(|r| {
            let name = Path::new(&r.path)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| r.path.clone());
            [
                name,
                r.unit.clone().unwrap_or_default(),
                r.domains.len().to_string(),
                r.items.to_string(),
                if r.error.is_some() {
                    "读不了".into()
                } else {
                    r.errors.to_string()
                },
                r.warnings.to_string(),
                r.coverage.map(|c| format!("{c:.1}%")).unwrap_or_default(),
            ]
        })
        .collect();
    let mut w = head.map(width);
    for row in &rows {
        for (i, c) in row.iter().enumerate() {
            w[i] = w[i].max(width(c)).min(40);
        }
    }
    outln!(
        "{}",
        head.iter()
            .enumerate()
            .map(|(i, h)| pad(h, w[i]))
            .collect::<Vec<_>>()
            .join("  ")
    );
    for row in &rows {
        outln!(
            "{}",
            row.iter()
                .enumerate()
                .map(|(i, c)| pad(c, w[i]))
                .collect::<Vec<_>>()
                .join("  ")
        );
    }
    let bad = results.iter().filter(|r| r.error.is_some()).count();
    let with_errors = results.iter().filter(|r| r.errors > 0).count();
    outln!(
        "共 {} 个文件：{} 个有错误，{} 个读不了。",
        results.len(),
        with_errors,
        bad
    );
    if let Some(s) = summary {
        outln!("汇总表：{}", s.display());
    }
    Ok(())
}

/// 名单上的单位按状态分组列出（未报送的在前），再列没把握的配对与配不上单位的文件。
fn print_units(desk: &UnitsCheck) -> Result<()> {
    outln!();
    outln!("单位名单：共 {} 个单位。", desk.units.len());
    for status in DeskStatus::ALL {
        let names: Vec<&str> = desk
            .units
            .iter()
            .filter(|u| u.status == status)
            .map(|u| u.name.as_str())
            .collect();
        if !names.is_empty() {
            outln!("{status}（{}）：{}", names.len(), names.join("、"));
        }
    }
    for u in &desk.units {
        for f in &u.unsure {
            outln!("请确认：“{f}”按近似的名称配给了“{}”。", u.name);
        }
    }
    for f in &desk.unmatched {
        outln!("配不上名单上的单位：{f}");
    }
    let missing = desk
        .units
        .iter()
        .filter(|u| u.status == DeskStatus::Missing)
        .count();
    if missing == 0 {
        outln!("名单上的单位都已报送。");
    } else {
        outln!("还有 {missing} 个单位没有报送。");
    }
    Ok(())
}
