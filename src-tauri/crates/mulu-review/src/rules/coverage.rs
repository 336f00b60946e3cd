//! R601–R603：指引事项的覆盖、“不涉及”的理由、不予公开事项的法定理由。

use mulu_core::guideline::GuidelineItem;

use super::catalog::{GUIDELINE_ITEM_MISSING, NOT_APPLICABLE_NO_REASON, WITHHELD_NO_GROUND};
use super::{is_blank, name_key, Ctx};
use crate::input::ReviewItem;
use crate::report::{percent, Coverage, DomainCoverage};

/// 目录里的事项是否就是这个指引事项：采用自它，或名称相同（去掉空白与编号后）。
fn covers(it: &ReviewItem, gi: &GuidelineItem) -> bool {
    if it.guideline_id() == Some(gi.id.as_str()) {
        return true;
    }
    let (l1, l2) = (name_key(&it.fields.l1), name_key(&it.fields.l2));
    let (g1, g2) = (name_key(&gi.l1), name_key(&gi.l2));
    match (g1.is_empty(), g2.is_empty()) {
        (false, false) => l1 == g1 && l2 == g2,
        // 来源里没看到一级事项：只比二级事项。
        (true, false) => l2 == g2,
        // 只有一级事项：目录里可能写在一级或二级。
        (false, true) => (l1 == g1 && l2.is_empty()) || l2 == g1,
        (true, true) => false,
    }
}

pub(super) fn check(ctx: &mut Ctx) -> Coverage {
    let c = ctx.c;
    let mut coverage = Coverage::default();
    for domain in c.all_domains() {
        let Some(g) = c.guideline(domain) else {
            continue;
        };
        let items: Vec<&ReviewItem> = c
            .items
            .iter()
            .filter(|it| c.guideline(it.domain).is_some_and(|x| x.name == g.name))
            .collect();
        let sheet = items.iter().find_map(|it| it.sheet);
        let mut dc = DomainCoverage {
            domain: g.name.clone(),
            data_version: g.data_version.clone(),
            expected: g.items.len(),
            present: 0,
            not_applicable: 0,
            missing: Vec::new(),
            percent: 0.0,
        };
        for gi in &g.items {
            if items.iter().any(|it| covers(it, gi)) {
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
    coverage
}
