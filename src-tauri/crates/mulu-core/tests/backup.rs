//! 备份与恢复：每日、升级前、导入前的备份，损坏与更新版本的数据库不被改动，恢复与移开。

use std::path::{Path, PathBuf};

use mulu_core::model::{ItemFields, NewCatalog, NewUnit, Provenance, UnitKind};
use mulu_core::store::{
    list_backups, restore_backup, set_aside, BackupKind, ImportChanges, Store, StoreError,
    SCHEMA_VERSION,
};
use rusqlite::Connection;

fn db_in(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("mulu.db")
}

fn new_catalog(store: &mut Store, unit: &str) -> i64 {
    let u = store
        .create_unit(&NewUnit::new(unit, UnitKind::Township))
        .unwrap();
    store
        .create_catalog(&NewCatalog {
            unit_id: u.id,
            year: 2026,
            title: None,
        })
        .unwrap()
        .id
}

fn unit_names(path: &Path) -> Vec<String> {
    let conn = Connection::open(path).unwrap();
    let mut st = conn
        .prepare("SELECT name FROM units ORDER BY name")
        .unwrap();
    st.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn of_kind(path: &Path, kind: BackupKind) -> Vec<String> {
    list_backups(path)
        .unwrap()
        .into_iter()
        .filter(|b| b.kind == kind)
        .map(|b| b.file)
        .collect()
}

#[test]
fn a_new_database_has_no_backup_and_the_second_open_of_the_day_makes_one_daily_copy() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_in(&dir);
    {
        let mut s = Store::open(&db).unwrap();
        new_catalog(&mut s, "甲镇人民政府");
    }
    assert!(list_backups(&db).unwrap().is_empty());
    drop(Store::open(&db).unwrap());
    drop(Store::open(&db).unwrap());
    let daily = of_kind(&db, BackupKind::Daily);
    assert_eq!(daily.len(), 1, "{daily:?}");
    assert_eq!(unit_names(Path::new(&daily[0])), vec!["甲镇人民政府"]);
}

#[test]
fn an_old_schema_is_copied_before_it_is_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_in(&dir);
    {
        let mut conn = Connection::open(&db).unwrap();
        Store::migrate_to(&mut conn, 1).unwrap();
    }
    let s = Store::open(&db).unwrap();
    assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION as i64);
    let pre = of_kind(&db, BackupKind::BeforeMigration);
    assert_eq!(pre.len(), 1);
    let v: i64 = Connection::open(&pre[0])
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, 1, "the copy must be the database before the migration");
}

#[test]
fn a_damaged_file_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_in(&dir);
    let junk = b"PK\x03\x04 this is not a database at all".repeat(200);
    std::fs::write(&db, &junk).unwrap();
    match Store::open(&db) {
        Err(e @ StoreError::Damaged { .. }) => {
            let msg = e.to_string();
            assert!(
                msg.contains("已损坏") && msg.contains("从备份恢复"),
                "{msg}"
            );
        }
        Err(e) => panic!("expected Damaged, got {e}"),
        Ok(_) => panic!("a junk file opened as a database"),
    }
    assert_eq!(std::fs::read(&db).unwrap(), junk);
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_in(&dir);
    drop(Store::open(&db).unwrap());
    Connection::open(&db)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let before = std::fs::read(&db).unwrap();
    match Store::open(&db) {
        Err(e @ StoreError::TooNew { .. }) => assert!(e.to_string().contains("更新版本"), "{e}"),
        Err(e) => panic!("expected TooNew, got {e}"),
        Ok(_) => panic!("a newer database was opened"),
    }
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn merging_an_import_into_a_catalog_copies_the_database_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_in(&dir);
    let mut s = Store::open(&db).unwrap();
    let id = new_catalog(&mut s, "乙镇人民政府");
    let fields = ItemFields {
        domain: "社会救助".into(),
        l1: "本级事项".into(),
        l2: "导入的事项".into(),
        ..Default::default()
    };
    let changes = ImportChanges {
        add: vec![(fields, Provenance::Local)],
        update: vec![],
    };
    s.apply_import(id, &changes).unwrap();
    let pre = of_kind(&db, BackupKind::BeforeImport);
    assert_eq!(pre.len(), 1);
    let n: i64 = Connection::open(&pre[0])
        .unwrap()
        .query_row("SELECT count(*) FROM items", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0, "the copy must hold the catalog before the import");
}

#[test]
fn restore_brings_back_the_copy_and_keeps_what_it_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_in(&dir);
    let mut s = Store::open(&db).unwrap();
    new_catalog(&mut s, "丙镇人民政府");
    let copy = s.backup(BackupKind::Manual).unwrap().unwrap();
    new_catalog(&mut s, "丁镇人民政府");
    drop(s);
    let before = restore_backup(&db, Path::new(&copy.file)).unwrap().unwrap();
    assert_eq!(before.kind, BackupKind::BeforeRestore);
    let s = Store::open(&db).unwrap();
    let names: Vec<String> = s
        .list_units()
        .unwrap()
        .into_iter()
        .map(|u| u.name)
        .collect();
    assert_eq!(names, vec!["丙镇人民政府"]);
    assert_eq!(unit_names(Path::new(&before.file)).len(), 2);
}

