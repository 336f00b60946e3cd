//! 逐个事件读 `word/document.xml`：正文里的每个表格（行、格、合并标记、格里的文字）与表格
//! 上方的段落。不递归、不建文档树，嵌套多深都只占一个计数器。
//!
//! - 格里的段落用换行连接；`<w:br/>` 也是换行，`<w:tab/>` 读作空格。
//! - `<w:sym>` 与设为 Wingdings/Symbol 字体的文字按 [`super::symbols`] 换成 ■ □ √ ×；
//!   旧式复选框窗体域（`w:ffData/w:checkBox`）读作 ■ 或 □。
//! - 修订里删去的文字（`w:del`、`w:moveFrom`）、域代码、图形与文本框（`w:drawing`、`w:pict`、
//!   `mc:Fallback` 等）不读。
//! - 格里嵌套的表格不另算表格：其中的文字按段落并入外层的格，并记下位置（调用方给出提示）。
//! - 有 DOCTYPE 或引用了未定义实体的文档拒绝读取。

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::symbols::{self, SymbolFont};
use crate::merges::attr;

/// 读表时的上限。
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// 正文里的表格数。
    pub tables: usize,
    /// 一个表格的行 × 列。
    pub cells: u64,
    /// 一个表格的列数（网格列）。
    pub cols: u32,
    /// 一格的字数；超出的部分不读。
    pub cell_chars: usize,
}

/// `w:vMerge`、`w:hMerge`：合并的开始或延续。
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Merge {
    Restart,
    Continue,
}

/// 一格：起始网格列、占几列、合并标记、文字。
#[derive(Debug, Clone, Default)]
pub struct RawCell {
    pub col: u32,
    pub span: u32,
    pub vmerge: Option<Merge>,
    pub hmerge: Option<Merge>,
    pub text: String,
    /// 格里嵌有表格。
    pub nested: bool,
    /// 认不出的符号个数（照录为 `�`）。
    pub unknown_symbols: u32,
    /// 文字超过上限被截断。
    pub truncated: bool,
    /// 已读的字数。
    chars: usize,
}

/// 正文里的一个表格，及它与上一个表格之间的段落（去掉空段，按先后）。
#[derive(Debug, Clone, Default)]
pub struct RawTable {
    pub paragraphs_above: Vec<String>,
    pub rows: Vec<Vec<RawCell>>,
}

/// 读正文时的错误。
#[derive(Debug)]
pub enum BodyError {
    /// XML 畸形、DOCTYPE、未定义的实体：说明。
    Malformed(String),
    /// 超过上限：说明（“有 1200 个表格”）。
    TooLarge(String),
}

/// 表格上方最多记几段、每段最多几个字（只用来找标题）。
const KEEP_PARAGRAPHS: usize = 8;
const PARAGRAPH_CHARS: usize = 300;

/// 读正文里的全部表格。
pub fn tables(xml: &[u8], limits: &Limits) -> Result<Vec<RawTable>, BodyError> {
    let xml = xml.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(xml);
    let mut reader = Reader::from_reader(xml);
    let mut st = State::new(limits);
    loop {
        let ev = reader.read_event().map_err(|e| {
            BodyError::Malformed(format!(
                "正文 XML 在第 {} 字节处有误：{e}",
                reader.error_position()
            ))
        })?;
        match ev {
            Event::Eof => break,
            Event::DocType(_) => {
                return Err(BodyError::Malformed(
                    "正文含有 DOCTYPE 声明（Word 不会写出它，可能是构造的恶意文件），为安全起见拒绝读取"
                        .into(),
                ))
            }
            Event::Start(e) => st.start(&e, false)?,
            Event::Empty(e) if st.skip == 0 => {
                st.start(&e, true)?;
                st.end(e.local_name().as_ref())?;
            }
            Event::End(e) => st.end(e.local_name().as_ref())?,
            Event::Text(t) if st.wants_text() => st.text(&t.xml10_content()),
            Event::CData(t) if st.wants_text() => st.text(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let ch = if r.is_char_ref() {
                    r.resolve_char_ref().ok().flatten()
                } else {
                    match r.as_ref() {
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "amp" => Some('&'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    }
                };
                let Some(ch) = ch else {
                    return Err(BodyError::Malformed(format!(
                        "正文引用了未定义的实体“&{};”，为安全起见拒绝读取",
                        r.as_ref()
                    )));
                };
                if st.wants_text() {
                    st.text(ch.encode_utf8(&mut [0; 4]));
                }
            }
            _ => {}
        }
    }
    Ok(st.done)
}

/// 读的过程中的状态。
struct State<'l> {
    limits: &'l Limits,
    done: Vec<RawTable>,
    /// 上一个表格之后的段落。
    paragraphs: Vec<String>,
    /// 打开的 `w:tbl` 层数：1 是正文的表格，更深的是嵌在格里的。
    depth: u32,
    /// 正在读的正文表格。
    table: RawTable,
    /// 正在读的行的下一个网格列；正在读的格。
    next_col: u32,
    /// 正在读的表格到目前为止最宽的一行（网格列数）。
    width: u32,
    cell: Option<RawCell>,
    /// 正在读的段落的文字。
    para: String,
    /// 在 `w:t` 里、在 `w:r` 里、在 `w:rPr` 里（只认 `w:r` 自己的属性）。
    in_t: bool,
    in_run: bool,
    in_run_props: bool,
    run_font: Option<SymbolFont>,
    /// 略过的元素（图形、删去的文字……）里：其深度。
    skip: u32,
    /// 旧式复选框窗体域：在 `w:checkBox` 里；默认值与当前值。
    checkbox: Option<(bool, Option<bool>)>,
}

