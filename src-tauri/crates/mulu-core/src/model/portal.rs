//! 门户栏目：政府网站“政府信息公开专栏”里的栏目，以及目录事项发布在哪个栏目（docs/linkage.md）。
//!
//! 栏目以路径标识，各级名称用 `/` 连接，例如 `政府信息公开/法定主动公开内容/社会救助/最低生活保障`；
//! 上级栏目本身也是一个栏目。

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Item;

/// 生成栏目时默认的上级路径（专栏的常见版式）。
pub const DEFAULT_COLUMN_ROOT: &str = "政府信息公开/法定主动公开内容";

/// 目录的一个门户栏目。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct PortalColumn {
    pub id: i64,
    pub catalog_id: i64,
    /// 栏目路径，各级用 `/` 连接。
    pub path: String,
    /// 栏目的网址（可为空：门户管理员建好栏目后填写）。
    pub url: String,
    /// 在栏目表中的顺序（从 0 起）。
    pub position: i64,
}

impl PortalColumn {
    /// 最后一级的名称。
    pub fn name(&self) -> &str {
        self.path.rsplit('/').next().unwrap_or(&self.path)
    }

    /// 层级（第一级为 1）。
    pub fn depth(&self) -> usize {
        self.path.split('/').count()
    }

    /// 上级栏目的路径（第一级为空）。
    pub fn parent(&self) -> &str {
        self.path.rsplit_once('/').map_or("", |(p, _)| p)
    }
}

/// 事项与栏目的对应。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct ItemColumnLink {
    pub item_id: i64,
    pub column_id: i64,
}

/// 一份目录的栏目表：全部栏目（按顺序）与事项的对应。
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct ColumnTree {
    pub catalog_id: i64,
    pub columns: Vec<PortalColumn>,
    pub links: Vec<ItemColumnLink>,
}

impl ColumnTree {
    /// 事项所在的栏目。
    pub fn column_of(&self, item_id: i64) -> Option<&PortalColumn> {
        let link = self.links.iter().find(|l| l.item_id == item_id)?;
        self.columns.iter().find(|c| c.id == link.column_id)
    }

    /// 直接对应到这个栏目的事项编号。
    pub fn items_of(&self, column_id: i64) -> impl Iterator<Item = i64> + '_ {
        self.links
            .iter()
            .filter(move |l| l.column_id == column_id)
            .map(|l| l.item_id)
    }

    /// 这个栏目或它的下级栏目有没有对应的事项。
    pub fn has_items_below(&self, column: &PortalColumn) -> bool {
        let prefix = format!("{}/", column.path);
        self.columns
            .iter()
            .filter(|c| c.path == column.path || c.path.starts_with(&prefix))
            .any(|c| self.items_of(c.id).next().is_some())
    }
}

/// 栏目生成的结果：新增了几个栏目、为几个事项对应了栏目。
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct ColumnsGenerated {
    pub columns_added: u32,
    pub items_linked: u32,
}

/// 规范栏目路径：`/`、`\`、`>`、`＞`、`》`、`→` 都当作分隔符，各级去掉首尾空白，空的级去掉。
///
/// ```
/// use mulu_core::model::normalize_column_path;
/// assert_eq!(normalize_column_path(" 政府信息公开 > 社会救助/ 低保 "), "政府信息公开/社会救助/低保");
/// assert_eq!(normalize_column_path("//"), "");
/// ```
pub fn normalize_column_path(path: &str) -> String {
    path.split(['/', '\\', '>', '＞', '》', '→', '／'])
        .map(crate::text::tidy)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("/")
}

/// 一个名称作为栏目路径的一级：名称里的 `/` 换成全角“／”，免得被当作分隔符。
pub fn column_segment(name: &str) -> String {
    crate::text::tidy(name).replace(['/', '\\', '>'], "／")
}

