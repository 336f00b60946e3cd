//! 修改历史：每处改动都记下（触发器），按事项、按目录查看；整批撤销导入（重启后也可以）；
//! 恢复删除的条目。

use mulu_core::model::*;
use mulu_core::store::{ChangeOp, HistoryEntity, ImportChanges, Store, StoreError};

fn setup(s: &mut Store) -> Catalog {
    let u = s
        .create_unit(&NewUnit::new("某某县某某镇人民政府", UnitKind::Township))
        .unwrap();
    s.create_catalog(&NewCatalog::new(u.id, 2026)).unwrap()
}

fn local(l2: &str) -> ItemFields {
    ItemFields {
        domain: "社会救助".into(),
        l1: "本级事项".into(),
        l2: l2.into(),
        content: "内容".into(),
        ..Default::default()
    }
}

/// 目录里可见的一切（事项、不予公开事项、不涉及标记），比较“撤销后与导入前相同”用。
fn snapshot(s: &Store, id: i64) -> (Vec<Item>, Vec<Withheld>, Vec<NotApplicable>) {
    let e = s.export_catalog(id).unwrap();
    (e.items, e.withheld, e.not_applicable)
}

#[test]
fn an_edit_records_each_changed_field_with_old_and_new_value_and_user() {
    let mut s = Store::open_in_memory().unwrap();
    let c = setup(&mut s);
    let item = s.add_item(c.id, &local("最低生活保障")).unwrap();
    let mut f = item.fields.clone();
    f.l2 = "低保审核".into();
    f.basis = vec!["《社会救助暂行办法》".into(), "《某某条例》".into()];
    s.update_item(item.id, &f).unwrap();

    let h = s.item_history(item.id).unwrap();
    assert_eq!(h.len(), 2, "{h:#?}");
    let edit = &h[0];
    assert_eq!(edit.action, "修改事项");
    assert_eq!(edit.user, mulu_core::store::history::os_user());
    assert!(edit.at.ends_with('Z') && edit.at.len() >= 20, "{}", edit.at);
    let fields: Vec<_> = edit
        .changes
        .iter()
        .map(|c| {
            (
                c.field.as_deref().unwrap(),
                c.old_value.as_deref().unwrap(),
                c.new_value.as_deref().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        fields,
        vec![
            ("l2", "最低生活保障", "低保审核"),
            ("basis", "", "《社会救助暂行办法》、《某某条例》"),
        ]
    );
    assert_eq!(edit.changes[0].field_label.as_deref(), Some("二级事项"));
    assert_eq!(h[1].action, "新增事项");
    assert_eq!(h[1].changes[0].op, ChangeOp::Insert);
    // 内容没变的保存不留记录。
    s.update_item(item.id, &f).unwrap();
    assert_eq!(s.item_history(item.id).unwrap().len(), 2);

    // 不予公开事项与不涉及标记也有记录，按目录可见。
    let w = s
        .add_withheld(&Withheld {
            id: 0,
            catalog_id: c.id,
            domain: None,
            name: "内部研究".into(),
            ground: None,
            detail: String::new(),
        })
        .unwrap();
    s.update_withheld(&Withheld {
        name: "内部研究材料".into(),
        ..w.clone()
    })
    .unwrap();
    s.set_not_applicable(&NotApplicable {
        catalog_id: c.id,
        guideline_item_id: "SJ-01".into(),
        reason: "本镇无此职能".into(),
    })
    .unwrap();
    let all = s.catalog_history(c.id, 100).unwrap();
    let actions: Vec<&str> = all.iter().map(|x| x.action.as_str()).collect();
    assert_eq!(
        actions,
        vec![
            "标记不涉及",
            "修改不予公开事项",
            "新增不予公开事项",
            "修改事项",
            "新增事项"
        ]
    );
    let wh = &all[1].changes[0];
    assert_eq!(wh.entity, HistoryEntity::Withheld);
    assert_eq!(wh.old_value.as_deref(), Some("内部研究"));
    assert_eq!(wh.name, "内部研究材料");
}

#[test]
fn the_cli_and_app_path_alike_write_history_through_any_connection() {
    // 任何经 Store 打开的连接（桌面程序、命令行都是）：直接写 SQL 也被记录。
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("mulu.db");
    let mut s = Store::open(&db).unwrap();
    let c = setup(&mut s);
    let item = s.add_item(c.id, &local("甲")).unwrap();
    drop(s);
    let s = Store::open(&db).unwrap();
    s.connection()
        .execute(
            "UPDATE items SET notes = '直接改的' WHERE id = ?1",
            [item.id],
        )
        .unwrap();
    let h = s.item_history(item.id).unwrap();
    assert_eq!(h[0].action, "修改");
    assert_eq!(h[0].changes[0].field.as_deref(), Some("notes"));
}

#[test]
fn an_import_into_a_catalog_can_be_undone_in_one_step_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("mulu.db");
    let mut s = Store::open(&db).unwrap();
    let c = setup(&mut s);
    s.adopt_domain(c.id, "社会救助", None).unwrap();
    let a = s.add_item(c.id, &local("甲")).unwrap();
    let b = s.add_item(c.id, &local("乙")).unwrap();
    let before = snapshot(&s, c.id);

    let mut changed = a.fields.clone();
    changed.content = "导入改过的内容".into();
    changed.channels.extra = vec!["村务公开栏".into()];
    let adopted = before.0[0].clone();
    let mut adopted_changed = adopted.fields.clone();
    adopted_changed.subject = "某某镇民政办".into();
    let changes = ImportChanges {
        add: vec![
            (local("丙"), Provenance::Local),
            (
                ItemFields {
                    domain: "就业".into(),
                    ..local("丁")
                },
                Provenance::Local,
            ),
        ],
        update: vec![(a.id, changed), (adopted.id, adopted_changed)],
    };
    s.apply_import(c.id, &changes).unwrap();
    assert_ne!(snapshot(&s, c.id), before);
    let import = s.catalog_history(c.id, 1).unwrap().remove(0);
    assert_eq!(import.action, "导入");
    drop(s);

    // 重启后撤销。
    let mut s = Store::open(&db).unwrap();
    let out = s.undo_change_set(import.id).unwrap();
    assert!(out.reverted >= 4, "{out:?}");
    let after = snapshot(&s, c.id);
    assert_eq!(
        after.0, before.0,
        "事项与导入前完全相同（编号、顺序、来源、内容）"
    );
    assert_eq!(after.1, before.1);
    assert_eq!(after.2, before.2);
    assert_eq!(
        s.change_set(import.id).unwrap().undone_by,
        Some(out.change_set)
    );
    let again = s.undo_change_set(import.id).unwrap_err();
    assert!(again.to_string().contains("已经撤销过了"), "{again}");

    // 撤销的撤销 = 重做；再撤销一次又回到导入前。
    s.undo_change_set(out.change_set).unwrap();
    assert_eq!(s.list_items(c.id).unwrap().len(), before.0.len() + 2);
    assert_eq!(s.change_set(import.id).unwrap().undone_by, None);
    let b_again = s.get_item(b.id).unwrap();
    assert_eq!(b_again.fields.l2, "乙");
}

#[test]
fn undo_is_refused_when_a_later_edit_touched_the_same_items() {
    let mut s = Store::open_in_memory().unwrap();
    let c = setup(&mut s);
    let a = s.add_item(c.id, &local("甲")).unwrap();
    let changes = ImportChanges {
        add: vec![(local("丙"), Provenance::Local)],
        update: vec![(
            a.id,
            ItemFields {
                content: "导入的内容".into(),
                ..a.fields.clone()
            },
        )],
    };
    s.apply_import(c.id, &changes).unwrap();
    let import = s.catalog_history(c.id, 1).unwrap().remove(0);
    let mut f = s.get_item(a.id).unwrap().fields;
    f.notes = "导入后手改".into();
    s.update_item(a.id, &f).unwrap();
    let snapshot_before = snapshot(&s, c.id);

    let err = s.undo_change_set(import.id).unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)), "{err:?}");
    let msg = err.to_string();
    assert!(
        msg.contains("之后又修改过其中 1 个条目") && msg.contains("不能整批撤销"),
        "{msg}"
    );
    assert_eq!(snapshot(&s, c.id), snapshot_before, "拒绝时什么都不改");

    // 先撤销后来的修改，就可以撤销导入了。
    let later = s.catalog_history(c.id, 1).unwrap().remove(0);
    s.undo_change_set(later.id).unwrap();
    s.undo_change_set(import.id).unwrap();
    let items = s.list_items(c.id).unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].fields, a.fields);
}

