//! 审核的输入：与来源无关的目录视图。库里的目录与导入预览都转成 [`CatalogUnderReview`]。

use mulu_core::text::squeeze_cow;
use std::collections::BTreeMap;

use crate::rules::{builtin_repealed, RepealedText};
use crate::ReviewError;
use mulu_core::guideline::GuidelineDomain;
use mulu_core::model::{
    Catalog, Field, ImportPreview, Item, ItemFields, NotApplicable, PreviewItem, Provenance, Unit,
    UnitKind, Withheld,
};
use mulu_core::store::{Store, StoreError};

/// 被审核的一个事项：内容，以及（来自文件时）它的位置。
#[derive(Debug, Clone, Copy)]
pub struct ReviewItem<'a> {
    /// 所属领域（预览里取工作表识别出的领域）。
    pub domain: &'a str,
    pub fields: &'a ItemFields,
    /// 库里事项的编号。
    pub id: Option<i64>,
    pub provenance: Option<&'a Provenance>,
    /// 所在工作表与行号（来自文件时）。
    pub sheet: Option<&'a str>,
    pub row: Option<u32>,
    /// 各字段所在的单元格（来自文件时），例如 `{time_limit: "F12"}`。
    pub cells: Option<&'a BTreeMap<Field, String>>,
}

impl<'a> ReviewItem<'a> {
    /// 只有内容的事项（领域取 `fields.domain`）。
    pub fn new(fields: &'a ItemFields) -> Self {
        ReviewItem {
            domain: &fields.domain,
            fields,
            id: None,
            provenance: None,
            sheet: None,
            row: None,
            cells: None,
        }
    }

    /// 库里的事项。
    pub fn from_item(item: &'a Item) -> Self {
        ReviewItem {
            id: Some(item.id),
            provenance: Some(&item.provenance),
            ..ReviewItem::new(&item.fields)
        }
    }

    /// 预览里的事项；`domain` 为工作表识别出的领域（认不出时传事项自己的领域或空串）。
    pub fn from_preview(domain: &'a str, item: &'a PreviewItem) -> Self {
        ReviewItem {
            domain,
            fields: &item.fields,
            id: item.id,
            provenance: item.provenance.as_ref(),
            sheet: Some(&item.sheet),
            row: Some(item.row),
            cells: Some(&item.cells),
        }
    }

    /// 字段所在的单元格，例如 `F12`。
    pub fn cell(&self, field: Field) -> Option<&'a str> {
        self.cells.and_then(|c| c.get(&field)).map(String::as_str)
    }

    /// 采用自哪个指引事项。
    pub fn guideline_id(&self) -> Option<&'a str> {
        match self.provenance {
            Some(Provenance::Guideline {
                guideline_item_id, ..
            }) => Some(guideline_item_id),
            _ => None,
        }
    }
}

/// 被审核的目录：来自库或来自导入预览，规则只看这个视图。
#[derive(Debug, Clone)]
pub struct CatalogUnderReview<'a> {
    /// 编制单位的类别（判断公开层级是否相符用）；不知道时为空，相关规则不检查。
    pub unit_kind: Option<UnitKind>,
    /// 目录涵盖的领域（覆盖率检查用）；事项所属的领域会自动算进来。
    pub domains: Vec<String>,
    pub items: Vec<ReviewItem<'a>>,
    pub withheld: &'a [Withheld],
    pub not_applicable: &'a [NotApplicable],
    /// 标准指引（通常为 [`mulu_core::guideline::builtin_domains`] 或库里的当前版本）。
    pub guidelines: &'a [GuidelineDomain],
    /// 已废止文件清单；默认为内置的 [`builtin_repealed`]。
    pub repealed: &'a [RepealedText],
}

impl<'a> CatalogUnderReview<'a> {
    /// 由事项内容构造（测试、编辑器里即时检查用）。
    pub fn from_fields(items: &'a [ItemFields], guidelines: &'a [GuidelineDomain]) -> Self {
        CatalogUnderReview {
            unit_kind: None,
            domains: Vec::new(),
            items: items.iter().map(ReviewItem::new).collect(),
            withheld: &[],
            not_applicable: &[],
            guidelines,
            repealed: builtin_repealed(),
        }
    }

