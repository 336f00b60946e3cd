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
    }
}
