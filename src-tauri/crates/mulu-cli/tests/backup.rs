//! `mulu backup list|create|restore`：对外形式，以及数据库损坏时的出路。

mod common;

use common::Env;

fn backups(env: &Env) -> Vec<serde_json::Value> {
    let v: serde_json::Value =
        serde_json::from_str(&env.ok(&["backup", "list", "--json"])).unwrap();
    v.as_array().unwrap().clone()
}

fn catalogs(env: &Env) -> usize {
    let v: serde_json::Value =
        serde_json::from_str(&env.ok(&["catalog", "list", "--json"])).unwrap();
    v.as_array().unwrap().len()
}

#[test]
fn create_list_and_restore_by_file() {
    let env = Env::new();
    env.new_township_catalog();
    let out = env.ok(&["backup", "create"]);
    assert!(out.starts_with("已备份到 "), "{out}");
    env.new_township_catalog_for("2027");
    assert_eq!(catalogs(&env), 2);

    let list = backups(&env);
    let manual: Vec<_> = list.iter().filter(|b| b["kind"] == "手动").collect();
    assert_eq!(manual.len(), 1, "{list:?}");
    assert!(list
        .iter()
        .all(|b| b["created"].as_str().unwrap().len() == 19));
    let text = env.ok(&["backup", "list"]);
    assert!(text.contains("手动") && text.contains("序号"), "{text}");

    let file = manual[0]["file"].as_str().unwrap();
    let out = env.ok(&["backup", "restore", file]);
    assert!(
        out.contains("已用备份") && out.contains("恢复前的数据已另存为"),
        "{out}"
    );
    assert_eq!(catalogs(&env), 1);
    // What was replaced is itself a backup and can be restored.
    let pre: Vec<_> = backups(&env)
        .into_iter()
        .filter(|b| b["kind"] == "恢复前")
        .collect();
    assert_eq!(pre.len(), 1);
    env.ok(&["backup", "restore", pre[0]["file"].as_str().unwrap()]);
    assert_eq!(catalogs(&env), 2);
}

#[test]
fn a_damaged_database_is_reported_and_restored_by_number() {
    let env = Env::new();
    env.new_township_catalog();
    env.ok(&["backup", "create"]);
    std::fs::write(env.db(), vec![0x42_u8; 4096]).unwrap();

    let o = env.run(&["catalog", "list"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("已损坏") && err.contains("mulu backup"),
        "{err}"
    );
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");

    let out = env.ok(&["backup", "restore", "1"]);
    assert!(out.contains("损坏的数据库已原样移到"), "{out}");
    assert_eq!(catalogs(&env), 1);
    assert!(backups(&env).iter().any(|b| b["kind"] == "损坏的数据库"));
}

#[test]
fn bad_arguments_exit_2_with_one_line() {
    let env = Env::new();
    env.new_township_catalog();
    for args in [
        &["backup", "restore", "9"][..],
        &["backup", "restore", "没有这个文件.db"],
    ] {
        let o = env.run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("mulu backup list"), "{err}");
    }
}
