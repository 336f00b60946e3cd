//! 一张工作表的文字网格：每格一段文字。合并区域覆盖的格不复制左上角的文字，只记下它的“来源格”
//! （合并区域的左上角）：取值、诊断与定位都指向来源格。所以一格长文字合并到上百万格也只存一份。

use calamine::{Data, DataRef, Dimensions, Range};

use crate::limits::{cut, MAX_CELL_CHARS, MAX_MERGES};

/// 工作表的文字网格（行列从 0 起，相对工作表左上角 A1）。
pub struct Grid {
    pub name: String,
    /// 每格自己的文字（每行一样宽）；被合并覆盖的格取来源格的文字，自己的不用。
    rows: Vec<Vec<String>>,
    width: usize,
    /// 被合并覆盖的格（按行排开，`行 × 宽 + 列`）→ `sources` 的序号 + 1；0 为未覆盖。没有合并区域时为空。
    cover: Vec<u32>,
    /// 各合并区域的左上角 (行, 列)。
    sources: Vec<(u32, u32)>,
    /// 单元格里的错误值（`#REF!` 等）。
    pub errors: Vec<(u32, u32, String)>,
    /// 只有公式、没有计算结果的格（按公式原文读入）。
    pub formulas: Vec<(u32, u32)>,
    /// 文字过长、只读了前 [`MAX_CELL_CHARS`] 个字的格：（行，列，原来的字数）。
    pub cut: Vec<(u32, u32, usize)>,
}

/// 合并区域超过上限（见 `limits.rs`）。
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GridError {
    /// 合并区域的个数。
    TooManyMerges(usize),
    /// 合并区域合计覆盖的格数（超过了这个数）。
    MergedArea(u64),
    /// 读出的文字（合并区域按覆盖的格数计）超过上限（字节）。
    Text(u64),
    /// 读出的单元格（空格也算）超过上限。
    Cells(u64),
}

impl GridError {
    /// 说明，接在“工作表“X””之后。
    pub fn detail(&self) -> String {
        match self {
            GridError::TooManyMerges(n) => {
                format!("有 {n} 个合并区域，超过 {MAX_MERGES} 个的上限")
            }
            GridError::MergedArea(limit) => {
                format!("的合并区域合计覆盖超过 {limit} 个单元格的上限")
            }
            GridError::Text(limit) => format!(
                "的文字（合并区域按覆盖的格数计）合计超过 {} MB 的上限",
                limit.div_ceil(1 << 20)
            ),
            GridError::Cells(limit) => {
                format!("有超过 {limit} 个单元格（空格也算），超过上限")
            }
        }
    }
}

impl Grid {
    /// 由 calamine 的 `Range` 建网格（.xls）。
    pub fn new(
        name: &str,
        range: &Range<Data>,
        merges: &[Dimensions],
        text_budget: &mut u64,
    ) -> Result<Self, GridError> {
        let mut cells = Cells::default();
        let (r0, c0) = range.start().unwrap_or((0, 0));
        for (r, c, v) in range.used_cells() {
            let (r, c) = ((r as u32).saturating_add(r0), (c as u32).saturating_add(c0));
            match v {
                Data::Error(e) => cells.error(r, c, e.to_string()),
                Data::String(s) => cells.put_str(r, c, s),
                other => cells.put(r, c, cell_text(other)),
            }
        }
        Self::from_cells(name, cells, merges, u64::MAX, text_budget)
    }

