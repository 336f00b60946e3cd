//! 最小的 Tauri 2 窗口：Tauri 模板的 `main`，只显示 dist/index.html。内存基准的对照（见 Cargo.toml）。
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    if let Err(e) = tauri::Builder::default().run(tauri::generate_context!()) {
        eprintln!("minimal-tauri: {e}");
        std::process::exit(1);
    }
}
