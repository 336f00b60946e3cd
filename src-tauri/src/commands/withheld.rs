//! 不予公开事项（负面清单）与“本单位不涉及”的命令：`mulu-core` 存储函数
//! （`add_withheld`、`set_not_applicable` 等）的薄适配层。每个命令只把 [`State`] 交给同名的
//! 普通函数（单元测试直接调用它们）。

use mulu_core::model::{NotApplicable, Withheld};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub fn list_withheld(state: State<'_, AppState>, catalog_id: i64) -> Result<Vec<Withheld>, String> {
    list(&state, catalog_id)
}

/// 新增一条不予公开事项（`withheld.id` 被忽略），返回带编号的记录。
#[tauri::command]
pub fn add_withheld(state: State<'_, AppState>, withheld: Withheld) -> Result<Withheld, String> {
    add(&state, &withheld)
}

#[tauri::command]
pub fn update_withheld(state: State<'_, AppState>, withheld: Withheld) -> Result<(), String> {
    update(&state, &withheld)
}

#[tauri::command]
pub fn delete_withheld(state: State<'_, AppState>, id: i64) -> Result<(), String> {
    delete(&state, id)
}

#[tauri::command]
pub fn list_not_applicable(
    state: State<'_, AppState>,
    catalog_id: i64,
) -> Result<Vec<NotApplicable>, String> {
    list_na(&state, catalog_id)
}

/// 标记指引事项本单位不涉及（理由必填）；已标记的更新理由。
#[tauri::command]
pub fn set_not_applicable(
    state: State<'_, AppState>,
    not_applicable: NotApplicable,
) -> Result<(), String> {
    set_na(&state, &not_applicable)
}

#[tauri::command]
pub fn clear_not_applicable(
    state: State<'_, AppState>,
    catalog_id: i64,
    guideline_item_id: String,
) -> Result<(), String> {
    clear_na(&state, catalog_id, &guideline_item_id)
}

fn list(state: &AppState, catalog_id: i64) -> Result<Vec<Withheld>, String> {
    state.with(|s| s.list_withheld(catalog_id))
}

fn add(state: &AppState, w: &Withheld) -> Result<Withheld, String> {
    state.with(|s| s.add_withheld(w))
}

fn update(state: &AppState, w: &Withheld) -> Result<(), String> {
    // The store checks the name when adding only; an edit must not blank it either.
    if mulu_core::text::tidy(&w.name).is_empty() {
        return Err("不予公开事项的名称不能为空。".into());
    }
    state.with(|s| s.update_withheld(w))
}

fn delete(state: &AppState, id: i64) -> Result<(), String> {
    state.with(|s| s.delete_withheld(id))
}

fn list_na(state: &AppState, catalog_id: i64) -> Result<Vec<NotApplicable>, String> {
    state.with(|s| s.list_not_applicable(catalog_id))
}

fn set_na(state: &AppState, na: &NotApplicable) -> Result<(), String> {
    state.with(|s| s.set_not_applicable(na))
}

fn clear_na(state: &AppState, catalog_id: i64, guideline_item_id: &str) -> Result<(), String> {
    state.with(|s| s.clear_not_applicable(catalog_id, guideline_item_id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use mulu_core::model::{NewCatalog, NewUnit, UnitKind, WithholdGround};

    fn catalog(state: &AppState) -> i64 {
        state
            .with(|s| {
                let unit =
                    s.create_unit(&NewUnit::new("某某县某某镇人民政府", UnitKind::Township))?;
                s.create_catalog(&NewCatalog::new(unit.id, 2026))
            })
            .unwrap()
            .id
    }

    #[test]
    fn withheld_items_are_added_listed_updated_and_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(dir.path().join("mulu.db"));
        let cid = catalog(&state);
        let new = Withheld {
            id: 0,
            catalog_id: cid,
            domain: Some("社会救助".into()),
            name: " 救助对象家庭经济状况核对明细 ".into(),
            ground: None,
            detail: String::new(),
        };
        let w = add(&state, &new).unwrap();
        assert_eq!(w.name, "救助对象家庭经济状况核对明细");
        assert_eq!(list(&state, cid).unwrap(), vec![w.clone()]);

        let edited = Withheld {
            ground: Some(WithholdGround::Art15),
            detail: "涉及个人隐私。".into(),
            ..w.clone()
        };
        update(&state, &edited).unwrap();
        assert_eq!(list(&state, cid).unwrap(), vec![edited.clone()]);
        let blank = Withheld {
            name: "  ".into(),
            ..edited.clone()
        };
        assert_eq!(
            update(&state, &blank).unwrap_err(),
            "不予公开事项的名称不能为空。"
        );
        assert_eq!(list(&state, cid).unwrap(), vec![edited]);

        delete(&state, w.id).unwrap();
        assert!(list(&state, cid).unwrap().is_empty());
        let err = delete(&state, w.id).unwrap_err();
        assert!(err.contains("不予公开事项"), "{err}");
        let err = add(
            &state,
            &Withheld {
                name: " ".into(),
                ..new
            },
        )
        .unwrap_err();
        assert!(err.contains("名称不能为空"), "{err}");
    }

    #[test]
    fn not_applicable_records_are_set_listed_updated_and_cleared() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(dir.path().join("mulu.db"));
        let cid = catalog(&state);
        let mut na = NotApplicable {
            catalog_id: cid,
            guideline_item_id: "05.012".into(),
            reason: "本镇无临时救助审批权，由县民政局负责".into(),
        };
        set_na(&state, &na).unwrap();
        assert_eq!(list_na(&state, cid).unwrap(), vec![na.clone()]);

        na.reason = "由县民政局负责".into();
        set_na(&state, &na).unwrap();
        assert_eq!(list_na(&state, cid).unwrap(), vec![na.clone()]);
        let err = set_na(
            &state,
            &NotApplicable {
                reason: " ".into(),
                ..na.clone()
            },
        )
        .unwrap_err();
        assert!(err.contains("请写明不涉及的理由"), "{err}");
        assert_eq!(list_na(&state, cid).unwrap(), vec![na]);

        clear_na(&state, cid, "05.012").unwrap();
        assert!(list_na(&state, cid).unwrap().is_empty());
    }
}
