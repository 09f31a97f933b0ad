//! The document reader's errors and notes worded in English and Chinese,
//! side by side: files that cannot be read as a plan document, and what
//! the reader did on the way.
//!
//! The English is each type's `Display`, which the command line prints.

use std::fmt;

use super::Lang;
use super::problems::words;
use crate::dataset::ReadError;
use crate::import::read::{DocKind, Note, ReadDocError, Unsupported};

impl DocKind {
    /// The format's name, in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Text, Lang::En) => "text file",
            (Self::Text, Lang::Zh) => "文本文件",
            (Self::Html, Lang::En) => "web page",
            (Self::Html, Lang::Zh) => "网页",
            (Self::Docx, Lang::En) => "Word document",
            (Self::Docx, Lang::Zh) => "Word 文档",
            (Self::Pdf, _) => "PDF",
        }
    }
}

impl ReadDocError {
    /// Why the document could not be read, in `lang`, naming the file
    /// last.
    #[expect(
        clippy::too_many_lines,
        reason = "One arm per error, both languages side by side."
    )]
    pub fn text(&self, lang: Lang) -> String {
        let file = self.file().display();
        match self {
            Self::File(ReadError::IsDirectory(_)) => words!(
                lang,
                "expected a document, found a folder: {file}",
                "应为文档，实为文件夹：{file}",
            ),
            Self::File(ReadError::NotRegular { kind, .. }) => {
                let kind = kind.text(lang);
                words!(
                    lang,
                    "expected a document, found {kind}: {file}",
                    "应为文档，实为{kind}：{file}",
                )
            }
            Self::File(ReadError::Cancelled(_)) => {
                words!(
                    lang,
                    "the reading of {file} was cancelled",
                    "已取消读取 {file}"
                )
            }
            Self::File(error) => error.text(lang),
            Self::TooLarge {
                kind, size, limit, ..
            } => {
                let kind = kind.text(lang);
                let (size, limit) = (mebibytes(*size), mebibytes(*limit));
                words!(
                    lang,
                    "the {kind} is {size} MB, over the limit of {limit} MB for a plan document: {file}",
                    "该{kind}大小为 {size} MB，超过规划文档 {limit} MB 的上限：{file}",
                )
            }
            Self::Empty { .. } => words!(
                lang,
                "the document has no text: {file}",
                "文档中没有文字：{file}"
            ),
            Self::Unsupported { kind, .. } => match kind {
                Unsupported::OldWord => words!(
                    lang,
                    "this is an old Word document (.doc); save it as .docx or PDF and import that: {file}",
                    "这是旧版 Word 文档（.doc）；请另存为 .docx 或 PDF 后再导入：{file}",
                ),
                Unsupported::OtherZip => words!(
                    lang,
                    "this zip file is not a Word document: {file}",
                    "该 zip 文件不是 Word 文档：{file}",
                ),
                Unsupported::Image => words!(
                    lang,
                    "this is a picture; the app reads text and does not do OCR: {file}",
                    "这是图片；本应用读取文字，不做文字识别（OCR）：{file}",
                ),
                Unsupported::Rtf => words!(
                    lang,
                    "this is a Rich Text (.rtf) file; save it as .docx or PDF and import that: {file}",
                    "这是 RTF 文件；请另存为 .docx 或 PDF 后再导入：{file}",
                ),
            },
            Self::NotText { .. } => words!(
                lang,
                "the file is not text (it holds binary data): {file}",
                "该文件不是文本（含有二进制数据）：{file}",
            ),
            Self::UnsureEncoding { candidates, .. } => {
                let names = candidates
                    .iter()
                    .map(|c| c.encoding.name())
                    .collect::<Vec<_>>()
                    .join(", ");
                words!(
                    lang,
                    "cannot tell the text's encoding for sure; it may be {names}: {file}",
                    "无法确定文本的编码；可能是 {names}：{file}",
                )
            }
            Self::NotZip { .. } => words!(
                lang,
                "the .docx is not a Word document (it is not a zip package): {file}",
                "该 .docx 不是 Word 文档（不是 zip 包）：{file}",
            ),
            Self::BadZip { message, .. } => words!(
                lang,
                "the Word document is damaged ({message}): {file}",
                "Word 文档已损坏（{message}）：{file}",
            ),
            Self::ZipBomb { part, limit, .. } => {
                let limit = mebibytes(*limit);
                words!(
                    lang,
                    "{part} unpacks to more than {limit} MB, far more than a plan's text; refused as a zip bomb: {file}",
                    "{part} 解压后超过 {limit} MB，远超规划文字的大小；按压缩炸弹拒绝：{file}",
                )
            }
            Self::MissingPart { part, .. } => words!(
                lang,
                "the Word document has no {part}: {file}",
                "Word 文档缺少 {part}：{file}",
            ),
            Self::BadXml {
                part,
                offset,
                message,
                ..
            } => words!(
                lang,
                "the Word document's {part} is malformed at byte {offset} ({message}): {file}",
                "Word 文档的 {part} 在第 {offset} 字节处格式错误（{message}）：{file}",
            ),
            Self::Encrypted { kind, .. } => {
                let kind = kind.text(lang);
                words!(
                    lang,
                    "the {kind} is protected by a password; remove it and import again: {file}",
                    "该{kind}受密码保护；请去除密码后再导入：{file}",
                )
            }
            Self::BadPdf { message, .. } => words!(
                lang,
                "the PDF is damaged or not a PDF ({message}): {file}",
                "PDF 已损坏或不是 PDF（{message}）：{file}",
            ),
            Self::NoTextLayer { pages, .. } => words!(
                lang,
                "none of the PDF's {pages} pages has text: it is scanned or pictures only, and the app does not do OCR; import a text version (Word, web page, text) instead: {file}",
                "该 PDF 的 {pages} 页都没有文字：它是扫描件或纯图片，本应用不做文字识别（OCR）；请导入文字版本（Word、网页、文本）：{file}",
            ),
            Self::UnmappedText {
                unmapped, total, ..
            } => words!(
                lang,
                "{unmapped} of the PDF's {total} characters cannot be read as text (its fonts do not map them to Unicode); import a Word or web version instead: {file}",
                "该 PDF 的 {total} 个字符中有 {unmapped} 个无法读作文字（字体未映射到 Unicode）；请导入 Word 或网页版本：{file}",
            ),
            Self::Timeout { seconds, .. } => words!(
                lang,
                "reading the document took over {seconds} s and was given up: {file}",
                "读取文档超过 {seconds} 秒，已放弃：{file}",
            ),
            Self::ReaderFailed { kind, .. } => {
                let kind = kind.text(lang);
                words!(
                    lang,
                    "the {kind} reader failed on this file: {file}",
                    "{kind}读取器无法处理此文件：{file}",
                )
            }
        }
    }
}

