//! Why the system refused to read or write a file, typed by kind so it
//! can be worded in any language, with the system's own words kept for
//! English.

/// Why the system refused to read or write a file: the kind of refusal,
/// for wording it in any language, and the system's own words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IoReason {
    /// What kind of refusal.
    pub kind: IoKind,
    /// The system's error number, where there is one.
    pub os_code: Option<i32>,
    /// The system's words, as Rust prints them ("Permission denied (os
    /// error 13)").
    pub text: String,
}

/// The refusals worded in every language; any other is shown in the
/// system's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IoKind {
    /// No permission (`EACCES`).
    PermissionDenied,
    /// The operation is not permitted (`EPERM`).
    NotPermitted,
    /// No such file or folder.
    NotFound,
    /// A read-only file system.
    ReadOnlyFilesystem,
    /// The disk is full.
    StorageFull,
    /// The disk quota is used up.
    QuotaExceeded,
    /// A file name over the system's limit.
    NameTooLong,
    /// A folder where a file belongs.
    IsADirectory,
    /// A file where a folder belongs.
    NotADirectory,
    /// Symbolic links that lead back to themselves (`ELOOP`).
    SymlinkLoop,
    /// Anything else.
    Other,
}

impl IoReason {
    /// The reason inside `error`. The error number is the error's own, or
    /// read from the `(os error N)` Rust ends the system's words with when
    /// a library wrapped the error and kept only its text.
    pub fn of(error: &std::io::Error) -> Self {
        let text = error.to_string();
        let os_code = error.raw_os_error().or_else(|| {
            text.strip_suffix(')')
                .and_then(|rest| rest.rsplit_once("(os error "))
                .and_then(|(_, code)| code.parse().ok())
        });
        Self {
            kind: IoKind::of(error.kind(), os_code),
            os_code,
            text,
        }
    }
}

impl IoKind {
    fn of(kind: std::io::ErrorKind, os_code: Option<i32>) -> Self {
        use std::io::ErrorKind as E;
        match kind {
            #[cfg(unix)]
            E::PermissionDenied if os_code == Some(libc::EPERM) => Self::NotPermitted,
            E::PermissionDenied => Self::PermissionDenied,
            E::NotFound => Self::NotFound,
            E::ReadOnlyFilesystem => Self::ReadOnlyFilesystem,
            E::StorageFull => Self::StorageFull,
            E::QuotaExceeded => Self::QuotaExceeded,
            // On Unix only a name too long is an invalid file name.
            #[cfg(unix)]
            E::InvalidFilename => Self::NameTooLong,
            E::IsADirectory => Self::IsADirectory,
            E::NotADirectory => Self::NotADirectory,
            #[cfg(unix)]
            _ if os_code == Some(libc::ELOOP) => Self::SymlinkLoop,
            _ => Self::Other,
        }
    }
}

impl std::fmt::Display for IoReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_systems_reasons_are_classified_by_kind_and_number() {
        let denied = IoReason::of(&std::io::Error::from_raw_os_error(13));
        assert_eq!(denied.kind, IoKind::PermissionDenied);
        assert_eq!(denied.os_code, Some(13));
        assert_eq!(denied.text, "Permission denied (os error 13)");
        // A wrapped error keeps its kind and its text's number.
        let wrapped = IoReason::of(&std::io::Error::new(
            std::io::ErrorKind::StorageFull,
            "No space left on device (os error 28)",
        ));
        assert_eq!(wrapped.kind, IoKind::StorageFull);
        assert_eq!(wrapped.os_code, Some(28));
        #[cfg(unix)]
        assert_eq!(
            IoReason::of(&std::io::Error::from_raw_os_error(libc::EPERM)).kind,
            IoKind::NotPermitted
        );
    }
}
