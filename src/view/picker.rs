//! The app's own file picker, as data: a folder's entries and their order
//! (folders first, then dataset files), a place to start from, a typed
//! path's `~`, sizes as a listing writes them. The window falls back to the
//! picker where the platform has no file dialog (Linux without an XDG
//! desktop portal or zenity). Reading folders is [`crate::folders`]'s job;
//! nothing here touches the disk.

use std::path::{Path, PathBuf};

/// Which files a listing shows (folders are always shown).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Filter {
    /// Dataset files: `.json`, in any case.
    #[default]
    Datasets,
    /// Plan documents to import: `.txt`, `.docx`, `.pdf`, `.html`.
    Documents,
    /// Every regular file.
    All,
}

impl Filter {
    /// Whether a file of this name is shown.
    pub fn shows(self, name: &str) -> bool {
        match self {
            Self::All => true,
            Self::Datasets => Path::new(name)
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e.eq_ignore_ascii_case("json")),
            Self::Documents => crate::import::DocumentKind::of_path(Path::new(name)).is_some(),
        }
    }
}

/// One entry of a folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Its name.
    pub name: String,
    /// Its whole path.
    pub path: PathBuf,
    /// A folder (or a link to one).
    pub is_dir: bool,
    /// A file's size in bytes.
    pub size: Option<u64>,
}

/// Puts a folder's entries in the order a listing shows them: folders
/// first, then files, each group by name (case folded, then as written).
pub fn arrange(entries: &mut [Entry]) {
    entries.sort_by(|a, b| {
        b.is_dir
            .cmp(&a.is_dir)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then_with(|| a.name.cmp(&b.name))
    });
}

/// A place to start from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// What it is called ("Home", a folder's name).
    pub name: String,
    /// The folder.
    pub path: PathBuf,
}

/// `typed` with a leading `~` made the home folder.
pub fn expand_home(typed: &str, home: Option<&Path>) -> String {
    match (typed.strip_prefix('~'), home) {
        (Some(rest), Some(home)) if rest.is_empty() || rest.starts_with('/') => {
            format!("{}{rest}", home.display())
        }
        _ => typed.to_owned(),
    }
}

/// A size as a listing writes it: "12 KB", "3.4 MB".
pub fn size_text(bytes: u64) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if b < KB {
        format!("{bytes} B")
    } else if b < KB * KB {
        format!("{:.0} KB", b / KB)
    } else if b < KB * KB * KB {
        format!("{:.1} MB", b / KB / KB)
    } else {
        format!("{:.1} GB", b / KB / KB / KB)
    }
}
