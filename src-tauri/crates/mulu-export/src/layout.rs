//! 官方表格的版式：栏目、表头文字、每行各栏的文字。工作簿与网页共用。

use mulu_core::model::{Audience, CatalogExport, Channels, Item, Level, Mode, StandardCarrier};

use crate::text::{check_len, clean};
use crate::{ExportError, ExportOptions};

/// 勾选标记。
pub const TICK: &str = "√";

/// 一个领域要导出的事项（按目录顺序）。
pub struct DomainRows<'a> {
    pub domain: &'a str,
    pub items: Vec<&'a Item>,
}

/// 按选项挑出领域与事项：目录的领域顺序，其后是只在事项里出现的领域。
pub fn domains<'a>(
    export: &'a CatalogExport,
    opts: &ExportOptions,
) -> Result<Vec<DomainRows<'a>>, ExportError> {
    let mut order: Vec<&str> = export.catalog.domains.iter().map(String::as_str).collect();
    for it in &export.items {
        if !order.contains(&it.fields.domain.as_str()) {
            order.push(&it.fields.domain);
        }
    }
    if let Some(wanted) = &opts.domains {
        if let Some(missing) = wanted.iter().find(|w| !order.contains(&w.as_str())) {
            return Err(ExportError::NoDomains(format!(
                "目录中没有“{missing}”领域（目录的领域：{}）",
                order.join("、")
            )));
        }
        order.retain(|d| wanted.iter().any(|w| w == d));
    }
    if order.is_empty() {
        return Err(ExportError::NoDomains(
            "目录还没有任何领域，请先采用标准指引或添加事项。".into(),
        ));
    }
    Ok(order
        .into_iter()
        .map(|domain| DomainRows {
            domain,
            items: export
                .items
                .iter()
                .filter(|i| i.fields.domain == domain)
                .collect(),
        })
        .collect())
}

/// 表格标题：`〈单位〉〈领域〉领域基层政务公开标准目录`。
pub fn title(unit: &str, domain: &str) -> String {
    format!("{unit}{domain}领域基层政务公开标准目录")
}

/// 第二行表头的栏名（按列），与第一行的分组。
pub struct Header {
    /// 第三行（子栏）的文字：I–N 列。
    pub sub: Vec<String>,
    pub ncols: u16,
}

pub fn header(opts: &ExportOptions) -> Header {
    let mut sub = vec![
        "全社会".to_string(),
        "特定群体".into(),
        "主动".into(),
        "依申请".into(),
    ];
    if opts.include_level {
        sub.push("县级".into());
        sub.push(opts.lower_level_label.to_string());
    }
    Header {
        ncols: 8 + sub.len() as u16,
        sub,
    }
}

/// 一栏跨两行的表头（A、D–H）与分组表头（B–C、I–J、K–L、M–N）。
pub const SINGLE_HEADERS: [(u16, &str); 6] = [
    (0, "序号"),
    (3, "公开内容（要素）"),
    (4, "公开依据"),
    (5, "公开时限"),
    (6, "公开主体"),
    (7, "公开渠道和载体"),
];
pub const GROUP_HEADERS: [(u16, &str); 4] = [
    (1, "公开事项"),
    (8, "公开对象"),
    (10, "公开方式"),
    (12, "公开层级"),
];

/// `■政府网站 □政府公报 …`：全部标准载体（官方顺序），其后是其他载体。
pub fn checklist(c: &Channels) -> String {
    let mut out = String::with_capacity(200);
    for s in StandardCarrier::ALL {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push(if c.contains(*s) { '■' } else { '□' });
        out.push_str(s.as_str());
    }
    for e in &c.extra {
        out.push_str(" ■");
        out.push_str(e);
    }
    out
}

/// 一行的文字（未检查长度、未清理）。栏序与官方表格一致。
pub struct RowText<'a> {
    pub cols: Vec<std::borrow::Cow<'a, str>>,
}

/// 清理一个已拥有的字符串：不需改动时原样交回，不再复制一次。
fn clean_owned(s: String) -> String {
    match clean(&s) {
        std::borrow::Cow::Borrowed(_) => s,
        std::borrow::Cow::Owned(o) => o,
    }
}

/// 出错提示里的事项名：`一级事项 / 二级事项`。
fn display_name(item: &Item) -> String {
    let f = &item.fields;
    if f.l2.is_empty() {
        f.l1.clone()
    } else {
        format!("{} / {}", f.l1, f.l2)
    }
}

