//! `mulu catalog`：新建、采用、列出、查看目录。

use std::path::Path;
use std::process::ExitCode;

use mulu_core::model::{NewCatalog, NewUnit, UnitKind};

use crate::args::CatalogCommand;
use crate::error::{CliError, Result};
use crate::output::{pad, print_json};

pub fn run(db: &Path, cmd: CatalogCommand) -> Result<ExitCode> {
    match cmd {
        CatalogCommand::New { unit, kind, year } => new(db, &unit, &kind, year),
        CatalogCommand::Adopt { id, all, domain } => adopt(db, id, all, &domain),
        CatalogCommand::List { json } => list(db, json),
        CatalogCommand::Show { id, json } => show(db, id, json),
    }
}

fn new(db: &Path, unit: &str, kind: &str, year: i32) -> Result<ExitCode> {
    let kind = UnitKind::from_name(kind.trim()).ok_or_else(|| {
        CliError::Input(format!(
            "单位类别“{kind}”不对，应为 县级部门、乡镇 或 街道 之一。"
        ))
    })?;
    let mut store = super::open_store(db)?;
    let unit = match store.find_unit(unit)? {
        Some(u) if u.kind == kind => u,
        Some(u) => {
            return Err(CliError::Input(format!(
                "单位“{}”已登记为{}，与 --kind {kind} 不一致。",
                u.name, u.kind
            )))
        }
        None => store.create_unit(&NewUnit::new(unit, kind))?,
    };
    let c = store.create_catalog(&NewCatalog::new(unit.id, year))?;
    crate::outln!("{}", c.id);
    Ok(ExitCode::SUCCESS)
}

fn adopt(db: &Path, id: i64, all: bool, domains: &[String]) -> Result<ExitCode> {
    let mut store = super::open_store(db)?;
    let wanted: &[String] = if all { &[] } else { domains };
    let done = mulu_api::adopt::adopt(&mut store, id, wanted, None)?;
    for d in &done {
        crate::outln!("{}：新增 {} 个事项", d.domain, d.outcome.added);
    }
    let total = mulu_api::adopt::total(&done);
    crate::outln!("共新增 {} 个事项。", total.added);
    if let Some(notice) = total.truncated_notice() {
        crate::outln!("{notice}");
    }
    Ok(ExitCode::SUCCESS)
}

fn list(db: &Path, json: bool) -> Result<ExitCode> {
    let store = super::open_store(db)?;
    let list = store.list_catalogs()?;
    if json {
        print_json(&list)?;
        return Ok(ExitCode::SUCCESS);
    }
    if list.is_empty() {
        crate::outln!(
            "还没有目录。用 `mulu catalog new --unit 单位名称 --kind 乡镇 --year 2026` 新建。"
        );
        return Ok(ExitCode::SUCCESS);
    }
    crate::outln!(
        "{}  {}  {}  {}  {}",
        pad("编号", 6),
        pad("年度", 4),
        pad("状态", 6),
        pad("事项", 6),
        "单位"
    );
    for s in &list {
        crate::outln!(
            "{}  {}  {}  {}  {}",
            pad(&s.catalog.id.to_string(), 6),
            s.catalog.year,
            pad(s.catalog.status.as_str(), 6),
            pad(&s.item_count.to_string(), 6),
            s.unit_name
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn show(db: &Path, id: i64, json: bool) -> Result<ExitCode> {
    let store = super::open_store(db)?;
    let c = store.export_catalog(id)?;
    if json {
        print_json(&c)?;
        return Ok(ExitCode::SUCCESS);
    }
    crate::outln!(
        "{}（{}，{}，{} 个事项）",
        c.catalog.title,
        c.unit.name,
        c.catalog.status,
        c.items.len()
    );
    let mut domain = "";
    for it in &c.items {
        if it.fields.domain != domain {
            domain = &it.fields.domain;
            crate::outln!("\n【{domain}】");
        }
        let origin = match &it.provenance {
            mulu_core::model::Provenance::Guideline { modified: true, .. } => "指引·已修改",
            mulu_core::model::Provenance::Guideline { .. } => "指引",
            mulu_core::model::Provenance::Local => "本级特色",
        };
        let name = if it.fields.l2.is_empty() {
            it.fields.l1.clone()
        } else {
            format!("{} / {}", it.fields.l1, it.fields.l2)
        };
        crate::outln!("  {:>3}. {}  [{}]", it.position + 1, name, origin);
    }
    Ok(ExitCode::SUCCESS)
}
