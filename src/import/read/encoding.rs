//! Telling a text's encoding from its bytes, and decoding it.
//!
//! In order: a byte-order mark settles it (UTF-8, UTF-16 LE or BE); bytes
//! with NULs in every other place are UTF-16 without a mark; bytes that
//! are valid UTF-8 are UTF-8. Anything else is a legacy encoding, guessed
//! by chardetng (Mozilla's detector, the one Firefox uses for unlabelled
//! pages: it scores GBK, Big5, `Shift_JIS`, windows-1252 and the rest by
//! the plausibility of their character pairs), with China's top-level
//! domain as the tie-breaker, since these are Shanghai's documents. The
//! guess is kept only when it decodes without a single malformed sequence
//! and rests on enough non-ASCII text to be sure of; otherwise the reader
//! answers with the encodings that do decode, each with a preview, for
//! the user to choose from.
//!
//! chardetng was compared with a hand-made rule (decode as GB18030, count
//! the share of CJK characters): the rule cannot tell windows-1252 English
//! with curly quotes from GBK (`’s` is a valid GBK pair) nor GBK from
//! Big5, both of which chardetng's pair statistics do; the rule survives
//! as the check on chardetng's answer ([`plausible`]).

use std::borrow::Cow;

use encoding_rs::{
    BIG5, Encoding, GB18030, GBK, SHIFT_JIS, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252,
};

/// A text encoding the reader can name and decode.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextEncoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16, little-endian (Windows' "Unicode").
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// GB18030, of which GBK and GB2312 are parts: the Chinese
    /// government's legacy encoding.
    Gb18030,
    /// Big5: traditional Chinese (Hong Kong, Taiwan).
    Big5,
    /// `Shift_JIS`: Japanese.
    ShiftJis,
    /// windows-1252: Western European, what "ANSI" means on an English
    /// Windows.
    Windows1252,
    /// Another encoding a page names, by its WHATWG name.
    Other(&'static str),
}

impl TextEncoding {
    /// The encodings offered when the reader is unsure, in this order.
    pub const CHOICES: [Self; 4] = [Self::Gb18030, Self::Big5, Self::Windows1252, Self::Utf8];

    /// The encoding's standard name ("UTF-8", "GB18030").
    pub fn name(self) -> &'static str {
        match self {
            Self::Utf8 => "UTF-8",
            Self::Utf16Le => "UTF-16LE",
            Self::Utf16Be => "UTF-16BE",
            Self::Gb18030 => "GB18030",
            Self::Big5 => "Big5",
            Self::ShiftJis => "Shift_JIS",
            Self::Windows1252 => "windows-1252",
            Self::Other(name) => name,
        }
    }

    /// The encoding for a label as pages and editors write it ("gb2312",
    /// "utf-8", "GBK"), if it is one.
    pub fn for_label(label: &str) -> Option<Self> {
        Encoding::for_label_no_replacement(label.trim().as_bytes()).map(Self::from_encoding)
    }

    pub(crate) fn from_encoding(encoding: &'static Encoding) -> Self {
        // GBK and GB2312 pages are decoded as GB18030, their superset, so
        // a character outside GBK that a page uses anyway is not lost.
        if encoding == GBK || encoding == GB18030 {
            Self::Gb18030
        } else if encoding == UTF_8 {
            Self::Utf8
        } else if encoding == UTF_16LE {
            Self::Utf16Le
        } else if encoding == UTF_16BE {
            Self::Utf16Be
        } else if encoding == BIG5 {
            Self::Big5
        } else if encoding == SHIFT_JIS {
            Self::ShiftJis
        } else if encoding == WINDOWS_1252 {
            Self::Windows1252
        } else {
            Self::Other(encoding.name())
        }
    }

    pub(crate) fn encoding(self) -> &'static Encoding {
        match self {
            Self::Utf8 => UTF_8,
            Self::Utf16Le => UTF_16LE,
            Self::Utf16Be => UTF_16BE,
            Self::Gb18030 => GB18030,
            Self::Big5 => BIG5,
            Self::ShiftJis => SHIFT_JIS,
            Self::Windows1252 => WINDOWS_1252,
            Self::Other(name) => Encoding::for_label(name.as_bytes()).unwrap_or(WINDOWS_1252),
        }
    }
}

impl std::fmt::Display for TextEncoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// One encoding the text could be in, with how the start of the text reads
/// in it, for the user to choose by eye.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// The encoding.
    pub encoding: TextEncoding,
    /// The first line with non-ASCII text, decoded in this encoding, at
    /// most [`PREVIEW_CHARS`] characters.
    pub preview: String,
}

/// The most characters a candidate's preview holds.
pub const PREVIEW_CHARS: usize = 60;

