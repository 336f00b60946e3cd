//! 匹配用的词汇：导入与审核“认出”同一个名称、同一种“同上”、相近的写法时用的同一套规则。
//!
//! - [`name_key`]：事项名称的比较键（去空白、繁转简、括号与冒号统一为全角、去编号、占位符为空）；
//! - [`is_ditto`]：“同上”一类的写法（`同上`、`同上述`、`同上行`、`同上栏`、`同前`、`〃`）；
//! - [`EditDistance`]：按字计的编辑距离（有上限，超出即停）；
//! - [`is_cjk`]：汉字（基本区、扩展 A–H 区、兼容汉字）；
//! - [`simplified`]：繁体字的简体（只覆盖表头、领域名与常见事项用字）。
//!
//! 只用于“认出”；单元格的原文照录，不做改写。

use std::borrow::Cow;

/// 繁简对照：表头、领域名称与政务公开常用字。
const T2S: &[(char, char)] = &[
    ('開', '开'),
    ('內', '内'),
    ('據', '据'),
    ('時', '时'),
    ('體', '体'),
    ('對', '对'),
    ('層', '层'),
    ('級', '级'),
    ('項', '项'),
    ('務', '务'),
    ('領', '领'),
    ('標', '标'),
    ('準', '准'),
    ('錄', '录'),
    ('載', '载'),
    ('備', '备'),
    ('註', '注'),
    ('區', '区'),
    ('鄉', '乡'),
    ('鎮', '镇'),
    ('縣', '县'),
    ('號', '号'),
    ('權', '权'),
    ('責', '责'),
    ('單', '单'),
    ('請', '请'),
    ('動', '动'),
    ('會', '会'),
    ('眾', '众'),
    ('羣', '群'),
    ('資', '资'),
    ('訊', '讯'),
    ('網', '网'),
    ('報', '报'),
    ('紙', '纸'),
    ('質', '质'),
    ('聽', '听'),
    ('廣', '广'),
    ('電', '电'),
    ('視', '视'),
    ('閱', '阅'),
    ('點', '点'),
    ('戶', '户'),
    ('現', '现'),
    ('場', '场'),
    ('業', '业'),
    ('欄', '栏'),
    ('說', '说'),
    ('編', '编'),
    ('碼', '码'),
    ('門', '门'),
    ('財', '财'),
    ('預', '预'),
    ('決', '决'),
    ('險', '险'),
    ('濟', '济'),
    ('稅', '税'),
    ('費', '费'),
    ('環', '环'),
    ('醫', '医'),
    ('療', '疗'),
    ('衛', '卫'),
    ('規', '规'),
    ('劃', '划'),
    ('審', '审'),
    ('護', '护'),
    ('與', '与'),
    ('學', '学'),
    ('義', '义'),
    ('鄰', '邻'),
    ('農', '农'),
    ('幹', '干'),
    ('災', '灾'),
    ('應', '应'),
    ('養', '养'),
    ('舊', '旧'),
    ('營', '营'),
    ('設', '设'),
    ('計', '计'),
    ('監', '监'),
    ('徵', '征'),
    ('採', '采'),
    ('購', '购'),
    ('書', '书'),
    ('發', '发'),
    ('佈', '布'),
    ('條', '条'),
    ('圍', '围'),
    ('藥', '药'),
    ('產', '产'),
    ('實', '实'),
    ('驗', '验'),
    ('證', '证'),
    ('辦', '办'),
    ('處', '处'),
    ('廳', '厅'),
    ('幣', '币'),
    ('價', '价'),
    ('態', '态'),
    ('執', '执'),
    ('築', '筑'),
    ('檢', '检'),
    ('測', '测'),
    ('緒', '绪'),
    ('統', '统'),
    ('況', '况'),
    ('戰', '战'),
    ('傳', '传'),
    ('專', '专'),
    ('職', '职'),
    ('員', '员'),
    ('練', '练'),
    ('補', '补'),
    ('貼', '贴'),
    ('給', '给'),
    ('額', '额'),
    ('轉', '转'),
    ('們', '们'),
    ('麼', '么'),
    ('爲', '为'),
    ('為', '为'),
    ('於', '于'),
    ('後', '后'),
    ('兒', '儿'),
    ('歲', '岁'),
    ('氣', '气'),
    ('東', '东'),
];

