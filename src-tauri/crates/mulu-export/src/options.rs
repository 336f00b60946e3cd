//! 导出选项。

use serde::{Deserialize, Serialize};

/// 下级一栏（公开层级的第二栏）的名称：官方表格里只有这三种写法。命令行参数、程序的导出选项与
/// 界面的下拉列表都用这一个类型（界面的列表由生成的 `ui/src/bindings/api.ts` 给出）。
///
/// ```
/// use mulu_export::LowerLevelLabel;
/// assert_eq!("镇级".parse::<LowerLevelLabel>(), Ok(LowerLevelLabel::Town));
/// assert!("村级".parse::<LowerLevelLabel>().unwrap_err().contains("乡级、镇级 或 街道"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, ts_rs::TS)]
pub enum LowerLevelLabel {
    #[default]
    #[serde(rename = "乡级")]
    Township,
    #[serde(rename = "镇级")]
    Town,
    #[serde(rename = "街道")]
    Subdistrict,
}

impl LowerLevelLabel {
    /// 全部写法，按官方表格的顺序。
    pub const ALL: [LowerLevelLabel; 3] = [
        LowerLevelLabel::Township,
        LowerLevelLabel::Town,
        LowerLevelLabel::Subdistrict,
    ];

    /// 表头里的文字。
    pub fn as_str(self) -> &'static str {
        match self {
            LowerLevelLabel::Township => "乡级",
            LowerLevelLabel::Town => "镇级",
            LowerLevelLabel::Subdistrict => "街道",
        }
    }
}

impl std::fmt::Display for LowerLevelLabel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for LowerLevelLabel {
    type Err = String;

    /// 前后的空白不计；其他写法给出一句中文说明。
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        LowerLevelLabel::ALL
            .into_iter()
            .find(|l| l.as_str() == t)
            .ok_or_else(|| format!("下级一栏的名称应为 乡级、镇级 或 街道，而不是“{s}”。"))
    }
}

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
    pub lower_level_label: LowerLevelLabel,
    /// 封面上的导出时间；`None` 时取当前时间（测试用固定值）。
    pub exported_at: Option<String>,
    /// 事项所在的门户栏目（事项编号 → 栏目）：网页里每个事项链接到它的栏目。
    pub portal_links: std::collections::BTreeMap<i64, PortalLink>,
}

/// 网页里事项链接到的门户栏目。
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortalLink {
    /// 栏目路径（显示与悬停提示用）。
    pub path: String,
    /// 栏目网址；只有 `http://`、`https://` 或以 `/` 开头的网址才做成链接。
    pub url: String,
}

impl PortalLink {
    /// 可以放进 `href` 的网址：只收 http(s) 与站内路径（不收 `javascript:` 等）。
    pub fn safe_url(&self) -> Option<&str> {
        let u = self.url.trim();
        let lower = u.to_ascii_lowercase();
        let ok = (lower.starts_with("http://")
            || lower.starts_with("https://")
            || (u.starts_with('/') && !u.starts_with("//")))
            && !u.chars().any(|c| c.is_control() || c.is_whitespace());
        ok.then_some(u)
    }
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            domains: None,
            include_level: true,
            lower_level_label: LowerLevelLabel::Township,
            exported_at: None,
            portal_links: Default::default(),
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

    pub fn lower_level_label(mut self, label: LowerLevelLabel) -> Self {
        self.lower_level_label = label;
        self
    }

    pub fn exported_at(mut self, at: impl Into<String>) -> Self {
        self.exported_at = Some(at.into());
        self
    }
}
