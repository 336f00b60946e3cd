//! 审核规则的耗时：先读好一批提交的工作簿（不计时），再反复只跑 `mulu_review::check`。
//!
//! 输入是 `scripts/bench.sh review` 生成的 `target/bench-inputs/submissions`；
//! `BENCH_FILES`（默认 60）个文件，`BENCH_RUNS`（默认 10）轮。打印两种计时：
//!
//! - 冷：每轮依次审核全部工作簿，记每轮的最好与中位数。事项数据多半已不在缓存里，
//!   偏慢（首次读到每段文字要等内存）。
//! - 热：每个工作簿连续审核 `BENCH_RUNS` 次取最好，再相加。更接近 `mulu check`：
//!   那里每个工作簿读完就审核，数据还在缓存里。
//!
//! ```sh
//! cargo bench -p mulu-review --bench rules
//! ```

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::PathBuf;
use std::time::Instant;

use mulu_core::store::Store;
use mulu_import::ReadOptions;
use mulu_review::{check, load_guidelines, CatalogUnderReview};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../target/bench-inputs/submissions");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| {
            format!(
                "{}：{e}（先运行 scripts/bench.sh review 生成输入）",
                dir.display()
            )
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "xlsx"))
        .collect();
    files.sort();
    files.truncate(env_usize("BENCH_FILES", 60));
    let runs = env_usize("BENCH_RUNS", 10).max(1);

    let store = Store::open_in_memory()?;
    let opts = ReadOptions::from_store(&store, None)?;
    let guidelines = load_guidelines(&store)?;
    let previews: Vec<_> = files
        .iter()
        .filter_map(|f| mulu_import::read_workbook(f, &opts).ok())
        .collect();
    let items: usize = previews.iter().map(|p| p.item_count()).sum();

    // 全部问题的指纹：改规则的实现后，指纹不变说明问题逐条相同（含顺序）。
    let mut hasher = DefaultHasher::new();
    for p in &previews {
        let report = check(&CatalogUnderReview::from_preview(p, &guidelines));
        serde_json::to_string(&report)?.hash(&mut hasher);
    }
    let fingerprint = hasher.finish();

    let mut times = Vec::with_capacity(runs);
    let mut findings = 0;
    for _ in 0..runs {
        let start = Instant::now();
        findings = 0;
        for p in &previews {
            let report = check(&CatalogUnderReview::from_preview(p, &guidelines));
            findings += report.findings.len();
        }
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    let best = times[0];
    let median = times[times.len() / 2];

    let mut warm = 0.0;
    for p in &previews {
        let mut fastest = f64::INFINITY;
        for _ in 0..runs {
            let start = Instant::now();
            let report = check(&CatalogUnderReview::from_preview(p, &guidelines));
            fastest = fastest.min(start.elapsed().as_secs_f64() * 1000.0);
            drop(report);
        }
        warm += fastest;
    }

    let per_item = |ms: f64| ms * 1000.0 / items.max(1) as f64;
    println!(
        "rules: {} workbooks, {items} items, {findings} findings, fingerprint {fingerprint:016x}\n  \
         cold: best {best:.1} ms, median {median:.1} ms ({:.2} µs/item)\n  \
         warm: {warm:.1} ms ({:.2} µs/item)",
        previews.len(),
        per_item(median),
        per_item(warm),
    );
    Ok(())
}
