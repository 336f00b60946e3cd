//! 读取选项：上限与领域名单。

use mulu_core::store::{Store, StoreError};

/// 读取工作簿的选项。
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// 文件大小上限（字节）；超过时不读取。
    pub max_file_bytes: u64,
    /// 单张工作表声明范围的单元格数上限（行 × 列）。
    pub max_sheet_cells: u64,
    /// 可识别的领域（通常是指引库的全部领域）：名称与别名。
    pub domains: Vec<KnownDomain>,
    /// 文件里认不出领域时使用的领域（用户选择的）。
    pub domain_hint: Option<String>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_file_bytes: 64 * 1024 * 1024,
            max_sheet_cells: 4_000_000,
            domains: Vec::new(),
            domain_hint: None,
        }
    }
}

impl ReadOptions {
    /// 以内置指引库的 26 个领域为可识别领域。
    pub fn with_builtin_domains() -> Self {
        let domains = mulu_core::guideline::builtin_domains()
            .map(|ds| {
                ds.into_iter()
                    .map(|d| KnownDomain {
                        name: d.name,
                        aliases: d.aliases,
                    })
                    .collect()
            })
            .unwrap_or_default();
        ReadOptions {
            domains,
            ..Self::default()
        }
    }

    /// 以库里指引库的全部领域（含用户导入的，连同别名）为可识别领域；`hint` 为用户为认不出
    /// 领域的表格选的领域（名称或别名，库里没有时按原文）。命令行 `mulu import`/`mulu check`
    /// 与桌面程序的导入、审核都用它，两边认出的领域一致。
    pub fn from_store(store: &Store, hint: Option<&str>) -> Result<Self, StoreError> {
        let mut opts = ReadOptions::default();
        for d in store.guideline_domains()? {
            let aliases = store
                .guideline_domain(&d.name, None)
                .map(|g| g.aliases)
                .unwrap_or_default();
            opts.domains.push(KnownDomain {
                name: d.name,
                aliases,
            });
        }
        if let Some(h) = hint.filter(|h| !h.trim().is_empty()) {
            let name = store
                .resolve_domain_name(h)
                .unwrap_or_else(|_| mulu_core::text::tidy(h));
            opts.domain_hint = Some(name);
        }
        Ok(opts)
    }
}

/// 一个可识别的领域。
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct KnownDomain {
    pub name: String,
    pub aliases: Vec<String>,
}

impl KnownDomain {
    pub fn new(name: &str) -> Self {
        KnownDomain {
            name: name.to_string(),
            aliases: Vec::new(),
        }
    }
}
