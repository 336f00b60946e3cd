//! 把一张工作表读成一个或几个目录表格：表头之后逐行读事项，遇到分节标题、说明行或
//! 下一个表头为止。每个认不准的地方都留一条带单元格引用的提示。

use std::collections::BTreeMap;

use mulu_core::matching::is_ditto;
use mulu_core::model::{
    Audience, Channels, Diagnostic, DiagnosticCode, Field, ItemFields, Level, Mode, PreviewItem,
    Severity, StandardCarrier,
};
use mulu_core::text::tidy;

use crate::clean;
use crate::grid::Grid;
use crate::guideline::Legend;
use crate::header::{self, Header, Role};
use crate::marks::{self, Carrier, Flag, Marking};
use crate::normalize::key;
use crate::options::ReadOptions;

/// 读出的一行：事项，以及载体清单的原始勾选（导入指引时 ■/□ 表示必选/可选）。
pub struct ParsedRow {
    pub item: PreviewItem,
    pub carriers: Vec<Carrier>,
}

/// 读出的一个表格。
pub struct ParsedTable {
    pub sheet: String,
    pub domain: Option<String>,
    /// 标题行里领域名前面的单位名。
    pub unit_hint: Option<String>,
    pub rows: Vec<ParsedRow>,
    pub diagnostics: Vec<Diagnostic>,
    /// 表格里有栏目的字段（没有的字段在往返导入时取隐藏表里的值）。
    pub present: Vec<Field>,
    /// 工作表里说明 ■/□ 是必选/可选的图例（只在读指引时找）。
    pub legend: Option<Legend>,
}

/// 只有公式、没有计算结果的格的提示。
pub(crate) const FORMULA_ONLY: &str =
    "单元格只有公式、没有计算结果（文件可能由程序生成后未在 Excel/WPS 中打开保存），\
已按公式原文读入，请在 Excel/WPS 中打开并保存后重新导入，或手工核对。";

/// 读表时留下什么。
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// 只要事项（读目录、审核）。
    Items,
    /// 另留每行载体清单的原始勾选（读指引：■/□ 是必选/可选）。
    Carriers,
}

/// 读一张工作表里的全部表格。没有表格时返回空。
pub fn parse_sheet(grid: &Grid, opts: &ReadOptions, keep: Keep) -> Vec<ParsedTable> {
    let mut tables = Vec::new();
    let mut from = 0;
    let legend = match keep {
        Keep::Carriers => Legend::in_grid(grid),
        Keep::Items => None,
    };
    while let Some(h) = header::find(grid, from) {
        let heading = heading_above(grid, from, h.first_row);
        let (mut table, end) = parse_table(grid, &h, heading, tables.is_empty(), opts, keep);
        table.legend = legend.clone();
        tables.push(table);
        from = end.max(h.data_start());
    }
    tables
}

/// 表头上方最近的标题/分节标题行（只有一段文字的行）。
fn heading_above(grid: &Grid, from: u32, header_row: u32) -> Option<(u32, String)> {
    (from..header_row).rev().find_map(|r| {
        let texts = grid.distinct_texts(r);
        (texts.len() == 1 && !is_legend(texts[0])).then(|| (r, texts[0].to_string()))
    })
}

/// 只有一段文字的行是不是分节标题。
fn is_heading(text: &str) -> bool {
    let k = key(text);
    k.contains("领域") || k.contains("标准目录") || k.ends_with("目录")
}

/// 序号格里是数字（`12`、`12.0`、`１２`）。
fn is_number(s: &str) -> bool {
    let t = s.trim();
    !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || ('０'..='９').contains(&c))
        && t.chars().any(|c| c != '.')
}

fn is_notes(first: &str) -> bool {
    let k = key(first);
    [
        "说明",
        "注：",
        "注:",
        "备注：",
        "标准目录要素说明",
        "填表说明",
        "附注",
    ]
    .iter()
    .any(|p| k.starts_with(p))
}

/// 说明 ■/□ 是必选/可选的图例行（见 [`Legend::parse`]）。不含“必”“可”的文字不必求键。
fn is_legend(text: &str) -> bool {
    text.contains(['必', '可']) && Legend::parse(text).is_some()
}

struct Ctx<'a> {
    grid: &'a Grid,
    header: &'a Header,
    keep: Keep,
    diags: Vec<Diagnostic>,
    memo: clean::Memo<'a>,
}

