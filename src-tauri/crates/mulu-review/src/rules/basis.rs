//! R201–R205：公开依据——已废止或已修订的文件、缺书名号的名称、残缺或括号不规范的文号。

use std::borrow::Cow;
use std::sync::OnceLock;

use mulu_core::matching::is_cjk;
use mulu_core::model::Field;
use mulu_core::text::{squeeze, tidy_cow};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::catalog::{
    BASIS_DOCNUM_BRACKETS, BASIS_DOCNUM_MALFORMED, BASIS_REPEALED, BASIS_SUPERSEDED,
    BASIS_TITLE_UNQUOTED,
};
use super::{ascii_digit, is_space_char, item_label, CharSet, Ctx};
use crate::ReviewError;

/// 已废止文件清单里的文件状态。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub enum RepealedStatus {
    /// 已废止或被新文本取代（R201，错误）。
    #[serde(rename = "废止")]
    Repealed,
    /// 已修订，引用的是修订前的文号（R202，提示）。
    #[serde(rename = "已修订")]
    Revised,
}

/// 已废止文件清单（`schemas/rules/repealed.json`）中的一条。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct RepealedText {
    /// 稳定的英文短名。
    pub id: String,
    /// 被废止（或修订前）的文件。
    pub title: String,
    pub status: RepealedStatus,
    /// 任一片段出现即可能命中（比较前去掉空白、全角数字换成半角）。
    pub match_any: Vec<String>,
    /// 每个片段都须出现（用来把过于宽泛的片段限定到某个文件）。
    #[serde(default)]
    pub match_all: Vec<String>,
    /// 取代它的现行文件。
    pub replaced_by: String,
    /// 建议改写成的引用。
    #[serde(default)]
    pub suggestion: Option<String>,
    /// 依据：这条为什么成立，出自哪里。
    pub source: String,
}

impl RepealedText {
    /// 一条公开依据是否引用了这个文件。
    pub fn matches(&self, basis: &str) -> bool {
        Matcher::new(self).matches(&normalise(basis))
    }
}

/// 规整好的匹配片段（审核时每条依据都要与整张清单比较：片段只规整一次），各带字符集合。
struct Matcher<'r> {
    text: &'r RepealedText,
    any: Vec<(String, CharSet)>,
    all: Vec<(String, CharSet)>,
}

impl<'r> Matcher<'r> {
    fn new(text: &'r RepealedText) -> Self {
        let norm = |v: &[String]| {
            v.iter()
                .map(|p| {
                    let p = normalise(p);
                    let set = CharSet::of(&p);
                    (p, set)
                })
                .collect()
        };
        Matcher {
            text,
            any: norm(&text.match_any),
            all: norm(&text.match_all),
        }
    }

    /// 规整后的字符集合为 `set` 的依据可能命中：片段的字都在（为假时一定不命中）。
    fn may_match(&self, set: CharSet) -> bool {
        self.any.iter().any(|(_, p)| set.may_contain(*p))
            && self.all.iter().all(|(_, p)| set.may_contain(*p))
    }

    /// `n` 是已规整（[`normalise`]）的依据。
    fn matches(&self, n: &str) -> bool {
        self.any.iter().any(|(p, _)| n.contains(p.as_str()))
            && self.all.iter().all(|(p, _)| n.contains(p.as_str()))
    }
}

fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| !is_space_char(*c))
        .map(ascii_digit)
        .collect()
}

/// 一条依据逐字看一遍得到的：规整后（[`normalise`]）的字符集合，是否需要规整，是否需要整理空白。
struct LineScan {
    set: CharSet,
    /// 有空白或全角数字：规整后与原文不同。
    changed_by_normalise: bool,
    /// 有空白或控制字符：[`tidy_cow`] 可能要改。
    untidy: bool,
}

fn scan_line(line: &str) -> LineScan {
    let mut out = LineScan {
        set: CharSet::default(),
        changed_by_normalise: false,
        untidy: false,
    };
    for c in line.chars() {
        if is_space_char(c) {
            out.changed_by_normalise = true;
            out.untidy = true;
            continue;
        }
        out.untidy |= c.is_control();
        let d = ascii_digit(c);
        out.changed_by_normalise |= d != c;
        out.set.insert(d);
    }
    out
}

