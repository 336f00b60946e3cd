//! 目录导出：官方报送格式的 Excel 工作簿、可直接发布的网页、JSON。
//!
//! 工作簿每个领域一张表，表头、合并单元格、勾选符号与打印设置都按官方表格；另有封面，
//! 以及一张隐藏并保护的 `_mulu` 表，存放每行的编号与来源，使重新导入本程序导出的文件不丢信息。
//!
//! ```
//! use mulu_core::{model::{NewCatalog, NewUnit, UnitKind}, store::Store};
//! use mulu_export::{xlsx_bytes, ExportOptions};
//!
//! let mut store = Store::open_in_memory()?;
//! let unit = store.create_unit(&NewUnit::new("某某县某某镇人民政府", UnitKind::Township))?;
//! let catalog = store.create_catalog(&NewCatalog::new(unit.id, 2026))?;
//! store.adopt_domain(catalog.id, "社会救助", None)?;
//!
//! let bytes = xlsx_bytes(&store.export_catalog(catalog.id)?, &ExportOptions::default())?;
//! assert_eq!(&bytes[..2], b"PK"); // an .xlsx is a zip file
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod error;
pub mod html;
pub mod json;
mod layout;
mod options;
pub mod portal;
mod text;
mod time;
mod xlsx;

pub use error::ExportError;
pub use html::html;
pub use options::{ExportOptions, LowerLevelLabel, PortalLink};
pub use xlsx::{write_guideline_xlsx, write_xlsx, xlsx_bytes, ROUNDTRIP_SHEET};
