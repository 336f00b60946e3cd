//! 用例层：桌面程序（`src-tauri/src/commands`）与命令行（`mulu-cli/src/cmd`）共用的用例。
//!
//! 每个用例是一个函数（或一个会话类型的方法），参数与结果是本模块的类型，校验只在这里做一次：
//! 两个外壳只负责把参数换成请求、把结果显示出来（桌面程序序列化给界面，命令行打印文字或 JSON），
//! 以及各自的提示（命令行在错误后面补上该用哪个参数，见 [`ApiError`]）。
//!
//! - [`import`]：读文件得到预览（读一次，记下文件指纹）、比对目标目录、写入**预览时的**内容；
//!   写入前文件变了则拒绝。
//! - [`adopt`]：采用指引事项（领域名先全部核对）。
//! - [`guideline`]：导入官方指引（读出的领域存为新版本）。
//! - [`paste`]：从 Excel/WPS 复制的行按同一个读取器读成事项预览。
//! - [`diff`]：两个版本的目录（库里的目录、工作簿或 JSON 文件）之间新增、删除、改动的事项。
//! - [`history`]：修改历史（按目录、按事项），整批撤销，恢复删除的条目。
//! - [`export`]：Excel 报送表、网页、JSON，选项（领域、公开层级栏、下级名称）在这里校验。
//! - [`portal`]：门户栏目表（生成、编辑、导出），网页里事项链接到栏目。
//! - [`powers`]：权责清单、公共服务事项清单与目录对照，确认后补充本级特色事项。
//! - [`portal_check`]：读网站导出的栏目清单，体检（空栏目、不更新的栏目、没有栏目的事项）。
//! - [`search`]：在全部目录里搜索，按目录归组（哪些单位的目录写了……）。
//! - [`desk`]：审核台账——县里的单位名单、各单位各轮的报送、对每条问题的决定、两轮的比较；
//!   [`desk_sheet`]：一轮报送的工作簿照原样显示为表格，有问题的格按程度标出。
//! - [`desk_report`]：台账的全县汇总——汇总表工作簿、概况（各状态、各领域覆盖率、常见问题）、全部单位的审核意见。
//!
//! 界面用的请求与结果类型生成在 `ui/src/bindings/api.ts`（[`codegen`]，`make generate`）。

pub mod adopt;
pub mod codegen;
pub mod desk;
pub mod desk_report;
pub mod desk_sheet;
pub mod diff;
mod error;
pub mod export;
pub mod guideline;
pub mod history;
pub mod import;
pub mod letter;
mod listing;
pub mod paste;
pub mod portal;
pub mod portal_check;
pub mod powers;
pub mod search;

pub use error::ApiError;
pub use mulu_export::LowerLevelLabel;

/// 用例的结果。
pub type Result<T, E = ApiError> = std::result::Result<T, E>;

/// 测试用：`tests/fixtures/workbooks/` 里的一个工作簿（见那里的 INDEX.md）。
#[cfg(test)]
pub(crate) fn fixture(name: &str) -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../tests/fixtures/workbooks")
        .join(name)
}
