//! Problems found in a dataset, each with where it is.

use std::fmt;
use std::fmt::Write as _;

use serde::Serialize;

use super::kinds::ProblemKind;

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The dataset is still usable (e.g. an unknown field was ignored).
    Warning,
    /// The dataset cannot be used.
    Error,
}

/// One problem, with its place in the file.
///
/// It serialises (for `validate --json`) as its severity, path, line and
/// column, its kind's stable `code` and its English `message`.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// The JSON path of the value, e.g. `plans[1].nodes[3].units[0]`; empty
    /// for the document as a whole.
    pub path: String,
    /// 1-based line, where known (syntax errors).
    pub line: Option<usize>,
    /// 1-based column, where known (syntax errors).
    pub column: Option<usize>,
    /// What is wrong, with the values it names.
    pub kind: ProblemKind,
}

impl Problem {
    /// An error at a JSON path.
    pub fn error(path: impl Into<String>, kind: ProblemKind) -> Self {
        Self {
            severity: Severity::Error,
            path: path.into(),
            line: None,
            column: None,
            kind,
        }
    }

    /// A warning at a JSON path.
    pub fn warning(path: impl Into<String>, kind: ProblemKind) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(path, kind)
        }
    }

    /// An error at a line and column.
    pub fn at(line: usize, column: usize, kind: ProblemKind) -> Self {
        Self {
            line: Some(line),
            column: Some(column),
            ..Self::error("", kind)
        }
    }

    /// Whether this problem makes the dataset unusable.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The kind's stable code, e.g. `implausible_year`.
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// What is wrong, as an English sentence fragment: the text `validate`
    /// prints and scripts read.
    pub fn message(&self) -> String {
        self.kind.to_string()
    }
}

impl Serialize for Problem {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut out = serializer.serialize_struct("Problem", 7)?;
        out.serialize_field("severity", &self.severity)?;
        out.serialize_field("path", &self.path)?;
        match self.line {
            Some(line) => out.serialize_field("line", &line)?,
            None => out.skip_field("line")?,
        }
        match self.column {
            Some(column) => out.serialize_field("column", &column)?,
            None => out.skip_field("column")?,
        }
        out.serialize_field("code", self.code())?;
        out.serialize_field("message", &self.message())?;
        match &self.kind {
            super::ProblemKind::NotVerbatim {
                nearest: Some(nearest),
                ..
            } => out.serialize_field("nearest", &NearestJson::of(nearest))?,
            _ => out.skip_field("nearest")?,
        }
        out.end()
    }
}

/// A nearest passage as `validate --json` gives it: the source, the
/// passage, the differing words, and where the passage is in the text
/// (character offsets, which every language counts alike).
#[derive(Serialize)]
struct NearestJson<'a> {
    source: &'a str,
    passage: &'a str,
    differing: Vec<&'a str>,
}

impl<'a> NearestJson<'a> {
    fn of(nearest: &'a super::nearest::Nearest) -> Self {
        Self {
            source: &nearest.source,
            passage: &nearest.passage,
            differing: nearest
                .marks
                .iter()
                .map(|m| &nearest.passage[m.clone()])
                .collect(),
        }
    }
}

/// Shows `line 3, column 7: message` or `plans[1].id: message`, without the
/// file name, which the caller knows.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{severity}: ")?;
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, "line {line}, column {column}: ")?;
        }
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        write!(f, "{}", self.kind)
    }
}

impl Problem {
    /// The problem as one line naming `file`: `file:line:column: error:
    /// message` (the form editors and terminals turn into links), or
    /// `file: error: path: message` when there is no line.
    pub fn located_in(&self, file: &str) -> String {
        match (self.line, self.column) {
            (Some(line), Some(column)) => {
                let mut unlocated = self.clone();
                unlocated.line = None;
                unlocated.column = None;
                format!("{file}:{line}:{column}: {unlocated}")
            }
            _ => format!("{file}: {self}"),
        }
    }
}

/// `text` cut to at most `max_chars` characters, with `ellipsis` appended
/// when something was cut.
pub fn abbreviate(text: &str, max_chars: usize, ellipsis: &str) -> String {
    let mut chars = text.chars();
    let mut head: String = chars.by_ref().take(max_chars).collect();
    if chars.next().is_some() {
        head.push_str(ellipsis);
    }
    head
}

