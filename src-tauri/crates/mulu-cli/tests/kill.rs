//! 中途被结束（SIGKILL）的写入：导入合并进已有目录、采用全部领域、整批撤销先前的导入（批量改动）、导入为新目录、
//! 导出工作簿，每次在随机的时刻
//! `kill -9` 运行中的 `mulu`，之后数据库 `integrity_check` 通过、每份目录要么完全是之前的样子、要么完全是
//! 之后的样子，导出的文件要么是原来的、要么是完整的新工作簿，数据库仍能正常打开。
//!
//! 次数：环境变量 `MULU_KILL_LOOPS`（默认 20，README 的测试命令跑这么多）；`bash scripts/kill-loop.sh` 跑 200 次。
//! 随机数种子：`MULU_KILL_SEED`（默认取当前时间，失败时打印出来以便重现）。结果见 docs/reliability.md。

mod common;

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::Env;
use rusqlite::Connection;

/// 整个库的内容：每份目录（标题）、它的事项（按编号）、不予公开事项与不涉及标记。
fn digest(db: &Path) -> u64 {
    let conn = Connection::open(db).unwrap();
    let mut h = DefaultHasher::new();
    for sql in [
        "SELECT id || '|' || title FROM catalogs ORDER BY id",
        "SELECT id || '|' || catalog_id || '|' || domain || '|' || l1 || '|' || l2 || '|' || content || '|' ||
                basis || '|' || time_limit || '|' || subject || '|' || channels || '|' || position
         FROM items ORDER BY id",
        "SELECT catalog_id || '|' || name || '|' || ground FROM withheld ORDER BY id",
        "SELECT catalog_id || '|' || guideline_item_id FROM not_applicable ORDER BY catalog_id, guideline_item_id",
    ] {
        let mut st = conn.prepare(sql).unwrap();
        for row in st.query_map([], |r| r.get::<_, String>(0)).unwrap() {
            row.unwrap().hash(&mut h);
        }
        "/".hash(&mut h);
    }
    h.finish()
}

fn integrity(db: &Path) -> String {
    Connection::open(db)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

/// xorshift64*：足够把结束的时刻打散，不为此加依赖。
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n.max(1)
    }
}

struct Op {
    name: &'static str,
    args: Vec<String>,
    /// 导出：目标文件（事先放着上一次导出的内容）。
    output: Option<PathBuf>,
}

fn mulu(db: &Path, args: &[String]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_mulu"));
    c.arg("--db")
        .arg(db)
        .args(args)
        .env_remove("MULU_DB")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    c
}

/// 把模板库复制为一份新的工作库（只有主文件：模板关闭时 WAL 已并入）。
fn fresh(template: &Path, dir: &Path, n: usize) -> PathBuf {
    let d = dir.join(format!("run-{n}"));
    std::fs::create_dir_all(&d).unwrap();
    let db = d.join("mulu.db");
    std::fs::copy(template, &db).unwrap();
    db
}

