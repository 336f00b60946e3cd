//! 导入：读一次文件得到预览（连同文件指纹），比对目标目录，写入**预览时读到的**内容。
//!
//! 一次导入是一个 [`ImportSession`]：[`ImportSession::read`] 读文件（只读这一次）并记下
//! [`Fingerprint`]（大小、修改时间、内容的 sha256）；[`ImportSession::plan`] 与目标目录比对（每个目标
//! 的比对留在会话里）；[`ImportSession::commit`] 写入该目标的那份比对——写入前重新核对指纹，文件在预览
//! 之后改过就拒绝（[`ApiError::FileChanged`]），因为那样写入的就不是用户看到的了。
//!
//! 新建目录时没有可导入的事项一律拒绝（[`ApiError::NothingToImport`]，不建空目录）；合并进已有目录时
//! 没有改动照样成功（什么也不变）。

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use mulu_core::model::{Catalog, ImportPlan, ImportPreview, UnitKind};
use mulu_core::store::Store;
use mulu_import::{CommitOutcome, ImportError, NewCatalogInfo, ReadOptions, Target};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::{ApiError, Result};

/// 文件指纹：大小、修改时间、内容的 sha256。三者都相同才算“没改过”。
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    pub size: u64,
    /// 修改时间（自 1970 年起的纳秒；文件系统不提供时为空）。
    pub modified: Option<u128>,
    pub sha256: [u8; 32],
}

impl Fingerprint {
    /// 由文件的元数据与已读出的字节求指纹。
    pub fn of(meta: &std::fs::Metadata, bytes: &[u8]) -> Self {
        Fingerprint {
            size: bytes.len() as u64,
            modified: meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map(|d| d.as_nanos()),
            sha256: Sha256::digest(bytes).into(),
        }
    }

    /// 重新读文件求指纹。
    pub fn read(path: &Path) -> Result<Self> {
        let (meta, bytes) = read_file(path, u64::MAX)?;
        Ok(Fingerprint::of(&meta, &bytes))
    }
}

/// 导入到哪里：合并进已有目录（`into`），或新建目录（单位、类别、年度为空时取文件里的）。
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ImportTarget {
    /// 合并到的目录；为空时新建目录。
    pub into: Option<i64>,
    /// 新建目录的单位全称（空白等于没填：取文件里的）。
    pub unit: Option<String>,
    /// 新建单位的类别；为空时按单位名称判断（已有的单位不变）。
    pub kind: Option<UnitKind>,
    /// 新建目录的年度。
    pub year: Option<i32>,
}

/// 读好的预览与它在会话表里的编号（桌面程序用编号找回这次预览，不再读文件）。
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ImportPreviewed {
    #[ts(type = "number")]
    pub token: u64,
    pub preview: ImportPreview,
}

/// 写入的结果。
#[derive(Debug, Clone)]
pub struct Committed {
    pub catalog: Catalog,
    pub outcome: CommitOutcome,
}

/// 一次导入：读到的预览、文件指纹、各目标的比对。
#[derive(Debug, Clone)]
pub struct ImportSession {
    pub path: PathBuf,
    pub fingerprint: Fingerprint,
    pub preview: ImportPreview,
    plans: Vec<ImportPlan>,
}

/// 读取选项：指引库的全部领域与用户为认不出的表格选的领域（两个外壳都用它）。
pub fn read_options(store: &Store, domain: Option<&str>) -> Result<ReadOptions> {
    Ok(ReadOptions::from_store(store, domain)?)
}

impl ImportSession {
    /// 读文件（只读这一次）得到预览与指纹；不碰数据库，可在后台线程里调用。
    pub fn read(path: &Path, opts: &ReadOptions) -> Result<Self> {
        if path.as_os_str().to_string_lossy().trim().is_empty() {
            return Err(ApiError::Invalid(
                "请选择要导入的 Excel 工作簿或 Word 文档。".into(),
            ));
        }
        let (meta, bytes) = read_file(path, opts.max_file_bytes)?;
        let fingerprint = Fingerprint::of(&meta, &bytes);
        let preview = mulu_import::read_workbook_bytes(&path.display().to_string(), bytes, opts)?;
        Ok(ImportSession {
            path: path.to_path_buf(),
            fingerprint,
            preview,
            plans: Vec::new(),
        })
    }

