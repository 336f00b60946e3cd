//! 指引库的载入：指引包（县里写、乡镇读）与导入的新版本。已有目录不受影响，每次载入一个事务。

use mulu_core::guideline::{GuidelinePack, LoadAction};
use mulu_core::model::*;
use mulu_core::store::{Store, StoreError};

fn township(s: &mut Store) -> Catalog {
    let u = s
        .create_unit(&NewUnit::new("某某县某某镇人民政府", UnitKind::Township))
        .unwrap();
    s.create_catalog(&NewCatalog::new(u.id, 2026)).unwrap()
}

/// 县里的库：社会救助导入了一个新版本（多一个事项、改了一个时限），另加一个用户领域。
fn county() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    let mut g = s.guideline_domain("社会救助", None).unwrap();
    g.data_version = "县-2026.12".into();
    g.library = Some("导入：社会救助指引.xlsx".into());
    g.items[0].time_limit = Some("信息形成之日起5个工作日内".into());
    let mut extra = g.items[0].clone();
    extra.id = "05.900".into();
    extra.l2 = "县里补充的事项".into();
    extra.truncated = vec![Field::Basis];
    g.items.push(extra);
    let mut own = g.clone();
    own.name = "村务公开".into();
    own.number = 27;
    own.aliases.clear();
    own.national = None;
    for (i, it) in own.items.iter_mut().enumerate() {
        it.id = format!("27.{:03}", i + 1);
    }
    s.load_guideline_versions(&[g, own]).unwrap();
    s
}

fn pack_of(s: &Store) -> GuidelinePack {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("县指引包.json");
    s.guideline_pack("某某县指引库", Some("2026.12"))
        .unwrap()
        .write(&path)
        .unwrap();
    GuidelinePack::read(&path).unwrap()
}

#[test]
fn a_pack_carries_the_whole_library_to_another_store() {
    let county = county();
    let pack = pack_of(&county);
    assert_eq!(pack.domains.len(), 27);
    assert_eq!(pack.label(), "某某县指引库 2026.12");

    let mut town = Store::open_in_memory().unwrap();
    let builtin_truncated = town
        .guideline_domain("社会救助", None)
        .unwrap()
        .items
        .iter()
        .filter(|i| !i.truncated.is_empty())
        .count();
    let preview = town.preview_guideline_pack(&pack).unwrap();
    assert_eq!(
        preview.plan.stored(),
        2,
        "只有县里改过、加过的两个领域是新的"
    );
    let before = town.guideline_domains().unwrap();
    assert_eq!(before.len(), 26, "预览不写数据库");

    let loaded = town.load_guideline_pack(&pack).unwrap();
    assert_eq!(loaded, preview.plan);
    let by = |n: &str| loaded.domains.iter().find(|d| d.name == n).unwrap();
    assert_eq!(by("社会救助").action, LoadAction::Add);
    assert_eq!(by("社会救助").new_items, 1);
    // 内置数据里来源截断的事项，加上县里补充的那一个。
    assert_eq!(by("社会救助").truncated_items, builtin_truncated + 1);
    assert_eq!(by("村务公开").current_count, None);
    assert_eq!(by("就业").action, LoadAction::Same);

    // 两边的指引库一样：只有新存入的版本记的来源是这个指引包。
    let a = county.guideline_domains().unwrap();
    let b = town.guideline_domains().unwrap();
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        let same_library = by(&x.name).action == LoadAction::Same;
        if same_library {
            assert_eq!(x, y);
        } else {
            assert_eq!(y.library.as_deref(), Some("某某县指引库 2026.12"));
            let mut y = y.clone();
            y.library = x.library.clone();
            assert_eq!(x, &y);
        }
    }
    for d in &pack.domains {
        let mut here = town.guideline_domain(&d.name, None).unwrap();
        if by(&d.name).action != LoadAction::Same {
            here.library = d.library.clone();
        }
        assert_eq!(&here, d, "{} 的事项与来源原样载入", d.name);
    }

    // 再载入一次：什么都不变。
    let again = town.load_guideline_pack(&pack).unwrap();
    assert_eq!(again.stored(), 0);
    assert_eq!(town.guideline_versions("社会救助").unwrap().len(), 2);
}

