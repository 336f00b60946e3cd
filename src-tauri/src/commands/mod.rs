//! Tauri 命令：核心库的薄适配层。每个命令返回数据或一条中文错误说明。

pub mod backup;
pub mod catalogs;
pub mod desk;
pub mod export;
pub mod guidelines;
pub mod history;
pub mod import;
pub mod items;
pub mod paths;
pub mod portal;
pub mod review;
pub mod withheld;

use serde::Serialize;
use tauri::State;

use crate::state::AppState;

#[derive(Serialize)]
pub struct AppInfo {
    db_path: String,
    version: &'static str,
}

#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    AppInfo {
        db_path: state.db_path().display().to_string(),
        version: env!("CARGO_PKG_VERSION"),
    }
}

/// 测试用：`tests/fixtures/workbooks/` 里的一个工作簿（见那里的 INDEX.md）。
#[cfg(test)]
pub(crate) fn fixture(name: &str) -> String {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/workbooks")
        .join(name)
        .display()
        .to_string()
}
