//! 在一份目录（或全部目录）的事项里按中文子串搜索（FTS5 trigram；少于三个字时退回 LIKE）。

use rusqlite::params;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Result, Store};

/// 一条搜索结果：事项编号。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct SearchHit {
    pub item_id: i64,
}

/// 全部目录里的搜索结果：一份目录与它命中的事项（按目录顺序）。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct CatalogHits {
    pub catalog_id: i64,
    pub item_ids: Vec<i64>,
}

/// 查询词 → (FTS 短语或 LIKE 模式, 是否用 FTS)；空白时为 `None`。
fn pattern(query: &str) -> Option<(String, bool)> {
    let q = crate::text::tidy(query);
    if q.is_empty() {
        return None;
    }
    Some(if q.chars().count() >= 3 {
        // 作为一个短语查询：双引号内的引号要加倍。
        (format!("\"{}\"", q.replace('"', "\"\"")), true)
    } else {
        let like = format!(
            "%{}%",
            q.replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        (like, false)
    })
}

impl Store {
    /// 在全部目录里搜索（县里查“哪些单位的目录写了……”）：一次查询，按目录归组，目录按编号、
    /// 事项按目录顺序；总共最多 `limit` 条。逐份目录各查一次要把全库的匹配算 N 遍（300 份目录约 6 秒）。
    pub fn search_all(&self, query: &str, limit: usize) -> Result<Vec<CatalogHits>> {
        let Some((pat, fts)) = pattern(query) else {
            return Ok(Vec::new());
        };
        let sql = if fts {
            "SELECT i.catalog_id, i.id FROM items_fts f JOIN items i ON i.id = f.rowid
             WHERE items_fts MATCH ?1
             ORDER BY i.catalog_id, i.domain, i.position LIMIT ?2"
        } else {
            "SELECT catalog_id, id FROM items WHERE
                l1 LIKE ?1 ESCAPE '\\' OR l2 LIKE ?1 ESCAPE '\\' OR content LIKE ?1 ESCAPE '\\'
                OR basis LIKE ?1 ESCAPE '\\' OR subject LIKE ?1 ESCAPE '\\' OR notes LIKE ?1 ESCAPE '\\'
             ORDER BY catalog_id, domain, position LIMIT ?2"
        };
        let mut st = self.conn.prepare_cached(sql)?;
        let rows = st.query_map(params![pat, limit as i64], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
        })?;
        let mut out: Vec<CatalogHits> = Vec::new();
        for row in rows {
            let (catalog_id, item_id) = row?;
            match out.last_mut() {
                Some(last) if last.catalog_id == catalog_id => last.item_ids.push(item_id),
                _ => out.push(CatalogHits {
                    catalog_id,
                    item_ids: vec![item_id],
                }),
            }
        }
        Ok(out)
    }

    /// 搜索目录中名称、内容、依据、主体或备注含有 `query` 的事项，最多 `limit` 条，按目录顺序。
    pub fn search_items(
        &self,
        catalog_id: i64,
        query: &str,
        limit: usize,
    ) -> Result<Vec<SearchHit>> {
        let Some((pat, fts)) = pattern(query) else {
            return Ok(Vec::new());
        };
        let sql = if fts {
            "SELECT i.id FROM items_fts f JOIN items i ON i.id = f.rowid
             WHERE items_fts MATCH ?2 AND i.catalog_id = ?1
             ORDER BY i.domain, i.position LIMIT ?3"
        } else {
            "SELECT id FROM items WHERE catalog_id = ?1 AND (
                l1 LIKE ?2 ESCAPE '\\' OR l2 LIKE ?2 ESCAPE '\\' OR content LIKE ?2 ESCAPE '\\'
                OR basis LIKE ?2 ESCAPE '\\' OR subject LIKE ?2 ESCAPE '\\' OR notes LIKE ?2 ESCAPE '\\')
             ORDER BY domain, position LIMIT ?3"
        };
        let mut st = self.conn.prepare_cached(sql)?;
        let ids: Vec<i64> = st
            .query_map(params![catalog_id, pat, limit as i64], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ids
            .into_iter()
            .map(|item_id| SearchHit { item_id })
            .collect())
    }
}
