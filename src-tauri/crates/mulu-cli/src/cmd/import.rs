//! `mulu import FILE [--into ID] [--dry-run] [--json]`：读取、预览、比对，再在一个事务里写入
//! （用例见 [`mulu_api::import`]；这里只换参数、打印结果）。

use std::path::Path;
use std::process::ExitCode;

/// 可识别的领域：指引库里的全部领域（含用户导入的），以及 --domain 指定的领域（审核、比较也用）。
pub(crate) use mulu_api::import::read_options;
use mulu_api::import::{ImportSession, ImportTarget};
use mulu_core::model::{ImportPlan, ImportPreview, Severity, UnitKind};
use mulu_core::store::Store;

use crate::args::ImportArgs;
use crate::error::{CliError, Result};
use crate::outln;

pub fn run(db: &Path, a: ImportArgs) -> Result<ExitCode> {
    let kind = match &a.kind {
        Some(k) => Some(UnitKind::from_name(k.trim()).ok_or_else(|| {
            CliError::Input(format!(
                "单位类别应为 县级部门、乡镇 或 街道，而不是“{k}”。"
            ))
        })?),
        None => None,
    };
    let target = ImportTarget {
        into: a.into,
        unit: a.unit.clone(),
        kind,
        year: a.year,
    };
    let mut store = super::open_store(db)?;
    if is_json(&a.file) {
        return import_json(&mut store, &a);
    }
    let mut session = ImportSession::read(&a.file, &read_options(&store, a.domain.as_deref())?)?;
    let plan = session.plan(&store, a.into)?.clone();
    if !a.json {
        print_preview(&session.preview)?;
        outln!(
            "比对结果：新增 {} 项，更改 {} 项，不变 {} 项。",
            plan.added.len(),
            plan.changed.len(),
            plan.unchanged
        );
        for s in &plan.skipped_sheets {
            outln!("  未导入工作表“{s}”：认不出领域（可用 --domain 指定）。");
        }
    }
    let outcome = if a.dry_run {
        None
    } else {
        Some(session.commit(&mut store, &target)?.outcome)
    };
    if a.json {
        let mut v = serde_json::to_value(&session.preview).map_err(json_err)?;
        if let Some(obj) = v.as_object_mut() {
            obj.insert("plan".into(), summary_json(&plan));
            obj.insert(
                "result".into(),
                serde_json::to_value(&outcome).map_err(json_err)?,
            );
        }
        crate::output::print_json(&v)?;
    } else {
        match &outcome {
            None => outln!("试运行（--dry-run）：没有写入数据库。"),
            Some(o) => outln!(
                "已写入目录 {}：新增 {} 项，更改 {} 项。",
                o.catalog_id,
                o.added,
                o.changed
            ),
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print_preview(p: &ImportPreview) -> Result<()> {
    let diags: Vec<_> = p.diagnostics().collect();
    let count = |s: Severity| diags.iter().filter(|d| d.severity == s).count();
    outln!(
        "读取“{}”：{} 个表格，共 {} 个事项；提示 {} 条（错误 {}、警告 {}、提示 {}）。",
        p.file,
        p.sheets.iter().filter(|s| !s.items.is_empty()).count(),
        p.item_count(),
        diags.len(),
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info)
    );
    for s in &p.sheets {
        if s.items.is_empty() {
            continue;
        }
        outln!(
            "  {}（工作表“{}”）：{} 项",
            s.domain.as_deref().unwrap_or("未识别领域"),
            s.sheet,
            s.items.len()
        );
    }
    if !diags.is_empty() {
        outln!("提示：");
        for d in diags {
            let at = match &d.cell {
                Some(c) => format!("{}!{}", d.sheet, c),
                None => d.sheet.clone(),
            };
            let raw = d
                .raw
                .as_deref()
                .map(|r| format!("（原文：{}）", r.replace('\n', "⏎")))
                .unwrap_or_default();
            outln!("  {at} {} {}{raw}", d.severity, d.message);
        }
    }
    Ok(())
}

fn summary_json(plan: &ImportPlan) -> serde_json::Value {
    serde_json::json!({
        "catalog_id": plan.catalog_id,
        "added": plan.added.len(),
        "changed": plan.changed.iter().map(|c| serde_json::json!({
            "id": c.id, "sheet": c.sheet, "row": c.row, "fields": c.fields,
        })).collect::<Vec<_>>(),
        "unchanged": plan.unchanged,
        "skipped_sheets": plan.skipped_sheets,
    })
}

fn is_json(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

/// 目录 JSON（`mulu export --json` 的输出）：整份写成新目录。
fn import_json(store: &mut Store, a: &ImportArgs) -> Result<ExitCode> {
    if a.into.is_some() {
        return Err(CliError::Input(
            "目录 JSON 只能导入为新目录；要合并请导入 Excel 工作簿。".into(),
        ));
    }
    let text = std::fs::read_to_string(&a.file)
        .map_err(|e| CliError::Input(format!("无法读取“{}”：{e}", a.file.display())))?;
    let export = mulu_export::json::from_str(&text)?;
    if a.dry_run {
        outln!(
            "“{}”可以导入：{} 个事项。试运行（--dry-run）：没有写入数据库。",
            export.catalog.title,
            export.items.len()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let c = store.insert_catalog(&export)?;
    if a.json {
        crate::output::print_json(&c)?;
    } else {
        outln!(
            "已写入目录 {}：{}（{} 个事项）。",
            c.id,
            c.title,
            export.items.len()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn json_err(e: serde_json::Error) -> CliError {
    CliError::Input(format!("无法生成 JSON：{e}"))
}