#[test]
fn loading_a_pack_leaves_catalogs_and_their_provenance_alone() {
    let mut town = Store::open_in_memory().unwrap();
    let c = township(&mut town);
    let old = town
        .guideline_domain("社会救助", None)
        .unwrap()
        .data_version;
    town.adopt_domain(c.id, "社会救助", None).unwrap();
    let items = town.list_items(c.id).unwrap();

    town.load_guideline_pack(&pack_of(&county())).unwrap();
    assert_eq!(
        town.guideline_domain("社会救助", None)
            .unwrap()
            .data_version,
        "县-2026.12"
    );
    assert_eq!(
        town.list_items(c.id).unwrap(),
        items,
        "目录里的事项一字不变"
    );
    for it in &items {
        match &it.provenance {
            Provenance::Guideline { data_version, .. } => assert_eq!(data_version, &old),
            other => panic!("{other:?}"),
        }
    }
    // 采用时的原文仍可查；新采用的事项来自新版本，其中来源不完整的单独列出。
    let first = match &items[0].provenance {
        Provenance::Guideline {
            guideline_item_id, ..
        } => guideline_item_id.clone(),
        Provenance::Local => unreachable!(),
    };
    let (_, was) = town.guideline_item(&first, Some(&old)).unwrap().unwrap();
    assert_ne!(was.time_limit.as_deref(), Some("信息形成之日起5个工作日内"));
    let more = town.adopt_domain(c.id, "社会救助", None).unwrap();
    assert_eq!(more.added, 1);
    assert_eq!(more.truncated, vec!["05.900".to_string()]);
    assert!(more.truncated_notice().unwrap().contains("05.900"));
}

#[test]
fn a_version_clash_keeps_both_under_a_suffixed_version() {
    let county = county();
    let pack = pack_of(&county);
    let mut town = Store::open_in_memory().unwrap();
    // 乡镇自己导入过同一版本号、内容不同的社会救助。
    let mut own = town.guideline_domain("社会救助", None).unwrap();
    own.data_version = "县-2026.12".into();
    own.items.truncate(2);
    town.load_guideline_versions(&[own]).unwrap();

    let loaded = town.load_guideline_pack(&pack).unwrap();
    let d = loaded
        .domains
        .iter()
        .find(|d| d.name == "社会救助")
        .unwrap();
    assert_eq!(d.action, LoadAction::Renamed);
    assert_eq!(d.requested_version, "县-2026.12");
    assert_eq!(d.data_version, "县-2026.12（某某县指引库）");
    let versions = town.guideline_versions("社会救助").unwrap();
    assert_eq!(versions.len(), 3);
    assert_eq!(versions[2], "县-2026.12（某某县指引库）");
    assert_eq!(
        town.guideline_domain("社会救助", Some("县-2026.12"))
            .unwrap()
            .items
            .len(),
        2,
        "乡镇自己的版本还在"
    );
    // 同一个包再载入：认出改名后的版本，不再多存。
    assert_eq!(town.load_guideline_pack(&pack).unwrap().stored(), 0);
}

#[test]
fn a_failing_load_changes_nothing() {
    let county = county();
    let pack = pack_of(&county);
    let mut town = Store::open_in_memory().unwrap();
    // 乡镇的第 27 号领域是另一个：整包拒绝，社会救助也不载入。
    let mut other = town.guideline_domain("就业", None).unwrap();
    other.name = "乡镇自设领域".into();
    other.number = 27;
    other.aliases.clear();
    for (i, it) in other.items.iter_mut().enumerate() {
        it.id = format!("27.{:03}", i + 1);
    }
    town.load_guideline_versions(&[other]).unwrap();
    let before = town.guideline_domains().unwrap();
    let err = town.load_guideline_pack(&pack).unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)), "{err}");
    assert!(err.to_string().contains("序号 27"), "{err}");
    assert_eq!(town.guideline_domains().unwrap(), before);
}

#[test]
fn importing_refuses_a_known_version_with_other_content_but_skips_the_same() {
    let mut s = Store::open_in_memory().unwrap();
    let mut g = s.guideline_domain("就业", None).unwrap();
    g.data_version = "省级-2026".into();
    let first = s.load_guideline_versions(std::slice::from_ref(&g)).unwrap();
    assert_eq!(first.domains[0].action, LoadAction::Add);
    let same = s.load_guideline_versions(std::slice::from_ref(&g)).unwrap();
    assert_eq!(same.domains[0].action, LoadAction::Same);
    g.items.pop();
    let err = s.load_guideline_versions(&[g]).unwrap_err();
    assert!(err.to_string().contains("请换一个版本号"), "{err}");
    assert_eq!(s.guideline_versions("就业").unwrap().len(), 2);

    let v = s.guideline_import_version(None).unwrap();
    assert!(v.starts_with("导入-20"), "{v}");
    assert_eq!(
        s.guideline_import_version(Some("  省级 2027 ")).unwrap(),
        "省级 2027"
    );
    let now = s.now_utc().unwrap();
    assert!(now.ends_with('Z') && now.len() == 20, "{now}");
}

#[test]
fn a_pack_needs_a_name() {
    let s = Store::open_in_memory().unwrap();
    let err = s.guideline_pack("  ", None).unwrap_err();
    assert!(err.to_string().contains("名称不能为空"), "{err}");
    let p = s.guideline_pack("县库", None).unwrap();
    assert!(p.version.starts_with("20"), "{}", p.version);
}
