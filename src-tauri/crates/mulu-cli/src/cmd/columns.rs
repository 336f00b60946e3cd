//! `mulu columns generate|export|check`：门户栏目，用例见 [`mulu_api::portal`]。

use std::path::Path;
use std::process::ExitCode;

use mulu_api::portal::{self, ColumnsFormat};

use crate::args::ColumnsCommand;
use crate::error::{CliError, Result};
use crate::outln;

pub fn run(db: &Path, c: ColumnsCommand) -> Result<ExitCode> {
    match c {
        ColumnsCommand::Generate { id, root } => {
            let mut store = super::open_store(db)?;
            let done = portal::generate(&mut store, id, root.as_deref())?;
            let total = portal::tree(&store, id)?.columns.len();
            outln!(
                "已生成栏目表：新增 {} 个栏目（共 {total} 个），为 {} 个事项对应了栏目。",
                done.columns_added,
                done.items_linked
            );
            Ok(ExitCode::SUCCESS)
        }
        ColumnsCommand::Export { id, xlsx, csv } => {
            let (format, out) = match (&xlsx, &csv) {
                (Some(p), _) => (ColumnsFormat::Xlsx, p),
                (_, Some(p)) => (ColumnsFormat::Csv, p),
                _ => {
                    return Err(CliError::Input(
                        "请用 --xlsx 或 --csv 指定输出文件。".into(),
                    ))
                }
            };
            let store = super::open_store(db)?;
            let n = portal::export_columns(&store, id, format, out)?;
            outln!("已导出栏目表（{n} 个栏目）：{}", out.display());
            Ok(ExitCode::SUCCESS)
        }
        ColumnsCommand::Check {
            id,
            file,
            json,
            today,
            map,
        } => check(db, id, &file, json, today.as_deref(), &map),
    }
}

/// `mulu columns check`：退出码 0 没有错误；1 有错误；2 读不了（由调用者按错误返回）。
pub fn check(
    db: &Path,
    id: i64,
    file: &Path,
    json: bool,
    today: Option<&str>,
    maps: &[String],
) -> Result<ExitCode> {
    use mulu_api::portal_check::{self, CmsMapping};
    let today = portal_check::today(today)?;
    let mut preview = match portal_check::read_cms_export(file, None) {
        Ok(p) => p,
        Err(e) if maps.is_empty() => return Err(e.into()),
        Err(_) => portal_check::read_cms_export(
            file,
            Some(&CmsMapping {
                path: Some(0),
                ..Default::default()
            }),
        )?,
    };
    if !maps.is_empty() {
        let mut m = preview.mapping.clone();
        for a in maps {
            portal_check::apply_map_arg(&mut m, a)?;
        }
        preview = portal_check::read_cms_export(file, Some(&m))?;
    }
    let store = super::open_store(db)?;
    let report = portal_check::check(&store, id, &preview, today)?;
    if json {
        crate::output::print_json(&report)?;
    } else {
        eprintln!(
            "按以下各列读取（不对时用 --map 指定）：{}",
            preview.mapping_text()
        );
        for w in &preview.warnings {
            eprintln!("注意：{w}");
        }
        for f in &report.findings {
            outln!("{}  {}  {}", f.severity, f.location(), f.rule);
            outln!("    {}", f.message);
            if let Some(s) = &f.suggestion {
                outln!("    建议：{s}");
            }
        }
        outln!(
            "门户体检（对照日期 {}）：目录 {} 个栏目，网站导出 {} 个栏目，对上 {} 个；错误 {} 个，警告 {} 个，提示 {} 个。",
            report.today,
            report.columns,
            report.portal_columns,
            report.matched,
            report.counts.errors,
            report.counts.warnings,
            report.counts.infos
        );
    }
    Ok(if report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
