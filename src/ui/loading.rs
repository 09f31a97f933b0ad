//! Loading a dataset file on a worker thread: read, parse, check, index and
//! compare with the edition on screen, all off the window's thread, which
//! keeps drawing with a progress bar and Cancel. The document on screen
//! stays until the new one is complete; then it is swapped in one move.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use super::document::{Carry, Document};
use super::messages::LoadProblem;
use crate::dataset::{self, Dataset, Phase, ReadError};
use crate::i18n::{Lang, T, fill};
use crate::job::{Job, Poll, Progress, Wake};
use crate::view::diff::Changes;
use crate::watch::Stamp;

/// After this long, the status line says the file is still being read and
/// why that may be (a slow disk or network share).
pub const STILL_READING_AFTER: Duration = Duration::from_secs(3);

/// Why a load was started; a watched change says so in the status line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trigger {
    /// Opened by the user (File > Open, a drop, the recent list).
    Open,
    /// Reload, asked for by the user.
    Reload,
    /// The watched file changed on disk.
    Watch,
    /// Named on the command line or opened last time: if it does not
    /// load, a banner says so over the built-in dataset.
    Startup,
}

/// A load in progress: a [`Job`] with what the window needs to know of it.
#[derive(Debug)]
pub struct LoadJob {
    /// The file, as a full path.
    pub path: PathBuf,
    /// Why it was started.
    pub trigger: Trigger,
    /// What the user had chosen when it started.
    pub carry: Carry,
    job: Job<Outcome>,
}

/// How a load ended.
#[derive(Debug)]
pub enum Outcome {
    /// A valid dataset, indexed, with what changed.
    Loaded {
        /// The new document, the user's choices taken over.
        doc: Box<Document>,
        /// The file's stamp taken before it was read.
        stamp: Stamp,
    },
    /// The file did not load; the problems say why.
    Failed(Vec<LoadProblem>),
    /// The user cancelled.
    Cancelled,
}

impl LoadJob {
    /// Starts loading `path` on a worker thread. `old` is the dataset on
    /// screen, to compare with (not at start-up, where what is on screen
    /// is only the built-in dataset standing in); `wake` asks the window
    /// for a frame when there is news. Fails only when no thread can be
    /// started.
    pub fn start(
        path: &Path,
        trigger: Trigger,
        carry: Carry,
        old: Option<Arc<Dataset>>,
        wake: Wake,
    ) -> std::io::Result<Self> {
        // Relative to where the app started: remembered as a full path,
        // so the recent list works from anywhere.
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        let worker_path = path.clone();
        let worker_carry = carry.clone();
        let job = Job::spawn("load dataset", wake, move |progress| {
            load(&worker_path, progress, &worker_carry, old.as_deref())
        })?;
        Ok(Self {
            path,
            trigger,
            carry,
            job,
        })
    }

    /// Like [`Self::start`], reading from `reader` in place of the file
    /// at `path`: a stream opened elsewhere (and, in the tests, a reader
    /// that stalls as a network share does, to cancel).
    pub fn start_reading(
        path: &Path,
        reader: impl std::io::Read + Send + 'static,
        trigger: Trigger,
        carry: Carry,
        wake: Wake,
    ) -> std::io::Result<Self> {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        let worker_path = path.clone();
        let worker_carry = carry.clone();
        let job = Job::spawn("load dataset", wake, move |progress| {
            let loaded = dataset::load_reader_with(
                reader,
                &worker_path,
                dataset::MAX_DATASET_BYTES,
                progress,
            );
            finish(&worker_path, loaded, progress, &worker_carry, None, None)
        })?;
        Ok(Self {
            path,
            trigger,
            carry,
            job,
        })
    }

    /// How far it has got.
    pub fn progress(&self) -> &Progress {
        self.job.progress()
    }

    /// The outcome, once the worker has sent it.
    pub fn poll(&self) -> Option<Outcome> {
        self.outcome(self.job.poll())
    }

    /// Waits up to `timeout` for the outcome.
    pub fn wait(&self, timeout: Duration) -> Option<Outcome> {
        self.outcome(self.job.wait(timeout))
    }

