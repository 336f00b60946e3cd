//! 生成 `samples/` 里的三份示例目录（scripts/make-samples.sh 调用）：
//! `cargo run -p mulu-cli --example make_samples -- 输出文件夹`。
//!
//! 全部用程序自己的代码写成：在临时数据库里新建单位与目录、采用内置指引库的事项（`Store::adopt_domain`），
//! 补上本单位的公开主体、层级（指引副本缺的部分只按本单位情况补，不编写指引内容），加本级特色事项、
//! 不予公开事项与“不涉及”标记，再用 `mulu_export::write_xlsx` 导出官方格式的工作簿。
//! 命令行（`mulu catalog …`）还没有写不予公开与不涉及的子命令，所以这里直接用核心库。

use std::path::{Path, PathBuf};

use mulu_core::model::{
    split_elements, Audience, Channels, ItemFields, Level, Mode, NewCatalog, NewUnit,
    NotApplicable, UnitKind, Withheld, WithholdGround,
};
use mulu_core::store::Store;
use mulu_export::ExportOptions;

/// 《政府信息公开条例》第二十六条的主动公开时限：指引副本没写时限的事项按它补。
const ART26_LIMIT: &str = "信息形成或者变更之日起20个工作日内";
/// 指引副本没写公开依据的事项，按公开工作的一般依据补。
const GENERAL_BASIS: &str = "《中华人民共和国政府信息公开条例》（国务院令第711号）";
/// 导出时间固定，重新生成时封面不变。
const EXPORTED_AT: &str = "2026-01-15 09:00";

struct Local {
    domain: &'static str,
    l1: &'static str,
    l2: &'static str,
    content: &'static str,
    basis: &'static [&'static str],
    time_limit: &'static str,
    carriers: &'static [&'static str],
    group: Option<&'static str>,
}

struct Sample {
    file: &'static str,
    unit: &'static str,
    kind: UnitKind,
    /// 采用的领域（全部事项，`not_applicable` 里的除外）。
    domains: &'static [&'static str],
    /// 本单位不涉及的指引事项：编号与理由。
    not_applicable: &'static [(&'static str, &'static str)],
    locals: &'static [Local],
    /// 不予公开事项：领域、名称、理由、说明。
    withheld: &'static [(&'static str, &'static str, WithholdGround, &'static str)],
    /// 本单位的层级（指引副本没写层级的事项按它补）。
    level: Level,
    export: fn() -> ExportOptions,
}

