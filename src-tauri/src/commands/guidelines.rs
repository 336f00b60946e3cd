use mulu_core::guideline::{GuidelineDomain, GuidelineDomainSummary};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub fn list_guidelines(state: State<'_, AppState>) -> Result<Vec<GuidelineDomainSummary>, String> {
    state.with(|s| s.guideline_domains())
}

#[tauri::command]
pub fn guideline_domain(
    state: State<'_, AppState>,
    name: String,
) -> Result<GuidelineDomain, String> {
    state.with(|s| s.guideline_domain(&name, None))
}
