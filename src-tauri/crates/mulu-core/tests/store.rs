//! 存储层：迁移、采用指引、来源保留、排序、复制到新年度、中文错误。

use mulu_core::model::*;
use mulu_core::store::{Store, StoreError, SCHEMA_VERSION};
use rusqlite::Connection;

fn setup() -> (Store, Catalog) {
    let mut s = Store::open_in_memory().unwrap();
    let u = s
        .create_unit(&NewUnit::new("某某县某某镇人民政府", UnitKind::Township))
        .unwrap();
    let c = s.create_catalog(&NewCatalog::new(u.id, 2026)).unwrap();
    (s, c)
}

#[test]
fn migrates_an_empty_file_to_the_latest_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/dir/mulu.db");
    let s = Store::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION as i64);
    let fk: i64 = s
        .connection()
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    let mode: String = s
        .connection()
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(s.guideline_domains().unwrap().len(), 26);
    drop(s);
    // 再次打开：不重复载入内置指引。
    let s = Store::open(&path).unwrap();
    assert_eq!(s.guideline_versions("社会救助").unwrap().len(), 1);
}

#[test]
fn migrates_from_every_earlier_version_keeping_data() {
    for from in 1..SCHEMA_VERSION {
        let mut conn = Connection::open_in_memory().unwrap();
        Store::migrate_to(&mut conn, from).unwrap();
        conn.execute_batch(
            "INSERT INTO units (id, name, kind) VALUES (1, '某某镇', '乡镇');
             INSERT INTO catalogs (id, unit_id, year, title, domains) VALUES (1, 1, 2025, '某某镇2025年目录', '[\"社会救助\"]');
             INSERT INTO items (catalog_id, domain, position, l1, l2, content)
                VALUES (1, '社会救助', 0, '最低生活保障', '审核信息', '低保对象姓名、保障金额');",
        )
        .unwrap();
        let s = Store::from_connection(conn).unwrap();
        assert_eq!(
            s.schema_version().unwrap(),
            SCHEMA_VERSION as i64,
            "from v{from}"
        );
        let items = s.list_items(1).unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].fields.l2, "审核信息");
        assert_eq!(items[0].provenance, Provenance::Local);
        // v2 的全文索引覆盖升级前已有的数据。
        assert_eq!(s.search_items(1, "保障金额", 10).unwrap().len(), 1);
    }
}

#[test]
fn adopting_a_domain_adds_every_item_once_with_provenance() {
    let (mut s, c) = setup();
    let g = s.guideline_domain("社会救助", None).unwrap();
    let n = s.adopt_domain(c.id, "社会救助", None).unwrap();
    assert_eq!(n.added, g.items.len());
    let truncated: Vec<String> = g
        .items
        .iter()
        .filter(|i| !i.truncated.is_empty())
        .map(|i| i.id.clone())
        .collect();
    assert_eq!(n.truncated, truncated, "来源不完整的事项逐个列出");
    assert_eq!(
        s.adopt_domain(c.id, "社会救助", None).unwrap().added,
        0,
        "不重复采用"
    );
    let items = s.list_items(c.id).unwrap();
    assert_eq!(items.len(), g.items.len());
    for (i, (it, gi)) in items.iter().zip(&g.items).enumerate() {
        assert_eq!(it.position, i as i64);
        assert_eq!(it.fields.l1, gi.l1);
        assert_eq!(it.fields.basis, gi.basis);
        assert_eq!(
            it.provenance,
            Provenance::Guideline {
                guideline_item_id: gi.id.clone(),
                data_version: g.data_version.clone(),
                modified: false
            }
        );
    }
    assert_eq!(s.get_catalog(c.id).unwrap().domains, vec!["社会救助"]);
}

