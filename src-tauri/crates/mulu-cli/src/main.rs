//! `mulu`：标准目录编制器的命令行工具，与桌面程序共用同一个核心库与数据库。

mod args;
mod cmd;
mod error;
mod output;

use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};

// 读、查工作簿时分配极多的小字符串：mimalloc 比系统分配器快约 15%（docs/benchmarks.md）。
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return output::clap_error(e),
    };
    let db = cli
        .db
        .clone()
        .unwrap_or_else(mulu_core::paths::default_db_path);
    let result = match cli.command {
        Command::Guidelines(a) => cmd::guidelines::run(&db, a),
        Command::Catalog(c) => cmd::catalog::run(&db, c),
        Command::Export(a) => cmd::export::run(&db, a),
        Command::Import(a) => cmd::import::run(&db, a),
        Command::Check(a) => cmd::check::run(&db, a),
        Command::Diff(a) => cmd::diff::run(&db, a),
        Command::Backup(c) => cmd::backup::run(&db, c),
        Command::History(a) => cmd::history::run(&db, a),
        Command::Search(a) => cmd::search::run(&db, a),
        Command::Worker(a) => cmd::worker::run(a),
        Command::Columns(c) => cmd::columns::run(&db, c),
        Command::Powers(c) => cmd::powers::run(&db, c),
        Command::Desk(c) => cmd::desk::run(&db, c),
    };
    match result {
        Ok(code) => code,
        // 输出被管道截断（如 `mulu … | head`）不算失败。
        Err(error::CliError::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(e) => {
            // 一行中文说明写到 stderr。
            let hint = match &e {
                error::CliError::Store(
                    mulu_core::store::StoreError::Damaged { .. }
                    | mulu_core::store::StoreError::TooNew { .. },
                ) => "（命令行：mulu backup list 查看备份，mulu backup restore 序号 恢复）",
                _ => "",
            };
            eprintln!("错误：{}{hint}", e.to_string().replace('\n', " "));
            ExitCode::from(e.exit_code() as u8)
        }
    }
}
