//! 事项的增删改查与排序。

use std::sync::LazyLock;

use rusqlite::{params, OptionalExtension, Row, ToSql, Transaction};

use super::catalogs::{ensure_domain, touch};
use super::json::{from_json, to_json};
use super::{Result, Store, StoreError};
use crate::model::{Item, ItemFields, Provenance};

pub(crate) const COLUMNS: &str = "i.id, i.catalog_id, i.position, i.domain, i.l1, i.l2, i.content, \
    i.elements, i.basis, i.time_limit, i.subject, i.channels, i.audience, i.audience_group, i.mode, \
    i.level, i.notes, i.guideline_item_id, i.guideline_version, i.modified";

/// 一行的原始值（按列名取，与 [`COLUMNS`] 的顺序无关）；JSON 字段在 [`build`] 里解析
/// （rusqlite 的行回调里不便返回本模块的错误）。
pub(crate) struct RawItem {
    id: i64,
    catalog_id: i64,
    position: i64,
    domain: String,
    l1: String,
    l2: String,
    content: String,
    elements: String,
    basis: String,
    time_limit: String,
    subject: String,
    channels: String,
    audience: String,
    audience_group: Option<String>,
    mode: String,
    level: String,
    notes: String,
    guideline_item_id: Option<String>,
    guideline_version: Option<String>,
    modified: bool,
}

pub(crate) fn raw(r: &Row) -> rusqlite::Result<RawItem> {
    Ok(RawItem {
        id: r.get("id")?,
        catalog_id: r.get("catalog_id")?,
        position: r.get("position")?,
        domain: r.get("domain")?,
        l1: r.get("l1")?,
        l2: r.get("l2")?,
        content: r.get("content")?,
        elements: r.get("elements")?,
        basis: r.get("basis")?,
        time_limit: r.get("time_limit")?,
        subject: r.get("subject")?,
        channels: r.get("channels")?,
        audience: r.get("audience")?,
        audience_group: r.get("audience_group")?,
        mode: r.get("mode")?,
        level: r.get("level")?,
        notes: r.get("notes")?,
        guideline_item_id: r.get("guideline_item_id")?,
        guideline_version: r.get("guideline_version")?,
        modified: r.get("modified")?,
    })
}

pub(crate) fn build(r: RawItem) -> Result<Item> {
    let provenance = match (r.guideline_item_id, r.guideline_version) {
        (Some(guideline_item_id), Some(data_version)) => Provenance::Guideline {
            guideline_item_id,
            data_version,
            modified: r.modified,
        },
        _ => Provenance::Local,
    };
    Ok(Item {
        id: r.id,
        catalog_id: r.catalog_id,
        position: r.position,
        fields: ItemFields {
            domain: r.domain,
            l1: r.l1,
            l2: r.l2,
            content: r.content,
            elements: from_json(&r.elements)?,
            basis: from_json(&r.basis)?,
            time_limit: r.time_limit,
            subject: r.subject,
            channels: from_json(&r.channels)?,
            audience: from_json(&r.audience)?,
            audience_group: r.audience_group,
            mode: from_json(&r.mode)?,
            level: from_json(&r.level)?,
            notes: r.notes,
        },
        provenance,
    })
}

pub(crate) fn check_fields(f: &ItemFields) -> Result<()> {
    if f.domain.trim().is_empty() {
        return Err(StoreError::Invalid(
            "事项必须属于一个领域，请先选择领域。".into(),
        ));
    }
    Ok(())
}

/// 事项内容的列（改写与插入共用；领域只在插入时写），与 [`content_values`] 同序。
const CONTENT_COLUMNS: [&str; 13] = [
    "l1",
    "l2",
    "content",
    "elements",
    "basis",
    "time_limit",
    "subject",
    "channels",
    "audience",
    "audience_group",
    "mode",
    "level",
    "notes",
];