    /// 由导入预览构造：事项带着工作表、行号与单元格；本程序导出的工作簿还带回单位类别、
    /// 不予公开事项与不涉及标记。其他文件的单位类别由标题里的单位名猜（以“镇”“乡”结尾为乡镇，
    /// 含“街道”为街道，以“局”“委”“办”等结尾为县级部门），猜不出为空；可用
    /// [`with_unit_kind`](Self::with_unit_kind) 指定。
    pub fn from_preview(preview: &'a ImportPreview, guidelines: &'a [GuidelineDomain]) -> Self {
        let mut items = Vec::with_capacity(preview.item_count());
        let mut domains: Vec<String> = Vec::new();
        for sheet in &preview.sheets {
            if let Some(d) = &sheet.domain {
                if !domains.contains(d) {
                    domains.push(d.clone());
                }
            }
            for it in &sheet.items {
                let domain = sheet.domain.as_deref().unwrap_or(&it.fields.domain);
                items.push(ReviewItem::from_preview(domain, it));
            }
        }
        let (unit_kind, withheld, not_applicable): (_, &'a [Withheld], &'a [NotApplicable]) =
            match &preview.origin {
                Some(o) => {
                    for d in &o.catalog.domains {
                        if !domains.contains(d) {
                            domains.push(d.clone());
                        }
                    }
                    (Some(o.unit.kind), &o.withheld, &o.not_applicable)
                }
                None => (
                    preview.unit_hint.as_deref().and_then(guess_unit_kind),
                    &[],
                    &[],
                ),
            };
        CatalogUnderReview {
            unit_kind,
            domains,
            items,
            withheld,
            not_applicable,
            guidelines,
            repealed: builtin_repealed(),
        }
    }

    /// 指定编制单位的类别。
    pub fn with_unit_kind(mut self, kind: Option<UnitKind>) -> Self {
        self.unit_kind = kind;
        self
    }

    /// 换用另一份已废止文件清单（例如用户用 [`parse_repealed`](crate::parse_repealed) 读入的文件）。
    pub fn with_repealed(mut self, repealed: &'a [RepealedText]) -> Self {
        self.repealed = repealed;
        self
    }

    /// 领域名（或别名）对应的指引。
    pub fn guideline(&self, domain: &str) -> Option<&'a GuidelineDomain> {
        let d = squeeze_cow(domain);
        if d.is_empty() {
            return None;
        }
        self.guidelines.iter().find(|g| g.name == *d).or_else(|| {
            self.guidelines
                .iter()
                .find(|g| g.aliases.iter().any(|a| *a == *d))
        })
    }

    /// 目录涉及的全部领域：`domains` 加上事项所属的领域，按出现顺序、去重。
    pub fn all_domains(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        let names = self
            .domains
            .iter()
            .map(String::as_str)
            .chain(self.items.iter().map(|i| i.domain));
        let mut last = None;
        for d in names {
            // 相邻事项多属同一领域：与上一个相同时不必再查重。
            if last == Some(d) {
                continue;
            }
            last = Some(d);
            if !d.trim().is_empty() && !out.contains(&d) {
                out.push(d);
            }
        }
        out
    }
}

/// 由单位名称猜单位类别（见 [`UnitKind::guess`]）。
pub fn guess_unit_kind(name: &str) -> Option<UnitKind> {
    UnitKind::guess(name)
}

/// 从库里读出的一份目录（拥有数据），用 [`review`](Self::review) 得到审核视图。
#[derive(Debug, Clone)]
pub struct StoredCatalog {
    pub unit: Unit,
    pub catalog: Catalog,
    pub items: Vec<Item>,
    pub withheld: Vec<Withheld>,
    pub not_applicable: Vec<NotApplicable>,
    /// 目录所涉领域在库里的当前版本指引（库里没有的领域不在其中）。
    pub guidelines: Vec<GuidelineDomain>,
}

impl StoredCatalog {
    /// 读出目录、单位、事项、不予公开事项、不涉及标记，以及所涉领域的当前指引。
    pub fn load(store: &Store, catalog_id: i64) -> Result<Self, ReviewError> {
        let catalog = store.get_catalog(catalog_id)?;
        let unit = store.get_unit(catalog.unit_id)?;
        let items = store.list_items(catalog_id)?;
        let withheld = store.list_withheld(catalog_id)?;
        let not_applicable = store.list_not_applicable(catalog_id)?;
        let mut names: Vec<&str> = catalog.domains.iter().map(String::as_str).collect();
        for it in &items {
            if !names.contains(&it.fields.domain.as_str()) {
                names.push(&it.fields.domain);
            }
        }
        let mut guidelines: Vec<GuidelineDomain> = Vec::new();
        for name in names {
            match store.guideline_domain(name, None) {
                Ok(g) => {
                    if !guidelines.iter().any(|x| x.name == g.name) {
                        guidelines.push(g);
                    }
                }
                Err(StoreError::NotFound { .. } | StoreError::UnknownDomain(_)) => {}
                Err(e) => return Err(e.into()),
            }
        }
        Ok(StoredCatalog {
            unit,
            catalog,
            items,
            withheld,
            not_applicable,
            guidelines,
        })
    }

    /// 审核视图。
    pub fn review(&self) -> CatalogUnderReview<'_> {
        CatalogUnderReview {
            unit_kind: Some(self.unit.kind),
            domains: self.catalog.domains.clone(),
            items: self.items.iter().map(ReviewItem::from_item).collect(),
            withheld: &self.withheld,
            not_applicable: &self.not_applicable,
            guidelines: &self.guidelines,
            repealed: builtin_repealed(),
        }
    }
}