    /// 与目标目录比对（`into` 为空：新建目录），不写数据库。同一目标的比对留在会话里，写入时用的就是它。
    pub fn plan(&mut self, store: &Store, into: Option<i64>) -> Result<&ImportPlan> {
        let at = match self.plans.iter().position(|p| p.catalog_id == into) {
            Some(i) => i,
            None => {
                let plan = mulu_import::plan(store, &self.preview, into)?;
                self.plans.push(plan);
                self.plans.len() - 1
            }
        };
        Ok(&self.plans[at])
    }

    /// 重新比对（目录在比对之后被改过时；命令行不需要）。
    pub fn replan(&mut self, store: &Store, into: Option<i64>) -> Result<&ImportPlan> {
        self.plans.retain(|p| p.catalog_id != into);
        self.plan(store, into)
    }

    /// 写入：该目标的比对（没有比对过时先比对），整个过程一个事务。写入前核对文件没有改过；
    /// 新建目录时没有可导入的事项、单位名或年度无从得知都拒绝。返回写入的目录与新增、更改的事项数。
    pub fn commit(&mut self, store: &mut Store, target: &ImportTarget) -> Result<Committed> {
        let now = Fingerprint::read(&self.path).map_err(|_| ApiError::FileChanged {
            path: self.path.clone(),
        })?;
        if now != self.fingerprint {
            return Err(ApiError::FileChanged {
                path: self.path.clone(),
            });
        }
        let to = match target.into {
            Some(id) => Target::Existing(id),
            None => Target::New(self.new_catalog_info(target)?),
        };
        let plan = self.plan(store, target.into)?.clone();
        if target.into.is_none() && plan.added.is_empty() {
            return Err(ApiError::NothingToImport {
                skipped: plan.skipped_sheets,
            });
        }
        let outcome = mulu_import::commit(store, &self.preview, &plan, &to)?;
        Ok(Committed {
            catalog: store.get_catalog(outcome.catalog_id)?,
            outcome,
        })
    }

    /// 新建目录的单位、类别、年度：给出的优先，空白的名称等于没给；文件里也没有时拒绝。
    fn new_catalog_info(&self, t: &ImportTarget) -> Result<NewCatalogInfo> {
        let unit = t
            .unit
            .as_deref()
            .map(mulu_core::text::tidy)
            .filter(|u| !u.is_empty());
        let origin = self.preview.origin.as_ref();
        if unit.is_none() && origin.is_none() && self.preview.unit_hint.is_none() {
            return Err(ApiError::UnitMissing);
        }
        if t.year.is_none() && origin.is_none_or(|o| o.catalog.year == 0) {
            return Err(ApiError::YearMissing);
        }
        Ok(NewCatalogInfo {
            unit,
            kind: t.kind,
            year: t.year,
        })
    }
}

