//! 修改历史：事项、不予公开事项与“不涉及”标记的每一处改动（何时、谁、哪个字段、旧值与新值），
//! 按“改动批次”（一次用户操作 = 一个写事务：一次编辑、一次导入、一次采用）归组。
//!
//! 历史由数据库触发器写入（迁移 `0005_history.sql`），所以桌面程序与 `mulu` 命令行的每条写入路径
//! 都被记录，存储层的各个函数不必各写一遍。触发器调用本模块在每个连接上注册的三个 SQL 函数：
//! `mulu_change_set(候选编号)`（本事务的批次编号；事务里第一次调用时取候选的下一个空编号，
//! 提交或回滚后清空）、`mulu_user()`（操作系统用户）与 `mulu_action()`（操作名称，由
//! 写事务开始后的 `label` 给出，默认“修改”）。
//!
//! 在此之上：按事项、按目录查看历史（[`Store::item_history`]、[`Store::catalog_history`]），
//! 整批撤销（[`Store::undo_change_set`]，导入后重启也能撤销；之后又改过同一事项时拒绝），
//! 恢复删除的条目（[`Store::restore_deleted`]）。

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex, MutexGuard};

use rusqlite::functions::FunctionFlags;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::catalogs::{ensure_domain, touch};
use super::items::{build, raw};
use super::{Result, Store, StoreError};
use crate::model::Item;

/// 连接上的“当前批次”：触发器经 SQL 函数读写它。
#[derive(Debug, Default)]
pub(crate) struct Ctx {
    change_set: Option<i64>,
    action: Option<String>,
}

/// 批次状态的共享句柄（连接的 SQL 函数与钩子、以及 [`Store`] 各持一份）。
pub(crate) type Shared = Arc<Mutex<Ctx>>;

fn lock(ctx: &Shared) -> MutexGuard<'_, Ctx> {
    // 锁里只有两个简单的值，持锁时 panic 也不会留下半改的状态。
    ctx.lock().unwrap_or_else(|e| e.into_inner())
}

/// 操作系统用户名（`USER`，Windows 上 `USERNAME`）；都没有时为“未知用户”。
pub fn os_user() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "未知用户".to_string())
}

/// 在连接上注册历史触发器用的 SQL 函数与提交、回滚钩子（[`Store`] 打开每个连接时调用）。
pub(crate) fn register(conn: &Connection) -> rusqlite::Result<Shared> {
    let ctx: Shared = Arc::default();
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_INNOCUOUS;
    let c = ctx.clone();
    conn.create_scalar_function("mulu_change_set", 1, flags, move |f| {
        let candidate: i64 = f.get(0)?;
        let mut g = lock(&c);
        Ok(*g.change_set.get_or_insert(candidate))
    })?;
    let user = os_user();
    conn.create_scalar_function("mulu_user", 0, flags, move |_| Ok(user.clone()))?;
    let c = ctx.clone();
    conn.create_scalar_function("mulu_action", 0, flags, move |_| {
        Ok(lock(&c)
            .action
            .clone()
            .unwrap_or_else(|| "修改".to_string()))
    })?;
    let c = ctx.clone();
    conn.commit_hook(Some(move || {
        *lock(&c) = Ctx::default();
        false
    }))?;
    let c = ctx.clone();
    conn.rollback_hook(Some(move || {
        *lock(&c) = Ctx::default();
    }))?;
    Ok(ctx)
}

/// 给本事务的改动批次起名（“导入”“采用指引”…）：在写事务开始之后调用，提交或回滚后失效。
pub(crate) fn label(ctx: &Shared, action: impl Into<String>) {
    lock(ctx).action = Some(action.into());
}

/// 本事务的批次编号（还没有改动时为空）。
fn current(ctx: &Shared) -> Option<i64> {
    lock(ctx).change_set
}

/// 改动的对象。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum HistoryEntity {
    /// 事项。
    Item,
    /// 不予公开事项。
    Withheld,
    /// “本单位不涉及”标记（编号是指引事项编号）。
    NotApplicable,
}

