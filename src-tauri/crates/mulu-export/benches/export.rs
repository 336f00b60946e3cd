//! 导出基准：26 个领域、20,000 个事项的目录导出为工作簿，与“下限”对比。
//!
//! - 我们的导出：`mulu_export::xlsx_bytes`（清单拼接、清理、合并、往返表 JSON 全在计时内）。
//! - 下限：直接用 rust_xlsxwriter 写出同样的单元格——同样的表、同样的最终文字（计时前算好，
//!   包括往返表的 JSON）、同样的合并区域、同样个数的格式、同样的打印设置——不含我们的任何逻辑。
//!
//! 两者在同一次运行中交替计时，各取最好与中位数。计时前先用 calamine 逐格核对两份工作簿，
//! 并解压比对全部 XML 部件（除保存时间外逐字节相同），保证比较的是同一份输出。
//!
//! 运行：`cargo bench -p mulu-export --bench export`（或 `scripts/bench.sh export`）。
//! 环境变量：`BENCH_RUNS`（每边计时次数，默认 10）、`BENCH_ITEMS`（事项数，默认 20000）、
//! `BENCH_ONLY=ours|floor`（只反复跑一边，配合 `perf record` 剖析）。结果见 docs/benchmarks.md。

use std::hint::black_box;
use std::io::Cursor;
use std::time::{Duration, Instant};

use calamine::{open_workbook_from_rs, Reader, Xlsx};
use mulu_core::model::*;
use mulu_export::{xlsx_bytes, ExportOptions, ROUNDTRIP_SHEET};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook};

/// 26 个试点领域（与 `schemas/guidelines/` 一致）。
const DOMAINS: [&str; 26] = [
    "重大建设项目",
    "公共资源交易",
    "义务教育",
    "户籍管理",
    "社会救助",
    "养老服务",
    "公共法律服务",
    "财政预决算",
    "就业",
    "社会保险",
    "城乡规划",
    "征地补偿",
    "生态环境",
    "保障性住房",
    "国有土地上房屋征收与补偿",
    "农村危房改造",
    "市政服务",
    "城市综合执法",
    "涉农补贴",
    "扶贫",
    "公共文化服务",
    "安全生产",
    "救灾",
    "卫生健康",
    "食品药品监管",
    "税收管理",
];

/// 下限的 zip 压缩级别：必须与 `xlsx_bytes` 所用的一致（两边都是 3）。
/// 若导出改用 `Workbook::set_zip_compression_level(n)`，这里改为 `Some(n)`。
const FLOOR_ZIP_LEVEL: Option<u8> = Some(3);

const UNIT: &str = "某某省某某市某某县某某镇人民政府";
const EXPORTED_AT: &str = "2026-11-23 10:00";
const DATA_VERSION: &str = "2026.11-1";

/// 可复现的伪随机数（xorshift64*）。
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const ELEMENTS: [&str; 24] = [
    "申请条件",
    "办理流程",
    "办理时限",
    "申请材料",
    "受理机构",
    "咨询电话",
    "监督电话",
    "审核结果",
    "救助对象姓名",
    "救助金额",
    "发放时间",
    "发放名单",
    "补助标准",
    "项目名称",
    "建设地点",
    "建设规模",
    "资金来源",
    "批准文号",
    "实施单位",
    "验收结果",
    "政策文件及解读",
    "年度工作计划",
    "举报受理渠道",
    "处理结果",
];
const LAWS: [&str; 10] = [
    "【法律】《中华人民共和国政府信息公开条例》（国务院令第711号）",
    "【行政法规】《社会救助暂行办法》（国务院令第649号，2019年3月2日修订）",
    "【部门规章】《最低生活保障审核确认办法》（民发〔2021〕57号）",
    "【规范性文件】《国务院办公厅关于全面推进基层政务公开标准化规范化工作的指导意见》（国办发〔2019〕54号）",
    "【法律】《中华人民共和国城乡规划法》（2019年4月23日修正）",
    "【法律】《中华人民共和国土地管理法》（2019年8月26日修正）",
    "【行政法规】《国有土地上房屋征收与补偿条例》（国务院令第590号）",
    "【部门规章及规范性文件】《农村危房改造脱贫攻坚三年行动方案》（建村〔2018〕115号）",
    "【法律】《中华人民共和国安全生产法》（2021年6月10日修正）",
    "【规范性文件】《关于进一步加强社会救助信息公开工作的通知》（民办发〔2019〕18号）",
];
const TIME_LIMITS: [&str; 5] = [
    "信息形成或者变更之日起20个工作日内",
    "实时",
    "及时公开",
    "办理完成后7个工作日内",
    "按《社会救助暂行办法》规定的时限",
];
const SUBJECTS: [&str; 5] = [
    "乡镇人民政府（街道办事处）",
    "县级民政部门、乡镇人民政府（街道办事处）",
    "县级住房城乡建设部门",
    "某某镇社会事务办公室",
    "县级自然资源主管部门",
];
const EXTRAS: [&str; 5] = [
    "投资项目在线审批监管平台",
    "公共资源交易平台",
    "信用中国网站",
    "12345政务服务热线",
    "管理部门网站",
];
const GROUPS: [&str; 4] = [
    "申请人",
    "项目单位",
    "面向拟征收土地所在地的村集体成员",
    "救助对象",
];
const L1_STEMS: [&str; 8] = [
    "最低生活保障",
    "特困人员救助供养",
    "临时救助",
    "项目审批",
    "政策文件",
    "资金使用情况",
    "监督检查",
    "补贴发放",
];
const L2_STEMS: [&str; 8] = [
    "办事指南",
    "审核确认结果",
    "救助标准",
    "申请受理",
    "批准结果",
    "实施情况",
    "年度计划",
    "投诉举报",
];

