//! The settings file, looked at before the window reads it.
//!
//! eframe keeps the settings (and the panels' sizes) in `app.ron`, which it
//! reads at start-up and writes on exit by truncating the file and writing
//! it again: a full disk or a crash part way through leaves it cut short,
//! and a corrupt file is silently taken as no settings at all. So before
//! the window opens, [`prepare`] reads the file itself: a good one is
//! copied to `app.ron.bak` (atomically); a corrupt or cut-short one is
//! restored from that copy, or else moved aside to `app.ron.corrupt` so
//! that nothing the user had is overwritten; an unreadable or read-only one
//! is left as it is. What it found is said once in the status line.

use std::path::{Path, PathBuf};

use crate::dataset::IoReason;

/// What was wrong with the settings file, for the status line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Trouble {
    /// The file was corrupt or cut short and the last good copy was put
    /// back.
    Restored {
        /// The settings file.
        path: PathBuf,
    },
    /// The file was corrupt or cut short, with no good copy: the defaults
    /// are used, and the file is kept under another name.
    Corrupt {
        /// The settings file.
        path: PathBuf,
        /// Where the corrupt file now is.
        kept: PathBuf,
    },
    /// The file could not be read: the defaults are used, and the file is
    /// left as it is.
    Unreadable {
        /// The settings file.
        path: PathBuf,
        /// Why the system refused.
        reason: IoReason,
    },
    /// The file is read-only: settings changed now will not be kept.
    ReadOnly {
        /// The settings file.
        path: PathBuf,
    },
}

/// eframe's settings file for the window, `DATA_HOME/plan-explorer/app.ron`.
pub fn path() -> Option<PathBuf> {
    eframe::storage_dir(super::startup::APP_ID).map(|dir| dir.join("app.ron"))
}

/// The last good copy of `path`.
fn backup_of(path: &Path) -> PathBuf {
    path.with_extension("ron.bak")
}

/// Whether `text` is a settings file eframe can read: a RON map of
/// strings.
fn readable(text: &str) -> bool {
    ron::from_str::<std::collections::HashMap<String, String>>(text).is_ok()
}

/// Looks at the settings file at `path` before eframe reads it, mending
/// what can be mended (see the module's documentation). `None` when all is
/// well, or there is no file yet.
pub fn prepare(path: &Path) -> Option<Trouble> {
    let backup = backup_of(path);
    let text = match std::fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes).unwrap_or_default(),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return None,
        Err(error) => {
            return Some(Trouble::Unreadable {
                path: path.to_owned(),
                reason: IoReason::of(&error),
            });
        }
    };
    if readable(&text) {
        let read_only = std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly());
        // A copy to come back to if a later write is cut short. If it
        // cannot be written the settings still work; the copy is a spare.
        if std::fs::read_to_string(&backup).ok().as_deref() != Some(text.as_str()) {
            let _ = crate::output::write_atomic(&backup, text.as_bytes());
        }
        return read_only.then(|| Trouble::ReadOnly {
            path: path.to_owned(),
        });
    }
    if let Ok(good) = std::fs::read_to_string(&backup)
        && readable(&good)
        && crate::output::write_atomic(path, good.as_bytes()).is_ok()
    {
        return Some(Trouble::Restored {
            path: path.to_owned(),
        });
    }
    let kept = path.with_extension("ron.corrupt");
    match std::fs::rename(path, &kept) {
        Ok(()) => Some(Trouble::Corrupt {
            path: path.to_owned(),
            kept,
        }),
        Err(error) => Some(Trouble::Unreadable {
            path: path.to_owned(),
            reason: IoReason::of(&error),
        }),
    }
}