    /// 由逐格读出的文字建网格，再记下合并区域（左上角以外的格指向左上角）。合并区域的个数、
    /// 合计覆盖的格数（不超过 `max_area`）与展开后的文字（从 `text_budget` 里扣）都有上限。
    pub fn from_cells(
        name: &str,
        cells: Cells,
        merges: &[Dimensions],
        max_area: u64,
        text_budget: &mut u64,
    ) -> Result<Self, GridError> {
        let Cells {
            mut rows,
            width: w,
            errors,
            formulas,
            cut,
            ..
        } = cells;
        if merges.len() > MAX_MERGES {
            return Err(GridError::TooManyMerges(merges.len()));
        }
        // 每行补齐到同样宽（按格取值时不必处处判断行长）。
        let w = w.max(rows.iter().map(Vec::len).max().unwrap_or(0));
        for row in &mut rows {
            row.resize(w, String::new());
        }
        let h = rows.len();
        let mut cover: Vec<u32> = Vec::new();
        let mut sources: Vec<(u32, u32)> = Vec::new();
        let mut area_total = 0u64;
        for m in merges {
            let (r0, c0) = m.start;
            let (r0u, c0u) = (r0 as usize, c0 as usize);
            if r0u >= h || c0u >= w || m.end.0 < r0 || m.end.1 < c0 {
                continue;
            }
            let r1 = (m.end.0 as usize).min(h - 1);
            let c1 = (m.end.1 as usize).min(w - 1);
            let area = (r1 - r0u + 1) as u64 * (c1 - c0u + 1) as u64;
            if area <= 1 {
                continue;
            }
            area_total = area_total.saturating_add(area);
            if area_total > max_area {
                return Err(GridError::MergedArea(max_area));
            }
            let filled = (rows[r0u][c0u].len() as u64).saturating_mul(area - 1);
            if filled > *text_budget {
                return Err(GridError::Text(crate::limits::MAX_TEXT_BYTES));
            }
            *text_budget -= filled;
            if cover.is_empty() {
                cover = vec![0; h * w];
            }
            sources.push((r0, c0));
            let id = sources.len() as u32;
            for r in r0u..=r1 {
                for c in c0u..=c1 {
                    if (r, c) != (r0u, c0u) {
                        cover[r * w + c] = id;
                    }
                }
            }
        }
        Ok(Grid {
            name: name.to_string(),
            rows,
            width: w,
            cover,
            sources,
            errors,
            formulas,
            cut,
        })
    }

    pub fn height(&self) -> u32 {
        self.rows.len() as u32
    }

    pub fn width(&self) -> u32 {
        self.width as u32
    }

    /// 格子的文字（合并区域覆盖的格取左上角的文字）。
    pub fn get(&self, r: u32, c: u32) -> &str {
        let (r, c) = self.source(r, c);
        self.own(r, c)
    }

    /// 格子自己的文字（不看合并区域）。
    fn own(&self, r: u32, c: u32) -> &str {
        self.rows
            .get(r as usize)
            .and_then(|row| row.get(c as usize))
            .map_or("", String::as_str)
    }