/// 约 60 个字的公开内容：要素以“、”连接，结尾“等”。
fn content(rng: &mut Rng) -> String {
    let mut s = String::new();
    while s.chars().count() < 56 {
        if !s.is_empty() {
            s.push('、');
        }
        s.push_str(rng.pick(&ELEMENTS));
    }
    s.push('等');
    s
}

/// 26 个领域、共 `n` 个事项的目录；一级事项每段 3–8 行。
fn build_catalog(n: usize) -> CatalogExport {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let unit = Unit {
        id: 1,
        name: UNIT.into(),
        kind: UnitKind::Township,
        region: vec!["某某省".into(), "某某市".into(), "某某县".into()],
    };
    let catalog = Catalog {
        id: 1,
        unit_id: 1,
        year: 2026,
        title: "某某镇2026年政务公开事项标准目录".into(),
        status: CatalogStatus::Draft,
        domains: DOMAINS.iter().map(|d| d.to_string()).collect(),
        created_at: "2026-11-01T02:00:00Z".into(),
        updated_at: "2026-11-23T02:00:00Z".into(),
    };
    let mut items = Vec::with_capacity(n);
    for (di, domain) in DOMAINS.iter().enumerate() {
        let count = n / DOMAINS.len() + usize::from(di < n % DOMAINS.len());
        let mut pos = 0;
        let mut run = 0;
        while pos < count {
            run += 1;
            let run_len = (3 + rng.below(6)).min(count - pos);
            let l1 = format!("{}（{}）", rng.pick(&L1_STEMS), run);
            for k in 0..run_len {
                let basis_lines = 2 + rng.below(2);
                let basis = (0..basis_lines)
                    .map(|_| rng.pick(&LAWS).to_string())
                    .collect();
                let mut names: Vec<&str> = Vec::new();
                for s in StandardCarrier::ALL {
                    if rng.below(4) == 0 {
                        names.push(s.as_str());
                    }
                }
                if rng.below(3) == 0 {
                    names.push(rng.pick(&EXTRAS));
                }
                let specific = rng.below(4) == 0;
                let content = content(&mut rng);
                let fields = ItemFields {
                    domain: domain.to_string(),
                    l1: l1.clone(),
                    l2: format!("{}{}", rng.pick(&L2_STEMS), k + 1),
                    elements: split_elements(&content),
                    content,
                    basis,
                    time_limit: rng.pick(&TIME_LIMITS).into(),
                    subject: rng.pick(&SUBJECTS).into(),
                    channels: Channels::from_names(names),
                    audience: vec![if specific {
                        Audience::SpecificGroup
                    } else {
                        Audience::Public
                    }],
                    audience_group: specific.then(|| rng.pick(&GROUPS).to_string()),
                    mode: vec![if rng.below(5) == 0 {
                        Mode::OnRequest
                    } else {
                        Mode::Proactive
                    }],
                    level: match rng.below(3) {
                        0 => vec![Level::County],
                        1 => vec![Level::Township],
                        _ => vec![Level::County, Level::Township],
                    },
                    notes: String::new(),
                };
                items.push(Item {
                    id: items.len() as i64 + 1,
                    catalog_id: 1,
                    position: pos as i64,
                    fields,
                    provenance: Provenance::Guideline {
                        guideline_item_id: format!("{:02}.{:03}", di + 1, pos + 1),
                        data_version: DATA_VERSION.into(),
                        modified: false,
                    },
                });
                pos += 1;
            }
        }
    }
    CatalogExport {
        format_version: 1,
        unit,
        catalog,
        items,
        withheld: Vec::new(),
        not_applicable: Vec::new(),
    }
}

