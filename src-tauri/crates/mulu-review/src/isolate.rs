//! 在子进程里读不可信的文件：桌面程序的批量检查与写批注（审核工作台）每个文件起一个 `mulu worker`
//! 子进程（见 `mulu-cli/src/cmd/worker.rs`），限时、限内存。读取器的上限（`mulu-import` 的
//! `limits.rs`）漏掉的情形——读取器 abort（内存分配失败不是 panic，`catch_unwind` 兜不住）、
//! 死循环、内存暴涨——只会结束那个子进程：这个文件报“读不了”，其余文件照常检查，窗口不受影响。
//!
//! 子进程不打开数据库：可识别的领域与指引由父进程写进一个 JSON 文件（[`WorkerInput`]），
//! 每个子进程读它。结果是子进程写到标准输出的一个 JSON（[`FileCheck`] 或 [`AnnotatedFile`]）。

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use mulu_core::guideline::GuidelineDomain;
use mulu_import::{KnownDomain, ReadOptions};
use serde::{Deserialize, Serialize};

use crate::sheet::{SheetGrid, SheetRead};
use crate::{AnnotatedFile, BatchProgress, FileCheck};

/// 一个文件的默认时限。正常的目录工作簿读、查、写批注都在一两秒内。
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// 子进程的地址空间上限（MB）：读取器的上限内最大的文件峰值约 300 MB。
pub const DEFAULT_MEMORY_MB: u64 = 2048;
/// 子进程输出的上限：一个文件的审核结果（JSON）不会超过这么多。
const MAX_OUTPUT: u64 = 256 << 20;

/// 交给子进程的读取选项与指引（父进程从数据库取出，写成 JSON 文件）。
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WorkerInput {
    pub domains: Vec<KnownDomain>,
    pub domain_hint: Option<String>,
    pub guidelines: Vec<GuidelineDomain>,
}

impl WorkerInput {
    pub fn new(opts: &ReadOptions, guidelines: &[GuidelineDomain]) -> Self {
        WorkerInput {
            domains: opts.domains.clone(),
            domain_hint: opts.domain_hint.clone(),
            guidelines: guidelines.to_vec(),
        }
    }

    /// 还原读取选项（上限用默认值）。
    pub fn read_options(&self) -> ReadOptions {
        ReadOptions {
            domains: self.domains.clone(),
            domain_hint: self.domain_hint.clone(),
            ..ReadOptions::default()
        }
    }
}

/// 子进程怎么起：哪个可执行文件、时限、内存上限。
#[derive(Debug, Clone)]
pub struct Isolation {
    /// `mulu` 可执行文件。
    pub exe: PathBuf,
    pub timeout: Duration,
    pub memory_mb: u64,
}

impl Isolation {
    /// 找 `mulu`：环境变量 `MULU_WORKER`，或当前程序旁边（桌面程序与 `mulu` 装在同一个文件夹），
    /// 或上一级文件夹（`cargo test` 时当前程序在 `target/debug/deps/`）。找不到时为 `None`。
    pub fn find() -> Option<Self> {
        let name = format!("mulu{}", std::env::consts::EXE_SUFFIX);
        let exe = std::env::var_os("MULU_WORKER")
            .map(PathBuf::from)
            .filter(|p| p.is_file())
            .or_else(|| {
                let me = std::env::current_exe().ok()?;
                let dir = me.parent()?;
                [dir.join(&name), dir.parent()?.join(&name)]
                    .into_iter()
                    .find(|p| p.is_file())
            })?;
        Some(Isolation {
            exe,
            timeout: DEFAULT_TIMEOUT,
            memory_mb: DEFAULT_MEMORY_MB,
        })
    }
}

/// 取消：界面的「取消」置上它，不再起新的子进程，正在运行的结束掉。
#[derive(Debug, Default)]
pub struct Cancel(AtomicBool);

