//! 目录的增删改查与整份目录的读取。

use rusqlite::{params, OptionalExtension, Row, Transaction};

use super::error::on_unique;
use super::json::{from_json, to_json};
use super::{Result, Store, StoreError};
use crate::model::{Catalog, CatalogExport, CatalogStatus, CatalogSummary, NewCatalog};

/// `CatalogExport::format_version` 的当前值。
pub const CATALOG_FORMAT_VERSION: u32 = 1;

const COLUMNS: &str =
    "c.id, c.unit_id, c.year, c.title, c.status, c.domains, c.created_at, c.updated_at";

type RawCatalog = (i64, i64, i32, String, String, String, String, String);

/// 一行目录（按列名取）；状态与领域列表在 [`build`] 里解析。
fn raw(r: &Row) -> rusqlite::Result<RawCatalog> {
    Ok((
        r.get("id")?,
        r.get("unit_id")?,
        r.get("year")?,
        r.get("title")?,
        r.get("status")?,
        r.get("domains")?,
        r.get("created_at")?,
        r.get("updated_at")?,
    ))
}

fn build(r: RawCatalog) -> Result<Catalog> {
    let (id, unit_id, year, title, status, domains, created_at, updated_at) = r;
    let status = CatalogStatus::from_name(&status)
        .ok_or_else(|| StoreError::Invalid(format!("目录 {id} 的状态“{status}”无法识别")))?;
    Ok(Catalog {
        id,
        unit_id,
        year,
        title,
        status,
        domains: from_json(&domains)?,
        created_at,
        updated_at,
    })
}

fn check_year(year: i32) -> Result<()> {
    if !(2000..=2100).contains(&year) {
        return Err(StoreError::Invalid(format!(
            "年度 {year} 不在 2000–2100 之间，请填写四位年份，例如 2026。"
        )));
    }
    Ok(())
}

/// 标记目录已修改（写操作在同一事务里调用）。
pub(crate) fn touch(tx: &Transaction, catalog_id: i64) -> Result<()> {
    let n = tx.execute(
        "UPDATE catalogs SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
        [catalog_id],
    )?;
    if n == 0 {
        return Err(StoreError::not_found("目录", catalog_id));
    }
    Ok(())
}

/// 确保目录的领域列表含有 `domain`（追加在末尾）。
pub(crate) fn ensure_domain(tx: &Transaction, catalog_id: i64, domain: &str) -> Result<()> {
    let domains: Option<String> = tx
        .query_row(
            "SELECT domains FROM catalogs WHERE id = ?1",
            [catalog_id],
            |r| r.get(0),
        )
        .optional()?;
    let mut list: Vec<String> =
        from_json(&domains.ok_or_else(|| StoreError::not_found("目录", catalog_id))?)?;
    if !list.iter().any(|d| d == domain) {
        list.push(domain.to_string());
        tx.execute(
            "UPDATE catalogs SET domains = ?2 WHERE id = ?1",
            params![catalog_id, to_json(&list)?],
        )?;
    }
    Ok(())
}

impl Store {
    /// 新建一份空目录（状态为草稿）。同一单位同一年度只能有一份。
    pub fn create_catalog(&mut self, new: &NewCatalog) -> Result<Catalog> {
        check_year(new.year)?;
        let unit = self.get_unit(new.unit_id)?;
        let title = match new.title.as_deref().map(crate::text::tidy) {
            Some(t) if !t.is_empty() => t,
            _ => format!("{}{}年政务公开事项标准目录", unit.name, new.year),
        };
        let tx = super::write_tx(&mut self.conn)?;
        tx.execute(
            "INSERT INTO catalogs (unit_id, year, title) VALUES (?1, ?2, ?3)",
            params![new.unit_id, new.year, title],
        )
        .map_err(|e| {
            on_unique(e, || {
                format!(
                    "“{}”{} 年度的目录已存在，请打开它，或选择其他年度。",
                    unit.name, new.year
                )
            })
        })?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        self.get_catalog(id)
    }

    pub fn get_catalog(&self, id: i64) -> Result<Catalog> {
        let raw = self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM catalogs c WHERE c.id = ?1"),
                [id],
                raw,
            )
            .optional()?
            .ok_or_else(|| StoreError::not_found("目录", id))?;
        build(raw)
    }

    /// 全部目录，附单位名称与事项数；按单位名称、年度（新的在前）排列。
    pub fn list_catalogs(&self) -> Result<Vec<CatalogSummary>> {
        let mut st = self.conn.prepare(&format!(
            "SELECT {COLUMNS}, u.name AS unit_name,
                (SELECT count(*) FROM items i WHERE i.catalog_id = c.id) AS item_count
             FROM catalogs c JOIN units u ON u.id = c.unit_id
             ORDER BY u.name, c.year DESC"
        ))?;
        let rows = st
            .query_map([], |r| {
                Ok((
                    raw(r)?,
                    r.get::<_, String>("unit_name")?,
                    r.get::<_, i64>("item_count")?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|(c, unit_name, item_count)| {
                Ok(CatalogSummary {
                    catalog: build(c)?,
                    unit_name,
                    item_count,
                })
            })
            .collect()
    }

    /// 修改标题、状态与领域列表。
    pub fn update_catalog(&mut self, catalog: &Catalog) -> Result<Catalog> {
        let title = crate::text::tidy(&catalog.title);
        if title.is_empty() {
            return Err(StoreError::Invalid("目录标题不能为空。".into()));
        }
        let tx = super::write_tx(&mut self.conn)?;
        let n = tx.execute(
            "UPDATE catalogs SET title = ?2, status = ?3, domains = ?4,
                updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
            params![
                catalog.id,
                title,
                catalog.status.as_str(),
                to_json(&catalog.domains)?
            ],
        )?;
        if n == 0 {
            return Err(StoreError::not_found("目录", catalog.id));
        }
        tx.commit()?;
        self.get_catalog(catalog.id)
    }

    pub fn set_catalog_status(&mut self, id: i64, status: CatalogStatus) -> Result<Catalog> {
        let mut c = self.get_catalog(id)?;
        c.status = status;
        self.update_catalog(&c)
    }

    /// 删除目录及其全部事项。
    pub fn delete_catalog(&mut self, id: i64) -> Result<()> {
        let tx = super::write_tx(&mut self.conn)?;
        super::history::label(&self.history, "删除目录");
        if tx.execute("DELETE FROM catalogs WHERE id = ?1", [id])? == 0 {
            return Err(StoreError::not_found("目录", id));
        }
        tx.commit()?;
        Ok(())
    }

    /// 整份目录（单位、目录、事项、不予公开事项、不涉及标记），即 `catalog.schema.json` 的形状。
    pub fn export_catalog(&self, id: i64) -> Result<CatalogExport> {
        let catalog = self.get_catalog(id)?;
        Ok(CatalogExport {
            format_version: CATALOG_FORMAT_VERSION,
            unit: self.get_unit(catalog.unit_id)?,
            items: self.list_items(id)?,
            withheld: self.list_withheld(id)?,
            not_applicable: self.list_not_applicable(id)?,
            catalog,
        })
    }
}