// ---------------------------------------------------------------------------
// 下限：计时前算好的全部单元格。这里的文字规则只用来生成同样的字符串，不计时。

struct FloorSheet {
    name: String,
    title: String,
    /// 每行 14 栏的最终文字。
    rows: Vec<[String; 14]>,
    /// 每个数据行的行高（磅）。
    heights: Vec<f64>,
    /// 一级事项纵向合并：(首个数据行下标, 行数, 文字)，只含两行及以上。
    merges: Vec<(u32, u32, String)>,
}

struct FloorBook {
    cover_title: String,
    cover_rows: Vec<(&'static str, String)>,
    domain_counts: Vec<(String, f64)>,
    sheets: Vec<FloorSheet>,
    origin_json: String,
    /// 往返表：表名、行号、事项 JSON。
    roundtrip: Vec<(String, u32, String)>,
}

fn tick(on: bool) -> String {
    if on { "√" } else { "" }.to_string()
}

fn checklist(c: &Channels) -> String {
    let mut parts: Vec<String> = StandardCarrier::ALL
        .iter()
        .map(|s| format!("{}{}", if c.contains(*s) { '■' } else { '□' }, s.as_str()))
        .collect();
    parts.extend(c.extra.iter().map(|e| format!("■{e}")));
    parts.join(" ")
}

/// 行高：与导出的估算规则相同（中文按约 1.85 个字符宽、每行 13.5 磅），计时前算好。
fn row_height(cells: &[String; 14]) -> f64 {
    let mut lines_max = 1usize;
    for (text, width) in cells.iter().zip(WIDTHS) {
        let usable = (width - 0.8_f64).max(1.0);
        let lines: usize = text
            .split('\n')
            .map(|line| {
                let w: f64 = line
                    .chars()
                    .map(|c| if (c as u32) >= 0x2E80 { 1.85 } else { 1.0 })
                    .sum();
                ((w / usable).ceil() as usize).max(1)
            })
            .sum();
        lines_max = lines_max.max(lines);
    }
    (lines_max as f64 * 13.5 + 5.0).max(20.0)
}

fn precompute(export: &CatalogExport) -> FloorBook {
    let mut sheets = Vec::new();
    let mut roundtrip = Vec::new();
    for domain in DOMAINS {
        let items: Vec<&Item> = export
            .items
            .iter()
            .filter(|i| i.fields.domain == domain)
            .collect();
        let mut rows: Vec<[String; 14]> = Vec::with_capacity(items.len());
        let mut merges = Vec::new();
        let mut start = 0;
        for (i, it) in items.iter().enumerate() {
            let f = &it.fields;
            let specific = f.audience.contains(&Audience::SpecificGroup);
            rows.push([
                (i + 1).to_string(),
                f.l1.clone(),
                f.l2.clone(),
                f.content.clone(),
                f.basis.join("\n"),
                f.time_limit.clone(),
                f.subject.clone(),
                checklist(&f.channels),
                tick(f.audience.contains(&Audience::Public)),
                match &f.audience_group {
                    Some(g) if specific => format!("√（{g}）"),
                    _ => tick(specific),
                },
                tick(f.mode.contains(&Mode::Proactive)),
                tick(f.mode.contains(&Mode::OnRequest)),
                tick(f.level.contains(&Level::County)),
                tick(f.level.contains(&Level::Township)),
            ]);
            let end = i + 1 == items.len() || items[i + 1].fields.l1 != f.l1;
            if end {
                if i > start {
                    merges.push((start as u32, (i - start + 1) as u32, f.l1.clone()));
                }
                start = i + 1;
            }
            roundtrip.push((
                domain.to_string(),
                i as u32 + 4,
                serde_json::to_string(it).unwrap(),
            ));
        }
        sheets.push(FloorSheet {
            name: domain.to_string(),
            title: format!("{UNIT}{domain}领域基层政务公开标准目录"),
            heights: rows.iter().map(row_height).collect(),
            rows,
            merges,
        });
    }
    let origin = PreviewOrigin {
        unit: export.unit.clone(),
        catalog: export.catalog.clone(),
        withheld: export.withheld.clone(),
        not_applicable: export.not_applicable.clone(),
    };
    FloorBook {
        cover_title: export.catalog.title.clone(),
        cover_rows: vec![
            ("单位", UNIT.to_string()),
            ("单位类别", "乡镇".into()),
            ("年度", "2026".into()),
            ("状态", "草稿".into()),
            ("事项总数", export.items.len().to_string()),
            ("导出时间", EXPORTED_AT.into()),
            ("指引数据版本", DATA_VERSION.into()),
        ],
        domain_counts: sheets
            .iter()
            .map(|s| (s.name.clone(), s.rows.len() as f64))
            .collect(),
        sheets,
        origin_json: serde_json::to_string(&origin).unwrap(),
        roundtrip,
    }
}

/// 与导出同样个数、同样属性的格式（格式不是逻辑：下限也要写出同样的样式表）。
struct FloorFormats {
    title: Format,
    header: Format,
    text: Format,
    center: Format,
    cover_label: Format,
    cover_value: Format,
}

fn floor_formats() -> FloorFormats {
    let cell = Format::new()
        .set_font_name("宋体")
        .set_font_size(10)
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter);
    FloorFormats {
        title: Format::new()
            .set_font_name("黑体")
            .set_font_size(16)
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter),
        header: cell
            .clone()
            .set_bold()
            .set_font_size(11)
            .set_align(FormatAlign::Center)
            .set_background_color("#F2F2F2"),
        center: cell.clone().set_align(FormatAlign::Center),
        text: cell.set_align(FormatAlign::Left),
        cover_label: Format::new()
            .set_font_name("宋体")
            .set_font_size(11)
            .set_bold()
            .set_border(FormatBorder::Thin),
        cover_value: Format::new()
            .set_font_name("宋体")
            .set_font_size(11)
            .set_border(FormatBorder::Thin)
            .set_text_wrap(),
    }
}

