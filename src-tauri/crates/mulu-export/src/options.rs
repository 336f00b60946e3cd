//! 导出选项。

/// 导出哪些领域、是否含公开层级栏、下级一栏的名称。
///
/// ```
/// let opts = mulu_export::ExportOptions::default()
///     .domains(["社会救助", "养老服务"])
///     .include_level(false);
/// assert!(!opts.include_level);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    /// 要导出的领域；`None` 为目录的全部领域（按目录顺序）。
    pub domains: Option<Vec<String>>,
    /// 是否含“公开层级”两栏（县级部门的目录常不含）。
    pub include_level: bool,
    /// 下级一栏的名称：“乡级”“镇级”或“街道”。
    pub lower_level_label: String,
    /// 封面上的导出时间；`None` 时取当前时间（测试用固定值）。
    pub exported_at: Option<String>,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            domains: None,
            include_level: true,
            lower_level_label: "乡级".into(),
            exported_at: None,
        }
    }
}

impl ExportOptions {
    pub fn domains<I, S>(mut self, domains: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.domains = Some(domains.into_iter().map(Into::into).collect());
        self
    }

    pub fn include_level(mut self, yes: bool) -> Self {
        self.include_level = yes;
        self
    }

    pub fn lower_level_label(mut self, label: impl Into<String>) -> Self {
        self.lower_level_label = label.into();
        self
    }

    pub fn exported_at(mut self, at: impl Into<String>) -> Self {
        self.exported_at = Some(at.into());
        self
    }
}
