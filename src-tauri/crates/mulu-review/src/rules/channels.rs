//! R401–R402：面向全社会主动公开的载体、疑似写错的载体名称。

use mulu_core::text::squeeze_cow;
use std::sync::OnceLock;

use mulu_core::model::{Audience, Field, Mode, StandardCarrier};

use super::catalog::{CARRIER_MISSPELT, NO_PUBLIC_CARRIER};
use super::hygiene::glyph_prefix;
use super::{item_label, Ctx, EditDistance};

/// 其他载体名称里表明“面向社会”的词（网站、平台、公众号、公示栏、报刊、广播电视等）。
const PUBLIC_WORDS: &[&str] = &[
    "网站",
    "网",
    "平台",
    "公众号",
    "微信",
    "微博",
    "客户端",
    "公示",
    "公告",
    "公报",
    "报",
    "广播",
    "电视",
    "电子屏",
    "显示屏",
    "查阅",
    "政务服务",
    "服务大厅",
    "服务中心",
    "新闻",
    "热线",
];

/// 其他载体名称是否面向社会公开。
fn extra_is_public(name: &str) -> bool {
    PUBLIC_WORDS.iter().any(|w| name.contains(w))
}

pub(super) fn check(ctx: &mut Ctx) {
    for (idx, it) in ctx.items().iter().enumerate() {
        let f = it.fields;
        let label = || item_label(it, idx);
        let proactive_public =
            f.mode.contains(&Mode::Proactive) && f.audience.contains(&Audience::Public);
        if proactive_public
            && !f.channels.is_empty()
            // 勾了“其他”不算：其他载体按它写的名称判断（下一行）。
            && !f
                .channels
                .standard
                .iter()
                .any(|c| *c != StandardCarrier::Other && c.is_public())
            && !f.channels.extra.iter().any(|e| extra_is_public(e))
        {
            let chosen: Vec<&str> = f.channels.names().collect();
            ctx.item(
                &NO_PUBLIC_CARRIER,
                idx,
                Some(Field::Channels),
                format!(
                    "{}面向全社会主动公开，但公开渠道和载体只有“{}”，没有面向社会的载体。\
                     请至少加上“政府网站”（或政府公报、公示栏等）。",
                    label(),
                    chosen.join("、")
                ),
                Some(StandardCarrier::GovWebsite.as_str().to_string()),
            );
        }
        for extra in &f.channels.extra {
            if glyph_prefix(extra).is_some() {
                continue; // 勾选符号乱码，由 R703 指出
            }
            if let Some(standard) = nearest_standard(extra) {
                ctx.item(
                    &CARRIER_MISSPELT,
                    idx,
                    Some(Field::Channels),
                    format!(
                        "{}的载体“{extra}”不是标准载体名称，与标准载体“{}”只差一两个字，可能写错了。\
                         如果指的就是它，请改为标准名称。",
                        label(),
                        standard.as_str()
                    ),
                    Some(standard.as_str().to_string()),
                );
            }
        }
    }
}

/// 与其他载体名称最接近的标准载体：编辑距离不超过 1（名称不长于 5 个字）或 2（更长），
/// 且不是在标准名称前后加字（“某某市政府网站”是具体的网站，不是错字）。
pub(crate) fn nearest_standard(name: &str) -> Option<StandardCarrier> {
    let name = squeeze_cow(name);
    let chars: Vec<char> = name.chars().collect();
    let len = chars.len();
    if len < 3 {
        return None;
    }
    let mut ed = EditDistance::default();
    let mut best: Option<(usize, StandardCarrier)> = None;
    for (c, cand, cand_chars) in candidates() {
        if name.contains(cand) || cand.contains(&*name) {
            continue;
        }
        let limit = if cand_chars.len().max(len) <= 5 { 1 } else { 2 };
        if let Some(d) = ed.within(&chars, cand_chars, limit) {
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, *c));
            }
        }
    }
    best.map(|(_, c)| c)
}

/// 比较用的标准载体名称（按 [`StandardCarrier::ALL`] 的顺序，“其他”除外）：
/// 全称，以及带“/”的全称里不短于 3 个字的各段。
fn candidates() -> &'static [(StandardCarrier, &'static str, Vec<char>)] {
    static LIST: OnceLock<Vec<(StandardCarrier, &'static str, Vec<char>)>> = OnceLock::new();
    LIST.get_or_init(|| {
        let mut out = Vec::new();
        for &c in StandardCarrier::ALL {
            if c == StandardCarrier::Other {
                continue;
            }
            let full = c.as_str();
            let mut names = vec![full];
            if full.contains('/') {
                names.extend(full.split('/').filter(|p| p.chars().count() >= 3));
            }
            out.extend(names.into_iter().map(|n| (c, n, n.chars().collect())));
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspellings_find_their_standard_carrier() {
        assert_eq!(
            nearest_standard("政府网占"),
            Some(StandardCarrier::GovWebsite)
        );
        assert_eq!(
            nearest_standard("两微一段"),
            Some(StandardCarrier::SocialMedia)
        );
        assert_eq!(
            nearest_standard("公开查询点"),
            Some(StandardCarrier::ReadingPoint)
        );
        assert_eq!(
            nearest_standard("听政会"),
            Some(StandardCarrier::PressConference)
        );
        for ok in [
            "投资项目在线审批监管平台",
            "公共资源交易平台",
            "信用中国网站",
            "12345政务服务热线",
            "管理部门网站",
            "会议",
            "某某市政府网站",
            "办税服务厅",
        ] {
            assert_eq!(nearest_standard(ok), None, "{ok}");
        }
    }
}
