//! `mulu export ID (--xlsx OUT | --html OUT | --json OUT)`：用例见 [`mulu_api::export`]。

use std::path::Path;
use std::process::ExitCode;

use mulu_api::export::{self, ExportFormat, ExportOptionsArg};

use crate::args::ExportArgs;
use crate::error::{CliError, Result};

pub fn run(db: &Path, a: ExportArgs) -> Result<ExitCode> {
    let (format, out) = match (&a.xlsx, &a.html, &a.json) {
        (Some(p), _, _) => (ExportFormat::Xlsx, p),
        (_, Some(p), _) => (ExportFormat::Html, p),
        (_, _, Some(p)) => (ExportFormat::Json, p),
        _ => {
            return Err(CliError::Input(
                "请用 --xlsx、--html 或 --json 指定输出文件。".into(),
            ))
        }
    };
    let arg = ExportOptionsArg {
        domains: Some(a.domain),
        include_level: !a.no_level,
        lower_level_label: a.lower_level_label,
    };
    let store = super::open_store(db)?;
    let (catalog, opts) = export::prepare(&store, a.id, &arg)?;
    let done = export::write(&catalog, &opts, format, out)?;
    crate::outln!(
        "已导出“{}”（{} 个事项）为{}：{}",
        done.title,
        done.items,
        format.noun(),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}
