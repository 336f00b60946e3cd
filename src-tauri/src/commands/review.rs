//! 审核命令：审核库里的目录（目录编辑的「审核」面板），批量检查工作簿并写批注工作簿（审核工作台）。
//! `mulu-review` 的薄适配层，与命令行 `mulu check` 相同的读取与规则。
//!
//! 收到的工作簿不可信：批量检查与写批注时每个文件在一个 `mulu worker` 子进程里读
//! （[`mulu_review::isolate`]：限时 60 秒、限内存 2 GB），读取器崩溃、超时只让那个文件“读不了”，
//! 窗口与其余文件不受影响。同时最多跑 CPU 核数个子进程，等子进程的是普通线程（不占 rayon 的线程池，
//! 导入预览等命令照常进行）；每完成一个文件发出一次 `review-progress` 事件（[`BatchProgress`]）。
//! 「取消」（[`cancel_review`]）不再起新的子进程并结束正在运行的。找不到 `mulu` 可执行文件时
//! （没和桌面程序装在一起）退回在本进程里读（读取器的上限照样有效）。

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use mulu_core::guideline::GuidelineDomain;
use mulu_import::ReadOptions;
use mulu_review::isolate::{self, Cancel, Isolation, WorkerInput};
use mulu_review::{AnnotatedFile, BatchProgress, FileCheck, Report};
use rayon::prelude::*;
use tauri::{AppHandle, Emitter, State};

use crate::state::AppState;

/// 正在进行的批量检查或写批注（界面同一时间只允许一个）的取消开关。
static RUNNING: Mutex<Option<Arc<Cancel>>> = Mutex::new(None);

/// 取消正在进行的批量检查或写批注。没有在进行的时什么也不做。
#[tauri::command]
pub async fn cancel_review() {
    if let Some(c) = RUNNING.lock().unwrap_or_else(|e| e.into_inner()).as_ref() {
        c.cancel();
    }
}

/// 新的一批：换上新的取消开关。
fn start_batch() -> Arc<Cancel> {
    let c = Arc::new(Cancel::default());
    *RUNNING.lock().unwrap_or_else(|e| e.into_inner()) = Some(c.clone());
    c
}

const CANCELLED: &str = "已取消。";

/// 进度事件的名称。
pub const PROGRESS_EVENT: &str = "review-progress";

/// 审核库里的一份目录（[`mulu_review::check_stored`]）。
#[tauri::command]
pub async fn check_catalog(state: State<'_, AppState>, catalog_id: i64) -> Result<Report, String> {
    state.try_with(|s| mulu_review::check_stored(s, catalog_id))
}

/// 读、审核每个工作簿（读不了的文件在结果里写明原因，其余照常检查），按给出的顺序返回。
/// 取消时返回错误“已取消。”。
#[tauri::command]
pub async fn check_files(
    app: AppHandle,
    state: State<'_, AppState>,
    paths: Vec<String>,
) -> Result<Vec<FileCheck>, String> {
    let paths = distinct(paths, "请选择要检查的工作簿。")?;
    let (opts, guidelines) = rules_input(&state)?;
    let cancel = start_batch();
    match Isolation::find() {
        Some(iso) => {
            isolated(paths, &opts, &guidelines, cancel, move |p| emit(&app, p), {
                move |iso_input: &Path, p: &str, c: &Cancel| {
                    isolate::check_isolated(&iso, iso_input, Path::new(p), c)
                }
            })
            .await
        }
        None => {
            off_thread(
                paths,
                move |p| mulu_review::check_workbook(Path::new(p), &opts, &guidelines),
                move |p| emit(&app, p),
            )
            .await
        }
    }
}

