//! 单元格格式：创建一次，所有表共用。字体用宋体（标题黑体），细边框，自动换行。

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder};

pub struct Styles {
    pub title: Format,
    pub header: Format,
    pub text: Format,
    pub center: Format,
    pub cover_label: Format,
    pub cover_value: Format,
    pub legend: Format,
}

const BODY_FONT: &str = "宋体";
const TITLE_FONT: &str = "黑体";

impl Styles {
    pub fn new() -> Self {
        let cell = Format::new()
            .set_font_name(BODY_FONT)
            .set_font_size(10)
            .set_border(FormatBorder::Thin)
            .set_text_wrap()
            .set_align(FormatAlign::VerticalCenter);
        Styles {
            title: Format::new()
                .set_font_name(TITLE_FONT)
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
                .set_font_name(BODY_FONT)
                .set_font_size(11)
                .set_bold()
                .set_border(FormatBorder::Thin),
            cover_value: Format::new()
                .set_font_name(BODY_FONT)
                .set_font_size(11)
                .set_border(FormatBorder::Thin)
                .set_text_wrap(),
            legend: Format::new()
                .set_font_name(BODY_FONT)
                .set_font_size(10)
                .set_italic(),
        }
    }
}
