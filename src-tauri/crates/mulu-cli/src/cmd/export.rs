//! `mulu export ID (--xlsx OUT | --html OUT | --json OUT)`。

use std::path::Path;
use std::process::ExitCode;

use mulu_export::ExportOptions;

use crate::args::ExportArgs;
use crate::error::{CliError, Result};

pub fn run(db: &Path, a: ExportArgs) -> Result<ExitCode> {
    if !["乡级", "镇级", "街道"].contains(&a.lower_level_label.as_str()) {
        return Err(CliError::Input(format!(
            "--lower-level-label 应为 乡级、镇级 或 街道，而不是“{}”。",
            a.lower_level_label
        )));
    }
    let store = super::open_store(db)?;
    let export = store.export_catalog(a.id)?;
    let mut opts = ExportOptions::default()
        .include_level(!a.no_level)
        .lower_level_label(a.lower_level_label);
    if !a.domain.is_empty() {
        let names = a
            .domain
            .iter()
            .map(|d| store.resolve_domain_name(d))
            .collect::<Result<Vec<_>, _>>()?;
        opts = opts.domains(names);
    }
    let (out, what) = if let Some(p) = &a.xlsx {
        mulu_export::write_xlsx(&export, &opts, p)?;
        (p, "Excel 工作簿")
    } else if let Some(p) = &a.html {
        write(p, mulu_export::html(&export, &opts)?)?;
        (p, "网页")
    } else if let Some(p) = &a.json {
        write(p, mulu_export::json::to_string(&export)?)?;
        (p, "JSON")
    } else {
        return Err(CliError::Input(
            "请用 --xlsx、--html 或 --json 指定输出文件。".into(),
        ));
    };
    crate::outln!(
        "已导出“{}”（{} 个事项）为{}：{}",
        export.catalog.title,
        export.items.len(),
        what,
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn write(path: &Path, text: String) -> Result<()> {
    std::fs::write(path, text).map_err(|source| {
        CliError::Export(mulu_export::ExportError::Io {
            path: path.display().to_string(),
            source,
        })
    })
}
