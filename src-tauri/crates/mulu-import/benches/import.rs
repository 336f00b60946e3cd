//! 导入基准（不是计时测试）：读一个 26 张表、2 万行、一级事项纵向合并的工作簿
//! （由独立的写入器 XlsxWriter 生成：`tests/bench/make_inputs.py`）。
//!
//! 运行：`bash scripts/bench.sh import`，或
//! `cargo bench -p mulu-import --bench import -- $PWD/target/bench-inputs/catalog-20000.xlsx`（cargo bench 在包目录里运行，路径要写绝对路径）。
//! 输出一行 JSON，供 scripts/bench.sh 与 python-calamine、openpyxl 的时间并列。

use std::path::PathBuf;
use std::time::{Duration, Instant};

use mulu_import::{read_workbook, ReadOptions};

// 与 `mulu` 命令行相同的分配器，量到的就是用户用到的。
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let path = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target/bench-inputs/catalog-20000.xlsx"));
    if !path.exists() {
        eprintln!(
            "找不到 {}：先运行 tests/.venv/bin/python tests/bench/make_inputs.py 生成基准输入。",
            path.display()
        );
        std::process::exit(2);
    }
    let opts = ReadOptions::with_builtin_domains();
    let runs = 7;
    let mut times: Vec<Duration> = Vec::with_capacity(runs);
    let mut items = 0;
    let mut sheets = 0;
    let mut diags = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let preview = match read_workbook(&path, &opts) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(2);
            }
        };
        times.push(t.elapsed());
        items = preview.item_count();
        sheets = preview
            .sheets
            .iter()
            .filter(|s| !s.items.is_empty())
            .count();
        diags = preview.diagnostics().count();
    }
    times.sort();
    let best = times[0].as_secs_f64();
    let median = times[runs / 2].as_secs_f64();
    println!(
        "{{\"bench\":\"import\",\"file\":\"{}\",\"sheets\":{sheets},\"items\":{items},\"diagnostics\":{diags},\"best_s\":{best:.4},\"median_s\":{median:.4}}}",
        path.display()
    );
}