impl Ctx<'_> {
    fn diag(
        &mut self,
        r: u32,
        c: Option<u32>,
        severity: Severity,
        code: DiagnosticCode,
        message: String,
    ) {
        let (cell, raw) = match c {
            Some(c) => (
                Some(self.grid.cell_ref(r, c)),
                Some(self.grid.get(r, c).to_string()).filter(|s| !s.is_empty()),
            ),
            None => (None, None),
        };
        self.diags.push(Diagnostic {
            sheet: self.grid.name.clone(),
            cell,
            severity,
            code,
            message,
            raw,
        });
    }
}

fn parse_table(
    grid: &Grid,
    h: &Header,
    heading: Option<(u32, String)>,
    first_in_sheet: bool,
    opts: &ReadOptions,
    keep: Keep,
) -> (ParsedTable, u32) {
    let mut h = h.clone();
    // 只有“事项名称”一栏时，它就是事项名（放一级事项）。
    if !h.has(&Role::L1) {
        if let Some(col) = h.columns.iter_mut().find(|(_, r, _)| *r == Role::L2) {
            col.1 = Role::L1;
        }
    }
    let mut ctx = Ctx {
        grid,
        header: &h,
        keep,
        diags: Vec::new(),
        memo: clean::Memo::default(),
    };

    // 领域：分节标题/标题行 → 工作表名（表内第一个表格才用） → 用户指定。
    let from_heading = heading
        .as_ref()
        .and_then(|(_, t)| crate::domain::find(t, &opts.domains).map(|x| x.0.to_string()));
    let from_sheet = if first_in_sheet {
        crate::domain::find(&grid.name, &opts.domains).map(|x| x.0.to_string())
    } else {
        None
    };
    let domain = from_heading
        .or(from_sheet)
        .or_else(|| opts.domain_hint.clone());
    if domain.is_none() {
        ctx.diag(
            h.first_row,
            None,
            Severity::Warning, DiagnosticCode::UnknownDomain,
            format!(
                "第 {} 行起的表格认不出属于哪个领域（工作表名和标题里都没有已知领域名），请在导入时选择领域。",
                h.first_row + 1
            ),
        );
    }
    let unit_hint = heading
        .as_ref()
        .and_then(|(_, t)| crate::domain::unit_from_title(t, &opts.domains));

    // 表头的提示：多出的栏、缺少的栏。
    let present = present_fields(&h);
    for (c, role, raw) in &h.columns {
        if let Role::Extra(_) = role {
            ctx.diag(
                h.first_row,
                Some(*c),
                Severity::Info,
                DiagnosticCode::ExtraColumn,
                format!(
                    "“{}”栏不在官方表格中，其内容已并入备注。",
                    raw.replace('\n', "")
                ),
            );
        }
    }
    for (field, name) in [
        (Field::Content, "公开内容（要素）"),
        (Field::Basis, "公开依据"),
        (Field::TimeLimit, "公开时限"),
        (Field::Subject, "公开主体"),
        (Field::Channels, "公开渠道和载体"),
        (Field::Audience, "公开对象"),
        (Field::Mode, "公开方式"),
    ] {
        if !present.contains(&field) {
            ctx.diag(
                h.first_row,
                None,
                Severity::Warning,
                DiagnosticCode::MissingColumn,
                format!(
                    "第 {} 行的表头没有“{name}”栏，这一项将为空。",
                    h.first_row + 1
                ),
            );
        }
    }
    if !present.contains(&Field::Level) {
        ctx.diag(
            h.first_row,
            None,
            Severity::Info,
            DiagnosticCode::NoLevelColumn,
            format!(
                "第 {} 行的表头没有“公开层级”栏（县级部门的目录常见），事项的公开层级留空。",
                h.first_row + 1
            ),
        );
    }

    let mut rows: Vec<ParsedRow> = Vec::new();
    // 上一事项各栏（与表头各栏一一对应）的值，供“同上”沿用。
    let mut prev: Vec<&str> = Vec::new();
    let mut r = h.data_start();
    let seq_col = h.col(&Role::Seq);
    while r < grid.height() {
        let Some((first, only)) = grid.first_text(r) else {
            r += 1;
            continue;
        };
        if is_legend(first) {
            r += 1;
            continue;
        }
        if is_notes(first) || only.is_some_and(is_heading) {
            break;
        }
        // 新表格的表头：序号栏里是数字的行是事项，不必逐格判断（每行都判断曾占读取时间的一成）。
        let numbered = seq_col.is_some_and(|c| is_number(grid.get(r, c)));
        if r > h.data_start() && !numbered && header::at(grid, r).is_some() {
            break;
        }
        if let Some(row) = parse_row(&mut ctx, r, &mut prev) {
            rows.push(row);
        }
        r += 1;
    }
    for (er, ec, e) in &grid.errors {
        if *er >= h.data_start() && *er < r {
            ctx.diag(
                *er,
                Some(*ec),
                Severity::Warning,
                DiagnosticCode::ErrorValue,
                format!("单元格是错误值 {e}，已按空白读取。"),
            );
        }
    }
    for (fr, fc) in &grid.formulas {
        if *fr >= h.data_start() && *fr < r {
            ctx.diag(
                *fr,
                Some(*fc),
                Severity::Warning,
                DiagnosticCode::FormulaWithoutValue,
                FORMULA_ONLY.into(),
            );
        }
    }
    if rows.is_empty() {
        ctx.diag(
            h.first_row,
            None,
            Severity::Info,
            DiagnosticCode::NoItems,
            format!("第 {} 行的表头下面没有事项。", h.first_row + 1),
        );
    }
    let diagnostics = ctx.diags;
    (
        ParsedTable {
            sheet: grid.name.clone(),
            domain,
            unit_hint,
            rows,
            diagnostics,
            present,
            legend: None,
        },
        r,
    )
}