    fn outcome(&self, poll: Poll<Outcome>) -> Option<Outcome> {
        match poll {
            Poll::Running => None,
            Poll::Done(outcome) => Some(outcome),
            Poll::Lost => Some(Outcome::Failed(vec![LoadProblem::WorkerStopped(
                self.path.clone(),
            )])),
        }
    }

    /// How long it has been running.
    pub fn elapsed(&self) -> Duration {
        self.job.elapsed()
    }

    /// Asks the worker to stop.
    pub fn cancel(&self) {
        self.job.cancel();
    }
}

/// What the status line says of a load of `path` that has run for
/// `elapsed` in `lang`, and the share read if it is known (for a progress
/// bar). Reading that takes longer than [`STILL_READING_AFTER`] says so.
pub fn status_line(
    path: &Path,
    progress: &Progress,
    elapsed: Duration,
    lang: Lang,
) -> (String, Option<f32>) {
    let name = path.display();
    match Phase::of(progress) {
        Phase::Opening | Phase::Reading if elapsed >= STILL_READING_AFTER => (
            fill(
                lang,
                T::StillReading,
                &[&name, &bytes(progress.done()), &elapsed.as_secs()],
            ),
            progress.fraction(),
        ),
        Phase::Opening | Phase::Reading => (
            fill(
                lang,
                T::LoadingFile,
                &[&name, &bytes(progress.done()), &bytes(progress.total())],
            ),
            progress.fraction(),
        ),
        Phase::Checking => (
            fill(lang, T::CheckingFile, &[&name, &progress.count()]),
            None,
        ),
        Phase::Indexing => (fill(lang, T::IndexingFile, &[&name]), None),
    }
}

/// A byte count for people: "12.3 MB".
fn bytes(n: u64) -> String {
    if n < 1_000_000 {
        format!("{:.0} kB", n as f64 / 1e3)
    } else {
        format!("{:.1} MB", n as f64 / 1e6)
    }
}

/// Reads, checks and indexes `path`, taking over `carry`, comparing with
/// `old` if given. The worker's whole job, callable on any thread.
pub fn load(
    path: &Path,
    progress: &Arc<Progress>,
    carry: &Carry,
    old: Option<&Dataset>,
) -> Outcome {
    // Taken before reading, so a write that lands during the read is seen
    // as a change and loaded next.
    let stamp = crate::watch::stamp(path);
    let loaded = dataset::load_file_with(path, dataset::MAX_DATASET_BYTES, progress);
    finish(path, loaded, progress, carry, old, stamp)
}

/// What a load of `path` that read `loaded` ends with: checked, indexed,
/// compared with `old`.
fn finish(
    path: &Path,
    loaded: Result<dataset::Loaded, ReadError>,
    progress: &Arc<Progress>,
    carry: &Carry,
    old: Option<&Dataset>,
    stamp: Stamp,
) -> Outcome {
    let loaded = match loaded {
        Ok(loaded) => loaded,
        Err(ReadError::Cancelled(_)) => return Outcome::Cancelled,
        Err(error) => {
            let problem = match error.content_problem() {
                Some(problem) => LoadProblem::Content(problem),
                None => LoadProblem::Read(error),
            };
            return Outcome::Failed(vec![problem]);
        }
    };
    let Some(data) = loaded
        .dataset
        .filter(|_| loaded.problems.iter().all(|p| !p.is_error()))
    else {
        return Outcome::Failed(
            loaded
                .problems
                .iter()
                .filter(|p| p.is_error())
                .map(|p| LoadProblem::Content(p.clone()))
                .collect(),
        );
    };
    Phase::Indexing.enter(progress);
    if progress.is_cancelled() {
        return Outcome::Cancelled;
    }
    let changes: Option<Changes> = old.map(|old| crate::view::diff::compare(old, &data));
    let mut doc = Document::new(data, Some(path.to_owned()));
    doc.take_over(carry);
    doc.changes = changes;
    if progress.is_cancelled() {
        return Outcome::Cancelled;
    }
    Outcome::Loaded {
        doc: Box::new(doc),
        stamp,
    }
}
