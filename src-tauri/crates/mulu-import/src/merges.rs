//! 合并区域（.xlsx）。calamine 找合并区域时要把整张表的 XML 从头再解析一遍，才走到表尾的
//! `<mergeCells>`：审核几百个文件时占了读取时间的一成多。这里解压同一张表后直接跳到
//! `</sheetData>` 之后，只解析表尾那一小段。
//!
//! 任何一步对不上（工作簿结构少见、XML 异常）都返回 `None`，调用方改用 calamine 的读法，
//! 所以这里只求快、不求全。

use std::collections::HashMap;
use std::io::{Cursor, Read};
use std::sync::Arc;

use calamine::Dimensions;
use mulu_core::cellref;

use crate::limits::{read_limited, MAX_ENTRY_BYTES, MAX_MERGES};
use quick_xml::errors::{Error, IllFormedError};
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

/// 工作簿的 zip 与“表名 → 表的 XML 路径”。
pub struct MergeIndex {
    zip: zip::ZipArchive<Cursor<Arc<[u8]>>>,
    paths: HashMap<String, String>,
}

impl MergeIndex {
    /// 读工作簿目录（`xl/workbook.xml` 与它的关系表）。认不出时返回 `None`。
    pub fn new(bytes: Arc<[u8]>) -> Option<Self> {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
        let workbook = read_entry(&mut zip, "xl/workbook.xml")?;
        let rels = read_entry(&mut zip, "xl/_rels/workbook.xml.rels")?;
        let targets = relationship_targets(&rels)?;
        let mut paths = HashMap::new();
        for (name, rid) in sheet_ids(&workbook)? {
            if let Some(target) = targets.get(&rid) {
                paths.insert(name, resolve(target));
            }
        }
        Some(MergeIndex { zip, paths })
    }

    /// 一张表的合并区域；认不出时返回 `None`（调用方改用 calamine）。
    pub fn merges(&mut self, sheet: &str) -> Option<Vec<Dimensions>> {
        let path = self.paths.get(sheet)?.clone();
        let xml = read_entry(&mut self.zip, &path)?;
        merges_after_sheet_data(&xml)
    }
}

/// 解压一个部件，最多 [`MAX_ENTRY_BYTES`]（超过时返回 `None`，调用方退回 calamine，由它报错）。
fn read_entry(zip: &mut zip::ZipArchive<Cursor<Arc<[u8]>>>, path: &str) -> Option<Vec<u8>> {
    let f = zip.by_name(path).ok()?;
    if f.size() > MAX_ENTRY_BYTES {
        return None;
    }
    read_limited(f, MAX_ENTRY_BYTES)
}

/// `xl/workbook.xml` 里的表名，按出现顺序（认不出的结构返回已读到的）。
pub(crate) fn sheet_names(xml: &[u8]) -> Vec<String> {
    let mut r = Reader::from_reader(xml);
    let mut out = Vec::new();
    while let Ok(ev) = r.read_event() {
        match ev {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "sheet" => {
                out.push(attr(&e, "name").unwrap_or_default());
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// 共享字符串表开头 `<sst uniqueCount=…>` 声明的条数（calamine 按它预留内存）。只读开头几 KB。
pub(crate) fn sst_unique_count(f: impl Read) -> Option<u64> {
    let mut head = Vec::new();
    f.take(64 << 10).read_to_end(&mut head).ok()?;
    let mut r = Reader::from_reader(head.as_slice());
    loop {
        match r.read_event().ok()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "sst" => {
                let n = |k: &str| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == k)
                        .map(|a| {
                            // 数字以外的写法（负数、空白）calamine 不预留，这里也不管；
                            // 特别长的数字串按极大计。
                            let v = a.value.trim();
                            if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
                                v.parse::<u64>().unwrap_or(u64::MAX)
                            } else {
                                0
                            }
                        })
                        .unwrap_or(0)
                };
                return Some(n("uniqueCount"));
            }
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// 关系表里的目标：相对 `xl/`，或以 `/` 开头的绝对路径。
fn resolve(target: &str) -> String {
    match target.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None => format!("xl/{target}"),
    }
}

/// 元素的属性值（按不带前缀的名称找）。
pub(crate) fn attr(e: &BytesStart, local: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok())
        .map(|v| v.into_owned())
}

/// `xl/workbook.xml` 里的 `<sheet name=… r:id=…>`，按出现顺序。
fn sheet_ids(xml: &[u8]) -> Option<Vec<(String, String)>> {
    let mut r = Reader::from_reader(xml);
    let mut out = Vec::new();
    loop {
        match r.read_event().ok()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "sheet" => {
                out.push((attr(&e, "name")?, attr(&e, "id")?));
            }
            Event::Eof => return Some(out),
            _ => {}
        }
    }
}

