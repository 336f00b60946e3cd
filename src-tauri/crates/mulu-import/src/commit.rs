//! 提交预览：与目标目录比对（新增/更改/不变），与指引按名称匹配以恢复来源，
//! 再在一个事务里写入（新建目录用 `Store::insert_catalog`，合并用 `Store::apply_import`）。

use std::collections::HashMap;

use mulu_core::guideline::GuidelineDomain;
use mulu_core::model::{
    Catalog, CatalogExport, CatalogStatus, ChangedItem, ImportPlan, ImportPreview, Item,
    ItemFields, PlannedItem, Provenance, Unit, UnitKind,
};
use mulu_core::store::{ImportChanges, Store, StoreError, CATALOG_FORMAT_VERSION};

use mulu_core::matching::{name_key, EditDistance};

/// 导入到哪里。
#[derive(Debug, Clone)]
pub enum Target {
    /// 新建一份目录。
    New(NewCatalogInfo),
    /// 合并进已有目录。
    Existing(i64),
}

/// 新建目录时的单位与年度（本程序导出的文件自带，命令行参数可覆盖）。
#[derive(Debug, Clone)]
pub struct NewCatalogInfo {
    pub unit: Option<String>,
    pub kind: Option<UnitKind>,
    pub year: Option<i32>,
}

/// 提交后的结果。
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CommitOutcome {
    pub catalog_id: i64,
    pub added: usize,
    pub changed: usize,
    pub unchanged: usize,
}

pub type MergePlan = ImportPlan;

/// 一项改动（供界面逐条展示）。
pub type Change = ChangedItem;

/// 比对预览与目标目录（`into` 为空表示新建目录），不写数据库。
pub fn plan(
    store: &Store,
    preview: &ImportPreview,
    into: Option<i64>,
) -> Result<ImportPlan, StoreError> {
    let existing: Vec<Item> = match into {
        Some(id) => {
            store.get_catalog(id)?;
            store.list_items(id)?
        }
        None => Vec::new(),
    };
    let by_id: HashMap<i64, &Item> = existing.iter().map(|i| (i.id, i)).collect();
    let by_name: HashMap<(String, String, String), &Item> =
        existing.iter().map(|i| (name_of(&i.fields), i)).collect();
    let mut guidelines = GuidelineCache::default();
    let mut out = ImportPlan {
        catalog_id: into,
        added: Vec::new(),
        changed: Vec::new(),
        unchanged: 0,
        skipped_sheets: Vec::new(),
    };
    for sheet in &preview.sheets {
        let Some(domain) = &sheet.domain else {
            if !sheet.items.is_empty() {
                out.skipped_sheets.push(sheet.sheet.clone());
            }
            continue;
        };
        for it in &sheet.items {
            let mut fields = it.fields.clone();
            fields.domain = domain.clone();
            let matched = it
                .id
                .and_then(|id| by_id.get(&id))
                .or_else(|| by_name.get(&name_of(&fields)))
                .copied();
            match matched {
                Some(old) => {
                    let changed = old.fields.changed_fields(&fields);
                    if changed.is_empty() {
                        out.unchanged += 1;
                    } else {
                        out.changed.push(ChangedItem {
                            id: old.id,
                            before: old.fields.clone(),
                            after: fields,
                            fields: changed,
                            sheet: it.sheet.clone(),
                            row: it.row,
                        });
                    }
                }
                None => {
                    let provenance = match &it.provenance {
                        Some(p) => p.clone(),
                        None => guidelines.match_item(store, &fields),
                    };
                    out.added.push(PlannedItem {
                        fields,
                        provenance,
                        id: if into.is_none() { it.id } else { None },
                        sheet: it.sheet.clone(),
                        row: it.row,
                    });
                }
            }
        }
    }
    Ok(out)
}

/// 写入：新建目录或合并进已有目录，整个过程一个事务。
pub fn commit(
    store: &mut Store,
    preview: &ImportPreview,
    plan: &ImportPlan,
    target: &Target,
) -> Result<CommitOutcome, StoreError> {
    match target {
        Target::Existing(id) => {
            let changes = ImportChanges {
                add: plan
                    .added
                    .iter()
                    .map(|p| (p.fields.clone(), p.provenance.clone()))
                    .collect(),
                update: plan
                    .changed
                    .iter()
                    .map(|c| (c.id, c.after.clone()))
                    .collect(),
            };
            let (added, changed) = store.apply_import(*id, &changes)?;
            Ok(CommitOutcome {
                catalog_id: *id,
                added,
                changed,
                unchanged: plan.unchanged,
            })
        }
        Target::New(info) => {
            let export = to_export(store, preview, plan, info)?;
            let c = store.insert_catalog(&export)?;
            Ok(CommitOutcome {
                catalog_id: c.id,
                added: plan.added.len(),
                changed: 0,
                unchanged: 0,
            })
        }
    }
}

