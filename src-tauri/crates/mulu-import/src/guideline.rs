//! 导入指引工作簿（官方或省级印发的同格式表格）为指引库的新版本。
//! 指引模板里 ■/□ 表示必选/可选载体；事项编号按名称沿用上一版本，新事项接着编号。

use std::path::Path;

use mulu_core::guideline::{
    CarrierRequirement, DataStatus, GuidelineCarrier, GuidelineDomain, GuidelineItem,
};
use mulu_core::model::{Diagnostic, StandardCarrier};

use crate::normalize::name_key;
use crate::{ImportError, ReadOptions};

/// 读指引工作簿。`base` 给出某领域在库中的当前版本（沿用编号、序号与说明）；
/// `version` 是新版本号。返回每个认出领域的新版本及其提示；认不出领域的表格只返回提示。
pub fn read_guideline(
    path: &Path,
    opts: &ReadOptions,
    version: &str,
    base: &dyn Fn(&str) -> Option<GuidelineDomain>,
) -> Result<(Vec<GuidelineDomain>, Vec<Diagnostic>), ImportError> {
    let tables = crate::read_tables(path, opts, crate::table::Keep::Carriers)?;
    let source = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut out: Vec<GuidelineDomain> = Vec::new();
    let mut diags = Vec::new();
    for t in tables.tables {
        diags.extend(t.diagnostics);
        let Some(name) = t.domain else { continue };
        if t.rows.is_empty() {
            continue;
        }
        let idx = match out.iter().position(|d| d.name == name) {
            Some(i) => i,
            None => {
                let b = base(&name);
                out.push(GuidelineDomain {
                    name: name.clone(),
                    number: b.as_ref().map_or(27, |b| b.number),
                    aliases: b.as_ref().map(|b| b.aliases.clone()).unwrap_or_default(),
                    ministry: b.as_ref().and_then(|b| b.ministry.clone()),
                    guideline_title: b.as_ref().and_then(|b| b.guideline_title.clone()),
                    issued: b.as_ref().and_then(|b| b.issued.clone()),
                    data_version: version.to_string(),
                    status: DataStatus::Partial,
                    confidence: None,
                    sources: vec![source.clone()],
                    notes: format!("由工作簿“{source}”导入。"),
                    national: b.as_ref().and_then(|b| b.national.clone()),
                    library: Some(format!("导入：{source}")),
                    items: b.map(|b| b.items).unwrap_or_default(),
                });
                // 先放上一版本的事项，用于沿用编号；读完后换成本文件的事项。
                out.len() - 1
            }
        };
        let d = &mut out[idx];
        let previous = std::mem::take(&mut d.items);
        let mut next = previous
            .iter()
            .filter_map(|i| {
                i.id.split_once('.')
                    .and_then(|(_, n)| n.parse::<u32>().ok())
            })
            .max()
            .unwrap_or(0);
        for row in &t.rows {
            let f = &row.item.fields;
            let key = (name_key(&f.l1), name_key(&f.l2));
            let id = match previous
                .iter()
                .find(|p| (name_key(&p.l1), name_key(&p.l2)) == key)
            {
                Some(p) => p.id.clone(),
                None => {
                    next += 1;
                    format!("{:02}.{next:03}", d.number)
                }
            };
            let carriers = row
                .carriers
                .iter()
                .map(|c| GuidelineCarrier {
                    name: StandardCarrier::recognise(&c.name)
                        .map_or_else(|| c.name.clone(), |s| s.as_str().to_string()),
                    requirement: if c.checked {
                        CarrierRequirement::Required
                    } else {
                        CarrierRequirement::Optional
                    },
                })
                .collect();
            d.items.push(GuidelineItem {
                id,
                l1: f.l1.clone(),
                l2: f.l2.clone(),
                elements: f.elements.clone(),
                basis: f.basis.clone(),
                time_limit: Some(f.time_limit.clone()).filter(|s| !s.is_empty()),
                subject: Some(f.subject.clone()).filter(|s| !s.is_empty()),
                carriers,
                audience: f.audience.clone(),
                audience_group: f.audience_group.clone(),
                mode: f.mode.clone(),
                level: f.level.clone(),
                source: format!("{source} {}!{}", row.item.sheet, row.item.row),
                note: Some(f.notes.clone()).filter(|s| !s.is_empty()),
                truncated: Vec::new(),
            });
        }
    }
    Ok((out, diags))
}