fn present_fields(h: &Header) -> Vec<Field> {
    let mut out = Vec::new();
    for (_, role, _) in &h.columns {
        let f = match role {
            Role::L1 => Field::L1,
            Role::L2 => Field::L2,
            Role::Content => Field::Content,
            Role::Basis => Field::Basis,
            Role::TimeLimit => Field::TimeLimit,
            Role::Subject => Field::Subject,
            Role::Channels => Field::Channels,
            Role::AudiencePublic | Role::AudienceGroup | Role::AudienceText => Field::Audience,
            Role::Proactive | Role::OnRequest | Role::ModeText => Field::Mode,
            Role::County | Role::Township | Role::LevelText => Field::Level,
            Role::Notes | Role::Extra(_) => Field::Notes,
            Role::Seq => continue,
        };
        if !out.contains(&f) {
            out.push(f);
        }
    }
    out
}

/// 读一行；不是事项（只有序号、或只有合并来的一级事项）时返回 `None`。
/// `prev` 是上一事项各栏的值（“同上”沿用它），读完这一行后换成这一行的值。
fn parse_row<'g>(ctx: &mut Ctx<'g>, r: u32, prev: &mut Vec<&'g str>) -> Option<ParsedRow> {
    let grid = ctx.grid;
    let h = ctx.header;
    // 这一行自己写了字的栏（合并区域里填来的不算）。
    let own_text = h.columns.iter().any(|(c, role, _)| {
        !matches!(role, Role::Seq) && !grid.is_filled(r, *c) && !grid.get(r, *c).trim().is_empty()
    });
    if !own_text {
        return None;
    }

    // 各栏的值（借用网格里的文字，不复制）；“同上”取上一事项同一栏的值。
    let mut values: Vec<&'g str> = Vec::with_capacity(h.columns.len());
    for (i, (c, _, _)) in h.columns.iter().enumerate() {
        let raw = grid.get(r, *c);
        let v = if is_ditto(raw) {
            match prev.get(i) {
                Some(p) => *p,
                None => {
                    ctx.diag(
                        r,
                        Some(*c),
                        Severity::Warning,
                        DiagnosticCode::DittoWithoutAbove,
                        "“同上”上面没有可沿用的内容，已按空白读取，请填写实际内容。".into(),
                    );
                    ""
                }
            }
        } else {
            raw
        };
        values.push(v);
    }
    let col_index = |role: &Role| h.columns.iter().position(|(_, x, _)| x == role);
    let get = |role: &Role| -> &'g str { col_index(role).map_or("", |i| values[i]) };

    // 文字栏：像细心的文书那样规整（去编号、去断行留下的空格、拆列表），改了的格留一条提示。
    // 同样的文字在一张表里只规整一次（ctx.memo）；二级事项几乎不重复，直接规整。
    let (l1, l1_changes) = ctx.memo.name(get(&Role::L1));
    let (l2, l2_changes) = clean::name(get(&Role::L2));
    let (content, elements, content_changes) = ctx.memo.content(get(&Role::Content));
    let (basis, basis_changes) = ctx.memo.bases(get(&Role::Basis));
    let (time_limit, time_changes) = ctx.memo.phrase(get(&Role::TimeLimit));
    let (subject, subject_changes) = ctx.memo.phrase(get(&Role::Subject));
    let mut f = ItemFields {
        l1,
        l2,
        content,
        elements,
        basis,
        time_limit,
        subject,
        ..ItemFields::default()
    };
    let changes = [
        (Role::L1, "一级事项", l1_changes),
        (Role::L2, "二级事项", l2_changes),
        (Role::Content, "公开内容（要素）", content_changes),
        (Role::Basis, "公开依据", basis_changes),
        (Role::TimeLimit, "公开时限", time_changes),
        (Role::Subject, "公开主体", subject_changes),
    ];
    for (role, label, ch) in &changes {
        if *ch == clean::Changes::default() {
            continue;
        }
        let Some(c) = h.col(role) else { continue };
        // 只在写着这段文字的格上提示：合并区域填来的、“同上”沿用的不重复提示。
        if grid.is_filled(r, c) || is_ditto(grid.get(r, c)) {
            continue;
        }
        if let Some(message) = ch.message(label) {
            ctx.diag(r, Some(c), Severity::Info, DiagnosticCode::Tidied, message);
        }
    }

    // 每个字段的来源格：同一字段有几栏（全社会/特定群体……）时按下面的先后取第一栏。
    let mut cells = BTreeMap::new();
    for (field, role) in CELL_ROLES {
        if let Some(c) = h.col(role) {
            cells.entry(*field).or_insert_with(|| grid.cell_ref(r, c));
        }
    }

    // 载体清单。
    let mut carriers = Vec::new();
    if let Some(c) = h.col(&Role::Channels) {
        let raw = get(&Role::Channels);
        let (list, marking) = marks::checklist(raw);
        match marking {
            Marking::Damaged(glyphs) => ctx.diag(
                r,
                Some(c),
                Severity::Info, DiagnosticCode::DamagedMarks,
                format!("载体清单里的 {glyphs} 是字体损坏后的 ■/□，已按勾选/未勾选读取；请把它们改回 ■/□。"),
            ),
            Marking::Plain if !list.is_empty() => ctx.diag(
                r,
                Some(c),
                Severity::Info, DiagnosticCode::UnmarkedCarriers,
                "载体没有用 ■/□ 勾选，已把列出的载体都当作选中。".into(),
            ),
            _ => {}
        }
        f.channels = channels_of(&list);
        if ctx.keep == Keep::Carriers {
            carriers = list.iter().map(marks::Marked::to_owned).collect();
        }
    }

    // 公开对象、公开方式、公开层级。
    read_flags(ctx, r, &values, &mut f);

    // 备注与其他栏。
    let mut notes: Vec<String> = Vec::new();
    for ((_, role, raw), v) in h.columns.iter().zip(&values) {
        if !matches!(role, Role::Notes | Role::Extra(_)) {
            continue;
        }
        let v = tidy(v);
        if v.is_empty() {
            continue;
        }
        match role {
            Role::Notes => notes.insert(0, v),
            _ => notes.push(format!("{}：{v}", tidy(raw))),
        }
    }
    f.notes = notes.join("；");

    if f.l1.is_empty() && f.l2.is_empty() {
        let c = h.col(&Role::L1);
        ctx.diag(
            r,
            c,
            Severity::Warning,
            DiagnosticCode::NoName,
            format!("第 {} 行有内容但没有事项名称，请补上一级/二级事项。", r + 1),
        );
    }
    // 下一行的“同上”沿用这一行的值。
    *prev = values;
    Some(ParsedRow {
        item: PreviewItem {
            fields: f,
            sheet: grid.name.clone(),
            row: r + 1,
            cells,
            id: None,
            provenance: None,
        },
        carriers,
    })
}