/// 新建目录时要写入的完整目录：单位与目录取自文件的往返数据，或命令行给的信息与标题里的单位名。
pub fn to_export(
    store: &Store,
    preview: &ImportPreview,
    plan: &ImportPlan,
    info: &NewCatalogInfo,
) -> Result<CatalogExport, StoreError> {
    let now: String = store
        .connection()
        .query_row("SELECT strftime('%Y-%m-%dT%H:%M:%SZ','now')", [], |r| {
            r.get(0)
        })
        .map_err(StoreError::from)?;
    let origin = preview.origin.as_ref();
    let unit_name = info
        .unit
        .clone()
        .or_else(|| origin.map(|o| o.unit.name.clone()))
        .or_else(|| preview.unit_hint.clone())
        .ok_or_else(|| {
            StoreError::Invalid(
                "文件里没有写明单位（标题行中找不到单位名），请指定单位名称。".into(),
            )
        })?;
    let mut unit = match origin {
        Some(o) if o.unit.name == unit_name => o.unit.clone(),
        _ => Unit {
            id: 0,
            name: unit_name.clone(),
            // 猜不出时按县级部门（用户可在程序里或用 --kind 改）。
            kind: UnitKind::guess(&unit_name).unwrap_or(UnitKind::CountyDepartment),
            region: Vec::new(),
        },
    };
    if let Some(k) = info.kind {
        unit.kind = k;
    }
    let mut catalog = match origin {
        Some(o) => o.catalog.clone(),
        None => Catalog {
            id: 0,
            unit_id: 0,
            year: 0,
            title: String::new(),
            status: CatalogStatus::Draft,
            domains: Vec::new(),
            created_at: now.clone(),
            updated_at: now,
        },
    };
    if let Some(y) = info.year {
        catalog.year = y;
    }
    if catalog.year == 0 {
        return Err(StoreError::Invalid(
            "文件里没有写明年度，请指定年度。".into(),
        ));
    }
    if catalog.title.is_empty()
        || origin.is_some_and(|o| o.unit.name != unit.name || o.catalog.year != catalog.year)
    {
        catalog.title = format!("{}{}年政务公开事项标准目录", unit.name, catalog.year);
    }
    let mut positions: HashMap<String, i64> = HashMap::new();
    let mut items = Vec::with_capacity(plan.added.len());
    for p in &plan.added {
        if !catalog.domains.contains(&p.fields.domain) {
            catalog.domains.push(p.fields.domain.clone());
        }
        let pos = positions.entry(p.fields.domain.clone()).or_insert(0);
        items.push(Item {
            id: p.id.unwrap_or(0),
            catalog_id: 0,
            position: *pos,
            fields: p.fields.clone(),
            provenance: p.provenance.clone(),
        });
        *pos += 1;
    }
    Ok(CatalogExport {
        format_version: CATALOG_FORMAT_VERSION,
        unit,
        catalog,
        items,
        withheld: origin.map(|o| o.withheld.clone()).unwrap_or_default(),
        not_applicable: origin.map(|o| o.not_applicable.clone()).unwrap_or_default(),
    })
}

fn name_of(f: &ItemFields) -> (String, String, String) {
    (
        f.domain.clone(),
        name_key(&f.l1).into_owned(),
        name_key(&f.l2).into_owned(),
    )
}

/// 按领域缓存指引，用名称把导入的事项配回指引事项。
#[derive(Default)]
struct GuidelineCache {
    domains: HashMap<String, Option<GuidelineDomain>>,
}

impl GuidelineCache {
    fn match_item(&mut self, store: &Store, f: &ItemFields) -> Provenance {
        let g = self
            .domains
            .entry(f.domain.clone())
            .or_insert_with(|| store.guideline_domain(&f.domain, None).ok());
        let Some(g) = g else {
            return Provenance::Local;
        };
        let (l1, l2) = (name_key(&f.l1), name_key(&f.l2));
        let whole: Vec<char> = l1.chars().chain(l2.chars()).collect();
        let limit = match whole.len() {
            0..=3 => 0,
            4..=9 => 1,
            _ => 2,
        };
        let mut ed = EditDistance::default();
        let mut best: Option<(usize, &mulu_core::guideline::GuidelineItem)> = None;
        for gi in &g.items {
            let (g1, g2) = (name_key(&gi.l1), name_key(&gi.l2));
            // 完全相同；或文件只有一栏事项名，与指引的二级事项相同。
            let exact = (g1 == l1 && g2 == l2) || (l2.is_empty() && !g2.is_empty() && g2 == l1);
            let dist = if exact {
                0
            } else if g2 == l2 && !l2.is_empty()
                || g1 == l1 && !l1.is_empty() && g2.is_empty() == l2.is_empty()
            {
                // 一级事项写法不同而二级事项相同，或反之：看整体的编辑距离。
                let g: Vec<char> = g1.chars().chain(g2.chars()).collect();
                ed.within(&g, &whole, limit).unwrap_or(usize::MAX)
            } else {
                usize::MAX
            };
            if dist <= limit && best.is_none_or(|(d, _)| dist < d) {
                best = Some((dist, gi));
            }
        }
        match best {
            Some((_, gi)) => Provenance::Guideline {
                guideline_item_id: gi.id.clone(),
                data_version: g.data_version.clone(),
                modified: gi.to_fields(&f.domain).with_notes(&f.notes) != *f,
            },
            None => Provenance::Local,
        }
    }
}
