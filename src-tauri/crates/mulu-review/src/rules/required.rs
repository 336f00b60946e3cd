//! R101：必填要素为空。

use mulu_core::model::Field;

use super::catalog::REQUIRED_FIELD;
use super::{is_blank, item_label, Ctx};

pub(super) fn check(ctx: &mut Ctx) {
    for (idx, it) in ctx.items().iter().enumerate() {
        let f = it.fields;
        let mut empty: Vec<(Field, &str)> = Vec::new();
        if is_blank(&f.l1) && is_blank(&f.l2) {
            let field = if it.cell(Field::L1).is_some() || it.cell(Field::L2).is_none() {
                Field::L1
            } else {
                Field::L2
            };
            empty.push((
                field,
                "请填写一级事项（和二级事项）；如果这是多余的空行，请删去。",
            ));
        }
        if is_blank(&f.content) && f.elements.iter().all(|e| is_blank(e)) {
            empty.push((
                Field::Content,
                "请列出要公开的要素，例如“救助对象姓名、救助金额、救助时间等”。",
            ));
        }
        if f.basis.iter().all(|b| is_blank(b)) {
            empty.push((
                Field::Basis,
                "请写明公开所依据的法律、法规、规章或规范性文件，例如“《中华人民共和国政府信息公开条例》”。",
            ));
        }
        if is_blank(&f.time_limit) {
            empty.push((
                Field::TimeLimit,
                "请写明公开时限，例如“信息形成或者变更之日起20个工作日内”。",
            ));
        }
        if is_blank(&f.subject) {
            empty.push((
                Field::Subject,
                "请写明负责公开的机关，例如“县级民政部门”“乡镇人民政府（街道办事处）”。",
            ));
        }
        if f.channels.is_empty() {
            empty.push((
                Field::Channels,
                "请勾选至少一个公开渠道和载体，例如“政府网站”。",
            ));
        }
        if empty.is_empty() {
            continue;
        }
        let label = item_label(it, idx);
        for (field, todo) in empty {
            let what = if matches!(field, Field::L1 | Field::L2) {
                "事项名称".to_string()
            } else {
                field.label().to_string()
            };
            ctx.item(
                &REQUIRED_FIELD,
                idx,
                Some(field),
                format!("{label}的{what}为空。{todo}"),
                None,
            );
        }
    }
}
