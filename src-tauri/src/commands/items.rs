use mulu_core::model::{Item, ItemFields};
use mulu_core::store::SearchHit;
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub fn list_items(state: State<'_, AppState>, catalog_id: i64) -> Result<Vec<Item>, String> {
    state.with(|s| s.list_items(catalog_id))
}

#[tauri::command]
pub fn add_item(
    state: State<'_, AppState>,
    catalog_id: i64,
    fields: ItemFields,
) -> Result<Item, String> {
    state.with(|s| s.add_item(catalog_id, &fields))
}

#[tauri::command]
pub fn update_item(
    state: State<'_, AppState>,
    id: i64,
    fields: ItemFields,
) -> Result<Item, String> {
    state.with(|s| s.update_item(id, &fields))
}

#[tauri::command]
pub fn delete_item(state: State<'_, AppState>, id: i64) -> Result<Item, String> {
    state.with(|s| s.delete_item(id))
}

#[tauri::command]
pub fn restore_item(state: State<'_, AppState>, item: Item) -> Result<Item, String> {
    state.with(|s| s.restore_item(&item))
}

#[tauri::command]
pub fn move_item(state: State<'_, AppState>, id: i64, position: i64) -> Result<Item, String> {
    state.with(|s| s.move_item(id, position))
}

#[tauri::command]
pub fn search_items(
    state: State<'_, AppState>,
    catalog_id: i64,
    query: String,
) -> Result<Vec<SearchHit>, String> {
    state.with(|s| s.search_items(catalog_id, &query, 500))
}

/// 在全部目录里搜索，按目录归组（单位与目录屏的“在全部目录中搜索”）。
#[tauri::command]
pub fn search_all(
    state: State<'_, AppState>,
    query: String,
) -> Result<mulu_api::search::SearchAll, String> {
    state.try_with(|s| mulu_api::search::search_all(s, &query, SEARCH_ALL_LIMIT))
}

/// 全部目录搜索最多列出的事项数（更多时界面提示把搜索词写具体）。
const SEARCH_ALL_LIMIT: usize = 5_000;

/// 粘贴的预览：剪贴板里从 Excel/WPS 复制的行，按读工作簿的同一个读取器读成 `domain` 的事项（不写数据库）。
#[tauri::command]
pub fn paste_preview(
    state: State<'_, AppState>,
    text: String,
    domain: String,
) -> Result<mulu_api::paste::PastePreview, String> {
    state.try_with(|s| mulu_api::paste::preview(s, &text, &domain))
}
