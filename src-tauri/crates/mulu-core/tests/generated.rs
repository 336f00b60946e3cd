//! 生成的 JSON Schema 与 TypeScript 类型必须与 Rust 类型一致（CI 里检查）。
//! 修改类型后运行 `make generate` 重新生成。

fn check(rel: &str, want: String) {
    if let Err(e) = mulu_core::codegen::check_generated(rel, &want) {
        panic!("{e}");
    }
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
