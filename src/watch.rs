//! Noticing that the open dataset file changed on disk, without reporting
//! a file that is still being written: a change is acted on only once the
//! file's size and modification time have stayed the same for a while.
//! Pure logic over stamps and times, so it is tested without waiting.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// How long a changed file must stay unchanged before it is reloaded, in
/// seconds.
pub const SETTLE_SECONDS: f64 = 1.0;

/// How often the file is looked at, in seconds.
pub const POLL_SECONDS: f64 = 0.5;

/// What identifies a version of a file: its length and modification time;
/// `None` when the file is missing or unreadable.
pub type Stamp = Option<(u64, SystemTime)>;

/// The stamp of `path` now.
pub fn stamp(path: &Path) -> Stamp {
    let metadata = std::fs::metadata(path).ok()?;
    Some((metadata.len(), metadata.modified().ok()?))
}

/// Watches one file by polling.
#[derive(Clone, Debug)]
pub struct FileWatch {
    /// The file.
    pub path: PathBuf,
    /// The version on screen.
    seen: Stamp,
    /// A newer version and since when it has looked like this.
    pending: Option<(Stamp, f64)>,
    /// When the file was last looked at.
    last_poll: f64,
}

impl FileWatch {
    /// Watches `path`, whose version `seen` is on screen.
    pub fn new(path: PathBuf, seen: Stamp) -> Self {
        Self {
            path,
            seen,
            pending: None,
            last_poll: f64::NEG_INFINITY,
        }
    }

    /// Whether it is time to look at the file again.
    pub fn due(&self, now: f64) -> bool {
        now - self.last_poll >= POLL_SECONDS
    }

    /// Takes the file's stamp at time `now` (seconds); says whether the
    /// file has changed and then settled, so it should be reloaded.
    pub fn poll(&mut self, now: f64, current: Stamp) -> bool {
        self.last_poll = now;
        if current == self.seen {
            // Back as it was (or never changed): nothing to do.
            self.pending = None;
            return false;
        }
        match self.pending {
            Some((pending, since)) if pending == current => {
                if now - since >= SETTLE_SECONDS {
                    self.seen = current;
                    self.pending = None;
                    true
                } else {
                    false
                }
            }
            // A new change, or still changing: start waiting again.
            _ => {
                self.pending = Some((current, now));
                false
            }
        }
    }

    /// Whether a change is waiting to settle.
    pub fn is_settling(&self) -> bool {
        self.pending.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// A stamp in a test's `Stamp`-typed calls.
    #[allow(clippy::unnecessary_wraps)]
    fn at(len: u64, secs: u64) -> Stamp {
        Some((len, SystemTime::UNIX_EPOCH + Duration::from_secs(secs)))
    }

    #[test]
    fn a_file_written_in_chunks_is_reloaded_once_after_it_settles() {
        let mut watch = FileWatch::new("x.json".into(), at(100, 1));
        assert!(!watch.poll(0.0, at(100, 1)), "unchanged");
        // Written in three chunks, half a second apart.
        assert!(!watch.poll(0.5, at(40, 2)));
        assert!(!watch.poll(1.0, at(80, 3)));
        assert!(!watch.poll(1.5, at(120, 4)));
        assert!(watch.is_settling());
        // Not yet a second unchanged.
        assert!(!watch.poll(2.0, at(120, 4)));
        assert!(watch.poll(2.5, at(120, 4)), "settled: reload");
        assert!(!watch.poll(3.0, at(120, 4)), "and only once");
        assert!(!watch.is_settling());
    }

    #[test]
    fn a_file_that_goes_back_as_it_was_is_not_reloaded() {
        let mut watch = FileWatch::new("x.json".into(), at(100, 1));
        assert!(!watch.poll(0.0, at(0, 2)));
        assert!(!watch.poll(0.5, at(100, 1)));
        assert!(!watch.poll(5.0, at(100, 1)));
    }

    #[test]
    fn a_deleted_file_is_reported_once_it_stays_deleted() {
        let mut watch = FileWatch::new("x.json".into(), at(100, 1));
        assert!(!watch.poll(0.0, None));
        assert!(watch.poll(1.0, None));
    }

    #[test]
    fn polls_are_spaced() {
        let mut watch = FileWatch::new("x.json".into(), None);
        assert!(watch.due(0.0));
        watch.poll(0.0, None);
        assert!(!watch.due(0.2));
        assert!(watch.due(0.5));
    }
}
