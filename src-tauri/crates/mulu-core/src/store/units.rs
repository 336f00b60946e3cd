//! 单位的增删改查。

use rusqlite::{params, OptionalExtension, Row};

use super::error::on_unique;
use super::json::{from_json, to_json};
use super::{Result, Store, StoreError};
use crate::model::{NewUnit, Unit, UnitKind};

const COLUMNS: &str = "id, name, kind, region";

/// 一行单位（按列名取）；类别与地区在 [`build`] 里解析。
fn raw(r: &Row) -> rusqlite::Result<(i64, String, String, String)> {
    Ok((
        r.get("id")?,
        r.get("name")?,
        r.get("kind")?,
        r.get("region")?,
    ))
}

fn build((id, name, kind, region): (i64, String, String, String)) -> Result<Unit> {
    let kind = UnitKind::from_name(&kind)
        .ok_or_else(|| StoreError::Invalid(format!("单位 {id} 的类别“{kind}”无法识别")))?;
    Ok(Unit {
        id,
        name,
        kind,
        region: from_json(&region)?,
    })
}

fn check_name(name: &str) -> Result<String> {
    let name = crate::text::tidy(name);
    if name.is_empty() {
        return Err(StoreError::Invalid(
            "单位名称不能为空，请填写单位全称。".into(),
        ));
    }
    Ok(name)
}

impl Store {
    /// 新建单位。同名单位已存在时报错。
    pub fn create_unit(&mut self, unit: &NewUnit) -> Result<Unit> {
        let name = check_name(&unit.name)?;
        let tx = super::write_tx(&mut self.conn)?;
        tx.execute(
            "INSERT INTO units (name, kind, region) VALUES (?1, ?2, ?3)",
            params![name, unit.kind.as_str(), to_json(&unit.region)?],
        )
        .map_err(|e| {
            on_unique(e, || {
                format!("单位“{name}”已存在，请直接打开它，或换一个名称。")
            })
        })?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        self.get_unit(id)
    }

    pub fn get_unit(&self, id: i64) -> Result<Unit> {
        let raw = self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM units WHERE id = ?1"),
                [id],
                raw,
            )
            .optional()?
            .ok_or_else(|| StoreError::not_found("单位", id))?;
        build(raw)
    }

    /// 按名称找单位（精确匹配，忽略首尾空白）。
    pub fn find_unit(&self, name: &str) -> Result<Option<Unit>> {
        let name = crate::text::tidy(name);
        let raw = self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM units WHERE name = ?1"),
                [name],
                raw,
            )
            .optional()?;
        raw.map(build).transpose()
    }

    pub fn list_units(&self) -> Result<Vec<Unit>> {
        let mut st = self
            .conn
            .prepare(&format!("SELECT {COLUMNS} FROM units ORDER BY name"))?;
        let rows = st
            .query_map([], raw)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter().map(build).collect()
    }

    pub fn update_unit(&mut self, unit: &Unit) -> Result<Unit> {
        let name = check_name(&unit.name)?;
        let tx = super::write_tx(&mut self.conn)?;
        let n = tx
            .execute(
                "UPDATE units SET name = ?2, kind = ?3, region = ?4 WHERE id = ?1",
                params![unit.id, name, unit.kind.as_str(), to_json(&unit.region)?],
            )
            .map_err(|e| on_unique(e, || format!("单位“{name}”已存在，请换一个名称。")))?;
        if n == 0 {
            return Err(StoreError::not_found("单位", unit.id));
        }
        tx.commit()?;
        self.get_unit(unit.id)
    }

    /// 删除单位。单位下还有目录时拒绝删除，以免误删目录。
    pub fn delete_unit(&mut self, id: i64) -> Result<()> {
        let tx = super::write_tx(&mut self.conn)?;
        let catalogs: i64 = tx.query_row(
            "SELECT count(*) FROM catalogs WHERE unit_id = ?1",
            [id],
            |r| r.get(0),
        )?;
        if catalogs > 0 {
            return Err(StoreError::Conflict(format!(
                "该单位下还有 {catalogs} 份目录，请先删除这些目录再删除单位。"
            )));
        }
        if tx.execute("DELETE FROM units WHERE id = ?1", [id])? == 0 {
            return Err(StoreError::not_found("单位", id));
        }
        tx.commit()?;
        Ok(())
    }
}