/// 文号检查要看的括号与“令”字：一个都没有的依据不必逐字检查文号。
fn docnum_triggers() -> CharSet {
    static SET: OnceLock<CharSet> = OnceLock::new();
    *SET.get_or_init(|| CharSet::of("〔〕令[［(（【"))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RepealedFile {
    #[allow(dead_code)]
    note: Option<String>,
    entries: Vec<RepealedText>,
}

/// 解析已废止文件清单（`schemas/rules/repealed.json` 的格式），并检查每条都有匹配片段与来源。
pub fn parse_repealed(json: &str) -> Result<Vec<RepealedText>, ReviewError> {
    let file: RepealedFile = serde_json::from_str(json)?;
    for (i, e) in file.entries.iter().enumerate() {
        let bad = |problem: &str| ReviewError::RepealedEntry {
            index: i + 1,
            problem: format!("{}（{}）", problem, e.id),
        };
        if e.match_any.iter().all(|p| squeeze(p).is_empty()) {
            return Err(bad("match_any 不能为空"));
        }
        if e.source.trim().is_empty() {
            return Err(bad("没有写明来源 source"));
        }
        if e.replaced_by.trim().is_empty() {
            return Err(bad("没有写明取代它的文件 replaced_by"));
        }
    }
    Ok(file.entries)
}

const BUILTIN_REPEALED: &str = include_str!("../../../../../schemas/rules/repealed.json");

/// 随程序内置的已废止文件清单（`schemas/rules/repealed.json`，编译时嵌入；测试保证它能解析）。
pub fn builtin_repealed() -> &'static [RepealedText] {
    static LIST: OnceLock<Vec<RepealedText>> = OnceLock::new();
    LIST.get_or_init(|| parse_repealed(BUILTIN_REPEALED).unwrap_or_default())
}

pub(super) fn check(ctx: &mut Ctx) {
    let matchers: Vec<Matcher> = ctx.c.repealed.iter().map(Matcher::new).collect();
    let mut chars = Vec::new();
    for (idx, it) in ctx.items().iter().enumerate() {
        for line in &it.fields.basis {
            let scan = scan_line(line);
            if scan.set == CharSet::default() {
                continue; // 只有空白
            }
            let shown = if scan.untidy {
                tidy_cow(line)
            } else {
                Cow::Borrowed(line.as_str())
            };
            // 先比字符集合：绝大多数依据与清单里的片段连字都凑不齐，不必规整、查找。
            let candidates: Vec<&Matcher> =
                matchers.iter().filter(|m| m.may_match(scan.set)).collect();
            let n = if candidates.is_empty() || !scan.changed_by_normalise {
                Cow::Borrowed(line.as_str())
            } else {
                Cow::Owned(normalise(line))
            };
            for r in candidates
                .into_iter()
                .filter(|m| m.matches(&n))
                .map(|m| m.text)
            {
                let (rule, what) = match r.status {
                    RepealedStatus::Repealed => (&BASIS_REPEALED, "已被废止"),
                    RepealedStatus::Revised => (&BASIS_SUPERSEDED, "已经修订"),
                };
                ctx.item(
                    rule,
                    idx,
                    Some(Field::Basis),
                    format!(
                        "{}的公开依据“{shown}”引用的{}{what}，现行文本是{}。请改引现行文本。",
                        item_label(it, idx),
                        r.title,
                        r.replaced_by
                    ),
                    r.suggestion.clone(),
                );
            }
            if let Some(fix) = unquoted_title(&shown) {
                ctx.item(
                    &BASIS_TITLE_UNQUOTED,
                    idx,
                    Some(Field::Basis),
                    format!(
                        "{}的公开依据“{shown}”中的文件名称没有加书名号。请写成《文件名称》。",
                        item_label(it, idx)
                    ),
                    fix,
                );
            }
            let d = if scan.set.may_share(docnum_triggers()) {
                docnum_problems_in(&shown, &mut chars)
            } else {
                DocnumProblems::default()
            };
            if !d.malformed.is_empty() {
                ctx.item(
                    &BASIS_DOCNUM_MALFORMED,
                    idx,
                    Some(Field::Basis),
                    format!(
                        "{}的公开依据“{shown}”中的文号残缺：{}。请对照原文件补全，规范写法如“国办发〔2019〕54号”“国务院令第711号”。",
                        item_label(it, idx),
                        d.malformed.join("；")
                    ),
                    d.malformed_fix,
                );
            }
            if !d.brackets.is_empty() {
                ctx.item(
                    &BASIS_DOCNUM_BRACKETS,
                    idx,
                    Some(Field::Basis),
                    format!(
                        "{}的公开依据“{shown}”中文号的年份用了{}，应使用六角括号〔〕。",
                        item_label(it, idx),
                        d.brackets.join("、")
                    ),
                    d.brackets_fix,
                );
            }
        }
    }
}

/// 文件名称的结尾（法律、法规、规章与规范性文件的常见文种）。
const TITLE_ENDINGS: &[&str] = &[
    "法", "条例", "办法", "规定", "细则", "规则", "意见", "通知", "决定", "规划", "方案", "指引",
    "规程", "准则", "标准", "公告", "决议", "纲要", "目录", "规范",
];

