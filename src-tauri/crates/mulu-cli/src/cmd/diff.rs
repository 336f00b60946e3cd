//! `mulu diff OLD NEW [--json]`：两个版本的目录之间新增、删除、逐字段改动的事项。
//! OLD、NEW 各是一个文件（.xlsx/.xls/.json）或库里的目录编号（怎么认见 [`mulu_api::diff::load_version`]）。

use std::path::Path;
use std::process::ExitCode;

use mulu_review::diff::CatalogDiff;

use crate::args::DiffArgs;
use crate::error::Result;
use crate::outln;

pub fn run(db: &Path, a: DiffArgs) -> Result<ExitCode> {
    let store = super::open_store(db)?;
    let d = mulu_api::diff::diff_versions(&store, &a.old, &a.new)?;
    if a.json {
        crate::output::print_json(&d)?;
    } else {
        print(&d)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn print(d: &CatalogDiff) -> Result<()> {
    outln!("旧版本：{}", d.old);
    outln!("新版本：{}", d.new);
    outln!(
        "新增 {} 项，删除 {} 项，改动 {} 项，未变 {} 项。",
        d.added.len(),
        d.removed.len(),
        d.changed.len(),
        d.unchanged
    );
    for i in &d.added {
        outln!("{}", line('+', i));
    }
    for i in &d.removed {
        outln!("{}", line('-', i));
    }
    for c in &d.changed {
        outln!("{}", line('~', &c.item));
        for f in &c.fields {
            outln!(
                "    {}：{} → {}",
                f.label,
                f.old.replace('\n', "；"),
                f.new.replace('\n', "；")
            );
        }
    }
    Ok(())
}

/// 一行：`+ [领域] 一级事项 / 二级事项（工作表 第 N 行）`。
fn line(mark: char, i: &mulu_review::diff::DiffItem) -> String {
    let name = if i.l2.is_empty() {
        i.l1.clone()
    } else {
        format!("{} / {}", i.l1, i.l2)
    };
    let at = match (&i.sheet, i.row) {
        (Some(s), Some(r)) => format!("（{s} 第 {r} 行）"),
        _ => String::new(),
    };
    format!("{mark} [{}] {name}{at}", i.domain)
}
