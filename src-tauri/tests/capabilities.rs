//! 窗口的权限只许收紧、不许放宽：`capabilities/` 里的每个文件只能给主窗口、只能含下面这几项权限，
//! 也不能有远程地址（`remote`）。要加权限就得改这个测试——改的人得说清为什么（issue 14 第 6 条）。

use std::collections::BTreeSet;
use std::path::Path;

/// 今天用到的全部权限：核心事件与窗口、另存为对话框、打开对话框。
const ALLOWED: &[&str] = &["core:default", "dialog:allow-save", "dialog:allow-open"];

#[test]
fn capabilities_grant_nothing_beyond_today() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("capabilities");
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let v: serde_json::Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
        files += 1;
        let name = path.display();
        assert_eq!(v["windows"], serde_json::json!(["main"]), "{name}: windows");
        assert!(
            v.get("remote").is_none(),
            "{name}: remote URLs must not get capabilities"
        );
        assert!(
            v.get("platforms").is_none() || v["platforms"].is_array(),
            "{name}: platforms"
        );
        let granted: BTreeSet<String> = v["permissions"]
            .as_array()
            .unwrap_or_else(|| panic!("{name}: permissions must be a list"))
            .iter()
            .map(|p| match p {
                serde_json::Value::String(s) => s.clone(),
                // A permission object (with scopes) is broader than a plain identifier.
                other => panic!("{name}: scoped permission {other} is not allowed"),
            })
            .collect();
        let extra: Vec<_> = granted
            .iter()
            .filter(|p| !ALLOWED.contains(&p.as_str()))
            .collect();
        assert!(
            extra.is_empty(),
            "{name}: permissions beyond today: {extra:?}"
        );
    }
    assert_eq!(files, 1, "one capability file (default.json) expected");
}