/// 字段与它的来源栏，按定位时的先后。
const CELL_ROLES: &[(Field, Role)] = &[
    (Field::L1, Role::L1),
    (Field::L2, Role::L2),
    (Field::Content, Role::Content),
    (Field::Basis, Role::Basis),
    (Field::TimeLimit, Role::TimeLimit),
    (Field::Subject, Role::Subject),
    (Field::Channels, Role::Channels),
    (Field::Audience, Role::AudiencePublic),
    (Field::Audience, Role::AudienceGroup),
    (Field::Audience, Role::AudienceText),
    (Field::Mode, Role::Proactive),
    (Field::Mode, Role::OnRequest),
    (Field::Mode, Role::ModeText),
    (Field::Level, Role::County),
    (Field::Level, Role::Township),
    (Field::Level, Role::LevelText),
    (Field::Notes, Role::Notes),
];

/// 勾选的载体 → 标准载体 + 其他载体；“其他：办税服务厅”= 其他 + 办税服务厅。
pub fn channels_of(list: &[marks::Marked]) -> Channels {
    let mut ch = Channels::default();
    for c in list.iter().filter(|c| c.checked) {
        if let Some(rest) = c.name.strip_prefix("其他") {
            let rest = rest
                .trim_start_matches(['：', ':', '（', '('])
                .trim_end_matches(['）', ')']);
            ch.insert(StandardCarrier::Other);
            if !rest.is_empty() {
                ch.add_name(rest);
            }
            continue;
        }
        ch.add_name(&c.name);
    }
    ch
}

