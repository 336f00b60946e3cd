//! 两个进程（桌面程序与命令行）同时写一个数据库：写事务一开始就取写锁（IMMEDIATE），
//! 另一方排队等待，而不是在“读后写”时立即失败或 5 秒后报错。

use std::sync::{Arc, Barrier};

use mulu_core::model::{NewUnit, UnitKind};
use mulu_core::store::Store;

#[test]
fn two_connections_writing_at_once_both_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("mulu.db");
    drop(Store::open(&db).unwrap());
    let start = Arc::new(Barrier::new(2));
    let workers: Vec<_> = (0..2)
        .map(|w| {
            let db = db.clone();
            let start = start.clone();
            std::thread::spawn(move || {
                let mut s = Store::open(&db).unwrap();
                start.wait();
                for i in 0..60 {
                    // create_unit reads (is the name taken?) before it writes.
                    s.create_unit(&NewUnit::new(format!("单位{w}-{i}"), UnitKind::Township))
                        .map_err(|e| e.to_string())?;
                }
                Ok::<_, String>(())
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap().unwrap();
    }
    assert_eq!(Store::open(&db).unwrap().list_units().unwrap().len(), 120);
}

#[test]
fn a_writer_waits_for_the_other_process_longer_than_five_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("mulu.db");
    drop(Store::open(&db).unwrap());
    // Another process holds the write lock for 6 s (over the old 5 s timeout).
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let release = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_secs(6));
        holder.execute_batch("COMMIT").unwrap();
    });
    let t = std::time::Instant::now();
    let mut s = Store::open(&db).unwrap();
    s.create_unit(&NewUnit::new("等锁后写入的单位", UnitKind::Township))
        .unwrap();
    assert!(t.elapsed().as_secs_f64() >= 5.0, "{:?}", t.elapsed());
    release.join().unwrap();
}

#[test]
fn processes_opening_at_once_share_the_days_first_backup() {
    // The app and `mulu` opening the store in the same second both find no backup for today and both
    // write one with the same name: neither may fail to open (SQLite refuses to overwrite the file).
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("mulu.db");
    let mut s = Store::open(&db).unwrap();
    s.create_unit(&NewUnit::new("某某镇", UnitKind::Township))
        .unwrap();
    drop(s);
    for round in 0..5 {
        let _ = std::fs::remove_dir_all(dir.path().join("backups"));
        let start = Arc::new(Barrier::new(6));
        let openers: Vec<_> = (0..6)
            .map(|_| {
                let (db, start) = (db.clone(), start.clone());
                std::thread::spawn(move || {
                    start.wait();
                    Store::open(&db).map(|_| ()).map_err(|e| e.to_string())
                })
            })
            .collect();
        for o in openers {
            o.join()
                .unwrap()
                .unwrap_or_else(|e| panic!("round {round}: {e}"));
        }
    }
}
