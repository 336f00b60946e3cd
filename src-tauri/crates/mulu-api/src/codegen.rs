//! 生成 `ui/src/bindings/api.ts`：用例的请求与结果类型（ts-rs），以及下级一栏的全部写法
//! `LOWER_LEVEL_LABELS`（界面的选项由它给出）。测试 `tests/generated.rs` 核对仓库里的文件，
//! `make generate` 重新生成。

use mulu_export::LowerLevelLabel;
use ts_rs::Config;

use crate::desk::{
    DecidedFinding, DeskRow, DeskView, RecordOutcome, Recorded, RoundComparison, SubmissionSummary,
    SubmissionView,
};
use crate::desk_report::{
    DeskDashboard, DomainStat, LetterWritten, LettersProgress, RuleStat, StaleUnit, StatusCount,
    SummaryWritten,
};
use crate::desk_sheet::{CellMark, SubmissionSheet};
use crate::export::{ExportDone, ExportFormat, ExportOptionsArg};
use crate::guideline::GuidelinePreviewed;
use crate::import::{ImportPreviewed, ImportTarget};
use crate::paste::PastePreview;
use crate::portal::ColumnsFormat;
use crate::portal_check::{CmsMapping, CmsPreview};
use crate::powers::{PowersMapping, PowersPreview};
use crate::search::{FoundCatalog, FoundItem, SearchAll};

/// 前端用的用例类型；`ImportPreview`、`UnitKind` 来自 `core.ts`。
pub fn typescript_bindings() -> String {
    let cfg = Config::new().with_large_int("number");
    let body = mulu_core::ts_decls!(&cfg;
        LowerLevelLabel, ExportFormat, ExportOptionsArg, ExportDone, ImportTarget, ImportPreviewed,
        PastePreview, GuidelinePreviewed, SubmissionSummary, DeskRow, DeskView, DecidedFinding,
        RoundComparison, SubmissionView, Recorded, RecordOutcome, StatusCount, DomainStat, RuleStat,
        StaleUnit, DeskDashboard, SummaryWritten, LetterWritten, LettersProgress, ColumnsFormat, CmsMapping,
        CmsPreview, PowersMapping, PowersPreview, FoundItem, FoundCatalog, SearchAll,
        CellMark, SubmissionSheet,
    );
    let labels = LowerLevelLabel::ALL
        .iter()
        .map(|l| format!("'{l}'"))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "// 由 mulu-api 的 Rust 类型生成（ts-rs），请勿手改：运行 `make generate`。\n\n\
         import type {{ Decision, DeskUnit, GuidelineImportPreview, ImportPreview, ItemFields, Severity, UnitKind }} from './core'\n\
         import type {{ CatalogDiff, DeskStatus, FileCheck, FileFinding, Power, PortalRow, SheetGrid }} from './review'\n\n{}\n\n\
         /** 下级一栏的全部写法（官方表格的顺序）。 */\n\
         export const LOWER_LEVEL_LABELS: LowerLevelLabel[] = [{labels}]\n",
        body.trim_end()
    )
}
