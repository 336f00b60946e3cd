//! 由 Rust 类型生成的文件：`schemas/catalog.schema.json`、`schemas/guideline.schema.json`
//! 与 `ui/src/bindings/core.ts`。测试 `tests/generated.rs` 核对仓库里的文件与类型一致；
//! 修改类型后运行 `make generate`（即 `UPDATE_GENERATED=1 cargo test -p mulu-core --test generated`）。

use ts_rs::Config;

use crate::guideline::{
    AdoptOutcome, CarrierRequirement, DataStatus, DomainLoad, GuidelineCarrier, GuidelineDomain,
    GuidelineDomainSummary, GuidelineImportPreview, GuidelineItem, LibraryLoad, LoadAction,
    NationalSize, PackPreview,
};
use crate::model::*;
use crate::store::{
    BackupInfo, BackupKind, Change, ChangeOp, ChangeSet, HistoryEntity, SearchHit, UndoOutcome,
};

fn schema_text<T: schemars::JsonSchema>() -> String {
    let schema = schemars::schema_for!(T);
    // schema_for! 生成的值总能序列化（只含字符串、数字与对象）。
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}

/// 一份目录的 JSON（[`CatalogExport`]）的 JSON Schema。
pub fn catalog_schema() -> String {
    schema_text::<CatalogExport>()
}

/// 一个领域的标准指引文件（[`GuidelineDomain`]）的 JSON Schema。
pub fn guideline_schema() -> String {
    schema_text::<GuidelineDomain>()
}

/// 把几个类型的 ts-rs 声明拼成一个 TypeScript 文件的正文（`export type …`，空行分隔）。
/// mulu-review 生成 `review.ts` 时也用它。
#[macro_export]
macro_rules! ts_decls {
    ($cfg:expr; $($t:ty),+ $(,)?) => {{
        let mut out = String::new();
        $(
            out.push_str("export ");
            out.push_str(&<$t as ::ts_rs::TS>::decl($cfg));
            out.push_str("\n\n");
        )+
        out
    }};
}

/// 前端用的 TypeScript 类型（由 ts-rs 生成）。
pub fn typescript_bindings() -> String {
    let cfg = Config::new().with_large_int("number");
    let body = crate::ts_decls!(&cfg;
        Audience, Mode, Level, StandardCarrier, Channels, UnitKind, Unit, NewUnit, ListedUnit, DeskUnit, Verdict, Decision,
        CatalogStatus, Catalog, CatalogSummary, NewCatalog, CatalogExport, Provenance, ItemFields, Item,
        WithholdGround, Withheld, NotApplicable, DataStatus, CarrierRequirement, GuidelineCarrier,
        GuidelineItem, GuidelineDomain, NationalSize, GuidelineDomainSummary, SearchHit,
        Severity, Field, DiagnosticCode, Diagnostic, PreviewItem, PreviewSheet, ImportPreview, PreviewOrigin,
        ImportPlan, PlannedItem, ChangedItem, BackupKind, BackupInfo, LoadAction, DomainLoad, LibraryLoad,
        GuidelineImportPreview, PackPreview, AdoptOutcome, PortalColumn, ItemColumnLink, ColumnTree,
        ColumnsGenerated, HistoryEntity, ChangeOp, Change, ChangeSet, UndoOutcome,
    );
    format!(
        "// 由 mulu-core 的 Rust 类型生成（ts-rs），请勿手改：运行 `make generate`。\n\n{}",
        body.trim_end()
    ) + "\n"
}

/// 测试用：仓库里生成的文件 `rel`（相对仓库根）与 `want` 不一致时返回说明；设了环境变量
/// `UPDATE_GENERATED` 时改写它（`make generate`）。core、review、api 三处生成的文件都用它核对。
pub fn check_generated(rel: &str, want: &str) -> Result<(), String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../..")
        .join(rel);
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{rel}：{e}"))?;
        }
        return std::fs::write(&path, want).map_err(|e| format!("{rel}：{e}"));
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    if have == want {
        Ok(())
    } else {
        Err(format!(
            "{rel} 与 Rust 类型不一致：请运行 `make generate` 并提交生成的文件。"
        ))
    }
}