/// 一个字的简体（只换上表中的字，其余照旧）。
pub fn simplified(c: char) -> char {
    // 每个单元格都要比较表头，逐字线性查表曾占读取时间的一半：排好序后二分查找，ASCII 直接跳过。
    static SORTED: std::sync::OnceLock<Vec<(char, char)>> = std::sync::OnceLock::new();
    if c.is_ascii() {
        return c;
    }
    let table = SORTED.get_or_init(|| {
        let mut v = T2S.to_vec();
        v.sort_unstable_by_key(|(t, _)| *t);
        v
    });
    table
        .binary_search_by_key(&c, |(t, _)| *t)
        .map_or(c, |i| table[i].1)
}

/// 汉字：中日韩统一表意文字的基本区、扩展 A 区、扩展 B–F 区（连同兼容汉字补充）、扩展 G–H 区，
/// 以及兼容汉字区（U+F900–U+FAFF）。不含 `〇`（U+3007，属符号区）。
pub fn is_cjk(c: char) -> bool {
    matches!(
        c,
        '\u{3400}'..='\u{4dbf}'
            | '\u{4e00}'..='\u{9fff}'
            | '\u{f900}'..='\u{faff}'
            | '\u{20000}'..='\u{2fa1f}'
            | '\u{30000}'..='\u{323af}'
    )
}

/// [`name_key`] 去掉的空白：Unicode 空白与全角空格、不间断空格。
fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}'
}

/// 比较名称时一个字换成什么（`None`：去掉）。
fn fold(c: char) -> Option<char> {
    if is_space(c) {
        return None;
    }
    Some(match c {
        '(' => '（',
        ')' => '）',
        ':' => '：',
        _ => simplified(c),
    })
}

/// 事项名称的比较键：去掉所有空白，繁体字换成简体，括号、冒号统一为全角，去掉结尾的冒号与
/// 开头的编号（`1.`、`1.1`、`2.1.1`、`1、`、`1）`、`（一）`、`(1)`、`一、`、`①`）；
/// 名称只是占位符（`—`、`/`、`无`）时为空。
/// 导入（配回指引事项、上一版事项）与审核（重复、覆盖、与指引比对）都用它。
/// 名称本来就规整时（绝大多数）借用原文的一段，不复制。
pub fn name_key(s: &str) -> Cow<'_, str> {
    let folded: Cow<'_, str> = if s.chars().all(|c| fold(c) == Some(c)) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().filter_map(fold).collect())
    };
    let end = folded.trim_end_matches('：').len();
    let start = name_key_start(&folded[..end]);
    match folded {
        _ if start == usize::MAX => Cow::Borrowed(""),
        Cow::Borrowed(b) => Cow::Borrowed(&b[start..end]),
        Cow::Owned(o) => Cow::Owned(o[start..end].to_string()),
    }
}

/// 已规整的名称 `s` 里，名称键从哪个字节开始；整个名称只是占位符时为 `usize::MAX`。
fn name_key_start(s: &str) -> usize {
    let mut rest: &str = s;
    // ①…⑳、⑴…⒇、⒈…⒛
    if let Some(c) = rest
        .chars()
        .next()
        .filter(|c| matches!(*c as u32, 0x2460..=0x249B))
    {
        if rest.len() > c.len_utf8() {
            rest = &rest[c.len_utf8()..];
        }
    }
    // （一） / （1）（半角括号已换成全角）
    if let Some(r) = rest.strip_prefix('（') {
        if let Some(end) = r.find('）') {
            let inner = &r[..end];
            if !inner.is_empty() && inner.chars().all(is_numeral) && r.len() > end + '）'.len_utf8()
            {
                rest = &r[end + '）'.len_utf8()..];
            }
        }
    }
    // 1. / 1.1 / 2.1.1 / 一、 / 1、 / 1）
    let numbered = rest
        .char_indices()
        .take_while(|(_, c)| is_numeral(*c) || matches!(c, '.' | '．' | '、'))
        .last()
        .map(|(i, c)| i + c.len_utf8());
    if let Some(end) = numbered {
        let head = &rest[..end];
        let tail = &rest[end..];
        if !tail.is_empty() && (head.ends_with(['.', '．', '、']) || head.contains('.')) {
            rest = tail;
        } else if let Some(t) = tail.strip_prefix('）') {
            if !t.is_empty() && head.chars().all(is_numeral) {
                rest = t;
            }
        }
    }
    // 指引原件里“—”“/”之类的占位符表示没有这一级名称。
    if rest
        .chars()
        .all(|c| matches!(c, '—' | '－' | '-' | '/' | '／' | '–' | '无'))
    {
        return usize::MAX;
    }
    s.len() - rest.len()
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || "一二三四五六七八九十".contains(c)
}