#[test]
fn adopting_chosen_items_and_aliases() {
    let (mut s, c) = setup();
    let ids = vec!["02.001".to_string(), "02.002".to_string()];
    assert_eq!(
        s.adopt_domain(c.id, "公共资源配置", Some(&ids))
            .unwrap()
            .added,
        2
    );
    let items = s.list_items(c.id).unwrap();
    assert!(items.iter().all(|i| i.fields.domain == "公共资源交易"));
    let err = s
        .adopt_domain(c.id, "公共资源交易", Some(&["02.999".to_string()]))
        .unwrap_err();
    assert!(err.to_string().contains("02.999"), "{err}");
    let err = s.adopt_domain(c.id, "不存在的领域", None).unwrap_err();
    assert!(matches!(err, StoreError::UnknownDomain(_)));
    assert!(
        err.to_string().contains("标准指引库里没有“不存在的领域”"),
        "{err}"
    );
}

#[test]
fn provenance_is_kept_through_edits_and_reverts() {
    let (mut s, c) = setup();
    s.adopt_domain(c.id, "社会救助", None).unwrap();
    let first = s.list_items(c.id).unwrap().remove(0);
    let original = first.fields.clone();

    let mut f = original.clone();
    f.time_limit = "信息形成之日起5个工作日内".into();
    let edited = s.update_item(first.id, &f).unwrap();
    let Provenance::Guideline {
        guideline_item_id,
        modified,
        ..
    } = &edited.provenance
    else {
        panic!()
    };
    assert_eq!(guideline_item_id, "05.001");
    assert!(*modified);

    // 只改备注不算改动指引原文；改回原文后取消“已修改”。
    let back = s
        .update_item(first.id, &original.clone().with_notes("本镇由党政办负责"))
        .unwrap();
    assert!(matches!(
        back.provenance,
        Provenance::Guideline {
            modified: false,
            ..
        }
    ));
    assert_eq!(back.fields.notes, "本镇由党政办负责");

    // 本级特色事项没有来源。
    let local = s
        .add_item(
            c.id,
            &ItemFields {
                domain: "社会救助".into(),
                l1: "本级特色".into(),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(local.provenance, Provenance::Local);
    assert_eq!(local.position, s.list_items(c.id).unwrap().len() as i64 - 1);
}

#[test]
fn reorder_move_delete_and_restore() {
    let (mut s, c) = setup();
    s.adopt_domain(c.id, "养老服务", None).unwrap();
    let ids: Vec<i64> = s.list_items(c.id).unwrap().iter().map(|i| i.id).collect();
    assert!(ids.len() >= 4);

    let mut reversed = ids.clone();
    reversed.reverse();
    s.reorder_items(c.id, "养老服务", &reversed).unwrap();
    let now: Vec<i64> = s.list_items(c.id).unwrap().iter().map(|i| i.id).collect();
    assert_eq!(now, reversed);

    let err = s
        .reorder_items(c.id, "养老服务", &reversed[1..])
        .unwrap_err();
    assert!(err.to_string().contains("排序列表"), "{err}");

    s.move_item(reversed[0], 99).unwrap();
    let now: Vec<i64> = s.list_items(c.id).unwrap().iter().map(|i| i.id).collect();
    assert_eq!(now.last(), Some(&reversed[0]));

    let gone = s.delete_item(now[1]).unwrap();
    let after: Vec<i64> = s
        .list_items(c.id)
        .unwrap()
        .iter()
        .map(|i| i.position)
        .collect();
    assert_eq!(
        after,
        (0..after.len() as i64).collect::<Vec<_>>(),
        "删除后顺序连续"
    );
    let restored = s.restore_item(&gone).unwrap();
    assert_eq!(restored, gone, "撤销删除：编号、位置、来源都回来");
    let again: Vec<i64> = s.list_items(c.id).unwrap().iter().map(|i| i.id).collect();
    assert_eq!(again, now);
}

#[test]
fn copy_to_a_new_year_keeps_everything() {
    let (mut s, c) = setup();
    s.adopt_domain(c.id, "社会救助", None).unwrap();
    s.adopt_domain(c.id, "就业", None).unwrap();
    let first = s.list_items(c.id).unwrap()[0].clone();
    let mut f = first.fields.clone();
    f.subject = "某某镇民政办".into();
    s.update_item(first.id, &f).unwrap();
    s.add_withheld(&Withheld {
        id: 0,
        catalog_id: c.id,
        domain: Some("社会救助".into()),
        name: "救助对象的个人隐私信息".into(),
        ground: Some(WithholdGround::Art15),
        detail: String::new(),
    })
    .unwrap();
    s.set_not_applicable(&NotApplicable {
        catalog_id: c.id,
        guideline_item_id: "05.003".into(),
        reason: "本镇不承担".into(),
    })
    .unwrap();

    let next = s.copy_catalog_to_year(c.id, 2027).unwrap();
    assert_eq!(next.year, 2027);
    assert_eq!(next.status, CatalogStatus::Draft);
    assert!(next.title.contains("2027"), "{}", next.title);
    let old = s.export_catalog(c.id).unwrap();
    let new = s.export_catalog(next.id).unwrap();
    assert_eq!(new.catalog.domains, old.catalog.domains);
    assert_eq!(new.items.len(), old.items.len());
    for (a, b) in old.items.iter().zip(&new.items) {
        assert_eq!(
            (&a.fields, &a.provenance, a.position),
            (&b.fields, &b.provenance, b.position)
        );
    }
    assert_eq!(new.withheld.len(), 1);
    assert_eq!(new.not_applicable.len(), 1);

    let err = s.copy_catalog_to_year(c.id, 2027).unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)));
    assert!(err.to_string().contains("2027 年度的目录已存在"), "{err}");
}

