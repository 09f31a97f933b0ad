//! Writing files the user asked for: chart pictures (PNG, SVG, PDF), their
//! CSV data, and screenshots.
//!
//! Every write goes to a temporary file in the target's folder first and is
//! renamed over the target only when complete, so a full disk or a bad name
//! never leaves a partial file or spoils an existing one. (A process killed
//! mid-write can leave its hidden `.plan-explorer-*.part` file behind; the
//! target is still whole.)

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::dataset::IoReason;

/// Why a file could not be written.
///
/// Its English is its `Display`; `src/i18n/writers.rs` words it in each
/// language.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WriteError {
    /// The folder the file should go into is not there.
    NoFolder {
        /// The file asked for.
        path: PathBuf,
        /// Its folder.
        folder: PathBuf,
    },
    /// The path names a folder, not a file.
    IsFolder {
        /// The path asked for.
        path: PathBuf,
    },
    /// The operating system refused (no permission, disk full, bad name...).
    Io {
        /// The file asked for.
        path: PathBuf,
        /// Why the system refused.
        reason: IoReason,
    },
    /// The file exists and was not to be replaced.
    Exists {
        /// The file asked for.
        path: PathBuf,
    },
    /// The name ends in none of `.png`, `.svg`, `.pdf`, `.csv`.
    Extension {
        /// The path asked for.
        path: PathBuf,
    },
    /// The picture could not be encoded.
    Encode {
        /// The file asked for.
        path: PathBuf,
        /// What the encoder said.
        message: String,
    },
}

/// What an export writes, told by the file's extension: `.png`, `.svg`,
/// `.pdf` or `.csv`, in any case.
pub fn format_of(path: &Path) -> Result<crate::chart::Format, WriteError> {
    crate::chart::Format::of_path(path).ok_or_else(|| WriteError::Extension {
        path: path.to_owned(),
    })
}

/// Writes `bytes` to `path` atomically: all of them, or nothing at all.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write(path, bytes, true)
}

/// Like [`write_atomic`], but never replaces a file: one that appeared
/// since the user was asked (or was never asked about) is kept, and the
/// answer is [`WriteError::Exists`].
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write(path, bytes, false)
}

/// Writes `bytes` to `path` atomically, replacing a file there only when
/// `replace` (the user agreed, or `--force`): [`write_atomic`] or
/// [`write_new`] as the caller's flag says.
pub fn write(path: &Path, bytes: &[u8], replace: bool) -> Result<(), WriteError> {
    if path.is_dir() {
        return Err(WriteError::IsFolder {
            path: path.to_owned(),
        });
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    match std::fs::metadata(&folder) {
        Ok(meta) if meta.is_dir() => {}
        // A folder that cannot be looked at (symbolic links in a loop, no
        // permission) is said for what it is, not as missing.
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
            return Err(WriteError::Io {
                path: path.to_owned(),
                reason: IoReason::of(&error),
            });
        }
        _ => {
            return Err(WriteError::NoFolder {
                path: path.to_owned(),
                folder,
            });
        }
    }
    // tempfile adds the temporary file's name to its errors; the user
    // asked for `path`, so only the system's reason is kept.
    let io = |source: std::io::Error| WriteError::Io {
        path: path.to_owned(),
        reason: IoReason::of(&os_reason(source)),
    };
    // The temporary file is removed if anything below fails. It gets the
    // replaced file's permissions, or a new file's usual ones (tempfile's
    // own are private to the owner, wrong for a picture to share).
    let mut builder = tempfile::Builder::new();
    builder.prefix(".plan-explorer-").suffix(".part");
    match std::fs::metadata(path) {
        Ok(existing) => {
            builder.permissions(existing.permissions());
        }
        Err(_) => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt as _;
                builder.permissions(std::fs::Permissions::from_mode(0o644));
            }
        }
    }
    let mut temp = builder.tempfile_in(&folder).map_err(io)?;
    temp.write_all(bytes).map_err(io)?;
    temp.as_file().sync_all().map_err(io)?;
    if replace {
        temp.persist(path).map_err(|error| io(error.error))?;
    } else {
        temp.persist_noclobber(path).map_err(|error| {
            if error.error.kind() == std::io::ErrorKind::AlreadyExists {
                WriteError::Exists {
                    path: path.to_owned(),
                }
            } else {
                io(error.error)
            }
        })?;
    }
    Ok(())
}