const SAMPLES: &[Sample] = &[
    Sample {
        file: "township.xlsx",
        unit: "某某县某某镇人民政府",
        kind: UnitKind::Township,
        domains: &["社会救助", "养老服务", "涉农补贴", "农村危房改造", "救灾"],
        not_applicable: &[
            ("06.001", "该事项由县级人民政府民政部门公开，本镇不涉及。"),
            (
                "06.002",
                "养老服务扶持政策措施清单由县级人民政府民政部门制定并公开，本镇不涉及。",
            ),
            (
                "06.003",
                "养老机构投资指南由县级人民政府民政部门编制并公开，本镇不涉及。",
            ),
            (
                "19.001",
                "农机购置补贴由县级农业农村部门组织实施并公开，本镇不涉及。",
            ),
        ],
        locals: &[
            Local {
                domain: "社会救助",
                l1: "临时救助",
                l2: "本镇临时救助资金发放名单公示",
                content:
                    "救助对象姓名（隐去部分信息）、所在村（社区）、救助事由、救助金额、发放时间等",
                basis: &[
                    "《社会救助暂行办法》（国务院令第649号，2019年3月2日修改）",
                    "《国务院关于全面建立临时救助制度的通知》（国发〔2014〕47号）",
                ],
                time_limit: ART26_LIMIT,
                carriers: &["政府网站", "社区/企事业单位/村公示栏（电子屏）"],
                group: None,
            },
            Local {
                domain: "救灾",
                l1: "灾后救助",
                l2: "本镇受灾群众救助款物发放情况",
                content: "受灾村组、救助对象、发放款物种类与数量、发放时间等",
                basis: &["《社会救助暂行办法》（国务院令第649号，2019年3月2日修改）"],
                time_limit: ART26_LIMIT,
                carriers: &[
                    "政府网站",
                    "社区/企事业单位/村公示栏（电子屏）",
                    "入户/现场",
                ],
                group: None,
            },
        ],
        withheld: &[
            (
                "社会救助",
                "最低生活保障家庭经济状况核对详细信息",
                WithholdGround::Art15,
                "涉及申请人家庭成员的收入、财产等个人隐私，公开会对其合法权益造成损害。",
            ),
            (
                "",
                "镇党委会议、镇政府办公会议的内部讨论记录",
                WithholdGround::Art16,
                "内部事务信息与过程性信息，可以不予公开。",
            ),
        ],
        level: Level::Township,
        export: || {
            ExportOptions::default()
                .lower_level_label(mulu_export::LowerLevelLabel::Town)
                .exported_at(EXPORTED_AT)
        },
    },
    Sample {
        file: "street.xlsx",
        unit: "某某县某某街道办事处",
        kind: UnitKind::Subdistrict,
        domains: &["社会救助", "养老服务", "就业"],
        not_applicable: &[
            ("06.001", "该事项由县级人民政府民政部门公开，本街道不涉及。"),
            (
                "06.002",
                "养老服务扶持政策措施清单由县级人民政府民政部门制定并公开，本街道不涉及。",
            ),
            (
                "06.003",
                "养老机构投资指南由县级人民政府民政部门编制并公开，本街道不涉及。",
            ),
        ],
        locals: &[
            Local {
                domain: "就业",
                l1: "就业信息服务",
                l2: "辖区公益性岗位招聘信息",
                content: "岗位名称、岗位数量、招聘条件、报名时间与地点、联系方式等",
                basis: &["《中华人民共和国就业促进法》（2007年8月30日…2015年4月24日修正）"],
                time_limit: ART26_LIMIT,
                carriers: &[
                    "政府网站",
                    "两微一端",
                    "便民服务站",
                    "社区/企事业单位/村公示栏（电子屏）",
                ],
                group: None,
            },
            Local {
                domain: "社会救助",
                l1: "临时救助",
                l2: "本街道临时救助审核结果公示",
                content: "救助对象姓名（隐去部分信息）、所在社区、救助金额等",
                basis: &["《国务院关于全面建立临时救助制度的通知》（国发〔2014〕47号）"],
                time_limit: ART26_LIMIT,
                carriers: &["社区/企事业单位/村公示栏（电子屏）"],
                group: None,
            },
        ],
        withheld: &[(
            "社会救助",
            "特困人员个人健康状况与家庭情况调查材料",
            WithholdGround::Art15,
            "涉及个人隐私，公开会对其合法权益造成损害。",
        )],
        level: Level::Township,
        export: || {
            ExportOptions::default()
                .lower_level_label(mulu_export::LowerLevelLabel::Subdistrict)
                .exported_at(EXPORTED_AT)
        },
    },
    Sample {
        file: "county-department.xlsx",
        unit: "某某县民政局",
        kind: UnitKind::CountyDepartment,
        domains: &["社会救助", "养老服务"],
        not_applicable: &[
            (
                "05.005",
                "最低生活保障审核信息由乡镇人民政府（街道办事处）公示，本局公开审批信息。",
            ),
            (
                "06.004",
                "本县养老机构备案由乡镇人民政府办理并公开，本局不涉及。",
            ),
        ],
        locals: &[Local {
            domain: "养老服务",
            l1: "养老服务业务办理",
            l2: "本县养老机构名录",
            content: "养老机构名称、地址、床位数、收住对象、联系电话等",
            basis: &["信息公开规定"],
            time_limit: ART26_LIMIT,
            carriers: &["政府网站", "政务服务中心"],
            group: None,
        }],
        withheld: &[
            (
                "社会救助",
                "社会救助对象家庭经济状况核对报告",
                WithholdGround::Art15,
                "涉及个人隐私，公开会对其合法权益造成损害。",
            ),
            (
                "养老服务",
                "养老机构行政处罚案卷",
                WithholdGround::Art16,
                "行政执法案卷信息，可以不予公开（处罚决定按规定另行公开）。",
            ),
        ],
        level: Level::County,
        export: || {
            ExportOptions::default()
                .include_level(false)
                .exported_at(EXPORTED_AT)
        },
    },
];

