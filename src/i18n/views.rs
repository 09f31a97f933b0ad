//! Saved views' errors and notes worded in English and Chinese, side by
//! side. The English of an error is also its `Display`.

use std::path::Path;

use super::Lang;
use super::problems::words;
use crate::dataset::IoReason;
use crate::view::amount::Convention;
use crate::view::annotations::Fault;
use crate::view::saved::{Named, VERSION, ViewError, ViewNote};

/// The app's own small files whose read errors are worded alike.
#[derive(Clone, Copy, Debug)]
pub(crate) enum OwnFile {
    /// A saved view (`.view.json`).
    View,
    /// A presentation (`.presentation.json`).
    Presentation,
}

impl OwnFile {
    /// What the file is, in `lang`.
    fn noun(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::View, Lang::En) => "view",
            (Self::View, Lang::Zh) => "视图",
            (Self::Presentation, Lang::En) => "presentation",
            (Self::Presentation, Lang::Zh) => "演示文稿",
        }
    }

    /// What its `format` field says.
    fn format(self) -> &'static str {
        match self {
            Self::View => crate::view::saved::FORMAT,
            Self::Presentation => crate::view::presentation::FORMAT,
        }
    }
}

/// Why one of the app's own files could not be read, as views and
/// presentations share it.
pub(crate) enum FileFault<'a> {
    /// The system's reason.
    Read(&'a IoReason),
    /// Larger than any such file: its size.
    TooLarge(u64),
    /// Not JSON, or not the file's outline: where and why.
    Malformed {
        line: usize,
        column: usize,
        field: &'a str,
        message: &'a str,
    },
    /// Its `format` names another kind of file.
    NotOurs,
}

/// `fault` of the file `path`, a `kind`, in `lang`.
pub(crate) fn file_fault(lang: Lang, kind: OwnFile, path: &Path, fault: &FileFault<'_>) -> String {
    let (noun, path) = (kind.noun(lang), path.display());
    match *fault {
        FileFault::Read(reason) => {
            let reason = reason.text(lang);
            words!(
                lang,
                "cannot read the {noun} {path}: {reason}",
                "无法读取{noun} {path}：{reason}"
            )
        }
        FileFault::TooLarge(bytes) => words!(
            lang,
            "the {noun} {path} is too large to be a {noun} ({bytes} bytes)",
            "{noun} {path} 过大，不是{noun}文件（{bytes} 字节）"
        ),
        FileFault::Malformed {
            line,
            column,
            field,
            message,
        } => {
            if field.is_empty() || field == "." {
                words!(
                    lang,
                    "the {noun} {path} is malformed at line {line}, column {column}: {message}",
                    "{noun} {path} 格式有误（第 {line} 行第 {column} 列）：{message}"
                )
            } else {
                words!(
                    lang,
                    "the {noun} {path} is malformed at line {line}, column {column} (field {field}): {message}",
                    "{noun} {path} 格式有误（第 {line} 行第 {column} 列，字段 {field}）：{message}"
                )
            }
        }
        FileFault::NotOurs => {
            let format = kind.format();
            let noun_en = kind.noun(Lang::En);
            words!(
                lang,
                "{path} is not a Plan Explorer {noun_en}: its \"format\" is not \"{format}\"",
                "{path} 不是 Plan Explorer {noun}：其 \"format\" 不是 \"{format}\""
            )
        }
    }
}

impl ViewError {
    /// Why the view could not be read, in `lang`, naming the file.
    pub fn text(&self, lang: Lang) -> String {
        let view =
            |path: &Path, fault: FileFault<'_>| file_fault(lang, OwnFile::View, path, &fault);
        match self {
            Self::Read { path, reason } => view(path, FileFault::Read(reason)),
            Self::TooLarge { path, bytes } => view(path, FileFault::TooLarge(*bytes)),
            Self::Malformed {
                path,
                line,
                column,
                field,
                message,
            } => view(
                path,
                FileFault::Malformed {
                    line: *line,
                    column: *column,
                    field,
                    message,
                },
            ),
            Self::NotAView { path } => view(path, FileFault::NotOurs),
            Self::TooNew {
                path,
                found,
                message,
            } => {
                let path = path.display();
                words!(
                    lang,
                    "the view {path} is in format version {found}, newer than this Plan Explorer reads ({VERSION}), and could not be read: {message}",
                    "视图 {path} 的格式版本为 {found}，比本程序能读取的版本（{VERSION}）新，无法读取：{message}"
                )
            }
        }
    }
}

impl Named {
    /// What the record is, in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Plan, Lang::En) => "plan",
            (Self::Plan, Lang::Zh) => "规划",
            (Self::Unit, Lang::En) => "responsible unit",
            (Self::Unit, Lang::Zh) => "责任单位",
            (Self::Theme, Lang::En) => "theme",
            (Self::Theme, Lang::Zh) => "主题",
            (Self::District, Lang::En) => "district",
            (Self::District, Lang::Zh) => "区",
            (Self::Node, Lang::En) => "measure",
            (Self::Node, Lang::Zh) => "措施",
            (Self::Series, Lang::En) => "series",
            (Self::Series, Lang::Zh) => "数据系列",
            (Self::Figure, Lang::En) => "figure",
            (Self::Figure, Lang::Zh) => "数据",
        }
    }
}