/// “同上”一类的写法（去掉空白与结尾的句号、冒号后比较）。
pub const DITTO: &[&str] = &["同上", "同上述", "同上行", "同上栏", "同前", "〃"];

/// 单元格（或字段）写的是“同上”一类（[`DITTO`]）：导入时换成上一行的值，审核时指出没有还原。
pub fn is_ditto(s: &str) -> bool {
    // 绝大多数文字不以“同”“〃”开头，也不长：不必去空白。
    let head = s.trim_start_matches(is_space);
    if s.len() > 32 || !head.starts_with(['同', '〃']) {
        return false;
    }
    let squeezed: String = head.chars().filter(|c| !is_space(*c)).collect();
    DITTO.contains(&squeezed.trim_end_matches(['。', '.', '：', ':']))
}

/// 按字符计的编辑距离（Levenshtein），只关心不超过某个上限的距离。
/// 两行的缓冲区留着复用：名称要与领域里的每个指引事项比较，每次都分配太浪费。
#[derive(Default)]
pub struct EditDistance {
    prev: Vec<usize>,
    cur: Vec<usize>,
}

impl EditDistance {
    /// `a` 与 `b` 的编辑距离；超过 `limit` 时为 `None`。
    ///
    /// 只算对角线两侧 `limit` 格之内（之外的格子距离必然超过上限），
    /// 某一行全部超过上限时提前结束。
    pub fn within(&mut self, a: &[char], b: &[char], limit: usize) -> Option<usize> {
        if a.len().abs_diff(b.len()) > limit {
            return None;
        }
        let over = limit + 1;
        let (prev, cur) = (&mut self.prev, &mut self.cur);
        prev.clear();
        prev.extend((0..=b.len()).map(|j| j.min(over)));
        cur.clear();
        cur.resize(b.len() + 1, over);
        for (i, ca) in a.iter().enumerate() {
            let i = i + 1;
            let lo = i.saturating_sub(limit).max(1);
            let hi = (i + limit).min(b.len());
            // 带子左边一格：第 0 列是 i，更左的视为超过上限。
            cur[lo - 1] = if lo == 1 { i.min(over) } else { over };
            let mut row_min = cur[lo - 1];
            for j in lo..=hi {
                let sub = prev[j - 1] + usize::from(*ca != b[j - 1]);
                let d = sub.min(prev[j] + 1).min(cur[j - 1] + 1).min(over);
                cur[j] = d;
                row_min = row_min.min(d);
            }
            // 带子右边一格：下一行会读到它。
            if hi < b.len() {
                cur[hi + 1] = over;
            }
            if row_min > limit {
                return None;
            }
            std::mem::swap(prev, cur);
        }
        let d = prev[b.len()];
        (d <= limit).then_some(d)
    }

