//! 结构化的模糊测试，稳定版工具链即可运行（cargo-fuzz 要 nightly，这类机器上装不了）：
//! 从 `tests/fixtures/workbooks` 的工作簿出发，每次随机改坏一处——拆开 zip 改其中一个 XML 部件（删一段、复制一段、
//! 把数字换成极大或负数、截断、插入 `<` `&` 之类的字节），或直接改原始字节——再交给读取器
//! [`mulu_import::read_workbook_bytes`]。只能得到预览或中文错误；panic 计为崩溃并把输入存到 `target/mutate-crashes/`。
//!
//! `cargo run --release -p mulu-import --example mutate -- [秒数，默认 60] [种子]`，结果见 docs/reliability.md。

use std::io::{Cursor, Read, Write};
use std::time::{Duration, Instant};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// zip 的各个部件（名称，内容）。
fn entries(bytes: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut out = Vec::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).ok()?;
        let name = f.name().ok()?.to_string();
        let mut v = Vec::new();
        f.read_to_end(&mut v).ok()?;
        out.push((name, v));
    }
    Some(out)
}

fn rezip(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    for (name, data) in parts {
        if w.start_file(name.as_str(), opts).is_err() || w.write_all(data).is_err() {
            break;
        }
    }
    w.finish().map(|c| c.into_inner()).unwrap_or_default()
}

const NASTY: &[&[u8]] = &[
    b"<",
    b"&",
    b"&#0;",
    b"\xff\xfe",
    b"99999999999",
    b"-1",
    b"A1048577",
    b"XFD1048576",
    b"<c r=\"ZZZZ9\">",
    b"<mergeCell ref=\"A1:XFD1048576\"/>",
    b"\"",
    b"]]>",
    b"<![CDATA[",
    b"0",
    b"",
    b"<r><t>",
    b"\x00",
];

fn mutate(rng: &mut Rng, data: &mut Vec<u8>) {
    if data.is_empty() {
        data.extend_from_slice(NASTY[rng.below(NASTY.len())]);
        return;
    }
    let at = rng.below(data.len());
    match rng.below(6) {
        0 => data.truncate(at),
        1 => {
            let end = (at + 1 + rng.below(64)).min(data.len());
            data.drain(at..end);
        }
        2 => {
            let end = (at + 1 + rng.below(256)).min(data.len());
            let copy = data[at..end].to_vec();
            for _ in 0..1 + rng.below(50) {
                data.splice(at..at, copy.iter().copied());
            }
        }
        3 => {
            let s = NASTY[rng.below(NASTY.len())];
            data.splice(at..at, s.iter().copied());
        }
        4 => {
            // A number in the XML becomes huge or odd.
            if let Some(p) = data[at..].iter().position(u8::is_ascii_digit) {
                let p = at + p;
                let s = NASTY[4 + rng.below(4)];
                data.splice(p..p + 1, s.iter().copied());
            }
        }
        _ => data[at] = rng.next() as u8,
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let secs: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(60);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(1)
    }) | 1;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../..");
    let dir = root.join("tests/fixtures/workbooks");
    let mut seeds: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "xlsx"))
                .filter_map(|p| {
                    Some((
                        p.file_name()?.to_string_lossy().to_string(),
                        std::fs::read(&p).ok()?,
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    seeds.sort();
    if seeds.is_empty() {
        eprintln!("没有找到种子工作簿：{}", dir.display());
        std::process::exit(2);
    }
    let crash_dir = root.join("target/mutate-crashes");
    let opts = mulu_import::ReadOptions {
        max_sheet_cells: 200_000,
        ..mulu_import::ReadOptions::default()
    };
    std::panic::set_hook(Box::new(|_| {}));
    let mut rng = Rng(seed);
    let (mut runs, mut previews, mut errors, mut crashes) = (0u64, 0u64, 0u64, 0u64);
    let mut slowest = (Duration::ZERO, String::new());
    let t0 = Instant::now();
    while t0.elapsed() < Duration::from_secs(secs) {
        let (name, base) = &seeds[rng.below(seeds.len())];
        let input = match (rng.below(4), entries(base)) {
            (0, _) | (_, None) => {
                let mut b = base.clone();
                for _ in 0..1 + rng.below(4) {
                    mutate(&mut rng, &mut b);
                }
                b
            }
            (_, Some(mut parts)) => {
                let k = rng.below(parts.len());
                for _ in 0..1 + rng.below(3) {
                    mutate(&mut rng, &mut parts[k].1);
                }
                rezip(&parts)
            }
        };
        let t = Instant::now();
        let bytes = input.clone();
        let outcome = std::panic::catch_unwind(|| {
            mulu_import::read_workbook_bytes("fuzz.xlsx", bytes, &opts)
        });
        let took = t.elapsed();
        if took > slowest.0 {
            slowest = (took, name.clone());
        }
        runs += 1;
        match outcome {
            Ok(Ok(_)) => previews += 1,
            Ok(Err(_)) => errors += 1,
            Err(_) => {
                crashes += 1;
                let _ = std::fs::create_dir_all(&crash_dir);
                let _ = std::fs::write(crash_dir.join(format!("crash-{runs}-{name}")), &input);
            }
        }
    }
    println!(
        "变异模糊测试：{secs} 秒，种子 {seed}，{} 个种子工作簿；执行 {runs} 次（预览 {previews}，错误 {errors}），崩溃 {crashes}；最慢一次 {:.0} ms（由 {} 变来）",
        seeds.len(),
        slowest.0.as_secs_f64() * 1e3,
        slowest.1
    );
    if crashes > 0 {
        println!("崩溃的输入存在 {}", crash_dir.display());
        std::process::exit(1);
    }
}