const SINGLE: [(u16, &str); 6] = [
    (0, "序号"),
    (3, "公开内容（要素）"),
    (4, "公开依据"),
    (5, "公开时限"),
    (6, "公开主体"),
    (7, "公开渠道和载体"),
];
const GROUP: [(u16, &str); 4] = [
    (1, "公开事项"),
    (8, "公开对象"),
    (10, "公开方式"),
    (12, "公开层级"),
];
const SUB: [&str; 8] = [
    "一级事项",
    "二级事项",
    "全社会",
    "特定群体",
    "主动",
    "依申请",
    "县级",
    "乡级",
];
const WIDTHS: [f64; 14] = [
    5.0, 12.0, 14.0, 34.0, 30.0, 16.0, 16.0, 26.0, 6.5, 7.5, 6.0, 6.5, 6.0, 6.0,
];

/// 下限：rust_xlsxwriter 直接写出算好的单元格，不做任何清理、拼接或版式计算。
/// `zip_level` 为 `None` 时用 rust_xlsxwriter 的默认压缩级别（6）。
fn floor(
    book: &FloorBook,
    fm: &FloorFormats,
    zip_level: Option<u8>,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    floor_sheets(book, fm, zip_level, true)
}

/// `roundtrip` 为 false 时不写往返表（只用于参考行：量出往返表本身的代价）。
fn floor_sheets(
    book: &FloorBook,
    fm: &FloorFormats,
    zip_level: Option<u8>,
    roundtrip: bool,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut wb = Workbook::new();
    if let Some(level) = zip_level {
        wb.set_zip_compression_level(level);
    }

    let ws = wb.add_worksheet();
    ws.set_name("封面")?;
    ws.set_column_width(0, 18)?;
    ws.set_column_width(1, 48)?;
    ws.merge_range(0, 0, 0, 1, &book.cover_title, &fm.title)?;
    ws.set_row_height(0, 40)?;
    let mut r = 2;
    for (label, value) in &book.cover_rows {
        ws.write_string_with_format(r, 0, *label, &fm.cover_label)?;
        ws.write_string_with_format(r, 1, value, &fm.cover_value)?;
        r += 1;
    }
    r += 1;
    ws.write_string_with_format(r, 0, "领域", &fm.header)?;
    ws.write_string_with_format(r, 1, "事项数", &fm.header)?;
    for (d, n) in &book.domain_counts {
        r += 1;
        ws.write_string_with_format(r, 0, d, &fm.cover_value)?;
        ws.write_number_with_format(r, 1, *n, &fm.cover_value)?;
    }
    ws.set_paper_size(9);

    for s in &book.sheets {
        let ws = wb.add_worksheet();
        ws.set_name(&s.name)?;
        ws.merge_range(0, 0, 0, 13, &s.title, &fm.title)?;
        ws.set_row_height(0, 36)?;
        for (col, text) in SINGLE {
            ws.merge_range(1, col, 2, col, text, &fm.header)?;
        }
        for (col, text) in GROUP {
            ws.merge_range(1, col, 1, col + 1, text, &fm.header)?;
        }
        for (i, text) in SUB.iter().enumerate() {
            let col = if i < 2 { 1 + i } else { 6 + i } as u16;
            ws.write_string_with_format(2, col, *text, &fm.header)?;
        }
        ws.set_row_height(1, 22)?;
        ws.set_row_height(2, 22)?;
        for (col, w) in WIDTHS.iter().enumerate() {
            ws.set_column_width(col as u16, *w)?;
        }
        let mut merged = s.merges.iter().peekable();
        for (i, row) in s.rows.iter().enumerate() {
            let r = 3 + i as u32;
            for (col, v) in row.iter().enumerate() {
                if col == 1 {
                    // 合并段的一级事项只由 merge_range 写一次。
                    if let Some((start, len, text)) = merged.peek() {
                        if i as u32 >= *start {
                            if i as u32 == *start {
                                ws.merge_range(r, 1, r + len - 1, 1, text, &fm.text)?;
                            }
                            if i as u32 == start + len - 1 {
                                merged.next();
                            }
                            continue;
                        }
                    }
                }
                let f = if col == 0 || col >= 8 {
                    &fm.center
                } else {
                    &fm.text
                };
                ws.write_string_with_format(r, col as u16, v, f)?;
            }
            ws.set_row_height(r, s.heights[i])?;
        }
        ws.set_freeze_panes(3, 0)?;
        ws.set_paper_size(8);
        ws.set_landscape();
        ws.set_repeat_rows(1, 2)?;
        ws.set_print_fit_to_pages(1, 0);
        ws.set_print_center_horizontally(true);
        ws.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
        ws.set_footer("&C第 &P 页，共 &N 页");
    }

    if !roundtrip {
        return wb.save_to_buffer();
    }
    let ws = wb.add_worksheet();
    ws.set_name(ROUNDTRIP_SHEET)?;
    ws.write_string(0, 0, "mulu-roundtrip")?;
    ws.write_number(0, 1, 1)?;
    ws.write_string(1, 0, "origin")?;
    ws.write_string(1, 1, &book.origin_json)?;
    ws.write_string(3, 0, "sheet")?;
    ws.write_string(3, 1, "row")?;
    ws.write_string(3, 2, "item")?;
    for (i, (sheet, row, json)) in book.roundtrip.iter().enumerate() {
        let r = 4 + i as u32;
        ws.write_string(r, 0, sheet)?;
        ws.write_number(r, 1, *row)?;
        ws.write_string(r, 2, json)?;
    }
    ws.set_very_hidden(true);
    ws.protect();
    wb.save_to_buffer()
}