/// 泛指而非具体文件的说法（不要求书名号）。
const GENERIC_STARTS: &[&str] = &[
    "相关",
    "有关",
    "各地",
    "各省",
    "各级",
    "上级",
    "本级",
    "其他",
    "国家和地方",
    "法律法规",
    "政策法规",
    "信息公开规定",
    "政府信息公开规定",
    "政务公开规定",
];
const GENERIC_CONTAINS: &[&str] = &[
    "相关规定",
    "有关规定",
    "相关政策",
    "有关政策",
    "相关法律",
    "有关法律",
    "法律法规",
    "政策法规",
    "规章制度",
    "等规定",
];

/// 没有书名号的文件名称：命中时返回 `Some(建议写法)`（能确定名称边界时给出）。
fn unquoted_title(line: &str) -> Option<Option<String>> {
    if line.contains(['《', '〈', '<', '“']) {
        return None;
    }
    // 效力级别前缀【法律】等原样保留。
    let (prefix, rest) = match line.strip_prefix('【').and_then(|r| r.split_once('】')) {
        Some((rank, rest)) => (format!("【{rank}】"), rest.trim()),
        None => (String::new(), line),
    };
    let (lead, rest) = ["根据", "依据", "按照", "依照"]
        .iter()
        .find_map(|w| rest.strip_prefix(w).map(|r| (*w, r.trim())))
        .unwrap_or(("", rest));
    if GENERIC_STARTS.iter().any(|g| rest.starts_with(g))
        || GENERIC_CONTAINS.iter().any(|g| rest.contains(g))
    {
        return None;
    }
    let cut = rest.find(['（', '(']).unwrap_or(rest.len());
    let (title, tail) = rest.split_at(cut);
    let title_core = title.trim_end_matches(['等', '。', '；', ';', ' ']);
    let trailing = &title[title_core.len()..];
    let long_enough = title_core.chars().count() >= 4;
    let looks_like_title = title_core.starts_with("中华人民共和国")
        || (long_enough && TITLE_ENDINGS.iter().any(|e| title_core.ends_with(e)));
    if !looks_like_title {
        return None;
    }
    let several = title_core.contains(['；', ';', '，', ',']);
    let fix = (!several).then(|| format!("{prefix}{lead}《{title_core}》{trailing}{tail}"));
    Some(fix)
}

/// 一条依据里文号的问题与修正。
#[derive(Debug, Default)]
struct DocnumProblems {
    malformed: Vec<String>,
    /// 全部残缺之处都能确定修法时的整条修正。
    malformed_fix: Option<String>,
    brackets: Vec<String>,
    brackets_fix: Option<String>,
}

fn digits_at(chars: &[char], from: usize) -> usize {
    chars[from.min(chars.len())..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count()
}

#[cfg(test)]
fn docnum_problems(line: &str) -> DocnumProblems {
    docnum_problems_in(line, &mut Vec::new())
}

/// 同 `docnum_problems`；`chars` 是复用的缓冲区。
fn docnum_problems_in(line: &str, chars: &mut Vec<char>) -> DocnumProblems {
    chars.clear();
    chars.extend(line.chars().map(ascii_digit));
    let chars: &[char] = chars;
    let mut out = DocnumProblems::default();
    // 残缺：编辑动作（位置，插入的文字），最后统一应用。
    let mut inserts: Vec<(usize, &str)> = Vec::new();
    let mut unfixable = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '〔' {
            let n = digits_at(chars, i + 1);
            let after = chars.get(i + 1 + n).copied();
            let digits: String = chars[i + 1..i + 1 + n].iter().collect();
            if after == Some('〕') {
                if n != 4 {
                    out.malformed
                        .push(format!("“〔{digits}〕”的年份不是四位数字"));
                    unfixable = true;
                }
            } else if n > 4
                && (digits.starts_with("19") || digits.starts_with("20"))
                && after == Some('号')
            {
                out.malformed
                    .push(format!("“〔{digits}号”缺少右括号“〕”，年份与序号连在一起"));
                inserts.push((i + 5, "〕"));
            } else {
                out.malformed.push(format!("“〔{digits}”缺少右括号“〕”"));
                unfixable = true;
            }
            i += 1 + n;
            continue;
        }
        if c == '〕' {
            // 往前找配对的“〔”（中间只应是数字）。
            let n = chars[..i]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_digit())
                .count();
            let before = i.checked_sub(n + 1).map(|j| chars[j]);
            if before != Some('〔') {
                let digits: String = chars[i - n..i].iter().collect();
                out.malformed.push(format!("“{digits}〕”缺少左括号“〔”"));
                if n == 4 {
                    inserts.push((i - 4, "〔"));
                } else {
                    unfixable = true;
                }
            }
            i += 1;
            continue;
        }
        if c == '令' && chars.get(i + 1).is_some_and(char::is_ascii_digit) {
            let n = digits_at(chars, i + 1);
            if chars.get(i + 1 + n) == Some(&'号') {
                let digits: String = chars[i + 1..i + 1 + n].iter().collect();
                out.malformed.push(format!("“令{digits}号”缺少“第”"));
                inserts.push((i + 1, "第"));
            }
            i += 1 + n;
            continue;
        }
        if let Some(close) = match c {
            '[' => Some(']'),
            '［' => Some('］'),
            '(' => Some(')'),
            '（' => Some('）'),
            '【' => Some('】'),
            _ => None,
        } {
            let preceded_by_issuer = i > 0 && is_cjk(chars[i - 1]);
            let year_ok = digits_at(chars, i + 1) == 4;
            let closed = chars.get(i + 5) == Some(&close);
            let seq = digits_at(chars, i + 6);
            if preceded_by_issuer
                && year_ok
                && closed
                && seq > 0
                && chars.get(i + 6 + seq) == Some(&'号')
            {
                out.brackets.push(format!("“{c}{close}”"));
                i += 6;
                continue;
            }
        }
        i += 1;
    }
    if !out.malformed.is_empty() && !unfixable {
        let mut fixed: Vec<char> = chars.to_vec();
        inserts.sort_by_key(|b| std::cmp::Reverse(b.0));
        for (pos, text) in inserts {
            let at = pos.min(fixed.len());
            fixed.splice(at..at, text.chars());
        }
        out.malformed_fix = Some(fixed.into_iter().collect());
    }
    if !out.brackets.is_empty() {
        out.brackets.dedup();
        out.brackets_fix = Some(fix_brackets(chars));
    }
    out
}

