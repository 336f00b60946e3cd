//! 数据库默认位置：应用与 `mulu` 命令行共用同一个文件。

use std::path::PathBuf;

/// 应用标识，与 `src-tauri/tauri.conf.json` 的 `identifier` 一致（Tauri 的 app-data 目录以它命名）。
pub const APP_IDENTIFIER: &str = "cn.biaozhunmulu.app";

/// 数据库文件名。
pub const DB_FILE: &str = "mulu.db";

/// 默认数据库路径：环境变量 `MULU_DB` 优先；否则为平台应用数据目录下的
/// `cn.biaozhunmulu.app/mulu.db`（Linux 为 `~/.local/share/…`，Windows 为 `%APPDATA%\…`）。
/// 与 Tauri 的 `app_data_dir()` 同一规则，所以命令行与窗口看到的是同一份数据。
pub fn default_db_path() -> PathBuf {
    if let Some(p) = std::env::var_os("MULU_DB") {
        return PathBuf::from(p);
    }
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join(APP_IDENTIFIER)
        .join(DB_FILE)
}
