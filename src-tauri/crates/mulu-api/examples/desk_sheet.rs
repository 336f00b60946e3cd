//! 审核台账的表格视图打开一张表要多久（docs/benchmarks.md 的“审核台账：表格视图”）：
//!
//! ```sh
//! tests/.venv/bin/python tests/bench/make_inputs.py target/bench-inputs   # catalog-5000.xlsx 等
//! cargo build --release -p mulu-cli -p mulu-api --example desk_sheet
//! target/release/examples/desk_sheet target/bench-inputs/catalog-5000.xlsx [次数]
//! ```
//!
//! 在临时数据库里建一个单位、检查并记下这个文件，再计时 `desk_sheet::source` + `SheetSource::read`
//! （命令 `desk_sheet` 做的全部：在 `mulu worker sheet` 子进程里读表、标出问题），以及同样的读在本进程里
//! 的时间、结果序列化成 JSON（交给界面的量）的大小与时间。`mulu` 要在本程序的上一级文件夹
//! （`target/release/`）里，找不到时只测本进程里的读。

use std::path::PathBuf;
use std::time::{Duration, Instant};

use mulu_api::{desk, desk_sheet};
use mulu_core::model::{ListedUnit, UnitKind};
use mulu_core::store::Store;
use mulu_import::ReadOptions;
use mulu_review::isolate::Isolation;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let file = PathBuf::from(args.next().ok_or("用法：desk_sheet 工作簿 [次数]")?);
    let runs: usize = args.next().map_or(Ok(7), |n| n.parse())?;
    let dir = std::env::temp_dir().join(format!("mulu-desk-sheet-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let mut store = Store::open(&dir.join("mulu.db"))?;
    let opts = ReadOptions::from_store(&store, None)?;
    let guidelines = mulu_review::load_guidelines(&store)?;
    let check = mulu_review::check_workbook(&file, &opts, &guidelines);
    let unit = check
        .unit
        .clone()
        .unwrap_or_else(|| "某某县某某镇人民政府".into());
    desk::set_units(
        &mut store,
        &[ListedUnit {
            name: unit.clone(),
            kind: UnitKind::guess(&unit),
        }],
    )?;
    desk::record(&mut store, &[check])?;
    let unit_id = desk::view(&store)?.rows[0].unit.id;
    let iso = Isolation::find();
    println!(
        "文件：{}（{} KB）；子进程：{}",
        file.display(),
        std::fs::metadata(&file)?.len() / 1024,
        iso.as_ref().map_or("找不到 mulu，只测本进程".into(), |i| i
            .exe
            .display()
            .to_string())
    );
    let time = |label: &str, f: &dyn Fn() -> Result<(), Box<dyn std::error::Error>>| {
        let mut all: Vec<Duration> = Vec::new();
        for _ in 0..runs {
            let t = Instant::now();
            if let Err(e) = f() {
                println!("{label}：出错 {e}");
                return;
            }
            all.push(t.elapsed());
        }
        all.sort();
        println!(
            "| {label} | {:.0} ms | {:.0} ms |",
            all[0].as_secs_f64() * 1000.0,
            all[all.len() / 2].as_secs_f64() * 1000.0
        );
    };
    let once = desk_sheet::source(&store, unit_id, None)?.read(None, None)?;
    let json = serde_json::to_vec(&once)?;
    println!(
        "表“{}”：{} 行 × {} 列，合并区域 {} 个，标记 {} 个，JSON {} KB",
        once.grid.sheet,
        once.grid.rows,
        once.grid.cols,
        once.grid.merges.len(),
        once.marks.len(),
        json.len() / 1024
    );
    println!("\n| 步骤 | 最好 | 中位数 |\n|---|---|---|");
    if let Some(iso) = &iso {
        time("desk_sheet（子进程读 + 标出问题）", &|| {
            desk_sheet::source(&store, unit_id, None)?.read(None, Some(iso))?;
            Ok(())
        });
    }
    time("同上，在本进程里读", &|| {
        desk_sheet::source(&store, unit_id, None)?.read(None, None)?;
        Ok(())
    });
    time("结果序列化为 JSON", &|| {
        serde_json::to_vec(&once)?;
        Ok(())
    });
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