/// 专栏的常见版式：`根/领域/一级事项`。按目录的领域顺序与事项顺序给出全部栏目路径（含上级栏目），
/// 以及每个事项应对应的栏目路径（一级事项为空的事项对应到领域栏目）。
pub fn generate_column_paths(
    root: &str,
    domains: &[String],
    items: &[Item],
) -> (Vec<String>, Vec<(i64, String)>) {
    let root = normalize_column_path(root);
    let mut paths: Vec<String> = Vec::new();
    let push = |p: String, paths: &mut Vec<String>| {
        if !p.is_empty() && !paths.contains(&p) {
            paths.push(p);
        }
    };
    let mut acc = String::new();
    for seg in root.split('/').filter(|s| !s.is_empty()) {
        if !acc.is_empty() {
            acc.push('/');
        }
        acc.push_str(seg);
        push(acc.clone(), &mut paths);
    }
    let join = |a: &str, b: &str| {
        if a.is_empty() {
            b.to_string()
        } else {
            format!("{a}/{b}")
        }
    };
    let mut links = Vec::new();
    let mut order: Vec<&String> = domains.iter().collect();
    for it in items {
        if !order.contains(&&it.fields.domain) {
            order.push(&it.fields.domain);
        }
    }
    for domain in order {
        let dpath = join(&root, &column_segment(domain));
        push(dpath.clone(), &mut paths);
        let mut in_domain: Vec<&Item> = items
            .iter()
            .filter(|i| &i.fields.domain == domain)
            .collect();
        in_domain.sort_by_key(|i| i.position);
        for it in in_domain {
            let l1 = column_segment(&it.fields.l1);
            let p = if l1.is_empty() {
                dpath.clone()
            } else {
                join(&dpath, &l1)
            };
            push(p.clone(), &mut paths);
            links.push((it.id, p));
        }
    }
    (paths, links)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ItemFields, Provenance};

    fn item(id: i64, domain: &str, position: i64, l1: &str) -> Item {
        Item {
            id,
            catalog_id: 1,
            position,
            fields: ItemFields {
                domain: domain.into(),
                l1: l1.into(),
                ..Default::default()
            },
            provenance: Provenance::Local,
        }
    }

    #[test]
    fn generated_paths_follow_domains_and_l1() {
        let items = vec![
            item(3, "养老服务", 0, "高龄津贴"),
            item(1, "社会救助", 1, "临时救助"),
            item(2, "社会救助", 0, "最低生活保障"),
            item(4, "社会救助", 2, "最低生活保障"),
            item(5, "社会救助", 3, ""),
            item(6, "社会救助", 4, "A/B 类"),
        ];
        let (paths, links) = generate_column_paths(
            DEFAULT_COLUMN_ROOT,
            &["社会救助".into(), "养老服务".into()],
            &items,
        );
        let r = DEFAULT_COLUMN_ROOT;
        assert_eq!(
            paths,
            vec![
                "政府信息公开".to_string(),
                r.to_string(),
                format!("{r}/社会救助"),
                format!("{r}/社会救助/最低生活保障"),
                format!("{r}/社会救助/临时救助"),
                format!("{r}/社会救助/A／B 类"),
                format!("{r}/养老服务"),
                format!("{r}/养老服务/高龄津贴"),
            ]
        );
        assert!(links.contains(&(4, format!("{r}/社会救助/最低生活保障"))));
        assert!(links.contains(&(5, format!("{r}/社会救助"))));
        assert_eq!(links.len(), 6);
    }

    #[test]
    fn tree_helpers() {
        let col = |id: i64, path: &str| PortalColumn {
            id,
            catalog_id: 1,
            path: path.into(),
            url: String::new(),
            position: id,
        };
        let tree = ColumnTree {
            catalog_id: 1,
            columns: vec![col(1, "a"), col(2, "a/b"), col(3, "a/bc"), col(4, "ab")],
            links: vec![ItemColumnLink {
                item_id: 9,
                column_id: 2,
            }],
        };
        assert!(tree.has_items_below(&tree.columns[0]));
        assert!(!tree.has_items_below(&tree.columns[3]));
        assert!(!tree.has_items_below(&tree.columns[2]));
        assert_eq!(tree.column_of(9).map(|c| c.name()), Some("b"));
        assert_eq!(tree.columns[1].parent(), "a");
        assert_eq!(tree.columns[1].depth(), 2);
    }
}
