//! 由独立写入器（openpyxl、XlsxWriter、LibreOffice）生成的工作簿，与 python-docx、LibreOffice
//! 写的 Word 文档：每个文件旁的 `*.expect.json` 写着细心的人读这张表会得到什么（由
//! `tests/fixtures/generate.py` 与 `tests/fixtures/docx/generate.py` 从同一份数据生成）。
//! 这里逐个文件、逐个事项、逐个字段比对，把全部不符一次列出。

use std::path::{Path, PathBuf};

use mulu_core::model::{Diagnostic, ImportPreview, PreviewItem};
use mulu_import::{read_workbook, ImportError, ReadOptions};
use serde_json::Value;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/fixtures/workbooks")
}

fn docx_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/fixtures/docx")
}

fn expectations() -> Vec<(PathBuf, Value)> {
    let mut out: Vec<(PathBuf, Value)> = Vec::new();
    for dir in [fixtures_dir(), docx_dir()] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        out.extend(
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.to_string_lossy().ends_with(".expect.json"))
                .map(|p| {
                    let v: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap())
                        .unwrap_or_else(|e| panic!("{}：{e}", p.display()));
                    let file = dir.join(v["file"].as_str().unwrap());
                    (file, v)
                }),
        );
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn error_kind(e: &ImportError) -> &'static str {
    match e {
        ImportError::NotAWorkbook { .. } => "not_a_workbook",
        ImportError::Encrypted { .. } => "encrypted",
        ImportError::Empty { .. } => "empty",
        ImportError::NoTable { .. }
        | ImportError::WordNoTable { .. }
        | ImportError::NoUnits { .. }
        | ImportError::NoSheet { .. } => "no_table",
        ImportError::Unsupported { .. } => "unsupported",
        ImportError::Malformed { .. } | ImportError::Listing { .. } => "malformed",
        ImportError::TooLarge { .. }
        | ImportError::SheetTooLarge { .. }
        | ImportError::WordTooLarge { .. }
        | ImportError::LimitExceeded { .. } => "too_large",
        ImportError::Io { .. } => "io",
    }
}

/// 预览事项里与期望同名的字段，按期望的 JSON 形状取出。
fn actual_field(item: &PreviewItem, key: &str) -> Value {
    let v = serde_json::to_value(&item.fields).unwrap();
    match key {
        "channels" => serde_json::json!({
            "standard": v["channels"]["standard"],
            "extra": v["channels"]["extra"],
        }),
        _ => v[key].clone(),
    }
}

/// 不计顺序比较 JSON 数组。
fn as_set(v: &Value) -> Vec<String> {
    let mut s: Vec<String> = v
        .as_array()
        .map(|a| a.iter().map(|x| x.to_string()).collect())
        .unwrap_or_default();
    s.sort();
    s
}

fn same(key: &str, want: &Value, got: &Value) -> bool {
    match key {
        // 勾选类字段不计顺序。
        // 模型只有县级、乡级两个层级；“市级”栏按其他栏处理。
        "level" => {
            let w: Vec<String> = as_set(want)
                .into_iter()
                .filter(|x| x != "\"市级\"")
                .collect();
            w == as_set(got)
        }
        "audience" | "mode" => as_set(want) == as_set(got),
        "channels" => {
            as_set(&want["standard"]) == as_set(&got["standard"]) && want["extra"] == got["extra"]
        }
        "audience_group" => {
            want == got || (want.is_null() && got.as_str().is_some_and(str::is_empty))
        }
        _ => want == got,
    }
}

fn check_preview(name: &str, exp: &Value, p: &ImportPreview, problems: &mut Vec<String>) {
    let tables = exp["tables"].as_array().cloned().unwrap_or_default();
    let mut used = vec![false; p.sheets.len()];
    for t in &tables {
        let sheet = t["sheet"].as_str().unwrap_or("");
        let domain = t["domain"].as_str();
        let Some(i) = p.sheets.iter().enumerate().position(|(i, s)| {
            // 没有标题、表名也不含领域时，导入器按设计让用户选领域（并给出警告）。
            let domain_ok = s.domain.as_deref() == domain
                || (s.domain.is_none()
                    && s.diagnostics
                        .iter()
                        .any(|d| d.message.contains("认不出属于哪个领域")));
            !used[i] && s.sheet == sheet && domain_ok && !s.items.is_empty()
        }) else {
            let found: Vec<String> = p
                .sheets
                .iter()
                .map(|s| format!("{}:{:?}:{}项", s.sheet, s.domain, s.items.len()))
                .collect();
            problems.push(format!(
                "{name}：找不到表格 {sheet}/{domain:?}（读到 {found:?}）"
            ));
            continue;
        };
        used[i] = true;
        let got = &p.sheets[i];
        let want_items = t["items"].as_array().cloned().unwrap_or_default();
        if got.items.len() != want_items.len() {
            let rows: Vec<u32> = got.items.iter().map(|i| i.row).collect();
            problems.push(format!(
                "{name} {sheet}：应有 {} 项，读到 {} 项（行 {rows:?}）",
                want_items.len(),
                got.items.len()
            ));
        }
        for w in &want_items {
            let row = w["row"].as_u64().unwrap_or(0) as u32;
            let Some(item) = got.items.iter().find(|i| i.row == row) else {
                problems.push(format!("{name} {sheet}：第 {row} 行没有读成事项"));
                continue;
            };
            for (key, want) in w.as_object().unwrap() {
                // 指引模板的载体是必选/可选（由 read_guideline 读，见下一个测试）。
                if matches!(key.as_str(), "row" | "requirements")
                    || (key == "channels" && want.is_null())
                {
                    continue;
                }
                let got = actual_field(item, key);
                if !same(key, want, &got) {
                    problems.push(format!(
                        "{name} {sheet}!{row} {key}：应为 {want}，读到 {got}"
                    ));
                }
            }
        }
    }
    // 提示：期望里的每一条（工作表、单元格、严重程度、说明的片段）都要有，且没有多出来的。
    let mut unmatched: Vec<&Diagnostic> = p.diagnostics().collect();
    for d in exp["diagnostics"].as_array().into_iter().flatten() {
        let hit = unmatched.iter().position(|g| {
            g.sheet == d["sheet"].as_str().unwrap_or("")
                && g.cell.as_deref() == d["cell"].as_str()
                && g.severity.as_str() == d["severity"].as_str().unwrap_or("")
                && g.message.contains(d["message"].as_str().unwrap_or(""))
        });
        match hit {
            Some(i) => {
                unmatched.remove(i);
            }
            None => problems.push(format!("{name}：缺少提示 {d}")),
        }
    }
    for g in unmatched {
        problems.push(format!(
            "{name}：多出提示 {}!{} {} {}",
            g.sheet,
            g.cell.as_deref().unwrap_or("-"),
            g.severity.as_str(),
            g.message
        ));
    }
}