impl Note {
    /// What the reader did, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Self::Undecodable { encoding, count } => words!(
                lang,
                "{count} byte sequences are not {encoding} and were replaced by �",
                "有 {count} 处字节不是 {encoding} 编码，已替换为 �",
            ),
            Self::LongParagraph { chars } => words!(
                lang,
                "a paragraph is {chars} characters long: the text may have lost its line breaks",
                "有一段长达 {chars} 个字符：文本可能丢失了换行",
            ),
            Self::ArticleFrom {
                element,
                left_out_chars,
            } => words!(
                lang,
                "the article was taken from <{element}>; {left_out_chars} characters of menus, links and footers were left out",
                "正文取自 <{element}>；略去了菜单、链接和页脚共 {left_out_chars} 个字符",
            ),
            Self::TrackedChanges {
                insertions,
                deletions,
            } => words!(
                lang,
                "tracked changes were accepted: {insertions} insertions kept, {deletions} deletions dropped",
                "已接受修订：保留 {insertions} 处插入，删去 {deletions} 处删除",
            ),
            Self::NumbersRebuilt { paragraphs } => words!(
                lang,
                "{paragraphs} automatic list numbers were written out as printed",
                "已按打印效果写出 {paragraphs} 个自动编号",
            ),
            Self::RepeatedLinesDropped { lines } => {
                let lines = lines.join(" | ");
                words!(
                    lang,
                    "lines repeated at the top or bottom of the pages were dropped: {lines}",
                    "已删去各页顶部或底部重复的行：{lines}",
                )
            }
            Self::PageNumbersDropped { count } => {
                words!(
                    lang,
                    "{count} page numbers were dropped",
                    "已删去 {count} 个页码"
                )
            }
            Self::LinesJoined { count } => words!(
                lang,
                "{count} line breaks at the page's width were joined into paragraphs",
                "已将 {count} 处因版面宽度产生的换行合并成段落",
            ),
            Self::HyphensJoined { count } => words!(
                lang,
                "{count} words hyphenated at a line's end were joined",
                "已合并 {count} 个在行末断开的单词",
            ),
            Self::PagesWithoutText { pages } => {
                let pages = page_list(pages);
                words!(
                    lang,
                    "pages {pages} have no text (scanned or pictures): their words are missing",
                    "第 {pages} 页没有文字（扫描件或图片）：其内容缺失",
                )
            }
            Self::PagesUnreadable { pages } => {
                let pages = page_list(pages);
                words!(
                    lang,
                    "pages {pages} could not be read (damaged): their words are missing",
                    "第 {pages} 页无法读取（已损坏）：其内容缺失",
                )
            }
            Self::UnmappedCharacters { count } => words!(
                lang,
                "{count} characters the PDF's fonts do not map to text were left out",
                "略去了 {count} 个 PDF 字体未映射为文字的字符",
            ),
        }
    }
}

/// Bytes as mebibytes with one decimal.
fn mebibytes(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

/// Page numbers as a short list: "3, 5, 9" or "3, 5, 9 … (12 in all)".
fn page_list(pages: &[usize]) -> String {
    let shown: Vec<String> = pages.iter().take(8).map(ToString::to_string).collect();
    if pages.len() > 8 {
        format!("{} … ({})", shown.join(", "), pages.len())
    } else {
        shown.join(", ")
    }
}

/// The English of each: what the command line prints.
macro_rules! english_display {
    ($($error:ty),*) => {
        $(impl fmt::Display for $error {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.text(Lang::En))
            }
        })*
    };
}

english_display!(ReadDocError, Note);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_read_in_both_languages() {
        let scan = ReadDocError::NoTextLayer {
            file: "scan.pdf".into(),
            pages: 2,
        };
        assert!(scan.to_string().contains("does not do OCR"));
        assert!(scan.text(Lang::Zh).contains("不做文字识别（OCR）"));
        let bomb = ReadDocError::ZipBomb {
            file: "bomb.docx".into(),
            part: "word/document.xml".into(),
            limit: 32 * 1024 * 1024,
        };
        assert_eq!(
            bomb.to_string(),
            "word/document.xml unpacks to more than 32.0 MB, far more than a plan's text; refused as a zip bomb: bomb.docx"
        );
        let folder = ReadDocError::File(ReadError::IsDirectory("plans".into()));
        assert_eq!(folder.text(Lang::Zh), "应为文档，实为文件夹：plans");
    }
}
