//! 输出的小工具：JSON、表格对齐、clap 错误的中文化。

use std::io::Write;
use std::process::ExitCode;

use clap::error::ErrorKind;
use serde::Serialize;

use crate::error::Result;

/// 像 `println!`，但写失败（例如管道另一端已关闭）时返回错误而不是崩溃。
#[macro_export]
macro_rules! outln {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($t)*).map_err($crate::error::CliError::Io)?
    }};
}

/// 以缩进的 JSON 写到 stdout。
pub fn print_json<T: Serialize + ?Sized>(v: &T) -> Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, v).map_err(std::io::Error::from)?;
    writeln!(out)?;
    Ok(())
}

/// 显示宽度：汉字等全角字符按 2 计。
pub fn width(s: &str) -> usize {
    s.chars()
        .map(|c| if (c as u32) < 0x1100 { 1 } else { 2 })
        .sum()
}

/// 左对齐到给定显示宽度。
pub fn pad(s: &str, w: usize) -> String {
    let n = width(s);
    format!("{s}{}", " ".repeat(w.saturating_sub(n)))
}

/// clap 的解析错误：帮助与版本照常输出；其余给一行中文说明，退出码 2。
pub fn clap_error(e: clap::Error) -> ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                return ExitCode::from(2);
            }
            ExitCode::SUCCESS
        }
        kind => {
            let detail = e
                .get(clap::error::ContextKind::InvalidArg)
                .or_else(|| e.get(clap::error::ContextKind::InvalidSubcommand))
                .map(|v| v.to_string())
                .unwrap_or_default();
            let what = match kind {
                ErrorKind::InvalidSubcommand => "没有这个命令",
                ErrorKind::UnknownArgument => "不认识的参数",
                ErrorKind::MissingRequiredArgument => "缺少必需的参数",
                ErrorKind::InvalidValue | ErrorKind::ValueValidation => "参数的值不对",
                ErrorKind::ArgumentConflict => "参数不能同时使用",
                ErrorKind::MissingSubcommand => "缺少命令",
                ErrorKind::TooManyValues
                | ErrorKind::WrongNumberOfValues
                | ErrorKind::TooFewValues => "参数个数不对",
                _ => "参数有误",
            };
            let detail = if detail.is_empty() {
                String::new()
            } else {
                format!("：{detail}")
            };
            eprintln!("错误：{what}{detail}。运行 `mulu --help` 查看用法。");
            ExitCode::from(2)
        }
    }
}
