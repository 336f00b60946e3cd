//! 界面传来的写入位置的核对（issue 14 第 6 条“只写用户选的地方”）：导出、指引包、批注工作簿的
//! 文件与文件夹都来自系统的“另存为”“选择文件夹”对话框；这里再核对一遍，界面里的脚本即使被注入，
//! 也不能让程序覆盖数据库、备份或任意位置的其他种类的文件。
//!
//! 规则：绝对路径、不含 `..`；写文件时扩展名必须是这个命令写的种类、所在文件夹已存在、目标不是文件夹
//! 也不是符号链接；创建文件夹时它的上一级已存在。两者都不能是数据库文件（含 -wal、-shm）或在备份文件夹里。

use std::path::{Component, Path, PathBuf};

/// 核对一个要写的文件：`exts` 是允许的扩展名（小写，不带点），`db` 是数据库文件。
pub fn file_to_write(path: &str, exts: &[&str], db: &Path) -> Result<PathBuf, String> {
    let p = common(path, db)?;
    let ext = p
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if !exts.contains(&ext.as_str()) {
        return Err(format!(
            "不能写入“{}”：这里只能保存为 .{} 文件，请在“另存为”对话框里重新选择。",
            p.display(),
            exts.join("、.")
        ));
    }
    let parent = p.parent().unwrap_or(Path::new(""));
    if !parent.is_dir() {
        return Err(format!(
            "不能写入“{}”：文件夹“{}”不存在，请在“另存为”对话框里重新选择。",
            p.display(),
            parent.display()
        ));
    }
    if let Ok(meta) = std::fs::symlink_metadata(&p) {
        if meta.is_dir() || meta.file_type().is_symlink() {
            return Err(format!(
                "不能写入“{}”：它是一个文件夹或链接，请换一个文件名。",
                p.display()
            ));
        }
    }
    Ok(p)
}

/// 核对一个要写入（必要时创建）的文件夹。
pub fn folder_to_write(path: &str, db: &Path) -> Result<PathBuf, String> {
    let p = common(path, db)?;
    let parent_ok = p.is_dir() || p.parent().is_some_and(Path::is_dir);
    if !parent_ok {
        return Err(format!(
            "不能写入文件夹“{}”：它的上一级文件夹不存在，请在对话框里重新选择。",
            p.display()
        ));
    }
    Ok(p)
}

fn common(path: &str, db: &Path) -> Result<PathBuf, String> {
    if path.trim().is_empty() {
        return Err("请先选择保存的位置。".into());
    }
    let p = PathBuf::from(path);
    if !p.is_absolute() || p.components().any(|c| c == Component::ParentDir) {
        return Err(format!(
            "不能写入“{path}”：位置必须是对话框里选的完整路径（不含“..”）。"
        ));
    }
    // 要写的位置（或它已存在的上一级）解析链接后是数据库文件（含 -wal、-shm）或在备份文件夹里：拒绝。
    let resolved = p
        .canonicalize()
        .ok()
        .or_else(|| {
            let parent = p.parent()?.canonicalize().ok()?;
            Some(parent.join(p.file_name()?))
        })
        .unwrap_or_else(|| p.clone());
    let canon = |q: &Path| q.canonicalize().unwrap_or_else(|_| q.to_path_buf());
    let backups = canon(&mulu_core::store::backup::backup_dir(db));
    let db_name = db.file_name().map(|n| n.to_string_lossy().into_owned());
    let db_dir = db.parent().map(canon);
    let is_db_file = db_name.is_some_and(|name| {
        resolved.parent() == db_dir.as_deref()
            && resolved
                .file_name()
                .is_some_and(|f| f.to_string_lossy().starts_with(&name))
    });
    if is_db_file || resolved.starts_with(&backups) {
        return Err(format!(
            "不能写入“{}”：那是本程序的数据库或备份，请另选一个位置。",
            p.display()
        ));
    }
    Ok(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_absolute_paths_of_the_right_kind_outside_the_data_folder() {
        let root = tempfile::tempdir().unwrap();
        let data = root.path().join("data");
        std::fs::create_dir_all(data.join("backups")).unwrap();
        let db = data.join("mulu.db");
        std::fs::write(&db, b"").unwrap();
        let out = root.path().join("out");
        std::fs::create_dir_all(&out).unwrap();
        let s = |p: &Path| p.display().to_string();

        let ok = out.join("目录.xlsx");
        assert_eq!(file_to_write(&s(&ok), &["xlsx"], &db).unwrap(), ok);
        assert!(file_to_write(&s(&out.join("目录.XLSX")), &["xlsx"], &db).is_ok());

        for (bad, why) in [
            ("目录.xlsx".to_string(), "完整路径"),
            (s(&out.join("../out/目录.xlsx")), "完整路径"),
            (s(&out.join("目录.sh")), ".xlsx"),
            (s(&out.join("nope/目录.xlsx")), "不存在"),
            (s(&data.join("mulu.db.xlsx")), "数据库或备份"),
            (s(&data.join("backups/x.xlsx")), "数据库或备份"),
            (String::new(), "请先选择"),
        ] {
            let e = file_to_write(&bad, &["xlsx"], &db).unwrap_err();
            assert!(e.contains(why), "{bad}: {e}");
        }
        // 指向数据库文件夹的链接也不行。
        #[cfg(unix)]
        {
            let link = out.join("link");
            std::os::unix::fs::symlink(&data, &link).unwrap();
            let e = file_to_write(&s(&link.join("backups/x.xlsx")), &["xlsx"], &db).unwrap_err();
            assert!(e.contains("数据库或备份"), "{e}");
            let f = out.join("f.xlsx");
            std::os::unix::fs::symlink(&db, &f).unwrap();
            assert!(file_to_write(&s(&f), &["xlsx"], &db).is_err());
        }

        assert!(folder_to_write(&s(&out.join("批注")), &db).is_ok());
        assert!(folder_to_write(&s(&out.join("a/b")), &db).is_err());
        assert!(folder_to_write(&s(&data.join("backups/批注")), &db).is_err());
        // 数据库旁边的其他文件夹可以（端到端测试把导出放在数据库旁的 exports/）。
        assert!(file_to_write(&s(&data.join("目录.xlsx")), &["xlsx"], &db).is_ok());
    }
}
