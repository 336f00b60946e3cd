//! 往返数据表 `_mulu` 的版式：导出（`mulu-export` 写）与导入（`mulu-import` 读）共用这一份定义。
//!
//! 格式（版本 1）：A1 [`MAGIC`]，B1 [`VERSION`]；A2 `origin`，B2 起为 `PreviewOrigin` 的 JSON；
//! 第 4 行表头 [`HEADERS`]；第 5 行起每个事项一行：A 表名、B 行号（从 1 起）、C 起事项 JSON。
//! JSON 超过单元格上限时依次续写在右边的列，读取时把起始列往右的各格连起来。
//! 行、列号从 0 起（A1 是 `(0, 0)`）。

/// 往返数据表的名称（隐藏、保护）。
pub const SHEET: &str = "_mulu";
/// A1：认出这是本程序的往返表。
pub const MAGIC: &str = "mulu-roundtrip";
/// B1：版式的版本。
pub const VERSION: u32 = 1;
/// 标记所在的格（A1）；版本在它右边一格。
pub const MAGIC_CELL: (u32, u16) = (0, 0);
/// A2 的标签与 `PreviewOrigin` JSON 的起始格（B2）。
pub const ORIGIN_LABEL: &str = "origin";
pub const ORIGIN_ROW: u32 = 1;
pub const ORIGIN_COL: u16 = 1;
/// 事项表头所在的行（第 4 行）与各栏名称。
pub const HEADER_ROW: u32 = 3;
pub const HEADERS: [&str; 3] = ["sheet", "row", "item"];
/// 第一个事项所在的行（第 5 行）。
pub const FIRST_ITEM_ROW: u32 = 4;
/// 事项行的各栏：可见表名、可见行号（从 1 起）、事项 JSON 的起始列。
pub const SHEET_COL: u16 = 0;
pub const ROW_COL: u16 = 1;
pub const ITEM_COL: u16 = 2;
