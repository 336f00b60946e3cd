//! `mulu guidelines`：标准指引库。

use std::path::Path;
use std::process::ExitCode;

use mulu_core::guideline::{GuidelinePack, LibraryLoad, LoadAction};
use mulu_core::model::Severity;

use crate::args::{GuidelinesArgs, GuidelinesCommand};
use crate::error::Result;
use crate::output::{pad, print_json};

pub fn run(db: &Path, args: GuidelinesArgs) -> Result<ExitCode> {
    match args.action {
        None => list(db, args.json),
        Some(GuidelinesCommand::Show { domain, json }) => show(db, &domain, json),
        Some(GuidelinesCommand::Export { domain, xlsx }) => {
            let store = super::open_store(db)?;
            let d = store.guideline_domain(&domain, None)?;
            mulu_export::write_guideline_xlsx(&d, &xlsx)?;
            crate::outln!(
                "已导出“{}”领域指引（{} 个事项）到 {}",
                d.name,
                d.items.len(),
                xlsx.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Some(GuidelinesCommand::Import {
            file,
            domain,
            version,
        }) => import(db, &file, domain.as_deref(), version.as_deref()),
        Some(GuidelinesCommand::Pack { out, name, version }) => {
            pack(db, &out, name.as_deref(), version.as_deref())
        }
        Some(GuidelinesCommand::Load { pack, dry_run }) => load(db, &pack, dry_run),
    }
}

/// `mulu guidelines import FILE [--domain NAME] [--version V]`：读入官方指引（工作簿或 Word 文档），
/// 每个认出的领域存为新版本，全部在一个事务里（见 `mulu_api::guideline::GuidelineRead::commit`）。
fn import(db: &Path, file: &Path, domain: Option<&str>, version: Option<&str>) -> Result<ExitCode> {
    let mut store = super::open_store(db)?;
    let read = mulu_api::guideline::GuidelineReader::new(&store, domain, version)?.read(file)?;
    let loaded = read.commit(&mut store)?;
    let diags = read.diagnostics;
    print_load(&loaded, "已导入")?;
    for d in diags.iter().filter(|d| d.severity != Severity::Info) {
        crate::outln!(
            "  {}!{} {} {}",
            d.sheet,
            d.cell.as_deref().unwrap_or(""),
            d.severity,
            d.message
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `mulu guidelines pack OUT [--name 名称] [--version 版本]`：整个指引库写成一个指引包。
fn pack(db: &Path, out: &Path, name: Option<&str>, version: Option<&str>) -> Result<ExitCode> {
    let store = super::open_store(db)?;
    let name = match name {
        Some(n) => n.to_string(),
        None => default_pack_name(out),
    };
    let p = store.guideline_pack(&name, version)?;
    p.write(out)?;
    let items: usize = p.domains.iter().map(|d| d.items.len()).sum();
    crate::outln!(
        "已写出指引包“{}”：{} 个领域、{items} 个事项，到 {}",
        p.label(),
        p.domains.len(),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// 没有 `--name` 时用文件名（去掉 `.json`）作指引库的名称。
fn default_pack_name(out: &Path) -> String {
    let stem = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = stem.strip_suffix(".json").unwrap_or(&stem);
    if stem.trim().is_empty() {
        "指引包".to_string()
    } else {
        stem.to_string()
    }
}

/// `mulu guidelines load PACK [--dry-run]`：核对后在一个事务里载入指引包。
fn load(db: &Path, path: &Path, dry_run: bool) -> Result<ExitCode> {
    let mut store = super::open_store(db)?;
    let pack = GuidelinePack::read(path)?;
    crate::outln!(
        "指引包“{}”（生成于 {}，{} 个领域）",
        pack.label(),
        pack.created,
        pack.domains.len()
    );
    if dry_run {
        let preview = store.preview_guideline_pack(&pack)?;
        print_load(&preview.plan, "将载入")?;
    } else {
        let loaded = store.load_guideline_pack(&pack)?;
        print_load(&loaded, "已载入")?;
        crate::outln!("已有目录里的事项保留它们采用时的指引版本。");
    }
    Ok(ExitCode::SUCCESS)
}

/// 逐个领域说明载入了什么（`verb`：已导入、已载入，或预览时的将载入）。本机已有的领域只合计一行。
fn print_load(load: &LibraryLoad, verb: &str) -> Result<()> {
    for d in &load.domains {
        match d.action {
            LoadAction::Same => {}
            LoadAction::Add => crate::outln!(
                "{verb}“{}”领域指引：{} 个事项，版本 {}。",
                d.name,
                d.item_count,
                d.data_version
            ),
            LoadAction::Renamed => crate::outln!(
                "{verb}“{}”领域指引：{} 个事项。本机已有内容不同的版本 {}，这一版存为 {}。",
                d.name,
                d.item_count,
                d.requested_version,
                d.data_version
            ),
        }
        if d.action != LoadAction::Same && d.truncated_items > 0 {
            crate::outln!("  其中 {} 个事项的部分字段来源不完整。", d.truncated_items);
        }
    }
    let same: Vec<&str> = load
        .domains
        .iter()
        .filter(|d| d.action == LoadAction::Same)
        .map(|d| d.name.as_str())
        .collect();
    if !same.is_empty() {
        crate::outln!(
            "{} 个领域本机已有相同的版本，不重复载入：{}。",
            same.len(),
            same.join("、")
        );
    }
    Ok(())
}

fn list(db: &Path, json: bool) -> Result<ExitCode> {
    let store = super::open_store(db)?;
    let domains = store.guideline_domains()?;
    if json {
        print_json(&domains)?;
        return Ok(ExitCode::SUCCESS);
    }
    crate::outln!(
        "{}  {}  {}  {}  {}",
        pad("序号", 4),
        pad("领域", 26),
        pad("一级", 4),
        pad("事项", 4),
        "数据"
    );
    for d in &domains {
        crate::outln!(
            "{}  {}  {}  {}  {}（版本 {}）",
            pad(&format!("{:02}", d.number), 4),
            pad(&d.name, 26),
            pad(&d.l1_count.to_string(), 4),
            pad(&d.item_count.to_string(), 4),
            d.status,
            d.data_version
        );
    }
    let total: usize = domains.iter().map(|d| d.item_count).sum();
    crate::outln!("共 {} 个领域、{total} 个事项。标为“部分”的领域只收录了已公开副本中读得到的事项，可导入官方指引工作簿补全。", domains.len());
    Ok(ExitCode::SUCCESS)
}

fn show(db: &Path, domain: &str, json: bool) -> Result<ExitCode> {
    let store = super::open_store(db)?;
    let d = store.guideline_domain(domain, None)?;
    if json {
        print_json(&d)?;
        return Ok(ExitCode::SUCCESS);
    }
    crate::outln!(
        "{}（{}，数据{}，版本 {}）",
        d.name,
        d.ministry.as_deref().unwrap_or("印发部门未核实"),
        d.status,
        d.data_version
    );
    for it in &d.items {
        crate::outln!("{}  {}", it.id, it.display_name());
    }
    Ok(ExitCode::SUCCESS)
}