impl Cancel {
    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

/// 子进程没有给出结果的原因。
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkerFailure {
    /// 被取消。
    Cancelled,
    /// 说明（中文句子，“读不了”的原因）。
    Failed(String),
}

/// 在子进程里跑一次 `mulu worker`，返回它在标准输出写的 JSON。`input`：读取选项与指引的文件
/// （只读表格、不审核时不需要）。
fn run_worker<T: serde::de::DeserializeOwned>(
    iso: &Isolation,
    input: Option<&Path>,
    args: &[&std::ffi::OsStr],
    cancel: &Cancel,
) -> Result<T, WorkerFailure> {
    let failed = |s: String| Err(WorkerFailure::Failed(s));
    let mut cmd = Command::new(&iso.exe);
    cmd.arg("worker");
    if let Some(input) = input {
        cmd.arg("--input").arg(input);
    }
    let mut child = match cmd
        .arg("--memory-mb")
        .arg(iso.memory_mb.to_string())
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) => {
            return failed(format!(
                "无法启动读取文件的子进程“{}”：{e}",
                iso.exe.display()
            ))
        }
    };
    // 输出可能比管道的缓冲大：另起线程读，免得子进程写不出去、父进程等不到它结束。
    let out = child.stdout.take().map(|s| {
        std::thread::spawn(move || {
            let mut v = Vec::new();
            let _ = s.take(MAX_OUTPUT).read_to_end(&mut v);
            v
        })
    });
    let err = child.stderr.take().map(|s| {
        std::thread::spawn(move || {
            let mut v = Vec::new();
            let _ = s.take(64 << 10).read_to_end(&mut v);
            v
        })
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Ok(status),
            Ok(None) => {}
            Err(e) => break Err(format!("等待读取文件的子进程时出错：{e}")),
        }
        if cancel.is_cancelled() {
            let _ = child.kill();
            let _ = child.wait();
            return Err(WorkerFailure::Cancelled);
        }
        if start.elapsed() > iso.timeout {
            let _ = child.kill();
            let _ = child.wait();
            break Err(format!(
                "读取超过 {} 秒仍未结束，已停止。文件可能过大或结构异常",
                iso.timeout.as_secs()
            ));
        }
        std::thread::sleep(Duration::from_millis(15));
    };
    let stdout = out.and_then(|h| h.join().ok()).unwrap_or_default();
    let stderr = err.and_then(|h| h.join().ok()).unwrap_or_default();
    let status = match status {
        Ok(s) => s,
        Err(e) => return failed(e),
    };
    if status.success() {
        return serde_json::from_slice::<T>(&stdout).map_err(|e| {
            WorkerFailure::Failed(format!("读取这个文件的进程给出的结果无法解析（{e}）"))
        });
    }
    let said = String::from_utf8_lossy(&stderr);
    let said = said.trim();
    let how = match status.code() {
        Some(code) => format!("退出码 {code}"),
        None => signal_name(&status),
    };
    if said.is_empty() {
        failed(format!(
            "读取这个文件的进程异常结束（{how}），文件可能已损坏或是恶意构造的"
        ))
    } else {
        let said: String = said.chars().take(300).collect();
        failed(format!(
            "读取这个文件的进程异常结束（{how}）：{said}。文件可能已损坏或是恶意构造的"
        ))
    }
}

#[cfg(unix)]
fn signal_name(status: &std::process::ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match status.signal() {
        Some(6) => "中止，多为内存不足".into(),
        Some(9) => "被强行结束，多为内存不足".into(),
        Some(11) => "内存访问错误".into(),
        Some(s) => format!("信号 {s}"),
        None => "原因不明".into(),
    }
}

#[cfg(not(unix))]
fn signal_name(_: &std::process::ExitStatus) -> String {
    "原因不明".into()
}

/// 在子进程里读、审核一个工作簿（同 [`crate::check_workbook`]）。子进程异常结束、超时都写进
/// `failure`（“读不了”）；取消时返回 `None`。
pub fn check_isolated(
    iso: &Isolation,
    input: &Path,
    path: &Path,
    cancel: &Cancel,
) -> Option<FileCheck> {
    match run_worker(
        iso,
        Some(input),
        &["check".as_ref(), path.as_os_str()],
        cancel,
    ) {
        Ok(c) => Some(c),
        Err(WorkerFailure::Cancelled) => None,
        Err(WorkerFailure::Failed(why)) => {
            Some(FileCheck::unreadable(path.display().to_string(), why))
        }
    }
}

/// 在子进程里读、审核一个工作簿并写批注工作簿（同 [`crate::annotate_workbook`]）。
pub fn annotate_isolated(
    iso: &Isolation,
    input: &Path,
    path: &Path,
    dir: &Path,
    cancel: &Cancel,
) -> Option<AnnotatedFile> {
    let args = ["annotate".as_ref(), path.as_os_str(), dir.as_os_str()];
    match run_worker(iso, Some(input), &args, cancel) {
        Ok(a) => Some(a),
        Err(WorkerFailure::Cancelled) => None,
        Err(WorkerFailure::Failed(why)) => Some(AnnotatedFile {
            source: path.display().to_string(),
            output: None,
            failure: Some(why),
        }),
    }
}

/// 在子进程里读一张表供显示（同 [`crate::sheet::read_sheet_grid`]）。子进程异常结束、超时时
/// 返回原因（中文句子）。
pub fn sheet_isolated(
    iso: &Isolation,
    path: &Path,
    sheet: Option<&str>,
    cancel: &Cancel,
) -> Result<SheetGrid, WorkerFailure> {
    let mut args = vec!["sheet".as_ref(), path.as_os_str()];
    if let Some(name) = sheet {
        args.push("--sheet".as_ref());
        args.push(name.as_ref());
    }
    let read: SheetRead = run_worker(iso, None, &args, cancel)?;
    match (read.grid, read.error) {
        (Some(g), _) => Ok(g),
        (None, why) => Err(WorkerFailure::Failed(
            why.unwrap_or_else(|| "读取这个文件的进程没有给出结果".into()),
        )),
    }
}