// ---------------------------------------------------------------------------

/// 两份工作簿的各个 XML 部件逐字节相同（只有记录保存时间的 docProps/core.xml 除外），
/// 否则中止：比较的必须是同一份输出。导出的版式改了（例如行高规则），这里会指出，
/// 须同步修改上面的 `precompute`/`floor`。
fn assert_same_parts(ours: &[u8], floor: &[u8]) {
    use std::io::Read;
    let parts = |b: &[u8]| -> Vec<(String, Vec<u8>)> {
        let mut z = zip::ZipArchive::new(Cursor::new(b.to_vec())).expect("不是 zip");
        (0..z.len())
            .map(|i| {
                let mut f = z.by_index(i).unwrap();
                let mut v = Vec::new();
                f.read_to_end(&mut v).unwrap();
                (f.name().unwrap().to_string(), v)
            })
            .collect()
    };
    let (a, b) = (parts(ours), parts(floor));
    let names = |x: &[(String, Vec<u8>)]| x.iter().map(|p| p.0.clone()).collect::<Vec<_>>();
    assert_eq!(names(&a), names(&b), "两份工作簿的部件不同");
    for ((name, x), (_, y)) in a.iter().zip(&b) {
        if name == "docProps/core.xml" || x == y {
            continue;
        }
        let at = x.iter().zip(y).take_while(|(p, q)| p == q).count();
        let show = |v: &[u8]| {
            String::from_utf8_lossy(&v[at.saturating_sub(80)..(at + 80).min(v.len())]).into_owned()
        };
        panic!(
            "{name} 在第 {at} 字节处不同：导出与下限写出的不是同一份内容，请同步 precompute/floor。\n导出：…{}…\n下限：…{}…",
            show(x),
            show(y)
        );
    }
}