/// 事项内容各列的值（JSON 列先序列化），按 [`CONTENT_COLUMNS`] 的顺序。
fn content_values(f: &ItemFields) -> Result<[Box<dyn ToSql + '_>; 13]> {
    Ok([
        Box::new(&f.l1),
        Box::new(&f.l2),
        Box::new(&f.content),
        Box::new(to_json(&f.elements)?),
        Box::new(to_json(&f.basis)?),
        Box::new(&f.time_limit),
        Box::new(&f.subject),
        Box::new(to_json(&f.channels)?),
        Box::new(to_json(&f.audience)?),
        Box::new(&f.audience_group),
        Box::new(to_json(&f.mode)?),
        Box::new(to_json(&f.level)?),
        Box::new(&f.notes),
    ])
}

/// 执行带事项内容的语句：`fixed` 是其余的命名参数，内容各列的参数名是 `:列名`。
fn execute_with_content(
    tx: &Transaction,
    sql: &str,
    fixed: &[(&str, &dyn ToSql)],
    f: &ItemFields,
) -> Result<usize> {
    static NAMES: LazyLock<Vec<String>> =
        LazyLock::new(|| CONTENT_COLUMNS.iter().map(|c| format!(":{c}")).collect());
    let values = content_values(f)?;
    let mut params: Vec<(&str, &dyn ToSql)> = fixed.to_vec();
    params.extend(
        NAMES
            .iter()
            .zip(&values)
            .map(|(n, v)| (n.as_str(), v.as_ref() as &dyn ToSql)),
    );
    Ok(tx.execute(sql, params.as_slice())?)
}

/// 在事务里改写一个事项的内容与“已改动”标记，返回改到的行数（0 表示没有这个事项）。
pub(crate) fn write_fields(
    tx: &Transaction,
    id: i64,
    fields: &ItemFields,
    modified: bool,
) -> Result<usize> {
    static SQL: LazyLock<String> = LazyLock::new(|| {
        let set: Vec<String> = CONTENT_COLUMNS
            .iter()
            .map(|c| format!("{c} = :{c}"))
            .collect();
        format!(
            "UPDATE items SET {}, modified = :modified WHERE id = :id",
            set.join(", ")
        )
    });
    execute_with_content(tx, &SQL, &[(":id", &id), (":modified", &modified)], fields)
}

/// 在事务里插入一个事项（`id` 为 `None` 时由数据库分配），返回其编号。
pub(crate) fn insert(
    tx: &Transaction,
    id: Option<i64>,
    catalog_id: i64,
    position: i64,
    f: &ItemFields,
    p: &Provenance,
) -> Result<i64> {
    static SQL: LazyLock<String> = LazyLock::new(|| {
        let params: Vec<String> = CONTENT_COLUMNS.iter().map(|c| format!(":{c}")).collect();
        format!(
            "INSERT INTO items (id, catalog_id, position, domain, guideline_item_id, guideline_version,
                modified, {})
             VALUES (:id, :catalog_id, :position, :domain, :guideline_item_id, :guideline_version,
                :modified, {})",
            CONTENT_COLUMNS.join(", "),
            params.join(", ")
        )
    });
    check_fields(f)?;
    let (gid, gver, modified) = match p {
        Provenance::Guideline {
            guideline_item_id,
            data_version,
            modified,
        } => (
            Some(guideline_item_id.as_str()),
            Some(data_version.as_str()),
            *modified,
        ),
        Provenance::Local => (None, None, false),
    };
    execute_with_content(
        tx,
        &SQL,
        &[
            (":id", &id),
            (":catalog_id", &catalog_id),
            (":position", &position),
            (":domain", &f.domain),
            (":guideline_item_id", &gid),
            (":guideline_version", &gver),
            (":modified", &modified),
        ],
        f,
    )?;
    ensure_domain(tx, catalog_id, &f.domain)?;
    Ok(tx.last_insert_rowid())
}

