//! `mulu powers check ID POWERS [--json] [--map 列名=列号] [--add 序号…]`：用例见 [`mulu_api::powers`]。
//! 退出码：0 没有错误；1 有未覆盖的行政许可或行政处罚；2 读不了。

use std::path::Path;
use std::process::ExitCode;

use mulu_api::powers::{self, PowersMapping};

use crate::args::PowersCommand;
use crate::error::{CliError, Result};
use crate::outln;

pub fn run(db: &Path, c: PowersCommand) -> Result<ExitCode> {
    let PowersCommand::Check {
        id,
        file,
        json,
        map,
        add,
    } = c;
    let mut preview = match powers::read_powers(&file, None) {
        Ok(p) => p,
        Err(e) if map.is_empty() => return Err(e.into()),
        Err(_) => powers::read_powers(
            &file,
            Some(&PowersMapping {
                name: Some(0),
                ..Default::default()
            }),
        )?,
    };
    if !map.is_empty() {
        let mut m = preview.mapping.clone();
        for a in &map {
            powers::apply_map_arg(&mut m, a)?;
        }
        preview = powers::read_powers(&file, Some(&m))?;
    }
    let mut store = super::open_store(db)?;
    let report = powers::check(&store, id, &preview)?;
    for n in &add {
        if *n == 0 || *n > report.suggestions.len() {
            return Err(CliError::Input(format!(
                "没有第 {n} 项建议（共 {} 项）。序号见不带 --add 时的输出。",
                report.suggestions.len()
            )));
        }
    }
    if json {
        crate::output::print_json(&report)?;
    } else {
        eprintln!(
            "按以下各列读取（不对时用 --map 指定）：{}",
            preview.mapping_text()
        );
        outln!("已对上 {} 项：", report.covered.len());
        for m in &report.covered {
            outln!(
                "  {}（{}）→ {}",
                m.power.name,
                m.power.kind,
                m.item.display_name()
            );
        }
        outln!("没有对应公开事项的 {} 项：", report.findings.len());
        for (i, (f, s)) in report.findings.iter().zip(&report.suggestions).enumerate() {
            outln!("{}. {}  {}  {}", i + 1, f.severity, f.location(), f.rule);
            outln!("    {}", f.message);
            outln!(
                "    建议：在“{}”领域补充本级特色事项“{}”（依据：{}；主体：{}）",
                s.fields.domain,
                s.fields.l1,
                s.fields.basis.join("；"),
                s.fields.subject
            );
        }
        outln!(
            "清单 {} 项：对上 {} 项；错误 {} 个，警告 {} 个。",
            report.powers,
            report.covered.len(),
            report.counts.errors,
            report.counts.warnings
        );
    }
    for n in &add {
        let s = &report.suggestions[n - 1];
        let item = powers::add_suggested(&mut store, id, &s.fields)?;
        eprintln!(
            "已补充本级特色事项“{}”（“{}”领域，编号 {}）。",
            item.fields.l1, item.fields.domain, item.id
        );
    }
    // 退出码看补充之后仍未覆盖的：还有行政许可、行政处罚没有对应事项时为 1。
    let left_errors =
        report.findings.iter().enumerate().any(|(i, f)| {
            f.severity == mulu_core::model::Severity::Error && !add.contains(&(i + 1))
        });
    Ok(if left_errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