impl Fault {
    /// What is wrong with the annotation, in `lang`.
    pub fn text(self, lang: Lang) -> String {
        match self {
            Self::EmptyNote => words!(lang, "a note with no words", "注释没有文字"),
            Self::SpanBackwards { from, to } => words!(
                lang,
                "a span from {from} to {to} ends before it starts",
                "时段 {from}–{to} 的结束年份早于开始年份"
            ),
            Self::NotANumber => words!(lang, "a reference line at no number", "参考线的数值无效"),
            Self::CellOffItsMap { map, chart } => {
                let map = crate::chart::chart_name(map_chart(map), lang);
                let chart = crate::chart::chart_name(chart, lang);
                words!(
                    lang,
                    "a note on a cell of the “{map}” map, on the “{chart}” chart, which has no such cells",
                    "这是“{map}”图单元格上的注释，而“{chart}”图没有这样的单元格"
                )
            }
            Self::FigureOnMap { chart } => {
                let chart = crate::chart::chart_name(chart, lang);
                words!(
                    lang,
                    "a note on a figure, on the “{chart}” map, which has cells, not figures (a note there goes on a cell)",
                    "这是数据上的注释，而“{chart}”图只有单元格、没有数据（其上的注释应附在单元格上）"
                )
            }
        }
    }
}

/// The chart of a map.
fn map_chart(map: crate::view::themes::MapRows) -> crate::view::charts::ChartId {
    match map {
        crate::view::themes::MapRows::Themes => crate::view::charts::ChartId::Themes,
        crate::view::themes::MapRows::Units => crate::view::charts::ChartId::Units,
    }
}

impl ViewNote {
    /// The note in `lang`, amounts in `convention`.
    pub fn text(&self, lang: Lang, convention: Convention) -> String {
        match self {
            Self::NewerVersion { found } => words!(
                lang,
                "The view is in format version {found}, newer than this Plan Explorer reads ({VERSION}); what it knows of it is shown.",
                "该视图的格式版本为 {found}，比本程序能读取的版本（{VERSION}）新；已显示能读取的部分。"
            ),
            Self::OtherDataset { saved } => words!(
                lang,
                "The view was saved on another dataset, “{saved}”; it is shown on the one open, by ids.",
                "该视图保存于另一个数据集“{saved}”；现按编号显示在当前打开的数据集上。"
            ),
            Self::OtherEdition { saved, shown } => words!(
                lang,
                "Saved on edition {saved}, shown on edition {shown}.",
                "保存于 {saved} 版，现显示于 {shown} 版。"
            ),
            Self::Gone { what, id } => {
                let what = what.label(lang);
                words!(
                    lang,
                    "No longer exists: the {what} {id}.",
                    "已不存在：{what} {id}。"
                )
            }
            Self::Changed { id, details } => {
                let details = details
                    .iter()
                    .map(|d| d.text(convention, lang))
                    .collect::<Vec<_>>()
                    .join(match lang {
                        Lang::En => "; ",
                        Lang::Zh => "；",
                    });
                words!(
                    lang,
                    "Changed: {id}: {details}.",
                    "有变化：{id}：{details}。"
                )
            }
            Self::NoteOnHidden { figure, series } => words!(
                lang,
                "The note on {figure} is on {series}, which the view hides: it is kept, and drawn when {series} is shown again.",
                "{figure} 上的注释属于视图中隐藏的 {series}：注释已保留，重新显示 {series} 时即会绘出。"
            ),
            Self::CellGone { what, id, text } => {
                let what = what.label(lang);
                words!(
                    lang,
                    "The note “{text}” on a map's cell is left out: the {what} {id} no longer exists.",
                    "地图单元格上的注释“{text}”未显示：{what} {id} 已不存在。"
                )
            }
            Self::BadAnnotation { number, fault } => {
                let fault = fault.text(lang);
                words!(
                    lang,
                    "Annotation {number} is left out: {fault}.",
                    "第 {number} 条标注未显示：{fault}。"
                )
            }
        }
    }
}

