//! R301–R302：公开时限能否识别、主动公开是否超过法定的20个工作日。

use mulu_core::text::tidy_cow;
use std::sync::OnceLock;

use mulu_core::model::{Field, Mode};

use super::catalog::{TIME_LIMIT_TOO_LONG, TIME_LIMIT_UNRECOGNISED};
use super::{ascii_digit, is_blank, is_ditto, is_space_char, item_label, CharSet, Ctx, Words};

/// 条例第二十六条规定的主动公开时限（工作日）。
pub const STATUTORY_WORKING_DAYS: u32 = 20;
/// 超过这么多自然日视为超过20个工作日。
pub const MAX_CALENDAR_DAYS: u32 = 30;

/// 读出的公开时限。
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimeLimit {
    /// 认得出是一个时限（期限、时点、频次或“按规定”）。
    pub recognised: bool,
    /// 写出的最长期限：工作日、自然日、月（公示期不算）。
    pub working_days: Option<u32>,
    pub calendar_days: Option<u32>,
    pub months: Option<u32>,
    /// 写明了按某项规定的时限（“按《…》规定的时限”“法定时限”）。
    pub cites_rule: bool,
    /// 定期公开（每年、每季度、每月……）。
    pub periodic: bool,
}

impl TimeLimit {
    /// 是否超过条例第二十六条的20个工作日（按规定的时限除外）。
    pub fn exceeds_statutory(&self) -> bool {
        !self.cites_rule
            && (self
                .working_days
                .is_some_and(|d| d > STATUTORY_WORKING_DAYS)
                || self.calendar_days.is_some_and(|d| d > MAX_CALENDAR_DAYS)
                || self.months.is_some_and(|m| m > 1))
    }
}

const KEYWORDS: &[&str] = &[
    "工作日",
    "自然日",
    "实时",
    "即时",
    "及时",
    "随时",
    "立即",
    "同步",
    "动态",
    "长期",
    "常年",
    "常态",
    "持续",
    "滚动",
    "定期",
    "每年",
    "每半年",
    "每季",
    "每月",
    "每周",
    "每学期",
    "年度",
    "季度",
    "学期",
    "年底",
    "年初",
    "月底",
    "日内",
    "天内",
    "个月内",
    "之日起",
    "当日",
    "当天",
    "日前",
    "月前",
    "年前",
    "公示期",
    "届满",
    "期间",
    "阶段",
    "完成后",
    "结束后",
    "规定",
    "小时",
    "周内",
    "提前",
    "同时",
    "时公开",
    "时，",
    "时在",
    "之前",
    "之后",
    "以前",
];
const RULE_WORDS: &[&str] = &["规定", "《", "法定", "依法"];
const PERIODIC_WORDS: &[&str] = &[
    "每年",
    "每半年",
    "每季",
    "每月",
    "每周",
    "每学期",
    "年度",
    "季度",
    "定期",
];

