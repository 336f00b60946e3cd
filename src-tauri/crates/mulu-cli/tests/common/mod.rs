//! 命令行测试的共用部分：在临时数据库上运行 `mulu`。

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Default for Env {
    fn default() -> Self {
        Self::new()
    }
}

impl Env {
    pub fn new() -> Self {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("mulu.db")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// 运行 `mulu --db <临时库> args…`。
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_mulu"))
            .arg("--db")
            .arg(self.db())
            .args(args)
            .env_remove("MULU_DB")
            .output()
            .unwrap()
    }

    /// 新建 2026 年“某某县某某镇人民政府”的目录，返回 `catalog new` 的输出。
    pub fn new_township_catalog(&self) -> String {
        self.new_township_catalog_for("2026")
    }

    pub fn new_township_catalog_for(&self, year: &str) -> String {
        self.ok(&[
            "catalog",
            "new",
            "--unit",
            "某某县某某镇人民政府",
            "--kind",
            "乡镇",
            "--year",
            year,
        ])
    }

    /// 运行并要求成功，返回 stdout。
    pub fn ok(&self, args: &[&str]) -> String {
        let o = self.run(args);
        assert!(
            o.status.success(),
            "mulu {args:?} 失败：{}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8(o.stdout).unwrap()
    }
}

pub fn repo() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../.."))
}
