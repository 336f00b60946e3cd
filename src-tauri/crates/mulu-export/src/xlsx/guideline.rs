//! 把一个领域的标准指引导出为官方模板样式的工作簿（■ 必选 □ 可选，附图例行），供培训与核对。

use std::path::Path;

use mulu_core::guideline::{CarrierRequirement, GuidelineDomain};
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
        13,
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
    for (col, w) in crate::layout::WIDTHS.iter().enumerate() {
        ws.set_column_width(col as u16, *w)?;
    }
    let mut row = 3;
    for (i, it) in d.items.iter().enumerate() {
        let mut carriers = String::new();
        for s in StandardCarrier::ALL {
            let mark = match it
                .carriers
                .iter()
                .find(|c| StandardCarrier::recognise(&c.name) == Some(*s))
            {
                Some(c) if c.requirement == CarrierRequirement::Required => Some('■'),
                Some(_) => Some('□'),
                None => None,
            };
            if let Some(m) = mark {
                carriers.push(m);
                carriers.push_str(s.as_str());
                carriers.push(' ');
            }
        }
        for c in it
            .carriers
            .iter()
            .filter(|c| StandardCarrier::recognise(&c.name).is_none())
        {
            carriers.push(if c.requirement == CarrierRequirement::Required {
                '■'
            } else {
                '□'
            });
            carriers.push_str(&c.name);
            carriers.push(' ');
        }
        let has = |b: bool| if b { TICK } else { "" };
        let cols: [String; 14] = [
            (i + 1).to_string(),
            it.l1.clone(),
            it.l2.clone(),
            it.elements.join("、"),
            it.basis.join("\n"),
            it.time_limit.clone().unwrap_or_default(),
            it.subject.clone().unwrap_or_default(),
            carriers.trim_end().to_string(),
            has(it.audience.contains(&mulu_core::model::Audience::Public)).into(),
            has(it
                .audience
                .contains(&mulu_core::model::Audience::SpecificGroup))
            .into(),
            has(it.mode.contains(&mulu_core::model::Mode::Proactive)).into(),
            has(it.mode.contains(&mulu_core::model::Mode::OnRequest)).into(),
            has(it.level.contains(&mulu_core::model::Level::County)).into(),
            has(it.level.contains(&mulu_core::model::Level::Township)).into(),
        ];
        for (col, v) in cols.iter().enumerate() {
            check_len(v, &d.name, &it.display_name(), "单元格")?;
            let fmt = if col == 0 || col >= 8 {
                &st.center
            } else {
                &st.text
            };
            ws.write_string_with_format(row, col as u16, clean(v).as_ref(), fmt)?;
        }
        let height =
            crate::layout::row_height(cols.iter().map(String::as_str).zip(crate::layout::WIDTHS));
        ws.set_row_height(row, height)?;
        row += 1;
    }
    ws.merge_range(
        row + 1,
        0,
        row + 1,
        13,
        "说明：\"■\"表示必选项，\"□\"表示可选项。",
        &st.legend,
    )?;
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
    wb.save(path).map_err(|e| match e {
        rust_xlsxwriter::XlsxError::IoError(source) => ExportError::Io {
            path: path.display().to_string(),
            source,
        },
        other => ExportError::Xlsx(other),
    })
}
