//! 命令行的错误与退出码：0 成功；1 检查发现错误级问题；2 输入有误或读不了。

use mulu_core::store::StoreError;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum CliError {
    /// 参数或输入有误（退出码 2）。
    #[error("{0}")]
    Input(String),
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Pack(#[from] mulu_core::guideline::PackError),
    #[error("{0}")]
    Export(#[from] mulu_export::ExportError),
    #[error("{0}")]
    Import(#[from] mulu_import::ImportError),
    #[error("{0}")]
    Review(#[from] mulu_review::ReviewError),
    /// 用例的错误，后面补上命令行该用的参数（[`mulu_api::ApiError::cli_hint`]）。
    #[error("{}{}", .0, .0.cli_hint().unwrap_or_default())]
    Api(#[from] mulu_api::ApiError),
    #[error("写出失败：{0}")]
    Io(#[from] std::io::Error),
}

impl CliError {
    pub fn exit_code(&self) -> i32 {
        2
    }
}

pub type Result<T, E = CliError> = std::result::Result<T, E>;
