//! 权责清单、公共服务事项清单：读清单（猜出各列，用户可改）、与目录对照
//! （[`mulu_review::powers::check_powers`]）、把用户确认的建议事项加为本级特色事项。

use std::path::Path;

use mulu_core::model::{Item, ItemFields};
use mulu_core::store::Store;
use mulu_import::listing::{guess_header, parse_column, read_listing, ListingTable, RoleSpec};
use mulu_import::ReadOptions;
use mulu_review::powers::{check_powers, Power, PowersReport};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ApiError, Result};

/// 清单里要找的列：事项名称（必需）、事项类型、实施依据、实施主体。
pub const POWER_ROLES: &[RoleSpec] = &[
    RoleSpec {
        name: "事项名称",
        synonyms: &[
            "事项名称",
            "权力事项名称",
            "权力名称",
            "职权名称",
            "服务事项名称",
            "服务名称",
            "项目名称",
            "子项名称",
            "事项",
        ],
    },
    RoleSpec {
        name: "事项类型",
        synonyms: &[
            "事项类型",
            "权力类型",
            "职权类型",
            "权力类别",
            "事项类别",
            "类型",
            "类别",
        ],
    },
    RoleSpec {
        name: "实施依据",
        synonyms: &["实施依据", "设定依据", "法律依据", "依据", "法定依据"],
    },
    RoleSpec {
        name: "实施主体",
        synonyms: &[
            "实施主体",
            "责任主体",
            "实施机关",
            "承办机构",
            "责任单位",
            "主体",
        ],
    },
];

/// 各列的对应（列号从 0 起）。
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PowersMapping {
    pub sheet: String,
    #[ts(type = "number")]
    pub header_row: usize,
    pub name: Option<u32>,
    pub kind: Option<u32>,
    pub basis: Option<u32>,
    pub subject: Option<u32>,
}

/// 读清单的预览。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PowersPreview {
    pub file: String,
    pub mapping: PowersMapping,
    pub headers: Vec<String>,
    pub powers: Vec<Power>,
}

impl PowersPreview {
    /// 各列对应的一句说明。
    pub fn mapping_text(&self) -> String {
        let m = &self.mapping;
        crate::listing::mapping_text(
            &[
                ("事项名称", m.name),
                ("事项类型", m.kind),
                ("实施依据", m.basis),
                ("实施主体", m.subject),
            ],
            &self.headers,
        )
    }
}

/// 读清单：`mapping` 为空时自动找表头（每张表都读，合在一起）；给出时按它读那一张表。
pub fn read_powers(path: &Path, mapping: Option<&PowersMapping>) -> Result<PowersPreview> {
    let tables = read_listing(path, &ReadOptions::default())?;
    let file = path.display().to_string();
    let mut found: Vec<(&ListingTable, PowersMapping)> = Vec::new();
    match mapping {
        Some(m) => {
            let t = tables
                .iter()
                .find(|t| t.sheet == m.sheet || m.sheet.is_empty())
                .ok_or_else(|| {
                    ApiError::Invalid(format!("“{file}”里没有名为“{}”的表。", m.sheet))
                })?;
            if m.name.is_none() {
                return Err(ApiError::Invalid("请指定哪一列是事项名称。".into()));
            }
            found.push((
                t,
                PowersMapping {
                    sheet: t.sheet.clone(),
                    ..m.clone()
                },
            ));
        }
        None => {
            for t in &tables {
                if let Some(g) = guess_header(t, POWER_ROLES, 2) {
                    found.push((
                        t,
                        PowersMapping {
                            sheet: t.sheet.clone(),
                            header_row: g.row,
                            name: g.columns[0],
                            kind: g.columns[1],
                            basis: g.columns[2],
                            subject: g.columns[3],
                        },
                    ));
                }
            }
        }
    }
    let Some((first, first_map)) = found.first().cloned() else {
        return Err(ApiError::ListingHeaderMissing {
            file,
            what: "清单",
            needs: "至少要有事项名称一列，以及事项类型、实施依据、实施主体中的一列",
        });
    };
    let mut powers = Vec::new();
    for (t, m) in &found {
        let Some(nc) = m.name else { continue };
        for r in m.header_row + 1..t.rows.len() {
            let name = mulu_core::text::tidy(t.cell(r, nc));
            if name.is_empty() {
                continue;
            }
            let get = |c: Option<u32>| {
                c.map(|c| mulu_core::text::tidy(t.cell(r, c)))
                    .unwrap_or_default()
            };
            powers.push(Power {
                name,
                kind: get(m.kind),
                basis: get(m.basis),
                subject: get(m.subject),
                sheet: t.sheet.clone(),
                cell: mulu_core::cellref::format(r as u32, nc),
            });
        }
    }
    Ok(PowersPreview {
        file,
        headers: first
            .rows
            .get(first_map.header_row)
            .cloned()
            .unwrap_or_default(),
        mapping: first_map,
        powers,
    })
}

/// 对照清单与目录。
pub fn check(store: &Store, catalog_id: i64, preview: &PowersPreview) -> Result<PowersReport> {
    let catalog = store.get_catalog(catalog_id)?;
    let items = store.list_items(catalog_id)?;
    let guidelines = mulu_review::load_guidelines(store)?;
    Ok(check_powers(
        &preview.powers,
        &items,
        &guidelines,
        &catalog.domains,
    ))
}

/// 用户确认（可能改过）的建议事项加为本级特色事项。名称与领域不能为空。
pub fn add_suggested(store: &mut Store, catalog_id: i64, fields: &ItemFields) -> Result<Item> {
    if fields.l1.trim().is_empty() && fields.l2.trim().is_empty() {
        return Err(ApiError::Invalid("请填写事项名称后再添加。".into()));
    }
    if fields.domain.trim().is_empty() {
        return Err(ApiError::Invalid("请为这个事项选择领域后再添加。".into()));
    }
    Ok(store.add_item(catalog_id, fields)?)
}

/// 命令行的 `--map 事项名称=B`。
pub fn apply_map_arg(m: &mut PowersMapping, arg: &str) -> Result<()> {
    let bad = || {
        ApiError::Invalid(format!(
            "“{arg}”应写成 列名=列号，例如 事项名称=B、事项类型=C、实施依据=D、实施主体=E（列号也可写数字，从 1 起）。"
        ))
    };
    let (k, v) = arg.split_once('=').ok_or_else(bad)?;
    let col = if v.trim() == "无" {
        None
    } else {
        Some(parse_column(v).ok_or_else(bad)?)
    };
    match k.trim() {
        "事项名称" | "名称" => m.name = col,
        "事项类型" | "类型" => m.kind = col,
        "实施依据" | "依据" => m.basis = col,
        "实施主体" | "主体" => m.subject = col,
        "表头行" => {
            m.header_row = v
                .trim()
                .parse::<usize>()
                .ok()
                .and_then(|n| n.checked_sub(1))
                .ok_or_else(bad)?
        }
        _ => return Err(bad()),
    }
    Ok(())
}