impl HistoryEntity {
    fn as_str(self) -> &'static str {
        match self {
            HistoryEntity::Item => "item",
            HistoryEntity::Withheld => "withheld",
            HistoryEntity::NotApplicable => "not_applicable",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        match s {
            "item" => Some(HistoryEntity::Item),
            "withheld" => Some(HistoryEntity::Withheld),
            "not_applicable" => Some(HistoryEntity::NotApplicable),
            _ => None,
        }
    }

    /// 中文名称。
    pub fn label(self) -> &'static str {
        match self {
            HistoryEntity::Item => "事项",
            HistoryEntity::Withheld => "不予公开事项",
            HistoryEntity::NotApplicable => "不涉及标记",
        }
    }
}

/// 改动的种类。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum ChangeOp {
    Insert,
    Update,
    Delete,
}

impl ChangeOp {
    fn parse(s: &str) -> Option<Self> {
        match s {
            "insert" => Some(ChangeOp::Insert),
            "update" => Some(ChangeOp::Update),
            "delete" => Some(ChangeOp::Delete),
            _ => None,
        }
    }

    /// 中文名称。
    pub fn label(self) -> &'static str {
        match self {
            ChangeOp::Insert => "新增",
            ChangeOp::Update => "修改",
            ChangeOp::Delete => "删除",
        }
    }
}

/// 一处改动。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Change {
    /// 历史记录的编号（恢复删除的条目时用它）。
    pub id: i64,
    pub change_set: i64,
    pub catalog_id: i64,
    pub entity: HistoryEntity,
    /// 事项、不予公开事项的编号，或指引事项编号（不涉及标记）。
    pub entity_id: String,
    /// 条目的名称（事项的二级或一级事项名、不予公开事项名），便于辨认。
    pub name: String,
    pub op: ChangeOp,
    /// 修改的字段（数据库列名）；新增、删除时为空。
    pub field: Option<String>,
    /// 字段的中文名称。
    pub field_label: Option<String>,
    /// 旧值与新值，列表字段写成“甲、乙”；删除时旧值为空（整条内容另存，用于恢复）。
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    /// 删除的条目现在可以恢复（仍不存在，所在目录还在）。
    pub restorable: bool,
}

/// 一批改动（一次用户操作）。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct ChangeSet {
    pub id: i64,
    /// 时间（UTC，ISO 8601）。
    pub at: String,
    /// 操作系统用户。
    pub user: String,
    /// 操作：“导入”“采用指引”“修改事项”…
    pub action: String,
    pub catalog_id: Option<i64>,
    /// 撤销了这批改动的批次。
    pub undone_by: Option<i64>,
    /// 这一批的改动数（不含事项顺序的变化）。
    pub count: i64,
    /// 改动（按目录查看时最多前 [`CHANGES_SHOWN`] 处，不含顺序的变化）。
    pub changes: Vec<Change>,
}

/// 按目录查看时每批最多列出的改动数。
pub const CHANGES_SHOWN: usize = 50;

/// 撤销或恢复的结果。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct UndoOutcome {
    /// 撤销（或恢复）本身的批次编号。
    pub change_set: i64,
    /// 退回的改动数。
    pub reverted: i64,
    pub catalog_id: Option<i64>,
}

/// 事项的列（与迁移 0003 的触发器一致）：撤销时只改这些列。
const ITEM_FIELDS: [&str; 18] = [
    "domain",
    "position",
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
    "guideline_item_id",
    "guideline_version",
    "modified",
];
const WITHHELD_FIELDS: [&str; 4] = ["domain", "name", "ground", "detail"];

