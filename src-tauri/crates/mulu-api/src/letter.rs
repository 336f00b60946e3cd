//! 一页的《审核意见》（.docx）：单位名称、报送的文件与轮次、逐条列出采纳的问题（按工作表与单元格）、
//! 修改要求、落款与日期。WordprocessingML 只用段落与字体，手写三个部件后用 zip 打包（不另加依赖）；
//! Word、WPS 与 LibreOffice 都能打开。

use std::io::Write;

use zip::write::SimpleFileOptions;

/// 审核意见里的一条问题。
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterFinding {
    /// 位置，例如 `社会救助!E4`。
    pub place: String,
    /// 字段名，例如“公开依据”（没有时为空）。
    pub field: String,
    pub message: String,
    pub suggestion: Option<String>,
}

/// 审核意见的内容。
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    pub unit: String,
    pub file_name: String,
    pub round: i64,
    /// 报送（收到）的日期，`2026年12月2日`。
    pub received: String,
    /// 落款日期，`2026年12月2日`。
    pub date: String,
    pub reviewer: String,
    pub findings: Vec<LetterFinding>,
}

impl Letter {
    /// 各段文字（标题在前）。测试与界面预览用；.docx 里每段一个段落。
    pub fn paragraphs(&self) -> Vec<String> {
        let mut p = vec![
            format!("关于{}政务公开标准目录的审核意见", self.unit),
            format!("{}：", self.unit),
        ];
        if self.findings.is_empty() {
            p.push(format!(
                "你单位{}报送的政务公开标准目录（第 {} 轮，{}）经审核，未发现需要修改的问题。",
                self.received, self.round, self.file_name
            ));
        } else {
            p.push(format!(
                "你单位{}报送的政务公开标准目录（第 {} 轮，{}）经审核，有以下 {} 处问题需要修改：",
                self.received,
                self.round,
                self.file_name,
                self.findings.len()
            ));
            for (i, f) in self.findings.iter().enumerate() {
                let field = if f.field.is_empty() {
                    String::new()
                } else {
                    format!("（{}）", f.field)
                };
                let sug = f
                    .suggestion
                    .as_deref()
                    .map(|s| format!("建议改为：{s}。"))
                    .unwrap_or_default();
                p.push(format!(
                    "{}. {}{}：{}{}",
                    i + 1,
                    f.place,
                    field,
                    f.message,
                    sug
                ));
            }
            p.push(
                "请对照上述意见逐项修改完善，修改后重新报送。如对意见有异议，请书面说明理由。"
                    .into(),
            );
        }
        p.push(format!("审核人：{}", self.reviewer));
        p.push(self.date.clone());
        p
    }

    /// 写成 .docx 的字节。
    pub fn to_docx(&self) -> std::io::Result<Vec<u8>> {
        let paras = self.paragraphs();
        let mut body = String::new();
        for (i, text) in paras.iter().enumerate() {
            // 标题居中加粗、二号字；落款与日期右对齐；其余正文四号字（小四：24 半磅）。
            let last_two = i + 2 >= paras.len();
            let (jc, size, bold) = match i {
                0 => ("center", 36, true),
                _ if last_two => ("right", 28, false),
                _ => ("left", 28, false),
            };
            let indent = if i >= 2 && !last_two {
                "<w:ind w:firstLineChars=\"200\" w:firstLine=\"560\"/>"
            } else {
                ""
            };
            body.push_str(&format!(
                "<w:p><w:pPr><w:jc w:val=\"{jc}\"/>{indent}<w:spacing w:line=\"440\" w:lineRule=\"auto\"/></w:pPr>\
                 <w:r><w:rPr><w:rFonts w:ascii=\"FangSong\" w:eastAsia=\"仿宋\" w:hAnsi=\"FangSong\"/>{}<w:sz w:val=\"{size}\"/></w:rPr>\
                 <w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                if bold { "<w:b/>" } else { "" },
                escape(text)
            ));
        }
        let document = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}\
             <w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1588\" w:bottom=\"1440\" w:left=\"1588\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr>\
             </w:body></w:document>"
        );
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let opts = SimpleFileOptions::default();
        for (name, text) in [
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", RELS),
            ("word/document.xml", document.as_str()),
        ] {
            z.start_file(name, opts).map_err(std::io::Error::other)?;
            z.write_all(text.as_bytes())?;
        }
        Ok(z.finish().map_err(std::io::Error::other)?.into_inner())
    }
}

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
</Types>";

const RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
</Relationships>";

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // XML 1.0 不允许的控制字符去掉。
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// `2026-12-02T01:30:00Z` → `2026年12月2日`（认不出时原样）。
pub fn chinese_date(stamp: &str) -> String {
    let d = stamp.get(..10).unwrap_or(stamp);
    let parts: Vec<&str> = d.split('-').collect();
    match parts.as_slice() {
        [y, m, d] => match (m.parse::<u32>(), d.parse::<u32>()) {
            (Ok(m), Ok(d)) => format!("{y}年{m}月{d}日"),
            _ => stamp.to_string(),
        },
        _ => stamp.to_string(),
    }
}
