//! 生成的 JSON Schema 与 TypeScript 类型必须与 Rust 类型一致（CI 里检查）。
//! 修改类型后运行 `make generate` 重新生成。

use std::path::PathBuf;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../..")
}

fn check(rel: &str, want: String) {
    let path = repo().join(rel);
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, want).unwrap();
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "{rel} 与 Rust 类型不一致：请运行 `make generate` 并提交生成的文件。"
    );
}

#[test]
fn catalog_schema_matches_types() {
    check(
        "schemas/catalog.schema.json",
        mulu_core::codegen::catalog_schema(),
    );
}

#[test]
fn guideline_schema_matches_types() {
    check(
        "schemas/guideline.schema.json",
        mulu_core::codegen::guideline_schema(),
    );
}

#[test]
fn typescript_bindings_match_types() {
    check(
        "ui/src/bindings/core.ts",
        mulu_core::codegen::typescript_bindings(),
    );
}