/// 字段的中文名称。
pub fn field_label(entity: HistoryEntity, field: &str) -> &'static str {
    match (entity, field) {
        (HistoryEntity::Withheld, "name") => "名称",
        (HistoryEntity::Withheld, "ground") => "不予公开的依据",
        (HistoryEntity::Withheld, "detail") => "说明",
        (HistoryEntity::NotApplicable, "reason") => "不涉及的理由",
        (_, "domain") => "领域",
        (_, "position") => "顺序",
        (_, "l1") => "一级事项",
        (_, "l2") => "二级事项",
        (_, "content") => "公开内容（要素）",
        (_, "elements") => "公开要素",
        (_, "basis") => "公开依据",
        (_, "time_limit") => "公开时限",
        (_, "subject") => "公开主体",
        (_, "channels") => "公开渠道和载体",
        (_, "audience") => "公开对象",
        (_, "audience_group") => "特定群体",
        (_, "mode") => "公开方式",
        (_, "level") => "公开层级",
        (_, "notes") => "备注",
        (_, "guideline_item_id") => "指引事项编号",
        (_, "guideline_version") => "指引版本",
        (_, "modified") => "改过指引原文",
        _ => "其他",
    }
}

/// 存储的值写成给人看的文字：JSON 列表写成“甲、乙”，渠道写成标准与其他渠道，“已改动”写成是/否。
pub fn display_value(field: &str, raw: &str) -> String {
    if field == "modified" {
        return if raw == "1" { "是" } else { "否" }.to_string();
    }
    match serde_json::from_str::<serde_json::Value>(raw) {
        Ok(serde_json::Value::Array(v)) => join(&v),
        Ok(serde_json::Value::Object(m)) if field == "channels" => {
            let mut all = Vec::new();
            for k in ["standard", "extra"] {
                if let Some(serde_json::Value::Array(v)) = m.get(k) {
                    all.extend(v.iter().cloned());
                }
            }
            join(&all)
        }
        _ => raw.to_string(),
    }
}

