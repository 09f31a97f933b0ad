//! Where a load is: the loader's stages of a [`crate::job::Progress`],
//! which carries the bytes read (`done` of `total`), the measures checked
//! (`count`) and Cancel.

use crate::job::Progress;

/// Where a load is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Waiting to start, or looking at what the path is.
    Opening,
    /// Reading bytes ([`Progress::done`] of [`Progress::total`]).
    Reading,
    /// Parsing and checking ([`Progress::count`] measures so far).
    Checking,
    /// Building the search index, the tree and the change summary.
    Indexing,
}

impl Phase {
    /// The phase a load reporting to `progress` is in.
    pub fn of(progress: &Progress) -> Self {
        match progress.stage() {
            1 => Self::Reading,
            2 => Self::Checking,
            3 => Self::Indexing,
            _ => Self::Opening,
        }
    }

    /// Moves the load reporting to `progress` on to this phase.
    pub fn enter(self, progress: &Progress) {
        progress.set_stage(match self {
            Self::Opening => 0,
            Self::Reading => 1,
            Self::Checking => 2,
            Self::Indexing => 3,
        });
    }
}
