//! 审核对照的是库里**当前**的指引（载入的指引包、导入的新版本），不是内置数据：
//! 县里的指引包多一个事项，乡镇载入后覆盖率就把它算进去。

use mulu_core::guideline::GuidelinePack;
use mulu_core::model::{ItemFields, NewCatalog, NewUnit, UnitKind};
use mulu_core::store::Store;
use mulu_review::{check, check_stored, load_guidelines, CatalogUnderReview};

/// 县里的指引包：社会救助的新版本多一个事项 05.900。
fn county_pack(dir: &std::path::Path) -> GuidelinePack {
    let mut county = Store::open_in_memory().expect("县里的库");
    let mut g = county.guideline_domain("社会救助", None).expect("社会救助");
    g.data_version = "县-2026.12".into();
    let mut extra = g.items[0].clone();
    extra.id = "05.900".into();
    extra.l1 = "县里补充".into();
    extra.l2 = "临时救助备用金".into();
    g.items.push(extra);
    county.load_guideline_versions(&[g]).expect("导入");
    let path = dir.join("县.json");
    county
        .guideline_pack("某某县指引库", Some("1"))
        .expect("打包")
        .write(&path)
        .expect("写出");
    GuidelinePack::read(&path).expect("读回")
}

#[test]
fn coverage_follows_the_loaded_library() {
    let dir = tempfile::tempdir().expect("临时目录");
    let pack = county_pack(dir.path());

    let mut town = Store::open_in_memory().expect("乡镇的库");
    let unit = town
        .create_unit(&NewUnit::new("某某镇人民政府", UnitKind::Township))
        .expect("单位");
    let c = town
        .create_catalog(&NewCatalog::new(unit.id, 2026))
        .expect("目录");
    town.adopt_domain(c.id, "社会救助", None).expect("采用");
    let before = check_stored(&town, c.id).expect("审核");
    assert_eq!(before.coverage.percent, 100.0, "{:#?}", before.coverage);

    town.load_guideline_pack(&pack).expect("载入指引包");

    // 库里的目录（桌面程序的审核面板）。
    let after = check_stored(&town, c.id).expect("审核");
    let relief = after
        .coverage
        .domains
        .iter()
        .find(|d| d.domain == "社会救助")
        .expect("社会救助的覆盖率");
    assert_eq!(relief.data_version, "县-2026.12");
    assert_eq!(relief.missing, vec!["05.900".to_string()]);
    assert_eq!(relief.expected, before.coverage.domains[0].expected + 1);
    assert!(after.coverage.percent < 100.0);
    assert!(after
        .findings
        .iter()
        .any(|f| f.rule == "R601-guideline-item-missing" && f.message.contains("05.900")));

    // 审核工作簿（审核工作台、`mulu check`）用的指引也是库里的当前版本。
    let guidelines = load_guidelines(&town).expect("指引");
    let g = guidelines
        .iter()
        .find(|d| d.name == "社会救助")
        .expect("社会救助");
    assert!(g.items.iter().any(|i| i.id == "05.900"));
    let items: Vec<ItemFields> = town
        .list_items(c.id)
        .expect("事项")
        .into_iter()
        .map(|i| i.fields)
        .collect();
    let r = check(&CatalogUnderReview::from_fields(&items, &guidelines));
    let relief = r
        .coverage
        .domains
        .iter()
        .find(|d| d.domain == "社会救助")
        .expect("覆盖率");
    assert_eq!(relief.missing, vec!["05.900".to_string()]);
}
