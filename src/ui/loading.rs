//! Loading a dataset file on a worker thread: read, parse, check, index and
//! compare with the edition on screen, all off the window's thread, which
//! keeps drawing with a progress bar and Cancel. The document on screen
//! stays until the new one is complete; then it is swapped in one move.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

use super::document::{Carry, Document};
use super::note::LoadProblem;
use crate::dataset::{self, Dataset, Phase, Progress, ReadError};
use crate::i18n::{T, fill};
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

/// A load in progress.
#[derive(Debug)]
pub struct LoadJob {
    /// The file, as a full path.
    pub path: PathBuf,
    /// How far it has got; Cancel sets its flag.
    pub progress: Arc<Progress>,
    /// Why it was started.
    pub trigger: Trigger,
    /// What the user had chosen when it started.
    pub carry: Carry,
    started: Instant,
    receiver: Receiver<Outcome>,
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
    /// is only the built-in dataset standing in); `wake` is called when the load ends (the
    /// window asks for a frame).
    pub fn start(
        path: &Path,
        trigger: Trigger,
        carry: Carry,
        old: Option<Arc<Dataset>>,
        wake: impl FnOnce() + Send + 'static,
    ) -> Self {
        // Relative to where the app started: remembered as a full path,
        // so the recent list works from anywhere.
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        let progress = Arc::new(Progress::default());
        let (sender, receiver) = std::sync::mpsc::channel();
        let job = Self {
            path: path.clone(),
            progress: Arc::clone(&progress),
            trigger,
            carry: carry.clone(),
            started: Instant::now(),
            receiver,
        };
        let spawned = std::thread::Builder::new()
            .name("load dataset".to_owned())
            .spawn(move || {
                let outcome = load(&path, &progress, &carry, old.as_deref());
                // The window may have moved on (Cancel, another file);
                // then nobody needs the answer.
                let _ = sender.send(outcome);
                wake();
            });
        if let Err(error) = spawned {
            // No thread: the receiver reports the worker as gone, with
            // this reason kept for the status line.
            log_spawn_failure(&error);
        }
        job
    }

    /// The outcome, once the worker has sent it.
    pub fn poll(&self) -> Option<Outcome> {
        match self.receiver.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                Some(Outcome::Failed(vec![LoadProblem::WorkerStopped(
                    self.path.clone(),
                )]))
            }
        }
    }

    /// Waits up to `timeout` for the outcome.
    pub fn wait(&self, timeout: Duration) -> Option<Outcome> {
        match self.receiver.recv_timeout(timeout) {
            Ok(outcome) => Some(outcome),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => None,
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => self.poll(),
        }
    }

    /// How long it has been running.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    /// Asks the worker to stop.
    pub fn cancel(&self) {
        self.progress.cancel();
    }
}

/// What the status line says of a load of `path` that has run for
/// `elapsed`, and the share read if it is known (for a progress bar).
/// Reading that takes longer than [`STILL_READING_AFTER`] says so.
pub fn status_line(path: &Path, progress: &Progress, elapsed: Duration) -> (String, Option<f32>) {
    let name = path.display();
    match progress.phase() {
        Phase::Opening | Phase::Reading if elapsed >= STILL_READING_AFTER => (
            fill(
                T::StillReading,
                &[&name, &bytes(progress.bytes()), &elapsed.as_secs()],
            ),
            progress.fraction_read(),
        ),
        Phase::Opening | Phase::Reading => (
            fill(
                T::LoadingFile,
                &[&name, &bytes(progress.bytes()), &bytes(progress.total())],
            ),
            progress.fraction_read(),
        ),
        Phase::Checking => (fill(T::CheckingFile, &[&name, &progress.nodes()]), None),
        Phase::Indexing => (fill(T::IndexingFile, &[&name]), None),
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

fn log_spawn_failure(error: &std::io::Error) {
    eprintln!("plan-explorer: cannot start a thread to load the dataset: {error}");
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
    let loaded = match dataset::load_file_with(path, dataset::MAX_DATASET_BYTES, progress) {
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
    progress.set_phase(Phase::Indexing);
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