    /// 一行各格的文字（合并区域覆盖的格取左上角的文字）。
    pub fn texts(&self, r: u32) -> impl Iterator<Item = &str> + '_ {
        let n = if (r as usize) < self.rows.len() {
            self.width as u32
        } else {
            0
        };
        (0..n).map(move |c| self.get(r, c))
    }

    /// 没被合并覆盖的格：（行，列，文字），按行列顺序，空格不列（批注工作簿照原样写出用）。
    pub fn own_cells(&self) -> impl Iterator<Item = (u32, u32, &str)> + '_ {
        self.rows.iter().enumerate().flat_map(move |(r, row)| {
            row.iter().enumerate().filter_map(move |(c, t)| {
                let (r, c) = (r as u32, c as u32);
                (!t.is_empty() && !self.is_filled(r, c)).then_some((r, c, t.as_str()))
            })
        })
    }

    /// 合并区域（已截到网格之内、去掉了只有一格的）：（左上角，右下角）。
    pub fn merges(&self) -> Vec<((u32, u32), (u32, u32))> {
        let mut end: Vec<(u32, u32)> = self.sources.clone();
        let w = self.width;
        for (i, id) in self.cover.iter().enumerate() {
            if *id > 0 {
                let e = &mut end[*id as usize - 1];
                let (r, c) = ((i / w) as u32, (i % w) as u32);
                *e = (e.0.max(r), e.1.max(c));
            }
        }
        self.sources.iter().copied().zip(end).collect()
    }

    /// 格子是否属于合并区域且不是左上角（即值是从别处来的）。
    pub fn is_filled(&self, r: u32, c: u32) -> bool {
        self.cover_id(r, c).is_some()
    }

    fn cover_id(&self, r: u32, c: u32) -> Option<usize> {
        if self.cover.is_empty() || c as usize >= self.width {
            return None;
        }
        let id = *self.cover.get(r as usize * self.width + c as usize)?;
        (id > 0).then(|| id as usize - 1)
    }

    /// 格子的来源格（合并区域取左上角）。
    pub fn source(&self, r: u32, c: u32) -> (u32, u32) {
        match self.cover_id(r, c) {
            Some(i) => self.sources[i],
            None => (r, c),
        }
    }

    /// 来源格的 A1 引用，例如 `H12`。
    pub fn cell_ref(&self, r: u32, c: u32) -> String {
        let (r, c) = self.source(r, c);
        a1(r, c)
    }

    /// 一行里不同的非空文字（合并的标题行只算一个）。
    pub fn distinct_texts(&self, r: u32) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for t in self.texts(r) {
            let t = t.trim();
            if !t.is_empty() && !out.contains(&t) {
                out.push(t);
            }
        }
        out
    }

    /// 一行的第一段非空文字，以及这一行是否只有这一段文字（合并的标题行只算一段）。
    /// 空行返回 `None`。与 [`Grid::distinct_texts`] 一致，但不分配。
    pub fn first_text(&self, r: u32) -> Option<(&str, Option<&str>)> {
        let mut texts = self.texts(r).map(|t| t.trim()).filter(|t| !t.is_empty());
        let first = texts.next()?;
        let only = texts.all(|t| t == first).then_some(first);
        Some((first, only))
    }

    pub fn is_blank_row(&self, r: u32) -> bool {
        self.texts(r).all(|t| t.trim().is_empty())
    }

    /// 过长文字的“错误”提示（位置是那一格，原文是读进来的前 32767 个字）。
    pub fn cut_diagnostics(&self) -> Vec<mulu_core::model::Diagnostic> {
        self.cut
            .iter()
            .map(|(r, c, n)| mulu_core::model::Diagnostic {
                sheet: self.name.clone(),
                cell: Some(a1(*r, *c)),
                severity: mulu_core::model::Severity::Error,
                code: mulu_core::model::DiagnosticCode::CellTooLong,
                message: format!(
                    "单元格有 {n} 个字，超过一格 {MAX_CELL_CHARS} 个字的上限（Excel 的上限），只读了前 {MAX_CELL_CHARS} 个字。请核对这一格，把多余的内容删去或移到别处。"
                ),
                raw: None,
            })
            .collect()
    }
}

/// 逐格收集的文字（行列从 0 起），交给 [`Grid::from_cells`]。
#[derive(Default)]
pub struct Cells {
    rows: Vec<Vec<String>>,
    width: usize,
    errors: Vec<(u32, u32, String)>,
    formulas: Vec<(u32, u32)>,
    cut: Vec<(u32, u32, usize)>,
    /// 已放进来的文字合计（字节）。
    bytes: u64,
}

impl Cells {
    /// 目前的行数、列数（读取时据此限制表格大小）。
    pub fn size(&self) -> (u64, u64) {
        (self.rows.len() as u64, self.width as u64)
    }

    /// 已放进来的文字合计（字节）。
    pub fn text_bytes(&self) -> u64 {
        self.bytes
    }

    /// 放一格文字。
    pub fn put(&mut self, r: u32, c: u32, text: String) {
        self.bytes += text.len() as u64;
        *self.slot(r as usize, c as usize) = text;
    }

    /// 放一格文字，超过 [`MAX_CELL_CHARS`] 个字的只放前面这些字，并记下来（不复制整段）。
    pub fn put_str(&mut self, r: u32, c: u32, text: &str) {
        match cut(text, MAX_CELL_CHARS) {
            Some(head) => {
                self.cut.push((r, c, text.chars().count()));
                self.put(r, c, head.to_string());
            }
            None => self.put(r, c, text.to_string()),
        }
    }

    /// 错误值（`#REF!` 等）按空白读，另记下来。
    pub fn error(&mut self, r: u32, c: u32, e: String) {
        self.slot(r as usize, c as usize);
        self.errors.push((r, c, e));
    }

    /// 只有公式、没有计算结果的格（程序生成后没在 Excel/WPS 里打开保存过）：按公式原文读，另记下来。
    pub fn formula(&mut self, r: u32, c: u32, formula: &str) {
        self.put_str(r, c, &format!("={formula}"));
        self.formulas.push((r, c));
    }

