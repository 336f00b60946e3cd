//! “打开方式”：文件管理器用本程序打开一个工作簿时（桌面文件的 `Exec=biaozhunmulu %F`、Windows 的
//! 文件关联），路径作为命令行参数传进来。界面启动后调用一次 `launch_file` 取走它，在导入对话框里打开。

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tauri::State;

/// 能用“打开方式”打开的文件（与 tauri.conf.json 的 `bundle.fileAssociations` 一致）。
pub const EXTENSIONS: &[&str] = &["xlsx", "xls", "docx"];

/// 启动时带来的文件，取一次后为空。
pub struct LaunchFile(Mutex<Option<PathBuf>>);

impl LaunchFile {
    /// 从本进程的命令行参数取。
    pub fn from_env() -> Self {
        let cwd = std::env::current_dir().unwrap_or_default();
        LaunchFile(Mutex::new(from_args(std::env::args_os().skip(1), &cwd)))
    }

    /// 已开的窗口收到第二次启动带来的文件（[`crate::single_instance`]）。
    pub fn set(&self, path: PathBuf) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = Some(path);
    }

    fn take(&self) -> Option<PathBuf> {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).take()
    }
}

/// 参数里第一个扩展名是 [`EXTENSIONS`] 之一的文件（不以 `-` 开头；`file://` 网址也认）。
/// 相对路径按 `cwd` 补全。文件是否存在不在这里判断：读不了时导入对话框会说明原因。
pub fn from_args(args: impl IntoIterator<Item = OsString>, cwd: &Path) -> Option<PathBuf> {
    args.into_iter().find_map(|a| {
        let s = a.to_string_lossy();
        if s.starts_with('-') {
            return None;
        }
        let path = match s.strip_prefix("file://") {
            Some(rest) => PathBuf::from(percent_decode(rest)?),
            None => PathBuf::from(&a),
        };
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        if !EXTENSIONS.contains(&ext.as_str()) {
            return None;
        }
        Some(if path.is_absolute() {
            path
        } else {
            cwd.join(path)
        })
    })
}

/// `file://` 网址里的 `%E6%9F%90` 之类还原成文字；不是合法的 UTF-8 时返回 `None`。
fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = std::str::from_utf8(&b[i + 1..i + 3]).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// 启动时带来的工作簿路径；只返回一次（之后为 `null`），窗口重新加载时不会再打开一遍。
#[tauri::command]
pub fn launch_file(state: State<'_, LaunchFile>) -> Option<String> {
    state.take().map(|p| p.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(v: &[&str]) -> Vec<OsString> {
        v.iter().map(OsString::from).collect()
    }

    #[test]
    fn takes_the_first_workbook_argument() {
        let cwd = Path::new("/home/u");
        assert_eq!(from_args(args(&[]), cwd), None);
        assert_eq!(
            from_args(args(&["--flag", "/tmp/目录.XLSX", "/tmp/b.xls"]), cwd),
            Some(PathBuf::from("/tmp/目录.XLSX"))
        );
        assert_eq!(
            from_args(args(&["下载/某某镇.xls"]), cwd),
            Some(PathBuf::from("/home/u/下载/某某镇.xls"))
        );
        assert_eq!(from_args(args(&["/tmp/说明.pdf", "/tmp/x"]), cwd), None);
        assert_eq!(
            from_args(
                args(&["file:///tmp/%E6%9F%90%E6%9F%90%E9%95%87 2026.xlsx"]),
                cwd
            ),
            Some(PathBuf::from("/tmp/某某镇 2026.xlsx"))
        );
        assert_eq!(from_args(args(&["file:///tmp/%ZZ.xlsx"]), cwd), None);
    }

    #[test]
    fn is_taken_once() {
        let f = LaunchFile(Mutex::new(Some(PathBuf::from("/tmp/a.xlsx"))));
        assert_eq!(f.take(), Some(PathBuf::from("/tmp/a.xlsx")));
        assert_eq!(f.take(), None);
    }
}