#[test]
fn independent_writers_fixtures_read_as_a_person_would() {
    let all = expectations();
    if all.is_empty() {
        // 夹具随仓库提交；目录不存在说明检出不完整。
        panic!("没有找到 {}", fixtures_dir().display());
    }
    let opts = ReadOptions::with_builtin_domains();
    let mut problems = Vec::new();
    let mut checked = 0;
    for (file, exp) in &all {
        let name = exp["file"].as_str().unwrap_or("?");
        let result = read_workbook(file, &opts);
        match (exp["error"].as_str(), result) {
            (Some(kind), Err(e)) => {
                if error_kind(&e) != kind {
                    problems.push(format!("{name}：应报 {kind}，实际 {}：{e}", error_kind(&e)));
                }
            }
            (Some(kind), Ok(_)) => problems.push(format!("{name}：应报 {kind}，却读成功了")),
            (None, Err(e)) => problems.push(format!("{name}：读取失败：{e}")),
            // 指引模板也逐字段比对：导入目录与导入指引共用同一个表格读取。
            (None, Ok(p)) => check_preview(name, exp, &p, &mut problems),
        }
        checked += 1;
    }
    assert!(checked >= 10, "夹具太少：{checked}");
    let docx = all
        .iter()
        .filter(|(f, _)| f.extension().is_some_and(|e| e == "docx"))
        .count();
    assert!(
        docx >= 4,
        "Word 夹具太少：{docx}（{}）",
        docx_dir().display()
    );
    assert!(
        problems.is_empty(),
        "{} 处不符：\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// 载体的必选/可选只按工作簿自己的图例记：没有图例时勾上的是“未注明”，没勾的不列入，
/// 并提示一句；有图例时不提示。
#[test]
fn guideline_template_fixture_reads_required_and_optional_carriers() {
    for (file, exp) in expectations() {
        let items: Vec<&Value> = exp["tables"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|t| t["items"].as_array().into_iter().flatten())
            .filter(|i| i.get("requirements").is_some())
            .collect();
        if items.is_empty() {
            continue;
        }
        let (domains, diags) = mulu_import::read_guideline(
            &file,
            &ReadOptions::with_builtin_domains(),
            "测试",
            &|_| None,
        )
        .unwrap();
        let not_stated = items.iter().any(|w| {
            w["requirements"]
                .as_object()
                .is_some_and(|r| r.values().any(|v| v == "未注明"))
        });
        let said = diags
            .iter()
            .any(|d| d.message.contains("没有说明“■”“□”含义的图例"));
        assert_eq!(said, not_stated, "{}：图例提示", file.display());
        let all: Vec<_> = domains.iter().flat_map(|d| &d.items).collect();
        for w in items {
            let l2 = w["l2"].as_str().unwrap_or("");
            let l1 = w["l1"].as_str().unwrap_or("");
            let got = all
                .iter()
                .find(|g| g.l1 == l1 && g.l2 == l2)
                .unwrap_or_else(|| panic!("{}：指引事项 {l1}/{l2} 没读出来", file.display()));
            // 导入指引与导入目录共用表格读取：名称、依据、时限同样规整。
            assert_eq!(
                serde_json::to_value(&got.basis).unwrap(),
                w["basis"],
                "{}：{l2} 的公开依据",
                file.display()
            );
            assert_eq!(
                got.time_limit.as_deref().unwrap_or(""),
                w["time_limit"].as_str().unwrap_or(""),
                "{}：{l2} 的公开时限",
                file.display()
            );
            let want = w["requirements"].as_object().unwrap();
            assert_eq!(
                got.carriers.len(),
                want.len(),
                "{}：{l2} 的载体 {:?}",
                file.display(),
                got.carriers
            );
            for (carrier, req) in want {
                let c = got.carriers.iter().find(|c| &c.name == carrier);
                assert_eq!(
                    c.map(|c| c.requirement.as_str()),
                    req.as_str(),
                    "{}：{l2} 的 {carrier}",
                    file.display()
                );
            }
        }
    }
}
