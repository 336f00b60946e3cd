//! 由审核结果的 Rust 类型生成 `ui/src/bindings/review.ts`（ts-rs），供界面的审核面板与审核工作台使用。
//! 本模块的测试核对仓库里的文件与类型一致；修改类型后运行 `make generate`
//! （其中一步是 `UPDATE_GENERATED=1 cargo test -p mulu-review --lib codegen`）。

use mulu_core::model::Field;
use ts_rs::Config;

use crate::batch::{AnnotatedFile, BatchProgress, FileCheck, FileFinding};
use crate::desk::{DeskStatus, UnitMatch, UnitStatus, UnitsCheck};
use crate::diff::{CatalogDiff, ChangedEntry, DiffItem, FieldChange};
use crate::portal::{PortalReport, PortalRow};
use crate::powers::{Power, PowerMatch, PowerSuggestion, PowersReport};
use crate::sheet::{SheetGrid, SheetHeader, SheetMerge};
use crate::{Coverage, DomainCoverage, Finding, ItemRef, Report, SeverityCounts};

/// 前端用的审核类型（由 ts-rs 生成）；`Severity` 与 `Field` 来自 `core.ts`。
pub fn typescript_bindings() -> String {
    let cfg = Config::new().with_large_int("number");
    let body = mulu_core::ts_decls!(&cfg;
        ItemRef, Finding, SeverityCounts, DomainCoverage, Coverage, Report, FileFinding, FileCheck,
        AnnotatedFile,
        BatchProgress, DeskStatus, UnitMatch, UnitStatus, UnitsCheck, DiffItem, FieldChange, ChangedEntry,
        CatalogDiff, PortalRow, PortalReport, Power, PowerMatch, PowerSuggestion, PowersReport,
        SheetMerge, SheetHeader, SheetGrid,
    );
    let mut labels = String::from("/** 字段的中文名称（官方表头）。 */\nexport const FIELD_LABELS: Record<Field, string> = {\n");
    for f in Field::ALL {
        // serde 名（如 `time_limit`）就是 TypeScript 里 `Field` 的取值。
        let key = serde_json::to_value(f)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        labels.push_str(&format!("  {key}: '{}',\n", f.label()));
    }
    labels.push_str("}\n");
    format!(
        "// 由 mulu-review 的 Rust 类型生成（ts-rs），请勿手改：运行 `make generate`。\n\n\
         import type {{ Field, ItemFields, Severity, UnitKind }} from './core'\n\n{}\n\n{labels}",
        body.trim_end()
    )
}

#[cfg(test)]
mod tests {
    /// `ui/src/bindings/review.ts` 必须与类型一致；`UPDATE_GENERATED=1` 时改写它。
    #[test]
    fn typescript_bindings_match_types() {
        let want = super::typescript_bindings();
        if let Err(e) = mulu_core::codegen::check_generated("ui/src/bindings/review.ts", &want) {
            panic!("{e}");
        }
    }
}