    fn slot(&mut self, r: usize, c: usize) -> &mut String {
        if self.rows.len() <= r {
            self.rows.resize_with(r + 1, Vec::new);
        }
        self.width = self.width.max(c + 1);
        let row = &mut self.rows[r];
        if row.len() <= c {
            row.resize(c + 1, String::new());
        }
        &mut row[c]
    }
}

pub use mulu_core::cellref::format as a1;

/// 把流式读出的一格放进 `cells`（共享字符串只复制一次，过长的只复制前 32767 个字）。
pub fn put_ref(cells: &mut Cells, r: u32, c: u32, v: &DataRef<'_>) {
    match v {
        DataRef::SharedString(s) if !s.is_empty() => cells.put_str(r, c, s),
        DataRef::String(s) if !s.is_empty() => cells.put_str(r, c, s),
        DataRef::SharedString(_) | DataRef::String(_) | DataRef::Empty => {}
        DataRef::Error(e) => cells.error(r, c, e.to_string()),
        other => {
            let t = cell_text(&Data::from(other.clone()));
            if !t.is_empty() {
                cells.put(r, c, t);
            }
        }
    }
}

/// 单元格值的文字：数字不带多余的 `.0`，日期按 Excel 显示的常见样式。
pub fn cell_text(v: &Data) -> String {
    match v {
        Data::Int(i) => i.to_string(),
        Data::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 1e15 {
                format!("{}", *f as i64)
            } else {
                f.to_string()
            }
        }
        Data::String(s) => s.clone(),
        Data::Bool(b) => if *b { "是" } else { "否" }.to_string(),
        Data::DateTime(d) => excel_date(d.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(_) | Data::Empty => String::new(),
    }
}

/// Excel 日期序号 → `YYYY-MM-DD`（1900 日期系统；公开时限里偶见日期）。
fn excel_date(serial: f64) -> String {
    // 1899-12-30 起的天数，换算成公历（Howard Hinnant 的 civil_from_days）。
    let days = serial.floor() as i64 - 25569; // 距 1970-01-01
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_cells_refer_to_their_source_and_are_bounded() {
        let mut cells = Cells::default();
        cells.put_str(0, 0, "一级事项");
        cells.put_str(3, 2, "x");
        let merge = [Dimensions::new((0, 0), (9, 1))]; // 截到 4 行 × 3 列之内
        let mut budget = 1000;
        let g = Grid::from_cells("表", cells, &merge, 100, &mut budget).unwrap();
        assert_eq!(g.get(3, 1), "一级事项");
        assert!(g.is_filled(3, 1) && !g.is_filled(0, 0) && !g.is_filled(3, 2));
        assert_eq!(g.cell_ref(2, 1), "A1");
        assert_eq!(g.merges(), vec![((0, 0), (3, 1))]);
        assert_eq!(
            g.own_cells().collect::<Vec<_>>(),
            vec![(0, 0, "一级事项"), (3, 2, "x")]
        );
        assert_eq!(budget, 1000 - 12 * 7);
        // 覆盖面积、展开后的文字量超过上限时报错。
        let cells = || {
            let mut c = Cells::default();
            c.put_str(0, 0, "一级事项");
            c.put_str(3, 2, "x");
            c
        };
        assert_eq!(
            Grid::from_cells("表", cells(), &merge, 7, &mut 1000).err(),
            Some(GridError::MergedArea(7))
        );
        assert!(matches!(
            Grid::from_cells("表", cells(), &merge, 100, &mut 10),
            Err(GridError::Text(_))
        ));
    }

    #[test]
    fn long_cells_are_cut_and_noted() {
        let mut cells = Cells::default();
        let long = "条".repeat(MAX_CELL_CHARS + 5);
        cells.put_str(2, 1, &long);
        let g = Grid::from_cells("表", cells, &[], 0, &mut 0).unwrap();
        assert_eq!(g.get(2, 1).chars().count(), MAX_CELL_CHARS);
        assert_eq!(g.cut, vec![(2, 1, MAX_CELL_CHARS + 5)]);
        let d = g.cut_diagnostics();
        assert_eq!(d[0].cell.as_deref(), Some("B3"));
        assert_eq!(d[0].severity, mulu_core::model::Severity::Error);
    }

    #[test]
    fn excel_dates() {
        assert_eq!(excel_date(45658.0), "2025-01-01");
        assert_eq!(excel_date(43600.5), "2019-05-15");
    }
}
