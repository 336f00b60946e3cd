//! `mulu diff OLD NEW [--json]`：两个版本的目录之间新增、删除、逐字段改动的事项。
//! OLD、NEW 各是一个文件（.xlsx/.xls/.json）或库里的目录编号。

use std::path::Path;
use std::process::ExitCode;

use mulu_core::store::Store;
use mulu_review::diff::{diff, CatalogDiff, Located};

use crate::args::DiffArgs;
use crate::error::{CliError, Result};
use crate::outln;

pub fn run(db: &Path, a: DiffArgs) -> Result<ExitCode> {
    let store = super::open_store(db)?;
    let (old_label, old) = load(&store, &a.old)?;
    let (new_label, new) = load(&store, &a.new)?;
    let d = diff(&old_label, &old, &new_label, &new);
    if a.json {
        crate::output::print_json(&d)?;
    } else {
        print(&d)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// 一个版本：纯数字且库里有这份目录就按目录编号，否则按文件读。
fn load(store: &Store, spec: &str) -> Result<(String, Vec<Located>)> {
    if let Ok(id) = spec.parse::<i64>() {
        if !Path::new(spec).exists() {
            let c = store.get_catalog(id)?;
            let items = store.list_items(id)?;
            return Ok((
                format!("{}（目录 {id}）", c.title),
                Located::from_items(&items),
            ));
        }
    }
    let path = Path::new(spec);
    if path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        let text = std::fs::read_to_string(path)
            .map_err(|e| CliError::Input(format!("无法读取“{spec}”：{e}")))?;
        let export = mulu_export::json::from_str(&text)?;
        return Ok((spec.to_string(), Located::from_items(&export.items)));
    }
    let opts = super::import::read_options(store, None)?;
    let preview = mulu_import::read_workbook(path, &opts)?;
    Ok((spec.to_string(), Located::from_preview(&preview)))
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
