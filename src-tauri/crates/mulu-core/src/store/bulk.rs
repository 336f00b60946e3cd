//! 整份目录一次写入（JSON 导入、往返导入）：一个事务，要么全部写入，要么什么都不变。

use rusqlite::{params, OptionalExtension};

use super::error::on_unique;
use super::items::insert;
use super::json::to_json;
use super::{Result, Store};
use crate::model::{Catalog, CatalogExport};

impl Store {
    /// 把一份完整目录写成新目录：单位按名称找，找不到就新建；事项保留来源、顺序与内容，
    /// 编号在本库中未被占用时也保留（导入到空库即与原库完全一致）。
    /// 同一单位同一年度已有目录时报错，不改动任何数据。
    pub fn insert_catalog(&mut self, export: &CatalogExport) -> Result<Catalog> {
        let tx = super::write_tx(&mut self.conn)?;
        super::history::label(&self.history, "导入新目录");
        let unit_name = crate::text::tidy(&export.unit.name);
        let unit_id: Option<i64> = tx
            .query_row("SELECT id FROM units WHERE name = ?1", [&unit_name], |r| {
                r.get(0)
            })
            .optional()?;
        let unit_id = match unit_id {
            Some(id) => id,
            None => {
                let free: Option<i64> = tx
                    .query_row(
                        "SELECT id FROM units WHERE id = ?1",
                        [export.unit.id],
                        |r| r.get(0),
                    )
                    .optional()?;
                let id = if free.is_none() && export.unit.id > 0 {
                    Some(export.unit.id)
                } else {
                    None
                };
                tx.execute(
                    "INSERT INTO units (id, name, kind, region) VALUES (?1, ?2, ?3, ?4)",
                    params![
                        id,
                        unit_name,
                        export.unit.kind.as_str(),
                        to_json(&export.unit.region)?
                    ],
                )
                .map_err(|e| on_unique(e, || format!("单位“{unit_name}”已存在。")))?;
                tx.last_insert_rowid()
            }
        };
        let c = &export.catalog;
        let taken: Option<i64> = tx
            .query_row("SELECT id FROM catalogs WHERE id = ?1", [c.id], |r| {
                r.get(0)
            })
            .optional()?;
        let cid = if taken.is_none() && c.id > 0 {
            Some(c.id)
        } else {
            None
        };
        tx.execute(
            "INSERT INTO catalogs (id, unit_id, year, title, status, domains, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![cid, unit_id, c.year, c.title, c.status.as_str(), to_json(&c.domains)?, c.created_at, c.updated_at],
        )
        .map_err(|e| {
            on_unique(e, || format!("“{unit_name}”{} 年度的目录已存在，请先删除它或导入到其他年度。", c.year))
        })?;
        let catalog_id = tx.last_insert_rowid();
        for it in &export.items {
            let free: Option<i64> = tx
                .query_row("SELECT id FROM items WHERE id = ?1", [it.id], |r| r.get(0))
                .optional()?;
            let id = if free.is_none() && it.id > 0 {
                Some(it.id)
            } else {
                None
            };
            insert(&tx, id, catalog_id, it.position, &it.fields, &it.provenance)?;
        }
        for w in &export.withheld {
            tx.execute(
                "INSERT INTO withheld (catalog_id, domain, name, ground, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![catalog_id, w.domain, w.name, w.ground.map(|g| g.as_str()), w.detail],
            )?;
        }
        for na in &export.not_applicable {
            tx.execute(
                "INSERT INTO not_applicable (catalog_id, guideline_item_id, reason) VALUES (?1, ?2, ?3)",
                params![catalog_id, na.guideline_item_id, na.reason],
            )?;
        }
        // insert() 会按事项补全领域列表；时间戳按原值保留。
        tx.execute(
            "UPDATE catalogs SET updated_at = ?2 WHERE id = ?1",
            params![catalog_id, c.updated_at],
        )?;
        tx.commit()?;
        self.get_catalog(catalog_id)
    }
}
