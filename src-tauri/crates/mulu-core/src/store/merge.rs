//! 把导入的事项合并进已有目录：新增的放到所属领域末尾，已有的按新内容更新。
//! 整个合并在一个事务里完成，任何一步出错都不改动数据。

use rusqlite::params;

use super::catalogs::touch;
use super::items::{check_fields, insert, next_position};
use super::json::to_json;
use super::{Result, Store};
use crate::model::{ItemFields, Provenance};

/// 一次导入要写入的改动（由导入器比对后得出）。
#[derive(Debug, Clone, Default)]
pub struct ImportChanges {
    /// 新增的事项与其来源（与指引匹配上的带指引来源）。
    pub add: Vec<(ItemFields, Provenance)>,
    /// 已有事项的新内容；按导入的内容覆盖，采用自指引的事项标记为已改动。
    pub update: Vec<(i64, ItemFields)>,
}

impl Store {
    /// 在一个事务里写入导入的改动，返回 (新增数, 更新数)。
    pub fn apply_import(
        &mut self,
        catalog_id: i64,
        changes: &ImportChanges,
    ) -> Result<(usize, usize)> {
        for (f, _) in &changes.add {
            check_fields(f)?;
        }
        for (_, f) in &changes.update {
            check_fields(f)?;
        }
        let tx = self.conn.transaction()?;
        touch(&tx, catalog_id)?;
        for (fields, provenance) in &changes.add {
            let pos = next_position(&tx, catalog_id, &fields.domain)?;
            insert(&tx, None, catalog_id, pos, fields, provenance)?;
        }
        for (id, fields) in &changes.update {
            let n = tx.execute(
                "UPDATE items SET l1 = ?3, l2 = ?4, content = ?5, elements = ?6, basis = ?7, time_limit = ?8,
                    subject = ?9, channels = ?10, audience = ?11, audience_group = ?12, mode = ?13, level = ?14,
                    notes = ?15, modified = (guideline_item_id IS NOT NULL)
                 WHERE id = ?1 AND catalog_id = ?2",
                params![
                    id,
                    catalog_id,
                    fields.l1,
                    fields.l2,
                    fields.content,
                    to_json(&fields.elements)?,
                    to_json(&fields.basis)?,
                    fields.time_limit,
                    fields.subject,
                    to_json(&fields.channels)?,
                    to_json(&fields.audience)?,
                    fields.audience_group,
                    to_json(&fields.mode)?,
                    to_json(&fields.level)?,
                    fields.notes,
                ],
            )?;
            if n == 0 {
                return Err(super::StoreError::not_found("事项", *id));
            }
        }
        tx.commit()?;
        Ok((changes.add.len(), changes.update.len()))
    }
}
