//! `mulu history`：修改历史（按目录或按事项），整批撤销，恢复删除的条目——`mulu_api::history` 的薄包装。

use std::path::Path;
use std::process::ExitCode;

use mulu_core::store::{ChangeOp, ChangeSet};

use crate::args::HistoryArgs;
use crate::error::Result;
use crate::output::print_json;

pub fn run(db: &Path, a: HistoryArgs) -> Result<ExitCode> {
    let mut store = super::open_store(db)?;
    if let Some(set) = a.undo {
        let out = mulu_api::history::undo(&mut store, set)?;
        if a.json {
            print_json(&out)?;
        } else {
            crate::outln!(
                "已撤销第 {set} 批改动：退回 {} 处（撤销本身记为第 {} 批，可用 --undo {} 重做）。",
                out.reverted,
                out.change_set,
                out.change_set
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(h) = a.restore {
        let out = mulu_api::history::restore(&mut store, h)?;
        if a.json {
            print_json(&out)?;
        } else {
            crate::outln!("已恢复（第 {} 批改动）。", out.change_set);
        }
        return Ok(ExitCode::SUCCESS);
    }
    let sets = match a.item {
        Some(item) => mulu_api::history::item(&store, item)?,
        None => mulu_api::history::catalog(&store, a.id, a.limit)?,
    };
    if a.json {
        print_json(&sets)?;
        return Ok(ExitCode::SUCCESS);
    }
    if sets.is_empty() {
        crate::outln!("还没有修改记录。");
        return Ok(ExitCode::SUCCESS);
    }
    for s in &sets {
        print_set(s)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn print_set(s: &ChangeSet) -> Result<()> {
    let undone = match s.undone_by {
        Some(by) => format!("（已由第 {by} 批撤销）"),
        None => String::new(),
    };
    crate::outln!(
        "第 {} 批  {}  {}  {}  {} 处改动{undone}",
        s.id,
        s.at,
        s.user,
        s.action,
        s.count
    );
    for c in &s.changes {
        let what = format!("{}“{}”", c.entity.label(), c.name);
        match c.op {
            ChangeOp::Update => crate::outln!(
                "  #{}  {what} {}：{} → {}",
                c.id,
                c.field_label.as_deref().unwrap_or(""),
                c.old_value.as_deref().unwrap_or("（空）"),
                c.new_value.as_deref().unwrap_or("（空）")
            ),
            ChangeOp::Insert => crate::outln!("  #{}  新增{what}", c.id),
            ChangeOp::Delete => {
                let hint = if c.restorable {
                    format!("（可用 --restore {} 恢复）", c.id)
                } else {
                    String::new()
                };
                crate::outln!("  #{}  删除{what}{hint}", c.id)
            }
        }
    }
    let more = s.count - s.changes.len() as i64;
    if more > 0 {
        crate::outln!("  ……另有 {more} 处");
    }
    Ok(())
}
