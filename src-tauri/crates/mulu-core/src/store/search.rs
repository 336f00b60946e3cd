//! 在一份目录的事项里按中文子串搜索（FTS5 trigram；少于三个字时退回 LIKE）。

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

impl Store {
    /// 搜索目录中名称、内容、依据、主体或备注含有 `query` 的事项，最多 `limit` 条，按目录顺序。
    pub fn search_items(
        &self,
        catalog_id: i64,
        query: &str,
        limit: usize,
    ) -> Result<Vec<SearchHit>> {
        let q = crate::text::tidy(query);
        if q.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<i64> = if q.chars().count() >= 3 {
            // 作为一个短语查询：双引号内的引号要加倍。
            let phrase = format!("\"{}\"", q.replace('"', "\"\""));
            let mut st = self.conn.prepare_cached(
                "SELECT i.id FROM items_fts f JOIN items i ON i.id = f.rowid
                 WHERE items_fts MATCH ?2 AND i.catalog_id = ?1
                 ORDER BY i.domain, i.position LIMIT ?3",
            )?;
            let v = st
                .query_map(params![catalog_id, phrase, limit as i64], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            v
        } else {
            let like = format!(
                "%{}%",
                q.replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_")
            );
            let mut st = self.conn.prepare_cached(
                "SELECT id FROM items WHERE catalog_id = ?1 AND (
                    l1 LIKE ?2 ESCAPE '\\' OR l2 LIKE ?2 ESCAPE '\\' OR content LIKE ?2 ESCAPE '\\'
                    OR basis LIKE ?2 ESCAPE '\\' OR subject LIKE ?2 ESCAPE '\\' OR notes LIKE ?2 ESCAPE '\\')
                 ORDER BY domain, position LIMIT ?3",
            )?;
            let v = st
                .query_map(params![catalog_id, like, limit as i64], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            v
        };
        Ok(ids
            .into_iter()
            .map(|item_id| SearchHit { item_id })
            .collect())
    }
}
