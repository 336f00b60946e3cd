//! 门户栏目：生成栏目表、编辑、把事项对应到栏目、导出栏目表（工作簿/CSV）；网页导出里事项链接到
//! 栏目（[`crate::export::prepare`] 填入 [`mulu_export::PortalLink`]）。门户体检见 [`crate::portal_check`]。
//!
//! ```
//! use mulu_api::portal;
//! # fn main() -> mulu_api::Result<()> {
//! # let dir = tempfile::tempdir().unwrap();
//! let mut store = mulu_core::store::Store::open(&dir.path().join("mulu.db"))?;
//! # let unit = store.create_unit(&mulu_core::model::NewUnit::new("某某县某某镇人民政府", mulu_core::model::UnitKind::Township))?;
//! # let id = store.create_catalog(&mulu_core::model::NewCatalog::new(unit.id, 2026))?.id;
//! # store.adopt_domain(id, "社会救助", None)?;
//! let done = portal::generate(&mut store, id, None)?;
//! assert!(done.items_linked > 0);
//! let out = dir.path().join("栏目.csv");
//! portal::export_columns(&store, id, portal::ColumnsFormat::Csv, &out)?;
//! assert!(std::fs::read_to_string(&out).unwrap().contains("政府信息公开/法定主动公开内容/社会救助"));
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use mulu_core::model::{ColumnTree, ColumnsGenerated, DEFAULT_COLUMN_ROOT};
use mulu_core::store::Store;
use mulu_export::PortalLink;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ApiError, Result};

/// 栏目表导出成什么。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ColumnsFormat {
    /// Excel 工作簿。
    Xlsx,
    /// CSV（UTF-8，带 BOM）。
    Csv,
}

/// 按领域与一级事项生成栏目表（`root` 为空时用 [`DEFAULT_COLUMN_ROOT`]）：只补上没有的栏目与对应，
/// 已有的（含手工改过的）不动。
pub fn generate(
    store: &mut Store,
    catalog_id: i64,
    root: Option<&str>,
) -> Result<ColumnsGenerated> {
    let root = root
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .unwrap_or(DEFAULT_COLUMN_ROOT);
    Ok(store.generate_columns(catalog_id, root)?)
}

/// 目录的栏目表。
pub fn tree(store: &Store, catalog_id: i64) -> Result<ColumnTree> {
    Ok(store.column_tree(catalog_id)?)
}

/// 把事项对应到栏目（`None`：取消对应），返回新的栏目表。
pub fn link_item(store: &mut Store, item_id: i64, column_id: Option<i64>) -> Result<ColumnTree> {
    let catalog_id = store.get_item(item_id)?.catalog_id;
    store.link_item_column(item_id, column_id)?;
    Ok(store.column_tree(catalog_id)?)
}

/// 改一个栏目的路径（下级栏目随之改名）与网址（门户管理员建好栏目后填网址），返回新的栏目表。
pub fn update_column(
    store: &mut Store,
    column_id: i64,
    path: &str,
    url: &str,
) -> Result<ColumnTree> {
    let catalog_id = store.get_column(column_id)?.catalog_id;
    store.update_column(column_id, path, url)?;
    Ok(store.column_tree(catalog_id)?)
}

/// 新增一个栏目（路径写出各级，用“/”分隔，放在栏目表末尾），返回新的栏目表。
pub fn add_column(store: &mut Store, catalog_id: i64, path: &str, url: &str) -> Result<ColumnTree> {
    store.add_column(catalog_id, path, url)?;
    Ok(store.column_tree(catalog_id)?)
}

/// 删除一个栏目连同下级栏目（对应到它们的事项变为没有栏目），返回新的栏目表。
pub fn delete_column(store: &mut Store, column_id: i64) -> Result<ColumnTree> {
    let catalog_id = store.get_column(column_id)?.catalog_id;
    store.delete_column(column_id)?;
    Ok(store.column_tree(catalog_id)?)
}

/// 事项编号 → 它所在的栏目（网页导出用）。
pub fn links(store: &Store, catalog_id: i64) -> Result<BTreeMap<i64, PortalLink>> {
    let tree = store.column_tree(catalog_id)?;
    Ok(tree
        .links
        .iter()
        .filter_map(|l| {
            let c = tree.columns.iter().find(|c| c.id == l.column_id)?;
            Some((
                l.item_id,
                PortalLink {
                    path: c.path.clone(),
                    url: c.url.clone(),
                },
            ))
        })
        .collect())
}

/// 写出栏目表。目录还没有栏目时给出一句说明（先生成）。
pub fn export_columns(
    store: &Store,
    catalog_id: i64,
    format: ColumnsFormat,
    path: &Path,
) -> Result<usize> {
    if path.as_os_str().to_string_lossy().trim().is_empty() {
        return Err(ApiError::Invalid("请选择导出文件的位置。".into()));
    }
    let catalog = store.get_catalog(catalog_id)?;
    let tree = store.column_tree(catalog_id)?;
    if tree.columns.is_empty() {
        return Err(ApiError::NoPortalColumns {
            title: catalog.title,
            catalog_id,
        });
    }
    let items = store.list_items(catalog_id)?;
    mulu_export::portal::write_columns(
        &catalog.title,
        &tree,
        &items,
        format == ColumnsFormat::Csv,
        path,
    )?;
    Ok(tree.columns.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use mulu_core::model::{NewCatalog, NewUnit, UnitKind};

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
    fn export_needs_columns_and_html_gets_links() {
        let (mut s, id) = setup();
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("a.xlsx");
        let err = export_columns(&s, id, ColumnsFormat::Xlsx, &out).unwrap_err();
        assert!(err.to_string().contains("还没有门户栏目"), "{err}");
        assert!(!err.to_string().contains("mulu"), "{err}");
        assert!(err.cli_hint().unwrap().contains("mulu columns generate"));
        generate(&mut s, id, Some("  ")).unwrap();
        let n = export_columns(&s, id, ColumnsFormat::Xlsx, &out).unwrap();
        assert_eq!(n, tree(&s, id).unwrap().columns.len());
        let (export, opts) =
            crate::export::prepare(&s, id, &crate::export::ExportOptionsArg::default()).unwrap();
        assert_eq!(opts.portal_links.len(), export.items.len());
        let page = mulu_export::html(&export, &opts).unwrap();
        assert!(
            page.contains("<span class=\"portal\" title=\"政府信息公开/法定主动公开内容/社会救助/")
        );
    }

    #[test]
    fn link_and_update_return_the_new_tree() {
        let (mut s, id) = setup();
        generate(&mut s, id, None).unwrap();
        let t = tree(&s, id).unwrap();
        let item = t.links[0].item_id;
        let root = t.columns[0].id;
        let root_path = t.columns[0].path.clone();
        let t = link_item(&mut s, item, Some(root)).unwrap();
        assert_eq!(t.column_of(item).map(|c| c.id), Some(root));
        let t = link_item(&mut s, item, None).unwrap();
        assert!(t.column_of(item).is_none());
        let t = update_column(&mut s, root, &root_path, " https://x.gov.cn/ ").unwrap();
        assert_eq!(t.columns[0].url, "https://x.gov.cn/");
        assert!(link_item(&mut s, 9999, Some(root)).is_err());
    }

    #[test]
    fn custom_root() {
        let (mut s, id) = setup();
        generate(&mut s, id, Some("信息公开 > 重点领域")).unwrap();
        let t = tree(&s, id).unwrap();
        assert_eq!(t.columns[1].path, "信息公开/重点领域");
    }
}
