use mulu_core::guideline::AdoptOutcome;
use mulu_core::model::{Catalog, CatalogSummary, NewCatalog, NewUnit, Unit};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub fn list_units(state: State<'_, AppState>) -> Result<Vec<Unit>, String> {
    state.with(|s| s.list_units())
}

#[tauri::command]
pub fn create_unit(state: State<'_, AppState>, unit: NewUnit) -> Result<Unit, String> {
    state.with(|s| s.create_unit(&unit))
}

#[tauri::command]
pub fn list_catalogs(state: State<'_, AppState>) -> Result<Vec<CatalogSummary>, String> {
    state.with(|s| s.list_catalogs())
}

#[tauri::command]
pub fn get_catalog(state: State<'_, AppState>, id: i64) -> Result<Catalog, String> {
    state.with(|s| s.get_catalog(id))
}

#[tauri::command]
pub fn create_catalog(
    state: State<'_, AppState>,
    unit_id: i64,
    year: i32,
) -> Result<Catalog, String> {
    state.with(|s| s.create_catalog(&NewCatalog::new(unit_id, year)))
}

#[tauri::command]
pub fn copy_catalog(state: State<'_, AppState>, id: i64, year: i32) -> Result<Catalog, String> {
    state.with(|s| s.copy_catalog_to_year(id, year))
}

#[tauri::command]
pub fn adopt_domain(
    state: State<'_, AppState>,
    catalog_id: i64,
    domain: String,
    items: Option<Vec<String>>,
) -> Result<AdoptOutcome, String> {
    state.try_with(|s| {
        let done = mulu_api::adopt::adopt(s, catalog_id, &[domain], items.as_deref())?;
        Ok::<_, mulu_api::ApiError>(mulu_api::adopt::total(&done))
    })
}