    /// [`within`](Self::within)，参数是文字。
    pub fn within_str(&mut self, a: &str, b: &str, limit: usize) -> Option<usize> {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        self.within(&a, &b, limit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 不设上限的编辑距离（对照用）。
    fn levenshtein(a: &str, b: &str) -> usize {
        let b: Vec<char> = b.chars().collect();
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        let mut cur = vec![0; b.len() + 1];
        for (i, ca) in a.chars().enumerate() {
            cur[0] = i + 1;
            for (j, cb) in b.iter().enumerate() {
                let sub = prev[j] + usize::from(ca != *cb);
                cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
            }
            std::mem::swap(&mut prev, &mut cur);
        }
        prev[b.len()]
    }

    #[test]
    fn edit_distance_counts_chars() {
        let mut ed = EditDistance::default();
        assert_eq!(ed.within_str("政府网站", "政府网站", 2), Some(0));
        assert_eq!(ed.within_str("政府网占", "政府网站", 1), Some(1));
        assert_eq!(ed.within_str("两微一段", "两微一端", 2), Some(1));
        assert_eq!(ed.within_str("", "abc", 3), Some(3));
        assert_eq!(ed.within_str("", "abc", 2), None);
        assert_eq!(ed.within_str("kitten", "sitting", 3), Some(3));
        assert_eq!(ed.within_str("kitten", "sitting", 2), None);
    }

    #[test]
    fn bounded_distance_agrees_with_the_full_one() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "acb",
            "abcd",
            "bcda",
            "kitten",
            "sitting",
            "政府网站",
            "政府网占",
            "政府网站群",
            "网站政府",
            "两微一端",
            "临时救助/审批结果",
            "临时救助/审核结果",
            "临时求助/审批结果",
            "aaaa",
            "aaab",
            "baaa",
            "abab",
            "xyzxyz",
        ];
        let mut ed = EditDistance::default();
        for a in words {
            for b in words {
                let full = levenshtein(a, b);
                for limit in 0..6 {
                    let want = (full <= limit).then_some(full);
                    assert_eq!(ed.within_str(a, b, limit), want, "{a} {b} {limit}");
                }
            }
        }
    }

    #[test]
    fn name_keys_drop_space_numbering_and_placeholders() {
        for (name, key) in [
            ("1.就业信息服务", "就业信息服务"),
            ("2.1.1 企业职工参保", "企业职工参保"),
            ("（一）政策文件", "政策文件"),
            ("(二)公共资源交易", "公共资源交易"),
            ("一、政策文件", "政策文件"),
            ("1、政策文件", "政策文件"),
            ("①申请条件", "申请条件"),
            ("12345热线", "12345热线"),
            ("12345政务服务热线", "12345政务服务热线"),
            ("结 果", "结果"),
            ("—", ""),
            ("／", ""),
            ("无", ""),
            ("", ""),
        ] {
            assert_eq!(name_key(name), key, "{name}");
        }
        assert!(matches!(name_key("就业信息服务"), Cow::Borrowed(_)));
        assert!(matches!(name_key("1.就业信息服务"), Cow::Borrowed(_)));
    }

    /// 导入与审核以前各有一个名称键，下面是两者不一致、现在统一了的写法。
    #[test]
    fn name_keys_fold_what_either_old_key_folded() {
        // 以前只有导入的键：繁转简、半角括号与冒号换成全角、去掉结尾的冒号。
        assert_eq!(name_key("公開內容"), "公开内容");
        assert_eq!(name_key("临时救助(审批)"), name_key("临时救助（审批）"));
        assert_eq!(name_key("社会救助："), "社会救助");
        assert_eq!(name_key("社会救助:"), "社会救助");
        assert_eq!(name_key("1）政策文件"), "政策文件");
        // 以前只有审核的键：占位符为空、全角数字的编号。
        assert_eq!(name_key("－"), "");
        assert_eq!(name_key("１．政策文件"), "政策文件");
        // 编号后没有名称时不算编号。
        assert_eq!(name_key("（一）"), "（一）");
        assert_eq!(name_key("①"), "①");
    }

    #[test]
    fn ditto_is_the_union_of_both_old_lists() {
        for s in [
            "同上",
            "同上。",
            " 同 上。",
            "\u{3000}同上栏",
            "同上述",
            "同上行",
            "同前",
            "〃",
            " 〃 ",
            "同上：",
        ] {
            assert!(is_ditto(s), "{s:?}");
        }
        for s in ["同意", "上同", "同上级部门", "", "〃〃〃〃〃〃〃〃〃〃〃〃"]
        {
            assert!(!is_ditto(s), "{s:?}");
        }
    }

    #[test]
    fn cjk_covers_extension_a_and_compatibility_ideographs() {
        for c in ['政', '一', '龥', '㐀', '䶵', '豈', '鶴', '𠀀', '𪜀', '𰀀'] {
            assert!(is_cjk(c), "{c} U+{:04X}", c as u32);
        }
        for c in ['a', '〇', '、', '（', 'ā', 'ぁ', '가', '①'] {
            assert!(!is_cjk(c), "{c} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn simplified_only_maps_listed_traditional_chars() {
        assert_eq!(simplified('開'), '开');
        assert_eq!(simplified('开'), '开');
        assert_eq!(simplified('a'), 'a');
    }
}
