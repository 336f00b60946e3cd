//! 写出文件的唯一方式：先写到同一文件夹里的临时文件、落盘（`fsync`），再一步改名为目标文件。
//!
//! 导出、批注工作簿、审核意见、指引包都经这里：写到一半断电、被结束（`kill -9`）或磁盘满时，目标位置上要么是
//! 原来的文件（上一次报送的工作簿不会被截断），要么是完整的新文件；留下的临时文件名以 `.` 开头、以 `.part`
//! 结尾，不会被当成工作簿。临时文件由 `tempfile` 建立（名字随机、只有本用户可读写）。
//!
//! ```
//! # let dir = tempfile::tempdir().unwrap();
//! let out = dir.path().join("目录.xlsx");
//! mulu_core::atomic::write(&out, b"first").unwrap();
//! mulu_core::atomic::write(&out, b"second").unwrap();
//! assert_eq!(std::fs::read(&out).unwrap(), b"second");
//! ```

use std::io::Write;
use std::path::Path;

/// 把 `bytes` 完整写到 `path`（见模块说明）。`path` 所在的文件夹须已存在。
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".mulu-")
        .suffix(".part")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn replaces_in_one_step_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("a.xlsx");
        std::fs::write(&out, b"old").unwrap();
        super::write(&out, b"new").unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"new");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("a.xlsx")]);
        // A missing folder is an error, and nothing is written anywhere.
        assert!(super::write(&dir.path().join("无/a.xlsx"), b"x").is_err());
    }
}