/// 读一个公开时限：能否识别、写出的期限、是否按规定、是否定期。
///
/// ```
/// use mulu_review::classify_time_limit;
/// let t = classify_time_limit("信息形成或者变更之日起20个工作日内");
/// assert!(t.recognised && t.working_days == Some(20) && !t.exceeds_statutory());
/// assert!(classify_time_limit("办理完成后三十个工作日内").exceeds_statutory());
/// assert!(!classify_time_limit("待定").recognised);
/// ```
pub fn classify_time_limit(text: &str) -> TimeLimit {
    // 去掉空白、全角数字换成半角，同时记下有哪些字（查关键词前先比字，见 `CharSet`）。
    let mut set = CharSet::default();
    let mut s: Vec<char> = Vec::with_capacity(text.len());
    for c in text.chars().filter(|c| !is_space_char(*c)) {
        let c = ascii_digit(c);
        set.insert(c);
        s.push(c);
    }
    let [keywords, rule_words, periodic_words] = word_lists();
    let mut t = TimeLimit {
        cites_rule: rule_words.any_in(&s, set),
        periodic: periodic_words.any_in(&s, set),
        ..TimeLimit::default()
    };
    let mut i = 0;
    while i < s.len() {
        let Some((value, len)) = number_at(&s, i) else {
            i += 1;
            continue;
        };
        let end = i + len;
        // 数字后面的单位（最多看 4 个字）与前面的 3 个字。
        let rest = &s[end..];
        let before = &s[i.saturating_sub(3)..i];
        let prev = i.checked_sub(1).map(|j| s[j]);
        let notice = before
            .windows(2)
            .any(|w| matches!(w, ['公', '示'] | ['公', '告']))
            || before.ends_with(&['期']);
        let date = matches!(prev, Some('月' | '第' | '年'));
        let unit = |u: &str| starts_with(rest, u);
        if unit("个工作日") || unit("工作日") {
            t.recognised = true;
            if !notice {
                t.working_days = Some(t.working_days.map_or(value, |d| d.max(value)));
            }
        } else if unit("个自然日") || unit("自然日") || unit("日内") || unit("天内") || unit("天")
        {
            if !date {
                t.recognised = true;
                if !notice {
                    t.calendar_days = Some(t.calendar_days.map_or(value, |d| d.max(value)));
                }
            }
        } else if (unit("周") || unit("个星期")) && !date && !notice {
            t.recognised = true;
            let days = value.saturating_mul(7);
            t.calendar_days = Some(t.calendar_days.map_or(days, |d| d.max(days)));
        } else if unit("个月") && !notice {
            t.recognised = true;
            t.months = Some(t.months.map_or(value, |d| d.max(value)));
        }
        i = end;
    }
    // 期限已经认出时不必再找关键词（几十个关键词逐个查找，是这里最费时的一步）。
    t.recognised = t.recognised || keywords.any_in(&s, set) || s.first() == Some(&'随');
    t
}

/// [`KEYWORDS`]、[`RULE_WORDS`]、[`PERIODIC_WORDS`]。
fn word_lists() -> &'static [Words; 3] {
    static LISTS: OnceLock<[Words; 3]> = OnceLock::new();
    LISTS.get_or_init(|| {
        [KEYWORDS, RULE_WORDS, PERIODIC_WORDS].map(|l| Words::new(l.iter().copied()))
    })
}

/// 字符序列是否以 `p` 开头。
fn starts_with(s: &[char], p: &str) -> bool {
    let mut it = s.iter();
    p.chars().all(|c| it.next() == Some(&c))
}

