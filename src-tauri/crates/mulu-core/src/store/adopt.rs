//! 采用指引事项到目录，和把目录复制到新年度。两者都在一个事务里完成。

use rusqlite::params;

use super::catalogs::{ensure_domain, touch};
use super::error::on_unique;
use super::items::{insert, next_position};
use super::json::to_json;
use super::{Result, Store, StoreError};
use crate::guideline::AdoptOutcome;
use crate::model::{Catalog, Provenance};

impl Store {
    /// 把一个领域的指引事项采用到目录：`items` 为 `None` 时采用全部，否则只采用给定编号的事项。
    /// 已采用过的事项跳过（不重复）。返回新增的事项数，以及其中有字段被来源截断的事项编号
    /// （界面与命令行据此提醒一次：核对官方指引后补全）。
    pub fn adopt_domain(
        &mut self,
        catalog_id: i64,
        domain: &str,
        items: Option<&[String]>,
    ) -> Result<AdoptOutcome> {
        let mut all = self.adopt_domains(catalog_id, &[domain], items)?;
        Ok(all.pop().unwrap_or_default())
    }

    /// 把几个领域的指引事项一起采用到目录，**一个事务**：中途出错或被结束时一个领域也不采用。
    /// 每个领域一个结果（顺序同 `domains`）；`items` 同 [`adopt_domain`](Self::adopt_domain)。
    pub fn adopt_domains(
        &mut self,
        catalog_id: i64,
        domains: &[&str],
        items: Option<&[String]>,
    ) -> Result<Vec<AdoptOutcome>> {
        self.get_catalog(catalog_id)?;
        let mut guidelines = Vec::with_capacity(domains.len());
        for domain in domains {
            let g = self.guideline_domain(domain, None)?;
            if let Some(ids) = items {
                if let Some(missing) = ids.iter().find(|id| !g.items.iter().any(|i| &i.id == *id)) {
                    return Err(StoreError::Invalid(format!(
                        "“{}”领域的指引里没有编号为 {missing} 的事项，请刷新指引库后重新选择。",
                        g.name
                    )));
                }
            }
            guidelines.push(g);
        }
        let tx = super::write_tx(&mut self.conn)?;
        super::history::label(&self.history, "采用指引");
        touch(&tx, catalog_id)?;
        let adopted: Vec<String> = {
            let mut st = tx.prepare_cached(
                "SELECT guideline_item_id FROM items WHERE catalog_id = ?1 AND guideline_item_id IS NOT NULL",
            )?;
            let v = st
                .query_map([catalog_id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            v
        };
        let mut outcomes = Vec::with_capacity(guidelines.len());
        for g in &guidelines {
            ensure_domain(&tx, catalog_id, &g.name)?;
            let mut pos = next_position(&tx, catalog_id, &g.name)?;
            let mut outcome = AdoptOutcome {
                added: 0,
                truncated: Vec::new(),
            };
            for gi in &g.items {
                let wanted = items.is_none_or(|ids| ids.contains(&gi.id));
                if !wanted || adopted.contains(&gi.id) {
                    continue;
                }
                let provenance = Provenance::Guideline {
                    guideline_item_id: gi.id.clone(),
                    data_version: g.data_version.clone(),
                    modified: false,
                };
                insert(
                    &tx,
                    None,
                    catalog_id,
                    pos,
                    &gi.to_fields(&g.name),
                    &provenance,
                )?;
                pos += 1;
                outcome.added += 1;
                if !gi.truncated.is_empty() {
                    outcome.truncated.push(gi.id.clone());
                }
            }
            outcomes.push(outcome);
        }
        tx.commit()?;
        Ok(outcomes)
    }

    /// 把目录复制为同一单位的另一年度（年度动态调整的起点）：事项、来源、顺序、
    /// 不予公开事项、不涉及标记、门户栏目表与事项所在的栏目都复制，新目录为草稿。全部在一个事务里完成。
    pub fn copy_catalog_to_year(&mut self, catalog_id: i64, year: i32) -> Result<Catalog> {
        let src = self.get_catalog(catalog_id)?;
        let unit = self.get_unit(src.unit_id)?;
        if !(2000..=2100).contains(&year) {
            return Err(StoreError::Invalid(format!(
                "年度 {year} 不在 2000–2100 之间，请填写四位年份。"
            )));
        }
        let title = src.title.replace(&src.year.to_string(), &year.to_string());
        let tx = super::write_tx(&mut self.conn)?;
        super::history::label(&self.history, "复制到新年度");
        tx.execute(
            "INSERT INTO catalogs (unit_id, year, title, domains) VALUES (?1, ?2, ?3, ?4)",
            params![src.unit_id, year, title, to_json(&src.domains)?],
        )
        .map_err(|e| {
            on_unique(e, || {
                format!(
                    "“{}”{year} 年度的目录已存在，不能再复制一份到该年度。",
                    unit.name
                )
            })
        })?;
        let new_id = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO items (catalog_id, position, domain, l1, l2, content, elements, basis, time_limit,
                subject, channels, audience, audience_group, mode, level, notes,
                guideline_item_id, guideline_version, modified)
             SELECT ?2, position, domain, l1, l2, content, elements, basis, time_limit,
                subject, channels, audience, audience_group, mode, level, notes,
                guideline_item_id, guideline_version, modified
             FROM items WHERE catalog_id = ?1 ORDER BY id",
            params![catalog_id, new_id],
        )?;
        tx.execute(
            "INSERT INTO withheld (catalog_id, domain, name, ground, detail)
             SELECT ?2, domain, name, ground, detail FROM withheld WHERE catalog_id = ?1 ORDER BY id",
            params![catalog_id, new_id],
        )?;
        tx.execute(
            "INSERT INTO not_applicable (catalog_id, guideline_item_id, reason)
             SELECT ?2, guideline_item_id, reason FROM not_applicable WHERE catalog_id = ?1",
            params![catalog_id, new_id],
        )?;
        // The items were inserted in the order of their old ids, so the k-th old id became the k-th new id.
        let ids = |cid: i64| -> Result<Vec<i64>> {
            let mut st = tx.prepare("SELECT id FROM items WHERE catalog_id = ?1 ORDER BY id")?;
            let v = st
                .query_map([cid], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<i64>>>()?;
            Ok(v)
        };
        let item_ids = ids(catalog_id)?.into_iter().zip(ids(new_id)?).collect();
        super::portal::copy_columns(&tx, catalog_id, new_id, &item_ids)?;
        tx.commit()?;
        self.get_catalog(new_id)
    }
}
