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
    }
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
