//! 比较两个版本的目录：每个版本是库里的目录编号，或一个文件（.xlsx/.xls/.docx 按导入读，
//! .json 按本程序导出的 JSON 读）。比较本身在 [`mulu_review::diff`]。

use std::path::Path;

use mulu_core::store::Store;
use mulu_review::diff::{diff, CatalogDiff, Located};

use crate::import::{read_file, read_options};
use crate::{ApiError, Result};

/// 读出的一个版本：显示用的名称与逐项内容。
#[derive(Debug, Clone)]
pub struct Version {
    pub label: String,
    pub items: Vec<Located>,
}

/// 读一个版本。`spec` 是纯数字、库里有这份目录、且不是一个存在的文件时按目录编号；否则按文件读
/// （与导入相同的上限）。
pub fn load_version(store: &Store, spec: &str) -> Result<Version> {
    let spec = spec.trim();
    if spec.is_empty() {
        return Err(ApiError::Invalid("请给出要比较的目录编号或文件。".into()));
    }
    let path = Path::new(spec);
    if let Ok(id) = spec.parse::<i64>() {
        if !path.exists() {
            let c = store.get_catalog(id)?;
            let items = store.list_items(id)?;
            return Ok(Version {
                label: format!("{}（目录 {id}）", c.title),
                items: Located::from_items(&items),
            });
        }
    }
    let opts = read_options(store, None)?;
    let is_json = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let items = if is_json {
        let (_, bytes) = read_file(path, opts.max_file_bytes)?;
        let text = String::from_utf8(bytes).map_err(|_| {
            ApiError::Invalid(format!(
                "“{spec}”不是 UTF-8 编码的文本，不是本程序导出的 JSON 文件。"
            ))
        })?;
        Located::from_items(&mulu_export::json::from_str(&text)?.items)
    } else {
        let (_, bytes) = read_file(path, opts.max_file_bytes)?;
        Located::from_preview(&mulu_import::read_workbook_bytes(spec, bytes, &opts)?)
    };
    Ok(Version {
        label: spec.to_string(),
        items,
    })
}

/// 比较两个版本（见 [`load_version`]）。
pub fn diff_versions(store: &Store, old: &str, new: &str) -> Result<CatalogDiff> {
    let old = load_version(store, old)?;
    let new = load_version(store, new)?;
    Ok(diff(&old.label, &old.items, &new.label, &new.items))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;
    use mulu_core::model::{ItemFields, NewCatalog, NewUnit, UnitKind};

    #[test]
    fn compares_a_stored_catalog_with_a_file_and_refuses_what_it_cannot_read() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(&dir.path().join("mulu.db")).unwrap();
        let unit = s
            .create_unit(&NewUnit::new("某某镇", UnitKind::Township))
            .unwrap();
        let cat = s.create_catalog(&NewCatalog::new(unit.id, 2026)).unwrap();
        s.add_item(
            cat.id,
            &ItemFields {
                domain: "社会救助".into(),
                l1: "最低生活保障".into(),
                l2: "办事指南".into(),
                ..ItemFields::default()
            },
        )
        .unwrap();

        let stored = load_version(&s, &cat.id.to_string()).unwrap();
        assert_eq!(stored.items.len(), 1);
        assert!(
            stored.label.ends_with(&format!("（目录 {}）", cat.id)),
            "{}",
            stored.label
        );

        let file = fixture("official_openpyxl.xlsx");
        let d = diff_versions(&s, &cat.id.to_string(), &file.display().to_string()).unwrap();
        assert!(!d.added.is_empty());
        assert_eq!(d.new, file.display().to_string());

        assert!(matches!(load_version(&s, "  "), Err(ApiError::Invalid(_))));
        assert!(load_version(&s, "999999").is_err(), "no such catalog");
        let bad = dir.path().join("坏.json");
        std::fs::write(&bad, [0xff, 0xfe, 0x00]).unwrap();
        let err = load_version(&s, &bad.display().to_string()).unwrap_err();
        assert!(err.to_string().contains("UTF-8"), "{err}");
    }
}
