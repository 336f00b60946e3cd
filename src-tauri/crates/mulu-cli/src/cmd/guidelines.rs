//! `mulu guidelines`：标准指引库。

use std::path::Path;
use std::process::ExitCode;

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
        }) => import(db, &file, domain.as_deref(), version),
    }
}

/// `mulu guidelines import FILE [--domain NAME]`：读入指引工作簿，每个认出的领域存为新版本。
fn import(
    db: &Path,
    file: &Path,
    domain: Option<&str>,
    version: Option<String>,
) -> Result<ExitCode> {
    let mut store = super::open_store(db)?;
    let mut opts = super::import::read_options(&store, None)?;
    if let Some(d) = domain {
        // 指定的领域必须在库里（新版本沿用它的序号与编号）。
        opts.domain_hint = Some(store.resolve_domain_name(d)?);
    }
    let stamp: String = store
        .connection()
        .query_row("SELECT strftime('%Y%m%d-%H%M%S','now')", [], |r| r.get(0))
        .map_err(mulu_core::store::StoreError::from)?;
    let version = version.unwrap_or_else(|| format!("导入-{stamp}"));
    let base = |name: &str| store.guideline_domain(name, None).ok();
    let (domains, diags) = mulu_import::read_guideline(file, &opts, &version, &base)?;
    if domains.is_empty() {
        return Err(crate::error::CliError::Input(format!(
            "“{}”中没有认得出领域的指引表格，请用 --domain 指定领域。",
            file.display()
        )));
    }
    for d in &domains {
        store.load_guideline_version(d)?;
        crate::outln!(
            "已导入“{}”领域指引：{} 个事项，版本 {}。",
            d.name,
            d.items.len(),
            d.data_version
        );
    }
    for d in diags
        .iter()
        .filter(|d| d.severity != mulu_core::model::Severity::Info)
    {
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
