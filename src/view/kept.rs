//! The user's annotations kept between runs, per dataset: what each chart
//! of each dataset file carried (the built-in dataset as no file), written
//! beside the settings after every change, so that nothing the user made
//! is lost when the window closes, and put back when that dataset is on
//! screen again. A note whose figure the dataset no longer has (its ids
//! changed) is kept, not drawn, and said ([`detached`]).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::annotations::Annotation;
use super::charts::ChartId;
use crate::dataset::{Dataset, IoReason};

/// The file's `format`.
pub const FORMAT: &str = "plan-explorer-notes";
/// The newest version this build reads and writes. Version 2 added notes
/// on a map's cells; the file is written in the oldest version that holds
/// what it keeps, so that a build reading only version 1 says a file with
/// such a note is newer, rather than malformed.
pub const VERSION: u64 = 2;
/// The largest notes file read: far more words than anyone types.
const MAX_BYTES: u64 = 16 * 1024 * 1024;

/// Each chart's annotations.
pub type ChartNotes = BTreeMap<ChartId, Vec<Annotation>>;

/// The notes kept for one dataset.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The dataset's file; none for the built-in dataset.
    pub dataset: Option<PathBuf>,
    /// Its charts' annotations, by the charts' ids (as on the command
    /// line and in view files).
    #[serde(with = "by_chart_id")]
    pub charts: ChartNotes,
}

/// A chart's annotations keyed by its id (`industrial-output`), as view
/// files and the command line name charts.
mod by_chart_id {
    use std::collections::BTreeMap;

    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::{Annotation, ChartId, ChartNotes};

    pub fn serialize<S: Serializer>(charts: &ChartNotes, serializer: S) -> Result<S::Ok, S::Error> {
        let by_id: BTreeMap<&str, &Vec<Annotation>> = charts
            .iter()
            .map(|(chart, list)| (chart.id(), list))
            .collect();
        by_id.serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<ChartNotes, D::Error> {
        let by_id = BTreeMap::<String, Vec<Annotation>>::deserialize(deserializer)?;
        by_id
            .into_iter()
            .map(|(id, list)| {
                ChartId::from_id(&id)
                    .map(|chart| (chart, list))
                    .ok_or_else(|| D::Error::custom(format!("unknown chart \"{id}\"")))
            })
            .collect()
    }
}

/// The notes file as written.
#[derive(Serialize, Deserialize)]
struct File {
    format: String,
    version: u64,
    datasets: Vec<Entry>,
}

/// Every dataset's kept notes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Kept {
    entries: Vec<Entry>,
}

/// Why the notes file could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum KeptError {
    /// The system refused.
    #[error("cannot read {}: {reason:?}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: IoReason,
    },
    /// Not a notes file this build reads.
    #[error("{} is malformed at line {line}, column {column}: {message}", path.display())]
    Malformed {
        /// The file.
        path: PathBuf,
        /// Where, from 1.
        line: usize,
        /// Where, from 1.
        column: usize,
        /// What the reader said.
        message: String,
    },
    /// Written by a newer Plan Explorer.
    #[error("{} is in version {found}, newer than this build reads", path.display())]
    TooNew {
        /// The file.
        path: PathBuf,
        /// Its version.
        found: u64,
    },
}

impl Kept {
    /// The annotations kept for `dataset` (none for the built-in one).
    pub fn of(&self, dataset: Option<&Path>) -> Option<&ChartNotes> {
        self.entries
            .iter()
            .find(|e| e.dataset.as_deref() == dataset)
            .map(|e| &e.charts)
    }

    /// Keeps `charts` as `dataset`'s annotations; gives whether that
    /// changed anything. Charts without annotations are not kept.
    pub fn set(&mut self, dataset: Option<&Path>, charts: &ChartNotes) -> bool {
        let charts: ChartNotes = charts
            .iter()
            .filter(|(_, list)| !list.is_empty())
            .map(|(chart, list)| (*chart, list.clone()))
            .collect();
        let at = self
            .entries
            .iter()
            .position(|e| e.dataset.as_deref() == dataset);
        match (at, charts.is_empty()) {
            (Some(i), true) => {
                self.entries.remove(i);
                true
            }
            (Some(i), false) if self.entries[i].charts == charts => false,
            (Some(i), false) => {
                self.entries[i].charts = charts;
                true
            }
            (None, true) => false,
            (None, false) => {
                self.entries.push(Entry {
                    dataset: dataset.map(Path::to_owned),
                    charts,
                });
                true
            }
        }
    }

