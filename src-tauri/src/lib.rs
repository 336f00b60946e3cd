//! 标准目录编制器的桌面外壳：打开数据库、注册命令与插件、显示窗口。
//! 业务逻辑都在 `mulu-core` 等核心库里，这里的命令只做参数转换。

mod commands;
mod launch;
mod sessions;
mod shell;
mod state;

use std::path::{Path, PathBuf};

use state::AppState;
use tauri::{Emitter, Manager};

/// 单实例：第二次启动桌面程序时，已开的窗口取消最小化、到前台；带来的工作簿（“打开方式”）交给它，
/// 界面收到 `launch-file` 事件后在导入对话框里打开。
///
/// Linux 上按 D-Bus 名称判断“已经开着”：用默认数据库时是应用标识，用 `MULU_DB` 指定的数据库时名称里带
/// 数据库路径的散列（[`instance_id`]）——同一个数据库只开一个窗口，不同的数据库（例如测试）互不影响。
/// 没有 D-Bus 会话总线时插件照常启动（不做单实例）。
fn single_instance(db_path: &Path) -> tauri::plugin::TauriPlugin<tauri::Wry> {
    let builder = tauri_plugin_single_instance::Builder::new().callback(|app, args, cwd| {
        let args = args.into_iter().skip(1).map(std::ffi::OsString::from);
        if let Some(file) = launch::from_args(args, Path::new(&cwd)) {
            app.state::<launch::LaunchFile>().set(file);
            // 事件发不出去（窗口正在关闭）时没有什么可做的：文件留在 LaunchFile 里，下次取。
            let _ = app.emit("launch-file", ());
        }
        if let Some(w) = app.get_webview_window("main") {
            // 窗口操作失败（例如窗口管理器不支持）不影响已开的窗口继续工作。
            let _ = w.unminimize();
            let _ = w.show();
            let _ = w.set_focus();
        }
    });
    match instance_id(db_path, std::env::var_os("MULU_DB").is_some()) {
        Some(id) => builder.dbus_id(id).build(),
        None => builder.build(),
    }
}

/// 单实例的 D-Bus 名称：默认数据库为 `None`（用应用标识），`MULU_DB` 指定的数据库为应用标识加路径的散列
/// （同一个程序文件里散列是确定的，两次启动得到同一个名称）。
fn instance_id(db_path: &Path, custom_db: bool) -> Option<String> {
    use std::hash::{Hash, Hasher};
    if !custom_db {
        return None;
    }
    let mut h = std::hash::DefaultHasher::new();
    PathBuf::from(db_path).hash(&mut h);
    Some(format!(
        "{}.db_{:016x}",
        mulu_core::paths::APP_IDENTIFIER,
        h.finish()
    ))
}

/// 启动桌面程序。数据库位置与 `mulu` 命令行相同（`mulu_core::paths::default_db_path`）。
pub fn run() {
    let db_path = mulu_core::paths::default_db_path();
    let app = tauri::Builder::default()
        // 最先注册：同一个数据库已有窗口开着时，第二次启动只把参数交给它、让它到前台，然后退出。
        .plugin(single_instance(&db_path))
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
            commands::items::search_all,
            commands::items::paste_preview,
            commands::history::catalog_history,
            commands::history::item_history,
            commands::history::undo_change_set,
            commands::history::restore_deleted,
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
            commands::desk::desk_import_units,
            commands::desk::desk_set_units,
            commands::desk::desk_record,
            commands::desk::desk_view,
            commands::desk::desk_confirm_match,
            commands::desk::desk_reassign,
            commands::desk::desk_submission,
            commands::desk::desk_sheet,
            commands::desk::desk_decide,
            commands::desk::desk_undecide,
            commands::desk::desk_letter,
            commands::desk::desk_dashboard,
            commands::desk::desk_summary,
            commands::desk::desk_letters,
            commands::desk::save_png,
            commands::portal::portal_generate,
            commands::portal::portal_tree,
            commands::portal::portal_link_item,
            commands::portal::portal_update_column,
            commands::portal::portal_add_column,
            commands::portal::portal_delete_column,
            commands::portal::portal_export_columns,
            commands::portal::portal_read_cms,
            commands::portal::portal_check,
            commands::portal::powers_read,
            commands::portal::powers_check,
            commands::portal::powers_add_suggested,
        ])
        // 后台体检（大数据库打开后才做，state.rs）发现损坏时告诉界面：界面给出“从备份恢复”的出路。
        .setup(|app| {
            use tauri::{Emitter, Manager};
            let handle = app.handle().clone();
            app.state::<AppState>().on_damage(Box::new(move |msg| {
                let _ = handle.emit("store-damaged", msg.to_string());
            }));
            Ok(())
        })
        .build(tauri::generate_context!());
    match app {
        Ok(app) => app.run(|_, _| {}),
        Err(e) => {
            eprintln!("标准目录编制器无法启动：{e}");
            std::process::exit(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::instance_id;
    use std::path::Path;

    #[test]
    fn one_instance_per_database() {
        assert_eq!(instance_id(Path::new("/home/a/mulu.db"), false), None);
        let a = instance_id(Path::new("/tmp/e2e-1/mulu.db"), true);
        assert_eq!(a, instance_id(Path::new("/tmp/e2e-1/mulu.db"), true));
        assert_ne!(a, instance_id(Path::new("/tmp/e2e-2/mulu.db"), true));
        // D-Bus 名称的每一段以字母或下划线开头，只含字母、数字、下划线。
        let id = a.unwrap_or_default();
        assert!(id.starts_with("cn.biaozhunmulu.app.db_"), "{id}");
        assert!(id
            .split('.')
            .all(|p| p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                && !p.starts_with(|c: char| c.is_ascii_digit())));
    }
}
