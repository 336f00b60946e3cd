//! 审核台账的速度（issue 16 第 6 条）：100 个单位 × 3 轮报送的台账，计时桌面程序每一步调用的用例
//! （含把结果序列化成交给界面的 JSON）：打开台账（`desk::view`）、打开一轮报送（`desk::submission`，
//! 含与上一轮的比较——两轮的文件都在时重新读两个工作簿比对事项）、采纳一条问题后刷新、概况
//! （`desk_report::dashboard`）、全县汇总表、全部单位的审核意见。
//!
//! `cargo run --release -p mulu-api --example desk_load -- 工作簿文件夹 [单位数 [轮数]]`
//!
//! 工作簿文件夹：`tests/bench/make_inputs.py` 生成的 `submissions/`（300 个乡镇目录，每个约 200 个事项）。
//! 每个工作簿先照 `mulu check` 读、审核一次，第 u 个单位第 r 轮用第 (r-1)×单位数+u 个文件（各轮内容不同），
//! 直接写进台账（与 `desk::record` 相同的存储调用）。结果见 docs/benchmarks.md 的“审核台账”。

use std::path::{Path, PathBuf};
use std::time::Instant;

use mulu_api::{desk, desk_report};
use mulu_core::model::{ListedUnit, UnitKind, Verdict};
use mulu_core::store::{NewSubmission, Store};
use mulu_import::ReadOptions;
use rayon::prelude::*;

type Res<T> = Result<T, Box<dyn std::error::Error>>;

/// 计时 `runs` 次，返回最好与中位数（毫秒）。
fn time<T>(runs: usize, mut f: impl FnMut() -> Res<T>) -> Res<(f64, f64, T)> {
    let mut ms = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        let t = Instant::now();
        last = Some(f()?);
        ms.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    ms.sort_by(f64::total_cmp);
    let out = last.ok_or("没有运行")?;
    Ok((ms[0], ms[ms.len() / 2], out))
}