#[test]
fn killed_writes_leave_every_catalog_before_or_after() {
    let loops: usize = std::env::var("MULU_KILL_LOOPS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let seed: u64 = std::env::var("MULU_KILL_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(1)
        })
        | 1;

    // The template: catalog 1 with two domains; the workbook to import has three others and one shared.
    let src = Env::new();
    src.new_township_catalog();
    src.ok(&[
        "catalog",
        "adopt",
        "1",
        "--domain",
        "社会救助",
        "养老服务",
        "义务教育",
        "就业",
    ]);
    let book = src.path("more.xlsx");
    src.ok(&["export", "1", "--xlsx", book.to_str().unwrap()]);
    let base = Env::new();
    base.new_township_catalog();
    base.ok(&["catalog", "adopt", "1", "--domain", "社会救助", "户籍管理"]);
    // An earlier import into catalog 1, to be undone as one step (a bulk edit of many rows).
    let third = Env::new();
    third.new_township_catalog();
    third.ok(&[
        "catalog",
        "adopt",
        "1",
        "--domain",
        "公共法律服务",
        "财政预决算",
    ]);
    let book2 = third.path("earlier.xlsx");
    third.ok(&["export", "1", "--xlsx", book2.to_str().unwrap()]);
    base.ok(&["import", book2.to_str().unwrap(), "--into", "1"]);
    let sets: serde_json::Value =
        serde_json::from_str(&base.ok(&["history", "1", "--json"])).unwrap();
    assert_eq!(sets[0]["action"], "导入");
    let import_set = sets[0]["id"].to_string();
    let old_export = base.path("old.xlsx");
    base.ok(&["export", "1", "--xlsx", old_export.to_str().unwrap()]);
    let template = base.path("template.db");
    std::fs::copy(base.db(), &template).unwrap();
    let old_bytes = std::fs::read(&old_export).unwrap();

    let work = tempfile::tempdir().unwrap();
    let book = book.display().to_string();
    let ops = [
        Op {
            name: "导入合并进已有目录",
            args: vec!["import".into(), book.clone(), "--into".into(), "1".into()],
            output: None,
        },
        Op {
            name: "采用全部领域",
            args: vec!["catalog".into(), "adopt".into(), "1".into(), "--all".into()],
            output: None,
        },
        Op {
            name: "整批撤销先前的导入",
            args: vec!["history".into(), "1".into(), "--undo".into(), import_set],
            output: None,
        },
        Op {
            name: "导入为新目录",
            args: vec![
                "import".into(),
                book.clone(),
                "--unit".into(),
                "某某县乙镇人民政府".into(),
                "--kind".into(),
                "乡镇".into(),
                "--year".into(),
                "2026".into(),
            ],
            output: None,
        },
        Op {
            name: "导出工作簿（覆盖上一次的导出）",
            args: vec!["export".into(), "1".into(), "--xlsx".into(), "OUT".into()],
            output: Some(PathBuf::new()),
        },
    ];

    // Each operation once without interruption: its "after" state and how long it runs.
    let before = digest(&template);
    let mut after = Vec::new();
    let mut took = Vec::new();
    for (i, op) in ops.iter().enumerate() {
        let db = fresh(&template, work.path(), 10_000 + i);
        let args = with_output(op, &db, &old_bytes);
        let t = Instant::now();
        let status = mulu(&db, &args).status().unwrap();
        assert!(status.success(), "{} 没有成功", op.name);
        took.push(t.elapsed());
        after.push(digest(&db));
        if op.output.is_none() {
            assert_ne!(after[i], before, "{} 没有改动数据库", op.name);
        }
    }

    let mut rng = Rng(seed);
    let (mut at_before, mut at_after, mut finished) = (0, 0, 0);
    let (mut old_file, mut new_file) = (0, 0);
    for n in 0..loops {
        let k = n % ops.len();
        let op = &ops[k];
        let db = fresh(&template, work.path(), n);
        let args = with_output(op, &db, &old_bytes);
        // Anywhere from the start to a little past the uninterrupted run's end.
        let span = (took[k].as_micros() as u64 * 13 / 10).max(1);
        let delay = Duration::from_micros(rng.below(span));
        let mut child = mulu(&db, &args).spawn().unwrap();
        std::thread::sleep(delay);
        if matches!(child.try_wait(), Ok(Some(_))) {
            finished += 1;
        }
        let _ = child.kill(); // SIGKILL on Unix
        let _ = child.wait();
        let ctx = format!("第 {n} 次（{}，{:?} 后结束，种子 {seed}）", op.name, delay);

        assert_eq!(integrity(&db), "ok", "{ctx}：integrity_check 不通过");
        let d = digest(&db);
        if d == before {
            at_before += 1;
        } else if d == after[k] {
            at_after += 1;
        } else {
            panic!("{ctx}：数据库既不是之前的样子，也不是之后的样子");
        }
        if op.output.is_some() {
            let out = db.with_file_name("out.xlsx");
            let bytes = std::fs::read(&out).unwrap();
            if bytes == old_bytes {
                old_file += 1;
            } else {
                let wb = calamine::open_workbook_auto(&out);
                assert!(
                    wb.is_ok(),
                    "{ctx}：导出的文件既不是原来的，也不是完整的工作簿"
                );
                new_file += 1;
            }
            let leftovers: Vec<_> = std::fs::read_dir(db.parent().unwrap())
                .unwrap()
                .flatten()
                .map(|e| e.file_name().to_string_lossy().to_string())
                .filter(|n| n.ends_with(".xlsx") && n != "out.xlsx")
                .collect();
            assert!(leftovers.is_empty(), "{ctx}：留下了 {leftovers:?}");
        }
        // The store opens again afterwards (recovering the WAL), with nothing lost.
        drop(
            mulu_core::store::Store::open(&db).unwrap_or_else(|e| panic!("{ctx}：再打开失败：{e}")),
        );
        assert_eq!(digest(&db), d, "{ctx}：再打开后内容变了");
        std::fs::remove_dir_all(db.parent().unwrap()).unwrap();
    }
    eprintln!(
        "SIGKILL 循环：{loops} 次（种子 {seed}），之后全部 integrity_check 通过；数据库 {at_before} 次停在之前、{at_after} 次停在之后\
         （其中 {finished} 次结束前已运行完）；导出的文件 {old_file} 次是原来的、{new_file} 次是完整的新工作簿；\
         不中断时各操作用时 {}",
        ops.iter()
            .zip(&took)
            .map(|(o, t)| format!("{} {} ms", o.name, t.as_millis()))
            .collect::<Vec<_>>()
            .join("，")
    );
}

/// 导出的目标放在工作库旁，事先放着上一次导出的内容。
fn with_output(op: &Op, db: &Path, old: &[u8]) -> Vec<String> {
    if op.output.is_none() {
        return op.args.clone();
    }
    let out = db.with_file_name("out.xlsx");
    std::fs::write(&out, old).unwrap();
    op.args
        .iter()
        .map(|a| {
            if a == "OUT" {
                out.display().to_string()
            } else {
                a.clone()
            }
        })
        .collect()
}