    /// The file's text.
    pub fn to_json(&self) -> String {
        let cells = self
            .entries
            .iter()
            .flat_map(|e| e.charts.values().flatten())
            .any(|a| matches!(a, Annotation::CellNote { .. }));
        let file = File {
            format: FORMAT.to_owned(),
            version: if cells { 2 } else { 1 },
            datasets: self.entries.clone(),
        };
        let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Reads the notes from their text; `path` names the file in messages.
    pub fn parse(text: &str, path: &Path) -> Result<Self, KeptError> {
        let malformed = |error: &serde_json::Error| KeptError::Malformed {
            path: path.to_owned(),
            line: error.line(),
            column: error.column(),
            message: error.to_string(),
        };
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| malformed(&e))?;
        let found = value
            .get("version")
            .and_then(serde_json::Value::as_u64)
            .unwrap_or(0);
        if found > VERSION {
            return Err(KeptError::TooNew {
                path: path.to_owned(),
                found,
            });
        }
        let file: File = serde_json::from_str(text).map_err(|e| malformed(&e))?;
        if file.format != FORMAT {
            return Err(KeptError::Malformed {
                path: path.to_owned(),
                line: 1,
                column: 1,
                message: format!("the \"format\" is not \"{FORMAT}\""),
            });
        }
        Ok(Self {
            entries: file.datasets,
        })
    }

    /// Reads the notes file at `path`; none kept if there is no file yet.
    pub fn read(path: &Path) -> Result<Self, KeptError> {
        let io = |error: &std::io::Error| KeptError::Read {
            path: path.to_owned(),
            reason: IoReason::of(error),
        };
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Self::default());
            }
            Err(error) => return Err(io(&error)),
        };
        if meta.len() > MAX_BYTES {
            return Err(KeptError::Malformed {
                path: path.to_owned(),
                line: 1,
                column: 1,
                message: format!("{} bytes, too large to be a notes file", meta.len()),
            });
        }
        let bytes = std::fs::read(path).map_err(|e| io(&e))?;
        Self::parse(&String::from_utf8_lossy(&bytes), path)
    }
}

/// A kept note that no longer attaches: the dataset has no figure of its
/// id, or no row (theme, unit) or plan of its cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Detached {
    /// The chart it is on.
    pub chart: ChartId,
    /// What the dataset lacks: a figure, or a cell's theme, unit or plan.
    pub what: super::saved::Named,
    /// Its id.
    pub id: String,
    /// The user's words.
    pub text: String,
}

/// The notes of `charts` whose figure or cell `data` does not have.
pub fn detached(charts: &ChartNotes, data: &Dataset) -> Vec<Detached> {
    charts
        .iter()
        .flat_map(|(chart, list)| list.iter().map(move |a| (*chart, a)))
        .filter_map(|(chart, annotation)| match annotation {
            Annotation::Note { figure, text } if data.figure_by_id(figure).is_none() => {
                Some(Detached {
                    chart,
                    what: super::saved::Named::Figure,
                    id: figure.to_string(),
                    text: text.clone(),
                })
            }
            Annotation::CellNote { .. } => match super::saved::cell_gone(annotation, data)? {
                super::saved::ViewNote::CellGone { what, id, text } => Some(Detached {
                    chart,
                    what,
                    id,
                    text,
                }),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

/// What keeping the notes has to say, for the status line.
#[derive(Clone, Debug, PartialEq)]
pub enum Said {
    /// Annotations kept for the dataset on screen were put back; some
    /// notes may no longer attach.
    Restored {
        /// How many annotations.
        count: usize,
        /// The notes that no longer attach.
        detached: Vec<Detached>,
    },
    /// The notes file could not be read: none were put back, and the file
    /// is kept (under `kept_as` when it had to be moved aside).
    Unreadable {
        /// Why.
        error: KeptError,
        /// Where the file now is, if it was moved aside.
        kept_as: Option<PathBuf>,
    },
    /// The notes could not be written: they stay on screen and are tried
    /// again at the next change.
    NotWritten(crate::output::WriteError),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_kept_per_dataset_read_back_as_written() {
        let mut kept = Kept::default();
        let mut charts = ChartNotes::new();
        charts.insert(
            ChartId::Funds,
            vec![Annotation::Line {
                value: 2e10,
                label: "20 billion".to_owned(),
            }],
        );
        assert!(kept.set(None, &charts));
        assert!(!kept.set(None, &charts), "the same again changes nothing");
        assert!(kept.set(Some(Path::new("/data/plans.json")), &charts));
        let read = Kept::parse(&kept.to_json(), Path::new("notes.json")).expect("reads");
        assert_eq!(read, kept);
        assert_eq!(read.of(None), Some(&charts));
        assert!(read.of(Some(Path::new("/data/other.json"))).is_none());
        // Emptied, the dataset's entry goes.
        assert!(kept.set(None, &ChartNotes::new()));
        assert!(kept.of(None).is_none());
    }

    #[test]
    fn a_newer_or_malformed_file_is_refused_saying_where() {
        let newer = r#"{"format": "plan-explorer-notes", "version": 9, "datasets": []}"#;
        assert!(matches!(
            Kept::parse(newer, Path::new("n.json")),
            Err(KeptError::TooNew { found: 9, .. })
        ));
        let cut = "{\"format\": \"plan-explorer-notes\",\n \"version\": 1, \"datas";
        let Err(KeptError::Malformed { line, .. }) = Kept::parse(cut, Path::new("n.json")) else {
            panic!("a cut-short file is malformed");
        };
        assert_eq!(line, 2);
    }
}
