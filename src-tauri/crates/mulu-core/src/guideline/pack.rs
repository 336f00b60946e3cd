//! 指引包：县里把自己的指引库（每个领域的当前版本，连同导入的、用户添加的领域）写成**一个文件**，
//! 发给乡镇载入。见 docs/guideline-library.md“指引包”。
//!
//! 文件是 UTF-8 的 JSON（[`GuidelinePack`]）：格式名与格式版本、指引库的名称与版本、生成时间、
//! 各领域的完整数据（事项与来源），以及 `sha256`——对 `domains` 的规范 JSON（本程序的
//! `serde_json` 紧凑序列化，字段按类型声明的顺序）求的 SHA-256。读入时按读到的数据重新求一遍，
//! 不符即拒绝：内容在生成后被改过，或文件已损坏。文件大小有上限（[`MAX_PACK_BYTES`]）。

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use thiserror::Error;

use super::{validate_domain, GuidelineDomain, GuidelineError};

/// 指引包文件的格式名（`format` 字段）。
pub const PACK_FORMAT: &str = "mulu-guideline-pack";
/// 本程序写出、也读得懂的格式版本；增加字段时加一。
pub const PACK_FORMAT_VERSION: u32 = 1;
/// 指引包文件的大小上限：26 个领域的完整指引也不过几 MB。
pub const MAX_PACK_BYTES: u64 = 64 * 1024 * 1024;

/// 一个指引包（文件的全部内容）。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuidelinePack {
    /// 总是 [`PACK_FORMAT`]。
    pub format: String,
    /// 格式版本（[`PACK_FORMAT_VERSION`]）。
    pub format_version: u32,
    /// 指引库的名称，例如“某某县政务公开指引库”。
    pub name: String,
    /// 指引库的版本，例如 `2026.12.02-0930`。
    pub version: String,
    /// 生成时间（UTC，`2026-12-02T01:30:00Z`）。
    pub created: String,
    /// `domains` 的规范 JSON 的 SHA-256（小写十六进制）。
    pub sha256: String,
    /// 各领域的当前版本（事项、来源、官方全表规模……原样）。
    pub domains: Vec<GuidelineDomain>,
}

