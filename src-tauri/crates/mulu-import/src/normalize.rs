//! 匹配用的文字规整：繁体转简体（只覆盖表头、领域名与常见事项用字）、去空白、统一括号。
//! 只用于“认出”表头和名称；单元格的原文照录，不做改写。

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
fn simplified(c: char) -> char {
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

/// 去掉拼音注音：`農(nóng)` → `農`。只去括号内全是拉丁字母（含声调）的部分。
pub fn strip_pinyin(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(['(', '（']) {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let open_len = after.chars().next().map_or(1, char::len_utf8);
        let inner = &after[open_len..];
        match inner.find([')', '）']) {
            Some(j)
                if j > 0
                    && inner[..j]
                        .chars()
                        .all(|c| c.is_alphabetic() && !is_cjk(c) || c == ' ') =>
            {
                let close_len = inner[j..].chars().next().map_or(1, char::len_utf8);
                rest = &inner[j + close_len..];
            }
            _ => {
                out.push_str(&after[..open_len]);
                rest = inner;
            }
        }
    }
    out.push_str(rest);
    out
}

pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// 表头/名称比较用的键：繁转简、去拼音、去所有空白（含全角空格、换行）、括号统一为全角、
/// 去掉结尾的冒号。
pub fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    key_into(s, &mut out);
    out
}

/// [`key`]，写进调用方的缓冲区（逐格判断表头时重用一个缓冲，不必每格分配）。
pub fn key_into(s: &str, out: &mut String) {
    out.clear();
    // 读每个单元格都会调用：一次遍历；只有带括号的才先去拼音。
    let without_pinyin;
    let s = if s.contains(['(', '（']) {
        without_pinyin = strip_pinyin(s);
        without_pinyin.as_str()
    } else {
        s
    };
    for c in s.chars() {
        if c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}' {
            continue;
        }
        out.push(match c {
            '(' => '（',
            ')' => '）',
            ':' => '：',
            _ => simplified(c),
        });
    }
    let end = out.trim_end_matches('：').len();
    out.truncate(end);
}

/// 名称比较用的键：在 [`key`] 之外再去掉编号前缀（`1.`、`1.1`、`（一）`、`一、`）。
pub fn name_key(s: &str) -> String {
    let k = key(s);
    strip_numbering(&k).to_string()
}

/// 去掉名称前的编号：`1.`、`1.1.`、`2.1.1`、`（一）`、`一、`、`1、`、`①`（见 [`crate::clean::split_numbering`]）。
pub fn strip_numbering(s: &str) -> &str {
    crate::clean::split_numbering(s).map_or(s.trim_start(), |(_, rest)| rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_traditional_space_and_brackets() {
        assert_eq!(key("公開內容\n(要素)"), "公开内容（要素）");
        assert_eq!(key("公开\u{3000}对象："), "公开对象");
        assert_eq!(key("農(nóng)業"), "农业");
    }

    #[test]
    fn numbering_is_stripped_but_leading_digits_in_names_are_kept() {
        assert_eq!(strip_numbering("1.就业信息服务"), "就业信息服务");
        assert_eq!(strip_numbering("2.1.1 政策文件"), "政策文件");
        assert_eq!(strip_numbering("（二）公共资源交易"), "公共资源交易");
        assert_eq!(strip_numbering("一、社会救助"), "社会救助");
        assert_eq!(strip_numbering("12345政务服务热线"), "12345政务服务热线");
        assert_eq!(strip_numbering("①申请条件"), "申请条件");
    }
}
