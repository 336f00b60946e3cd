//! 修改历史：按目录、按事项查看，整批撤销一次操作（例如一次导入），恢复删除的条目。
//! 桌面程序的“修改历史”对话框与 `mulu history` 共用。

use mulu_core::store::{ChangeSet, Store, UndoOutcome};

use crate::Result;

/// 按目录查看时默认列出的批次数。
pub const DEFAULT_LIMIT: usize = 200;

/// 一份目录最近的 `limit` 批改动（新的在前）。目录不存在时报“找不到目录”。
pub fn catalog(store: &Store, catalog_id: i64, limit: usize) -> Result<Vec<ChangeSet>> {
    store.get_catalog(catalog_id)?;
    Ok(store.catalog_history(catalog_id, limit.max(1))?)
}

/// 一个事项的全部历史（新的在前；事项已删除也可以看）。
pub fn item(store: &Store, item_id: i64) -> Result<Vec<ChangeSet>> {
    Ok(store.item_history(item_id)?)
}

/// 整批撤销第 `change_set` 批改动；之后又改过其中的条目时拒绝（什么都不改）。
pub fn undo(store: &mut Store, change_set: i64) -> Result<UndoOutcome> {
    Ok(store.undo_change_set(change_set)?)
}

/// 放回一条删除的条目（`history_id`：历史里那条“删除”记录的编号）。
pub fn restore(store: &mut Store, history_id: i64) -> Result<UndoOutcome> {
    Ok(store.restore_deleted(history_id)?)
}
