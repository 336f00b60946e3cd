//! 导入官方指引（.xlsx/.xls/.docx）：读出的领域存为新版本（沿用库里当前版本的序号与编号）。
//! 先在数据库里取出读取要用的东西（[`GuidelineReader::new`]），读文件不碰数据库（可在后台线程里）。
//!
//! 与目录导入一样，文件只读一次：[`GuidelineRead`] 留着读到的领域与文件指纹，预览
//! （[`GuidelineRead::preview`]）和载入（[`GuidelineRead::commit`]）用的是同一份内容；预览之后文件被改过，
//! 载入就拒绝（[`ApiError::FileChanged`]）。

use std::path::{Path, PathBuf};

use mulu_core::guideline::{GuidelineDomain, GuidelineImportPreview, LibraryLoad};
use mulu_core::model::Diagnostic;
use mulu_core::store::Store;
use mulu_import::ReadOptions;
use serde::Serialize;
use ts_rs::TS;

use crate::import::{read_file, read_options, Fingerprint};
use crate::{ApiError, Result};

/// 界面收到的指引导入预览与它的编号（载入时凭编号，不再读文件）。
#[derive(Debug, Clone, Serialize, TS)]
pub struct GuidelinePreviewed {
    #[ts(type = "number")]
    pub token: u64,
    pub preview: GuidelineImportPreview,
}

/// 读官方指引所需的一切：可识别的领域、版本号、各领域的当前版本。
#[derive(Debug, Clone)]
pub struct GuidelineReader {
    opts: ReadOptions,
    /// 新版本的版本号（没给时按现在的时间生成）。
    pub version: String,
    current: Vec<GuidelineDomain>,
}

/// 读出的指引：将载入的领域、提示、版本号，以及读时的文件与指纹（载入前核对）。
#[derive(Debug, Clone)]
pub struct GuidelineRead {
    pub path: PathBuf,
    pub fingerprint: Fingerprint,
    pub domains: Vec<GuidelineDomain>,
    pub diagnostics: Vec<Diagnostic>,
    pub version: String,
}

impl GuidelineRead {
    /// 与库比对：每个领域是新增、新版本还是与库里相同。不写数据库。
    pub fn preview(&self, store: &Store) -> Result<GuidelineImportPreview> {
        Ok(store.preview_guideline_import(
            &self.path.display().to_string(),
            &self.version,
            &self.domains,
            self.diagnostics.clone(),
        )?)
    }

    /// 载入读到的领域（一个事务）。文件在读之后被改过、移走时拒绝：载入的必须是用户看到的。
    pub fn commit(&self, store: &mut Store) -> Result<LibraryLoad> {
        let changed = || ApiError::FileChanged {
            path: self.path.clone(),
        };
        let now = Fingerprint::read(&self.path).map_err(|_| changed())?;
        if now != self.fingerprint {
            return Err(changed());
        }
        Ok(store.load_guideline_versions(&self.domains)?)
    }
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
        let (meta, bytes) = read_file(path, self.opts.max_file_bytes)?;
        let fingerprint = Fingerprint::of(&meta, &bytes);
        let base = |name: &str| self.current.iter().find(|d| d.name == name).cloned();
        let (domains, diagnostics) =
            mulu_import::read_guideline_bytes(path, bytes, &self.opts, &self.version, &base)?;
        if domains.is_empty() {
            return Err(ApiError::NoGuidelineDomain {
                path: PathBuf::from(path),
            });
        }
        Ok(GuidelineRead {
            path: path.to_path_buf(),
            fingerprint,
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

    #[test]
    fn commits_what_was_read_and_refuses_a_file_changed_since() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(&dir.path().join("mulu.db")).unwrap();
        let file = dir.path().join("指引.xlsx");
        std::fs::copy(fixture("guideline_template.xlsx"), &file).unwrap();
        let r = GuidelineReader::new(&s, None, Some("2026-一")).unwrap();

        // 读一次：预览与载入用同一份内容。
        let read = r.read(&file).unwrap();
        let preview = read.preview(&s).unwrap();
        assert_eq!(preview.version, "2026-一");
        assert_eq!(preview.domains.len(), read.domains.len());
        let loaded = read.commit(&mut s).unwrap();
        assert_eq!(loaded.domains.len(), read.domains.len());

        // 预览之后文件被换掉：拒绝，库里不多出版本。
        let r = GuidelineReader::new(&s, None, Some("2026-二")).unwrap();
        let read = r.read(&file).unwrap();
        let name = &read.domains[0].name;
        let before = s.guideline_versions(name).unwrap().len();
        std::fs::copy(fixture("official_openpyxl.xlsx"), &file).unwrap();
        let err = read.commit(&mut s).unwrap_err();
        assert!(matches!(err, ApiError::FileChanged { .. }), "{err}");
        assert_eq!(s.guideline_versions(name).unwrap().len(), before);

        // 文件被移走：同样拒绝。
        let read = r.read(&fixture("guideline_template.xlsx")).unwrap();
        let moved = GuidelineRead {
            path: dir.path().join("不在了.xlsx"),
            ..read
        };
        assert!(matches!(
            moved.commit(&mut s),
            Err(ApiError::FileChanged { .. })
        ));
    }
}
