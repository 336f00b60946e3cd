//! 工作表名称：Excel 限 31 个字符，不得含 `[]:*?/\`，不区分大小写地唯一。

use std::collections::HashSet;

#[derive(Default)]
pub struct SheetNames {
    used: HashSet<String>,
}

impl SheetNames {
    pub fn reserve(&mut self, name: &str) {
        self.used.insert(name.to_lowercase());
    }

    /// 由领域名得到合法且不重复的表名（重名时加“(2)”等）。
    pub fn unique(&mut self, wanted: &str) -> String {
        let base: String = wanted
            .chars()
            .map(|c| {
                if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') {
                    '_'
                } else {
                    c
                }
            })
            .collect::<String>()
            .trim_matches('\'')
            .chars()
            .take(31)
            .collect();
        let base = if base.trim().is_empty() {
            "领域".to_string()
        } else {
            base
        };
        let mut name = base.clone();
        let mut n = 2;
        while self.used.contains(&name.to_lowercase()) {
            let suffix = format!("({n})");
            name = base
                .chars()
                .take(31 - suffix.chars().count())
                .collect::<String>()
                + &suffix;
            n += 1;
        }
        self.used.insert(name.to_lowercase());
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_legal_and_unique() {
        let mut n = SheetNames::default();
        n.reserve("封面");
        assert_eq!(n.unique("社会救助"), "社会救助");
        assert_eq!(n.unique("社会救助"), "社会救助(2)");
        assert_eq!(n.unique("封面"), "封面(2)");
        assert_eq!(n.unique("a/b:c"), "a_b_c");
        assert_eq!(n.unique(&"长".repeat(40)).chars().count(), 31);
    }
}
