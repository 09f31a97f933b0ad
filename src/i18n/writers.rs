//! The writers' errors worded in English and Chinese, side by side: files
//! that cannot be written, pages and pictures that cannot be made,
//! briefings that cannot be written.
//!
//! Each error is kept as a value with what it names (the path, the size,
//! the system's reason), and worded here when it is shown; the English is
//! also its `Display`, which the command line prints.

use std::fmt;

use super::Lang;
use super::problems::words;
use crate::briefing::BriefingError;
use crate::briefing::docx::DocxError;
use crate::briefing::pdf::PdfError;
use crate::chart::spec::{MAX_SIDE, MIN_SIDE};
use crate::chart::{ExportError, PageError, RenderError, render::MAX_PIXELS};
use crate::output::WriteError;

impl WriteError {
    /// Why the file could not be written, in `lang`, naming it.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Self::NoFolder { path, folder } => {
                let (path, folder) = (path.display(), folder.display());
                words!(
                    lang,
                    "cannot write {path}: the folder {folder} does not exist",
                    "无法写入 {path}：文件夹 {folder} 不存在",
                )
            }
            Self::IsFolder { path } => {
                let path = path.display();
                words!(
                    lang,
                    "cannot write {path}: it is a folder",
                    "无法写入 {path}：这是一个文件夹",
                )
            }
            Self::Io { path, reason } => {
                let (path, reason) = (path.display(), reason.text(lang));
                words!(
                    lang,
                    "cannot write {path}: {reason}",
                    "无法写入 {path}：{reason}"
                )
            }
            Self::Exists { path } => {
                let path = path.display();
                words!(lang, "{path} exists", "{path} 已存在")
            }
            Self::Extension { path } => {
                let path = path.display();
                words!(
                    lang,
                    "cannot tell what to write to {path}: the name must end in .png, .svg, .pdf or .csv",
                    "无法确定 {path} 的格式：文件名必须以 .png、.svg、.pdf 或 .csv 结尾",
                )
            }
            Self::Encode { path, message } => {
                let path = path.display();
                words!(
                    lang,
                    "cannot encode the PNG for {path}: {message}",
                    "无法为 {path} 编码 PNG：{message}",
                )
            }
        }
    }
}

impl PageError {
    /// Why the page size was refused, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let (min, max) = (MIN_SIDE, MAX_SIDE);
        match self {
            Self::Width { width } => words!(
                lang,
                "the width must be between {min} and {max} points, not {width}",
                "宽度必须在 {min} 到 {max} 磅之间，而不是 {width}",
            ),
            Self::Height { height } => words!(
                lang,
                "the height must be between {min} and {max} points, not {height}",
                "高度必须在 {min} 到 {max} 磅之间，而不是 {height}",
            ),
            Self::TooNarrow { width, height } => words!(
                lang,
                "{width}x{height} is too narrow for a chart; keep the sides within 4:1",
                "{width}x{height} 对图表来说太窄；长宽比请保持在 4:1 以内",
            ),
        }
    }
}

impl RenderError {
    /// Why the picture could not be made, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Self::Svg(message) => words!(
                lang,
                "cannot read the chart's SVG back: {message}",
                "无法读回图表的 SVG：{message}",
            ),
            Self::Scale { scale } => words!(
                lang,
                "the scale must be between 0.1 and 8, not {scale}",
                "比例必须在 0.1 到 8 之间，而不是 {scale}",
            ),
            Self::TooManyPixels {
                width,
                height,
                scale,
                pixels: (x, y),
            } => words!(
                lang,
                "{width}x{height} points at {scale}x is {x}x{y} pixels; each side must be 1 to {MAX_PIXELS}",
                "{width}x{height} 磅在 {scale}x 下为 {x}x{y} 像素；每边必须在 1 到 {MAX_PIXELS} 之间",
            ),
            Self::NoPixmap { width, height } => words!(
                lang,
                "cannot make a {width}x{height} picture",
                "无法生成 {width}x{height} 的图片",
            ),
            Self::NotAPageSize { width, height } => words!(
                lang,
                "cannot encode the PDF: {width}x{height} is not a page size",
                "无法编码 PDF：{width}x{height} 不是有效的页面尺寸",
            ),
            Self::NotDrawn => words!(
                lang,
                "cannot encode the PDF: the chart could not be drawn on the page",
                "无法编码 PDF：无法在页面上绘制图表",
            ),
            Self::Encode { format, message } => words!(
                lang,
                "cannot encode the {format}: {message}",
                "无法编码 {format}：{message}",
            ),
        }
    }
}