/// 关系表：Id → Target。
fn relationship_targets(xml: &[u8]) -> Option<HashMap<String, String>> {
    let mut r = Reader::from_reader(xml);
    let mut out = HashMap::new();
    loop {
        match r.read_event().ok()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                if let (Some(id), Some(target)) = (attr(&e, "Id"), attr(&e, "Target")) {
                    out.insert(id, target);
                }
            }
            Event::Eof => return Some(out),
            _ => {}
        }
    }
}

/// 从 `</sheetData>`（可带命名空间前缀）之后读 `<mergeCell ref=…>`。没有单元格数据的表
/// （`<sheetData/>`）也认。
fn merges_after_sheet_data(xml: &[u8]) -> Option<Vec<Dimensions>> {
    let at = memchr::memmem::rfind(xml, b"sheetData")?;
    // 确认找到的是标签（`</sheetData>`、`</x:sheetData>` 或 `<sheetData/>`），不是文字。
    let open = memchr::memrchr(b'<', &xml[..at])?;
    let between = &xml[open + 1..at];
    let between = between.strip_prefix(b"/").unwrap_or(between);
    if !between
        .iter()
        .all(|b| b.is_ascii_alphanumeric() || *b == b':')
    {
        return None;
    }
    let close = at + memchr::memchr(b'>', &xml[at..])?;
    let mut r = Reader::from_reader(&xml[close + 1..]);
    let mut out = Vec::new();
    loop {
        match r.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "mergeCell" => {
                if let Some(v) = attr(&e, "ref") {
                    out.push(dimensions(&v)?);
                    // 多于上限时不必读完：多一个就够网格报错。
                    if out.len() > MAX_MERGES {
                        return Some(out);
                    }
                }
            }
            Ok(Event::End(e)) if e.local_name().as_ref() == "mergeCells" => return Some(out),
            // 从中途读起，表尾的 `</worksheet>` 没有对应的开始标签：读到它就是读完了。
            Ok(Event::Eof) | Err(Error::IllFormed(IllFormedError::UnmatchedEndTag(_))) => {
                return Some(out)
            }
            Err(_) => return None,
            _ => {}
        }
    }
}

/// `A3:B8` 或 `C5` → 从 0 起的行列范围。
fn dimensions(s: &str) -> Option<Dimensions> {
    let (a, b) = s.split_once(':').unwrap_or((s, s));
    Some(Dimensions::new(cellref::parse(a)?, cellref::parse(b)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges() {
        assert_eq!(dimensions("B3:B8"), Some(Dimensions::new((2, 1), (7, 1))));
        assert_eq!(dimensions("C5"), Some(Dimensions::new((4, 2), (4, 2))));
        assert_eq!(dimensions("B3:"), None);
    }

    #[test]
    fn merges_only_after_sheet_data() {
        let xml = br#"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>mergeCell sheetData</t></is></c></row></sheetData><mergeCells count="2"><mergeCell ref="A1:N1"/><mergeCell ref="B3:B8"/></mergeCells></worksheet>"#;
        assert_eq!(
            merges_after_sheet_data(xml),
            Some(vec![
                Dimensions::new((0, 0), (0, 13)),
                Dimensions::new((2, 1), (7, 1))
            ])
        );
        let prefixed = br#"<x:worksheet xmlns:x="s"><x:sheetData/><x:mergeCells><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>"#;
        assert_eq!(
            merges_after_sheet_data(prefixed),
            Some(vec![Dimensions::new((0, 0), (0, 1))])
        );
        assert_eq!(
            merges_after_sheet_data(b"<worksheet><sheetData></sheetData></worksheet>"),
            Some(vec![])
        );
        assert_eq!(merges_after_sheet_data(b"<worksheet/>"), None);
    }

    /// 每个测试工作簿（openpyxl、XlsxWriter、LibreOffice 写的）的每张表：
    /// 快路径必须读得出来（不退回），且与 calamine 的合并区域完全相同。
    #[test]
    fn agrees_with_calamine_on_every_fixture() {
        use calamine::{Reader, Xlsx};
        let dirs = [
            "../../../tests/fixtures/workbooks",
            "../../../tests/fixtures/review",
        ];
        let mut sheets = 0;
        for dir in dirs {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for e in entries.flatten() {
                let path = e.path();
                if path.extension().is_none_or(|x| x != "xlsx") {
                    continue;
                }
                let bytes = std::fs::read(&path).unwrap();
                let Ok(mut book) = Xlsx::new(Cursor::new(bytes.clone())) else {
                    continue;
                };
                let mut index = MergeIndex::new(bytes.into()).expect("认不出工作簿目录");
                for name in book.sheet_names() {
                    let want = book.merge_cells_by_sheet_name(&name).unwrap();
                    let got = index.merges(&name);
                    assert_eq!(got.as_ref(), Some(&want), "{} 的“{name}”", path.display());
                    sheets += 1;
                }
            }
        }
        assert!(sheets >= 20, "只比较了 {sheets} 张表：测试工作簿没找到？");
    }
}
