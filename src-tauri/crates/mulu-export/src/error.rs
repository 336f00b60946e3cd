//! 导出的错误。

use thiserror::Error;

#[derive(Debug, Error)]
pub enum ExportError {
    #[error("“{domain}”领域的事项“{item}”的{field}有 {len} 个字符，超过 Excel 单元格的上限 32767 个字符。请把这部分内容拆短后再导出。")]
    CellTooLong {
        domain: String,
        item: String,
        field: &'static str,
        len: usize,
    },
    #[error("目录里没有要导出的领域：{0}")]
    NoDomains(String),
    #[error("无法写出 Excel 文件：{0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("无法写出 CSV 文件：{0}")]
    Csv(String),
    #[error("无法写出文件 {path}：{source}。请确认文件没有在 Excel/WPS 中打开，且文件夹可写。")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("目录 JSON 第 {line} 行第 {column} 列有误：{message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("目录 JSON 的格式版本 {found} 比本程序支持的 {supported} 新，请升级程序后再导入。")]
    FormatVersion { found: u32, supported: u32 },
}
