//! Presentations' errors and notes worded in English and Chinese, side by
//! side. The English of an error is also its `Display`.

use std::path::Path;

use super::Lang;
use super::problems::words;
use super::views::{FileFault, OwnFile, file_fault};
use crate::view::amount::Convention;
use crate::view::presentation::{DeckNote, KeptSaid, PresentationError, SlideFault, VERSION};

impl PresentationError {
    /// Why the presentation could not be read, in `lang`, naming the file.
    pub fn text(&self, lang: Lang) -> String {
        let deck = |path: &Path, fault: FileFault<'_>| {
            file_fault(lang, OwnFile::Presentation, path, &fault)
        };
        match self {
            Self::Read { path, reason } => deck(path, FileFault::Read(reason)),
            Self::TooLarge { path, bytes } => deck(path, FileFault::TooLarge(*bytes)),
            Self::Malformed {
                path,
                line,
                column,
                field,
                message,
            } => deck(
                path,
                FileFault::Malformed {
                    line: *line,
                    column: *column,
                    field,
                    message,
                },
            ),
            Self::NotAPresentation { path } => deck(path, FileFault::NotOurs),
        }
    }
}

impl SlideFault {
    /// What is wrong with the slide, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Self::Malformed {
                line,
                column,
                field,
                message,
            } => words!(
                lang,
                "it is not a view: malformed at line {line}, column {column} (field {field}): {message}",
                "不是有效的视图：第 {line} 行第 {column} 列（字段 {field}）格式有误：{message}"
            ),
            Self::NotAView => words!(
                lang,
                "it is not a view: its \"format\" is not \"plan-explorer-view\"",
                "不是视图：其 \"format\" 不是 \"plan-explorer-view\""
            ),
            Self::TooNew { found, message } => {
                let known = crate::view::saved::VERSION;
                words!(
                    lang,
                    "it is a view in format version {found}, newer than this Plan Explorer reads ({known}), and could not be read: {message}",
                    "该视图的格式版本为 {found}，比本程序能读取的版本（{known}）新，无法读取：{message}"
                )
            }
        }
    }
}

impl DeckNote {
    /// The note in `lang`, amounts in `convention`, naming the slide and
    /// the presentation's file `path`.
    pub fn text(&self, lang: Lang, convention: Convention, path: &Path) -> String {
        let path = path.display();
        match self {
            Self::NewerVersion { found } => words!(
                lang,
                "The presentation {path} is in format version {found}, newer than this Plan Explorer reads ({VERSION}); what it knows of it is shown.",
                "演示文稿 {path} 的格式版本为 {found}，比本程序能读取的版本（{VERSION}）新；已显示能读取的部分。"
            ),
            Self::SlideLeftOut {
                number,
                name,
                fault,
            } => {
                let fault = fault.text(lang);
                match name {
                    Some(name) => words!(
                        lang,
                        "Slide {number} (“{name}”) of {path} is left out: {fault}.",
                        "{path} 的第 {number} 张幻灯片（“{name}”）未显示：{fault}。"
                    ),
                    None => words!(
                        lang,
                        "Slide {number} of {path} is left out: {fault}.",
                        "{path} 的第 {number} 张幻灯片未显示：{fault}。"
                    ),
                }
            }
            Self::Slide { number, name, note } => {
                let note = note.text(lang, convention);
                words!(
                    lang,
                    "Slide {number} (“{name}”) of {path}: {note}",
                    "{path} 的第 {number} 张幻灯片（“{name}”）：{note}"
                )
            }
        }
    }
}

/// Something said of slide `number` of the presentation `path` (an
/// annotation not drawn on it), in `lang`.
pub fn of_slide(lang: Lang, path: &Path, number: usize, said: &str) -> String {
    let path = path.display();
    words!(
        lang,
        "{path}: slide {number}: {said}",
        "{path} 的第 {number} 张幻灯片：{said}"
    )
}

impl KeptSaid {
    /// The status line's words, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Self::Restored {
                name,
                slides,
                problems,
            } => {
                // A presentation never saved has no name.
                let what = match (name.is_empty(), lang) {
                    (true, _) => String::new(),
                    (false, Lang::En) => format!("“{name}”, "),
                    (false, Lang::Zh) => format!("“{name}”，"),
                };
                match problems {
                    0 => words!(
                        lang,
                        "The presentation you were building is back: {what}{slides} slides (in the Views panel).",
                        "已恢复您上次正在制作的演示：{what}{slides} 张幻灯片（见视图面板）。"
                    ),
                    _ => words!(
                        lang,
                        "The presentation you were building is back: {what}{slides} slides; problems: {problems}, listed in the Views panel.",
                        "已恢复您上次正在制作的演示：{what}{slides} 张幻灯片；{problems} 个问题，见视图面板。"
                    ),
                }
            }
            Self::Unreadable {
                error,
                kept_as: Some(aside),
            } => {
                let (error, aside) = (error.text(lang), aside.display());
                words!(
                    lang,
                    "The presentation you were building was not put back: {error}. The file is kept as {aside}.",
                    "未能恢复您上次正在制作的演示：{error}。原文件已另存为 {aside}。"
                )
            }
            Self::Unreadable {
                error,
                kept_as: None,
            } => {
                let error = error.text(lang);
                words!(
                    lang,
                    "The presentation you were building was not put back, and this run's will not be kept after the window closes unless you save it: {error}.",
                    "未能恢复您上次正在制作的演示；除非另行保存，本次的演示在窗口关闭后也不会保留：{error}。"
                )
            }
            Self::NotWritten(error) => {
                let error = error.text(lang);
                words!(
                    lang,
                    "The presentation could not be kept for the next run: {error}. Its slides stay on screen, and are tried again at the next change.",
                    "未能为下次运行保留演示：{error}。幻灯片仍在屏幕上，下次更改时将再次尝试保存。"
                )
            }
        }
    }
}
