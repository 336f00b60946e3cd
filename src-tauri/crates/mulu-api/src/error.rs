//! 用例的错误：每一种都是给用户看的一句中文（不含命令行参数名；命令行用 [`ApiError::cli_hint`]
//! 补上该用哪个参数）。

use std::path::PathBuf;

use mulu_core::store::StoreError;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ApiError {
    /// 输入有误（空白的名称、认不出的选项等）。
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Import(#[from] mulu_import::ImportError),
    #[error("{0}")]
    Export(#[from] mulu_export::ExportError),
    #[error("{0}")]
    Review(#[from] mulu_review::ReviewError),

    /// 预览之后文件被改过（大小、修改时间或内容不同）：写入的就不是用户看到的了。
    #[error("文件“{path}”在预览之后被修改过，为避免写入与预览不同的内容，已停止导入。请重新读取这个文件再导入。")]
    FileChanged { path: PathBuf },

    /// 预览已过期或不存在（程序只保留最近几次预览）。
    #[error("这次导入的预览已失效，请重新选择文件。")]
    PreviewGone,

    /// 新建目录却没有可导入的事项（不建空目录）。`skipped`：认不出领域的工作表。
    #[error("{}", nothing_message(.skipped))]
    NothingToImport { skipped: Vec<String> },

    /// 官方指引文件里没有认得出领域的指引表格。
    #[error("“{}”中没有认得出领域的指引表格。请选择领域后重试。", .path.display())]
    NoGuidelineDomain { path: PathBuf },

    /// 新建目录时文件里没有单位名，也没有给出。
    #[error("文件里没有写明单位（标题行中找不到单位名），请填写单位名称。")]
    UnitMissing,

    /// 目录还没有门户栏目（要先生成栏目表）。
    #[error("目录“{title}”还没有门户栏目。请先在“门户栏目”里生成栏目表。")]
    NoPortalColumns { title: String, catalog_id: i64 },

    /// 别的系统导出的清单（网站栏目、权责清单）里找不到表头。`what`：是什么清单；`needs`：至少要有哪些列。
    #[error(
        "“{file}”中找不到{what}的表头（{needs}）。请确认这是导出的{what}，表头行写着各列的名称。"
    )]
    ListingHeaderMissing {
        file: String,
        what: &'static str,
        needs: &'static str,
    },

    /// 新建目录时文件里没有年度，也没有给出。
    #[error("文件里没有写明年度，请填写年度。")]
    YearMissing,
}

fn nothing_message(skipped: &[String]) -> String {
    if skipped.is_empty() {
        "文件里没有可导入的事项，没有新建目录。".into()
    } else {
        format!(
            "没有可导入的事项：工作表“{}”认不出领域，请先为它选择领域。",
            skipped.join("”“")
        )
    }
}

impl ApiError {
    /// 命令行在错误说明后补的一句：该用哪个参数。桌面程序不用它。
    pub fn cli_hint(&self) -> Option<String> {
        match self {
            ApiError::UnitMissing => Some(String::from("（命令行用 --unit 指定单位名称）")),
            ApiError::YearMissing => Some(String::from("（命令行用 --year 指定年度）")),
            ApiError::NothingToImport { skipped } if !skipped.is_empty() => {
                Some(String::from("（命令行用 --domain 指定领域）"))
            }
            ApiError::NoGuidelineDomain { .. } => {
                Some(String::from("（命令行用 --domain 指定领域）"))
            }
            ApiError::NoPortalColumns { catalog_id, .. } => Some(format!(
                "（命令行先运行 mulu columns generate {catalog_id}）"
            )),
            ApiError::ListingHeaderMissing { .. } => Some("（命令行用 --map 指定各列）".into()),
            _ => None,
        }
    }
}
