//! 封面：单位、年度、状态、各领域事项数、导出时间、指引数据版本。

use std::collections::BTreeSet;

use mulu_core::model::{CatalogExport, Provenance};
use rust_xlsxwriter::Workbook;

use super::styles::Styles;
use crate::layout::DomainRows;
use crate::{ExportError, ExportOptions};

pub fn write(
    wb: &mut Workbook,
    st: &Styles,
    export: &CatalogExport,
    domains: &[DomainRows],
    opts: &ExportOptions,
) -> Result<(), ExportError> {
    let ws = wb.add_worksheet();
    ws.set_name("封面")?;
    ws.set_column_width(0, 18)?;
    ws.set_column_width(1, 48)?;
    ws.merge_range(
        0,
        0,
        0,
        1,
        crate::text::clean(&export.catalog.title).as_ref(),
        &st.title,
    )?;
    ws.set_row_height(0, 40)?;

    let versions: BTreeSet<&str> = export
        .items
        .iter()
        .filter_map(|i| match &i.provenance {
            Provenance::Guideline { data_version, .. } => Some(data_version.as_str()),
            Provenance::Local => None,
        })
        .collect();
    let exported_at = opts
        .exported_at
        .clone()
        .unwrap_or_else(crate::time::now_beijing);
    let total: usize = domains.iter().map(|d| d.items.len()).sum();
    let rows: [(&str, String); 7] = [
        ("单位", export.unit.name.clone()),
        ("单位类别", export.unit.kind.to_string()),
        ("年度", export.catalog.year.to_string()),
        ("状态", export.catalog.status.to_string()),
        ("事项总数", total.to_string()),
        ("导出时间", exported_at),
        (
            "指引数据版本",
            if versions.is_empty() {
                "—".into()
            } else {
                versions.into_iter().collect::<Vec<_>>().join("、")
            },
        ),
    ];
    let mut r = 2;
    for (label, value) in rows {
        ws.write_string_with_format(r, 0, label, &st.cover_label)?;
        ws.write_string_with_format(r, 1, crate::text::clean(&value).as_ref(), &st.cover_value)?;
        r += 1;
    }
    r += 1;
    ws.write_string_with_format(r, 0, "领域", &st.header)?;
    ws.write_string_with_format(r, 1, "事项数", &st.header)?;
    for d in domains {
        r += 1;
        ws.write_string_with_format(r, 0, d.domain, &st.cover_value)?;
        ws.write_number_with_format(r, 1, d.items.len() as f64, &st.cover_value)?;
    }
    ws.set_paper_size(9);
    Ok(())
}
