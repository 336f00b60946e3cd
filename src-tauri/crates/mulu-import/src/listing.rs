//! 清单类表格：网站内容管理系统导出的栏目清单、权责清单、公共服务事项清单……——只要表头一行、
//! 每行一条的表格（工作簿或 CSV），由调用者说明要找哪些列（[`RoleSpec`]），这里找出表头行、
//! 猜出各列的对应（用户可在预览里改），再按对应读出各行（docs/linkage.md）。

use std::path::Path;

use crate::{ImportError, ReadOptions};

/// 读出的一张表：表名（CSV 为文件名）与各行的文字（行列从 0 起，短行不补齐）。
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListingTable {
    pub sheet: String,
    pub rows: Vec<Vec<String>>,
}

impl ListingTable {
    pub fn cell(&self, r: usize, c: u32) -> &str {
        self.rows
            .get(r)
            .and_then(|row| row.get(c as usize))
            .map_or("", |s| s.as_str())
    }
}

/// 一种要找的列：名称（给用户看的）与表头里可能的写法（含即可，不分大小写、不计空白）。
#[derive(Debug, Clone, Copy)]
pub struct RoleSpec {
    pub name: &'static str,
    pub synonyms: &'static [&'static str],
}

/// 猜出的表头：第几行（从 0 起）与每种列（按 [`RoleSpec`] 的顺序）在第几列。
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderGuess {
    pub row: usize,
    pub columns: Vec<Option<u32>>,
}

/// 读文件：`.csv`/`.txt`（UTF-8，可带 BOM；不是 UTF-8 时按 GBK 读，逗号或制表符分隔）或工作簿
/// （.xlsx/.xls，各张表）。
pub fn read_listing(path: &Path, opts: &ReadOptions) -> Result<Vec<ListingTable>, ImportError> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if ext == "csv" || ext == "txt" {
        let bytes = crate::workbook::read_file(path, opts)?;
        let sheet = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        return Ok(vec![ListingTable {
            sheet,
            rows: parse_csv(path, &bytes)?,
        }]);
    }
    let sheets = crate::read_sheet_cells(path, opts)?;
    Ok(sheets
        .into_iter()
        .map(|s| {
            let mut rows: Vec<Vec<String>> = Vec::new();
            for (r, c, t) in s.cells {
                let (r, c) = (r as usize, c as usize);
                if rows.len() <= r {
                    rows.resize(r + 1, Vec::new());
                }
                let row = &mut rows[r];
                if row.len() <= c {
                    row.resize(c + 1, String::new());
                }
                row[c] = t;
            }
            ListingTable {
                sheet: s.name,
                rows,
            }
        })
        .collect())
}

/// CSV 的文字 → 各行。
pub fn parse_csv(path: &Path, bytes: &[u8]) -> Result<Vec<Vec<String>>, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text: String = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let (s, _, bad) = encoding_rs::GBK.decode(bytes);
            if bad {
                return Err(ImportError::Listing {
                    path: path.to_path_buf(),
                    detail: "既不是 UTF-8 也不是 GBK 编码的文字".into(),
                });
            }
            s.into_owned()
        }
    };
    let first = text.lines().next().unwrap_or("");
    let delim = if first.matches('\t').count() > first.matches(',').count() {
        b'\t'
    } else {
        b','
    };
    let mut rd = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delim)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for rec in rd.records() {
        let rec = rec.map_err(|e| ImportError::Listing {
            path: path.to_path_buf(),
            detail: format!("第 {} 行格式有误（{e}）", rows.len() + 1),
        })?;
        rows.push(rec.iter().map(|s| s.trim().to_string()).collect());
    }
    Ok(rows)
}

fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .map(mulu_core::matching::simplified)
        .collect::<String>()
        .to_lowercase()
}

