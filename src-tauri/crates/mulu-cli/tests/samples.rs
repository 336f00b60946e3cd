//! `samples/`（scripts/make-samples.sh 生成，见 samples/README.md）：三份示例目录按预期导入、审核无错误；
//! 两份带错的报送件，`mulu check` 在预期的单元格报出预期的规则。

mod common;

use std::collections::BTreeSet;

use common::{repo, Env};
use serde_json::Value;

fn sample(name: &str) -> String {
    repo().join("samples").join(name).display().to_string()
}

fn json(out: &str) -> Value {
    serde_json::from_str(out).unwrap()
}

/// `mulu import 文件 --dry-run --json`：各表（领域、事项数、本级特色事项数、提示的单元格与级别）、
/// 往返表里的不予公开与不涉及条数。
struct Expect {
    file: &'static str,
    unit: &'static str,
    sheets: &'static [(&'static str, usize, usize)],
    /// 每张表的提示：（级别，有无单元格）
    diagnostics: &'static [(&'static str, Option<&'static str>)],
    withheld: usize,
    not_applicable: usize,
}

const GOOD: &[Expect] = &[
    Expect {
        file: "township.xlsx",
        unit: "某某县某某镇人民政府",
        sheets: &[
            ("社会救助", 13, 1),
            ("养老服务", 3, 0),
            ("涉农补贴", 4, 0),
            ("农村危房改造", 8, 0),
            ("救灾", 8, 1),
        ],
        diagnostics: &[],
        withheld: 2,
        not_applicable: 4,
    },
    Expect {
        file: "street.xlsx",
        unit: "某某县某某街道办事处",
        sheets: &[("社会救助", 13, 1), ("养老服务", 3, 0), ("就业", 4, 1)],
        diagnostics: &[],
        withheld: 1,
        not_applicable: 3,
    },
    Expect {
        file: "county-department.xlsx",
        unit: "某某县民政局",
        sheets: &[("社会救助", 11, 0), ("养老服务", 6, 1)],
        // 县级部门的目录不含“公开层级”两栏：每张表一条提示（不指向单元格）。
        diagnostics: &[("提示", None), ("提示", None)],
        withheld: 2,
        not_applicable: 2,
    },
];

#[test]
fn samples_import_as_expected_and_pass_the_review() {
    let env = Env::new();
    for e in GOOD {
        let v = json(&env.ok(&["import", &sample(e.file), "--dry-run", "--json"]));
        assert_eq!(v["unit_hint"], e.unit, "{}", e.file);
        let sheets = v["sheets"].as_array().unwrap();
        let got: Vec<(String, usize, usize)> = sheets
            .iter()
            .map(|s| {
                let items = s["items"].as_array().unwrap();
                let local = items
                    .iter()
                    .filter(|i| i["provenance"]["kind"] == "本级特色事项")
                    .count();
                (
                    s["domain"].as_str().unwrap().to_string(),
                    items.len(),
                    local,
                )
            })
            .collect();
        let want: Vec<(String, usize, usize)> = e
            .sheets
            .iter()
            .map(|(d, n, l)| (d.to_string(), *n, *l))
            .collect();
        assert_eq!(got, want, "{}：各表的领域、事项数、本级特色事项数", e.file);
        let diags: Vec<(String, Option<String>)> = sheets
            .iter()
            .flat_map(|s| s["diagnostics"].as_array().unwrap().iter())
            .map(|d| {
                (
                    d["severity"].as_str().unwrap().to_string(),
                    d["cell"].as_str().map(str::to_string),
                )
            })
            .collect();
        let want: Vec<(String, Option<String>)> = e
            .diagnostics
            .iter()
            .map(|(s, c)| (s.to_string(), c.map(str::to_string)))
            .collect();
        assert_eq!(diags, want, "{}：读取提示", e.file);
        assert_eq!(
            v["origin"]["withheld"].as_array().unwrap().len(),
            e.withheld,
            "{}：不予公开事项",
            e.file
        );
        for w in v["origin"]["withheld"].as_array().unwrap() {
            assert!(w["ground"].is_string(), "{}：不予公开事项没有理由", e.file);
        }
        assert_eq!(
            v["origin"]["not_applicable"].as_array().unwrap().len(),
            e.not_applicable,
            "{}：不涉及",
            e.file
        );
        assert_eq!(
            v["plan"]["added"],
            e.sheets.iter().map(|s| s.1).sum::<usize>()
        );

        // 审核：没有错误、没有警告，覆盖率 100%（不涉及的事项写了理由）。
        let o = env.run(&["check", &sample(e.file), "--json"]);
        assert_eq!(o.status.code(), Some(0), "{}：mulu check 的退出码", e.file);
        let c = &json(&String::from_utf8(o.stdout).unwrap())[0];
        assert_eq!(
            (c["errors"].as_u64(), c["warnings"].as_u64()),
            (Some(0), Some(0)),
            "{}: {c}",
            e.file
        );
        assert_eq!(c["coverage"].as_f64(), Some(100.0), "{}：覆盖率", e.file);
    }
}