/// 事项在官方表格中的各栏文字。`seq` 从 1 起。
pub fn row_text<'a>(
    item: &'a Item,
    seq: usize,
    opts: &ExportOptions,
) -> Result<RowText<'a>, ExportError> {
    use std::borrow::Cow;
    let f = &item.fields;
    let flag = |on: bool| Cow::Borrowed(if on { TICK } else { "" });
    let group = match (
        &f.audience_group,
        f.audience.contains(&Audience::SpecificGroup),
    ) {
        (Some(g), true) if !g.trim().is_empty() => Cow::Owned(format!("{TICK}（{g}）")),
        (_, on) => flag(on),
    };
    let mut cols: Vec<Cow<str>> = Vec::with_capacity(14);
    cols.push(Cow::Owned(seq.to_string()));
    cols.push(clean(&f.l1));
    cols.push(clean(&f.l2));
    cols.push(clean(&f.content));
    cols.push(if f.basis.len() == 1 {
        clean(&f.basis[0])
    } else {
        Cow::Owned(clean_owned(f.basis.join("\n")))
    });
    cols.push(clean(&f.time_limit));
    cols.push(clean(&f.subject));
    cols.push(Cow::Owned(clean_owned(checklist(&f.channels))));
    cols.push(flag(f.audience.contains(&Audience::Public)));
    cols.push(group);
    cols.push(flag(f.mode.contains(&Mode::Proactive)));
    cols.push(flag(f.mode.contains(&Mode::OnRequest)));
    if opts.include_level {
        cols.push(flag(f.level.contains(&Level::County)));
        cols.push(flag(f.level.contains(&Level::Township)));
    }
    const NAMES: [&str; 8] = [
        "序号",
        "一级事项",
        "二级事项",
        "公开内容（要素）",
        "公开依据",
        "公开时限",
        "公开主体",
        "公开渠道和载体",
    ];
    for (i, c) in cols.iter().enumerate().take(8) {
        // 字节数不超过上限就不会超长；事项名只在可能出错时才拼。
        if c.len() > crate::text::MAX_CELL_CHARS {
            check_len(c, &f.domain, &display_name(item), NAMES[i])?;
        }
    }
    Ok(RowText { cols })
}

/// 官方表格各栏的宽度（Excel 字符宽），按中文内容调过：内容、依据与载体最宽。
pub const WIDTHS: [f64; 14] = [
    5.0, 12.0, 14.0, 34.0, 30.0, 16.0, 16.0, 26.0, 6.5, 7.5, 6.0, 6.5, 6.0, 6.0,
];

/// 10 号字一行的高度（磅）。
const LINE_HEIGHT: f64 = 13.5;

/// 按各格文字估算行高（磅）：Excel、WPS 与 LibreOffice 都不会在打开时自动调整换行文字的行高，
/// 不写行高，多行文字就会挤在一行高里互相重叠。中文与全角字符按约 1.85 个字符宽计。
pub fn row_height<'a>(cells: impl IntoIterator<Item = (&'a str, f64)>) -> f64 {
    let mut lines_max = 1usize;
    for (text, width) in cells {
        let usable = (width - 0.8).max(1.0);
        let lines: usize = text
            .split('\n')
            .map(|line| {
                let w: f64 = line
                    .chars()
                    .map(|c| if (c as u32) >= 0x2E80 { 1.85 } else { 1.0 })
                    .sum();
                ((w / usable).ceil() as usize).max(1)
            })
            .sum();
        lines_max = lines_max.max(lines);
    }
    (lines_max as f64 * LINE_HEIGHT + 5.0).max(20.0)
}

/// 同一一级事项连续的行：返回每段的 (起始下标, 行数)，用于纵向合并。
pub fn l1_runs(items: &[&Item]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut start = 0;
    for i in 1..=items.len() {
        if i == items.len() || items[i].fields.l1 != items[start].fields.l1 {
            runs.push((start, i - start));
            start = i;
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_height_grows_with_wrapped_and_multiline_text() {
        let one = row_height([("短", 12.0)]);
        assert_eq!(one, 20.0);
        // 34 字宽的栏放 40 个汉字：约 3 行。
        let long = "救".repeat(40);
        let h = row_height([(long.as_str(), 34.0)]);
        assert!((3.0 * 13.5 + 5.0 - h).abs() < 0.01, "{h}");
        // 换行分开的两条依据至少两行。
        assert!(row_height([("甲\n乙", 30.0)]) >= 2.0 * 13.5);
    }

    #[test]
    fn checklist_covers_every_standard_carrier_then_extras() {
        let c = Channels::from_names(["政府网站", "公开查阅点", "投资项目在线审批监管平台"]);
        let s = checklist(&c);
        assert!(s.starts_with("■政府网站 □政府公报 □两微一端"), "{s}");
        assert!(s.contains("■公开查阅点"));
        assert!(s.ends_with("□其他 ■投资项目在线审批监管平台"), "{s}");
        assert_eq!(s.matches('□').count() + s.matches('■').count(), 14);
    }
}