#[test]
fn deleted_items_withheld_entries_and_marks_can_be_restored() {
    let mut s = Store::open_in_memory().unwrap();
    let c = setup(&mut s);
    s.adopt_domain(c.id, "社会救助", None).unwrap();
    let items = s.list_items(c.id).unwrap();
    let victim = items[2].clone();
    let w = s
        .add_withheld(&Withheld {
            id: 0,
            catalog_id: c.id,
            domain: Some("社会救助".into()),
            name: "内部研究".into(),
            ground: Some(WithholdGround::Art16),
            detail: "过程性信息".into(),
        })
        .unwrap();
    s.set_not_applicable(&NotApplicable {
        catalog_id: c.id,
        guideline_item_id: "SJ-01".into(),
        reason: "本镇无此职能".into(),
    })
    .unwrap();
    let before = snapshot(&s, c.id);

    s.delete_item(victim.id).unwrap();
    s.delete_withheld(w.id).unwrap();
    s.clear_not_applicable(c.id, "SJ-01").unwrap();
    assert_ne!(snapshot(&s, c.id), before);

    let deleted = s.item_history(victim.id).unwrap().remove(0);
    assert_eq!(deleted.action, "删除事项");
    let row = &deleted.changes[0];
    assert_eq!(row.op, ChangeOp::Delete);
    assert!(row.restorable);
    assert_eq!(row.name, victim.fields.l2);
    s.restore_deleted(row.id).unwrap();
    let restored = s.get_item(victim.id).unwrap();
    assert_eq!(restored, victim, "编号、位置、来源与内容都照旧");
    let err = s.restore_deleted(row.id).unwrap_err();
    assert!(err.to_string().contains("无法恢复"), "{err}");

    for set in s.catalog_history(c.id, 3).unwrap() {
        for ch in set.changes.iter().filter(|x| x.op == ChangeOp::Delete) {
            s.restore_deleted(ch.id).unwrap();
        }
    }
    assert_eq!(snapshot(&s, c.id), before);
}
