//! 标准目录编制器的桌面外壳：打开数据库、注册命令与插件、显示窗口。
//! 业务逻辑都在 `mulu-core` 等核心库里，这里的命令只做参数转换。

mod commands;
mod launch;
mod sessions;
mod shell;
mod state;

use state::AppState;

/// 启动桌面程序。数据库位置与 `mulu` 命令行相同（`mulu_core::paths::default_db_path`）。
pub fn run() {
    let db_path = mulu_core::paths::default_db_path();
    let app = tauri::Builder::default()
        // 窗口位置、大小、最大化状态：退出时存到应用配置目录，下次启动时恢复。
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .manage(AppState::new(db_path))
        .manage(commands::import::ImportSessions::default())
        .manage(commands::guidelines::GuidelineSessions::default())
        // “打开方式”：启动参数里的工作簿，界面取一次（launch.rs）。
        .manage(launch::LaunchFile::from_env())
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            launch::launch_file,
            shell::sample_files,
            shell::set_zoom,
            commands::backup::store_status,
            commands::backup::list_backups,
            commands::backup::backup_now,
            commands::backup::restore_backup,
            commands::backup::set_aside_database,
            commands::guidelines::list_guidelines,
            commands::guidelines::guideline_domain,
            commands::guidelines::guideline_import_preview,
            commands::guidelines::guideline_import_commit,
            commands::guidelines::guideline_pack_export,
            commands::guidelines::guideline_pack_preview,
            commands::guidelines::guideline_pack_load,
            commands::catalogs::list_units,
            commands::catalogs::create_unit,
            commands::catalogs::list_catalogs,
            commands::catalogs::get_catalog,
            commands::catalogs::create_catalog,
            commands::catalogs::copy_catalog,
            commands::catalogs::adopt_domain,
            commands::items::list_items,
            commands::items::add_item,
            commands::items::update_item,
            commands::items::delete_item,
            commands::items::restore_item,
            commands::items::move_item,
            commands::items::search_items,
            commands::items::paste_preview,
            commands::withheld::list_withheld,
            commands::withheld::add_withheld,
            commands::withheld::update_withheld,
            commands::withheld::delete_withheld,
            commands::withheld::list_not_applicable,
            commands::withheld::set_not_applicable,
            commands::withheld::clear_not_applicable,
            commands::export::export_xlsx,
            commands::export::export_html,
            commands::export::export_json,
            commands::export::e2e_save_dir,
            commands::import::import_preview,
            commands::import::import_plan,
            commands::import::import_commit,
            commands::import::e2e_open_paths,
            commands::review::check_catalog,
            commands::review::check_files,
            commands::review::annotate_files,
            commands::review::cancel_review,
            commands::portal::portal_generate,
            commands::portal::portal_tree,
            commands::portal::portal_link_item,
            commands::portal::portal_update_column,
            commands::portal::portal_export_columns,
            commands::portal::portal_read_cms,
            commands::portal::portal_check,
            commands::portal::powers_read,
            commands::portal::powers_check,
            commands::portal::powers_add_suggested,
        ])
        .build(tauri::generate_context!());
    match app {
        Ok(app) => app.run(|_, _| {}),
        Err(e) => {
            eprintln!("标准目录编制器无法启动：{e}");
            std::process::exit(1);
        }
    }
}
