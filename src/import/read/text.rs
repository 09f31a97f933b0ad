//! Plain text: its encoding told or asked for, then its lines tidied into
//! paragraphs, which every format's reader ends with.

use std::path::Path;

use super::encoding::{self, Detected, TextEncoding};
use super::{Note, ReadDocError};

/// A paragraph longer than this many characters is noted: a text of one
/// long line has lost its line breaks, and the draft will find its
/// numbering only where a number follows a full stop.
pub const LONG_PARAGRAPH_CHARS: usize = 100_000;

/// Decodes `bytes` as `forced`, or as the encoding they are detected to
/// be; unsure or binary bytes are an error that says so.
pub(super) fn decode(
    file: &Path,
    bytes: &[u8],
    forced: Option<TextEncoding>,
    notes: &mut Vec<Note>,
) -> Result<(String, TextEncoding), ReadDocError> {
    let (encoding, bom) = match forced {
        Some(encoding) => {
            let bom = encoding_rs::Encoding::for_bom(bytes)
                .filter(|(e, _)| TextEncoding::from_encoding(e) == encoding)
                .map_or(0, |(_, len)| len);
            (encoding, bom)
        }
        None => match encoding::detect(bytes) {
            Detected::Sure(encoding, bom) => (encoding, bom),
            Detected::Binary => return Err(ReadDocError::NotText { file: file.into() }),
            Detected::Unsure(candidates) => {
                return Err(ReadDocError::UnsureEncoding {
                    file: file.into(),
                    candidates,
                });
            }
        },
    };
    let (text, replaced) = encoding::decode(encoding, bytes, bom);
    if replaced > 0 {
        notes.push(Note::Undecodable {
            encoding,
            count: replaced,
        });
    }
    Ok((text, encoding))
}

/// The text as paragraphs, one a line: line ends made `\n` (CR LF, a lone
/// CR, a form feed, Unicode's line and paragraph separators), control
/// characters other than tabs dropped, each line trimmed of white space
/// (the indent of two ideographic spaces Chinese documents open a
/// paragraph with is layout, not text), runs of blank lines made one, and
/// none at either end.
pub(super) fn paragraphs(text: &str, notes: &mut Vec<Note>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    let mut longest = 0;
    for line in text.split(['\n', '\r', '\u{c}', '\u{2028}', '\u{2029}']) {
        let line = line.trim_matches(is_space);
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
            if blank {
                out.push('\n');
            }
        }
        blank = false;
        let before = out.len();
        if line.chars().any(|c| c.is_control() && c != '\t') {
            out.extend(line.chars().filter(|&c| !c.is_control() || c == '\t'));
        } else {
            out.push_str(line);
        }
        longest = longest.max(out.len() - before);
    }
    if longest > LONG_PARAGRAPH_CHARS {
        let chars = out
            .split('\n')
            .map(|l| l.chars().count())
            .max()
            .unwrap_or_default();
        notes.push(Note::LongParagraph { chars });
    }
    out
}

/// White space at a line's ends: Unicode's, which takes in the
/// no-break and ideographic spaces, and the zero-width marks editors leave.
pub(super) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}' | '\u{200e}' | '\u{200f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_tidied_into_paragraphs() {
        let mut notes = Vec::new();
        let text = "\u{feff}\r\n\u{3000}\u{3000}一、总体要求\r\n\r\n\r\n（一）目标。\u{7}\r第二段\u{c}第三段  \n\n";
        assert_eq!(
            paragraphs(text, &mut notes),
            "一、总体要求\n\n（一）目标。\n第二段\n第三段"
        );
        assert!(notes.is_empty());
    }

    #[test]
    fn one_very_long_line_is_noted() {
        let mut notes = Vec::new();
        let line = "word ".repeat(30_000);
        let text = paragraphs(&line, &mut notes);
        assert_eq!(text.len(), 149_999);
        assert_eq!(notes, [Note::LongParagraph { chars: 149_999 }]);
    }
}
