//! Reading folders for the app's own file picker: a folder's entries, the
//! places that exist, and completion of a typed path against what is on
//! disk. The picker's view-model ([`crate::view::picker`]) orders and
//! shows what this reads; no egui here, tested against real folders.

use std::path::{Path, PathBuf};

use crate::view::picker::{Entry, Filter, Place, arrange, expand_home};

/// Why a folder could not be listed.
#[derive(Debug, thiserror::Error)]
#[error("cannot read the folder {path}: {source}")]
pub struct ListError {
    /// The folder.
    pub path: PathBuf,
    /// What the system said.
    #[source]
    pub source: std::io::Error,
}

/// The entries of `dir`: folders first, then the files `filter` shows,
/// each group by name (case folded). Hidden entries (a leading dot) only
/// with `hidden`. Named pipes, sockets and devices are left out: opening
/// one as a dataset could only fail or wait.
pub fn list(dir: &Path, filter: Filter, hidden: bool) -> Result<Vec<Entry>, ListError> {
    let error = |source| ListError {
        path: dir.to_owned(),
        source,
    };
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(error)? {
        let Ok(entry) = entry else { continue };
        let name = entry.file_name().to_string_lossy().into_owned();
        if !hidden && name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        // Follows links, so a link to a folder is a folder; a broken link
        // is left out.
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            entries.push(Entry {
                name,
                path,
                is_dir: true,
                size: None,
            });
        } else if meta.is_file() && filter.shows(&name) {
            entries.push(Entry {
                name,
                path,
                is_dir: false,
                size: Some(meta.len()),
            });
        }
    }
    arrange(&mut entries);
    Ok(entries)
}

/// The places offered beside the listing: the home folder and its
/// Documents, Downloads and Desktop where they exist, the folders of the
/// recent files (most recent first, each once), and the file system's root.
pub fn places(home: Option<&Path>, recent: &[PathBuf], home_name: &str) -> Vec<Place> {
    let mut out: Vec<Place> = Vec::new();
    let mut add = |name: String, path: PathBuf| {
        if path.is_dir() && !out.iter().any(|p| p.path == path) {
            out.push(Place { name, path });
        }
    };
    if let Some(home) = home {
        add(home_name.to_owned(), home.to_owned());
        for sub in ["Documents", "Downloads", "Desktop"] {
            add(sub.to_owned(), home.join(sub));
        }
    }
    for file in recent {
        if let Some(folder) = file.parent() {
            let name = folder.file_name().map_or_else(
                || folder.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            add(name, folder.to_owned());
        }
    }
    add("/".to_owned(), PathBuf::from("/"));
    out
}

/// The first of `candidates` that is a folder, else the root: where a
/// picker opens.
pub fn first_folder(candidates: impl IntoIterator<Item = Option<PathBuf>>) -> PathBuf {
    candidates
        .into_iter()
        .flatten()
        .find(|p| !p.as_os_str().is_empty() && p.is_dir())
        .unwrap_or_else(|| PathBuf::from("/"))
}

/// The completions of a typed path: the entries of its folder whose names
/// start with what follows the last `/`, folders ending in `/`, as whole
/// paths. A `~` at the start stands for `home`.
pub fn completions(typed: &str, home: Option<&Path>, filter: Filter) -> Vec<String> {
    let expanded = expand_home(typed, home);
    let (folder, prefix) = match expanded.rfind('/') {
        Some(i) => (expanded[..=i].to_owned(), expanded[i + 1..].to_owned()),
        None => ("./".to_owned(), expanded.clone()),
    };
    let Ok(entries) = list(Path::new(&folder), filter, prefix.starts_with('.')) else {
        return Vec::new();
    };
    let lead = if expanded.contains('/') {
        folder
    } else {
        String::new()
    };
    entries
        .into_iter()
        .filter(|e| e.name.starts_with(&prefix))
        .map(|e| {
            let mut path = format!("{lead}{}", e.name);
            if e.is_dir {
                path.push('/');
            }
            path
        })
        .collect()
}

/// What Tab makes of a typed path: the longest start all completions
/// share, when it is longer than what was typed; else the typed path.
pub fn complete(typed: &str, home: Option<&Path>, filter: Filter) -> String {
    let candidates = completions(typed, home, filter);
    let Some(first) = candidates.first() else {
        return typed.to_owned();
    };
    let mut shared = first.len();
    for other in &candidates[1..] {
        shared = shared.min(
            first
                .char_indices()
                .zip(other.chars())
                .find(|((_, a), b)| a != b)
                .map_or(first.len().min(other.len()), |((i, _), _)| i),
        );
    }
    let common = &first[..shared];
    if common.len() > expand_home(typed, home).len() {
        common.to_owned()
    } else {
        typed.to_owned()
    }
}

/// What became of a file in the Recent list since it was opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecentFate {
    /// Nothing is at the path any more (deleted or moved away).
    Gone,
    /// Something that is not a regular file is there now: a folder, a
    /// named pipe, a socket or a device (or a loop of symbolic links).
    NotAFile,
    /// The file is there but did not load when last tried.
    DidNotLoad,
}

/// What became of the recent file `path`, looked at on disk now; `None`
/// while it is still a file that loaded (or was not tried). `failed` holds
/// the files whose last load this session failed.
pub fn recent_fate(
    path: &Path,
    failed: &std::collections::BTreeSet<PathBuf>,
) -> Option<RecentFate> {
    match std::fs::metadata(path) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Some(RecentFate::Gone),
        Err(_) => Some(RecentFate::NotAFile),
        Ok(metadata) if !metadata.is_file() => Some(RecentFate::NotAFile),
        Ok(_) => failed.contains(path).then_some(RecentFate::DidNotLoad),
    }
}