/// 为每个工作簿写批注工作簿到 `dir`（`〈原文件名〉（审核意见）.xlsx`）；每个文件的结果分别给出。
#[tauri::command]
pub async fn annotate_files(
    app: AppHandle,
    state: State<'_, AppState>,
    paths: Vec<String>,
    dir: String,
) -> Result<Vec<AnnotatedFile>, String> {
    let paths = distinct(paths, "请选择要写批注的工作簿。")?;
    if dir.trim().is_empty() {
        return Err("请选择存放批注工作簿的文件夹。".into());
    }
    let dir = super::paths::folder_to_write(&dir, state.db_path())?;
    std::fs::create_dir_all(&dir).map_err(|e| format!("无法创建文件夹“{}”：{e}", dir.display()))?;
    let (opts, guidelines) = rules_input(&state)?;
    let cancel = start_batch();
    match Isolation::find() {
        Some(iso) => {
            isolated(paths, &opts, &guidelines, cancel, move |p| emit(&app, p), {
                move |iso_input: &Path, p: &str, c: &Cancel| {
                    isolate::annotate_isolated(&iso, iso_input, Path::new(p), &dir, c)
                }
            })
            .await
        }
        None => {
            off_thread(
                paths,
                move |p| mulu_review::annotate_workbook(Path::new(p), &opts, &guidelines, &dir),
                move |p| emit(&app, p),
            )
            .await
        }
    }
}

/// 每个文件一个子进程：先把读取选项与指引写进一个临时 JSON 文件，再用 CPU 核数个线程逐个起子进程。
async fn isolated<T: Send + 'static>(
    paths: Vec<String>,
    opts: &ReadOptions,
    guidelines: &[GuidelineDomain],
    cancel: Arc<Cancel>,
    progress: impl Fn(BatchProgress) + Send + Sync + 'static,
    work: impl Fn(&Path, &str, &Cancel) -> Option<T> + Send + Sync + 'static,
) -> Result<Vec<T>, String> {
    let input = serde_json::to_vec(&WorkerInput::new(opts, guidelines))
        .map_err(|e| format!("无法准备检查：{e}"))?;
    tauri::async_runtime::spawn_blocking(move || {
        let file = input_file(&input)?;
        let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
        let out = isolate::run_batch(
            &paths,
            workers,
            &cancel,
            |p| work(&file.0, p, &cancel),
            progress,
        );
        out.ok_or_else(|| CANCELLED.to_string())
    })
    .await
    .map_err(|e| format!("检查中途出错：{e}"))?
}

/// 子进程的输入文件（放在临时文件夹，用完即删）。
struct InputFile(PathBuf);