/// 把“发[2019]54号”一类的年份括号换成〔〕。
fn fix_brackets(chars: &[char]) -> String {
    let mut out: Vec<char> = chars.to_vec();
    let mut i = 0;
    while i + 6 < out.len() {
        let close = match out[i] {
            '[' => ']',
            '［' => '］',
            '(' => ')',
            '（' => '）',
            '【' => '】',
            _ => {
                i += 1;
                continue;
            }
        };
        let ok = i > 0
            && is_cjk(out[i - 1])
            && digits_at(&out, i + 1) == 4
            && out[i + 5] == close
            && digits_at(&out, i + 6) > 0;
        if ok {
            out[i] = '〔';
            out[i + 5] = '〕';
            i += 6;
        } else {
            i += 1;
        }
    }
    out.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_list_parses() {
        let list = parse_repealed(BUILTIN_REPEALED).expect("repealed.json");
        assert!(!list.is_empty());
        assert_eq!(builtin_repealed().len(), list.len());
    }

    #[test]
    fn docnums() {
        let d = docnum_problems("《关于…的通知》（税总发〔201744号）");
        assert_eq!(
            d.malformed_fix.as_deref(),
            Some("《关于…的通知》（税总发〔2017〕44号）")
        );
        let d = docnum_problems("建村〔2017192号");
        assert_eq!(d.malformed_fix.as_deref(), Some("建村〔2017〕192号"));
        let d = docnum_problems("国办发2019〕54号");
        assert_eq!(d.malformed_fix.as_deref(), Some("国办发〔2019〕54号"));
        let d = docnum_problems("国务院令711号");
        assert_eq!(d.malformed_fix.as_deref(), Some("国务院令第711号"));
        let d = docnum_problems("国发〔14〕47号");
        assert_eq!(d.malformed.len(), 1);
        assert_eq!(d.malformed_fix, None);
        for ok in [
            "国办发〔2019〕54号",
            "国务院令第711号",
            "（国家发展改革委2017年第10号令）",
            "（2019年修订）",
            "主席令第41号",
        ] {
            let d = docnum_problems(ok);
            assert!(d.malformed.is_empty() && d.brackets.is_empty(), "{ok}");
        }
        let d = docnum_problems("国办发[2019]54号");
        assert_eq!(d.brackets_fix.as_deref(), Some("国办发〔2019〕54号"));
        let d = docnum_problems("建保（2013）178号");
        assert_eq!(d.brackets_fix.as_deref(), Some("建保〔2013〕178号"));
    }

    #[test]
    fn unquoted_titles() {
        assert_eq!(
            unquoted_title("中华人民共和国政府信息公开条例"),
            Some(Some("《中华人民共和国政府信息公开条例》".into()))
        );
        assert_eq!(
            unquoted_title("【行政法规】社会救助暂行办法（国务院令第649号）"),
            Some(Some(
                "【行政法规】《社会救助暂行办法》（国务院令第649号）".into()
            ))
        );
        for ok in [
            "信息公开规定",
            "相关政策规定",
            "各地相关政策法规文件",
            "建设用地审查报批有关规定",
            "各省“七五”普法规划",
            "《社会救助暂行办法》",
            "相关政策文件 (as printed)",
        ] {
            assert_eq!(unquoted_title(ok), None, "{ok}");
        }
    }
}
