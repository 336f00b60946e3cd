//! 把一个领域的标准指引导出为官方模板样式的工作簿，供培训与核对。
//!
//! 载体的标记如实反映来源：来源副本图例写明必选/可选的事项用 ■ 必选、□ 可选；
//! 来源副本只列出载体、没有说明必选/可选的（[`CarrierRequirement::NotStated`]）用 √。
//! 最后一栏“说明”逐项写明载体标记的含义和来源截断了哪些字段（不写进各栏的文字里），
//! 表下的图例只解释本表用到的标记。

use std::path::Path;

use mulu_core::guideline::{CarrierRequirement, GuidelineDomain, GuidelineItem};
use mulu_core::model::StandardCarrier;
use rust_xlsxwriter::Workbook;

use super::styles::Styles;
use crate::layout::{GROUP_HEADERS, SINGLE_HEADERS, TICK};
use crate::text::{check_len, clean};
use crate::ExportError;

/// 领域指引 → 工作簿（一张表，名称为领域名）。
pub fn write_guideline_xlsx(d: &GuidelineDomain, path: &Path) -> Result<(), ExportError> {
    let st = Styles::new();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(super::sheet_name::SheetNames::default().unique(&d.name))?;
    ws.merge_range(
        0,
        0,
        0,
        NOTE_COL,
        &format!("{}领域基层政务公开标准指引", d.name),
        &st.title,
    )?;
    for (col, text) in SINGLE_HEADERS {
        ws.merge_range(1, col, 2, col, text, &st.header)?;
    }
    for (col, text) in GROUP_HEADERS {
        ws.merge_range(1, col, 1, col + 1, text, &st.header)?;
    }
    for (i, s) in ["一级事项", "二级事项"].iter().enumerate() {
        ws.write_string_with_format(2, 1 + i as u16, *s, &st.header)?;
    }
    for (i, s) in ["全社会", "特定群体", "主动", "依申请", "县级", "乡级"]
        .iter()
        .enumerate()
    {
        ws.write_string_with_format(2, 8 + i as u16, *s, &st.header)?;
    }
    ws.merge_range(1, NOTE_COL, 2, NOTE_COL, "说明", &st.header)?;
    for (col, w) in crate::layout::WIDTHS.iter().enumerate() {
        ws.set_column_width(col as u16, *w)?;
    }
    ws.set_column_width(NOTE_COL, NOTE_WIDTH)?;
    let mut row = 3;
    for (i, it) in d.items.iter().enumerate() {
        let carriers = carrier_cell(it);
        let has = |b: bool| if b { TICK } else { "" };
        let cols: [String; 15] = [
            (i + 1).to_string(),
            it.l1.clone(),
            it.l2.clone(),
            it.elements.join("、"),
            it.basis.join("\n"),
            it.time_limit.clone().unwrap_or_default(),
            it.subject.clone().unwrap_or_default(),
            carriers,
            has(it.audience.contains(&mulu_core::model::Audience::Public)).into(),
            has(it
                .audience
                .contains(&mulu_core::model::Audience::SpecificGroup))
            .into(),
            has(it.mode.contains(&mulu_core::model::Mode::Proactive)).into(),
            has(it.mode.contains(&mulu_core::model::Mode::OnRequest)).into(),
            has(it.level.contains(&mulu_core::model::Level::County)).into(),
            has(it.level.contains(&mulu_core::model::Level::Township)).into(),
            remark(it),
        ];
        for (col, v) in cols.iter().enumerate() {
            check_len(v, &d.name, &it.display_name(), "单元格")?;
            let fmt = if col == 0 || (8..NOTE_COL as usize).contains(&col) {
                &st.center
            } else {
                &st.text
            };
            ws.write_string_with_format(row, col as u16, clean(v).as_ref(), fmt)?;
        }
        let height = crate::layout::row_height(
            cols.iter()
                .map(String::as_str)
                .zip(crate::layout::WIDTHS.into_iter().chain([NOTE_WIDTH])),
        );
        ws.set_row_height(row, height)?;
        row += 1;
    }
    ws.merge_range(row + 1, 0, row + 1, NOTE_COL, &legend(d), &st.legend)?;
    ws.write_string(
        row + 2,
        0,
        format!(
            "数据版本 {}（{}）。来源见程序内“标准指引库”。",
            d.data_version, d.status
        ),
    )?;
    ws.set_freeze_panes(3, 0)?;
    ws.set_paper_size(8);
    ws.set_landscape();
    ws.set_repeat_rows(1, 2)?;
    ws.set_print_fit_to_pages(1, 0);
    ws.set_footer("&C第 &P 页，共 &N 页");
    let bytes = wb.save_to_buffer()?;
    mulu_core::atomic::write(path, &bytes).map_err(|source| ExportError::Io {
        path: path.display().to_string(),
        source,
    })
}