fn join(v: &[serde_json::Value]) -> String {
    v.iter()
        .map(|x| match x {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .collect::<Vec<_>>()
        .join("、")
}

/// 历史记录的一行（原始值）。
struct Raw {
    id: i64,
    change_set: i64,
    catalog_id: i64,
    entity: String,
    entity_id: String,
    op: String,
    field: Option<String>,
    old_value: Option<String>,
    new_value: Option<String>,
    name: Option<String>,
    restorable: bool,
}

const RAW_SELECT: &str = "SELECT h.id, h.change_set, h.catalog_id, h.entity, h.entity_id, h.op, h.field,
        h.old_value, h.new_value,
        CASE h.entity
          WHEN 'item' THEN coalesce(
            (SELECT CASE WHEN i.l2 <> '' THEN i.l2 ELSE i.l1 END FROM items i
             WHERE i.id = CAST(h.entity_id AS INTEGER)),
            CASE WHEN json_extract(h.old_value, '$.l2') <> '' THEN json_extract(h.old_value, '$.l2')
                 ELSE json_extract(h.old_value, '$.l1') END)
          WHEN 'withheld' THEN coalesce(
            (SELECT w.name FROM withheld w WHERE w.id = CAST(h.entity_id AS INTEGER)),
            json_extract(h.old_value, '$.name'))
          ELSE h.entity_id END AS name,
        h.op = 'delete' AND EXISTS (SELECT 1 FROM catalogs c WHERE c.id = h.catalog_id) AND NOT (CASE h.entity
          WHEN 'item' THEN EXISTS (SELECT 1 FROM items i WHERE i.id = CAST(h.entity_id AS INTEGER))
          WHEN 'withheld' THEN EXISTS (SELECT 1 FROM withheld w WHERE w.id = CAST(h.entity_id AS INTEGER))
          ELSE EXISTS (SELECT 1 FROM not_applicable n WHERE n.catalog_id = h.catalog_id
                       AND n.guideline_item_id = h.entity_id) END) AS restorable
    FROM history h";

fn raw_row(r: &Row) -> rusqlite::Result<Raw> {
    Ok(Raw {
        id: r.get("id")?,
        change_set: r.get("change_set")?,
        catalog_id: r.get("catalog_id")?,
        entity: r.get("entity")?,
        entity_id: r.get("entity_id")?,
        op: r.get("op")?,
        field: r.get("field")?,
        old_value: r.get("old_value")?,
        new_value: r.get("new_value")?,
        name: r.get("name")?,
        restorable: r.get("restorable")?,
    })
}

fn corrupt(what: &str) -> StoreError {
    StoreError::Invalid(format!(
        "修改历史里有一条无法识别的记录（{what}），数据库可能被其他程序改动过。"
    ))
}

fn change(r: Raw) -> Result<Change> {
    let entity = HistoryEntity::parse(&r.entity).ok_or_else(|| corrupt(&r.entity))?;
    let op = ChangeOp::parse(&r.op).ok_or_else(|| corrupt(&r.op))?;
    let shown = |v: Option<String>| match (&r.field, v) {
        (Some(f), Some(v)) => Some(display_value(f, &v)),
        (_, v) => v,
    };
    Ok(Change {
        id: r.id,
        change_set: r.change_set,
        catalog_id: r.catalog_id,
        entity,
        entity_id: r.entity_id,
        name: r.name.unwrap_or_default(),
        op,
        field_label: r
            .field
            .as_deref()
            .map(|f| field_label(entity, f).to_string()),
        old_value: if op == ChangeOp::Delete {
            None
        } else {
            shown(r.old_value)
        },
        new_value: shown(r.new_value),
        field: r.field,
        restorable: r.restorable,
    })
}

fn change_set_row(r: &Row) -> rusqlite::Result<ChangeSet> {
    Ok(ChangeSet {
        id: r.get("id")?,
        at: r.get("at")?,
        user: r.get("user")?,
        action: r.get("action")?,
        catalog_id: r.get("catalog_id")?,
        undone_by: r.get("undone_by")?,
        count: 0,
        changes: Vec::new(),
    })
}

const SET_COLUMNS: &str = "id, at, user, action, catalog_id, undone_by";

impl Store {
    /// 一批改动的概况（不含改动明细）。
    pub fn change_set(&self, id: i64) -> Result<ChangeSet> {
        let mut set = self
            .conn
            .query_row(
                &format!("SELECT {SET_COLUMNS} FROM change_sets WHERE id = ?1"),
                [id],
                change_set_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::not_found("改动批次", id))?;
        set.count = self.conn.query_row(
            "SELECT count(*) FROM history WHERE change_set = ?1 AND field IS NOT 'position'",
            [id],
            |r| r.get(0),
        )?;
        Ok(set)
    }

    /// 一个事项的全部历史（含顺序的变化），新的在前；事项删除后仍可查看。
    pub fn item_history(&self, item_id: i64) -> Result<Vec<ChangeSet>> {
        self.entity_history(HistoryEntity::Item, &item_id.to_string())
    }

    /// 一条不予公开事项的全部历史，新的在前。
    pub fn withheld_history(&self, id: i64) -> Result<Vec<ChangeSet>> {
        self.entity_history(HistoryEntity::Withheld, &id.to_string())
    }

    fn entity_history(&self, entity: HistoryEntity, id: &str) -> Result<Vec<ChangeSet>> {
        let mut st = self.conn.prepare_cached(&format!(
            "{RAW_SELECT} WHERE h.entity = ?1 AND h.entity_id = ?2
             ORDER BY h.change_set DESC, h.id"
        ))?;
        let rows = st
            .query_map(params![entity.as_str(), id], raw_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut sets: Vec<ChangeSet> = Vec::new();
        for r in rows {
            let c = change(r)?;
            if sets.last().is_none_or(|s| s.id != c.change_set) {
                let mut set = self.change_set(c.change_set)?;
                set.count = 0;
                sets.push(set);
            }
            if let Some(s) = sets.last_mut() {
                s.count += 1;
                s.changes.push(c);
            }
        }
        Ok(sets)
    }

    /// 一份目录最近的 `limit` 批改动，新的在前；每批最多列出前 [`CHANGES_SHOWN`] 处改动
    /// （不含事项顺序的变化：删除、移动一个事项会让同领域其后的事项都变一次顺序）。
    pub fn catalog_history(&self, catalog_id: i64, limit: usize) -> Result<Vec<ChangeSet>> {
        let ids: Vec<i64> = {
            let mut st = self.conn.prepare_cached(
                "SELECT DISTINCT change_set FROM history WHERE catalog_id = ?1
                 ORDER BY change_set DESC LIMIT ?2",
            )?;
            let v = st
                .query_map(params![catalog_id, limit as i64], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            v
        };
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let mut set = self.change_set(id)?;
            set.count = self.conn.query_row(
                "SELECT count(*) FROM history WHERE change_set = ?1 AND catalog_id = ?2
                 AND field IS NOT 'position'",
                params![id, catalog_id],
                |r| r.get(0),
            )?;
            let mut st = self.conn.prepare_cached(&format!(
                "{RAW_SELECT} WHERE h.change_set = ?1 AND h.catalog_id = ?2
                 AND h.field IS NOT 'position' ORDER BY h.id LIMIT ?3"
            ))?;
            let rows = st
                .query_map(params![id, catalog_id, CHANGES_SHOWN as i64], raw_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            set.changes = rows.into_iter().map(change).collect::<Result<_>>()?;
            out.push(set);
        }
        Ok(out)
    }

    /// 整批撤销一次操作（例如一次导入），在一个事务里：新增的删掉，改过的字段改回旧值，
    /// 删除的放回原处。这批之后又改过其中的条目（顺序的变化除外）时拒绝，什么都不改。
    /// 撤销本身是新的一批改动（可再撤销，即重做）。
    pub fn undo_change_set(&mut self, id: i64) -> Result<UndoOutcome> {
        let set = self.change_set(id)?;
        if let Some(by) = set.undone_by {
            return Err(StoreError::Conflict(format!(
                "这次“{}”（第 {id} 批改动）已经撤销过了（第 {by} 批）。",
                set.action
            )));
        }
        let later: Vec<(String, String)> = {
            let mut st = self.conn.prepare_cached(
                "SELECT h.entity, h.entity_id
                 FROM history h JOIN history h2
                   ON h2.entity = h.entity AND h2.entity_id = h.entity_id AND h2.change_set > h.change_set
                 JOIN change_sets c2 ON c2.id = h2.change_set
                 WHERE h.change_set = ?1 AND h2.field IS NOT 'position'
                   AND (h.entity <> 'not_applicable' OR h2.catalog_id = h.catalog_id)
                   AND c2.undone_by IS NULL
                   AND NOT EXISTS (SELECT 1 FROM change_sets u WHERE u.undone_by = c2.id)
                 GROUP BY h.entity, h.entity_id",
            )?;
            let v = st
                .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            v
        };
        if let Some((entity, entity_id)) = later.first() {
            let what = HistoryEntity::parse(entity).map_or("条目", |e| e.label());
            return Err(StoreError::Conflict(format!(
                "“{}”（第 {id} 批改动）之后又修改过其中 {} 个条目（例如{what}“{entity_id}”），不能整批撤销，\
                 以免丢掉后来的修改。请先撤销后来的修改，或在“修改历史”里逐条改回；也可以从“导入前”备份恢复整个数据库。",
                set.action,
                later.len()
            )));
        }
        let rows: Vec<Raw> = {
            let mut st = self.conn.prepare_cached(&format!(
                "{RAW_SELECT} WHERE h.change_set = ?1 ORDER BY h.id DESC"
            ))?;
            let v = st
                .query_map([id], raw_row)?
                .collect::<rusqlite::Result<_>>()?;
            v
        };
        let tx = super::write_tx(&mut self.conn)?;
        label(&self.history, format!("撤销“{}”", set.action));
        let mut touched: BTreeSet<(i64, String)> = BTreeSet::new();
        let mut catalogs: BTreeSet<i64> = BTreeSet::new();
        for r in &rows {
            revert(&tx, r, &mut touched)?;
            catalogs.insert(r.catalog_id);
        }
        for (catalog_id, domain) in &touched {
            renumber_domain(&tx, *catalog_id, domain)?;
        }
        for c in &catalogs {
            // 目录可能已被删除：那样的话 touch 会报“找不到”，这里只在目录还在时更新时间。
            let exists: Option<i64> = tx
                .query_row("SELECT id FROM catalogs WHERE id = ?1", [c], |r| r.get(0))
                .optional()?;
            if exists.is_some() {
                touch(&tx, *c)?;
            }
        }
        let undo = current(&self.history);
        tx.execute(
            "UPDATE change_sets SET undone_by = ?2 WHERE id = ?1",
            params![id, undo],
        )?;
        // 撤销的是一次撤销（重做）：原来那批不再算“已撤销”。
        tx.execute(
            "UPDATE change_sets SET undone_by = NULL WHERE undone_by = ?1",
            [id],
        )?;
        tx.commit()?;
        Ok(UndoOutcome {
            change_set: undo.unwrap_or(0),
            reverted: rows.len() as i64,
            catalog_id: set.catalog_id,
        })
    }

    /// 放回一条删除的事项、不予公开事项或不涉及标记（`history_id` 是那条“删除”记录）：
    /// 编号与内容照旧，事项回到原来的位置。条目已经存在或所在目录已删除时拒绝。
    pub fn restore_deleted(&mut self, history_id: i64) -> Result<UndoOutcome> {
        let r = self
            .conn
            .query_row(
                &format!("{RAW_SELECT} WHERE h.id = ?1"),
                [history_id],
                raw_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::not_found("历史记录", history_id))?;
        if r.op != "delete" {
            return Err(StoreError::Invalid(
                "只有“删除”的记录可以恢复；要退回修改，请撤销那一批改动。".into(),
            ));
        }
        if !r.restorable {
            return Err(StoreError::Conflict(format!(
                "“{}”无法恢复：它已经恢复过了，或者所在的目录已被删除。",
                r.name.as_deref().unwrap_or(&r.entity_id)
            )));
        }
        let tx = super::write_tx(&mut self.conn)?;
        label(&self.history, "恢复删除");
        let mut touched = BTreeSet::new();
        revert(&tx, &r, &mut touched)?;
        touch(&tx, r.catalog_id)?;
        let set = current(&self.history);
        tx.commit()?;
        Ok(UndoOutcome {
            change_set: set.unwrap_or(0),
            reverted: 1,
            catalog_id: Some(r.catalog_id),
        })
    }
}

/// 退回一处改动。`touched` 记下新增被删掉的事项所在的领域（之后重新编号）。
fn revert(tx: &Transaction, r: &Raw, touched: &mut BTreeSet<(i64, String)>) -> Result<()> {
    let entity = HistoryEntity::parse(&r.entity).ok_or_else(|| corrupt(&r.entity))?;
    let op = ChangeOp::parse(&r.op).ok_or_else(|| corrupt(&r.op))?;
    match (entity, op) {
        (HistoryEntity::Item, ChangeOp::Insert) => {
            let domain: Option<String> = tx
                .query_row(
                    "DELETE FROM items WHERE id = CAST(?1 AS INTEGER) RETURNING domain",
                    [&r.entity_id],
                    |row| row.get(0),
                )
                .optional()?;
            if let Some(d) = domain {
                touched.insert((r.catalog_id, d));
            }
        }
        (HistoryEntity::Withheld, ChangeOp::Insert) => {
            tx.execute(
                "DELETE FROM withheld WHERE id = CAST(?1 AS INTEGER)",
                [&r.entity_id],
            )?;
        }
        (HistoryEntity::NotApplicable, ChangeOp::Insert) => {
            tx.execute(
                "DELETE FROM not_applicable WHERE catalog_id = ?1 AND guideline_item_id = ?2",
                params![r.catalog_id, r.entity_id],
            )?;
        }
        (_, ChangeOp::Update) => {
            let field = r.field.as_deref().unwrap_or_default();
            let (table, key, allowed): (&str, &str, &[&str]) = match entity {
                HistoryEntity::Item => ("items", "id = CAST(?2 AS INTEGER)", &ITEM_FIELDS),
                HistoryEntity::Withheld => {
                    ("withheld", "id = CAST(?2 AS INTEGER)", &WITHHELD_FIELDS)
                }
                HistoryEntity::NotApplicable => (
                    "not_applicable",
                    "guideline_item_id = ?2 AND catalog_id = ?3",
                    &["reason"],
                ),
            };
            // 列名只取自固定的列表，不拼接存储里的文字。
            let Some(col) = allowed.iter().find(|c| **c == field) else {
                return Err(corrupt(field));
            };
            let sql = format!("UPDATE {table} SET {col} = ?1 WHERE {key}");
            if entity == HistoryEntity::NotApplicable {
                tx.execute(&sql, params![r.old_value, r.entity_id, r.catalog_id])?;
            } else {
                tx.execute(&sql, params![r.old_value, r.entity_id])?;
            }
            if entity == HistoryEntity::Item && *col == "domain" {
                if let Some(d) = &r.old_value {
                    ensure_domain(tx, r.catalog_id, d)?;
                }
            }
        }
        (HistoryEntity::Item, ChangeOp::Delete) => {
            let json = r
                .old_value
                .as_deref()
                .ok_or_else(|| corrupt("删除的事项"))?;
            let item = item_from_json(tx, json)?;
            super::items::restore_in(tx, &item)?;
        }
        (HistoryEntity::Withheld, ChangeOp::Delete) => {
            tx.execute(
                "INSERT INTO withheld (id, catalog_id, domain, name, ground, detail)
                 SELECT json_extract(?1, '$.id'), json_extract(?1, '$.catalog_id'),
                        json_extract(?1, '$.domain'), json_extract(?1, '$.name'),
                        json_extract(?1, '$.ground'), json_extract(?1, '$.detail')",
                [&r.old_value],
            )?;
        }
        (HistoryEntity::NotApplicable, ChangeOp::Delete) => {
            tx.execute(
                "INSERT INTO not_applicable (catalog_id, guideline_item_id, reason)
                 SELECT json_extract(?1, '$.catalog_id'), json_extract(?1, '$.guideline_item_id'),
                        json_extract(?1, '$.reason')",
                [&r.old_value],
            )?;
        }
    }
    Ok(())
}

/// 删除记录里存的整条事项。
fn item_from_json(tx: &Transaction, json: &str) -> Result<Item> {
    let cols = std::iter::once("id")
        .chain(std::iter::once("catalog_id"))
        .chain(ITEM_FIELDS)
        .map(|c| format!("json_extract(?1, '$.{c}') AS {c}"))
        .collect::<Vec<_>>()
        .join(", ");
    let raw = tx.query_row(&format!("SELECT {cols}"), [json], raw)?;
    build(raw)
}

/// 把领域内的顺序重新编为 0, 1, 2…（保持原来的先后）。
fn renumber_domain(tx: &Transaction, catalog_id: i64, domain: &str) -> Result<()> {
    let ids: Vec<i64> = {
        let mut st = tx.prepare_cached(
            "SELECT id FROM items WHERE catalog_id = ?1 AND domain = ?2 ORDER BY position, id",
        )?;
        let v = st
            .query_map(params![catalog_id, domain], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        v
    };
    let mut st = tx.prepare_cached("UPDATE items SET position = ?2 WHERE id = ?1")?;
    for (pos, id) in ids.iter().enumerate() {
        st.execute(params![id, pos as i64])?;
    }
    Ok(())
}
