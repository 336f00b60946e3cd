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
    // stdout 按行刷新：缩进的 JSON 每行一次系统调用，几十 MB 的结果要几十万次。
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    serde_json::to_writer_pretty(&mut out, v).map_err(std::io::Error::from)?;
    writeln!(out)?;
    out.flush()?;
    Ok(())
}

/// 一个元素的缩进 JSON（在工作线程里先序列化好，见 [`print_json_parts`]）。
pub fn json_part<T: Serialize + ?Sized>(v: &T) -> Result<Vec<u8>> {
    Ok(serde_json::to_vec_pretty(v).map_err(std::io::Error::from)?)
}

/// 把各自序列化好的元素（[`json_part`]）写成一个缩进的 JSON 数组，
/// 与 [`print_json`] 写整个数组的输出逐字节相同。
pub fn print_json_parts(parts: &[Vec<u8>]) -> Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    write_json_parts(&mut out, parts)?;
    out.flush()?;
    Ok(())
}

fn write_json_parts(out: &mut impl Write, parts: &[Vec<u8>]) -> std::io::Result<()> {
    if parts.is_empty() {
        return writeln!(out, "[]");
    }
    out.write_all(b"[\n")?;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.write_all(b",\n")?;
        }
        // 字符串里的换行在 JSON 里是 `\n`，所以按行缩进是安全的。
        for (j, line) in part.split(|&b| b == b'\n').enumerate() {
            if j > 0 {
                out.write_all(b"\n")?;
            }
            out.write_all(b"  ")?;
            out.write_all(line)?;
        }
    }
    out.write_all(b"\n]\n")
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

/// 帮助文字里 clap 固定写成英文的几处换成中文：栏目标题（`Options:`、`Arguments:`、`Commands:`，
/// 以及 `选项:` 这类半角冒号）、用法行的 `[OPTIONS]`、`<COMMAND>`、默认值的 `[default: …]`。
pub fn localize_help(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for line in text.split_inclusive('\n') {
        let (body, nl) = match line.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (line, ""),
        };
        let heading = match body.trim_end() {
            "Options:" | "选项:" => Some("选项："),
            "Arguments:" | "参数:" => Some("参数："),
            "Commands:" | "命令:" => Some("命令："),
            _ => None,
        };
        match heading {
            Some(h) => out.push_str(h),
            None => out.push_str(
                &body
                    .replace("[OPTIONS]", "[选项]")
                    .replace("<COMMAND>", "<命令>")
                    .replace("[COMMAND]", "[命令]")
                    .replace("[default: ", "[默认："),
            ),
        }
        out.push_str(nl);
    }
    out
}

/// clap 的解析错误：帮助与版本照常输出；其余给一行中文说明，退出码 2。
pub fn clap_error(e: clap::Error) -> ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            if e.kind() == ErrorKind::DisplayVersion {
                let _ = e.print();
            } else {
                let text = localize_help(&e.render().to_string());
                if e.use_stderr() {
                    eprint!("{text}");
                } else if std::io::stdout().lock().write_all(text.as_bytes()).is_err() {
                    return ExitCode::SUCCESS; // 管道已关闭（如 `mulu --help | head`）
                }
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_parts_match_serde_pretty_array() {
        let v = vec![
            serde_json::json!({"path": "a.xlsx", "findings": [{"message": "多行\n文字", "cell": "H12"}], "x": []}),
            serde_json::json!({"path": "b.xlsx", "findings": [], "n": 3}),
        ];
        let parts: Vec<Vec<u8>> = v.iter().map(|x| json_part(x).unwrap()).collect();
        let mut got = Vec::new();
        write_json_parts(&mut got, &parts).unwrap();
        let mut want = serde_json::to_vec_pretty(&v).unwrap();
        want.push(b'\n');
        assert_eq!(
            String::from_utf8(got).unwrap(),
            String::from_utf8(want).unwrap()
        );

        let mut empty = Vec::new();
        write_json_parts(&mut empty, &[]).unwrap();
        let mut want = serde_json::to_vec_pretty(&Vec::<u8>::new()).unwrap();
        want.push(b'\n');
        assert_eq!(empty, want);
    }
}
