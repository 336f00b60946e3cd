//! 权责清单、公共服务事项清单与目录的对照：每一项权力或服务在目录里有没有对应的公开事项
//! （名称相近，事项类型作参考，采用自指引的事项也按指引原名比），没有的给出一个预填好的本级特色事项
//! 建议，由用户逐项确认后添加（docs/linkage.md）。

use mulu_core::guideline::{GuidelineDomain, GuidelineItem};
use mulu_core::matching::name_key;
use mulu_core::model::{
    split_elements, Audience, Channels, Item, ItemFields, Mode, Provenance, Severity,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Finding, ItemRef, SeverityCounts};

/// 权责清单中的事项在目录里没有对应的公开事项。
pub const POWER_UNCOVERED: &str = "Q101-power-uncovered";

/// 清单中的一项权力或公共服务。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Power {
    pub name: String,
    /// 事项类型：行政许可、行政处罚、行政给付、公共服务……（原文）。
    pub kind: String,
    /// 实施依据（原文）。
    pub basis: String,
    /// 实施主体。
    pub subject: String,
    /// 所在工作表与名称单元格（如 `B3`）。
    pub sheet: String,
    pub cell: String,
}

/// 对上的一项：权力 → 目录事项，凭哪个名称对上。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct PowerMatch {
    pub power: Power,
    pub item: ItemRef,
    /// 比对用的名称：事项本身的名称，或它所采用的指引事项的原名。
    pub matched_name: String,
}

/// 对不上的一项的建议：预填好的本级特色事项（用户确认、可改后添加）。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct PowerSuggestion {
    pub power: Power,
    pub fields: ItemFields,
}

/// 对照的结果。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct PowersReport {
    /// 每项对不上的权力一个问题（行政许可、行政处罚为错误，其余为警告），按清单顺序。
    pub findings: Vec<Finding>,
    pub counts: SeverityCounts,
    #[ts(type = "number")]
    pub powers: usize,
    pub covered: Vec<PowerMatch>,
    /// 与 `findings` 一一对应。
    pub suggestions: Vec<PowerSuggestion>,
}

impl PowersReport {
    pub fn has_errors(&self) -> bool {
        self.counts.errors > 0
    }
}

/// 不能单凭它们认定“同一事项”的通用词：比较前去掉。
const GENERIC: &[&str] = &[
    "行政许可",
    "行政处罚",
    "行政给付",
    "行政确认",
    "行政强制",
    "行政征收",
    "行政奖励",
    "行政检查",
    "行政裁决",
    "公共服务",
    "其他行政权力",
    "人民政府",
    "审批结果",
    "办理结果",
    "的处罚",
    "的许可",
    "许可证",
    "核发",
    "办理",
    "认定",
    "对象",
    "结果",
    "事项",
    "信息",
    "公开",
    "申请",
    "政策",
];

/// 各类型在事项名称、公开内容里常见的字眼：有时名称只需更少的相同字即可认作同一事项。
fn kind_words(kind: &str) -> &'static [&'static str] {
    let k = kind.trim();
    if k.contains("许可") {
        &["许可", "审批", "核发", "核准"]
    } else if k.contains("处罚") {
        &["处罚", "执法"]
    } else if k.contains("给付") {
        &["给付", "补贴", "救助", "发放", "津贴", "补助"]
    } else if k.contains("确认") {
        &["认定", "确认", "登记"]
    } else if k.contains("征收") {
        &["征收", "征缴"]
    } else if k.contains("强制") {
        &["强制"]
    } else {
        // 公共服务等：“服务”“办理”到处都有，不据此放宽。
        &[]
    }
}

/// 比较用的字：名称键去掉通用词（通用词处换成 `sep`，两边用不同的分隔符，不会连成相同的一段）。
fn core_chars(name: &str, sep: char) -> Vec<char> {
    let mut s = name_key(name).into_owned();
    for g in GENERIC {
        s = s.replace(g, &sep.to_string());
    }
    s.chars()
        .filter(|c| !matches!(c, '（' | '）' | '、' | '，' | '。'))
        .collect()
}

