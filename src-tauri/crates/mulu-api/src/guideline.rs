//! 导入官方指引（.xlsx/.xls/.docx）：读出的领域存为新版本（沿用库里当前版本的序号与编号）。
//! 先在数据库里取出读取要用的东西（[`GuidelineReader::new`]），读文件不碰数据库（可在后台线程里）。

use std::path::{Path, PathBuf};

use mulu_core::guideline::GuidelineDomain;
use mulu_core::model::Diagnostic;
use mulu_core::store::Store;
use mulu_import::ReadOptions;

use crate::import::read_options;
use crate::{ApiError, Result};

/// 读官方指引所需的一切：可识别的领域、版本号、各领域的当前版本。
#[derive(Debug, Clone)]
pub struct GuidelineReader {
    opts: ReadOptions,
    /// 新版本的版本号（没给时按现在的时间生成）。
    pub version: String,
    current: Vec<GuidelineDomain>,
}

/// 读出的指引：将载入的领域、提示、版本号。
#[derive(Debug, Clone)]
pub struct GuidelineRead {
    pub domains: Vec<GuidelineDomain>,
    pub diagnostics: Vec<Diagnostic>,
    pub version: String,
}

impl GuidelineReader {
    /// `domain`：认不出领域的表格按哪个领域读——必须是库里的领域（名称或别名），新版本沿用它的序号
    /// 与编号。`version` 为空时按现在的时间生成。
    pub fn new(store: &Store, domain: Option<&str>, version: Option<&str>) -> Result<Self> {
        let mut opts = read_options(store, None)?;
        if let Some(d) = domain.filter(|d| !d.trim().is_empty()) {
            opts.domain_hint = Some(store.resolve_domain_name(d)?);
        }
        let version = store.guideline_import_version(version)?;
        let current = store
            .guideline_domains()?
            .iter()
            .map(|d| store.guideline_domain(&d.name, None))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(GuidelineReader {
            opts,
            version,
            current,
        })
    }

    /// 读文件（不碰数据库）。一个认得出领域的指引表格都没有时是错误。
    pub fn read(&self, path: &Path) -> Result<GuidelineRead> {
        if path.as_os_str().to_string_lossy().trim().is_empty() {
            return Err(ApiError::Invalid("请选择要导入的官方指引文件。".into()));
        }
        let base = |name: &str| self.current.iter().find(|d| d.name == name).cloned();
        let (domains, diagnostics) =
            mulu_import::read_guideline(path, &self.opts, &self.version, &base)?;
        if domains.is_empty() {
            return Err(ApiError::NoGuidelineDomain {
                path: PathBuf::from(path),
            });
        }
        Ok(GuidelineRead {
            domains,
            diagnostics,
            version: self.version.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn reads_a_guideline_and_refuses_unknown_domains_and_tables() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(&dir.path().join("mulu.db")).unwrap();
        let r = GuidelineReader::new(&s, None, Some("2026-测试")).unwrap();
        let got = r.read(&fixture("guideline_template.xlsx")).unwrap();
        assert!(!got.domains.is_empty());
        assert_eq!(got.version, "2026-测试");
        s.load_guideline_versions(&got.domains).unwrap();
        assert!(GuidelineReader::new(&s, Some("没有这个领域"), None).is_err());
        let err = r.read(&fixture("official_openpyxl.xlsx"));
        if let Err(e) = err {
            assert!(!e.to_string().contains("--"), "{e}");
        }
        let err = r.read(Path::new(" ")).unwrap_err();
        assert_eq!(err.to_string(), "请选择要导入的官方指引文件。");
    }
}