/// 领域内下一个空位。
pub(crate) fn next_position(tx: &Transaction, catalog_id: i64, domain: &str) -> Result<i64> {
    Ok(tx.query_row(
        "SELECT coalesce(max(position) + 1, 0) FROM items WHERE catalog_id = ?1 AND domain = ?2",
        params![catalog_id, domain],
        |r| r.get(0),
    )?)
}

/// 把领域内的顺序重新编为 0, 1, 2…（删除、移动之后）。
fn renumber(tx: &Transaction, order: &[i64]) -> Result<()> {
    let mut st = tx.prepare_cached("UPDATE items SET position = ?2 WHERE id = ?1")?;
    for (pos, id) in order.iter().enumerate() {
        st.execute(params![id, pos as i64])?;
    }
    Ok(())
}

fn domain_order(tx: &Transaction, catalog_id: i64, domain: &str) -> Result<Vec<i64>> {
    let mut st = tx.prepare_cached(
        "SELECT id FROM items WHERE catalog_id = ?1 AND domain = ?2 ORDER BY position, id",
    )?;
    let ids = st
        .query_map(params![catalog_id, domain], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// 在事务里放回一个完整的事项（编号、来源照旧），插在同领域的第 `position` 位，其后的依次后移。
pub(crate) fn restore_in(tx: &Transaction, item: &Item) -> Result<i64> {
    let taken: Option<i64> = tx
        .query_row("SELECT id FROM items WHERE id = ?1", [item.id], |r| {
            r.get(0)
        })
        .optional()?;
    if taken.is_some() {
        return Err(StoreError::Conflict(format!(
            "事项 {} 已存在，无需恢复。",
            item.id
        )));
    }
    let mut order = domain_order(tx, item.catalog_id, &item.fields.domain)?;
    let id = insert(
        tx,
        Some(item.id),
        item.catalog_id,
        0,
        &item.fields,
        &item.provenance,
    )?;
    let at = (item.position.max(0) as usize).min(order.len());
    order.insert(at, id);
    renumber(tx, &order)?;
    Ok(id)
}

impl Store {
    /// 目录的全部事项：按目录的领域顺序，再按领域内顺序。
    pub fn list_items(&self, catalog_id: i64) -> Result<Vec<Item>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM items i JOIN catalogs c ON c.id = i.catalog_id
             WHERE i.catalog_id = ?1
             ORDER BY coalesce((SELECT j.key FROM json_each(c.domains) j WHERE j.value = i.domain), 1e9),
                      i.domain, i.position, i.id"
        ))?;
        let rows = st
            .query_map([catalog_id], raw)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter().map(build).collect()
    }

    pub fn get_item(&self, id: i64) -> Result<Item> {
        let raw = self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM items i WHERE i.id = ?1"),
                [id],
                raw,
            )
            .optional()?
            .ok_or_else(|| StoreError::not_found("事项", id))?;
        build(raw)
    }

    /// 新增本级特色事项，放在其领域的末尾。
    pub fn add_item(&mut self, catalog_id: i64, fields: &ItemFields) -> Result<Item> {
        let tx = super::write_tx(&mut self.conn)?;
        super::history::label(&self.history, "新增事项");
        touch(&tx, catalog_id)?;
        let pos = next_position(&tx, catalog_id, &fields.domain)?;
        let id = insert(&tx, None, catalog_id, pos, fields, &Provenance::Local)?;
        tx.commit()?;
        self.get_item(id)
    }

    /// 放回一个完整的事项（保留其编号、来源与位置），用于撤销删除和导入。
    /// 同领域中该位置及之后的事项依次后移。
    pub fn restore_item(&mut self, item: &Item) -> Result<Item> {
        let tx = super::write_tx(&mut self.conn)?;
        super::history::label(&self.history, "撤销删除");
        touch(&tx, item.catalog_id)?;
        let id = restore_in(&tx, item)?;
        tx.commit()?;
        self.get_item(id)
    }

    /// 修改事项内容。采用自指引的事项，内容与指引原文不同则标记“已修改”，改回原文则取消标记。
    pub fn update_item(&mut self, id: i64, fields: &ItemFields) -> Result<Item> {
        check_fields(fields)?;
        let before = self.get_item(id)?;
        let modified = match &before.provenance {
            Provenance::Guideline {
                guideline_item_id,
                data_version,
                ..
            } => match self.guideline_item(guideline_item_id, Some(data_version))? {
                Some((domain, g)) => g.to_fields(&domain).with_notes(&fields.notes) != *fields,
                None => true,
            },
            Provenance::Local => false,
        };
        let tx = super::write_tx(&mut self.conn)?;
        super::history::label(&self.history, "修改事项");
        touch(&tx, before.catalog_id)?;
        if fields.domain != before.fields.domain {
            // 换领域：移到新领域末尾，旧领域重新编号。
            let pos = next_position(&tx, before.catalog_id, &fields.domain)?;
            tx.execute(
                "UPDATE items SET domain = ?2, position = ?3 WHERE id = ?1",
                params![id, fields.domain, pos],
            )?;
            ensure_domain(&tx, before.catalog_id, &fields.domain)?;
            let order = domain_order(&tx, before.catalog_id, &before.fields.domain)?;
            renumber(&tx, &order)?;
        }
        write_fields(&tx, id, fields, modified)?;
        tx.commit()?;
        self.get_item(id)
    }

    /// 删除事项，返回被删的事项（界面据此撤销）。
    pub fn delete_item(&mut self, id: i64) -> Result<Item> {
        let item = self.get_item(id)?;
        let tx = super::write_tx(&mut self.conn)?;
        super::history::label(&self.history, "删除事项");
        touch(&tx, item.catalog_id)?;
        tx.execute("DELETE FROM items WHERE id = ?1", [id])?;
        let order = domain_order(&tx, item.catalog_id, &item.fields.domain)?;
        renumber(&tx, &order)?;
        tx.commit()?;
        Ok(item)
    }

    /// 把事项移到其领域内的第 `position` 位（从 0 起；超出则放到末尾）。
    pub fn move_item(&mut self, id: i64, position: i64) -> Result<Item> {
        let item = self.get_item(id)?;
        let tx = super::write_tx(&mut self.conn)?;
        super::history::label(&self.history, "调整顺序");
        touch(&tx, item.catalog_id)?;
        let mut order = domain_order(&tx, item.catalog_id, &item.fields.domain)?;
        order.retain(|x| *x != id);
        let at = (position.max(0) as usize).min(order.len());
        order.insert(at, id);
        renumber(&tx, &order)?;
        tx.commit()?;
        self.get_item(id)
    }

    /// 按给定的编号顺序重排一个领域的事项（拖动排序）。编号必须恰好是该领域的全部事项。
    pub fn reorder_items(&mut self, catalog_id: i64, domain: &str, ids: &[i64]) -> Result<()> {
        let tx = super::write_tx(&mut self.conn)?;
        super::history::label(&self.history, "调整顺序");
        touch(&tx, catalog_id)?;
        let mut current = domain_order(&tx, catalog_id, domain)?;
        let mut wanted = ids.to_vec();
        current.sort_unstable();
        wanted.sort_unstable();
        if current != wanted {
            return Err(StoreError::Invalid(format!(
                "排序列表与“{domain}”领域的事项不一致（可能已被修改），请刷新后重试。"
            )));
        }
        renumber(&tx, ids)?;
        tx.commit()?;
        Ok(())
    }
}

impl ItemFields {
    /// 同样的内容，换上给定的备注（比较“是否改过指引原文”时，备注不算改动）。
    pub fn with_notes(mut self, notes: &str) -> Self {
        self.notes = notes.to_string();
        self
    }
}
