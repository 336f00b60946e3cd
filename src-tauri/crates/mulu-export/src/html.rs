//! 可直接发布到政府网站的网页：一个自带样式的 HTML 文件，无需脚本即可阅读，所有文字都转义。

use std::fmt::Write as _;

use html_escape::encode_text as esc;
use mulu_core::model::CatalogExport;

use crate::layout::{self, GROUP_HEADERS, SINGLE_HEADERS};
use crate::{ExportError, ExportOptions};

const CSS: &str = r#"
body{font-family:"SimSun","宋体","Noto Serif CJK SC",serif;margin:24px auto;max-width:1500px;color:#222;padding:0 16px}
h1{font-family:"SimHei","黑体","Noto Sans CJK SC",sans-serif;text-align:center;font-size:24px}
h2{font-family:"SimHei","黑体","Noto Sans CJK SC",sans-serif;text-align:center;font-size:19px;margin-top:40px}
.meta{text-align:center;color:#555}
nav.toc{border:1px solid #ccc;padding:8px 20px;margin:16px 0;background:#fafafa}
nav.toc ol{columns:3;margin:6px 0}
table{border-collapse:collapse;width:100%;font-size:13px;table-layout:fixed}
th,td{border:1px solid #333;padding:4px 5px;vertical-align:middle;word-break:break-all}
th{background:#f2f2f2}
td.c{text-align:center}
td.pre{white-space:pre-line}
a.portal,span.portal{display:block;margin-top:3px;font-size:12px;color:#1a56a8}
col.n{width:3%}col.l1{width:8%}col.l2{width:9%}col.content{width:17%}col.basis{width:16%}
col.time{width:9%}col.subject{width:9%}col.ch{width:14%}col.f{width:3%}
@media print{@page{size:A3 landscape;margin:12mm}nav.toc{display:none}section{page-break-before:always}
thead{display:table-header-group}tr{page-break-inside:avoid}body{margin:0;max-width:none}}
"#;

/// 整份目录 → 一个自包含的 HTML 文件内容。
pub fn html(export: &CatalogExport, opts: &ExportOptions) -> Result<String, ExportError> {
    let domains = layout::domains(export, opts)?;
    let header = layout::header(opts);
    let total: usize = domains.iter().map(|d| d.items.len()).sum();
    let mut out = String::with_capacity(4096 + total * 600);
    let title = &export.catalog.title;
    // write! 到 String 不会失败。
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n\
         <h1>{}</h1>\n<p class=\"meta\">{} · {} 年度 · 共 {} 个领域、{} 个事项</p>\n",
        esc(title),
        esc(title),
        esc(&export.unit.name),
        export.catalog.year,
        domains.len(),
        total
    );
    out.push_str("<nav class=\"toc\"><strong>目录</strong><ol>\n");
    for (i, d) in domains.iter().enumerate() {
        let _ = writeln!(
            out,
            "<li><a href=\"#d{}\">{}（{} 项）</a></li>",
            i + 1,
            esc(d.domain),
            d.items.len()
        );
    }
    out.push_str("</ol></nav>\n");

    for (i, d) in domains.iter().enumerate() {
        let _ = write!(
            out,
            "<section id=\"d{}\">\n<h2>{}</h2>\n<table>\n",
            i + 1,
            esc(&layout::title(&export.unit.name, d.domain))
        );
        out.push_str("<colgroup><col class=\"n\"><col class=\"l1\"><col class=\"l2\"><col class=\"content\"><col class=\"basis\"><col class=\"time\"><col class=\"subject\"><col class=\"ch\">");
        for _ in 0..header.sub.len() {
            out.push_str("<col class=\"f\">");
        }
        out.push_str("</colgroup>\n<thead>\n<tr>");
        // 第一行：跨两行的单栏与分组栏，按列序输出。
        let mut cells: Vec<(u16, String)> = SINGLE_HEADERS
            .iter()
            .map(|(c, t)| (*c, format!("<th rowspan=\"2\">{t}</th>")))
            .chain(
                GROUP_HEADERS
                    .iter()
                    .filter(|(c, _)| *c < header.ncols)
                    .map(|(c, t)| (*c, format!("<th colspan=\"2\">{t}</th>"))),
            )
            .collect();
        cells.sort_by_key(|(c, _)| *c);
        for (_, c) in cells {
            out.push_str(&c);
        }
        out.push_str("</tr>\n<tr><th>一级事项</th><th>二级事项</th>");
        for s in &header.sub {
            let _ = write!(out, "<th>{}</th>", esc(s));
        }
        out.push_str("</tr>\n</thead>\n<tbody>\n");
        let runs = layout::l1_runs(&d.items);
        let mut run_at = runs.iter().map(|(s, l)| (*s, *l)).peekable();
        for (j, item) in d.items.iter().enumerate() {
            let text = layout::row_text(item, j + 1, opts)?;
            out.push_str("<tr>");
            for (col, v) in text.cols.iter().enumerate() {
                if col == 1 {
                    match run_at.peek() {
                        Some(&(start, len)) if start == j => {
                            run_at.next();
                            let _ = write!(out, "<td rowspan=\"{len}\">{}</td>", esc(v));
                        }
                        _ => {}
                    }
                    continue;
                }
                let class = if col == 0 || col >= 8 {
                    " class=\"c\""
                } else if col == 4 {
                    " class=\"pre\""
                } else {
                    ""
                };
                let _ = write!(out, "<td{class}>{}", esc(v));
                if col == 2 {
                    portal_link(&mut out, opts, item.id);
                }
                out.push_str("</td>");
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    Ok(out)
}

/// 事项所在的门户栏目：有可用的网址时是链接，否则只写栏目名称。路径与网址都转义。
fn portal_link(out: &mut String, opts: &ExportOptions, item_id: i64) {
    let Some(link) = opts.portal_links.get(&item_id) else {
        return;
    };
    let name = link.path.rsplit('/').next().unwrap_or(&link.path);
    match link.safe_url() {
        Some(url) => {
            let _ = write!(
                out,
                "<a class=\"portal\" href=\"{}\" title=\"{}\">栏目：{}</a>",
                html_escape::encode_double_quoted_attribute(url),
                html_escape::encode_double_quoted_attribute(&link.path),
                esc(name)
            );
        }
        None => {
            let _ = write!(
                out,
                "<span class=\"portal\" title=\"{}\">栏目：{}</span>",
                html_escape::encode_double_quoted_attribute(&link.path),
                esc(name)
            );
        }
    }
}
