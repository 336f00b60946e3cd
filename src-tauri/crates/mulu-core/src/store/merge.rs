//! 把导入的事项合并进已有目录：新增的放到所属领域末尾，已有的按新内容更新。
//! 整个合并在一个事务里完成，任何一步出错都不改动数据。

use rusqlite::{params, OptionalExtension};

use super::catalogs::touch;
use super::items::{check_fields, insert, next_position, write_fields};
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
    /// 先存一份“导入前”备份，再在一个事务里写入导入的改动，返回 (新增数, 更新数)。
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
        // 合并进已有目录前先备份整个数据库：导入写错了也能整体退回。
        self.backup(super::BackupKind::BeforeImport)?;
        let tx = super::write_tx(&mut self.conn)?;
        super::history::label(&self.history, "导入");
        touch(&tx, catalog_id)?;
        for (fields, provenance) in &changes.add {
            let pos = next_position(&tx, catalog_id, &fields.domain)?;
            insert(&tx, None, catalog_id, pos, fields, provenance)?;
        }
        for (id, fields) in &changes.update {
            // 采用自指引的事项按导入内容改写后即为“已改动”；只改本目录里的事项。
            let from_guideline: Option<bool> = tx
                .query_row(
                    "SELECT guideline_item_id IS NOT NULL FROM items WHERE id = ?1 AND catalog_id = ?2",
                    params![id, catalog_id],
                    |r| r.get(0),
                )
                .optional()?;
            let Some(from_guideline) = from_guideline else {
                return Err(super::StoreError::not_found("事项", *id));
            };
            write_fields(&tx, *id, fields, from_guideline)?;
        }
        tx.commit()?;
        Ok((changes.add.len(), changes.update.len()))
    }
}
