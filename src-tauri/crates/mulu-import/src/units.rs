//! 县里的报送单位名单：一个工作簿，每行一个单位（名称，可有类别）。表头宽容：名称栏是含“单位”或
//! “名称”的那一栏（如“单位名称”“单位全称”“名 称”），类别栏含“类别”“类型”或“性质”；前几行的标题、
//! 空行、序号栏与备注都不影响。没有认得出的表头时取第一张表的 A 栏。同名（忽略空白）的只取一次。

use std::path::Path;

use mulu_core::model::{ListedUnit, UnitKind};

use crate::normalize::key;
use crate::{workbook, ImportError, ReadOptions};

/// 在前几行里找表头。
const HEADER_ROWS: u32 = 10;

/// 读报送单位名单（.xlsx/.xls）。读不了，或一个单位也没有时返回错误。
pub fn read_unit_list(path: &Path, opts: &ReadOptions) -> Result<Vec<ListedUnit>, ImportError> {
    crate::guarded(path, || {
        let bytes = workbook::read_file(path, opts)?;
        let mut book = workbook::open_bytes(path, bytes, opts)?;
        for name in book.sheet_names() {
            let grid = workbook::sheet_grid(&mut book, path, &name, opts)?;
            let units = units_in(&grid);
            if !units.is_empty() {
                return Ok(units);
            }
        }
        Err(ImportError::NoUnits {
            path: path.to_path_buf(),
        })
    })
}

/// 表头所在的行与名称栏、类别栏。
fn header(grid: &crate::grid::Grid) -> Option<(u32, u32, Option<u32>)> {
    for r in 0..grid.height().min(HEADER_ROWS) {
        let keys: Vec<String> = grid.texts(r).map(key).collect();
        let name = keys.iter().position(|k| {
            (k.contains("单位") || k.contains("名称"))
                && !k.contains("类别")
                && !k.contains("类型")
                && k.chars().count() <= 8
        });
        if let Some(n) = name {
            let kind = keys
                .iter()
                .position(|k| k.contains("类别") || k.contains("类型") || k.contains("性质"));
            return Some((r, n as u32, kind.map(|k| k as u32)));
        }
    }
    None
}

fn units_in(grid: &crate::grid::Grid) -> Vec<ListedUnit> {
    let (first, name_col, kind_col) = match header(grid) {
        Some((r, n, k)) => (r + 1, n, k),
        None => (0, 0, None),
    };
    let mut out: Vec<ListedUnit> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for r in first..grid.height() {
        let name = grid.get(r, name_col).trim();
        let k = key(name);
        // 空格、纯数字（序号）、说明行（“注：”）不是单位。
        if k.is_empty()
            || k.chars().all(|c| c.is_ascii_digit() || c == '.')
            || k.starts_with("注")
            || seen.contains(&k)
        {
            continue;
        }
        let kind = kind_col
            .and_then(|c| UnitKind::from_label(grid.get(r, c)))
            .or_else(|| UnitKind::guess(name));
        seen.push(k);
        out.push(ListedUnit {
            name: mulu_core::text::squeeze(name),
            kind,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn fixture(name: &str) -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../../tests/fixtures/units")
            .join(name)
    }

    #[test]
    fn reads_a_county_list_with_a_title_and_loose_headers() {
        let units = read_unit_list(
            &fixture("county_units.xlsx"),
            &ReadOptions::with_builtin_domains(),
        )
        .unwrap();
        let got: Vec<(&str, Option<UnitKind>)> =
            units.iter().map(|u| (u.name.as_str(), u.kind)).collect();
        assert_eq!(
            got,
            vec![
                ("甲镇人民政府", Some(UnitKind::Township)),
                ("乙镇人民政府", Some(UnitKind::Township)),
                ("城关街道办事处", Some(UnitKind::Subdistrict)),
                ("丁镇人民政府", Some(UnitKind::Township)),
                ("某某县教育体育局", Some(UnitKind::CountyDepartment)),
            ]
        );
    }

    #[test]
    fn a_list_without_header_is_column_a() {
        let units = read_unit_list(
            &fixture("bare_units.xlsx"),
            &ReadOptions::with_builtin_domains(),
        )
        .unwrap();
        let names: Vec<&str> = units.iter().map(|u| u.name.as_str()).collect();
        assert_eq!(names, ["甲镇", "城关街道", "某某县教育体育局"]);
        assert_eq!(units[1].kind, Some(UnitKind::Subdistrict));
    }

    #[test]
    fn an_empty_list_or_a_non_workbook_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("名单.xlsx");
        let mut wb = rust_xlsxwriter::Workbook::new();
        wb.add_worksheet().write_string(0, 0, "单位名称").unwrap();
        wb.save(&p).unwrap();
        let e = read_unit_list(&p, &ReadOptions::with_builtin_domains()).unwrap_err();
        assert!(e.to_string().contains("没有找到单位"), "{e}");
        std::fs::write(&p, "不是工作簿").unwrap();
        let e = read_unit_list(&p, &ReadOptions::with_builtin_domains()).unwrap_err();
        assert!(e.to_string().contains("不是 Excel 工作簿"), "{e}");
    }
}
