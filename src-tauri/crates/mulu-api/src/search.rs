//! 在全部目录里搜索（县里查“哪些单位的目录写了……”，培训时找一个事项在各单位的写法）：一次全文查询
//! （[`Store::search_all`]），按目录归组；每份目录带单位、年度、命中数与前几个命中事项的名称。
//!
//! ```
//! # fn main() -> mulu_api::Result<()> {
//! # let dir = tempfile::tempdir().unwrap();
//! let mut store = mulu_core::store::Store::open(&dir.path().join("mulu.db"))?;
//! # let unit = store.create_unit(&mulu_core::model::NewUnit::new("某某县某某镇人民政府", mulu_core::model::UnitKind::Township))?;
//! # let id = store.create_catalog(&mulu_core::model::NewCatalog::new(unit.id, 2026))?.id;
//! # store.adopt_domain(id, "社会救助", None)?;
//! let found = mulu_api::search::search_all(&store, "最低生活保障", 1000)?;
//! assert_eq!(found.catalogs[0].unit_name, "某某县某某镇人民政府");
//! assert!(found.catalogs[0].hits > 0);
//! # Ok(()) }
//! ```

use std::collections::HashMap;

use mulu_core::store::Store;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Result;

/// 每份目录列出的命中事项最多几个（其余只计数）。
pub const SHOWN_PER_CATALOG: usize = 5;

/// 一个命中的事项。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FoundItem {
    pub item_id: i64,
    pub domain: String,
    /// 一级事项 / 二级事项。
    pub name: String,
}

/// 一份有命中的目录。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FoundCatalog {
    pub catalog_id: i64,
    pub title: String,
    pub unit_name: String,
    pub year: i32,
    /// 这份目录里命中的事项数。
    #[ts(type = "number")]
    pub hits: usize,
    /// 前 [`SHOWN_PER_CATALOG`] 个命中的事项（按目录顺序）。
    pub items: Vec<FoundItem>,
}

/// 全部目录的搜索结果。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SearchAll {
    pub query: String,
    /// 有命中的目录，按目录编号。
    pub catalogs: Vec<FoundCatalog>,
    /// 命中的事项总数（到 `limit` 为止）。
    #[ts(type = "number")]
    pub items: usize,
    /// 命中超过 `limit` 条，后面的没有列出：请把搜索词写得更具体。
    pub truncated: bool,
}

/// 在全部目录里搜索 `query`（名称、内容、依据、主体、备注；空白时没有结果），最多 `limit` 条事项。
pub fn search_all(store: &Store, query: &str, limit: usize) -> Result<SearchAll> {
    let limit = limit.max(1);
    // One more than asked tells whether there were more.
    let groups = store.search_all(query, limit + 1)?;
    let mut left = limit;
    let mut truncated = false;
    let summaries: HashMap<i64, _> = store
        .list_catalogs()?
        .into_iter()
        .map(|s| (s.catalog.id, s))
        .collect();
    let mut catalogs = Vec::with_capacity(groups.len());
    let mut items = 0;
    for g in groups {
        if left == 0 {
            truncated = true;
            break;
        }
        let take = g.item_ids.len().min(left);
        truncated |= take < g.item_ids.len();
        left -= take;
        items += take;
        let Some(s) = summaries.get(&g.catalog_id) else {
            continue;
        };
        let shown = g.item_ids[..take]
            .iter()
            .take(SHOWN_PER_CATALOG)
            .map(|&id| {
                let it = store.get_item(id)?;
                let name = [it.fields.l1.trim(), it.fields.l2.trim()]
                    .into_iter()
                    .filter(|p| !p.is_empty())
                    .collect::<Vec<_>>()
                    .join(" / ");
                Ok(FoundItem {
                    item_id: id,
                    domain: it.fields.domain,
                    name,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        catalogs.push(FoundCatalog {
            catalog_id: g.catalog_id,
            title: s.catalog.title.clone(),
            unit_name: s.unit_name.clone(),
            year: s.catalog.year,
            hits: take,
            items: shown,
        });
    }
    Ok(SearchAll {
        query: mulu_core::text::tidy(query),
        catalogs,
        items,
        truncated,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use mulu_core::model::{NewCatalog, NewUnit, UnitKind};

    fn store_with(units: &[&str]) -> Store {
        let mut s = Store::open_in_memory().unwrap();
        for name in units {
            let u = s
                .create_unit(&NewUnit::new(*name, UnitKind::Township))
                .unwrap();
            let c = s.create_catalog(&NewCatalog::new(u.id, 2026)).unwrap();
            s.adopt_domain(c.id, "社会救助", None).unwrap();
        }
        s
    }

    #[test]
    fn groups_by_catalog_with_names_and_counts() {
        let s = store_with(&["甲镇人民政府", "乙镇人民政府"]);
        let r = search_all(&s, " 最低生活保障 ", 1000).unwrap();
        assert_eq!(r.query, "最低生活保障");
        assert_eq!(r.catalogs.len(), 2);
        assert!(!r.truncated);
        assert_eq!(r.items, r.catalogs.iter().map(|c| c.hits).sum::<usize>());
        let first = &r.catalogs[0];
        assert_eq!(first.unit_name, "甲镇人民政府");
        assert!(first.title.contains("2026"));
        assert!(first.items.len() <= SHOWN_PER_CATALOG && !first.items.is_empty());
        assert!(first
            .items
            .iter()
            .all(|i| i.domain == "社会救助" && !i.name.is_empty()));
        // Each listed item really is in that catalog.
        for c in &r.catalogs {
            for i in &c.items {
                assert_eq!(s.get_item(i.item_id).unwrap().catalog_id, c.catalog_id);
            }
        }
    }

    #[test]
    fn says_when_the_limit_cut_the_list_and_finds_nothing_for_blank_text() {
        let s = store_with(&["甲镇人民政府", "乙镇人民政府"]);
        // Two characters: matched as contained text (临时救助, 特困人员救助供养 …).
        let all = search_all(&s, "救助", 100_000).unwrap();
        assert!(all.items > 6, "{}", all.items);
        let cut = search_all(&s, "救助", 3).unwrap();
        assert!(cut.truncated);
        assert_eq!(cut.items, 3);
        assert_eq!(cut.catalogs.len(), 1);
        let exact = search_all(&s, "救助", all.items).unwrap();
        assert!(!exact.truncated);
        assert_eq!(exact.items, all.items);
        assert!(search_all(&s, "   ", 10).unwrap().catalogs.is_empty());
    }
}