/// 用 `workers` 个线程处理 `paths`（每个线程一次等一个子进程；不占 rayon 的线程池，导入预览等
/// 其他命令照常进行）。每完成一个报告一次进度；取消后不再开始新的文件，返回 `None`。结果与 `paths` 同序。
pub fn run_batch<T: Send>(
    paths: &[String],
    workers: usize,
    cancel: &Cancel,
    work: impl Fn(&str) -> Option<T> + Sync,
    progress: impl Fn(BatchProgress) + Sync,
) -> Option<Vec<T>> {
    let total = paths.len();
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<T>>> = paths.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|s| {
        for _ in 0..workers.clamp(1, total.max(1)) {
            s.spawn(|| loop {
                if cancel.is_cancelled() {
                    return;
                }
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(p) = paths.get(i) else { return };
                let Some(r) = work(p) else { return };
                *slots[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(r);
                progress(BatchProgress {
                    done: done.fetch_add(1, Ordering::SeqCst) + 1,
                    total,
                    path: p.clone(),
                });
            });
        }
    });
    if cancel.is_cancelled() {
        return None;
    }
    slots
        .into_iter()
        .map(|m| m.into_inner().unwrap_or_else(|e| e.into_inner()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 一个假的“子进程”：shell 脚本，按文件名做出各种结局。
    fn fake_worker(dir: &Path) -> Isolation {
        let exe = dir.join("fake-mulu");
        std::fs::write(
            &exe,
            r#"#!/bin/sh
# 参数：worker --input F --memory-mb N check PATH；worker --memory-mb N sheet PATH
[ "$2" = "--input" ] || { shift 3; printf '{"grid":null,"error":"%s"}' "$*"; exit 0; }
case "$7" in
  *abort*) kill -ABRT $$ ;;
  *hang*) exec sleep 30 ;;
  *garbage*) echo 'not json' ;;
  *) printf '{"path":"%s","unit":null,"domains":[],"items":0,"errors":0,"warnings":0,"infos":0,"coverage":null,"error":"假的","findings":[],"annotated":null,"readable":false,"coverage_detail":null}' "$7" ;;
esac
"#,
        )
        .unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o755)).unwrap();
        Isolation {
            exe,
            timeout: Duration::from_millis(1500),
            memory_mb: 64,
        }
    }

    #[cfg(unix)]
    #[test]
    fn an_aborting_or_hanging_child_is_reported_and_the_batch_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let iso = fake_worker(dir.path());
        let input = dir.path().join("input.json");
        let paths: Vec<String> = [
            "a.xlsx",
            "abort.xlsx",
            "hang.xlsx",
            "garbage.xlsx",
            "b.xlsx",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let cancel = Cancel::default();
        let seen = AtomicUsize::new(0);
        let started = Instant::now();
        let out = run_batch(
            &paths,
            2,
            &cancel,
            |p| check_isolated(&iso, &input, Path::new(p), &cancel),
            |_| {
                seen.fetch_add(1, Ordering::SeqCst);
            },
        )
        .unwrap();
        assert!(started.elapsed() < Duration::from_secs(10));
        assert_eq!(seen.load(Ordering::SeqCst), 5);
        let why: Vec<&str> = out.iter().map(|c| c.error.as_deref().unwrap()).collect();
        assert_eq!(why[0], "假的");
        assert!(why[1].contains("异常结束（中止"), "{}", why[1]);
        assert!(why[2].contains("超过 1 秒仍未结束"), "{}", why[2]);
        assert!(why[3].contains("结果无法解析"), "{}", why[3]);
        assert_eq!(why[4], "假的");
        assert_eq!(out[4].path, "b.xlsx");
    }

    #[cfg(unix)]
    #[test]
    fn a_sheet_read_sends_no_input_file_and_passes_the_sheet_name() {
        let dir = tempfile::tempdir().unwrap();
        let iso = fake_worker(dir.path());
        let cancel = Cancel::default();
        let e = sheet_isolated(&iso, Path::new("a.xlsx"), Some("社会救助"), &cancel).unwrap_err();
        assert_eq!(
            e,
            WorkerFailure::Failed("sheet a.xlsx --sheet 社会救助".into())
        );
    }

    #[cfg(unix)]
    #[test]
    fn cancelling_kills_the_running_child_and_starts_no_more() {
        let dir = tempfile::tempdir().unwrap();
        let mut iso = fake_worker(dir.path());
        iso.timeout = Duration::from_secs(60);
        let input = dir.path().join("input.json");
        let paths: Vec<String> = (0..6).map(|i| format!("hang{i}.xlsx")).collect();
        let cancel = Cancel::default();
        let started = Instant::now();
        let out = std::thread::scope(|s| {
            s.spawn(|| {
                std::thread::sleep(Duration::from_millis(300));
                cancel.cancel();
            });
            run_batch(
                &paths,
                2,
                &cancel,
                |p| check_isolated(&iso, &input, Path::new(p), &cancel),
                |_| {},
            )
        });
        assert!(out.is_none());
        assert!(started.elapsed() < Duration::from_secs(5));
    }
}
