//! 门户栏目与事项—栏目的对应（迁移 0004_portal_columns）。

use rusqlite::{params, OptionalExtension, Row, Transaction};

use super::catalogs::touch;
use super::error::on_unique;
use super::{Result, Store, StoreError};
use crate::model::{
    generate_column_paths, normalize_column_path, ColumnTree, ColumnsGenerated, ItemColumnLink,
    PortalColumn,
};

impl Store {
    /// 目录的全部栏目（按顺序）与事项的对应。
    pub fn column_tree(&self, catalog_id: i64) -> Result<ColumnTree> {
        self.get_catalog(catalog_id)?;
        let mut st = self.conn.prepare_cached(
            "SELECT id, catalog_id, path, url, position FROM portal_columns
             WHERE catalog_id = ?1 ORDER BY position, id",
        )?;
        let columns = st
            .query_map([catalog_id], column)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut st = self.conn.prepare_cached(
            "SELECT l.item_id, l.column_id FROM item_columns l
             JOIN portal_columns c ON c.id = l.column_id
             WHERE c.catalog_id = ?1 ORDER BY l.item_id",
        )?;
        let links = st
            .query_map([catalog_id], |r| {
                Ok(ItemColumnLink {
                    item_id: r.get(0)?,
                    column_id: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(ColumnTree {
            catalog_id,
            columns,
            links,
        })
    }

    /// 按目录的领域与一级事项生成专栏的常见版式（[`generate_column_paths`]）：只新增还没有的栏目，
    /// 只为还没有栏目的事项对应栏目；已有的栏目、网址与对应（含用户改过的）不变，可反复运行。
    pub fn generate_columns(&mut self, catalog_id: i64, root: &str) -> Result<ColumnsGenerated> {
        let catalog = self.get_catalog(catalog_id)?;
        let items = self.list_items(catalog_id)?;
        let (paths, links) = generate_column_paths(root, &catalog.domains, &items);
        let tx = super::write_tx(&mut self.conn)?;
        touch(&tx, catalog_id)?;
        let mut out = ColumnsGenerated::default();
        for p in &paths {
            if column_id(&tx, catalog_id, p)?.is_none() {
                insert_column(&tx, catalog_id, p, "")?;
                out.columns_added += 1;
            }
        }
        for (item_id, p) in &links {
            let linked: Option<i64> = tx
                .query_row(
                    "SELECT column_id FROM item_columns WHERE item_id = ?1",
                    [item_id],
                    |r| r.get(0),
                )
                .optional()?;
            if linked.is_some() {
                continue;
            }
            if let Some(cid) = column_id(&tx, catalog_id, p)? {
                tx.execute(
                    "INSERT INTO item_columns (item_id, column_id) VALUES (?1, ?2)",
                    params![item_id, cid],
                )?;
                out.items_linked += 1;
            }
        }
        tx.commit()?;
        Ok(out)
    }

    /// 新增一个栏目（放在栏目表末尾）。路径按 [`normalize_column_path`] 规范；同一目录里路径不能重复。
    pub fn add_column(&mut self, catalog_id: i64, path: &str, url: &str) -> Result<PortalColumn> {
        let path = checked_path(path)?;
        let tx = super::write_tx(&mut self.conn)?;
        touch(&tx, catalog_id)?;
        let id = insert_column(&tx, catalog_id, &path, url.trim())?;
        tx.commit()?;
        self.get_column(id)
    }

    /// 改栏目的路径与网址。路径变了时，下级栏目的路径跟着改（`旧/…` → `新/…`），同在一个事务里；
    /// 任何一个新路径与已有栏目重复时整个修改不做。
    pub fn update_column(&mut self, id: i64, path: &str, url: &str) -> Result<PortalColumn> {
        let path = checked_path(path)?;
        let old = self.get_column(id)?;
        let tx = super::write_tx(&mut self.conn)?;
        touch(&tx, old.catalog_id)?;
        if path != old.path {
            if path.starts_with(&format!("{}/", old.path)) {
                return Err(StoreError::Invalid(format!(
                    "不能把栏目“{}”移到它自己的下级“{path}”下面。请另选上级栏目。",
                    old.path
                )));
            }
            for (cid, cpath) in descendants(&tx, old.catalog_id, &old.path)? {
                let moved = format!("{path}{}", &cpath[old.path.len()..]);
                tx.execute(
                    "UPDATE portal_columns SET path = ?2 WHERE id = ?1",
                    params![cid, moved],
                )
                .map_err(|e| on_unique(e, || duplicate(&moved)))?;
            }
        }
        tx.execute(
            "UPDATE portal_columns SET path = ?2, url = ?3 WHERE id = ?1",
            params![id, path, url.trim()],
        )
        .map_err(|e| on_unique(e, || duplicate(&path)))?;
        tx.commit()?;
        self.get_column(id)
    }

    /// 删除一个栏目连同它的下级栏目；对应到它们的事项变为“没有栏目”。返回删去的栏目数。
    pub fn delete_column(&mut self, id: i64) -> Result<usize> {
        let old = self.get_column(id)?;
        let tx = super::write_tx(&mut self.conn)?;
        touch(&tx, old.catalog_id)?;
        let mut n = 0;
        for (cid, _) in descendants(&tx, old.catalog_id, &old.path)? {
            n += tx.execute("DELETE FROM portal_columns WHERE id = ?1", [cid])?;
        }
        n += tx.execute("DELETE FROM portal_columns WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(n)
    }

    pub fn get_column(&self, id: i64) -> Result<PortalColumn> {
        self.conn
            .query_row(
                "SELECT id, catalog_id, path, url, position FROM portal_columns WHERE id = ?1",
                [id],
                column,
            )
            .optional()?
            .ok_or_else(|| StoreError::not_found("门户栏目", id))
    }

    /// 把事项对应到一个栏目（`None`：取消对应）。栏目须属于事项所在的目录。
    pub fn link_item_column(&mut self, item_id: i64, column_id: Option<i64>) -> Result<()> {
        let item = self.get_item(item_id)?;
        if let Some(cid) = column_id {
            let col = self.get_column(cid)?;
            if col.catalog_id != item.catalog_id {
                return Err(StoreError::Invalid(format!(
                    "栏目“{}”不属于事项“{}”所在的目录，没有对应。请从本目录的栏目表中选择。",
                    col.path, item.fields.l1
                )));
            }
        }
        let tx = super::write_tx(&mut self.conn)?;
        touch(&tx, item.catalog_id)?;
        match column_id {
            Some(cid) => tx.execute(
                "INSERT INTO item_columns (item_id, column_id) VALUES (?1, ?2)
                 ON CONFLICT(item_id) DO UPDATE SET column_id = excluded.column_id",
                params![item_id, cid],
            )?,
            None => tx.execute("DELETE FROM item_columns WHERE item_id = ?1", [item_id])?,
        };
        tx.commit()?;
        Ok(())
    }
}

fn duplicate(path: &str) -> String {
    format!("本目录已有栏目“{path}”，栏目路径不能重复。请改用另一个名称，或直接编辑已有的栏目。")
}

fn checked_path(path: &str) -> Result<String> {
    let p = normalize_column_path(path);
    if p.is_empty() {
        return Err(StoreError::Invalid(
            "栏目路径不能为空，请写出各级栏目名称，用“/”分隔，例如 政府信息公开/法定主动公开内容/社会救助。"
                .into(),
        ));
    }
    Ok(p)
}

/// 一个栏目的全部下级栏目（路径以 `path/` 开头），编号与路径。
fn descendants(tx: &Transaction, catalog_id: i64, path: &str) -> Result<Vec<(i64, String)>> {
    let prefix = format!("{path}/");
    let mut st = tx.prepare(
        "SELECT id, path FROM portal_columns WHERE catalog_id = ?1 AND substr(path, 1, length(?2)) = ?2
         ORDER BY position, id",
    )?;
    let rows = st
        .query_map(params![catalog_id, prefix], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// 把一份目录的栏目表与事项的对应复制到另一份目录（复制到新年度用）。`item_ids` 是旧事项编号 → 新事项编号。
pub(super) fn copy_columns(
    tx: &Transaction,
    from: i64,
    to: i64,
    item_ids: &std::collections::HashMap<i64, i64>,
) -> Result<()> {
    tx.execute(
        "INSERT INTO portal_columns (catalog_id, path, url, position)
         SELECT ?2, path, url, position FROM portal_columns WHERE catalog_id = ?1 ORDER BY position, id",
        params![from, to],
    )?;
    let mut st = tx.prepare(
        "SELECT l.item_id, c.path FROM item_columns l JOIN portal_columns c ON c.id = l.column_id
         WHERE c.catalog_id = ?1",
    )?;
    let links = st
        .query_map([from], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (old_item, path) in links {
        let (Some(new_item), Some(cid)) = (item_ids.get(&old_item), column_id(tx, to, &path)?)
        else {
            continue;
        };
        tx.execute(
            "INSERT INTO item_columns (item_id, column_id) VALUES (?1, ?2)",
            params![new_item, cid],
        )?;
    }
    Ok(())
}

fn column_id(tx: &Transaction, catalog_id: i64, path: &str) -> Result<Option<i64>> {
    Ok(tx
        .query_row(
            "SELECT id FROM portal_columns WHERE catalog_id = ?1 AND path = ?2",
            params![catalog_id, path],
            |r| r.get(0),
        )
        .optional()?)
}

fn insert_column(tx: &Transaction, catalog_id: i64, path: &str, url: &str) -> Result<i64> {
    let pos: i64 = tx.query_row(
        "SELECT coalesce(max(position) + 1, 0) FROM portal_columns WHERE catalog_id = ?1",
        [catalog_id],
        |r| r.get(0),
    )?;
    tx.execute(
        "INSERT INTO portal_columns (catalog_id, path, url, position) VALUES (?1, ?2, ?3, ?4)",
        params![catalog_id, path, url, pos],
    )
    .map_err(|e| on_unique(e, || duplicate(path)))?;
    Ok(tx.last_insert_rowid())
}

/// 一行栏目（按列名取）。
fn column(r: &Row) -> rusqlite::Result<PortalColumn> {
    Ok(PortalColumn {
        id: r.get("id")?,
        catalog_id: r.get("catalog_id")?,
        path: r.get("path")?,
        url: r.get("url")?,
        position: r.get("position")?,
    })
}

#[cfg(test)]
mod tests {
    use crate::model::{NewCatalog, NewUnit, UnitKind, DEFAULT_COLUMN_ROOT};
    use crate::store::Store;

    fn setup() -> (Store, i64) {
        let mut s = Store::open_in_memory().unwrap();
        let u = s
            .create_unit(&NewUnit::new("某某县某某镇人民政府", UnitKind::Township))
            .unwrap();
        let c = s.create_catalog(&NewCatalog::new(u.id, 2026)).unwrap();
        s.adopt_domain(c.id, "社会救助", None).unwrap();
        (s, c.id)
    }

    #[test]
    fn generate_is_idempotent_and_keeps_edits() {
        let (mut s, id) = setup();
        let items = s.list_items(id).unwrap();
        let g = s.generate_columns(id, DEFAULT_COLUMN_ROOT).unwrap();
        assert_eq!(g.items_linked as usize, items.len());
        assert!(g.columns_added >= 4);
        let tree = s.column_tree(id).unwrap();
        assert_eq!(tree.columns[0].path, "政府信息公开");
        assert_eq!(
            tree.columns[2].path,
            "政府信息公开/法定主动公开内容/社会救助"
        );
        let first = &items[0];
        let col = tree.column_of(first.id).unwrap().clone();
        assert_eq!(col.name(), first.fields.l1);

        // Edit: rename the column, give it a URL, move one item away, then generate again.
        let renamed = s
            .update_column(
                col.id,
                &format!("{} （新）", col.path),
                " https://example.gov.cn/a/ ",
            )
            .unwrap();
        assert_eq!(renamed.url, "https://example.gov.cn/a/");
        s.link_item_column(first.id, None).unwrap();
        let again = s.generate_columns(id, DEFAULT_COLUMN_ROOT).unwrap();
        // The original path is re-created (it was renamed away) and the unlinked item goes there.
        assert_eq!(again.columns_added, 1);
        assert_eq!(again.items_linked, 1);
        let tree = s.column_tree(id).unwrap();
        assert!(tree
            .columns
            .iter()
            .any(|c| c.id == renamed.id && c.url == renamed.url));
        assert_eq!(
            s.generate_columns(id, DEFAULT_COLUMN_ROOT)
                .unwrap()
                .columns_added,
            0
        );
    }

    #[test]
    fn edits_are_checked() {
        let (mut s, id) = setup();
        let a = s.add_column(id, "门户/ 栏目A ", "").unwrap();
        assert_eq!(a.path, "门户/栏目A");
        let err = s.add_column(id, "门户 / 栏目A", "").unwrap_err();
        assert!(err.to_string().contains("已有栏目“门户/栏目A”"), "{err}");
        assert!(s
            .add_column(id, " / ", "")
            .unwrap_err()
            .to_string()
            .contains("不能为空"));
        // A column of another catalog cannot be linked.
        let u = s.list_units().unwrap()[0].id;
        let other = s.create_catalog(&NewCatalog::new(u, 2027)).unwrap();
        let b = s.add_column(other.id, "门户/栏目B", "").unwrap();
        let item = s.list_items(id).unwrap()[0].id;
        assert!(s.link_item_column(item, Some(b.id)).is_err());
        s.link_item_column(item, Some(a.id)).unwrap();
        s.link_item_column(item, Some(a.id)).unwrap();
        assert_eq!(s.column_tree(id).unwrap().links.len(), 1);
        // Deleting the column drops the link; deleting the item drops it too.
        assert_eq!(s.delete_column(a.id).unwrap(), 1);
        assert!(s.column_tree(id).unwrap().links.is_empty());
        assert!(s.delete_column(a.id).is_err());
    }

    #[test]
    fn renaming_moves_the_subtree_and_deleting_removes_it() {
        let (mut s, id) = setup();
        s.generate_columns(id, DEFAULT_COLUMN_ROOT).unwrap();
        let domain = "政府信息公开/法定主动公开内容/社会救助";
        let tree = s.column_tree(id).unwrap();
        let parent = tree
            .columns
            .iter()
            .find(|c| c.path == domain)
            .unwrap()
            .clone();
        let below = tree
            .columns
            .iter()
            .filter(|c| c.path.starts_with(&format!("{domain}/")))
            .count();
        assert!(below > 0);
        let links = tree.links.len();

        // Renaming the domain column renames every column below it; the links stay.
        let renamed = format!("{DEFAULT_COLUMN_ROOT}/法定主动公开内容/社会救助（低保、特困）");
        s.update_column(parent.id, &renamed, "").unwrap();
        let tree = s.column_tree(id).unwrap();
        assert!(!tree
            .columns
            .iter()
            .any(|c| c.path.starts_with(&format!("{domain}/"))));
        assert_eq!(
            tree.columns
                .iter()
                .filter(|c| c.path.starts_with(&format!("{renamed}/")))
                .count(),
            below
        );
        assert_eq!(tree.links.len(), links);

        // A column cannot go below itself; a clash anywhere in the subtree changes nothing.
        let err = s
            .update_column(parent.id, &format!("{renamed}/下级"), "")
            .unwrap_err();
        assert!(err.to_string().contains("自己的下级"), "{err}");
        let child = tree
            .columns
            .iter()
            .find(|c| c.path.starts_with(&format!("{renamed}/")))
            .unwrap()
            .clone();
        let clash = format!("其他/{}", child.name());
        s.add_column(id, &clash, "").unwrap();
        assert!(s.update_column(parent.id, "其他", "").is_err());
        assert_eq!(s.get_column(parent.id).unwrap().path, renamed);
        assert_eq!(s.get_column(child.id).unwrap().path, child.path);

        // Deleting the domain column deletes its subtree; its items lose their column.
        assert_eq!(s.delete_column(parent.id).unwrap(), below + 1);
        let tree = s.column_tree(id).unwrap();
        assert!(!tree.columns.iter().any(|c| c.path.starts_with(&renamed)));
        assert!(tree.links.is_empty());
    }

    #[test]
    fn copying_to_a_new_year_copies_the_columns_and_links() {
        let (mut s, id) = setup();
        s.generate_columns(id, DEFAULT_COLUMN_ROOT).unwrap();
        let col = s.column_tree(id).unwrap().columns[3].clone();
        s.update_column(col.id, &col.path, "https://example.gov.cn/c/")
            .unwrap();
        let next = s.copy_catalog_to_year(id, 2027).unwrap();
        let (old, new) = (s.column_tree(id).unwrap(), s.column_tree(next.id).unwrap());
        let paths = |t: &crate::model::ColumnTree| {
            t.columns
                .iter()
                .map(|c| (c.path.clone(), c.url.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(paths(&old), paths(&new));
        assert_eq!(old.links.len(), new.links.len());
        // Each new item sits in the column of the same path as the old item at the same place.
        let (oi, ni) = (s.list_items(id).unwrap(), s.list_items(next.id).unwrap());
        for (o, n) in oi.iter().zip(&ni) {
            assert_eq!(o.fields.l2, n.fields.l2);
            assert_eq!(
                old.column_of(o.id).map(|c| &c.path),
                new.column_of(n.id).map(|c| &c.path)
            );
        }
        assert!(new.columns.iter().all(|c| c.catalog_id == next.id));
    }
}
