//! 导入指引工作簿（官方或省级印发的同格式表格）为指引库的新版本。
//! 载体的必选/可选只按工作簿自己的图例（“■表示必选项，□表示可选项”）记；没有图例时，
//! 勾上的载体记为“未注明”，没勾的不列入。事项编号按名称沿用上一版本，新事项接着编号。

use std::path::Path;

use mulu_core::guideline::{
    CarrierRequirement, DataStatus, GuidelineCarrier, GuidelineDomain, GuidelineItem,
};
use mulu_core::model::{Diagnostic, Severity, StandardCarrier};

use crate::grid::Grid;
use crate::marks::{box_state, Carrier};
use crate::normalize::key;
use crate::{ImportError, ReadOptions};
use mulu_core::matching::name_key;

/// 工作表里的图例：哪个标记表示必选、哪个表示可选（“■表示必选项，□表示可选项”）。
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Legend(Vec<(char, CarrierRequirement)>);

impl Legend {
    /// 从一段文字里读图例；不是图例时为 `None`。
    pub fn parse(text: &str) -> Option<Legend> {
        let k = key(text);
        if !k.contains("必选") && !k.contains("可选") {
            return None;
        }
        let mut out = Legend::default();
        let chars: Vec<char> = k.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            if box_state(c).is_none() {
                continue;
            }
            // 标记后面到下一个标记为止（最多 8 个字）说的是什么。
            let says: String = chars[i + 1..]
                .iter()
                .take_while(|x| box_state(**x).is_none())
                .take(8)
                .collect();
            let req = if says.contains("必选") || says.contains("必填") {
                CarrierRequirement::Required
            } else if says.contains("可选") || says.contains("选填") {
                CarrierRequirement::Optional
            } else {
                continue;
            };
            if !out.0.iter().any(|(g, _)| *g == c) {
                out.0.push((c, req));
            }
        }
        (!out.0.is_empty()).then_some(out)
    }

    /// 整张表里的图例（标题下、表头里、表后说明里都算）。读指引时，一张表上的图例也用于同一工作簿里
    /// 没有图例的其他表。
    pub fn in_grid(grid: &Grid) -> Option<Legend> {
        let mut out: Option<Legend> = None;
        for r in 0..grid.height() {
            for text in grid.distinct_texts(r) {
                if text.len() > 600 || !text.contains(['必', '可']) {
                    continue;
                }
                if let Some(l) = Legend::parse(text) {
                    let o = out.get_or_insert_with(Legend::default);
                    for (g, req) in l.0 {
                        if !o.0.iter().any(|(x, _)| *x == g) {
                            o.0.push((g, req));
                        }
                    }
                }
            }
        }
        out
    }

    /// 按图例给一个载体定必选/可选：图例里有这个标记就照它；标记字体损坏（`t`/`口`）时按
    /// 勾与不勾找图例里同类的标记。不列入时为 `None`。
    fn requirement(&self, c: &Carrier) -> Option<CarrierRequirement> {
        // 没有方框的名单：图例管不到，只知道列了它。
        let Some(g) = c.glyph else {
            return c.checked.then_some(CarrierRequirement::NotStated);
        };
        if let Some((_, req)) = self.0.iter().find(|(x, _)| *x == g) {
            return Some(*req);
        }
        let mut same: Vec<CarrierRequirement> = self
            .0
            .iter()
            .filter(|(x, _)| box_state(*x) == Some(c.checked))
            .map(|(_, r)| *r)
            .collect();
        same.dedup();
        match same.as_slice() {
            [one] => Some(*one),
            _ => c.checked.then_some(CarrierRequirement::NotStated),
        }
    }
}

/// 一个载体记成什么：有图例按图例；没有图例时勾上的为“未注明”，没勾的不列入。
fn requirement(c: &Carrier, legend: Option<&Legend>) -> Option<CarrierRequirement> {
    match legend {
        Some(l) => l.requirement(c),
        None => c.checked.then_some(CarrierRequirement::NotStated),
    }
}

/// 读指引工作簿。`base` 给出某领域在库中的当前版本（沿用编号、序号与说明）；
/// `version` 是新版本号。返回每个认出领域的新版本及其提示；认不出领域的表格只返回提示。
pub fn read_guideline(
    path: &Path,
    opts: &ReadOptions,
    version: &str,
    base: &dyn Fn(&str) -> Option<GuidelineDomain>,
) -> Result<(Vec<GuidelineDomain>, Vec<Diagnostic>), ImportError> {
    let tables = crate::read_tables(path, opts, crate::table::Keep::Carriers)?;
    from_tables(path, tables, version, base)
}