#[test]
fn samples_import_into_the_database_with_withheld_and_not_applicable() {
    let env = Env::new();
    let out = env.ok(&["import", &sample("township.xlsx")]);
    assert!(out.contains("36"), "{out}");
    let list = json(&env.ok(&["catalog", "list", "--json"]));
    let id = list[0]["id"].as_i64().unwrap().to_string();
    let c = json(&env.ok(&["catalog", "show", &id, "--json"]));
    assert_eq!(c["items"].as_array().unwrap().len(), 36);
    assert_eq!(c["withheld"].as_array().unwrap().len(), 2);
    assert_eq!(c["not_applicable"].as_array().unwrap().len(), 4);
}

/// `mulu check --json` 的（规则，工作表!单元格）。
fn findings(env: &Env, file: &str) -> (i32, BTreeSet<(String, String)>) {
    let o = env.run(&["check", &sample(file), "--json"]);
    let v = json(&String::from_utf8(o.stdout).unwrap());
    let set = v[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                format!(
                    "{}!{}",
                    f["sheet"].as_str().unwrap_or(""),
                    f["cell"].as_str().unwrap_or("")
                ),
            )
        })
        .collect();
    (o.status.code().unwrap(), set)
}

fn set(v: &[(&str, &str)]) -> BTreeSet<(String, String)> {
    v.iter()
        .map(|(r, c)| (r.to_string(), c.to_string()))
        .collect()
}

#[test]
fn mistakes_are_found_where_they_are() {
    let env = Env::new();
    let (code, got) = findings(&env, "mistakes-township.xlsx");
    assert_eq!(code, 1, "有错误时退出码为 1");
    assert_eq!(
        got,
        set(&[
            ("R101-required-field", "社会救助!F5"),
            ("R201-basis-repealed", "社会救助!E6"),
            ("R103-mode-marks", "社会救助!K7"),
        ])
    );
    // t/口（字体损坏的 ■/□）在读取时就认出并给出提示，载体照样勾上。
    let v = json(&env.ok(&[
        "import",
        &sample("mistakes-township.xlsx"),
        "--dry-run",
        "--json",
    ]));
    let sheet = &v["sheets"][0];
    let d = &sheet["diagnostics"][0];
    assert_eq!(
        (d["cell"].as_str(), d["severity"].as_str()),
        (Some("H4"), Some("提示"))
    );
    assert!(d["message"].as_str().unwrap().contains("t/口"), "{d}");
    assert_eq!(
        sheet["items"][0]["channels"]["standard"],
        serde_json::json!(["政府网站", "公开查阅点", "政务服务中心"])
    );

    let (code, got) = findings(&env, "mistakes-street.xlsx");
    assert_eq!(code, 1);
    assert_eq!(
        got,
        set(&[
            ("R102-audience-marks", "就业!I4"),
            ("R702-fullwidth-digits", "就业!F6"),
            ("R501-duplicate-item", "就业!C7"),
        ])
    );
}