impl Drop for InputFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn input_file(bytes: &[u8]) -> Result<InputFile, String> {
    static SEQ: AtomicUsize = AtomicUsize::new(0);
    let path = std::env::temp_dir().join(format!(
        "mulu-worker-{}-{}.json",
        std::process::id(),
        SEQ.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::write(&path, bytes).map_err(|e| format!("无法写临时文件“{}”：{e}", path.display()))?;
    Ok(InputFile(path))
}

fn emit(app: &AppHandle, p: BatchProgress) {
    // 进度只是提示：窗口已关闭等情形下发不出去也不影响结果。
    let _ = app.emit(PROGRESS_EVENT, p);
}

/// 去掉空白与重复的路径，保持顺序；一个都没有时返回 `empty` 这句话。
fn distinct(paths: Vec<String>, empty: &str) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::with_capacity(paths.len());
    for p in paths {
        if !p.trim().is_empty() && !out.contains(&p) {
            out.push(p);
        }
    }
    if out.is_empty() {
        return Err(empty.into());
    }
    Ok(out)
}

/// 读取选项与指引：在数据库锁内取出（很快），检查本身在锁外进行。
fn rules_input(state: &AppState) -> Result<(ReadOptions, Vec<GuidelineDomain>), String> {
    state.with(|s| {
        Ok((
            ReadOptions::from_store(s, None)?,
            mulu_review::load_guidelines(s)?,
        ))
    })
}

/// （找不到 `mulu` 时）在阻塞线程池里并行处理每个文件，每完成一个报告一次进度；结果与 `paths` 同序。
async fn off_thread<T: Send + 'static>(
    paths: Vec<String>,
    work: impl Fn(&str) -> T + Send + Sync + 'static,
    progress: impl Fn(BatchProgress) + Send + Sync + 'static,
) -> Result<Vec<T>, String> {
    tauri::async_runtime::spawn_blocking(move || {
        let total = paths.len();
        let done = AtomicUsize::new(0);
        paths
            .par_iter()
            .map(|p| {
                let r = work(p);
                progress(BatchProgress {
                    done: done.fetch_add(1, Ordering::SeqCst) + 1,
                    total,
                    path: p.clone(),
                });
                r
            })
            .collect()
    })
    .await
    .map_err(|e| format!("检查中途出错：{e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::fixture;
    use std::sync::Mutex;

    #[test]
    fn checks_files_in_order_and_reports_progress() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(dir.path().join("mulu.db"));
        let (opts, guidelines) = rules_input(&state).unwrap();
        let paths = distinct(
            vec![
                fixture("official_openpyxl.xlsx"),
                fixture("not_a_workbook.xlsx"),
                fixture("official_openpyxl.xlsx"),
                " ".into(),
            ],
            "",
        )
        .unwrap();
        let seen = std::sync::Arc::new(Mutex::new(Vec::new()));
        let log = seen.clone();
        let results = tauri::async_runtime::block_on(off_thread(
            paths,
            move |p| mulu_review::check_workbook(Path::new(p), &opts, &guidelines),
            move |p| log.lock().unwrap().push(p.done),
        ))
        .unwrap();
        assert_eq!(results.len(), 2);
        assert_eq!(results[0].items, 10);
        assert!(results[1]
            .error
            .as_deref()
            .unwrap()
            .contains("不是 Excel 工作簿"));
        let mut done = seen.lock().unwrap().clone();
        done.sort();
        assert_eq!(done, vec![1, 2]);
        assert_eq!(distinct(vec![], "请选择。").unwrap_err(), "请选择。");
    }

    /// 每个文件在 `mulu worker` 子进程里读（`cargo test` 时 `mulu` 在 target/debug/）：结果与在本进程里读相同。
    #[test]
    fn checks_files_in_child_processes() {
        let Some(iso) = Isolation::find() else {
            eprintln!("跳过：target/debug/mulu 还没有构建（cargo build -p mulu-cli）。");
            return;
        };
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(dir.path().join("mulu.db"));
        let (opts, guidelines) = rules_input(&state).unwrap();
        let paths = vec![
            fixture("official_openpyxl.xlsx"),
            fixture("not_a_workbook.xlsx"),
        ];
        let want: Vec<FileCheck> = paths
            .iter()
            .map(|p| mulu_review::check_workbook(Path::new(p), &opts, &guidelines))
            .collect();
        let got = tauri::async_runtime::block_on(isolated(
            paths,
            &opts,
            &guidelines,
            Arc::new(Cancel::default()),
            |_| {},
            move |input: &Path, p: &str, c: &Cancel| {
                isolate::check_isolated(&iso, input, Path::new(p), c)
            },
        ))
        .unwrap();
        assert_eq!(got, want);
    }

    #[test]
    fn checks_a_stored_catalog() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(dir.path().join("mulu.db"));
        let id = state
            .with(|s| {
                let unit = s.create_unit(&mulu_core::model::NewUnit::new(
                    "某某县某某镇人民政府",
                    mulu_core::model::UnitKind::Township,
                ))?;
                let c = s.create_catalog(&mulu_core::model::NewCatalog::new(unit.id, 2026))?;
                s.adopt_domain(c.id, "社会救助", None)?;
                Ok(c.id)
            })
            .unwrap();
        let report = state
            .try_with(|s| mulu_review::check_stored(s, id))
            .unwrap();
        assert!(report.item_count > 0);
        assert_eq!(report.coverage.percent, 100.0);
        let err = state
            .try_with(|s| mulu_review::check_stored(s, id + 100))
            .unwrap_err();
        assert!(err.starts_with("读取目录失败"), "{err}");
    }
}
