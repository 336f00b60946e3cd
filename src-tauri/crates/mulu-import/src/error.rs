//! 导入错误：整份文件读不了的情形。单元格级的问题不是错误，而是预览里的 [`Diagnostic`]。
//!
//! [`Diagnostic`]: mulu_core::model::Diagnostic

use std::path::PathBuf;

use thiserror::Error;

#[derive(Debug, Error)]
pub enum ImportError {
    #[error("无法读取“{path}”：{detail}。请在 Excel/WPS 中打开后另存为 .xlsx 或 UTF-8 编码的 .csv 再试。")]
    Listing { path: PathBuf, detail: String },

    #[error("无法读取文件“{path}”：{source}。请确认文件存在且没有被其他程序占用。")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("文件“{path}”有 {size_mb:.1} MB，超过导入上限 {limit_mb:.1} MB。目录工作簿通常不到 5 MB，请确认选对了文件；确需导入请调高上限。")]
    TooLarge {
        path: PathBuf,
        size_mb: f64,
        limit_mb: f64,
    },

    #[error("“{path}”的工作表“{sheet}”有 {rows} 行 × {cols} 列，超过上限（{limit} 个单元格），已拒绝读取。请在 Excel/WPS 中删去多余的空行空列后另存再导入。")]
    SheetTooLarge {
        path: PathBuf,
        sheet: String,
        rows: u64,
        cols: u64,
        limit: u64,
    },

    /// 超过读取的其他上限（见 `limits.rs`）。`detail`：“里的 xl/worksheets/sheet1.xml 解压后有 1024.0 MB，
    /// 超过每个部件 128 MB 的上限”。
    #[error("“{path}”{detail}，已拒绝读取。目录工作簿通常只有几张表、几千行，请确认选对了文件；确是目录时请在 Excel/WPS 中删去多余的内容后另存再导入。")]
    LimitExceeded { path: PathBuf, detail: String },

    #[error(
        "“{path}”不是 Excel 工作簿（.xlsx 或 .xls），也不是 Word 文档（.docx）。请在 Excel/WPS 中打开后另存为 .xlsx 再导入。"
    )]
    NotAWorkbook { path: PathBuf },

    /// .doc、.wps、.pdf：不直接读，请用户先另存。
    #[error("“{path}”是{kind}，不能直接导入。请先在 WPS 或 Word 中打开，用“文件→另存为”存成 .docx（或 .xlsx）后再导入。")]
    Unsupported { path: PathBuf, kind: &'static str },

    #[error(
        "“{path}”设有打开密码（已加密），无法读取。请在 WPS/Excel/Word 中取消密码后另存再导入。"
    )]
    Encrypted { path: PathBuf },

    #[error("“{path}”已损坏，无法读取：{detail}。请向报送单位索取原文件，或在 Excel/WPS 中打开修复后另存。")]
    Malformed { path: PathBuf, detail: String },

    #[error("“{path}”是空工作簿，没有任何内容。")]
    Empty { path: PathBuf },

    /// Word 文档里没有表格，或表格都不是目录表格。`detail`：“里没有表格”“的 3 个表格中没有目录表格”。
    #[error("Word 文档“{path}”{detail}：目录须是 Word 表格（不能是用空格、制表符排出来的文字），且有一行包含“公开事项/一级事项”“公开内容”“公开依据”“公开时限”等栏名的表头。")]
    WordNoTable { path: PathBuf, detail: String },

    /// Word 文档超过读取上限。`detail`：“有超过 1000 个表格”“的 word/document.xml 解压后超过 128 MB”。
    #[error("Word 文档“{path}”{detail}，超过导入上限，已拒绝读取。目录文档通常只有几个表格、几百行，请确认选对了文件。")]
    WordTooLarge { path: PathBuf, detail: String },

    #[error("在“{path}”的工作表（{sheets}）中没有找到目录表格：需要一行包含“公开事项/一级事项”“公开内容”“公开依据”“公开时限”等栏名的表头。")]
    NoTable { path: PathBuf, sheets: String },

    #[error("“{path}”里没有名为“{sheet}”的工作表（有：{sheets}）。文件可能在检查之后改动过，请重新检查。")]
    NoSheet {
        path: PathBuf,
        sheet: String,
        sheets: String,
    },

    #[error("在“{path}”中没有找到单位名单：需要一栏名为“单位名称”（或“单位”“名称”）的表头，其下每行一个单位；没有表头时取第一张表的 A 栏。")]
    NoUnits { path: PathBuf },
}
