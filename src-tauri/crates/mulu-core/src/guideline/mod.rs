//! 标准指引库：26 个试点领域的标准指引（及用户添加的其他领域）作为数据。
//!
//! 内置数据在 `schemas/guidelines/*.json`，由 `schemas/guideline.schema.json` 校验；
//! 来自已公开的指引副本，**每个领域都不完整**（`status = 部分`），每个事项记录来源。
//! 缺的事项由用户导入官方指引工作簿补全，程序不凭记忆补写。
//!
//! 县里可以把整个指引库写成一个指引包（[`pack`]）分发给乡镇；乡镇载入后，各领域存为新版本，
//! 已有目录里的事项保留它们采用时的版本。

mod builtin;
mod library;
pub mod pack;
mod types;

pub use builtin::{builtin_domains, BUILTIN_FILES};
pub use library::{
    AdoptOutcome, DomainLoad, GuidelineImportPreview, LibraryLoad, LoadAction, PackPreview,
};
pub use pack::{GuidelinePack, PackError};
pub use types::{
    CarrierRequirement, DataStatus, GuidelineCarrier, GuidelineDomain, GuidelineDomainSummary,
    GuidelineItem, NationalSize,
};

use thiserror::Error;

/// 读取指引数据时的错误。
#[derive(Debug, Error)]
pub enum GuidelineError {
    #[error("标准指引数据文件 {file} 无法解析：{source}。请用 schemas/guideline.schema.json 检查该文件。")]
    Parse {
        file: String,
        #[source]
        source: serde_json::Error,
    },
    #[error("标准指引数据 {file} 有误：{problem}")]
    Invalid { file: String, problem: String },
}

/// 校验一个领域的数据：编号唯一且以领域序号开头，事项名称不为空。
pub fn validate_domain(file: &str, d: &GuidelineDomain) -> Result<(), GuidelineError> {
    let bad = |problem: String| GuidelineError::Invalid {
        file: file.to_string(),
        problem,
    };
    if d.name.trim().is_empty() {
        return Err(bad("领域名称为空".into()));
    }
    let prefix = format!("{:02}.", d.number);
    let mut seen = std::collections::HashSet::new();
    for (i, it) in d.items.iter().enumerate() {
        if !it.id.starts_with(&prefix) {
            return Err(bad(format!(
                "第 {} 个事项的编号 {} 应以 {prefix} 开头",
                i + 1,
                it.id
            )));
        }
        if !seen.insert(it.id.as_str()) {
            return Err(bad(format!("事项编号 {} 重复", it.id)));
        }
        if it.l1.trim().is_empty() && it.l2.trim().is_empty() {
            return Err(bad(format!("事项 {} 的一级、二级事项都为空", it.id)));
        }
        if it.source.trim().is_empty() {
            return Err(bad(format!("事项 {} 没有记录来源", it.id)));
        }
    }
    Ok(())
}
