//! 负载基准（issue 14 第 7 条）：生成 300 个单位 × 26 个领域（全部采用内置指引，再加 7 份同样多的本级特色
//! 事项，每个单位约 1,660 项，共约 50 万个事项）的数据库，
//! 再计时：打开数据库、目录列表、打开一份目录、在全部目录里搜索、导出一份目录（Excel）。
//!
//! `cargo run --release -p mulu-api --example load [-- 单位数 [数据库文件]]`
//! 数据库文件已存在时不再生成（第二次运行只计时）。结果见 docs/benchmarks.md 的“负载”。

use std::path::PathBuf;
use std::time::Instant;

use mulu_api::export::{self, ExportFormat, ExportOptionsArg};
use mulu_core::model::{NewCatalog, NewUnit, UnitKind};
use mulu_core::store::Store;

type Res<T> = Result<T, Box<dyn std::error::Error>>;

fn main() -> Res<()> {
    let mut args = std::env::args().skip(1);
    let units: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(300);
    let db = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join(format!("mulu-load-{units}.db")));
    if !db.exists() {
        let t = Instant::now();
        let mut s = Store::open(&db)?;
        let domains: Vec<String> = s.guideline_domains()?.into_iter().map(|d| d.name).collect();
        for u in 0..units {
            let unit = s.create_unit(&NewUnit::new(
                format!("负载测试县第{u:03}镇人民政府"),
                UnitKind::Township,
            ))?;
            let c = s.create_catalog(&NewCatalog::new(unit.id, 2026))?;
            for d in &domains {
                s.adopt_domain(c.id, d, None)?;
            }
            // 内置指引每个单位约 200 项；再加 7 份本级特色事项（内容相同、名称带序号），到约 1,660 项。
            s.connection().execute_batch("BEGIN IMMEDIATE")?;
            for k in 1..=7 {
                s.connection().execute(
                    "INSERT INTO items (catalog_id, domain, position, l1, l2, content, elements, basis,
                        time_limit, subject, channels, audience, audience_group, mode, level, notes)
                     SELECT catalog_id, domain, position + ?2 * 1000, l1, l2 || '（' || ?2 || '）', content,
                        elements, basis, time_limit, subject, channels, audience, audience_group, mode,
                        level, notes
                     FROM items WHERE catalog_id = ?1 AND guideline_item_id IS NOT NULL",
                    (c.id, k),
                )?;
            }
            s.connection().execute_batch("COMMIT")?;
        }
        println!(
            "生成：{units} 个单位 × {} 个领域，{:.1} 秒",
            domains.len(),
            t.elapsed().as_secs_f64()
        );
    }
    let size = std::fs::metadata(&db)?.len() as f64 / 1_048_576.0;

    // The CLI's way: the full check (quick_check) and the day's backup before it returns.
    let t = Instant::now();
    drop(Store::open(&db)?);
    let open_full = t.elapsed();

    // The app's way: a light check, then the same work in the background (timed on its own).
    let t = Instant::now();
    let (s, later) = Store::open_deferring(&db)?;
    let open = t.elapsed();
    let t = Instant::now();
    if let Some(m) = later {
        m.run()?;
    }
    let background = t.elapsed();

    let t = Instant::now();
    let catalogs = s.list_catalogs()?;
    let list = t.elapsed();
    let items: usize = catalogs.iter().map(|c| c.item_count as usize).sum();

    let one = catalogs
        .get(catalogs.len() / 2)
        .ok_or("没有目录")?
        .catalog
        .id;
    let t = Instant::now();
    let opened = s.list_items(one)?;
    let withheld = s.list_withheld(one)?;
    let marks = s.list_not_applicable(one)?;
    let open_one = t.elapsed();

    let t = Instant::now();
    // 一次查询搜全部目录（Store::search_all），按目录归组。
    let hits: usize = s
        .search_all("最低生活保障", 1_000_000)?
        .iter()
        .map(|h| h.item_ids.len())
        .sum();
    let search = t.elapsed();
    // The same search as the app shows it (names of the first hits per catalog).
    let t = Instant::now();
    let shown = mulu_api::search::search_all(&s, "最低生活保障", 5_000)?;
    let search_app = t.elapsed();

    let out = std::env::temp_dir().join("mulu-load-export.xlsx");
    let t = Instant::now();
    let (cat, opts) = export::prepare(&s, one, &ExportOptionsArg::default())?;
    export::write(&cat, &opts, ExportFormat::Xlsx, &out)?;
    let export_one = t.elapsed();

    println!(
        "数据库 {} （{size:.0} MB）：{} 份目录，{items} 个事项",
        db.display(),
        catalogs.len()
    );
    println!("| 步骤 | 用时 |\n|---|---|");
    println!(
        "| 打开数据库，命令行（完整体检 quick_check；当天第一次时加写每日备份） | {:.0} ms |",
        open_full.as_secs_f64() * 1e3
    );
    println!(
        "| 打开数据库，桌面程序（轻体检，Store::open_deferring） | {:.0} ms |",
        open.as_secs_f64() * 1e3
    );
    println!(
        "| 　其后台：完整体检 + 当天已有备份的检查（Maintenance::run） | {:.0} ms |",
        background.as_secs_f64() * 1e3
    );
    println!(
        "| 目录列表（{} 份） | {:.0} ms |",
        catalogs.len(),
        list.as_secs_f64() * 1e3
    );
    println!(
        "| 打开一份目录（{} 个事项，{} 条不予公开，{} 条不涉及） | {:.0} ms |",
        opened.len(),
        withheld.len(),
        marks.len(),
        open_one.as_secs_f64() * 1e3
    );
    println!(
        "| 在全部 {} 份目录里搜索“最低生活保障”（{hits} 条） | {:.0} ms |",
        catalogs.len(),
        search.as_secs_f64() * 1e3
    );
    println!(
        "| 同一搜索，界面的形状（mulu_api::search，{} 份目录、每份前 5 个事项的名称） | {:.0} ms |",
        shown.catalogs.len(),
        search_app.as_secs_f64() * 1e3
    );
    println!(
        "| 导出一份目录（Excel） | {:.0} ms |",
        export_one.as_secs_f64() * 1e3
    );
    Ok(())
}