/// 最长公共连续子串的长度。
fn longest_common(a: &[char], b: &[char]) -> usize {
    let mut best = 0;
    let mut prev = vec![0usize; b.len() + 1];
    for ca in a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            if ca == cb {
                cur[j + 1] = prev[j] + 1;
                best = best.max(cur[j + 1]);
            }
        }
        prev = cur;
    }
    best
}

/// 两个名称是否说的是同一事项：去掉通用词后，相同的连续字至少 4 个，或占较短一方的六成（至少 3 个）；
/// 事项写出了该类型的字眼（`typed`）时放宽到 3 个或五成。
fn same_thing(power: &[char], name: &[char], typed: bool) -> bool {
    let common = longest_common(power, name);
    let shorter = power.len().min(name.len());
    if shorter == 0 {
        return false;
    }
    let (abs, ratio) = if typed { (3, 0.5) } else { (4, 0.6) };
    common >= abs || (common >= 3 && common as f64 >= ratio * shorter as f64)
}

/// 事项的比较名称：一级、二级事项，以及采用自指引时指引的原名。
fn names_of<'a>(it: &'a Item, guidelines: &'a [GuidelineDomain]) -> Vec<&'a str> {
    let mut v = vec![it.fields.l1.as_str(), it.fields.l2.as_str()];
    if let Provenance::Guideline {
        guideline_item_id, ..
    } = &it.provenance
    {
        if let Some(g) = guidelines
            .iter()
            .flat_map(|d| &d.items)
            .find(|g| &g.id == guideline_item_id)
        {
            v.push(&g.l1);
            v.push(&g.l2);
        }
    }
    v.retain(|s| !s.trim().is_empty());
    v
}

fn item_ref(it: &Item) -> ItemRef {
    ItemRef {
        id: Some(it.id),
        l1: it.fields.l1.clone(),
        l2: it.fields.l2.clone(),
        sheet: None,
        row: None,
    }
}

/// 为对不上的权力预填的本级特色事项。领域取名称最相近的目录事项的领域，没有时取目录的第一个领域。
pub fn suggest_item(p: &Power, domain: &str) -> ItemFields {
    let k = p.kind.trim();
    let content = if k.contains("许可") {
        "许可事项名称、设定依据、申请条件、办理流程、办理时限、办理结果"
    } else if k.contains("处罚") {
        "处罚依据、处罚程序、处罚决定（被处罚对象、违法事实、处罚种类和结果）"
    } else if k.contains("给付") {
        "给付依据、给付条件、给付标准、办理流程、给付结果"
    } else {
        "事项名称、实施依据、办理条件、办理流程、办理时限、办理结果"
    };
    let basis: Vec<String> = p
        .basis
        .split(['；', ';', '\n'])
        .map(mulu_core::text::tidy)
        .filter(|s| !s.is_empty())
        .collect();
    ItemFields {
        domain: domain.to_string(),
        l1: mulu_core::text::tidy(&p.name),
        l2: String::new(),
        content: content.to_string(),
        elements: split_elements(content),
        basis,
        time_limit: "信息形成或者变更之日起20个工作日内".into(),
        subject: mulu_core::text::tidy(&p.subject),
        channels: Channels::from_names(["政府网站"]),
        audience: vec![Audience::Public],
        audience_group: None,
        mode: vec![Mode::Proactive],
        level: vec![],
        notes: if k.is_empty() {
            "据权责清单补充".into()
        } else {
            format!("据权责清单补充（{k}）")
        },
    }
}

/// 一个比较名称：原文与去掉通用词后的字。
type Named<'a> = (&'a str, Vec<char>);

