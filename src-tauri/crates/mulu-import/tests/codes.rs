//! Every diagnostic the reader gives carries a stable code (not only a message): the reader itself
//! filters diagnostics by code (round-trip cells, recognised domains), and so can callers.

use std::path::PathBuf;

use mulu_core::model::DiagnosticCode;
use mulu_import::{read_workbook, ReadOptions};

fn fixtures() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../tests/fixtures");
    let mut out = Vec::new();
    for dir in ["workbooks", "docx"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let p = e.unwrap().path();
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
            if matches!(ext, "xlsx" | "xls" | "docx") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_diagnostic_has_a_code() {
    let opts = ReadOptions::with_builtin_domains();
    let mut seen = std::collections::BTreeSet::new();
    for path in fixtures() {
        let Ok(p) = read_workbook(&path, &opts) else {
            continue;
        };
        for d in p.diagnostics() {
            assert_ne!(
                d.code,
                DiagnosticCode::Other,
                "{}: {} has no code",
                path.display(),
                d.message
            );
            seen.insert(format!("{:?}", d.code));
        }
    }
    // The fixtures exercise the common kinds.
    for code in ["Tidied", "ExtraColumn", "UnknownDomain", "NoTable"] {
        assert!(seen.contains(code), "no fixture gives {code}: {seen:?}");
    }
}