#[test]
fn constraint_violations_and_missing_rows_are_clear_chinese_errors() {
    let (mut s, c) = setup();
    let err = s
        .create_unit(&NewUnit::new("某某县某某镇人民政府", UnitKind::Township))
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)));
    assert!(err.to_string().contains("已存在"), "{err}");

    let err = s
        .create_catalog(&NewCatalog::new(c.unit_id, 2026))
        .unwrap_err();
    assert!(err.to_string().contains("2026 年度的目录已存在"), "{err}");

    let err = s.get_catalog(9999).unwrap_err();
    assert!(matches!(err, StoreError::NotFound { .. }));
    assert_eq!(
        err.to_string(),
        "找不到目录（编号 9999）。它可能已被删除，请刷新列表后重试。"
    );

    let err = s.create_catalog(&NewCatalog::new(4242, 2026)).unwrap_err();
    assert!(err.to_string().starts_with("找不到单位"), "{err}");

    let err = s
        .create_catalog(&NewCatalog::new(c.unit_id, 26))
        .unwrap_err();
    assert!(err.to_string().contains("四位年份"), "{err}");

    let err = s.delete_unit(c.unit_id).unwrap_err();
    assert!(err.to_string().contains("还有 1 份目录"), "{err}");

    let err = s.add_item(c.id, &ItemFields::default()).unwrap_err();
    assert!(err.to_string().contains("领域"), "{err}");
    // 出错的写入不留痕迹。
    assert!(s.list_items(c.id).unwrap().is_empty());
}

#[test]
fn a_newer_guideline_version_leaves_existing_catalogs_alone() {
    let (mut s, c) = setup();
    s.adopt_domain(c.id, "就业", None).unwrap();
    let before = s.list_items(c.id).unwrap();
    let mut g = s.guideline_domain("就业", None).unwrap();
    let old_version = g.data_version.clone();
    g.data_version = "2027.01-1".into();
    g.items[0].time_limit = Some("实时".into());
    s.load_guideline_version(&g).unwrap();
    assert_eq!(
        s.guideline_versions("就业").unwrap(),
        vec![old_version.clone(), "2027.01-1".to_string()]
    );
    assert_eq!(
        s.guideline_domain("就业", None).unwrap().data_version,
        "2027.01-1"
    );
    assert_eq!(s.list_items(c.id).unwrap(), before, "已有目录不变");
    // 旧版本的原文仍可查。
    let (_, old) = s
        .guideline_item(&g.items[0].id, Some(&old_version))
        .unwrap()
        .unwrap();
    assert_ne!(old.time_limit.as_deref(), Some("实时"));
    let err = s.load_guideline_version(&g).unwrap_err();
    assert!(err.to_string().contains("已经载入过"), "{err}");
}