/// 读出文件的元数据与字节；超过上限时不读。
pub(crate) fn read_file(path: &Path, limit: u64) -> Result<(std::fs::Metadata, Vec<u8>)> {
    let io = |source| ImportError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.len() > limit {
        return Err(ImportError::TooLarge {
            path: path.to_path_buf(),
            size_mb: meta.len() as f64 / 1_048_576.0,
            limit_mb: limit as f64 / 1_048_576.0,
        }
        .into());
    }
    let bytes = std::fs::read(path).map_err(io)?;
    Ok((meta, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    fn store(dir: &tempfile::TempDir) -> Store {
        Store::open(&dir.path().join("mulu.db")).unwrap()
    }

    fn session(s: &Store, path: &Path) -> ImportSession {
        ImportSession::read(path, &read_options(s, None).unwrap()).unwrap()
    }

    #[test]
    fn previews_once_then_commits_what_was_planned() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = store(&dir);
        let mut sess = session(&s, &fixture("official_openpyxl.xlsx"));
        assert_eq!(sess.preview.item_count(), 10);
        assert_eq!(sess.plan(&s, None).unwrap().added.len(), 10);
        assert!(s.list_catalogs().unwrap().is_empty());
        let target = ImportTarget {
            unit: Some("  某某县某某镇人民政府 ".into()),
            year: Some(2026),
            ..Default::default()
        };
        let c = sess.commit(&mut s, &target).unwrap().catalog;
        assert_eq!(c.year, 2026);
        assert_eq!(s.list_items(c.id).unwrap().len(), 10);
        // Merging the same preview again changes nothing (and is not refused).
        let plan = sess.plan(&s, Some(c.id)).unwrap();
        assert_eq!(
            (plan.added.len(), plan.changed.len(), plan.unchanged),
            (0, 0, 10)
        );
        let into = ImportTarget {
            into: Some(c.id),
            ..Default::default()
        };
        assert_eq!(sess.commit(&mut s, &into).unwrap().catalog.id, c.id);
        assert_eq!(s.list_items(c.id).unwrap().len(), 10);
    }

    #[test]
    fn a_file_changed_after_the_preview_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = store(&dir);
        let path = dir.path().join("目录.xlsx");
        std::fs::copy(fixture("official_openpyxl.xlsx"), &path).unwrap();
        let mut sess = session(&s, &path);
        sess.plan(&s, None).unwrap();
        // Another workbook saved over the same name after the preview.
        std::fs::copy(fixture("county_department_nolevel.xlsx"), &path).unwrap();
        let target = ImportTarget {
            unit: Some("某某县某某镇人民政府".into()),
            year: Some(2026),
            ..Default::default()
        };
        let err = sess.commit(&mut s, &target).unwrap_err();
        assert!(matches!(err, ApiError::FileChanged { .. }), "{err}");
        assert!(err.to_string().contains("预览之后被修改过"), "{err}");
        assert!(s.list_catalogs().unwrap().is_empty());
        // Deleted is changed too.
        std::fs::remove_file(&path).unwrap();
        assert!(matches!(
            sess.commit(&mut s, &target),
            Err(ApiError::FileChanged { .. })
        ));
    }

    #[test]
    fn a_new_catalog_needs_something_to_add_a_unit_and_a_year() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = store(&dir);
        let mut sess = session(&s, &fixture("official_openpyxl.xlsx"));
        let c = sess
            .commit(
                &mut s,
                &ImportTarget {
                    unit: Some("某某县某某镇人民政府".into()),
                    year: Some(2026),
                    ..Default::default()
                },
            )
            .unwrap()
            .catalog;
        // Nothing to add: every item is already in the catalog and its plan is empty of additions.
        sess.plans[0].added.clear();
        let err = sess
            .commit(
                &mut s,
                &ImportTarget {
                    unit: Some("某某县某某镇人民政府".into()),
                    year: Some(2027),
                    ..Default::default()
                },
            )
            .unwrap_err();
        assert!(
            matches!(&err, ApiError::NothingToImport { skipped } if skipped.is_empty()),
            "{err}"
        );
        assert_eq!(err.cli_hint(), None);
        assert_eq!(s.list_catalogs().unwrap().len(), 1);
        let _ = c;
        // Blank names are "not given"; with no unit in the file that is an error without CLI words.
        sess.preview.unit_hint = None;
        sess.preview.origin = None;
        let err = sess
            .new_catalog_info(&ImportTarget {
                unit: Some("  ".into()),
                year: Some(2026),
                ..Default::default()
            })
            .unwrap_err();
        assert!(matches!(err, ApiError::UnitMissing));
        assert!(!err.to_string().contains("--"), "{err}");
        assert!(err.cli_hint().unwrap().contains("--unit"));
        let err = sess
            .new_catalog_info(&ImportTarget {
                unit: Some("某某县民政局".into()),
                ..Default::default()
            })
            .unwrap_err();
        assert!(matches!(err, ApiError::YearMissing));
    }

    #[test]
    fn unreadable_files_give_chinese_sentences() {
        let dir = tempfile::tempdir().unwrap();
        let s = store(&dir);
        let opts = read_options(&s, None).unwrap();
        let err = ImportSession::read(&fixture("not_a_workbook.xlsx"), &opts).unwrap_err();
        assert!(err.to_string().contains("不是 Excel 工作簿"), "{err}");
        let err = ImportSession::read(&fixture("empty.xlsx"), &opts).unwrap_err();
        assert!(err.to_string().contains("空工作簿"), "{err}");
        let err = ImportSession::read(&dir.path().join("没有.xlsx"), &opts).unwrap_err();
        assert!(err.to_string().contains("无法读取文件"), "{err}");
        let err = ImportSession::read(Path::new(" "), &opts).unwrap_err();
        assert!(err.to_string().starts_with("请选择要导入的"), "{err}");
    }
}