fn main() -> Res<()> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(
        args.next()
            .ok_or("用法：desk_load 工作簿文件夹 [单位数 [轮数]]")?,
    );
    let units: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(100);
    let rounds: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(3);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "xlsx"))
        .collect();
    files.sort();
    if files.len() < units * rounds {
        return Err(format!(
            "需要 {} 个工作簿，{} 里只有 {}",
            units * rounds,
            dir.display(),
            files.len()
        )
        .into());
    }
    files.truncate(units * rounds);

    let tmp = std::env::temp_dir().join(format!("mulu-desk-load-{}", std::process::id()));
    std::fs::create_dir_all(&tmp)?;
    let db = tmp.join("desk.db");
    let mut s = Store::open(&db)?;
    let opts = ReadOptions::from_store(&s, None)?;
    let guidelines = mulu_review::load_guidelines(&s)?;
    let t = Instant::now();
    let checks: Vec<mulu_review::FileCheck> = files
        .par_iter()
        .map(|f| mulu_review::check_workbook(f, &opts, &guidelines))
        .collect();
    let findings: usize = checks.iter().map(|c| c.findings.len()).sum();
    println!(
        "检查 {} 个工作簿：{:.1} 秒，共 {findings} 条问题",
        checks.len(),
        t.elapsed().as_secs_f64()
    );

    let listed: Vec<ListedUnit> = (0..units)
        .map(|u| ListedUnit {
            name: format!("负载县第{u:03}镇人民政府"),
            kind: Some(UnitKind::Township),
        })
        .collect();
    let list = desk::set_units(&mut s, &listed)?;
    let t = Instant::now();
    for r in 0..rounds {
        for (u, unit) in list.iter().enumerate() {
            let c = &checks[r * units + u];
            s.desk_record(&NewSubmission {
                unit_id: unit.id,
                file_name: file_name(&c.path),
                path: c.path.clone(),
                fingerprint: fingerprint(Path::new(&c.path))?,
                unsure: false,
                readable: c.readable,
                errors: c.errors,
                warnings: c.warnings,
                infos: c.infos,
                coverage: c.coverage,
                result: serde_json::to_string(c)?,
            })?;
        }
    }
    println!(
        "记下 {units} 个单位 × {rounds} 轮：{:.1} 秒；数据库 {:.1} MB",
        t.elapsed().as_secs_f64(),
        std::fs::metadata(&db)?.len() as f64 / 1_048_576.0
    );
    // 每个单位采纳第一条问题、不采纳另一处的一条（审核进行到一半的台账）。决定按“规则 + 位置”记，
    // 同一领域的几条覆盖问题位置相同，所以第二条要换一个位置。
    for unit in &list {
        let sub = desk::submission(&s, unit.id, None)?;
        let Some(first) = sub.findings.first() else {
            continue;
        };
        desk::decide(
            &mut s,
            unit.id,
            &first.finding.rule,
            &first.place,
            Verdict::Accept,
            "",
        )?;
        if let Some(other) = sub
            .findings
            .iter()
            .find(|f| (&f.finding.rule, &f.place) != (&first.finding.rule, &first.place))
        {
            desk::decide(
                &mut s,
                unit.id,
                &other.finding.rule,
                &other.place,
                Verdict::Waive,
                "负载测试",
            )?;
        }
    }

    let runs = 9;
    println!("\n| 步骤 | 最好 | 中位数 | 交给界面的 JSON |\n|---|---|---|---|");
    let (b, m, json) = time(runs, || Ok(serde_json::to_vec(&desk::view(&s)?)?))?;
    row(
        "打开台账（desk_view，100 个单位的最新一轮）",
        b,
        m,
        json.len(),
    );
    let mid = list[units / 2].id;
    let (b, m, json) = time(runs, || {
        Ok(serde_json::to_vec(&desk::submission(&s, mid, None)?)?)
    })?;
    row(
        "打开一轮报送（desk_submission，含与上一轮比对事项）",
        b,
        m,
        json.len(),
    );
    let (b, m, json) = time(runs, || {
        Ok(serde_json::to_vec(&desk::submission(&s, mid, Some(1))?)?)
    })?;
    row("打开第 1 轮（没有上一轮）", b, m, json.len());
    let sub = desk::submission(&s, mid, None)?;
    let f = sub.findings.last().ok_or("没有问题")?;
    let (b, m, json) = time(runs, || {
        desk::decide(&mut s, mid, &f.finding.rule, &f.place, Verdict::Accept, "")?;
        let v = serde_json::to_vec(&desk::view(&s)?)?;
        Ok(v.len() + serde_json::to_vec(&desk::submission(&s, mid, None)?)?.len())
    })?;
    row("采纳一条问题并刷新台账与这一轮", b, m, json);
    let (b, m, json) = time(runs, || {
        Ok(serde_json::to_vec(&desk_report::dashboard(&s)?)?)
    })?;
    row("概况（desk_dashboard）", b, m, json.len());
    let out = tmp.join("汇总.xlsx");
    let (b, m, _) = time(runs, || Ok(desk_report::write_summary(&s, &out)?))?;
    row("全县汇总表（desk_summary）", b, m, 0);
    let letters = tmp.join("意见");
    let (b, m, n) = time(3, || {
        Ok(desk_report::write_all_letters(&s, &letters, |_| {})?.len())
    })?;
    row(&format!("全部单位的审核意见（{n} 份）"), b, m, 0);
    std::fs::remove_dir_all(&tmp)?;
    Ok(())
}

fn row(what: &str, best: f64, median: f64, bytes: usize) {
    let size = if bytes > 0 {
        format!("{:.0} KB", bytes as f64 / 1024.0)
    } else {
        "—".into()
    };
    println!("| {what} | {best:.1} ms | {median:.1} ms | {size} |");
}

fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// 与 `desk::record` 相同的指纹（sha256，十六进制）。
fn fingerprint(path: &Path) -> Res<String> {
    use sha2::{Digest, Sha256};
    let d = Sha256::digest(std::fs::read(path)?);
    Ok(d.iter().map(|b| format!("{b:02x}")).collect())
}