impl crate::chart::annotate::LeftOut {
    /// Why the annotation numbered `number` (from 1) is not drawn, in
    /// `lang`, with the user's `words` as written.
    pub fn text(&self, lang: Lang, words: &str) -> String {
        use crate::chart::annotate::LeftOut;
        let number = self.index() + 1;
        let what = if words.is_empty() {
            words!(lang, "Annotation {number}", "标注 {number}")
        } else {
            words!(
                lang,
                "Annotation {number} (“{words}”)",
                "标注 {number}（“{words}”）"
            )
        };
        match self {
            LeftOut::NoAxis(_) => words!(
                lang,
                "{what} is not drawn: this chart has no years or values to place it on.",
                "{what}未画出：此图表没有可放置它的年份或数值。"
            ),
            LeftOut::NoMark(_) => words!(
                lang,
                "{what} is not drawn: its mark is not on this chart (hidden, or not in it).",
                "{what}未画出：其标记不在此图表上（已隐藏或不属于此图表）。"
            ),
            LeftOut::OutOfRange(_) => words!(
                lang,
                "{what} is not drawn: it lies outside the chart's years or values.",
                "{what}未画出：它超出了图表的年份或数值范围。"
            ),
            LeftOut::NoRoomForWords(_) => words!(
                lang,
                "{what} is drawn without its words: there is no room for them that covers nothing.",
                "{what}已画出，但其文字没有不遮挡其他内容的位置，未写出。"
            ),
            LeftOut::CellNotShown(_) => words!(
                lang,
                "{what} is not drawn: its cell's plan or row does not fit at this size (a larger page shows it).",
                "{what}未画出：其单元格所在的规划或行在此尺寸下放不下（更大的页面可显示）。"
            ),
            LeftOut::NoRoom(_) => words!(
                lang,
                "{what} is not drawn: there is no room for it that covers nothing.",
                "{what}未画出：没有不遮挡其他内容的位置。"
            ),
        }
    }
}

impl crate::view::kept::KeptError {
    /// Why the notes file could not be read, in `lang`, naming the file.
    pub fn text(&self, lang: Lang) -> String {
        use crate::view::kept::KeptError;
        match self {
            KeptError::Read { path, reason } => {
                let (path, reason) = (path.display(), reason.text(lang));
                words!(
                    lang,
                    "cannot read the annotations kept in {path}: {reason}",
                    "无法读取保存在 {path} 中的标注：{reason}"
                )
            }
            KeptError::Malformed {
                path,
                line,
                column,
                message,
            } => {
                let path = path.display();
                words!(
                    lang,
                    "the annotations kept in {path} are malformed at line {line}, column {column}: {message}",
                    "保存在 {path} 中的标注格式有误（第 {line} 行第 {column} 列）：{message}"
                )
            }
            KeptError::TooNew { path, found } => {
                let path = path.display();
                let version = crate::view::kept::VERSION;
                words!(
                    lang,
                    "the annotations kept in {path} are in version {found}, newer than this Plan Explorer reads ({version})",
                    "保存在 {path} 中的标注为第 {found} 版格式，比本程序能读取的版本（{version}）新"
                )
            }
        }
    }
}

impl crate::view::kept::Detached {
    /// That the note no longer attaches, in `lang`, with the user's words.
    pub fn text(&self, lang: Lang) -> String {
        let (what, id, text) = (self.what.label(lang), &self.id, &self.text);
        words!(
            lang,
            "The note “{text}” no longer attaches: this dataset has no {what} {id}. It is kept, not drawn.",
            "注释“{text}”已无法附着：此数据集中没有{what} {id}。注释仍保留，但不画出。"
        )
    }
}

impl crate::view::kept::Said {
    /// The status line's words, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use crate::view::kept::Said;
        match self {
            Said::Restored { count, detached } if detached.is_empty() => words!(
                lang,
                "Annotations you made on this dataset put back: {count}.",
                "已恢复您在此数据集上所加的标注：{count} 条。"
            ),
            Said::Restored { count, detached } => {
                let gone = detached.len();
                words!(
                    lang,
                    "Annotations you made on this dataset put back: {count}; notes that no longer attach: {gone} (the Views panel names them).",
                    "已恢复您在此数据集上所加的标注：{count} 条；其中已无法附着的注释：{gone} 条（见视图面板）。"
                )
            }
            Said::Unreadable {
                error,
                kept_as: Some(aside),
            } => {
                let (error, aside) = (error.text(lang), aside.display());
                words!(
                    lang,
                    "No annotations were put back: {error}. The file is kept as {aside}.",
                    "未恢复任何标注：{error}。原文件已另存为 {aside}。"
                )
            }
            Said::Unreadable {
                error,
                kept_as: None,
            } => {
                let error = error.text(lang);
                words!(
                    lang,
                    "No annotations were put back, and new ones will not be kept after the window closes: {error}.",
                    "未恢复任何标注，新加的标注在窗口关闭后也不会保留：{error}。"
                )
            }
            Said::NotWritten(error) => {
                let error = error.text(lang);
                words!(
                    lang,
                    "Your annotations could not be kept: {error}. They stay on screen, and are tried again at the next change.",
                    "您的标注未能保存：{error}。它们仍在屏幕上，下次更改时将再次尝试保存。"
                )
            }
        }
    }
}

/// A figure's caveat added (`old` none), removed (`new` none) or reworded
/// between two editions, in `lang`, with the curator's words.
pub fn caveat_change(old: Option<&str>, new: Option<&str>, lang: Lang) -> String {
    match (old, new) {
        (None, Some(new)) => words!(lang, "caveat added: “{new}”", "新增说明：“{new}”"),
        (Some(old), None) => words!(
            lang,
            "caveat removed (it said: “{old}”)",
            "删除了说明（原为：“{old}”）"
        ),
        (Some(old), Some(new)) => words!(
            lang,
            "caveat changed: “{old}” -> “{new}”",
            "说明由“{old}”改为“{new}”"
        ),
        (None, None) => words!(lang, "caveat unchanged", "说明未变"),
    }
}
