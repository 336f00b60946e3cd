//! 门户体检：读网站内容管理系统导出的栏目清单（工作簿或 CSV），猜出各列的对应（预览里由用户确认或改），
//! 再与目录的栏目表对照（[`mulu_review::portal::check_portal`]）。不联网。

use std::path::Path;

use mulu_core::model::normalize_column_path;
use mulu_core::store::Store;
use mulu_import::listing::{guess_header, parse_column, read_listing, ListingTable, RoleSpec};
use mulu_import::ReadOptions;
use mulu_review::portal::{check_portal, parse_date, PortalReport, PortalRow};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ApiError, Result};

/// 门户导出里要找的列：栏目路径（必需）、上级栏目、网址、文档数、最后更新日期。
pub const CMS_ROLES: &[RoleSpec] = &[
    RoleSpec {
        name: "栏目路径",
        synonyms: &[
            "栏目路径",
            "栏目全路径",
            "栏目位置",
            "所属栏目",
            "栏目名称",
            "栏目",
            "频道名称",
            "频道",
            "路径",
            "channel",
            "path",
            "column",
        ],
    },
    RoleSpec {
        name: "上级栏目",
        synonyms: &["上级栏目", "父栏目", "上级频道", "父频道", "parent"],
    },
    RoleSpec {
        name: "网址",
        synonyms: &[
            "栏目地址",
            "栏目链接",
            "栏目网址",
            "链接地址",
            "访问地址",
            "网址",
            "链接",
            "地址",
            "url",
            "link",
        ],
    },
    RoleSpec {
        name: "文档数",
        synonyms: &[
            "文档数",
            "文章数",
            "信息数",
            "信息条数",
            "稿件数",
            "发布数",
            "条数",
            "数量",
            "count",
            "total",
            "文档数量",
            "信息量",
        ],
    },
    RoleSpec {
        name: "最后更新日期",
        synonyms: &[
            "最后更新",
            "最近更新",
            "更新时间",
            "更新日期",
            "最新发布",
            "最后发布",
            "最近发布",
            "发布时间",
            "发布日期",
            "最后修改",
            "修改时间",
            "update",
            "modified",
            "date",
        ],
    },
];

/// 各列的对应（列号从 0 起）。`path` 必需，其余可缺：缺网址只按路径对照，缺文档数不查空栏目，
/// 缺日期不查更新。
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CmsMapping {
    /// 读哪张表。
    pub sheet: String,
    /// 表头所在行（从 0 起），数据从下一行开始。
    #[ts(type = "number")]
    pub header_row: usize,
    pub path: Option<u32>,
    pub parent: Option<u32>,
    pub url: Option<u32>,
    pub count: Option<u32>,
    pub updated: Option<u32>,
}

/// 读门户导出的预览：用了哪种对应、表头文字、读出的各栏目、读不出的格的说明。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CmsPreview {
    pub file: String,
    pub sheets: Vec<String>,
    pub mapping: CmsMapping,
    /// 表头行的文字（供用户改对应时选）。
    pub headers: Vec<String>,
    pub rows: Vec<PortalRow>,
    pub warnings: Vec<String>,
}

impl CmsPreview {
    /// 各列对应的一句说明，例如“栏目路径=B（栏目全路径）、网址=C（访问地址）……”。
    pub fn mapping_text(&self) -> String {
        let m = &self.mapping;
        crate::listing::mapping_text(
            &[
                ("栏目路径", m.path),
                ("上级栏目", m.parent),
                ("网址", m.url),
                ("文档数", m.count),
                ("最后更新日期", m.updated),
            ],
            &self.headers,
        )
    }
}

/// 读门户导出。`mapping` 为空时自动找表头与各列（找不到栏目路径列是错误，请用户指定）；
/// 给出时按它读（用户在预览里确认或改过的）。
pub fn read_cms_export(path: &Path, mapping: Option<&CmsMapping>) -> Result<CmsPreview> {
    let tables = read_listing(path, &ReadOptions::default())?;
    let sheets: Vec<String> = tables.iter().map(|t| t.sheet.clone()).collect();
    let file = path.display().to_string();
    let (table, mapping) = match mapping {
        Some(m) => {
            let t = tables
                .iter()
                .find(|t| t.sheet == m.sheet)
                .or_else(|| (m.sheet.is_empty()).then(|| tables.first()).flatten())
                .ok_or_else(|| {
                    ApiError::Invalid(format!("“{file}”里没有名为“{}”的表。", m.sheet))
                })?;
            if m.path.is_none() {
                return Err(ApiError::Invalid("请指定哪一列是栏目路径。".into()));
            }
            let mut m = m.clone();
            m.sheet = t.sheet.clone();
            (t, m)
        }
        None => tables
            .iter()
            .find_map(|t| {
                let g = guess_header(t, CMS_ROLES, 2)?;
                Some((
                    t,
                    CmsMapping {
                        sheet: t.sheet.clone(),
                        header_row: g.row,
                        path: g.columns[0],
                        parent: g.columns[1],
                        url: g.columns[2],
                        count: g.columns[3],
                        updated: g.columns[4],
                    },
                ))
            })
            .ok_or_else(|| ApiError::ListingHeaderMissing {
                file: file.clone(),
                what: "栏目清单",
                needs: "至少要有栏目路径或栏目名称一列，以及网址、文档数、更新日期中的一列",
            })?,
    };
    let headers = table
        .rows
        .get(mapping.header_row)
        .cloned()
        .unwrap_or_default();
    let (rows, warnings) = read_rows(table, &mapping);
    Ok(CmsPreview {
        file,
        sheets,
        mapping,
        headers,
        rows,
        warnings,
    })
}