/// 对照清单与目录。`domains` 为目录的领域（建议事项的默认领域用）。
pub fn check_powers(
    powers: &[Power],
    items: &[Item],
    guidelines: &[GuidelineDomain],
    domains: &[String],
) -> PowersReport {
    let item_names: Vec<(&Item, Vec<Named>)> = items
        .iter()
        .map(|it| {
            let names = names_of(it, guidelines)
                .into_iter()
                .map(|n| (n, core_chars(n, '\u{2}')))
                .collect();
            (it, names)
        })
        .collect();
    // 指引库的全部事项：（领域，事项，比较用的字，类型字眼所在的文字）。
    let guide_names: Vec<(&str, &GuidelineItem, Vec<char>, String)> = guidelines
        .iter()
        .flat_map(|d| d.items.iter().map(move |g| (d.name.as_str(), g)))
        .map(|(d, g)| {
            let name = format!("{}{}", g.l1, g.l2);
            (d, g, core_chars(&name, '\u{2}'), name)
        })
        .collect();
    let mut findings = Vec::new();
    let mut covered = Vec::new();
    let mut suggestions = Vec::new();
    for p in powers {
        let pc = core_chars(&p.name, '\u{1}');
        let words = kind_words(&p.kind);
        let hit = item_names.iter().find_map(|(it, names)| {
            let text = format!("{}{}{}", it.fields.l1, it.fields.l2, it.fields.content);
            let typed = words.iter().any(|w| text.contains(w));
            names
                .iter()
                .find(|(_, c)| same_thing(&pc, c, typed))
                .map(|(n, _)| (*it, n.to_string()))
        });
        if let Some((it, matched_name)) = hit {
            covered.push(PowerMatch {
                power: p.clone(),
                item: item_ref(it),
                matched_name,
            });
            continue;
        }
        // 建议的领域：名称最相近（至少两个相同的字）的目录事项或指引事项所在的领域；都没有时取目录的第一个领域。
        let from_items = item_names.iter().map(|(it, names)| {
            let best = names
                .iter()
                .map(|(_, c)| longest_common(&pc, c))
                .max()
                .unwrap_or(0);
            (best, it.fields.domain.clone())
        });
        let from_guidelines = guide_names
            .iter()
            .map(|(d, _, c, _)| (longest_common(&pc, c), d.to_string()));
        // 相同的字一样多时，目录已有的领域优先。
        let score = |(n, d): &(usize, String)| (*n, domains.contains(d));
        let best_domain = from_items
            .chain(from_guidelines)
            .filter(|(n, _)| *n >= 2)
            .fold(None::<(usize, String)>, |best, cur| match best {
                Some(b) if score(&b) >= score(&cur) => Some(b),
                _ => Some(cur),
            })
            .map(|(_, d)| d);
        // 指引库里说的是同一件事的指引事项：可以直接采用它。
        let hint = guide_names.iter().find(|(_, _, c, text)| {
            words.iter().any(|w| text.contains(w)) && same_thing(&pc, c, false)
        });
        let hint_domain = hint.map(|(d, _, _, _)| d.to_string());
        let hint = hint
            .map(|(d, g, _, _)| {
                let name = if g.l2.is_empty() {
                    g.l1.clone()
                } else {
                    format!("{} / {}", g.l1, g.l2)
                };
                format!(
                    "标准指引“{d}”领域有相近的指引事项“{name}”（{}），也可以直接采用它。",
                    g.id
                )
            })
            .unwrap_or_default();
        let domain = hint_domain
            .or(best_domain)
            .or_else(|| domains.first().cloned())
            .unwrap_or_default();
        let strict = p.kind.contains("许可") || p.kind.contains("处罚");
        let kind = if p.kind.trim().is_empty() {
            "未写类型的".to_string()
        } else {
            p.kind.trim().to_string()
        };
        let message = if strict {
            format!(
                "权责清单中的{kind}事项“{}”在目录中没有对应的公开事项。条例第二十条要求主动公开行政许可、行政处罚的依据、条件、程序和结果：请补充一个本级特色事项（已预填名称、依据与实施主体，确认后添加）。{hint}",
                p.name
            )
        } else {
            format!(
                "清单中的{kind}事项“{}”在目录中没有对应的公开事项。请确认是否应当公开；需要时补充一个本级特色事项（已预填名称、依据与实施主体，确认后添加）。{hint}",
                p.name
            )
        };
        findings.push(Finding {
            rule: POWER_UNCOVERED.into(),
            severity: if strict {
                Severity::Error
            } else {
                Severity::Warning
            },
            domain: domain.clone(),
            item: None,
            field: None,
            sheet: Some(p.sheet.clone()),
            cell: Some(p.cell.clone()),
            message,
            suggestion: Some(mulu_core::text::tidy(&p.name)),
        });
        suggestions.push(PowerSuggestion {
            power: p.clone(),
            fields: suggest_item(p, &domain),
        });
    }
    let mut counts = SeverityCounts::default();
    for f in &findings {
        counts.add(f.severity);
    }
    PowersReport {
        findings,
        counts,
        powers: powers.len(),
        covered,
        suggestions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        core_chars(s, '\u{1}')
    }

    #[test]
    fn similarity_ignores_generic_words() {
        let a = chars("最低生活保障对象认定");
        assert!(same_thing(&a, &core_chars("最低生活保障", '\u{2}'), false));
        // Only the generic words in common: not the same thing.
        let b = chars("乡村建设规划许可证核发");
        assert!(!same_thing(
            &b,
            &core_chars("建筑施工许可证核发", '\u{2}'),
            false
        ));
        // Three characters are enough when the item mentions the kind.
        let c = chars("临时救助金给付");
        assert!(!same_thing(&c, &core_chars("临时救济站点", '\u{2}'), false));
        assert!(same_thing(&c, &core_chars("临时救济站点", '\u{2}'), true));
        assert_eq!(longest_common(&chars("abcde"), &chars("xbcdy")), 3);
    }

    #[test]
    fn suggestion_is_prefilled() {
        let p = Power {
            name: " 乡村建设规划许可证核发 ".into(),
            kind: "行政许可".into(),
            basis: "《中华人民共和国城乡规划法》第四十一条；《某省实施办法》".into(),
            subject: "某某镇人民政府".into(),
            sheet: "权责清单".into(),
            cell: "B5".into(),
        };
        let f = suggest_item(&p, "城乡规划");
        assert_eq!(f.l1, "乡村建设规划许可证核发");
        assert_eq!(f.basis.len(), 2);
        assert_eq!(f.subject, "某某镇人民政府");
        assert_eq!(f.mode, vec![Mode::Proactive]);
        assert_eq!(f.notes, "据权责清单补充（行政许可）");
        assert!(f.elements.contains(&"办理结果".to_string()));
    }

    #[test]
    fn adopted_items_also_match_by_their_guideline_name() {
        let guidelines = mulu_core::guideline::builtin_domains().unwrap();
        let g = guidelines
            .iter()
            .flat_map(|d| d.items.iter().map(move |i| (d, i)))
            .find(|(_, i)| i.l1.contains("最低生活保障"))
            .map(|(d, i)| (d.name.clone(), i.id.clone(), i.l1.clone()))
            .unwrap();
        // The clerk renamed the adopted item to something the power's name does not resemble.
        let item = Item {
            id: 1,
            catalog_id: 1,
            position: 0,
            fields: ItemFields {
                domain: g.0.clone(),
                l1: "城乡困难群众兜底事项".into(),
                ..Default::default()
            },
            provenance: Provenance::Guideline {
                guideline_item_id: g.1.clone(),
                data_version: "x".into(),
                modified: true,
            },
        };
        let power = Power {
            name: "最低生活保障对象认定".into(),
            kind: "行政确认".into(),
            basis: String::new(),
            subject: String::new(),
            sheet: "s".into(),
            cell: "A2".into(),
        };
        let r = check_powers(
            std::slice::from_ref(&power),
            std::slice::from_ref(&item),
            &guidelines,
            &[],
        );
        assert_eq!(r.covered.len(), 1, "{r:?}");
        assert_eq!(r.covered[0].matched_name, g.2);
        // Without the guideline library the renamed item is not found.
        let r = check_powers(&[power], &[item], &[], &[]);
        assert_eq!(r.findings.len(), 1);
        assert_eq!(r.findings[0].severity, Severity::Warning);
        assert_eq!(r.suggestions[0].fields.domain, "");
    }
}