fn main() {
    let out: PathBuf = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("samples"));
    if let Err(e) = run(&out) {
        eprintln!("错误：{e}");
        std::process::exit(1);
    }
}

fn run(out: &Path) -> Result<(), Box<dyn std::error::Error>> {
    std::fs::create_dir_all(out)?;
    let dir = tempfile::tempdir()?;
    let mut store = Store::open(&dir.path().join("samples.db"))?;
    for s in SAMPLES {
        let unit = store.create_unit(&NewUnit::new(s.unit, s.kind))?;
        let catalog = store.create_catalog(&NewCatalog::new(unit.id, 2026))?;
        let skip: Vec<&str> = s.not_applicable.iter().map(|(id, _)| *id).collect();
        for d in s.domains {
            let g = store.guideline_domain(d, None)?;
            let ids: Vec<String> = g
                .items
                .iter()
                .map(|i| i.id.clone())
                .filter(|id| !skip.contains(&id.as_str()))
                .collect();
            store.adopt_domain(catalog.id, &g.name, Some(&ids))?;
        }
        // 指引副本缺的公开依据、主体、时限、层级、载体，按本单位情况补上（事项随之标为“已改动”）。
        for item in store.list_items(catalog.id)? {
            let mut f = item.fields.clone();
            if f.subject.trim().is_empty() {
                f.subject = s.unit.to_string();
            }
            if f.basis.iter().all(|b| b.trim().is_empty()) {
                f.basis = vec![GENERAL_BASIS.to_string()];
            }
            if f.time_limit.trim().is_empty() {
                f.time_limit = ART26_LIMIT.to_string();
            }
            if s.kind == UnitKind::CountyDepartment {
                f.level = vec![Level::County];
            } else if f.level.is_empty() {
                f.level = vec![s.level];
            }
            if f.channels.standard.is_empty() && f.channels.extra.is_empty() {
                f.channels = Channels::from_names(["政府网站"]);
            }
            if f.audience.is_empty() {
                f.audience = vec![Audience::Public];
            }
            if f.mode.is_empty() {
                f.mode = vec![Mode::Proactive];
            }
            if f != item.fields {
                store.update_item(item.id, &f)?;
            }
        }
        for l in s.locals {
            let fields = ItemFields {
                domain: l.domain.to_string(),
                l1: l.l1.to_string(),
                l2: l.l2.to_string(),
                content: l.content.to_string(),
                elements: split_elements(l.content),
                basis: l.basis.iter().map(|b| b.to_string()).collect(),
                time_limit: l.time_limit.to_string(),
                subject: s.unit.to_string(),
                channels: Channels::from_names(l.carriers.iter()),
                audience: vec![if l.group.is_some() {
                    Audience::SpecificGroup
                } else {
                    Audience::Public
                }],
                audience_group: l.group.map(str::to_string),
                mode: vec![Mode::Proactive],
                level: vec![s.level],
                notes: String::new(),
            };
            store.add_item(catalog.id, &fields)?;
        }
        for (id, reason) in s.not_applicable {
            store.set_not_applicable(&NotApplicable {
                catalog_id: catalog.id,
                guideline_item_id: id.to_string(),
                reason: reason.to_string(),
            })?;
        }
        for (domain, name, ground, detail) in s.withheld {
            store.add_withheld(&Withheld {
                id: 0,
                catalog_id: catalog.id,
                domain: (!domain.is_empty()).then(|| domain.to_string()),
                name: name.to_string(),
                ground: Some(*ground),
                detail: detail.to_string(),
            })?;
        }
        let export = store.export_catalog(catalog.id)?;
        let path = out.join(s.file);
        mulu_export::write_xlsx(&export, &(s.export)(), &path)?;
        println!(
            "{}：{} 个事项（本级特色 {}），不涉及 {}，不予公开 {}",
            path.display(),
            export.items.len(),
            s.locals.len(),
            export.not_applicable.len(),
            export.withheld.len()
        );
    }
    Ok(())
}
