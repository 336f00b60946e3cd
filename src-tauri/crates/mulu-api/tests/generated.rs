//! 生成的 `ui/src/bindings/api.ts` 必须与 Rust 类型一致；界面调用的命令必须与桌面程序注册的
//! 命令一致（CI 里检查）。修改类型后运行 `make generate` 重新生成。

use std::collections::BTreeSet;
use std::path::PathBuf;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../..")
}

#[test]
fn typescript_bindings_match_types() {
    let want = mulu_api::codegen::typescript_bindings();
    if let Err(e) = mulu_core::codegen::check_generated("ui/src/bindings/api.ts", &want) {
        panic!("{e}");
    }
}

/// `src-tauri/src/lib.rs` 的 `generate_handler![…]` 里注册的命令名。
fn registered_commands() -> BTreeSet<String> {
    let text = std::fs::read_to_string(repo().join("src-tauri/src/lib.rs")).unwrap();
    let start = text
        .find("generate_handler![")
        .expect("lib.rs 里没有 generate_handler!");
    let rest = &text[start + "generate_handler![".len()..];
    let end = rest.find(']').expect("generate_handler! 没有结束");
    rest[..end]
        .split(',')
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .map(|p| p.rsplit("::").next().unwrap_or(p).to_string())
        .collect()
}

/// `ui/src/lib/api.ts` 里 `invoke<…>('name'` / `invoke('name'` 调用的命令名。
fn invoked_commands() -> BTreeSet<String> {
    let text = std::fs::read_to_string(repo().join("ui/src/lib/api.ts")).unwrap();
    let mut out = BTreeSet::new();
    let mut rest = text.as_str();
    while let Some(i) = rest.find("invoke") {
        rest = &rest[i + "invoke".len()..];
        // Skip the type argument, if any: invoke<Foo<Bar>[]>('name', …)
        let mut s = rest;
        if s.starts_with('<') {
            let mut depth = 0;
            let mut cut = s.len();
            for (j, c) in s.char_indices() {
                match c {
                    '<' => depth += 1,
                    '>' => {
                        depth -= 1;
                        if depth == 0 {
                            cut = j + 1;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            s = &s[cut..];
        }
        if let Some(q) = s.strip_prefix("('") {
            if let Some(e) = q.find('\'') {
                out.insert(q[..e].to_string());
            }
        }
    }
    out
}

#[test]
fn the_ui_calls_exactly_the_registered_commands() {
    let registered = registered_commands();
    let invoked = invoked_commands();
    assert!(
        registered.len() > 20 && invoked.len() > 20,
        "{registered:?} {invoked:?}"
    );
    let missing: Vec<_> = invoked.difference(&registered).collect();
    let unused: Vec<_> = registered.difference(&invoked).collect();
    assert!(
        missing.is_empty() && unused.is_empty(),
        "ui/src/lib/api.ts 调用了桌面程序没有注册的命令 {missing:?}；注册了却没有调用的命令 {unused:?}"
    );
}
