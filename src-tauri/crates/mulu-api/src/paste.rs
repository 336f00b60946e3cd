//! 粘贴：从 Excel/WPS 复制的行（剪贴板文字）按读工作簿的同一个读取器读成事项（表头识别、“同上”、
//! 文字规整与读工作簿相同，见 [`mulu_import::read_pasted`]），作为目标领域的本级特色事项预览。

use mulu_core::model::{Audience, DiagnosticCode, ItemFields, Mode, Severity, StandardCarrier};
use mulu_core::store::Store;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::import::read_options;
use crate::{ApiError, Result};

/// 新的本级特色事项在没有这一栏时的公开时限（与界面新增事项相同）。
pub const DEFAULT_TIME_LIMIT: &str = "信息形成或者变更之日起20个工作日内";

/// 粘贴的预览：要加入的事项，以及读的时候的提示（按粘贴的行号）。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PastePreview {
    pub items: Vec<ItemFields>,
    pub warnings: Vec<String>,
}

/// 剪贴板文字 → `domain` 领域的事项（不写数据库）。粘贴里没有的公开时限、渠道、对象、方式取新增
/// 本级特色事项的缺省值。
pub fn preview(store: &Store, text: &str, domain: &str) -> Result<PastePreview> {
    if domain.trim().is_empty() {
        return Err(ApiError::Invalid("请先选择要粘贴到的领域。".into()));
    }
    let opts = read_options(store, Some(domain))?;
    let (sheet, header_added) = mulu_import::read_pasted(text, &opts);
    let shift = u32::from(header_added);
    let mut items: Vec<ItemFields> = sheet.items.into_iter().map(|i| i.fields).collect();
    fill_l1_down(&mut items);
    let items = items.into_iter().map(with_local_defaults).collect();
    let warnings = sheet
        .diagnostics
        .iter()
        // 只复制了几栏是粘贴的常态：没复制的栏取缺省值或留空（对话框里说明），不逐栏提示。
        .filter(|d| d.severity != Severity::Info && d.code != DiagnosticCode::MissingColumn)
        .map(|d| match d.cell.as_deref().and_then(row_of) {
            Some(r) => format!("第{}行：{}", r.saturating_sub(shift), d.message),
            None => d.message.clone(),
        })
        .collect();
    Ok(PastePreview { items, warnings })
}

/// 复制合并单元格时，剪贴板里只有第一行有一级事项：有二级事项而一级事项空着的行沿用上一行的。
fn fill_l1_down(items: &mut [ItemFields]) {
    for i in 1..items.len() {
        if items[i].l1.trim().is_empty() && !items[i].l2.trim().is_empty() {
            let above = items[i - 1].l1.clone();
            items[i].l1 = above;
        }
    }
}

fn with_local_defaults(mut f: ItemFields) -> ItemFields {
    if f.time_limit.is_empty() {
        f.time_limit = DEFAULT_TIME_LIMIT.into();
    }
    if f.channels.standard.is_empty() && f.channels.extra.is_empty() {
        f.channels.standard = vec![StandardCarrier::GovWebsite];
    }
    if f.audience.is_empty() {
        f.audience = vec![Audience::Public];
    }
    if f.mode.is_empty() {
        f.mode = vec![Mode::Proactive];
    }
    f
}

/// `H12` → 12。
fn row_of(cell: &str) -> Option<u32> {
    cell.trim_start_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_become_local_items_of_the_target_domain() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(&dir.path().join("mulu.db")).unwrap();
        let text =
            "救助管理\t临时救助申请\t申请条件\t《社会救助暂行办法》\t20个工作日内\t镇民政办\n\
                    救助管理\t救助结果公示\t救助对象\t\t\t镇民政办";
        let p = preview(&s, text, "就业").unwrap();
        assert_eq!(p.items.len(), 2);
        assert!(p.items.iter().all(|f| f.domain == "就业"));
        assert_eq!(p.items[0].time_limit, "20个工作日内");
        assert_eq!(p.items[1].time_limit, DEFAULT_TIME_LIMIT);
        assert_eq!(p.items[1].audience, vec![Audience::Public]);
        assert!(preview(&s, text, " ").is_err());
        // 复制合并的一级事项：下面的行空着，沿用上一行；没复制的栏不逐栏提示。
        let merged = "一级事项\t二级事项\t公开时限\n临时救助\t急难型临时救助\t20个工作日内\n\t支出型临时救助\t20个工作日内";
        let p = preview(&s, merged, "社会救助").unwrap();
        assert_eq!(p.items.len(), 2);
        assert_eq!(p.items[1].l1, "临时救助");
        assert!(p.warnings.is_empty(), "{:?}", p.warnings);
        assert!(preview(&s, "一级事项\t二级事项\t公开时限", "就业")
            .unwrap()
            .items
            .is_empty());
    }
}
