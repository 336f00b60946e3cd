//! 网页与 JSON 导出。

mod common;

use mulu_core::store::Store;
use mulu_export::{html, json, ExportOptions};

#[test]
fn html_is_self_contained_escaped_and_has_a_toc() {
    let export = common::sample();
    let page = html(&export, &ExportOptions::default()).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(!page.contains("<script"), "用户文字必须转义");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        !page.contains("src=\"http") && !page.contains("<link"),
        "不引用外部资源"
    );
    assert!(page.contains("<a href=\"#d1\">社会救助（"));
    assert!(page.contains("<a href=\"#d2\">就业（"));
    assert!(page.contains("@media print"));
    assert!(page.contains("某某县某某镇人民政府社会救助领域基层政务公开标准目录"));
    // 一级事项合并为 rowspan。
    assert!(
        page.contains("<td rowspan=\"2\">综合业务</td>"),
        "{}",
        &page[..2000.min(page.len())]
    );
    assert!(page.contains("<th colspan=\"2\">公开对象</th>"));
}

#[test]
fn json_round_trips_into_a_fresh_store() {
    let export = common::sample();
    let text = json::to_string(&export).unwrap();
    let back = json::from_str(&text).unwrap();
    assert_eq!(back, export);
    let mut fresh = Store::open_in_memory().unwrap();
    let c = fresh.insert_catalog(&back).unwrap();
    assert_eq!(fresh.export_catalog(c.id).unwrap(), export);
}

#[test]
fn bad_json_says_where() {
    let err = json::from_str("{\n  \"format_version\": 1,\n  \"unit\": oops\n}").unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("第 3 行"), "{msg}");
    let err = json::from_str("{\"format_version\": 99}").unwrap_err();
    assert!(err.to_string().contains("请升级程序"), "{err}");
}

#[test]
fn html_links_items_to_their_portal_column_and_escapes_it() {
    use mulu_export::PortalLink;
    let export = common::sample();
    let mut opts = ExportOptions::default();
    let ids: Vec<i64> = export.items.iter().map(|i| i.id).collect();
    opts.portal_links.insert(
        ids[0],
        PortalLink {
            path: "政府信息公开/社会救助/<b>低保&".into(),
            url: "https://www.example.gov.cn/zfxxgk/shjz/?a=1&b=\"2\"".into(),
        },
    );
    opts.portal_links.insert(
        ids[1],
        PortalLink {
            path: "政府信息公开/社会救助/临时救助".into(),
            url: "javascript:alert(1)".into(),
        },
    );
    let page = html(&export, &opts).unwrap();
    assert!(page.contains(
        "<a class=\"portal\" href=\"https://www.example.gov.cn/zfxxgk/shjz/?a=1&amp;b=&quot;2&quot;\" \
         title=\"政府信息公开/社会救助/&lt;b&gt;低保&amp;\">栏目：&lt;b&gt;低保&amp;</a>"
    ), "{page}");
    assert!(!page.contains("javascript:"), "不安全的网址不做成链接");
    assert!(page.contains(
        "<span class=\"portal\" title=\"政府信息公开/社会救助/临时救助\">栏目：临时救助</span>"
    ));
    assert_eq!(page.matches("class=\"portal\"").count(), 2);
}