/// What the bytes' encoding is, or the encodings it may be.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Detected {
    /// The encoding, and the length of its byte-order mark (0 if none).
    Sure(TextEncoding, usize),
    /// Bytes with NULs that are not UTF-16: a binary file.
    Binary,
    /// The encodings that decode the bytes cleanly, the likeliest first.
    Unsure(Vec<Candidate>),
}

/// How many non-ASCII characters a legacy guess must rest on before it is
/// trusted without asking.
const ENOUGH_NON_ASCII: usize = 24;

/// How much of a file is looked at for NULs and fed to chardetng; enough
/// for any document's character statistics, and a 200 MB file is not
/// read twice.
const SAMPLE_BYTES: usize = 1 << 20;

/// Tells the encoding of `bytes`; see the module's documentation.
pub(crate) fn detect(bytes: &[u8]) -> Detected {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return Detected::Sure(TextEncoding::from_encoding(encoding), bom);
    }
    let sample = &bytes[..bytes.len().min(SAMPLE_BYTES)];
    if memchr::memchr(0, sample).is_some() {
        return utf16_without_bom(sample).map_or(Detected::Binary, |e| Detected::Sure(e, 0));
    }
    if std::str::from_utf8(bytes).is_ok() {
        return Detected::Sure(TextEncoding::Utf8, 0);
    }
    // A file cut in the middle of a character is still UTF-8.
    if let Err(error) = std::str::from_utf8(bytes)
        && error.error_len().is_none()
        && error.valid_up_to() + 4 > bytes.len()
    {
        return Detected::Sure(TextEncoding::Utf8, 0);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(sample, sample.len() == bytes.len());
    let guess =
        TextEncoding::from_encoding(detector.guess(Some(b"cn"), chardetng::Utf8Detection::Deny));
    if let Some(text) = decode_strict(guess, bytes)
        && plausible(guess, &text)
    {
        return Detected::Sure(guess, 0);
    }
    let mut candidates: Vec<Candidate> = Vec::new();
    for encoding in std::iter::once(guess).chain(TextEncoding::CHOICES) {
        if candidates.iter().any(|c| c.encoding == encoding) {
            continue;
        }
        if let Some(text) = decode_strict(encoding, sample_at_char_boundary(bytes)) {
            candidates.push(Candidate {
                encoding,
                preview: preview(&text),
            });
        }
    }
    // windows-1252 decodes any bytes; when nothing else does, it is the
    // answer.
    match candidates.as_slice() {
        [only] => Detected::Sure(only.encoding, 0),
        _ => Detected::Unsure(candidates),
    }
}

/// The first megabyte of `bytes`, for previews.
fn sample_at_char_boundary(bytes: &[u8]) -> &[u8] {
    // A preview needs the first lines only; 64 KiB hold them, and a
    // multi-byte character cut at the end is dropped by trimming the last
    // line, which previews never reach.
    let end = bytes.len().min(64 * 1024);
    let cut = bytes[..end]
        .iter()
        .rposition(|&b| b == b'\n')
        .unwrap_or(end);
    &bytes[..cut]
}

/// UTF-16 told by its NULs: ASCII-heavy UTF-16 has a NUL in every other
/// byte, at odd places for little-endian and even places for big-endian.
fn utf16_without_bom(sample: &[u8]) -> Option<TextEncoding> {
    let pairs = sample.len() / 2;
    if pairs < 4 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    // Most characters of an English or mixed text are ASCII; Chinese
    // UTF-16 has fewer NULs, but its line breaks and digits still give
    // some, and never on the other side.
    if odd * 5 >= pairs && even * 50 < pairs {
        Some(TextEncoding::Utf16Le)
    } else if even * 5 >= pairs && odd * 50 < pairs {
        Some(TextEncoding::Utf16Be)
    } else {
        None
    }
}

/// The text in `encoding`, if every byte decodes.
pub(crate) fn decode_strict(encoding: TextEncoding, bytes: &[u8]) -> Option<Cow<'_, str>> {
    encoding
        .encoding()
        .decode_without_bom_handling_and_without_replacement(bytes)
}

/// The text in `encoding` after a byte-order mark of `bom` bytes, each
/// malformed sequence replaced by U+FFFD; and how many were.
pub(crate) fn decode(encoding: TextEncoding, bytes: &[u8], bom: usize) -> (String, usize) {
    let bytes = bytes.get(bom..).unwrap_or_default();
    let (text, _) = encoding.encoding().decode_without_bom_handling(bytes);
    let text = text.into_owned();
    let replaced = if text.len() > bytes.len() || text.contains('\u{fffd}') {
        text.matches('\u{fffd}').count()
    } else {
        0
    };
    (text, replaced)
}

