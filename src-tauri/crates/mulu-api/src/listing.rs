//! 读别的系统导出的清单（网站栏目、权责清单）时共用的小件。

/// 各列对应的一句说明，例如“栏目路径=B（栏目全路径）、网址=无”：`cols` 为（栏名，列号），
/// `headers` 为表头行的文字。
pub(crate) fn mapping_text(cols: &[(&str, Option<u32>)], headers: &[String]) -> String {
    cols.iter()
        .map(|(name, c)| match c {
            Some(c) => format!(
                "{name}={}（{}）",
                mulu_core::cellref::format(0, *c).trim_end_matches('1'),
                headers.get(*c as usize).map_or("", |s| s.as_str())
            ),
            None => format!("{name}=无"),
        })
        .collect::<Vec<_>>()
        .join("、")
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_each_column_by_letter_and_header() {
        let headers = vec!["序号".to_string(), "栏目全路径".to_string()];
        assert_eq!(
            super::mapping_text(&[("栏目路径", Some(1)), ("网址", None)], &headers),
            "栏目路径=B（栏目全路径）、网址=无"
        );
    }
}