/// 位置 `i` 起的数字（阿拉伯数字或不超过九十九的中文数字）：值与长度。
fn number_at(s: &[char], i: usize) -> Option<(u32, usize)> {
    if i > 0 && (s[i - 1].is_ascii_digit() || cn_digit(s[i - 1]).is_some() || s[i - 1] == '十') {
        return None;
    }
    let n = s[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if n > 0 {
        // 与 `str::parse::<u32>` 相同：超出 u32 的不算数字。
        let v = s[i..i + n]
            .iter()
            .try_fold(0u32, |v, c| v.checked_mul(10)?.checked_add(c.to_digit(10)?));
        return v.map(|v| (v, n));
    }
    let n = s[i..]
        .iter()
        .take_while(|c| cn_digit(**c).is_some() || **c == '十')
        .count();
    if n == 0 || n > 3 {
        return None;
    }
    let run = &s[i..i + n];
    let value = match run.iter().position(|c| *c == '十') {
        None if n == 1 => cn_digit(run[0])?,
        None => return None,
        Some(p) => {
            let tens = if p == 0 { 1 } else { cn_digit(run[0])? };
            let ones = match run.get(p + 1) {
                Some(c) => cn_digit(*c)?,
                None => 0,
            };
            if p > 1 {
                return None;
            }
            tens * 10 + ones
        }
    };
    Some((value, n))
}

/// 一至九（“两”也算二；“〇”不算，时限里不会单写它）。
fn cn_digit(c: char) -> Option<u32> {
    match c {
        '两' => Some(2),
        '〇' => None,
        c => mulu_core::text::chinese_digit(c),
    }
}

pub(super) fn check(ctx: &mut Ctx) {
    for (idx, it) in ctx.items().iter().enumerate() {
        let text = &it.fields.time_limit;
        if is_blank(text) || is_ditto(text) {
            continue;
        }
        let t = classify_time_limit(text);
        if !t.recognised {
            let (label, shown) = (item_label(it, idx), tidy_cow(text));
            ctx.item(
                &TIME_LIMIT_UNRECOGNISED,
                idx,
                Some(Field::TimeLimit),
                format!(
                    "{label}的公开时限“{shown}”看不出期限。请写明何时公开，例如“信息形成或者变更之日起20个工作日内”\
                     “实时”“办理完成后5个工作日内”“每年3月31日前”或“按《…》规定的时限”。"
                ),
                None,
            );
            continue;
        }
        if it.fields.mode.contains(&Mode::Proactive) && t.exceeds_statutory() {
            let (label, shown) = (item_label(it, idx), tidy_cow(text));
            let how_long = match (t.working_days, t.calendar_days, t.months) {
                (Some(d), _, _) if d > STATUTORY_WORKING_DAYS => format!("{d}个工作日"),
                (_, Some(d), _) if d > MAX_CALENDAR_DAYS => format!("{d}天"),
                (_, _, Some(m)) => format!("{m}个月"),
                _ => "所写期限".to_string(),
            };
            ctx.item(
                &TIME_LIMIT_TOO_LONG,
                idx,
                Some(Field::TimeLimit),
                format!(
                    "{label}是主动公开事项，公开时限“{shown}”（{how_long}）超过了条例第二十六条规定的20个工作日。\
                     请缩短到20个工作日以内；如果有法律、法规另行规定的期限，请写明依据，例如“按《…》规定的时限”。"
                ),
                Some("信息形成或者变更之日起20个工作日内".to_string()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_the_usual_forms() {
        for (text, days) in [
            ("信息形成或者变更之日起20个工作日内", Some(20)),
            ("实时", None),
            ("及时公开", None),
            ("办理完成后7个工作日内", Some(7)),
            ("10个工作日", Some(10)),
            ("按《社会救助暂行办法》规定的时限", None),
            ("长期公开", None),
            ("每年3月31日前", None),
            ("制定或获取信息之日起10个工作日内，公示7个工作日", Some(10)),
            ("二十个工作日内", Some(20)),
            ("十五个工作日内", Some(15)),
            ("２0个工作日内", Some(20)),
        ] {
            let t = classify_time_limit(text);
            assert!(t.recognised, "{text}");
            assert_eq!(t.working_days, days, "{text}");
            assert!(!t.exceeds_statutory(), "{text}");
        }
        for text in [
            "随采购公告、采购文件公开",
            "在实地启动拟征收土地工作时，在村公示栏公开",
            "提前一周发通知邀请",
            "24小时内",
        ] {
            assert!(classify_time_limit(text).recognised, "{text}");
        }
        assert_eq!(classify_time_limit("一周内").calendar_days, Some(7));
        assert!(classify_time_limit("6周内").exceeds_statutory());
        for text in ["待定", "20", "——", "尽快"] {
            assert!(!classify_time_limit(text).recognised, "{text}");
        }
        assert!(classify_time_limit("之日起30个工作日内").exceeds_statutory());
        assert!(classify_time_limit("60日内").exceeds_statutory());
        assert!(classify_time_limit("3个月内").exceeds_statutory());
        assert!(!classify_time_limit("每年3月31日前").exceeds_statutory());
        assert!(!classify_time_limit("按《土地管理法》规定的30日内").exceeds_statutory());
    }
}