/// 两份工作簿逐格一致（值与合并区域），否则中止：比较的必须是同一份输出。
fn assert_same_cells(ours: &[u8], floor: &[u8]) {
    let open = |b: &[u8]| -> Xlsx<Cursor<Vec<u8>>> {
        open_workbook_from_rs(Cursor::new(b.to_vec())).expect("工作簿打不开")
    };
    let (mut a, mut b) = (open(ours), open(floor));
    assert_eq!(a.sheet_names(), b.sheet_names(), "表名不同");
    for name in a.sheet_names() {
        let (ra, rb) = (
            a.worksheet_range(&name).unwrap(),
            b.worksheet_range(&name).unwrap(),
        );
        assert_eq!(ra.get_size(), rb.get_size(), "{name}：大小不同");
        assert_eq!(ra.start(), rb.start(), "{name}：起点不同");
        for (r, c, v) in ra.used_cells() {
            let w = rb.get((r, c)).map(|x| x.to_string()).unwrap_or_default();
            assert_eq!(v.to_string(), w, "{name} ({r}, {c})：文字不同");
        }
        let regions = |x: &mut Xlsx<Cursor<Vec<u8>>>| {
            let mut v: Vec<_> = x
                .merge_cells_by_sheet_name(&name)
                .unwrap()
                .into_iter()
                .map(|d| (d.start, d.end))
                .collect();
            v.sort();
            v
        };
        let (ma, mb) = (regions(&mut a), regions(&mut b));
        assert!(!ma.is_empty() || name != DOMAINS[0], "{name}：没有合并区域");
        assert_eq!(ma, mb, "{name}：合并区域不同");
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn summary(mut v: Vec<Duration>) -> (f64, f64) {
    v.sort();
    (ms(v[0]), ms(v[v.len() / 2]))
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

fn main() {
    // `cargo bench` 会给基准程序传 `--bench`；`cargo test --benches` 不传，只跑一次小的。
    let quick = !std::env::args().any(|a| a == "--bench");
    let n_items = env_usize("BENCH_ITEMS", if quick { 520 } else { 20_000 });
    let runs = env_usize("BENCH_RUNS", if quick { 1 } else { 10 }).max(1);
    // 剖析用：BENCH_ONLY=ours 或 floor 只反复跑一边（配合 perf），不核对、不出表。
    let only = std::env::var("BENCH_ONLY").unwrap_or_default();

    let t = Instant::now();
    let export = build_catalog(n_items);
    let opts = ExportOptions::default().exported_at(EXPORTED_AT);
    let book = precompute(&export);
    let fm = floor_formats();
    let merges: usize = book.sheets.iter().map(|s| s.merges.len()).sum();
    eprintln!(
        "目录：{} 个领域、{} 个事项、{} 段一级事项合并；准备用时 {:.0} ms",
        book.sheets.len(),
        export.items.len(),
        merges,
        ms(t.elapsed())
    );
    match only.as_str() {
        "ours" => {
            for _ in 0..runs {
                black_box(xlsx_bytes(black_box(&export), &opts).unwrap());
            }
            return;
        }
        "floor" => {
            for _ in 0..runs {
                black_box(floor(black_box(&book), &fm, FLOOR_ZIP_LEVEL).unwrap());
            }
            return;
        }
        _ => {}
    }

    // 预热，并核对两边写出同样的单元格。
    let ours_bytes = xlsx_bytes(&export, &opts).expect("导出失败");
    let floor_bytes = floor(&book, &fm, FLOOR_ZIP_LEVEL).expect("下限写出失败");
    assert_same_cells(&ours_bytes, &floor_bytes);
    assert_same_parts(&ours_bytes, &floor_bytes);
    eprintln!(
        "已核对：两份工作簿的单元格、合并区域与全部 XML 部件逐字节相同（{} / {} 字节）",
        ours_bytes.len(),
        floor_bytes.len()
    );

    // 交替计时，机器上的其他负载对两边的影响相近。
    let mut t_ours = Vec::with_capacity(runs);
    let mut t_floor = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        black_box(xlsx_bytes(black_box(&export), &opts).unwrap());
        t_ours.push(t.elapsed());
        let t = Instant::now();
        black_box(floor(black_box(&book), &fm, FLOOR_ZIP_LEVEL).unwrap());
        t_floor.push(t.elapsed());
    }
    // 参考：下限在更低的 zip 压缩级别下的用时（我们的导出目前用默认级别 6）。
    let mut t_level = Vec::new();
    for level in [1u8, 3] {
        let mut v = Vec::with_capacity(runs);
        let mut size = 0;
        for _ in 0..runs.div_ceil(2) {
            let t = Instant::now();
            size = black_box(floor(black_box(&book), &fm, Some(level)).unwrap()).len();
            v.push(t.elapsed());
        }
        t_level.push((level, summary(v), size));
    }
    // 参考：不写往返表时的下限（往返表本身占多少）。
    let mut v = Vec::with_capacity(runs);
    let mut no_rt_size = 0;
    for _ in 0..runs.div_ceil(2) {
        let t = Instant::now();
        no_rt_size =
            black_box(floor_sheets(black_box(&book), &fm, FLOOR_ZIP_LEVEL, false).unwrap()).len();
        v.push(t.elapsed());
    }
    let no_rt = summary(v);
    // 往返表 JSON 的序列化在我们的导出里计时，在下限里已预先算好：单独量一次，便于解读差距。
    let t = Instant::now();
    for it in &export.items {
        black_box(serde_json::to_string(it).unwrap());
    }
    let json_ms = ms(t.elapsed());

    let (ob, om) = summary(t_ours);
    let (fb, fmed) = summary(t_floor);
    println!();
    println!(
        "| 导出（{} 个领域，{} 个事项，各 {runs} 次） | 最好 (ms) | 中位数 (ms) |",
        book.sheets.len(),
        export.items.len()
    );
    println!("|---|---:|---:|");
    println!("| 我们的导出 `xlsx_bytes` | {ob:.0} | {om:.0} |");
    println!("| 下限：rust_xlsxwriter 直接写同样的单元格 | {fb:.0} | {fmed:.0} |");
    println!(
        "| 比值（我们 ÷ 下限） | {:.2}× | {:.2}× |",
        ob / fb,
        om / fmed
    );
    println!();
    println!(
        "输出 {:.2} MB；其中事项 JSON 序列化（往返表；下限预先算好）约 {json_ms:.0} ms。",
        ours_bytes.len() as f64 / 1e6
    );
    println!(
        "参考：下限不写往返表 `_mulu`：最好 {:.0} ms，中位数 {:.0} ms，{:.2} MB。",
        no_rt.0,
        no_rt.1,
        no_rt_size as f64 / 1e6
    );
    for (level, (b, m), size) in t_level {
        println!(
            "参考：下限改用 zip 压缩级别 {level}：最好 {b:.0} ms，中位数 {m:.0} ms，{:.2} MB。",
            size as f64 / 1e6
        );
    }
    let ok = om / fmed <= 1.3 && om < 1000.0;
    println!(
        "目标（中位数 ≤ 1.3× 下限，且 < 1 s）：{}",
        if ok { "达到" } else { "未达到" }
    );
}
