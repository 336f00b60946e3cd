//! 审核台账的表格视图在 `mulu worker sheet` 子进程里读表（`mulu_review::isolate::sheet_isolated`）：
//! 结果与在本进程里读相同；读不了的文件给出读取器的中文原因。（子进程异常结束、超时的处理与批量检查
//! 共用，测试在 `mulu-review/src/isolate.rs`。）

use std::path::{Path, PathBuf};
use std::time::Duration;

use mulu_review::isolate::{sheet_isolated, Cancel, Isolation, WorkerFailure};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../..")
}

fn iso(memory_mb: u64) -> Isolation {
    Isolation {
        exe: PathBuf::from(env!("CARGO_BIN_EXE_mulu")),
        timeout: Duration::from_secs(60),
        memory_mb,
    }
}

#[test]
fn the_child_reads_the_same_grid_as_the_app_would() {
    let path = repo().join("samples/mistakes-township.xlsx");
    let child = sheet_isolated(&iso(2048), &path, Some("社会救助"), &Cancel::default()).unwrap();
    let here = mulu_review::read_sheet_grid(&path, Some("社会救助"))
        .grid
        .unwrap();
    assert_eq!(child, here);
    assert_eq!(child.sheet, "社会救助");
    assert_eq!(child.headers.len(), 1);
    assert!(!child.merges.is_empty());

    // 不给表名：第一张认得出目录表头的表。
    let multi = repo().join("samples/township.xlsx");
    let first = sheet_isolated(&iso(2048), &multi, None, &Cancel::default()).unwrap();
    assert_eq!(first.sheets[0], "封面");
    assert_eq!(first.sheet, "社会救助");
}

#[test]
fn an_unreadable_file_gives_the_readers_reason() {
    let path = repo().join("tests/fixtures/workbooks/not_a_workbook.xlsx");
    match sheet_isolated(&iso(2048), &path, None, &Cancel::default()) {
        Err(WorkerFailure::Failed(why)) => assert!(why.contains("不是 Excel 工作簿"), "{why}"),
        other => panic!("{other:?}"),
    }
}
