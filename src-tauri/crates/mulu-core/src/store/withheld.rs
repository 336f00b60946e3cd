//! 不予公开事项（负面清单）与“本单位不涉及”标记。

use rusqlite::{params, Row};

use super::catalogs::touch;
use super::{Result, Store, StoreError};
use crate::model::{NotApplicable, Withheld, WithholdGround};

impl Store {
    /// 新增一条不予公开事项；`withheld.id` 被忽略，返回带编号的记录。
    pub fn add_withheld(&mut self, w: &Withheld) -> Result<Withheld> {
        let name = crate::text::tidy(&w.name);
        if name.is_empty() {
            return Err(StoreError::Invalid("不予公开事项的名称不能为空。".into()));
        }
        let tx = super::write_tx(&mut self.conn)?;
        super::history::label(&self.history, "新增不予公开事项");
        touch(&tx, w.catalog_id)?;
        tx.execute(
            "INSERT INTO withheld (catalog_id, domain, name, ground, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![w.catalog_id, w.domain, name, w.ground.map(|g| g.as_str()), w.detail],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(Withheld {
            id,
            name,
            ..w.clone()
        })
    }

    pub fn update_withheld(&mut self, w: &Withheld) -> Result<()> {
        let tx = super::write_tx(&mut self.conn)?;
        super::history::label(&self.history, "修改不予公开事项");
        touch(&tx, w.catalog_id)?;
        let n = tx.execute(
            "UPDATE withheld SET domain = ?2, name = ?3, ground = ?4, detail = ?5 WHERE id = ?1",
            params![
                w.id,
                w.domain,
                crate::text::tidy(&w.name),
                w.ground.map(|g| g.as_str()),
                w.detail
            ],
        )?;
        if n == 0 {
            return Err(StoreError::not_found("不予公开事项", w.id));
        }
        tx.commit()?;
        Ok(())
    }

    pub fn delete_withheld(&mut self, id: i64) -> Result<()> {
        let tx = super::write_tx(&mut self.conn)?;
        super::history::label(&self.history, "删除不予公开事项");
        if tx.execute("DELETE FROM withheld WHERE id = ?1", [id])? == 0 {
            return Err(StoreError::not_found("不予公开事项", id));
        }
        tx.commit()?;
        Ok(())
    }

    pub fn list_withheld(&self, catalog_id: i64) -> Result<Vec<Withheld>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, catalog_id, domain, name, ground, detail FROM withheld WHERE catalog_id = ?1 ORDER BY id",
        )?;
        let rows = st
            .query_map([catalog_id], withheld)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// 标记一条指引事项“本单位不涉及”（理由必填）；已标记的更新理由。
    pub fn set_not_applicable(&mut self, na: &NotApplicable) -> Result<()> {
        let reason = crate::text::tidy(&na.reason);
        if reason.is_empty() {
            return Err(StoreError::Invalid(
                "请写明不涉及的理由，例如“本镇无此项职能”。".into(),
            ));
        }
        let tx = super::write_tx(&mut self.conn)?;
        super::history::label(&self.history, "标记不涉及");
        touch(&tx, na.catalog_id)?;
        tx.execute(
            "INSERT INTO not_applicable (catalog_id, guideline_item_id, reason) VALUES (?1, ?2, ?3)
             ON CONFLICT(catalog_id, guideline_item_id) DO UPDATE SET reason = excluded.reason",
            params![na.catalog_id, na.guideline_item_id, reason],
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn clear_not_applicable(&mut self, catalog_id: i64, guideline_item_id: &str) -> Result<()> {
        let tx = super::write_tx(&mut self.conn)?;
        super::history::label(&self.history, "取消不涉及");
        tx.execute(
            "DELETE FROM not_applicable WHERE catalog_id = ?1 AND guideline_item_id = ?2",
            params![catalog_id, guideline_item_id],
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn list_not_applicable(&self, catalog_id: i64) -> Result<Vec<NotApplicable>> {
        let mut st = self.conn.prepare_cached(
            "SELECT catalog_id, guideline_item_id, reason FROM not_applicable WHERE catalog_id = ?1
             ORDER BY guideline_item_id",
        )?;
        let rows = st
            .query_map([catalog_id], not_applicable)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}

/// 一行不予公开事项（按列名取）。
fn withheld(r: &Row) -> rusqlite::Result<Withheld> {
    Ok(Withheld {
        id: r.get("id")?,
        catalog_id: r.get("catalog_id")?,
        domain: r.get("domain")?,
        name: r.get("name")?,
        ground: r
            .get::<_, Option<String>>("ground")?
            .and_then(|g| WithholdGround::from_name(&g)),
        detail: r.get("detail")?,
    })
}

/// 一行“本单位不涉及”（按列名取）。
fn not_applicable(r: &Row) -> rusqlite::Result<NotApplicable> {
    Ok(NotApplicable {
        catalog_id: r.get("catalog_id")?,
        guideline_item_id: r.get("guideline_item_id")?,
        reason: r.get("reason")?,
    })
}
