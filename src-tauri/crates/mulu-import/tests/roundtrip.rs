//! 往返：本程序导出的工作簿再导入，得到完全相同的目录（编号、来源、顺序、每个字段）。
//! 用 proptest 生成目录：随机的文字（含首尾空白、换行、以 = + - @ 开头、“—”“同上”、控制字符）、
//! 随机的载体与勾选、指引事项与本级特色事项混排。

use mulu_core::model::*;
use mulu_core::store::Store;
use mulu_export::{xlsx_bytes, ExportOptions};
use mulu_import::{commit, plan, read_workbook, NewCatalogInfo, ReadOptions, Target};
use proptest::prelude::*;

const DOMAINS: [&str; 3] = ["社会救助", "就业", "义务教育"];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[一-龥]{1,12}",
        1 => "[ 　]{0,2}[一-龥]{1,6}[ \n]{0,2}[一-龥]{0,6}[ 　]{0,2}",
        1 => "[=+\\-@][一-龥0-9]{1,6}",
        1 => Just("—".to_string()),
        1 => Just("同上".to_string()),
        1 => "[一-龥]{1,4}\u{1}[一-龥]{1,4}",
        1 => Just(String::new()),
    ]
}

prop_compose! {
    fn item()(
        domain in 0..DOMAINS.len(),
        l1 in prop_oneof![Just("救助审批".to_string()), Just("政策文件".to_string()), "[一-龥]{2,8}"],
        l2 in text(),
        content in text(),
        basis in proptest::collection::vec(text(), 0..3),
        time_limit in text(),
        subject in text(),
        standard in proptest::sample::subsequence(StandardCarrier::ALL.to_vec(), 0..5),
        extra in proptest::sample::subsequence(vec!["投资项目在线审批监管平台".to_string(), "12345政务服务热线".to_string(), "村务公开栏".to_string()], 0..2),
        audience in proptest::sample::subsequence(vec![Audience::Public, Audience::SpecificGroup], 0..=2),
        group in proptest::option::of("[一-龥]{2,6}"),
        mode in proptest::sample::subsequence(vec![Mode::Proactive, Mode::OnRequest], 0..=2),
        level in proptest::sample::subsequence(vec![Level::County, Level::Township], 0..=2),
        notes in text(),
    ) -> ItemFields {
        let audience_group = if audience.contains(&Audience::SpecificGroup) { group } else { None };
        let mut f = ItemFields {
            domain: DOMAINS[domain].to_string(),
            l1, l2, content, basis, time_limit, subject,
            channels: Channels { standard, extra },
            audience, audience_group, mode, level, notes,
            ..Default::default()
        };
        f.elements = split_elements(&f.content);
        f
    }
}

/// 建一份目录：先采用一个领域的指引（其中一项再改动），再加随机的本级特色事项。
fn build(items: &[ItemFields], adopt: bool) -> (Store, i64) {
    let mut s = Store::open_in_memory().unwrap();
    let u = s
        .create_unit(&NewUnit::new("某某县某某镇人民政府", UnitKind::Township))
        .unwrap();
    let c = s.create_catalog(&NewCatalog::new(u.id, 2026)).unwrap();
    if adopt {
        s.adopt_domain(c.id, "社会救助", None).unwrap();
        let first = s.list_items(c.id).unwrap().remove(0);
        let mut f = first.fields.clone();
        f.time_limit = "实时".into();
        s.update_item(first.id, &f).unwrap();
    }
    for f in items {
        s.add_item(c.id, f).unwrap();
    }
    (s, c.id)
}

fn round_trip(store: &Store, id: i64, opts: &ExportOptions) -> CatalogExport {
    let original = store.export_catalog(id).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("目录.xlsx");
    std::fs::write(&path, xlsx_bytes(&original, opts).unwrap()).unwrap();
    let preview = read_workbook(&path, &ReadOptions::with_builtin_domains()).unwrap();
    let mut fresh = Store::open_in_memory().unwrap();
    let p = plan(&fresh, &preview, None).unwrap();
    let info = NewCatalogInfo {
        unit: None,
        kind: None,
        year: None,
    };
    let out = commit(&mut fresh, &preview, &p, &Target::New(info)).unwrap();
    fresh.export_catalog(out.catalog_id).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn own_export_reimports_exactly(items in proptest::collection::vec(item(), 1..25), adopt in any::<bool>(), level in any::<bool>()) {
        let (store, id) = build(&items, adopt);
        let original = store.export_catalog(id).unwrap();
        let opts = ExportOptions::default().include_level(level);
        let back = round_trip(&store, id, &opts);
        prop_assert_eq!(back, original);
    }
}

#[test]
fn edits_made_in_excel_are_taken_and_marked_modified() {
    // 导出后在 Excel 里改了一格：再导入时取改后的值，指引来源标记为已改动。
    let (store, id) = build(&[], true);
    let original = store.export_catalog(id).unwrap();
    let bytes = xlsx_bytes(&original, &ExportOptions::default()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("改过.xlsx");
    // 用 rust_xlsxwriter 无法改已有文件：改 sharedStrings 里第二个事项的公开时限文字。
    let second = &original.items[1];
    let old = second.fields.time_limit.clone();
    assert!(!old.is_empty());
    let edited = replace_in_zip(&bytes, &old, "办理完成后5个工作日内");
    std::fs::write(&path, edited).unwrap();
    let preview = read_workbook(&path, &ReadOptions::with_builtin_domains()).unwrap();
    let items: Vec<&PreviewItem> = preview.sheets.iter().flat_map(|s| &s.items).collect();
    let changed: Vec<_> = items
        .iter()
        .filter(|i| i.fields.time_limit == "办理完成后5个工作日内")
        .collect();
    assert!(!changed.is_empty());
    for i in changed {
        match &i.provenance {
            Some(Provenance::Guideline { modified, .. }) => assert!(modified),
            other => panic!("来源应为指引：{other:?}"),
        }
    }
}

/// 在 xlsx（zip）里把共享字符串中的一段文字换掉，其余条目原样复制。
fn replace_in_zip(bytes: &[u8], from: &str, to: &str) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut src = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..src.len() {
        let mut f = src.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name == "xl/sharedStrings.xml" {
            let text = String::from_utf8(data).unwrap();
            data = text.replacen(from, to, 1).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn own_export_with_numbered_names_and_inner_spaces_reimports_without_notes() {
    // 编制人员在程序里写了编号、空格：导出再导入仍取原文，读入时的“已规整”提示也撤回（文字没有变）。
    let items = [ItemFields {
        domain: "就业".into(),
        l1: "1.就业信息服务".into(),
        l2: "1.1就业政策 法规咨询".into(),
        content: "1.招聘单位 2.岗位 要求".into(),
        elements: vec!["招聘单位".into(), "岗位 要求".into()],
        basis: vec!["1.《中华人民共和国就业促进法》2.《人力资源市场暂行条例》".into()],
        time_limit: "信息形成 之日起20个工作日内".into(),
        subject: "县人社 局".into(),
        ..Default::default()
    }];
    let (store, id) = build(&items, false);
    let original = store.export_catalog(id).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("目录.xlsx");
    std::fs::write(
        &path,
        xlsx_bytes(&original, &ExportOptions::default()).unwrap(),
    )
    .unwrap();
    let preview = read_workbook(&path, &ReadOptions::with_builtin_domains()).unwrap();
    let notes: Vec<_> = preview
        .diagnostics()
        .filter(|d| d.message.starts_with("已规整"))
        .collect();
    assert!(notes.is_empty(), "{notes:?}");
    let back = round_trip(&store, id, &ExportOptions::default());
    assert_eq!(back, original);
}
