//! 恶意与畸形文件的语料（`tests/hostile/make_corpus.py`，生成到临时文件夹）：每个文件在子进程里
//! `mulu check --json --annotate` 读一遍，要在 10 秒 CPU 时间、1 GB 峰值内存之内自己结束（地址空间
//! 限 2 GB，失控时分配失败而不是拖垮机器；墙钟 60 秒还没结束就杀掉并判失败），并给出清楚的中文
//! 错误（INDEX.tsv 里的 refuse）或正确、安全的预览（preview）。结果表打印到 stderr，写进
//! docs/reliability.md 的“恶意文件”。需要 python3（只用标准库）；没有时跳过并说明。

#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CPU_LIMIT: Duration = Duration::from_secs(10);
const RSS_LIMIT_KB: i64 = 1 << 20;
const ADDRESS_SPACE: u64 = 2 << 30;
const WALL_LIMIT: Duration = Duration::from_secs(60);

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../..")
}

struct Run {
    /// 退出码；被信号结束时为 `None`。
    code: Option<i32>,
    signal: Option<i32>,
    cpu: Duration,
    wall: Duration,
    max_rss_kb: i64,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

/// 起一个限地址空间的子进程，等它结束（墙钟超时就杀掉），用 wait4 取它自己的 CPU 时间与峰值内存。
fn run_limited(args: &[&std::ffi::OsStr], db: &Path) -> Run {
    use std::io::Read;
    use std::os::unix::process::CommandExt;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mulu"));
    cmd.args(args)
        .env("MULU_DB", db)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // SAFETY: 在 fork 之后、exec 之前只调用 async-signal-safe 的 setrlimit。
    unsafe {
        cmd.pre_exec(|| {
            let lim = libc::rlimit {
                rlim_cur: ADDRESS_SPACE as libc::rlim_t,
                rlim_max: ADDRESS_SPACE as libc::rlim_t,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let start = Instant::now();
    let mut child = cmd.spawn().expect("起不了 mulu");
    let pid = child.id() as libc::pid_t;
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let err_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    let watchdog = std::thread::spawn(move || {
        if rx.recv_timeout(WALL_LIMIT).is_err() {
            // SAFETY: 向自己起的子进程发信号。
            unsafe {
                libc::kill(pid, libc::SIGKILL);
            }
        }
    });
    let mut status = 0;
    // SAFETY: rusage 是普通的 C 结构，全零是合法值。
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: 等自己的子进程；status 与 usage 是有效的指针。
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(r, pid, "wait4 失败");
    let wall = start.elapsed();
    let _ = tx.send(());
    let _ = watchdog.join();
    std::mem::forget(child); // 已经由 wait4 收走
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    Run {
        code: libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status)),
        signal: libc::WIFSIGNALED(status).then(|| libc::WTERMSIG(status)),
        cpu: tv(usage.ru_utime) + tv(usage.ru_stime),
        wall,
        max_rss_kb: usage.ru_maxrss,
        stdout: reader.join().unwrap_or_default(),
        stderr: err_reader.join().unwrap_or_default(),
    }
}

#[test]
fn every_hostile_file_ends_by_itself_with_a_clear_error_or_a_safe_preview() {
    let python = ["python3", "python"].into_iter().find(|p| {
        Command::new(p)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    let Some(python) = python else {
        eprintln!("跳过：没有 python3，生成不了恶意文件的语料（tests/hostile/make_corpus.py）。");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let made = Command::new(python)
        .arg(repo().join("tests/hostile/make_corpus.py"))
        .arg(&corpus)
        .status()
        .unwrap();
    assert!(made.success(), "make_corpus.py 失败");
    let db = dir.path().join("mulu.db");
    let ann = dir.path().join("annotated");
    let index = std::fs::read_to_string(corpus.join("INDEX.tsv")).unwrap();
    let mut problems = Vec::new();
    let mut table = String::from("| 文件 | 大小 | 期望 | 结果 | CPU 时间 | 墙钟 | 峰值内存 |\n|---|---|---|---|---|---|---|\n");
    for line in index.lines() {
        let mut cols = line.split('\t');
        let (Some(name), Some(expect), Some(_note)) = (cols.next(), cols.next(), cols.next())
        else {
            continue;
        };
        let file = corpus.join(name);
        let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
        let run = run_limited(
            &[
                "check".as_ref(),
                "--json".as_ref(),
                "--annotate".as_ref(),
                ann.as_os_str(),
                file.as_os_str(),
            ],
            &db,
        );
        let mut outcome = String::new();
        let mut bad = |why: String| problems.push(format!("{name}：{why}"));
        if let Some(sig) = run.signal {
            bad(format!("被信号 {sig} 结束（墙钟 {:?}）", run.wall));
            outcome = format!("信号 {sig}");
        }
        if run.cpu > CPU_LIMIT {
            bad(format!("CPU 时间 {:?} 超过 {CPU_LIMIT:?}", run.cpu));
        }
        if run.max_rss_kb > RSS_LIMIT_KB {
            bad(format!("峰值内存 {} MB 超过 1 GB", run.max_rss_kb / 1024));
        }
        if run.signal.is_none() {
            let json: serde_json::Value = match serde_json::from_slice(&run.stdout) {
                Ok(v) => v,
                Err(e) => {
                    bad(format!(
                        "输出不是 JSON（{e}），退出码 {:?}，stderr：{}",
                        run.code,
                        String::from_utf8_lossy(&run.stderr)
                    ));
                    serde_json::Value::Null
                }
            };
            let r = &json[0];
            let error = r["error"].as_str().unwrap_or("");
            match expect {
                "refuse" => {
                    if error.is_empty() || run.code != Some(2) {
                        bad(format!("应给出错误，得到退出码 {:?}、{r}", run.code));
                    } else if !error.contains(name) {
                        bad(format!("错误没有指明文件：{error}"));
                    }
                    outcome = format!("拒绝：{}", short(error, name));
                }
                _ => {
                    let items = r["items"].as_u64().unwrap_or(0);
                    if !error.is_empty() || items == 0 {
                        bad(format!("应读出预览，得到：{error}"));
                    }
                    if r["annotated"].as_str().is_none() {
                        bad("没有写出批注工作簿".into());
                    }
                    outcome = format!("预览 {items} 个事项，批注工作簿已写");
                }
            }
        }
        table.push_str(&format!(
            "| {name} | {} | {expect} | {outcome} | {:.2} s | {:.2} s | {} MB |\n",
            human(size),
            run.cpu.as_secs_f64(),
            run.wall.as_secs_f64(),
            run.max_rss_kb / 1024
        ));
    }
    eprintln!("{table}");

    // 过长的格：预览里截到 32767 字，那一格有“错误”提示；导入后导出照常。
    let cut = corpus.join("cell_5mb.xlsx");
    if cut.exists() {
        let run = run_limited(
            &[
                "import".as_ref(),
                "--json".as_ref(),
                "--unit".as_ref(),
                "某某县某某镇人民政府".as_ref(),
                "--kind".as_ref(),
                "乡镇".as_ref(),
                "--year".as_ref(),
                "2026".as_ref(),
                cut.as_os_str(),
            ],
            &db,
        );
        let out = String::from_utf8_lossy(&run.stdout);
        assert_eq!(
            run.code,
            Some(0),
            "{out}{}",
            String::from_utf8_lossy(&run.stderr)
        );
        assert!(
            out.contains("超过一格 32767 个字的上限"),
            "没有截断的提示：{}",
            &out[..out.len().min(2000)]
        );
        let v: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
        let id = v["result"]["catalog_id"].to_string();
        let xlsx = dir.path().join("out.xlsx");
        let run = run_limited(
            &[
                "export".as_ref(),
                id.as_ref(),
                "--xlsx".as_ref(),
                xlsx.as_os_str(),
            ],
            &db,
        );
        assert_eq!(
            run.code,
            Some(0),
            "截断后的目录导不出：{}",
            String::from_utf8_lossy(&run.stderr)
        );
    }

    // 公式与 <script>：批注工作簿里只有文字，没有公式。
    let formula = ann.join("formula_script（审核意见）.xlsx");
    if formula.exists() {
        use calamine::{open_workbook, Reader, Xlsx};
        let mut book: Xlsx<_> = open_workbook(&formula).unwrap();
        for name in book.sheet_names() {
            let f = book.worksheet_formula(&name).unwrap();
            assert!(
                f.used_cells().all(|(_, _, v)| v.is_empty()),
                "批注工作簿“{name}”里有公式"
            );
        }
    }

    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

fn human(n: u64) -> String {
    if n >= 1 << 20 {
        format!("{:.1} MB", n as f64 / 1_048_576.0)
    } else {
        format!("{:.1} KB", n as f64 / 1024.0)
    }
}

/// 错误的要点：去掉路径，只留前 40 个字。
fn short(error: &str, name: &str) -> String {
    let e = error.split(name).last().unwrap_or(error);
    let e = e.trim_start_matches('”');
    let s: String = e.chars().take(40).collect();
    if e.chars().count() > 40 {
        format!("{s}…")
    } else {
        s
    }
}
