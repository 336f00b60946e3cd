//! 目录的 JSON 形式（`schemas/catalog.schema.json`）：导出与读入。

use mulu_core::model::CatalogExport;
use mulu_core::store::CATALOG_FORMAT_VERSION;

use crate::ExportError;

/// 目录 → 缩进的 JSON 文本。
pub fn to_string(export: &CatalogExport) -> Result<String, ExportError> {
    serde_json::to_string_pretty(export).map_err(|e| ExportError::Json {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })
}

/// JSON 文本 → 目录；格式有误时指出行列。写入数据库用 `Store::insert_catalog`（一个事务）。
pub fn from_str(text: &str) -> Result<CatalogExport, ExportError> {
    // 先看格式版本：新版本的文件给出“请升级”而不是一条看不懂的字段错误。
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(text) {
        if let Some(found) = v.get("format_version").and_then(|f| f.as_u64()) {
            if found > u64::from(CATALOG_FORMAT_VERSION) {
                return Err(ExportError::FormatVersion {
                    found: found as u32,
                    supported: CATALOG_FORMAT_VERSION,
                });
            }
        }
    }
    serde_json::from_str(text).map_err(|e| ExportError::Json {
        line: e.line(),
        column: e.column(),
        message: json_message(&e),
    })
}

fn json_message(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match e.classify() {
        Category::Syntax => "不是合法的 JSON（可能被截断或手工改坏）".into(),
        Category::Eof => "文件在中途结束（可能被截断）".into(),
        Category::Data => format!("内容与目录格式不符：{e}"),
        Category::Io => format!("读取失败：{e}"),
    }
}
