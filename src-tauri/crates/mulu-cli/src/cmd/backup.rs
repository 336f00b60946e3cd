//! `mulu backup`：列出、立即备份、从备份恢复。恢复不先打开数据库，所以数据库损坏时也能用。

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use mulu_core::store::{list_backups, restore_backup, BackupInfo, BackupKind, Store};

use crate::args::BackupCommand;
use crate::error::{CliError, Result};
use crate::output::{pad, print_json};

pub fn run(db: &Path, cmd: BackupCommand) -> Result<ExitCode> {
    match cmd {
        BackupCommand::List { json } => list(db, json),
        BackupCommand::Create => {
            let store = Store::open(db)?;
            match store.backup(BackupKind::Manual)? {
                Some(b) => crate::outln!("已备份到 {}", b.file),
                None => crate::outln!("内存数据库没有可备份的文件。"),
            }
            Ok(ExitCode::SUCCESS)
        }
        BackupCommand::Restore { backup } => restore(db, &backup),
    }
}

fn list(db: &Path, json: bool) -> Result<ExitCode> {
    let backups = list_backups(db)?;
    if json {
        print_json(&backups)?;
        return Ok(ExitCode::SUCCESS);
    }
    if backups.is_empty() {
        crate::outln!(
            "“{}”还没有备份（每天第一次打开、升级与导入前会自动备份）。",
            db.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    crate::outln!(
        "{}  {}  {}  {}  文件",
        pad("序号", 4),
        pad("时间", 19),
        pad("缘由", 12),
        pad("大小", 10)
    );
    for (i, b) in backups.iter().enumerate() {
        crate::outln!(
            "{}  {}  {}  {}  {}",
            pad(&(i + 1).to_string(), 4),
            pad(&b.created, 19),
            pad(b.kind.as_str(), 12),
            pad(&size_text(b.size), 10),
            b.file
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn restore(db: &Path, which: &str) -> Result<ExitCode> {
    let file = resolve(db, which)?;
    let before = restore_backup(db, &file)?;
    crate::outln!("已用备份“{}”恢复数据库 {}。", file.display(), db.display());
    if let Some(BackupInfo { file, kind, .. }) = before {
        let what = if kind == BackupKind::Damaged {
            "损坏的数据库已原样移到"
        } else {
            "恢复前的数据已另存为"
        };
        crate::outln!("{what} {file}（可用 mulu backup restore 再恢复回去）。");
    }
    Ok(ExitCode::SUCCESS)
}

/// 序号（`mulu backup list` 的第几行）或文件路径。
fn resolve(db: &Path, which: &str) -> Result<PathBuf> {
    if let Ok(n) = which.parse::<usize>() {
        let backups = list_backups(db)?;
        return match n.checked_sub(1).and_then(|i| backups.get(i)) {
            Some(b) => Ok(PathBuf::from(&b.file)),
            None => Err(CliError::Input(format!(
                "没有第 {n} 份备份：共有 {} 份，运行 mulu backup list 查看。",
                backups.len()
            ))),
        };
    }
    let p = PathBuf::from(which);
    if !p.is_file() {
        return Err(CliError::Input(format!(
            "找不到备份文件“{which}”。运行 mulu backup list 查看可用的备份。"
        )));
    }
    Ok(p)
}

fn size_text(bytes: u64) -> String {
    if bytes >= 1_048_576 {
        format!("{:.1} MB", bytes as f64 / 1_048_576.0)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}
