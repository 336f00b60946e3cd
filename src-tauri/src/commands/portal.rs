//! 门户栏目与权责清单的命令：[`mulu_api::portal`]（生成、查看、对应、导出栏目表）、
//! [`mulu_api::portal_check`]（读网站内容管理系统导出的栏目清单、门户体检）、
//! [`mulu_api::powers`]（读权责清单/公共服务事项清单、对照、添加建议的本级特色事项）的薄适配层。
//!
//! 读文件（门户导出、清单）在锁外、阻塞线程池里进行；对照只在锁内读库。

use std::path::PathBuf;

use mulu_api::portal::{self, ColumnsFormat};
use mulu_api::portal_check::{self, CmsMapping, CmsPreview};
use mulu_api::powers::{self, PowersMapping, PowersPreview};
use mulu_core::model::{ColumnTree, ColumnsGenerated, Item, ItemFields};
use mulu_review::portal::PortalReport;
use mulu_review::powers::PowersReport;
use tauri::State;

use crate::state::AppState;

/// 按领域与一级事项生成栏目表（只补上没有的栏目与对应）。`root` 为空时用默认的专栏根路径。
#[tauri::command]
pub fn portal_generate(
    state: State<'_, AppState>,
    catalog_id: i64,
    root: Option<String>,
) -> Result<ColumnsGenerated, String> {
    state.try_with(|s| portal::generate(s, catalog_id, root.as_deref()))
}

/// 目录的栏目表与事项的对应。
#[tauri::command]
pub fn portal_tree(state: State<'_, AppState>, catalog_id: i64) -> Result<ColumnTree, String> {
    state.try_with(|s| portal::tree(s, catalog_id))
}

/// 把事项对应到栏目（`column_id` 为空：取消对应），返回新的栏目表。
#[tauri::command]
pub fn portal_link_item(
    state: State<'_, AppState>,
    item_id: i64,
    column_id: Option<i64>,
) -> Result<ColumnTree, String> {
    state.try_with(|s| portal::link_item(s, item_id, column_id))
}

/// 改栏目的路径与网址，返回新的栏目表。
#[tauri::command]
pub fn portal_update_column(
    state: State<'_, AppState>,
    column_id: i64,
    path: String,
    url: String,
) -> Result<ColumnTree, String> {
    state.try_with(|s| portal::update_column(s, column_id, &path, &url))
}

/// 新增一个栏目。
#[tauri::command]
pub fn portal_add_column(
    state: State<'_, AppState>,
    catalog_id: i64,
    path: String,
    url: String,
) -> Result<ColumnTree, String> {
    state.try_with(|s| portal::add_column(s, catalog_id, &path, &url))
}

/// 删除一个栏目连同下级栏目。
#[tauri::command]
pub fn portal_delete_column(
    state: State<'_, AppState>,
    column_id: i64,
) -> Result<ColumnTree, String> {
    state.try_with(|s| portal::delete_column(s, column_id))
}

/// 写出栏目表（工作簿或 CSV），返回栏目数。
#[tauri::command]
pub fn portal_export_columns(
    state: State<'_, AppState>,
    catalog_id: i64,
    format: ColumnsFormat,
    path: String,
) -> Result<usize, String> {
    state.try_with(|s| portal::export_columns(s, catalog_id, format, &PathBuf::from(path)))
}

/// 读门户导出的栏目清单（`mapping` 为空时自动找各列）。不写库。
#[tauri::command]
pub async fn portal_read_cms(
    path: String,
    mapping: Option<CmsMapping>,
) -> Result<CmsPreview, String> {
    tauri::async_runtime::spawn_blocking(move || {
        portal_check::read_cms_export(&PathBuf::from(path), mapping.as_ref())
            .map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| format!("读门户导出中途出错：{e}"))?
}

/// 门户体检：目录的栏目表与读出的门户导出对照。`today`（`YYYY-MM-DD`）为空时取今天。
#[tauri::command]
pub fn portal_check(
    state: State<'_, AppState>,
    catalog_id: i64,
    preview: CmsPreview,
    today: Option<String>,
) -> Result<PortalReport, String> {
    let today = portal_check::today(today.as_deref()).map_err(|e| e.to_string())?;
    state.try_with(|s| portal_check::check(s, catalog_id, &preview, today))
}

/// 读权责清单或公共服务事项清单（`mapping` 为空时自动找各列）。不写库。
#[tauri::command]
pub async fn powers_read(
    path: String,
    mapping: Option<PowersMapping>,
) -> Result<PowersPreview, String> {
    tauri::async_runtime::spawn_blocking(move || {
        powers::read_powers(&PathBuf::from(path), mapping.as_ref()).map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| format!("读清单中途出错：{e}"))?
}

/// 清单与目录对照：对上的、对不上的（附预填好的建议事项）。
#[tauri::command]
pub fn powers_check(
    state: State<'_, AppState>,
    catalog_id: i64,
    preview: PowersPreview,
) -> Result<PowersReport, String> {
    state.try_with(|s| powers::check(s, catalog_id, &preview))
}

/// 把用户确认（可能改过）的建议事项加为本级特色事项。
#[tauri::command]
pub fn powers_add_suggested(
    state: State<'_, AppState>,
    catalog_id: i64,
    fields: ItemFields,
) -> Result<Item, String> {
    state.try_with(|s| powers::add_suggested(s, catalog_id, &fields))
}