/// “说明”栏：官方表格的 14 栏之后。
const NOTE_COL: u16 = 14;
const NOTE_WIDTH: f64 = 24.0;

/// 载体要求的标记：■ 必选、□ 可选（来源副本图例写明的），√ 来源副本列出但未注明。
fn mark(r: CarrierRequirement) -> char {
    match r {
        CarrierRequirement::Required => '■',
        CarrierRequirement::Optional => '□',
        CarrierRequirement::NotStated => '√',
    }
}

/// 载体格：标准载体按官方顺序，其后是其他载体，每个前面是它的标记。
fn carrier_cell(it: &GuidelineItem) -> String {
    let mut out: Vec<String> = Vec::new();
    for s in StandardCarrier::ALL {
        if let Some(c) = it
            .carriers
            .iter()
            .find(|c| StandardCarrier::recognise(&c.name) == Some(*s))
        {
            out.push(format!("{}{}", mark(c.requirement), s.as_str()));
        }
    }
    for c in it
        .carriers
        .iter()
        .filter(|c| StandardCarrier::recognise(&c.name).is_none())
    {
        out.push(format!("{}{}", mark(c.requirement), c.name));
    }
    out.join(" ")
}

fn labelled(it: &GuidelineItem) -> bool {
    it.carriers
        .iter()
        .any(|c| c.requirement != CarrierRequirement::NotStated)
}

fn not_stated(it: &GuidelineItem) -> bool {
    it.carriers
        .iter()
        .any(|c| c.requirement == CarrierRequirement::NotStated)
}

/// 一个事项的“说明”：载体标记的依据、来源截断的字段。
fn remark(it: &GuidelineItem) -> String {
    let mut parts = Vec::new();
    if labelled(it) {
        parts.push("载体的必选/可选按来源副本的图例".to_string());
    }
    if not_stated(it) {
        parts.push("载体：来源副本未注明必选/可选".to_string());
    }
    if !it.truncated.is_empty() {
        let fields: Vec<&str> = it.truncated.iter().map(|f| f.label()).collect();
        parts.push(format!("来源不完整：{}", fields.join("、")));
    }
    parts.join("；")
}

/// 表下的图例：只解释本表用到的标记。
fn legend(d: &GuidelineDomain) -> String {
    let mut parts = Vec::new();
    if d.items.iter().any(labelled) {
        parts.push("“■”表示必选项，“□”表示可选项（仅用于来源副本图例写明必选/可选的事项）。");
    }
    if d.items.iter().any(not_stated) {
        parts.push("“√”表示来源副本列出的载体，来源副本未注明必选/可选。");
    }
    if d.items.iter().any(|i| !i.truncated.is_empty()) {
        parts.push("“说明”栏写“来源不完整”的字段，只收录了副本里看得到的部分。");
    }
    if parts.is_empty() {
        return "说明：本领域的事项没有记录载体。".to_string();
    }
    format!("说明：{}", parts.concat())
}
