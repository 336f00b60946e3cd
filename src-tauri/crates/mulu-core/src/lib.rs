//! 标准目录编制器的核心（不依赖 tauri，可在无显示环境下构建与测试）。
//!
//! - [`model`]：单位、目录、事项、不予公开事项等数据类型——前后端共用的唯一来源；
//! - [`guideline`]：26 个试点领域的标准指引库（随程序内置，可导入新版本）；
//! - [`store`]：SQLite 存储（迁移、事务、增删改查、采用指引、复制到新年度）；
//! - [`matching`]：导入与审核共用的匹配词汇（名称键、“同上”、编辑距离、汉字）；
//! - [`roundtrip`]：导出的工作簿里隐藏表 `_mulu` 的版式（导出写、导入读）；
//! - [`paths`]：应用与命令行共用的数据库默认位置。
//!
//! ```
//! use mulu_core::{store::Store, model::{NewUnit, UnitKind, NewCatalog}};
//!
//! let mut store = Store::open_in_memory()?;
//! let unit = store.create_unit(&NewUnit::new("某某镇人民政府", UnitKind::Township))?;
//! let catalog = store.create_catalog(&NewCatalog::new(unit.id, 2026))?;
//! let adopted = store.adopt_domain(catalog.id, "社会救助", None)?;
//! assert!(adopted.added > 0);
//! assert_eq!(store.list_items(catalog.id)?.len(), adopted.added);
//! # Ok::<(), mulu_core::store::StoreError>(())
//! ```

pub mod atomic;
pub mod cellref;
pub mod codegen;
pub mod guideline;
pub mod matching;
pub mod model;
pub mod paths;
pub mod roundtrip;
pub mod store;
pub mod text;
