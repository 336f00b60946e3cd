//! `mulu worker [--input FILE] [--memory-mb N] (check PATH | annotate PATH DIR | sheet PATH [--sheet NAME])`
//! （隐藏的子命令）：桌面程序的审核工作台在子进程里读不可信的文件（`mulu_review::isolate`）。不打开
//! 数据库：读取选项与指引来自 `--input` 的 JSON（check、annotate 要；sheet 只照原样读一张表，不要）。
//! 结果（`FileCheck`、`AnnotatedFile` 或 `SheetRead`）以一行 JSON 写到标准输出。
//! 先给自己设地址空间上限：读取器若失控，内存分配失败、本进程结束，父进程把这个文件报“读不了”。

use std::io::Write;
use std::process::ExitCode;

use mulu_review::isolate::WorkerInput;

use crate::args::{WorkerArgs, WorkerJob};
use crate::error::{CliError, Result};

pub fn run(a: WorkerArgs) -> Result<ExitCode> {
    if let Some(mb) = a.memory_mb {
        limit_memory(mb);
    }
    if let WorkerJob::Sheet { path, sheet } = &a.job {
        // 一张几千行的表：不缩进（缩进的 JSON 大一倍，父进程还要再解析一遍）。
        let read = mulu_review::read_sheet_grid(path, sheet.as_deref());
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        serde_json::to_writer(&mut out, &read).map_err(std::io::Error::from)?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let Some(input_path) = &a.input else {
        return Err(CliError::Input("子进程缺少输入文件（--input）。".into()));
    };
    let text = std::fs::read(input_path).map_err(|e| {
        CliError::Input(format!(
            "无法读取子进程的输入“{}”：{e}",
            input_path.display()
        ))
    })?;
    let input: WorkerInput = serde_json::from_slice(&text).map_err(|e| {
        CliError::Input(format!(
            "子进程的输入“{}”无法解析：{e}",
            input_path.display()
        ))
    })?;
    let opts = input.read_options();
    match a.job {
        WorkerJob::Sheet { .. } => {}
        WorkerJob::Check { path } => {
            let c = mulu_review::check_workbook(&path, &opts, &input.guidelines);
            crate::output::print_json(&c)?;
        }
        WorkerJob::Annotate { path, dir } => {
            let f = mulu_review::annotate_workbook(&path, &opts, &input.guidelines, &dir);
            crate::output::print_json(&f)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(unix)]
fn limit_memory(mb: u64) {
    let bytes = mb.saturating_mul(1 << 20) as libc::rlim_t;
    let lim = libc::rlimit {
        rlim_cur: bytes,
        rlim_max: bytes,
    };
    // SAFETY: setrlimit 只读传入的结构；失败时（例如上限已更低）照常运行。
    unsafe {
        libc::setrlimit(libc::RLIMIT_AS, &lim);
    }
}

#[cfg(not(unix))]
fn limit_memory(_: u64) {}
