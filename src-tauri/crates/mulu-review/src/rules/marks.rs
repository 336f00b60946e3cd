//! R102–R107：公开对象、公开方式、公开层级的勾选。

use std::collections::BTreeMap;

use mulu_core::model::{Audience, Field, Level, Mode, UnitKind};

use super::catalog::{
    AUDIENCE_MARKS, LEVEL_COLUMNS_ABSENT, LEVEL_MISSING, LEVEL_UNIT_CATALOG, LEVEL_UNIT_ITEM,
    MODE_MARKS,
};
use super::{item_label, Ctx};

pub(super) fn check(ctx: &mut Ctx) {
    audience_and_mode(ctx);
    levels(ctx);
}

/// 不同的值有几个（勾选只有两三种，逐个比较即可，不必分配）。
fn distinct<T: PartialEq>(v: &[T]) -> usize {
    v.iter()
        .enumerate()
        .filter(|(i, x)| !v[..*i].contains(x))
        .count()
}

fn audience_and_mode(ctx: &mut Ctx) {
    for (idx, it) in ctx.items().iter().enumerate() {
        let label = || item_label(it, idx);
        let audience = distinct(&it.fields.audience);
        if audience == 0 {
            let hint = match &it.fields.audience_group {
                Some(g) if !g.trim().is_empty() => {
                    format!("已写明面向“{}”，应勾选“特定群体”。", g.trim())
                }
                _ => "请在“全社会”“特定群体”中勾选一项。".to_string(),
            };
            let suggestion = it
                .fields
                .audience_group
                .as_ref()
                .filter(|g| !g.trim().is_empty())
                .map(|_| Audience::SpecificGroup.as_str().to_string());
            ctx.item(
                &AUDIENCE_MARKS,
                idx,
                Some(Field::Audience),
                format!("{}没有勾选公开对象。{hint}", label()),
                suggestion,
            );
        } else if audience > 1 {
            ctx.item(
                &AUDIENCE_MARKS,
                idx,
                Some(Field::Audience),
                format!(
                    "{}的公开对象同时勾选了“全社会”和“特定群体”。请只保留一项：\
                     任何人都可以看到的选“全社会”，只告知申请人、当事人等的选“特定群体”。",
                    label()
                ),
                None,
            );
        }
        let mode = distinct(&it.fields.mode);
        if mode == 0 {
            ctx.item(
                &MODE_MARKS,
                idx,
                Some(Field::Mode),
                format!(
                    "{}没有勾选公开方式。请在“主动”“依申请”中勾选一项。",
                    label()
                ),
                None,
            );
        } else if mode > 1 {
            ctx.item(
                &MODE_MARKS,
                idx,
                Some(Field::Mode),
                format!(
                    "{}的公开方式同时勾选了“{}”和“{}”。请只保留一项：\
                     由机关主动发布的选“主动”，只在收到申请后提供的选“依申请”。",
                    label(),
                    Mode::Proactive,
                    Mode::OnRequest
                ),
                None,
            );
        }
    }
}

/// 层级检查按“表”分组：来自文件时是工作表，来自库时是整份目录。
fn levels(ctx: &mut Ctx) {
    let items = ctx.items();
    if items.is_empty() {
        return;
    }
    if items.iter().all(|it| it.fields.level.is_empty()) {
        let domain = if ctx.c.all_domains().len() == 1 {
            items[0].domain.to_string()
        } else {
            String::new()
        };
        let sheet = items[0]
            .sheet
            .filter(|_| items.iter().all(|i| i.sheet == items[0].sheet));
        ctx.general(
            &LEVEL_COLUMNS_ABSENT,
            &domain,
            sheet,
            "整份目录没有一个事项标了公开层级（表格可能没有“公开层级”列，县级部门的目录常见）。\
             如果本单位的目录要求标明县级、乡级，请补上公开层级列。"
                .to_string(),
            None,
        );
        return;
    }
    let mut groups: BTreeMap<Option<&str>, Vec<usize>> = BTreeMap::new();
    for (idx, it) in items.iter().enumerate() {
        groups.entry(it.sheet).or_default().push(idx);
    }
    for (sheet, idxs) in groups {
        let with_level: Vec<usize> = idxs
            .iter()
            .copied()
            .filter(|&i| !items[i].fields.level.is_empty())
            .collect();
        if with_level.is_empty() {
            ctx.general(
                &LEVEL_COLUMNS_ABSENT,
                items[idxs[0]].domain,
                sheet,
                format!(
                    "工作表“{}”没有一个事项标了公开层级（表格可能没有“公开层级”列），而目录里其他表标了。\
                     请确认这张表是否需要补上公开层级。",
                    sheet.unwrap_or("")
                ),
                None,
            );
            continue;
        }
        for &i in &idxs {
            if items[i].fields.level.is_empty() {
                ctx.item(
                    &LEVEL_MISSING,
                    i,
                    Some(Field::Level),
                    format!(
                        "{}没有标公开层级。请勾选“县级”“乡级”中的一项或两项。",
                        item_label(&items[i], i)
                    ),
                    None,
                );
            }
        }
        unit_fit(ctx, sheet, &with_level);
    }
}

fn unit_fit(ctx: &mut Ctx, sheet: Option<&str>, with_level: &[usize]) {
    let Some(kind) = ctx.c.unit_kind else { return };
    let (own, other, unit) = match kind {
        UnitKind::Township => (Level::Township, Level::County, "乡镇"),
        UnitKind::Subdistrict => (Level::Township, Level::County, "街道"),
        UnitKind::CountyDepartment => (Level::County, Level::Township, "县级部门"),
    };
    let items = ctx.items();
    let wrong: Vec<usize> = with_level
        .iter()
        .copied()
        .filter(|&i| !items[i].fields.level.contains(&own))
        .collect();
    if wrong.is_empty() {
        return;
    }
    if wrong.len() == with_level.len() {
        let where_ = match sheet {
            Some(s) => format!("工作表“{s}”"),
            None => "目录".to_string(),
        };
        ctx.general(
            &LEVEL_UNIT_CATALOG,
            items[wrong[0]].domain,
            sheet,
            format!(
                "这是{unit}的目录，但{where_}里标了层级的 {} 个事项都只标了“{other}”，没有一项标“{own}”。\
                 可能套用了{other}的模板：请把本单位负责公开的事项改标“{own}”。",
                wrong.len()
            ),
            Some(own.as_str().to_string()),
        );
        return;
    }
    for i in wrong {
        ctx.item(
            &LEVEL_UNIT_ITEM,
            i,
            Some(Field::Level),
            format!(
                "这是{unit}的目录，{}却只标了“{other}”公开层级。如果本单位负责公开这一项，请改标“{own}”；\
                 否则考虑从本单位目录中移出。",
                item_label(&items[i], i)
            ),
            Some(own.as_str().to_string()),
        );
    }
}