/// 读写指引包时的错误。
#[derive(Debug, Error)]
pub enum PackError {
    #[error("无法读取指引包“{path}”：{source}。请确认文件存在并且可以打开。")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("无法写出指引包“{path}”：{source}。请确认文件夹存在并且有写入权限。")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "“{path}”有 {size} 字节，超过指引包的上限（{max} MB），不像是指引包，未载入。",
        max = MAX_PACK_BYTES / 1024 / 1024
    )]
    TooLarge { path: PathBuf, size: u64 },
    #[error(
        "“{path}”不是标准指引包（应为本程序“导出指引包…”或 `mulu guidelines pack` 写出的文件）。"
    )]
    NotAPack { path: PathBuf },
    #[error("指引包“{path}”的格式版本为 {version}，比本程序能读的（{PACK_FORMAT_VERSION}）新，请先升级标准目录编制器。")]
    Newer { path: PathBuf, version: u32 },
    #[error("指引包“{path}”已损坏，无法读取（{detail}）。请向发包单位重新索取。")]
    Corrupt { path: PathBuf, detail: String },
    #[error("指引包“{path}”的校验和不符：内容在生成后被改动过或文件已损坏，未载入。请向发包单位重新索取。")]
    Checksum { path: PathBuf },
    #[error("指引包“{path}”里没有任何领域，未载入。")]
    Empty { path: PathBuf },
    #[error("指引包“{path}”里“{name}”领域出现了不止一次，未载入。请向发包单位重新索取。")]
    DuplicateDomain { path: PathBuf, name: String },
    #[error("指引包“{path}”的{what}为空。")]
    Blank { path: PathBuf, what: &'static str },
    #[error("指引包里的领域数据有误：{0}")]
    Invalid(#[from] GuidelineError),
}

/// 只看格式名与版本（其余字段不管），以便给出“不是指引包”“格式太新”的说明。
#[derive(Deserialize)]
struct Head {
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    format_version: Option<u32>,
}

impl GuidelinePack {
    /// 由各领域组成一个指引包，求出校验和。`created` 为 UTC 时间（见 [`crate::store::Store::now_utc`]）。
    pub fn new(
        name: &str,
        version: &str,
        created: &str,
        domains: Vec<GuidelineDomain>,
    ) -> Result<Self, PackError> {
        let sha256 = checksum(&domains)?;
        Ok(GuidelinePack {
            format: PACK_FORMAT.to_string(),
            format_version: PACK_FORMAT_VERSION,
            name: crate::text::tidy(name),
            version: crate::text::tidy(version),
            created: created.to_string(),
            sha256,
            domains,
        })
    }

    /// 载入后各领域记下的来源：“名称 版本”。
    pub fn label(&self) -> String {
        format!("{} {}", self.name, self.version)
    }

    /// 写到 `path`：先写同目录下的临时文件再改名，中途出错不留下半个文件。
    pub fn write(&self, path: &Path) -> Result<(), PackError> {
        let write_err = |source| PackError::Write {
            path: path.to_path_buf(),
            source,
        };
        let mut text = serde_json::to_vec_pretty(self).map_err(|e| write_err(e.into()))?;
        text.push(b'\n');
        crate::atomic::write(path, &text).map_err(write_err)?;
        Ok(())
    }

    /// 读入并核对：大小不超过上限、是指引包、格式版本读得懂、校验和相符、每个领域的数据合格。
    pub fn read(path: &Path) -> Result<Self, PackError> {
        let read_err = |source| PackError::Read {
            path: path.to_path_buf(),
            source,
        };
        let file = std::fs::File::open(path).map_err(read_err)?;
        let size = file.metadata().map_err(read_err)?.len();
        if size > MAX_PACK_BYTES {
            return Err(PackError::TooLarge {
                path: path.to_path_buf(),
                size,
            });
        }
        // 文件在读的过程中变大也不多读。
        let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
        file.take(MAX_PACK_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(read_err)?;
        if bytes.len() as u64 > MAX_PACK_BYTES {
            return Err(PackError::TooLarge {
                path: path.to_path_buf(),
                size: bytes.len() as u64,
            });
        }
        Self::from_bytes(path, &bytes)
    }

    /// 同 [`read`](Self::read)，数据已在内存里；`path` 只用于说明。
    pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Self, PackError> {
        let path_buf = || path.to_path_buf();
        let head: Head = serde_json::from_slice(bytes).map_err(|e| {
            // 开头写着本格式的名称却读不完：文件被截断或改坏了。
            let start = &bytes[..bytes.len().min(256)];
            let named = start
                .windows(PACK_FORMAT.len())
                .any(|w| w == PACK_FORMAT.as_bytes());
            if named {
                PackError::Corrupt {
                    path: path_buf(),
                    detail: e.to_string(),
                }
            } else {
                PackError::NotAPack { path: path_buf() }
            }
        })?;
        if head.format.as_deref() != Some(PACK_FORMAT) {
            return Err(PackError::NotAPack { path: path_buf() });
        }
        match head.format_version {
            Some(PACK_FORMAT_VERSION) => {}
            Some(v) if v > PACK_FORMAT_VERSION => {
                return Err(PackError::Newer {
                    path: path_buf(),
                    version: v,
                })
            }
            _ => return Err(PackError::NotAPack { path: path_buf() }),
        }
        let pack: GuidelinePack =
            serde_json::from_slice(bytes).map_err(|e| PackError::Corrupt {
                path: path_buf(),
                detail: e.to_string(),
            })?;
        if checksum(&pack.domains)? != pack.sha256.to_ascii_lowercase() {
            return Err(PackError::Checksum { path: path_buf() });
        }
        pack.validate(path)?;
        Ok(pack)
    }

    fn validate(&self, path: &Path) -> Result<(), PackError> {
        let blank = |what| PackError::Blank {
            path: path.to_path_buf(),
            what,
        };
        if self.name.trim().is_empty() {
            return Err(blank("名称"));
        }
        if self.version.trim().is_empty() {
            return Err(blank("版本"));
        }
        if self.domains.is_empty() {
            return Err(PackError::Empty {
                path: path.to_path_buf(),
            });
        }
        let mut seen = std::collections::HashSet::new();
        for d in &self.domains {
            if !seen.insert(d.name.as_str()) {
                return Err(PackError::DuplicateDomain {
                    path: path.to_path_buf(),
                    name: d.name.clone(),
                });
            }
            if d.data_version.trim().is_empty() {
                return Err(GuidelineError::Invalid {
                    file: d.name.clone(),
                    problem: "数据版本为空".into(),
                }
                .into());
            }
            validate_domain(&d.name, d)?;
        }
        Ok(())
    }
}

/// `domains` 的规范 JSON（紧凑，字段按类型声明的顺序）的 SHA-256，小写十六进制。
pub fn checksum(domains: &[GuidelineDomain]) -> Result<String, PackError> {
    let canonical = serde_json::to_vec(domains).map_err(|e| PackError::Corrupt {
        path: PathBuf::new(),
        detail: e.to_string(),
    })?;
    let digest = Sha256::digest(&canonical);
    Ok(digest.iter().map(|b| format!("{b:02x}")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guideline::builtin_domains;

    fn pack() -> GuidelinePack {
        let domains = builtin_domains().unwrap().into_iter().take(3).collect();
        GuidelinePack::new("某某县指引库", "2026.12", "2026-12-02T01:00:00Z", domains).unwrap()
    }

    #[test]
    fn writes_and_reads_back_the_same_pack() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.json");
        let p = pack();
        p.write(&path).unwrap();
        assert_eq!(GuidelinePack::read(&path).unwrap(), p);
        assert!(!dir.path().join("p.json.part").exists());
        assert_eq!(p.label(), "某某县指引库 2026.12");
        assert_eq!(p.sha256.len(), 64);
    }

    #[test]
    fn refuses_a_tampered_pack() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.json");
        let p = pack();
        p.write(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        // 改一个事项的名称（仍是合格的 JSON 与合格的指引）：校验和不符。
        let first = &p.domains[0].items[0].l2;
        let tampered = text.replacen(&format!("\"{first}\""), "\"改过的事项\"", 1);
        assert_ne!(tampered, text);
        std::fs::write(&path, tampered).unwrap();
        let err = GuidelinePack::read(&path).unwrap_err();
        assert!(matches!(err, PackError::Checksum { .. }), "{err}");
        assert!(err.to_string().contains("校验和不符"), "{err}");
    }

    #[test]
    fn explains_files_that_are_not_packs() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.json");
        let cases: [(&[u8], &str); 5] = [
            (b"PK\x03\x04not json", "不是标准指引包"),
            (b"{\"units\": []}", "不是标准指引包"),
            (
                b"{\"format\": \"mulu-guideline-pack\", \"format_version\": 9}",
                "升级",
            ),
            (
                b"{\"format\": \"mulu-guideline-pack\", \"format_version\": 1, \"name\": 1}",
                "已损坏",
            ),
            (b"", "不是标准指引包"),
        ];
        for (bytes, want) in cases {
            std::fs::write(&path, bytes).unwrap();
            let err = GuidelinePack::read(&path).unwrap_err().to_string();
            assert!(err.contains(want), "{want}: {err}");
        }
        // 截断的文件（读到一半）。
        let p = pack();
        p.write(&path).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
        let err = GuidelinePack::read(&path).unwrap_err().to_string();
        assert!(err.contains("已损坏"), "{err}");
        let err = GuidelinePack::read(&dir.path().join("没有.json"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("无法读取指引包"), "{err}");
    }

    #[test]
    fn refuses_a_file_over_the_size_limit_without_reading_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.json");
        let f = std::fs::File::create(&path).unwrap();
        f.set_len(MAX_PACK_BYTES + 1).unwrap(); // 稀疏文件，不占空间
        let err = GuidelinePack::read(&path).unwrap_err();
        assert!(matches!(err, PackError::TooLarge { .. }), "{err}");
        assert!(
            err.to_string().contains("超过指引包的上限（64 MB）"),
            "{err}"
        );
    }

    #[test]
    fn refuses_invalid_domains_even_with_a_matching_checksum() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.json");
        let mut domains = pack().domains;
        domains.push(domains[0].clone());
        let p = GuidelinePack::new("县", "1", "2026-12-02T01:00:00Z", domains).unwrap();
        p.write(&path).unwrap();
        let err = GuidelinePack::read(&path).unwrap_err().to_string();
        assert!(err.contains("出现了不止一次"), "{err}");

        let mut domains = pack().domains;
        domains[0].items[0].source = String::new();
        let p = GuidelinePack::new("县", "1", "2026-12-02T01:00:00Z", domains).unwrap();
        p.write(&path).unwrap();
        let err = GuidelinePack::read(&path).unwrap_err().to_string();
        assert!(err.contains("没有记录来源"), "{err}");

        let p = GuidelinePack::new("县", "1", "2026-12-02T01:00:00Z", Vec::new()).unwrap();
        p.write(&path).unwrap();
        let err = GuidelinePack::read(&path).unwrap_err().to_string();
        assert!(err.contains("没有任何领域"), "{err}");
    }
}