fn read_rows(t: &ListingTable, m: &CmsMapping) -> (Vec<PortalRow>, Vec<String>) {
    let mut rows = Vec::new();
    let mut warnings = Vec::new();
    let Some(pc) = m.path else {
        return (rows, warnings);
    };
    for r in m.header_row + 1..t.rows.len() {
        let mut path = t.cell(r, pc).to_string();
        if let Some(parent) = m.parent {
            let p = t.cell(r, parent);
            if !p.trim().is_empty() {
                path = format!("{p}/{path}");
            }
        }
        let path = normalize_column_path(&path);
        if path.is_empty() {
            continue;
        }
        let cell = mulu_core::cellref::format(r as u32, pc);
        let count = m.count.and_then(|c| {
            let s = t.cell(r, c).trim();
            if s.is_empty() {
                return None;
            }
            let n = s
                .replace([',', '，'], "")
                .parse::<f64>()
                .ok()
                .filter(|n| *n >= 0.0);
            if n.is_none() {
                warnings.push(format!(
                    "{}!{}：文档数“{s}”不是数字，这一栏目不查是否为空。",
                    t.sheet,
                    mulu_core::cellref::format(r as u32, c)
                ));
            }
            n.map(|n| n as u32)
        });
        let updated = m.updated.and_then(|c| {
            let s = t.cell(r, c).trim();
            if s.is_empty() {
                return None;
            }
            let d = parse_date(s);
            if d.is_none() {
                warnings.push(format!(
                    "{}!{}：更新日期“{s}”读不出，这一栏目不查是否按时更新。",
                    t.sheet,
                    mulu_core::cellref::format(r as u32, c)
                ));
            }
            d.map(mulu_review::portal::format_date)
        });
        rows.push(PortalRow {
            path,
            url: m
                .url
                .map(|c| t.cell(r, c).trim().to_string())
                .unwrap_or_default(),
            count,
            updated,
            sheet: t.sheet.clone(),
            cell,
        });
    }
    (rows, warnings)
}

/// “今天”：给出时按 `YYYY-MM-DD` 读（结果可重现），否则取当前日期（北京时间）。
pub fn today(arg: Option<&str>) -> Result<i64> {
    match arg {
        Some(s) => parse_date(s).ok_or_else(|| {
            ApiError::Invalid(format!(
                "日期“{s}”读不出，请写成 YYYY-MM-DD，例如 2026-12-02。"
            ))
        }),
        None => {
            let secs = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .unwrap_or(0)
                + 8 * 3600;
            Ok(secs.div_euclid(86_400))
        }
    }
}

/// 对照目录与门户导出。
pub fn check(
    store: &Store,
    catalog_id: i64,
    preview: &CmsPreview,
    today: i64,
) -> Result<PortalReport> {
    let tree = store.column_tree(catalog_id)?;
    let items = store.list_items(catalog_id)?;
    Ok(check_portal(&tree, &items, &preview.rows, today))
}

/// 命令行的 `--map 栏目路径=B`：按列名（[`CMS_ROLES`] 的名称，或“路径”“网址”“文档数”“日期”）改对应。
pub fn apply_map_arg(m: &mut CmsMapping, arg: &str) -> Result<()> {
    let bad = || {
        ApiError::Invalid(format!(
            "“{arg}”应写成 列名=列号，例如 栏目路径=B、网址=C、文档数=D、最后更新日期=E（列号也可写数字，从 1 起）。"
        ))
    };
    let (k, v) = arg.split_once('=').ok_or_else(bad)?;
    let col = if v.trim() == "无" {
        None
    } else {
        Some(parse_column(v).ok_or_else(bad)?)
    };
    match k.trim() {
        "栏目路径" | "路径" | "栏目" => m.path = col,
        "上级栏目" | "上级" => m.parent = col,
        "网址" | "地址" | "链接" => m.url = col,
        "文档数" | "数量" => m.count = col,
        "最后更新日期" | "更新日期" | "日期" => m.updated = col,
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