/// 同 [`read_guideline`]，但读的是已经读进内存的文件内容（预览与写入用同一份字节，文件只读一次）。
/// `path` 只用于提示和来源名（也用它的扩展名区分 .docx 与 .doc/.pdf 等）。
pub fn read_guideline_bytes(
    path: &Path,
    bytes: Vec<u8>,
    opts: &ReadOptions,
    version: &str,
    base: &dyn Fn(&str) -> Option<GuidelineDomain>,
) -> Result<(Vec<GuidelineDomain>, Vec<Diagnostic>), ImportError> {
    let tables = crate::read_tables_in_memory(path, bytes, opts, crate::table::Keep::Carriers)?;
    from_tables(path, tables, version, base)
}

fn from_tables(
    path: &Path,
    tables: crate::Tables,
    version: &str,
    base: &dyn Fn(&str) -> Option<GuidelineDomain>,
) -> Result<(Vec<GuidelineDomain>, Vec<Diagnostic>), ImportError> {
    let source = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut out: Vec<GuidelineDomain> = Vec::new();
    let mut diags = Vec::new();
    // 图例说的是整份工作簿：自己那张表上没有图例的表格，用工作簿里（别的表上）找到的第一个。
    let workbook_legend = tables.tables.iter().find_map(|t| t.legend.clone());
    for mut t in tables.tables {
        diags.extend(std::mem::take(&mut t.diagnostics));
        if t.legend.is_none() {
            t.legend = workbook_legend.clone();
        }
        if t.legend.is_none() && t.rows.iter().any(|r| !r.carriers.is_empty()) {
            diags.push(Diagnostic {
                sheet: t.sheet.clone(),
                cell: None,
                severity: Severity::Info,
                code: mulu_core::model::DiagnosticCode::NoLegend,
                message: "这张表没有说明“■”“□”含义的图例（如“■表示必选项，□表示可选项”）：勾上的载体记为“未注明”，没勾的不列入。".into(),
                raw: None,
            });
        }
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
                .filter_map(|c| {
                    Some(GuidelineCarrier {
                        name: StandardCarrier::recognise(&c.name)
                            .map_or_else(|| c.name.clone(), |s| s.as_str().to_string()),
                        requirement: requirement(c, t.legend.as_ref())?,
                    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use CarrierRequirement::{NotStated, Optional, Required};

    fn carrier(glyph: Option<char>, checked: bool) -> Carrier {
        Carrier {
            name: "政府网站".into(),
            checked,
            glyph,
        }
    }

    #[test]
    fn legends_say_which_mark_is_required() {
        let want = Legend(vec![('■', Required), ('□', Optional)]);
        for text in [
            "注：\"■\"表示必选项，\"□\"表示可选项。",
            "说明：公开渠道和载体中“■”为必选，“□”为可选。",
            "■必选 □可选",
            "（■ 表示 必选项；□ 表示可选项）",
        ] {
            assert_eq!(Legend::parse(text).as_ref(), Some(&want), "{text}");
        }
        assert_eq!(
            Legend::parse("▲表示必选，●表示可选"),
            Some(Legend(vec![('▲', Required), ('●', Optional)]))
        );
        // 说的不是必选/可选的，不是图例。
        for text in [
            "说明：“√”表示适用，公开渠道和载体中“■”表示选用。",
            "公开渠道和载体（在所选项下打“■”，未选打“□”）",
            "可选择到政务服务中心查阅",
        ] {
            assert_eq!(Legend::parse(text), None, "{text}");
        }
    }

    #[test]
    fn requirements_follow_the_legend_or_are_not_stated() {
        let boxes = Legend(vec![('■', Required), ('□', Optional)]);
        let triangles = Legend(vec![('▲', Required), ('●', Optional)]);
        for (glyph, checked, legend, want) in [
            (Some('■'), true, Some(&boxes), Some(Required)),
            (Some('□'), false, Some(&boxes), Some(Optional)),
            // 字体损坏的 t/口 按勾与不勾对到图例里同类的标记。
            (Some('t'), true, Some(&boxes), Some(Required)),
            (Some('口'), false, Some(&boxes), Some(Optional)),
            // 没有方框的名单：图例管不到，只知道列了它。
            (None, true, Some(&boxes), Some(NotStated)),
            // 没有图例：勾上的“未注明”，没勾的不列入。
            (Some('■'), true, None, Some(NotStated)),
            (Some('□'), false, None, None),
            (None, true, None, Some(NotStated)),
            // 图例只说了 ▲/●，格里却是 ■：勾上的“未注明”。
            (Some('■'), true, Some(&triangles), Some(NotStated)),
        ] {
            let c = carrier(glyph, checked);
            assert_eq!(requirement(&c, legend), want, "{glyph:?} {checked}");
        }
    }
}
