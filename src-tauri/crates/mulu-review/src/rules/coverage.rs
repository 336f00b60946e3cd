//! R601–R603：指引事项的覆盖、“不涉及”的理由、不予公开事项的法定理由。

use mulu_core::guideline::GuidelineItem;
use rustc_hash::FxHashSet;

use super::catalog::{GUIDELINE_ITEM_MISSING, NOT_APPLICABLE_NO_REASON, WITHHELD_NO_GROUND};
use super::{is_blank, Ctx, NameKeys};
use crate::report::{percent, Coverage, DomainCoverage};

/// 一个领域里目录已有的事项：采用自哪些指引事项，名称键（去掉空白与编号后）有哪些。
#[derive(Default)]
struct Present<'k> {
    ids: FxHashSet<&'k str>,
    pairs: FxHashSet<(&'k str, &'k str)>,
    l2: FxHashSet<&'k str>,
}

impl Present<'_> {
    /// 目录里是否有这个指引事项：采用自它，或名称相同。
    fn covers(&self, gi: &GuidelineItem, (g1, g2): &NameKeys) -> bool {
        if self.ids.contains(gi.id.as_str()) {
            return true;
        }
        match (g1.is_empty(), g2.is_empty()) {
            (false, false) => self.pairs.contains(&(&**g1, &**g2)),
            // 来源里没看到一级事项：只比二级事项。
            (true, false) => self.l2.contains(&**g2),
            // 只有一级事项：目录里可能写在一级或二级。
            (false, true) => self.pairs.contains(&(&**g1, "")) || self.l2.contains(&**g1),
            (true, true) => false,
        }
    }
}

pub(super) fn check(ctx: &mut Ctx) -> Coverage {
    // 名称键借出来用，写问题（要可变借用 ctx）时不冲突；结束时放回。
    let item_keys = std::mem::take(&mut ctx.item_keys);
    let guide_keys = std::mem::take(&mut ctx.guide_keys);
    let item_guides = ctx.item_guides.clone();
    let c = ctx.c;
    let mut coverage = Coverage::default();
    for domain in c.all_domains() {
        let Some(g) = c.guideline(domain) else {
            continue;
        };
        let mut present = Present::default();
        let mut sheet = None;
        for (idx, it) in c.items.iter().enumerate() {
            if item_guides[idx].is_none_or(|x| x.name != g.name) {
                continue;
            }
            sheet = sheet.or(it.sheet);
            if let Some(id) = it.guideline_id() {
                present.ids.insert(id);
            }
            let (l1, l2) = &item_keys[idx];
            present.pairs.insert((&**l1, &**l2));
            present.l2.insert(&**l2);
        }
        let gkeys = guide_keys
            .get(g.name.as_str())
            .map_or(&[][..], Vec::as_slice);
        let mut dc = DomainCoverage {
            domain: g.name.clone(),
            data_version: g.data_version.clone(),
            expected: g.items.len(),
            present: 0,
            not_applicable: 0,
            missing: Vec::new(),
            percent: 0.0,
        };
        for (gi, keys) in g.items.iter().zip(gkeys) {
            if present.covers(gi, keys) {
                dc.present += 1;
                continue;
            }
            let na = c
                .not_applicable
                .iter()
                .find(|n| n.guideline_item_id == gi.id);
            match na {
                Some(n) if !is_blank(&n.reason) => {
                    dc.not_applicable += 1;
                }
                Some(_) => {
                    dc.missing.push(gi.id.clone());
                    ctx.general(
                        &NOT_APPLICABLE_NO_REASON,
                        domain,
                        sheet,
                        format!(
                            "{}领域的指引事项“{}”（{}）标为本单位不涉及，但没有写理由。\
                             请写明不涉及的原因（例如“本镇无此项职能”），否则不计入覆盖率。",
                            g.name,
                            gi.display_name(),
                            gi.id
                        ),
                        None,
                    );
                }
                None => {
                    dc.missing.push(gi.id.clone());
                    ctx.general(
                        &GUIDELINE_ITEM_MISSING,
                        domain,
                        sheet,
                        format!(
                            "目录缺少{}领域标准指引中的事项“{}”（{}）。请从指引采用该事项，\
                             或在“本单位不涉及”中标记并写明理由。",
                            g.name,
                            gi.display_name(),
                            gi.id
                        ),
                        Some(gi.display_name()),
                    );
                }
            }
        }
        dc.percent = percent(dc.present + dc.not_applicable, dc.expected);
        coverage.expected += dc.expected;
        coverage.present += dc.present;
        coverage.not_applicable += dc.not_applicable;
        coverage.missing += dc.missing.len();
        coverage.domains.push(dc);
    }
    coverage.percent = percent(
        coverage.present + coverage.not_applicable,
        coverage.expected,
    );

    for w in c.withheld {
        if w.ground.is_none() {
            let domain = w.domain.clone().unwrap_or_default();
            ctx.general(
                &WITHHELD_NO_GROUND,
                &domain,
                None,
                format!(
                    "不予公开事项“{}”没有写明法定理由。请选择条例第十四条（国家秘密、法律法规禁止公开、\
                     危及“三安全一稳定”）、第十五条（商业秘密、个人隐私）或第十六条（内部事务、过程性信息、\
                     行政执法案卷）中的一项，并在说明中写明具体规定。",
                    w.name.trim()
                ),
                None,
            );
        }
    }
    ctx.item_keys = item_keys;
    ctx.guide_keys = guide_keys;
    coverage
}