/// Whether text decoded as a legacy encoding reads as that encoding's
/// language: enough non-ASCII characters, and for the Chinese and
/// Japanese encodings, mostly of that script.
fn plausible(encoding: TextEncoding, text: &str) -> bool {
    let (mut cjk, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        if is_cjk(c) {
            cjk += 1;
        } else if !is_neutral(c) {
            other += 1;
        }
    }
    if cjk + other < ENOUGH_NON_ASCII {
        return false;
    }
    match encoding {
        TextEncoding::Gb18030 | TextEncoding::Big5 | TextEncoding::ShiftJis => {
            cjk * 10 >= (cjk + other) * 9
        }
        // Western text decoded as Chinese would be mostly CJK; decoded as
        // windows-1252 it has none.
        _ => cjk == 0,
    }
}

/// CJK ideographs, their punctuation, kana, full-width forms and circled
/// numbers.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2460}'..='\u{24ff}'
        | '\u{3000}'..='\u{30ff}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{ff00}'..='\u{ffef}'
        | '\u{20000}'..='\u{2fa1f}'
    )
}

/// Characters both scripts use: curly quotes, dashes, the ellipsis, the
/// middle dot, the degree and multiplication signs.
fn is_neutral(c: char) -> bool {
    matches!(
        c,
        '\u{2000}'..='\u{206f}' | '\u{a0}' | '\u{b0}' | '\u{b7}' | '\u{d7}'
    )
}

/// The first line with non-ASCII text (or the first line), shortened.
fn preview(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_ascii())
        .or_else(|| text.lines().map(str::trim).find(|l| !l.is_empty()))
        .unwrap_or_default();
    line.chars().take(PREVIEW_CHARS).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ZH: &str = "上海市加快推进医疗人工智能发展实施方案。一、提升原始创新能力。（一）深化前沿基础研究，力争产出一批引领性成果。";

    fn encoded(encoding: &'static Encoding, text: &str) -> Vec<u8> {
        encoding.encode(text).0.into_owned()
    }

    #[test]
    fn a_byte_order_mark_settles_the_encoding() {
        let mut le = vec![0xff, 0xfe];
        le.extend(ZH.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(detect(&le), Detected::Sure(TextEncoding::Utf16Le, 2));
        let mut be = vec![0xfe, 0xff];
        be.extend(ZH.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(detect(&be), Detected::Sure(TextEncoding::Utf16Be, 2));
        let utf8 = [b"\xef\xbb\xbf".as_slice(), ZH.as_bytes()].concat();
        assert_eq!(detect(&utf8), Detected::Sure(TextEncoding::Utf8, 3));
    }

    #[test]
    fn gb18030_is_told_from_its_characters() {
        let bytes = encoded(GB18030, ZH);
        assert_eq!(detect(&bytes), Detected::Sure(TextEncoding::Gb18030, 0));
        let (text, replaced) = decode(TextEncoding::Gb18030, &bytes, 0);
        assert_eq!((text.as_str(), replaced), (ZH, 0));
    }

    #[test]
    fn english_utf16_without_a_mark_is_told_by_its_nuls() {
        let bytes: Vec<u8> = "Working Plan of Shanghai\r\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(detect(&bytes), Detected::Sure(TextEncoding::Utf16Le, 0));
    }

    #[test]
    fn binary_bytes_are_not_text() {
        let bytes: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
        assert_eq!(detect(&bytes), Detected::Binary);
    }

    #[test]
    fn a_few_legacy_bytes_leave_the_reader_unsure() {
        // Four characters are too little to go on: GB18030 and
        // windows-1252 both decode them, so the user is asked.
        let bytes = encoded(GB18030, "一、提升\n");
        let Detected::Unsure(candidates) = detect(&bytes) else {
            panic!("unsure expected");
        };
        let previews: Vec<_> = candidates
            .iter()
            .map(|c| (c.encoding, c.preview.as_str()))
            .collect();
        assert!(
            previews.contains(&(TextEncoding::Gb18030, "一、提升")),
            "{previews:?}"
        );
        assert!(
            previews
                .iter()
                .any(|(e, _)| *e == TextEncoding::Windows1252)
        );
    }

    #[test]
    fn what_only_windows_1252_decodes_is_windows_1252() {
        // "caf\xe9 " is a GBK lead byte followed by a space: not GBK.
        assert_eq!(
            detect(b"Plan caf\xe9 notes\n"),
            Detected::Sure(TextEncoding::Windows1252, 0)
        );
    }

    #[test]
    fn labels_name_encodings() {
        assert_eq!(
            TextEncoding::for_label("gb2312"),
            Some(TextEncoding::Gb18030)
        );
        assert_eq!(TextEncoding::for_label(" UTF-8 "), Some(TextEncoding::Utf8));
        assert_eq!(TextEncoding::for_label("nonsense"), None);
        assert_eq!(TextEncoding::Gb18030.name(), "GB18030");
    }
}
