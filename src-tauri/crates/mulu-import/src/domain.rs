//! 认领域：从工作表名、标题行或分节标题里找已知领域的名称或别名。

use crate::normalize::{key, strip_numbering};
use crate::options::KnownDomain;

/// 在文字里找已知领域，取最长的匹配（“公共资源交易”优先于“公共资源”）。
/// 返回领域名与它在规整后文字里的起点（用来截出前面的单位名）。
pub fn find<'a>(text: &str, known: &'a [KnownDomain]) -> Option<(&'a str, String)> {
    let k = key(text);
    let k = strip_numbering(&k).to_string();
    let mut best: Option<(&str, usize, usize)> = None;
    for d in known {
        for name in std::iter::once(&d.name).chain(&d.aliases) {
            let nk = key(name);
            if nk.is_empty() {
                continue;
            }
            if let Some(pos) = k.find(&nk) {
                if best.is_none_or(|(_, len, _)| nk.len() > len) {
                    best = Some((&d.name, nk.len(), pos));
                }
            }
        }
    }
    best.map(|(name, _, pos)| (name, k[..pos].to_string()))
}

/// 标题里领域名前面的部分当作单位名（`某某县某某镇社会救助领域…` → `某某县某某镇`）。
pub fn unit_from_title(text: &str, known: &[KnownDomain]) -> Option<String> {
    let (_, before) = find(text, known)?;
    let before =
        before.trim_matches(|c: char| c.is_whitespace() || matches!(c, '（' | '）' | '、'));
    (before.chars().count() >= 2).then(|| before.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> Vec<KnownDomain> {
        vec![
            KnownDomain::new("社会救助"),
            KnownDomain::new("公共资源交易"),
            KnownDomain {
                name: "就业".into(),
                aliases: vec!["就业服务".into()],
            },
        ]
    }

    #[test]
    fn finds_in_titles_headings_and_sheet_names() {
        let k = known();
        assert_eq!(find("社会救助", &k).map(|x| x.0), Some("社会救助"));
        assert_eq!(
            find("（二）公共资源交易领域基层政务公开标准目录", &k).map(|x| x.0),
            Some("公共资源交易")
        );
        assert_eq!(find("Sheet1", &k), None);
        assert_eq!(
            unit_from_title("某某县某某镇社会救助领域基层政务公开标准目录", &k).as_deref(),
            Some("某某县某某镇")
        );
        assert_eq!(unit_from_title("社会救助领域", &k), None);
    }
}
