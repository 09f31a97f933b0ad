//! Problems found in a dataset, each with where it is.

use std::fmt;

use serde::Serialize;

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
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// The JSON path of the value, e.g. `plans[1].nodes[3].units[0]`; empty
    /// for the document as a whole.
    pub path: String,
    /// 1-based line, where known (syntax errors).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column, where known (syntax errors).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// What is wrong, as a sentence fragment.
    pub message: String,
}

impl Problem {
    /// An error at a JSON path.
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            path: path.into(),
            line: None,
            column: None,
            message: message.into(),
        }
    }

    /// A warning at a JSON path.
    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(path, message)
        }
    }

    /// An error at a line and column.
    pub fn at(line: usize, column: usize, message: impl Into<String>) -> Self {
        Self {
            line: Some(line),
            column: Some(column),
            ..Self::error("", message)
        }
    }

    /// Whether this problem makes the dataset unusable.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
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
        f.write_str(&self.message)
    }
}

/// A JSON path under construction, e.g. `plans[1].nodes[3]`.
///
/// The checker pushes a segment before it looks at a value and pops it after,
/// so the path costs nothing unless a problem is reported.
#[derive(Debug, Default)]
pub struct JsonPath {
    text: String,
}

impl JsonPath {
    /// Appends `.key` (or just `key` at the root) and returns the old length.
    pub fn key(&mut self, key: &str) -> usize {
        let len = self.text.len();
        if !self.text.is_empty() {
            self.text.push('.');
        }
        self.text.push_str(key);
        len
    }

    /// Appends `[index]` and returns the old length.
    pub fn index(&mut self, index: usize) -> usize {
        let len = self.text.len();
        self.text.push('[');
        self.text.push_str(&index.to_string());
        self.text.push(']');
        len
    }

    /// Goes back to a length returned by [`Self::key`] or [`Self::index`].
    pub fn truncate(&mut self, len: usize) {
        self.text.truncate(len);
    }

    /// The path so far.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The path with one more key, for a problem about a field.
    pub fn with_key(&self, key: &str) -> String {
        if self.text.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.text)
        }
    }
}

/// Converts a path reported by `serde_ignored` into our notation.
pub fn path_from_ignored(path: &serde_ignored::Path<'_>) -> String {
    fn walk(path: &serde_ignored::Path<'_>, out: &mut JsonPath) {
        match path {
            serde_ignored::Path::Root => {}
            serde_ignored::Path::Seq { parent, index } => {
                walk(parent, out);
                out.index(*index);
            }
            serde_ignored::Path::Map { parent, key } => {
                walk(parent, out);
                out.key(key);
            }
            serde_ignored::Path::Some { parent }
            | serde_ignored::Path::NewtypeStruct { parent }
            | serde_ignored::Path::NewtypeVariant { parent } => walk(parent, out),
        }
    }
    let mut out = JsonPath::default();
    walk(path, &mut out);
    out.text
}

/// Converts a path reported by `serde_path_to_error` into our notation.
pub fn path_from_serde(path: &serde_path_to_error::Path) -> String {
    let mut out = JsonPath::default();
    for segment in path {
        match segment {
            serde_path_to_error::Segment::Seq { index } => {
                out.index(*index);
            }
            serde_path_to_error::Segment::Map { key } => {
                out.key(key);
            }
            serde_path_to_error::Segment::Enum { variant } => {
                out.key(variant);
            }
            serde_path_to_error::Segment::Unknown => {
                out.key("?");
            }
        }
    }
    out.text
}