#[test]
fn a_damaged_database_is_moved_aside_not_overwritten_when_restoring() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_in(&dir);
    let mut s = Store::open(&db).unwrap();
    new_catalog(&mut s, "戊镇人民政府");
    let copy = s.backup(BackupKind::Manual).unwrap().unwrap();
    drop(s);
    let junk = vec![0x5a_u8; 8192];
    std::fs::write(&db, &junk).unwrap();
    let moved = restore_backup(&db, Path::new(&copy.file)).unwrap().unwrap();
    assert_eq!(moved.kind, BackupKind::Damaged);
    assert_eq!(std::fs::read(&moved.file).unwrap(), junk);
    let s = Store::open(&db).unwrap();
    assert_eq!(s.list_units().unwrap().len(), 1);
}

#[test]
fn a_bad_backup_is_refused_before_anything_changes() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_in(&dir);
    let mut s = Store::open(&db).unwrap();
    new_catalog(&mut s, "己镇人民政府");
    drop(s);
    let bad = dir.path().join("bad.db");
    std::fs::write(&bad, b"not a database").unwrap();
    let e = restore_backup(&db, &bad).unwrap_err();
    assert!(e.to_string().contains("bad.db"), "{e}");
    assert_eq!(unit_names(&db), vec!["己镇人民政府"]);
    assert!(of_kind(&db, BackupKind::BeforeRestore).is_empty());
}

#[test]
fn set_aside_keeps_the_file_and_a_fresh_database_opens_in_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_in(&dir);
    std::fs::write(&db, vec![1_u8; 4096]).unwrap();
    let moved = set_aside(&db).unwrap();
    assert!(Path::new(&moved.file).exists());
    assert!(!db.exists());
    let s = Store::open(&db).unwrap();
    assert!(s.list_units().unwrap().is_empty());
}

#[test]
fn each_kind_keeps_only_its_newest_copies() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_in(&dir);
    let s = Store::open(&db).unwrap();
    let mut made = Vec::new();
    for _ in 0..(mulu_core::store::backup::KEEP_PER_KIND + 3) {
        made.push(s.backup(BackupKind::Manual).unwrap().unwrap().file);
    }
    let kept = of_kind(&db, BackupKind::Manual);
    assert_eq!(kept.len(), mulu_core::store::backup::KEEP_PER_KIND);
    // The newest are kept, newest first.
    let mut newest: Vec<String> = made.iter().rev().take(kept.len()).cloned().collect();
    newest.truncate(kept.len());
    assert_eq!(kept, newest);
}

/// Overwrites the middle of every page after the schema's with junk: the header and `sqlite_master`
/// stay readable (the light check passes), the tables do not (quick_check fails).
fn damage_table_pages(path: &Path) {
    let mut bytes = std::fs::read(path).unwrap();
    let page = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
    let page = if page == 1 { 65536 } else { page };
    let pages = bytes.len() / page;
    assert!(pages > 8, "the test database is too small: {pages} pages");
    for p in (pages / 2)..pages {
        let at = p * page + 8;
        bytes[at..at + page / 2].fill(0xA5);
    }
    std::fs::write(path, bytes).unwrap();
}

fn filled_db(dir: &tempfile::TempDir) -> PathBuf {
    let db = db_in(dir);
    let mut s = Store::open(&db).unwrap();
    let id = new_catalog(&mut s, "丙镇人民政府");
    s.adopt_domain(id, "社会救助", None).unwrap();
    s.adopt_domain(id, "义务教育", None).unwrap();
    drop(s);
    // Everything in the main file (no WAL left over) so the damage below is what SQLite reads.
    let conn = Connection::open(&db).unwrap();
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    db
}

#[test]
fn a_large_database_opens_after_a_light_check_and_the_full_check_and_daily_copy_follow() {
    let dir = tempfile::tempdir().unwrap();
    let db = filled_db(&dir);
    for b in list_backups(&db).unwrap() {
        std::fs::remove_file(&b.file).unwrap();
    }
    // Limit 0: every existing file counts as large.
    let (store, later) = Store::open_deferring_above(&db, 0).unwrap();
    let later = later.expect("an existing database has maintenance to do");
    assert!(later.needs_full_check());
    assert!(
        of_kind(&db, BackupKind::Daily).is_empty(),
        "nothing written before run()"
    );
    later.run().unwrap();
    let daily = of_kind(&db, BackupKind::Daily);
    assert_eq!(daily.len(), 1);
    assert_eq!(unit_names(Path::new(&daily[0])), vec!["丙镇人民政府"]);
    drop(store);
    // A small file is checked in full before it opens; the day's copy exists, none is added.
    let (_, later) = Store::open_deferring(&db).unwrap();
    let later = later.unwrap();
    assert!(!later.needs_full_check());
    later.run().unwrap();
    assert_eq!(of_kind(&db, BackupKind::Daily).len(), 1);
}

#[test]
fn damage_the_light_check_misses_is_found_in_the_background_and_no_copy_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = filled_db(&dir);
    for b in list_backups(&db).unwrap() {
        std::fs::remove_file(&b.file).unwrap();
    }
    damage_table_pages(&db);
    // Opened in full it is refused at once …
    assert!(matches!(Store::open(&db), Err(StoreError::Damaged { .. })));
    // … with the light check it opens, and the deferred full check reports the damage.
    let (_store, later) = Store::open_deferring_above(&db, 0).unwrap();
    match later.unwrap().run() {
        Err(e @ StoreError::Damaged { .. }) => assert!(e.to_string().contains("从备份恢复"), "{e}"),
        other => panic!("expected Damaged, got {other:?}"),
    }
    assert!(
        of_kind(&db, BackupKind::Daily).is_empty(),
        "a damaged copy must not rotate good ones out"
    );
}