impl ExportError {
    /// Why the chart's file could not be made, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Self::Render(error) => error.text(lang),
            Self::Csv(message) => words!(
                lang,
                "cannot write the CSV: {message}",
                "无法写入 CSV：{message}"
            ),
        }
    }
}

impl PdfError {
    /// Why the briefing's PDF could not be written, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Self::Fonts => words!(lang, "cannot load the bundled fonts", "无法载入内置字体"),
            Self::Chart(error) => error.text(lang),
            Self::Page(error) => {
                let error = error.text(lang);
                words!(
                    lang,
                    "cannot write the PDF: {error}",
                    "无法写入 PDF：{error}"
                )
            }
            Self::Write(message) => words!(
                lang,
                "cannot write the PDF: {message}",
                "无法写入 PDF：{message}"
            ),
        }
    }
}

impl DocxError {
    /// Why the briefing's Word document could not be written, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Self::Chart(error) => error.text(lang),
            Self::Pack(message) => words!(
                lang,
                "cannot write the Word document: {message}",
                "无法写入 Word 文档：{message}",
            ),
        }
    }
}

impl BriefingError {
    /// Why no briefing could be made, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Self::Extension(path) => {
                let path = path.display();
                words!(
                    lang,
                    "cannot tell what to write to {path}: the name must end in .pdf or .docx",
                    "无法确定 {path} 的格式：文件名必须以 .pdf 或 .docx 结尾",
                )
            }
            Self::Empty => words!(
                lang,
                "nothing matches the selection: no plan, measure or item to write",
                "没有与所选内容相符的项：没有可写入的规划、措施或条目",
            ),
            Self::Cancelled => words!(lang, "cancelled", "已取消"),
            Self::Pdf(error) => error.text(lang),
            Self::Docx(error) => error.text(lang),
        }
    }
}

/// The English of each error: what the command line prints.
macro_rules! english_display {
    ($($error:ty),*) => {
        $(impl fmt::Display for $error {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.text(Lang::En))
            }
        })*
    };
}

english_display!(
    WriteError,
    PageError,
    RenderError,
    ExportError,
    PdfError,
    DocxError,
    BriefingError
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::IoReason;

    /// A write refused for the system's reason numbered `code`.
    fn refused(path: &str, code: i32) -> WriteError {
        WriteError::Io {
            path: path.into(),
            reason: IoReason::of(&std::io::Error::from_raw_os_error(code)),
        }
    }

    #[test]
    fn the_systems_reasons_for_a_failed_write_read_in_both_languages() {
        for (error, english, chinese) in [
            (
                refused("/sys/x.png", 13),
                "cannot write /sys/x.png: Permission denied (os error 13)",
                "无法写入 /sys/x.png：权限不足（系统错误 13）",
            ),
            (
                refused("/media/usb/x.csv", 28),
                "cannot write /media/usb/x.csv: No space left on device (os error 28)",
                "无法写入 /media/usb/x.csv：磁盘空间不足（系统错误 28）",
            ),
            (
                refused("/mnt/ro/x.png", 30),
                "cannot write /mnt/ro/x.png: Read-only file system (os error 30)",
                "无法写入 /mnt/ro/x.png：只读文件系统（系统错误 30）",
            ),
        ] {
            assert_eq!(error.to_string(), english);
            assert_eq!(error.text(Lang::Zh), chinese);
        }
    }

    #[test]
    fn pages_and_pictures_refused_say_why_in_both_languages() {
        let narrow = PageError::TooNarrow {
            width: 2000.0,
            height: 240.0,
        };
        assert_eq!(
            narrow.to_string(),
            "2000x240 is too narrow for a chart; keep the sides within 4:1"
        );
        assert_eq!(
            narrow.text(Lang::Zh),
            "2000x240 对图表来说太窄；长宽比请保持在 4:1 以内"
        );
        let wide = PageError::Width { width: 5000.0 };
        assert_eq!(
            wide.to_string(),
            "the width must be between 240 and 4000 points, not 5000"
        );
        assert_eq!(
            wide.text(Lang::Zh),
            "宽度必须在 240 到 4000 磅之间，而不是 5000"
        );
        let scale = RenderError::Scale { scale: 9.0 };
        assert_eq!(
            scale.to_string(),
            "the scale must be between 0.1 and 8, not 9"
        );
        assert_eq!(scale.text(Lang::Zh), "比例必须在 0.1 到 8 之间，而不是 9");
        // A PDF's refused page keeps the wording it had inside the PDF's.
        assert_eq!(
            PdfError::Page(narrow).to_string(),
            "cannot write the PDF: 2000x240 is too narrow for a chart; keep the sides within 4:1"
        );
    }
}
