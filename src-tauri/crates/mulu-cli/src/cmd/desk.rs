//! `mulu desk units|record|status|summary|letters`：审核台账（与桌面程序共用数据库），用例见
//! [`mulu_api::desk`] 与 [`mulu_api::desk_report`]。

use std::path::Path;
use std::process::ExitCode;

use mulu_api::{desk, desk_report};
use mulu_core::guideline::GuidelineDomain;
use mulu_review::{DeskStatus, FileCheck};
use rayon::prelude::*;

use crate::args::DeskCommand;
use crate::error::{CliError, Result};
use crate::outln;

pub fn run(db: &Path, c: DeskCommand) -> Result<ExitCode> {
    match c {
        DeskCommand::Units { file } => {
            let mut store = super::open_store(db)?;
            let units = desk::import_units(&mut store, &file)?;
            outln!("已换上单位名单：{} 个单位。", units.len());
        }
        DeskCommand::Record { paths } => record(db, &paths)?,
        DeskCommand::Status { json } => {
            let store = super::open_store(db)?;
            let view = desk::view(&store)?;
            if json {
                crate::output::print_json(&view)?;
            } else {
                for r in &view.rows {
                    match &r.latest {
                        Some(l) => outln!(
                            "{}  {}  第 {} 轮  {}  错误 {}、警告 {}",
                            r.status,
                            r.unit.name,
                            l.round,
                            l.received.get(..10).unwrap_or(&l.received),
                            l.open_errors,
                            l.open_warnings
                        ),
                        None => outln!("{}  {}", r.status, r.unit.name),
                    }
                }
                outln!(
                    "共 {} 个单位，{} 个还没报送。",
                    view.rows.len(),
                    view.missing.len()
                );
            }
        }
        DeskCommand::Summary { xlsx } => {
            let store = super::open_store(db)?;
            let done = desk_report::write_summary(&store, &xlsx)?;
            outln!(
                "已写出全县汇总表（{} 个单位，{} 个还没报送）：{}",
                done.units,
                done.missing,
                done.path
            );
        }
        DeskCommand::Letters { dir } => {
            let store = super::open_store(db)?;
            let written = desk_report::write_all_letters(&store, &dir, |_| {})?;
            if written.is_empty() {
                outln!("没有单位的最新一轮有采纳的问题：没有写审核意见。");
            }
            let mut failed = 0;
            for w in &written {
                match (&w.path, &w.failure) {
                    (Some(p), _) => outln!("{}：{} 条问题 → {p}", w.unit, w.accepted),
                    (None, f) => {
                        failed += 1;
                        outln!("{}：没写成（{}）", w.unit, f.as_deref().unwrap_or(""));
                    }
                }
            }
            if failed > 0 {
                return Ok(ExitCode::from(1));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// 检查（同 `mulu check`，并行）并按单位记下。
fn record(db: &Path, paths: &[std::path::PathBuf]) -> Result<()> {
    let files = super::check::collect(paths)?;
    if files.is_empty() {
        return Err(CliError::Input(
            "没有找到要检查的工作簿（.xlsx/.xls）。".into(),
        ));
    }
    let mut store = super::open_store(db)?;
    let opts = super::import::read_options(&store, None)?;
    let guidelines: Vec<GuidelineDomain> = mulu_review::load_guidelines(&store)?;
    let checks: Vec<FileCheck> = files
        .par_iter()
        .map(|f| super::check::check_file(f, &opts, &guidelines, None))
        .collect();
    let out = desk::record(&mut store, &checks)?;
    for r in &out.recorded {
        let unsure = if r.unsure {
            "（没把握，请确认）"
        } else {
            ""
        };
        outln!("{} → {} 第 {} 轮{unsure}", r.path, r.unit, r.round);
    }
    for p in &out.unmatched {
        outln!("配不上名单上的单位：{p}");
    }
    let missing = desk::view(&store)?
        .rows
        .iter()
        .filter(|r| r.status == DeskStatus::Missing)
        .count();
    outln!(
        "记下 {} 个文件，{} 个配不上单位；还有 {missing} 个单位没有报送。",
        out.recorded.len(),
        out.unmatched.len()
    );
    Ok(())
}