impl<'l> State<'l> {
    fn new(limits: &'l Limits) -> Self {
        State {
            limits,
            done: Vec::new(),
            paragraphs: Vec::new(),
            depth: 0,
            table: RawTable::default(),
            next_col: 0,
            width: 0,
            cell: None,
            para: String::new(),
            in_t: false,
            in_run: false,
            in_run_props: false,
            run_font: None,
            skip: 0,
            checkbox: None,
        }
    }

    fn wants_text(&self) -> bool {
        self.in_t && self.skip == 0
    }

    fn text(&mut self, t: &str) {
        match self.run_font {
            Some(f) => symbols::map_text(f, t, &mut self.para),
            None => self.para.push_str(t),
        }
    }

    fn start(&mut self, e: &BytesStart, empty: bool) -> Result<(), BodyError> {
        let name = e.local_name();
        let name = name.as_ref();
        if self.skip > 0 {
            if !empty {
                self.skip += 1;
            }
            return Ok(());
        }
        match name {
            "drawing" | "pict" | "object" | "Fallback" | "del" | "moveFrom"
            | "instrText" | "delText" | "txbxContent" | "footnoteReference"
            // 修订前的格式（其中的 gridSpan/vMerge/字体是改之前的）。
            | "rPrChange" | "pPrChange" | "tcPrChange" | "trPrChange" | "tblPrChange"
            | "tblGridChange" | "sectPrChange"
                if !empty =>
            {
                self.skip = 1;
            }
            "tbl" => {
                self.depth += 1;
                if self.depth == 1 {
                    if self.done.len() >= self.limits.tables {
                        return Err(BodyError::TooLarge(format!(
                            "有超过 {} 个表格",
                            self.limits.tables
                        )));
                    }
                    self.table = RawTable {
                        paragraphs_above: std::mem::take(&mut self.paragraphs),
                        rows: Vec::new(),
                    };
                    self.width = 0;
                } else if let Some(c) = &mut self.cell {
                    c.nested = true;
                }
            }
            "tr" if self.depth == 1 => {
                self.table.rows.push(Vec::new());
                self.next_col = 0;
                let rows = self.table.rows.len() as u64;
                if rows.saturating_mul(u64::from(self.width.max(1))) > self.limits.cells {
                    return Err(self.too_large());
                }
            }
            "gridBefore" if self.depth == 1 && self.cell.is_none() => {
                let n = number(e).unwrap_or(0);
                self.next_col = self.next_col.saturating_add(n);
                self.check_cols(self.next_col)?;
            }
            "tc" if self.depth == 1 => {
                self.cell = Some(RawCell {
                    col: self.next_col,
                    span: 1,
                    ..RawCell::default()
                });
            }
            "gridSpan" if self.depth == 1 => {
                if let Some(c) = &mut self.cell {
                    c.span = number(e).unwrap_or(1).max(1);
                }
            }
            "vMerge" if self.depth == 1 => {
                if let Some(c) = &mut self.cell {
                    c.vmerge = Some(merge_kind(e));
                }
            }
            "hMerge" if self.depth == 1 => {
                if let Some(c) = &mut self.cell {
                    c.hmerge = Some(merge_kind(e));
                }
            }
            "p" => self.para.clear(),
            "r" => {
                self.in_run = true;
                self.run_font = None;
            }
            "rPr" if self.in_run => self.in_run_props = true,
            "rFonts" if self.in_run_props => {
                self.run_font = ["ascii", "hAnsi"]
                    .iter()
                    .find_map(|a| attr(e, a).and_then(|f| SymbolFont::from_name(&f)));
            }
            "t" => self.in_t = true,
            "tab" | "noBreakHyphen" if self.in_run => {
                self.para.push(if name == "tab" { ' ' } else { '-' })
            }
            "br" | "cr" if self.in_run => self.para.push('\n'),
            "sym" if self.in_run => {
                let font = attr(e, "font").and_then(|f| SymbolFont::from_name(&f));
                let code = attr(e, "char").and_then(|c| symbols::parse_code(&c));
                match font.zip(code).and_then(|(f, c)| symbols::map(f, c)) {
                    Some(ch) => self.para.push(ch),
                    None => {
                        self.para.push('\u{FFFD}');
                        if let Some(c) = &mut self.cell {
                            c.unknown_symbols += 1;
                        }
                    }
                }
            }
            "checkBox" => self.checkbox = Some((false, None)),
            "default" => {
                if let Some(cb) = &mut self.checkbox {
                    cb.0 = on(e);
                }
            }
            "checked" => {
                if let Some(cb) = &mut self.checkbox {
                    cb.1 = Some(on(e));
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn end(&mut self, name: &str) -> Result<(), BodyError> {
        if self.skip > 0 {
            self.skip -= 1;
            return Ok(());
        }
        match name {
            "t" => self.in_t = false,
            "rPr" => self.in_run_props = false,
            "r" => {
                self.in_run = false;
                self.in_run_props = false;
                self.run_font = None;
            }
            "checkBox" => {
                if let Some((default, checked)) = self.checkbox.take() {
                    self.para.push(if checked.unwrap_or(default) {
                        '■'
                    } else {
                        '□'
                    });
                }
            }
            "p" => {
                let p = std::mem::take(&mut self.para);
                if p.trim().is_empty() {
                    return Ok(());
                }
                match &mut self.cell {
                    Some(c) if self.depth >= 1 => {
                        if !c.text.is_empty() {
                            c.text.push('\n');
                            c.chars += 1;
                        }
                        let room = self.limits.cell_chars.saturating_sub(c.chars);
                        let n = p.chars().count();
                        if n > room {
                            c.text.extend(p.chars().take(room));
                            c.chars += room;
                            c.truncated = true;
                        } else {
                            c.text.push_str(&p);
                            c.chars += n;
                        }
                    }
                    _ if self.depth == 0 => {
                        if self.paragraphs.len() >= KEEP_PARAGRAPHS {
                            self.paragraphs.remove(0);
                        }
                        self.paragraphs
                            .push(p.trim().chars().take(PARAGRAPH_CHARS).collect());
                    }
                    _ => {}
                }
            }
            "tc" if self.depth == 1 => {
                if let Some(c) = self.cell.take() {
                    let end = c.col.saturating_add(c.span);
                    self.check_cols(end)?;
                    self.next_col = end;
                    if let Some(row) = self.table.rows.last_mut() {
                        row.push(c);
                    }
                    // 网格是“行数 × 最宽一行”：按它限制，而不是按这一行。
                    self.width = self.width.max(end);
                    let rows = self.table.rows.len() as u64;
                    if rows.saturating_mul(u64::from(self.width)) > self.limits.cells {
                        return Err(self.too_large());
                    }
                }
            }
            "tbl" => {
                self.depth = self.depth.saturating_sub(1);
                if self.depth == 0 {
                    self.cell = None;
                    self.done.push(std::mem::take(&mut self.table));
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn check_cols(&self, cols: u32) -> Result<(), BodyError> {
        if cols > self.limits.cols {
            return Err(BodyError::TooLarge(format!(
                "第 {} 个表格有超过 {} 列",
                self.done.len() + 1,
                self.limits.cols
            )));
        }
        Ok(())
    }

    fn too_large(&self) -> BodyError {
        BodyError::TooLarge(format!(
            "第 {} 个表格超过 {} 个单元格",
            self.done.len() + 1,
            self.limits.cells
        ))
    }
}

fn number(e: &BytesStart) -> Option<u32> {
    attr(e, "val").and_then(|v| v.trim().parse().ok())
}

/// `w:vMerge`/`w:hMerge`：没有 `w:val` 或不是 `restart` 都是延续。
fn merge_kind(e: &BytesStart) -> Merge {
    match attr(e, "val").as_deref() {
        Some("restart") => Merge::Restart,
        _ => Merge::Continue,
    }
}

/// 开关属性：没有 `w:val` 是开，`0`/`false`/`off` 是关。
fn on(e: &BytesStart) -> bool {
    !matches!(attr(e, "val").as_deref(), Some("0" | "false" | "off"))
}
