//! 一张工作表的文字网格：每格一段文字，合并单元格的值填到它覆盖的每一格，
//! 并记下每格的“来源格”（合并区域的左上角），诊断与定位都指向来源格。

use calamine::{Data, DataRef, Dimensions, Range};

/// 工作表的文字网格（行列从 0 起，相对工作表左上角 A1）。
pub struct Grid {
    pub name: String,
    rows: Vec<Vec<String>>,
    /// 合并区域：非左上角的格 → 左上角 (行, 列)。
    merged_from: std::collections::HashMap<(u32, u32), (u32, u32)>,
    /// 单元格里的错误值（`#REF!` 等）。
    pub errors: Vec<(u32, u32, String)>,
    /// 只有公式、没有计算结果的格（按公式原文读入）。
    pub formulas: Vec<(u32, u32)>,
}

impl Grid {
    pub fn new(name: &str, range: &Range<Data>, merges: &[Dimensions]) -> Self {
        let (h, w) = match range.end() {
            Some((r, c)) => (r as usize + 1, c as usize + 1),
            None => (0, 0),
        };
        let mut cells = Cells {
            rows: vec![vec![String::new(); w]; h],
            ..Cells::default()
        };
        for (r, c, v) in range.used_cells() {
            let (r, c) = (
                r + range.start().map_or(0, |s| s.0 as usize),
                c + range.start().map_or(0, |s| s.1 as usize),
            );
            match v {
                Data::Error(e) => cells.error(r as u32, c as u32, e.to_string()),
                other => cells.put(r as u32, c as u32, cell_text(other)),
            }
        }
        Self::from_cells(name, cells, merges)
    }

    /// 由逐格读出的文字建网格，再把合并区域左上角的值填到它覆盖的每一格。
    pub fn from_cells(name: &str, cells: Cells, merges: &[Dimensions]) -> Self {
        let Cells {
            mut rows,
            width: w,
            errors,
            formulas,
        } = cells;
        // 每行补齐到同样宽（按格取值时不必处处判断行长）。
        let w = w.max(rows.iter().map(Vec::len).max().unwrap_or(0));
        for row in &mut rows {
            row.resize(w, String::new());
        }
        let h = rows.len();
        let mut merged_from = std::collections::HashMap::new();
        for m in merges {
            let (r0, c0) = m.start;
            let (r1, c1) = m.end;
            let value = rows
                .get(r0 as usize)
                .and_then(|row| row.get(c0 as usize))
                .cloned()
                .unwrap_or_default();
            for r in r0..=r1.min(h.saturating_sub(1) as u32) {
                for c in c0..=c1.min(w.saturating_sub(1) as u32) {
                    if (r, c) == (r0, c0) {
                        continue;
                    }
                    if let Some(cell) = rows
                        .get_mut(r as usize)
                        .and_then(|row| row.get_mut(c as usize))
                    {
                        *cell = value.clone();
                    }
                    merged_from.insert((r, c), (r0, c0));
                }
            }
        }
        Grid {
            name: name.to_string(),
            rows,
            merged_from,
            errors,
            formulas,
        }
    }

    pub fn height(&self) -> u32 {
        self.rows.len() as u32
    }

    pub fn width(&self) -> u32 {
        self.rows.first().map_or(0, |r| r.len() as u32)
    }

    pub fn get(&self, r: u32, c: u32) -> &str {
        self.rows
            .get(r as usize)
            .and_then(|row| row.get(c as usize))
            .map_or("", String::as_str)
    }

    pub fn row(&self, r: u32) -> &[String] {
        self.rows.get(r as usize).map_or(&[], Vec::as_slice)
    }

    /// 格子是否属于合并区域且不是左上角（即值是从别处填来的）。
    pub fn is_filled(&self, r: u32, c: u32) -> bool {
        self.merged_from.contains_key(&(r, c))
    }

    /// 格子的来源格（合并区域取左上角）。
    pub fn source(&self, r: u32, c: u32) -> (u32, u32) {
        self.merged_from.get(&(r, c)).copied().unwrap_or((r, c))
    }

    /// 来源格的 A1 引用，例如 `H12`。
    pub fn cell_ref(&self, r: u32, c: u32) -> String {
        let (r, c) = self.source(r, c);
        a1(r, c)
    }

    /// 一行里不同的非空文字（合并的标题行只算一个）。
    pub fn distinct_texts(&self, r: u32) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for t in self.row(r) {
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
        let mut texts = self
            .row(r)
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty());
        let first = texts.next()?;
        let only = texts.all(|t| t == first).then_some(first);
        Some((first, only))
    }

    pub fn is_blank_row(&self, r: u32) -> bool {
        self.row(r).iter().all(|t| t.trim().is_empty())
    }
}

/// 逐格收集的文字（行列从 0 起），交给 [`Grid::from_cells`]。
#[derive(Default)]
pub struct Cells {
    rows: Vec<Vec<String>>,
    width: usize,
    errors: Vec<(u32, u32, String)>,
    formulas: Vec<(u32, u32)>,
}

impl Cells {
    /// 目前的行数、列数（读取时据此限制表格大小）。
    pub fn size(&self) -> (u64, u64) {
        (self.rows.len() as u64, self.width as u64)
    }

    /// 放一格文字。
    pub fn put(&mut self, r: u32, c: u32, text: String) {
        *self.slot(r as usize, c as usize) = text;
    }

    /// 错误值（`#REF!` 等）按空白读，另记下来。
    pub fn error(&mut self, r: u32, c: u32, e: String) {
        self.slot(r as usize, c as usize);
        self.errors.push((r, c, e));
    }

    /// 只有公式、没有计算结果的格（程序生成后没在 Excel/WPS 里打开保存过）：按公式原文读，另记下来。
    pub fn formula(&mut self, r: u32, c: u32, formula: &str) {
        *self.slot(r as usize, c as usize) = format!("={formula}");
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

/// 流式读出的单元格的文字（共享字符串只复制一次）；错误值返回 `Err`。
pub fn cell_ref_text(v: &DataRef<'_>) -> Result<String, String> {
    Ok(match v {
        DataRef::SharedString(s) => (*s).to_string(),
        DataRef::String(s) => s.clone(),
        DataRef::Error(e) => return Err(e.to_string()),
        DataRef::Empty => String::new(),
        other => cell_text(&Data::from(other.clone())),
    })
}

/// 单元格值的文字：数字不带多余的 `.0`，日期按 Excel 显示的常见样式。
fn cell_text(v: &Data) -> String {
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
    fn excel_dates() {
        assert_eq!(excel_date(45658.0), "2025-01-01");
        assert_eq!(excel_date(43600.5), "2019-05-15");
    }
}
