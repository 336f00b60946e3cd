//! 外壳自己的两件事（不是用例，不经 `mulu-api`）：随程序附带的示例工作簿在哪里，窗口内容的缩放。

use std::path::{Path, PathBuf};

use tauri::{Manager, Runtime};

/// 示例工作簿的文件夹：安装包里在资源目录的 `samples/`（tauri.conf.json 的 `bundle.resources`；
/// 构建时 tauri-build 也把它们复制到程序旁）；调试构建（开发、测试）再找仓库的 `samples/`。
/// 都没有时为 `None`。
fn samples_dir<R: Runtime>(app: &tauri::AppHandle<R>) -> Option<PathBuf> {
    let bundled = app.path().resource_dir().ok().map(|d| d.join("samples"));
    let repo =
        cfg!(debug_assertions).then(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../samples"));
    bundled.into_iter().chain(repo).find(|d| d.is_dir())
}

/// 文件夹里的 `.xlsx`，按文件名排序。
pub fn workbooks_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file()
                && p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
        })
        .collect();
    out.sort();
    out
}

/// 随程序附带的示例工作簿（完整路径）；找不到示例文件夹时为空。界面用导入预览只读地打开它们，
/// 不写数据库。
#[tauri::command]
pub fn sample_files<R: Runtime>(app: tauri::AppHandle<R>) -> Vec<String> {
    samples_dir(&app)
        .map(|d| workbooks_in(&d))
        .unwrap_or_default()
        .into_iter()
        .map(|p| p.display().to_string())
        .collect()
}

/// 缩放比例的范围（与界面 `lib/comfort.ts` 的 `ZOOM_MIN`/`ZOOM_MAX` 一致）。
const ZOOM_RANGE: (f64, f64) = (0.5, 3.0);

/// 设定本窗口网页内容的缩放比例（1.0 为原大小；超出 0.5–3.0 的按边界算）。界面记住比例，启动时再设一次。
#[tauri::command]
pub fn set_zoom<R: Runtime>(webview: tauri::Webview<R>, scale: f64) -> Result<(), String> {
    let scale = if scale.is_finite() {
        scale.clamp(ZOOM_RANGE.0, ZOOM_RANGE.1)
    } else {
        1.0
    };
    webview
        .set_zoom(scale)
        .map_err(|e| format!("无法缩放窗口内容：{e}。可以按 Ctrl+0 恢复原大小后再试。"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_the_repository_samples() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../samples");
        let names: Vec<String> = workbooks_in(&dir)
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        assert_eq!(
            names,
            [
                "county-department.xlsx",
                "mistakes-street.xlsx",
                "mistakes-township.xlsx",
                "street.xlsx",
                "township.xlsx"
            ]
        );
        assert!(workbooks_in(&dir.join("不存在")).is_empty());
    }
}