#[test]
fn search_finds_chinese_substrings() {
    let (mut s, c) = setup();
    s.adopt_domain(c.id, "社会救助", None).unwrap();
    s.adopt_domain(c.id, "养老服务", None).unwrap();
    let hits = s.search_items(c.id, "最低生活", 50).unwrap();
    assert!(!hits.is_empty());
    for h in &hits {
        let it = s.get_item(h.item_id).unwrap();
        let text = format!(
            "{}{}{}{:?}{}",
            it.fields.l1, it.fields.l2, it.fields.content, it.fields.basis, it.fields.subject
        );
        assert!(text.contains("最低生活"), "{text}");
    }
    // 两个字走 LIKE。
    assert!(!s.search_items(c.id, "低保", 50).unwrap().is_empty());
    assert!(s
        .search_items(c.id, "完全不存在的词语", 50)
        .unwrap()
        .is_empty());
    assert!(s.search_items(c.id, "\"%_", 50).unwrap().is_empty());
}

#[test]
fn a_whole_catalog_round_trips_through_insert_catalog() {
    let (mut s, c) = setup();
    s.adopt_domain(c.id, "社会救助", None).unwrap();
    s.add_item(
        c.id,
        &ItemFields {
            domain: "社会救助".into(),
            l1: "本级特色".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let first = s.list_items(c.id).unwrap()[0].clone();
    s.delete_item(first.id).unwrap();
    s.add_withheld(&Withheld {
        id: 0,
        catalog_id: c.id,
        domain: None,
        name: "内部事务信息".into(),
        ground: Some(WithholdGround::Art16),
        detail: String::new(),
    })
    .unwrap();
    let export = s.export_catalog(c.id).unwrap();

    // 导入到空库：完全一致（编号也一样）。
    let mut fresh = Store::open_in_memory().unwrap();
    let back = fresh.insert_catalog(&export).unwrap();
    let mut again = fresh.export_catalog(back.id).unwrap();
    again
        .withheld
        .iter_mut()
        .for_each(|w| w.id = export.withheld[0].id);
    assert_eq!(again, export);

    // 同一库里同一年度已存在：报错，什么都不写。
    let before = s.list_catalogs().unwrap();
    let err = s.insert_catalog(&export).unwrap_err();
    assert!(err.to_string().contains("年度的目录已存在"), "{err}");
    assert_eq!(s.list_catalogs().unwrap(), before);
}

#[test]
fn search_all_finds_the_same_items_as_each_catalog_in_one_query() {
    let (mut s, a) = setup();
    s.adopt_domain(a.id, "社会救助", None).unwrap();
    let unit = s
        .create_unit(&NewUnit::new("某某县某某乡人民政府", UnitKind::Township))
        .unwrap();
    let b = s.create_catalog(&NewCatalog::new(unit.id, 2026)).unwrap();
    s.adopt_domain(b.id, "社会救助", None).unwrap();
    s.adopt_domain(b.id, "养老服务", None).unwrap();
    let unit = s
        .create_unit(&NewUnit::new("某某县某某街道办事处", UnitKind::Subdistrict))
        .unwrap();
    let none = s.create_catalog(&NewCatalog::new(unit.id, 2026)).unwrap();
    for q in ["最低生活保障", "低保", "完全不存在的词语", "\"%_", "  "] {
        let all = s.search_all(q, 10_000).unwrap();
        let each: Vec<(i64, Vec<i64>)> = [a.id, b.id, none.id]
            .iter()
            .map(|&c| {
                let ids = s
                    .search_items(c, q, 10_000)
                    .unwrap()
                    .into_iter()
                    .map(|h| h.item_id)
                    .collect();
                (c, ids)
            })
            .filter(|(_, ids): &(i64, Vec<i64>)| !ids.is_empty())
            .collect();
        let got: Vec<(i64, Vec<i64>)> = all
            .into_iter()
            .map(|h| (h.catalog_id, h.item_ids))
            .collect();
        assert_eq!(got, each, "{q}");
    }
    assert_eq!(s.search_all("最低生活保障", 10_000).unwrap().len(), 2);
    // 总条数有上限。
    let capped: usize = s
        .search_all("社会救助", 3)
        .unwrap()
        .iter()
        .map(|h| h.item_ids.len())
        .sum();
    assert!(capped <= 3);
}
