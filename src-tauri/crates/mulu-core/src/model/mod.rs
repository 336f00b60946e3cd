//! 目录的数据模型。枚举的 serde 名称就是官方表格里的中文术语，
//! 所以 JSON、数据库与前端看到的都是“全社会”“主动”“县级”这样的词。
//!
//! 这些类型是前后端数据形状的唯一来源：`schemas/catalog.schema.json`（schemars）
//! 与 `ui/src/bindings.ts`（ts-rs）都由它们生成，测试保证二者与类型一致。

mod carrier;
mod catalog;
mod desk;
mod field;
mod item;
mod portal;
mod preview;
mod unit;
mod vocab;
mod withheld;

pub(crate) use vocab::chinese_names;

pub use carrier::{Channels, StandardCarrier};
pub use catalog::{Catalog, CatalogExport, CatalogStatus, CatalogSummary, NewCatalog};
pub use desk::{Decision, DeskUnit, Verdict};
pub use field::Field;
pub use item::{split_elements, Item, ItemFields, Provenance};
pub use portal::{
    column_segment, generate_column_paths, normalize_column_path, ColumnTree, ColumnsGenerated,
    ItemColumnLink, PortalColumn, DEFAULT_COLUMN_ROOT,
};
pub use preview::{
    ChangedItem, Diagnostic, DiagnosticCode, ImportPlan, ImportPreview, PlannedItem, PreviewItem,
    PreviewOrigin, PreviewSheet, Severity,
};
pub use unit::{ListedUnit, NewUnit, Unit, UnitKind};
pub use vocab::{Audience, Level, Mode};
pub use withheld::{NotApplicable, Withheld, WithholdGround};