/// Encodes an 8-bit RGBA picture (rows top to bottom, unpremultiplied) as
/// PNG. `path` only names the file in an error.
pub fn png_bytes(path: &Path, width: u32, height: u32, rgba: &[u8]) -> Result<Vec<u8>, WriteError> {
    let encode = |message: String| WriteError::Encode {
        path: path.to_owned(),
        message,
    };
    let expected = u64::from(width) * u64::from(height) * 4;
    if rgba.len() as u64 != expected || width == 0 || height == 0 {
        return Err(encode(format!(
            "{} bytes of pixels for a {width}x{height} picture",
            rgba.len()
        )));
    }
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder
        .write_header()
        .map_err(|error| encode(error.to_string()))?;
    writer
        .write_image_data(rgba)
        .map_err(|error| encode(error.to_string()))?;
    writer.finish().map_err(|error| encode(error.to_string()))?;
    Ok(bytes)
}

/// The system's reason inside `error`: tempfile writes its errors as
/// `<reason> at path "<temporary file>"` and keeps the system's error
/// private, so the temporary file's name, which is not what the user asked
/// to write, is cut from the text.
fn os_reason(error: std::io::Error) -> std::io::Error {
    if error.raw_os_error().is_some() {
        return error;
    }
    let text = error.to_string();
    match text.rfind(" at path \"") {
        Some(end) => std::io::Error::new(error.kind(), &text[..end]),
        None => error,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_replaces_the_file_whole_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out.png");
        std::fs::write(&path, b"old").expect("write");
        let png = png_bytes(&path, 2, 1, &[255, 0, 0, 255, 0, 0, 255, 255]).expect("encodes");
        write_atomic(&path, &png).expect("writes");
        assert_eq!(std::fs::read(&path).expect("reads"), png);
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("lists")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("out.png")]);
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_readable_by_others_and_a_replaced_one_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out.csv");
        write_atomic(&path, b"a").expect("writes");
        let mode = |p: &Path| std::fs::metadata(p).expect("exists").permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o644);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).expect("sets");
        write_atomic(&path, b"b").expect("writes");
        assert_eq!(mode(&path), 0o600);
    }

    #[test]
    fn a_new_file_never_replaces_one_that_appeared_meanwhile() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out.csv");
        write_new(&path, b"first").expect("writes");
        let error = write_new(&path, b"second").expect_err("exists");
        assert!(matches!(error, WriteError::Exists { .. }), "{error}");
        assert_eq!(std::fs::read(&path).expect("reads"), b"first");
        assert_eq!(std::fs::read_dir(dir.path()).expect("lists").count(), 1);
    }

    #[test]
    fn a_missing_folder_or_a_folder_as_target_is_named() {
        let dir = tempfile::tempdir().expect("temp dir");
        let missing = dir.path().join("no/such/out.png");
        let error = write_atomic(&missing, b"x").expect_err("fails");
        assert!(matches!(error, WriteError::NoFolder { .. }), "{error}");
        assert!(error.to_string().contains("does not exist"), "{error}");
        let error = write_atomic(dir.path(), b"x").expect_err("fails");
        assert!(error.to_string().contains("it is a folder"), "{error}");
    }

    #[test]
    fn pixels_that_do_not_fit_the_size_are_refused() {
        let error = png_bytes(Path::new("x.png"), 2, 2, &[0; 4]).expect_err("fails");
        assert!(error.to_string().contains("2x2"), "{error}");
    }
}
