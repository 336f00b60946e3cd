//! 审核的错误。消息是给用户看的中文：说清楚哪里不对、该怎么办。

use thiserror::Error;

#[derive(Debug, Error)]
pub enum ReviewError {
    /// 读取库里的目录失败。
    #[error("读取目录失败：{0}")]
    Store(#[from] mulu_core::store::StoreError),
    /// 已废止文件清单（`schemas/rules/repealed.json` 或用户提供的同格式文件）无法解析。
    #[error(
        "已废止文件清单无法解析：{0}。请对照 docs/rules.md 中“已废止文件清单”一节检查该文件。"
    )]
    RepealedList(#[from] serde_json::Error),
    /// 读不了要批注的原工作簿。
    #[error("无法读取“{path}”来生成批注工作簿：{detail}")]
    Source { path: String, detail: String },
    /// 写批注工作簿或汇总表失败。
    #[error("无法写出“{path}”：{detail}。请确认文件夹存在、文件没有在 Excel/WPS 中打开。")]
    Write { path: String, detail: String },
    /// 已废止文件清单的某一条不完整。
    #[error("已废止文件清单第 {index} 条有误：{problem}")]
    RepealedEntry { index: usize, problem: String },
}