/// 在表的前 20 行里找表头：认出的列最多（至少 `min_roles` 种，且含第一种）的那一行。每一格取写法
/// 最长的那个匹配（“栏目地址”算地址，不算栏目），每种列取最左的一格。
pub fn guess_header(t: &ListingTable, roles: &[RoleSpec], min_roles: usize) -> Option<HeaderGuess> {
    let mut best: Option<(usize, HeaderGuess)> = None;
    for (r, row) in t.rows.iter().enumerate().take(20) {
        let mut columns: Vec<Option<u32>> = vec![None; roles.len()];
        for (c, text) in row.iter().enumerate() {
            let f = fold(text);
            if f.is_empty() || f.chars().count() > 20 {
                continue;
            }
            let hit = roles
                .iter()
                .enumerate()
                .flat_map(|(i, role)| role.synonyms.iter().map(move |s| (i, *s)))
                .filter(|(_, s)| f.contains(&fold(s)))
                .max_by_key(|(_, s)| s.chars().count());
            if let Some((i, _)) = hit {
                if columns[i].is_none() {
                    columns[i] = Some(c as u32);
                }
            }
        }
        let found = columns.iter().filter(|c| c.is_some()).count();
        if columns[0].is_some()
            && found >= min_roles
            && best.as_ref().is_none_or(|(n, _)| found > *n)
        {
            best = Some((found, HeaderGuess { row: r, columns }));
        }
    }
    best.map(|(_, g)| g)
}

/// 列号：`A`、`b`、`AA`（字母），或从 1 起的数字。
pub fn parse_column(s: &str) -> Option<u32> {
    let s = s.trim();
    if let Ok(n) = s.parse::<u32>() {
        return n.checked_sub(1);
    }
    if s.is_empty() || s.len() > 3 || !s.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut n: u32 = 0;
    for c in s.to_ascii_uppercase().bytes() {
        n = n * 26 + u32::from(c - b'A' + 1);
    }
    Some(n - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROLES: &[RoleSpec] = &[
        RoleSpec {
            name: "栏目路径",
            synonyms: &["栏目", "栏目路径", "path"],
        },
        RoleSpec {
            name: "网址",
            synonyms: &["栏目地址", "网址", "url"],
        },
        RoleSpec {
            name: "文档数",
            synonyms: &["文档数", "count"],
        },
    ];

    fn table(rows: &[&[&str]]) -> ListingTable {
        ListingTable {
            sheet: "s".into(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|s| s.to_string()).collect())
                .collect(),
        }
    }

    #[test]
    fn header_is_found_below_a_title_and_longest_synonym_wins() {
        let t = table(&[
            &["某某县政府网站栏目统计"],
            &[],
            &["序号", "栏目地址", "栏 目 路 径", "文档数"],
            &["1", "https://a", "x/y", "3"],
        ]);
        let g = guess_header(&t, ROLES, 2).unwrap();
        assert_eq!(g.row, 2);
        assert_eq!(g.columns, vec![Some(2), Some(1), Some(3)]);
        let t = table(&[&["Path", "URL"], &["a", "b"]]);
        assert_eq!(
            guess_header(&t, ROLES, 2).unwrap().columns,
            vec![Some(0), Some(1), None]
        );
        assert!(guess_header(&table(&[&["网址", "文档数"]]), ROLES, 2).is_none());
    }

    #[test]
    fn csv_in_utf8_with_bom_gbk_and_tabs() {
        let p = Path::new("x.csv");
        let rows = parse_csv(p, "\u{feff}栏目,网址\n\"a,b\", u \n".as_bytes()).unwrap();
        assert_eq!(rows, vec![vec!["栏目", "网址"], vec!["a,b", "u"]]);
        let (gbk, _, _) = encoding_rs::GBK.encode("栏目\t文档数\n社会救助\t3\n");
        let rows = parse_csv(p, &gbk).unwrap();
        assert_eq!(rows[1], vec!["社会救助", "3"]);
    }

    #[test]
    fn column_letters_and_numbers() {
        assert_eq!(parse_column("A"), Some(0));
        assert_eq!(parse_column("ab"), Some(27));
        assert_eq!(parse_column("3"), Some(2));
        assert_eq!(parse_column("0"), None);
        assert_eq!(parse_column("栏目"), None);
    }
}
