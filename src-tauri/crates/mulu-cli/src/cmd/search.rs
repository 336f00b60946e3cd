//! `mulu search`：在全部目录里搜索，按目录列出——`mulu_api::search` 的薄包装。

use std::path::Path;
use std::process::ExitCode;

use crate::args::SearchArgs;
use crate::error::Result;
use crate::output::print_json;

pub fn run(db: &Path, a: SearchArgs) -> Result<ExitCode> {
    let store = super::open_store(db)?;
    let found = mulu_api::search::search_all(&store, &a.query, a.limit)?;
    let code = if found.items > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    };
    if a.json {
        print_json(&found)?;
        return Ok(code);
    }
    if found.catalogs.is_empty() {
        crate::outln!("没有目录含有“{}”。", found.query);
        return Ok(code);
    }
    crate::outln!(
        "“{}”：{} 份目录，{} 个事项{}。",
        found.query,
        found.catalogs.len(),
        found.items,
        if found.truncated {
            format!(
                "（只列出前 {} 个，请把搜索词写得更具体或加大 --limit）",
                a.limit
            )
        } else {
            String::new()
        }
    );
    for c in &found.catalogs {
        crate::outln!(
            "\n{}（目录 {}，{} 年度，{}）：{} 个事项",
            c.title,
            c.catalog_id,
            c.year,
            c.unit_name,
            c.hits
        );
        for i in &c.items {
            crate::outln!("  [{}] {} · {}", i.item_id, i.domain, i.name);
        }
        if c.hits > c.items.len() {
            crate::outln!("  ……另有 {} 个", c.hits - c.items.len());
        }
    }
    Ok(code)
}