/// One step of a [`JsonPath`].
#[derive(Clone, Copy, Debug)]
enum Segment {
    /// An object's field.
    Key(&'static str),
    /// An array's element.
    Index(usize),
}

/// A JSON path under construction, e.g. `plans[1].nodes[3]`.
///
/// The checker pushes a segment before it looks at a value and pops it after.
/// Segments are kept as data and turned into text only when a problem is
/// reported, so walking a valid dataset formats nothing.
#[derive(Debug, Default)]
pub struct JsonPath {
    segments: Vec<Segment>,
}

impl JsonPath {
    /// Whether the path is the document itself.
    pub fn is_root(&self) -> bool {
        self.segments.is_empty()
    }

    /// Appends `.key` and returns the depth to go back to.
    pub fn key(&mut self, key: &'static str) -> usize {
        self.segments.push(Segment::Key(key));
        self.segments.len() - 1
    }

    /// Appends `[index]` and returns the depth to go back to.
    pub fn index(&mut self, index: usize) -> usize {
        self.segments.push(Segment::Index(index));
        self.segments.len() - 1
    }

    /// Goes back to a depth returned by [`Self::key`] or [`Self::index`].
    pub fn truncate(&mut self, depth: usize) {
        self.segments.truncate(depth);
    }

    /// The path as text, e.g. `plans[1].nodes[3]`.
    pub fn render(&self) -> String {
        let mut text = String::new();
        for segment in &self.segments {
            // Writing into a String cannot fail.
            let _ = match segment {
                Segment::Key(key) if text.is_empty() => write!(text, "{key}"),
                Segment::Key(key) => write!(text, ".{key}"),
                Segment::Index(index) => write!(text, "[{index}]"),
            };
        }
        text
    }

    /// The path with one more key, for a problem about a field.
    pub fn with_key(&self, key: &str) -> String {
        let text = self.render();
        if text.is_empty() {
            key.to_owned()
        } else {
            format!("{text}.{key}")
        }
    }
}

/// Appends a segment to a path in text form.
fn push_key(text: &mut String, key: &str) {
    if !text.is_empty() {
        text.push('.');
    }
    text.push_str(key);
}

/// Converts a path reported by `serde_ignored` into our notation.
pub fn path_from_ignored(path: &serde_ignored::Path<'_>) -> String {
    fn walk(path: &serde_ignored::Path<'_>, out: &mut String) {
        match path {
            serde_ignored::Path::Root => {}
            serde_ignored::Path::Seq { parent, index } => {
                walk(parent, out);
                let _ = write!(out, "[{index}]");
            }
            serde_ignored::Path::Map { parent, key } => {
                walk(parent, out);
                push_key(out, key);
            }
            serde_ignored::Path::Some { parent }
            | serde_ignored::Path::NewtypeStruct { parent }
            | serde_ignored::Path::NewtypeVariant { parent } => walk(parent, out),
        }
    }
    let mut out = String::new();
    walk(path, &mut out);
    out
}

/// Converts a path reported by `serde_path_to_error` into our notation.
pub fn path_from_serde(path: &serde_path_to_error::Path) -> String {
    let mut out = String::new();
    for segment in path {
        match segment {
            serde_path_to_error::Segment::Seq { index } => {
                let _ = write!(out, "[{index}]");
            }
            serde_path_to_error::Segment::Map { key } => push_key(&mut out, key),
            serde_path_to_error::Segment::Enum { variant } => push_key(&mut out, variant),
            serde_path_to_error::Segment::Unknown => push_key(&mut out, "?"),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::abbreviate;

    #[test]
    fn abbreviate_cuts_on_characters_and_marks_the_cut() {
        assert_eq!(abbreviate("short", 10, "..."), "short");
        assert_eq!(abbreviate("exactly10!", 10, "..."), "exactly10!");
        assert_eq!(abbreviate("one more char", 12, "…"), "one more cha…");
        assert_eq!(abbreviate("银发经济模速空间", 4, "..."), "银发经济...");
    }
}
