#![allow(dead_code)]

use mulu_core::model::*;
use mulu_core::store::Store;

/// 一份有两个领域、一个本级特色事项、几处刁钻文字的目录。
pub fn sample() -> CatalogExport {
    let mut s = Store::open_in_memory().unwrap();
    let u = s
        .create_unit(&NewUnit::new("某某县某某镇人民政府", UnitKind::Township))
        .unwrap();
    let c = s.create_catalog(&NewCatalog::new(u.id, 2026)).unwrap();
    s.adopt_domain(c.id, "社会救助", None).unwrap();
    s.adopt_domain(c.id, "就业", None).unwrap();
    let mut local = ItemFields {
        domain: "社会救助".into(),
        l1: "=1+1".into(),
        l2: "<script>alert(1)</script>".into(),
        content: "-救助金额\u{1}、@发放名单".into(),
        basis: vec![
            "《中华人民共和国政府信息公开条例》".into(),
            "+本镇规定".into(),
        ],
        time_limit: "实时".into(),
        subject: "某某镇民政办".into(),
        channels: Channels::from_names(["政府网站", "投资项目在线审批监管平台"]),
        audience: vec![Audience::SpecificGroup],
        audience_group: Some("申请人".into()),
        mode: vec![Mode::OnRequest],
        level: vec![Level::Township],
        notes: "本镇特色".into(),
        ..Default::default()
    };
    local.elements = split_elements(&local.content);
    s.add_item(c.id, &local).unwrap();
    s.export_catalog(c.id).unwrap()
}