fn read_flags(ctx: &mut Ctx, r: u32, values: &[&str], f: &mut ItemFields) {
    let h = ctx.header;
    for ((c, role, raw_header), text) in h.columns.iter().zip(values) {
        let text: &str = text;
        let sub = raw_header.rsplit('-').next().unwrap_or(raw_header);
        match role {
            Role::AudiencePublic
            | Role::Proactive
            | Role::OnRequest
            | Role::County
            | Role::Township => {
                match marks::flag(text, sub) {
                    Flag::Off => {}
                    Flag::On | Flag::OnWith(_) => push_flag(f, role),
                    Flag::Unknown => {
                        // 层级栏里直接写“县级”“乡级”。
                        if matches!(role, Role::County | Role::Township) && level_text(text, f) {
                            continue;
                        }
                        ctx.diag(
                            r,
                            Some(*c),
                            Severity::Warning,
                            DiagnosticCode::UnknownMark,
                            format!(
                                "“{}”栏的标记认不出，已按未勾选读取；请用 √ 标记。",
                                tidy(sub)
                            ),
                        );
                    }
                }
            }
            Role::AudienceGroup => match marks::flag(text, sub) {
                Flag::Off => {}
                Flag::On => push_flag(f, role),
                Flag::OnWith(g) => {
                    push_flag(f, role);
                    f.audience_group = Some(g);
                }
                Flag::Unknown => {
                    // 特定群体格里写的是群体说明。
                    push_flag(f, role);
                    f.audience_group = Some(marks::strip_brackets(&tidy(text)).to_string());
                }
            },
            Role::AudienceText => {
                let t = tidy(text);
                if t.contains("全社会") || t.contains("社会公众") {
                    f.audience.push(Audience::Public);
                }
                if t.contains("特定") {
                    f.audience.push(Audience::SpecificGroup);
                    if let Some((_, g)) = t.split_once(['（', '(']) {
                        let g = g.trim_end_matches(['）', ')']).trim();
                        if !g.is_empty() {
                            f.audience_group = Some(g.to_string());
                        }
                    }
                }
                if !t.is_empty() && f.audience.is_empty() {
                    ctx.diag(
                        r,
                        Some(*c),
                        Severity::Warning,
                        DiagnosticCode::UnknownAudience,
                        "公开对象认不出，应为“全社会”或“特定群体”。".into(),
                    );
                }
            }
            Role::ModeText => {
                let t = key(text);
                if t.contains("主动") {
                    f.mode.push(Mode::Proactive);
                }
                if t.contains("申请") {
                    f.mode.push(Mode::OnRequest);
                }
                if !t.is_empty() && f.mode.is_empty() {
                    ctx.diag(
                        r,
                        Some(*c),
                        Severity::Warning,
                        DiagnosticCode::UnknownMode,
                        "公开方式认不出，应为“主动”或“依申请”。".into(),
                    );
                }
            }
            Role::LevelText if !level_text(text, f) && !text.trim().is_empty() => {
                ctx.diag(
                    r,
                    Some(*c),
                    Severity::Warning,
                    DiagnosticCode::UnknownLevel,
                    "公开层级认不出，应为“县级”和/或“乡级”。".into(),
                );
            }
            _ => {}
        }
    }
}

/// 写成文字的层级（“县级、乡级”“镇级”）。认出至少一个返回 true。
fn level_text(text: &str, f: &mut ItemFields) -> bool {
    let t = key(text);
    let mut any = false;
    if t.contains('县') || t.contains("区级") {
        if !f.level.contains(&Level::County) {
            f.level.push(Level::County);
        }
        any = true;
    }
    if t.contains('乡') || t.contains('镇') || t.contains('街') || t.contains('村') {
        if !f.level.contains(&Level::Township) {
            f.level.push(Level::Township);
        }
        any = true;
    }
    any
}

fn push_flag(f: &mut ItemFields, role: &Role) {
    match role {
        Role::AudiencePublic => push(&mut f.audience, Audience::Public),
        Role::AudienceGroup => push(&mut f.audience, Audience::SpecificGroup),
        Role::Proactive => push(&mut f.mode, Mode::Proactive),
        Role::OnRequest => push(&mut f.mode, Mode::OnRequest),
        Role::County => push(&mut f.level, Level::County),
        Role::Township => push(&mut f.level, Level::Township),
        _ => {}
    }
}

fn push<T: PartialEq>(v: &mut Vec<T>, x: T) {
    if !v.contains(&x) {
        v.push(x);
    }
}
