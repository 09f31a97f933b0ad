//! What a problem is: a kind with the values it names (a year and its
//! range, a kind of record and an id, the type found), and a stable code
//! for scripts.
//!
//! Nothing here is worded (but `serde_json`'s own reasons, kept to
//! classify them): `src/i18n/problems.rs` words each kind in English and
//! Chinese side by side, and the English is what `validate` prints and its
//! JSON report's `message` holds.

use super::ReadError;
use super::model::SmolStr;

/// What is wrong, with the values the message names.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// The file is over the size limit.
    FileTooLarge {
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file holds nothing but white space.
    FileEmpty,
    /// A byte is not UTF-8; the problem's line and column say where.
    NotUtf8 {
        /// The first invalid byte.
        byte: u8,
        /// The encoding the bytes most likely are in, if one decodes them.
        likely: Option<&'static str>,
    },
    /// The load was cancelled.
    Cancelled,
    /// The text ends in the middle of a value.
    EndsEarly(SyntaxReason),
    /// The text is not JSON.
    InvalidJson(SyntaxReason),
    /// An object repeats a key.
    DuplicateKey {
        /// The key.
        key: String,
    },
    /// Any other error that stopped parsing, in `serde_json`'s words.
    Unparsed {
        /// What the parser said.
        message: String,
    },
    /// The document is not an object.
    NotADataset {
        /// What it is instead.
        found: Found,
    },
    /// A field no record has; it is ignored.
    UnknownField,
    /// A required field is absent or null.
    MissingField,
    /// A value of the wrong type.
    WrongType {
        /// What the field takes.
        expected: Expected,
        /// What it holds.
        found: Found,
    },
    /// A required text is blank.
    Blank,
    /// A text longer than one field may be (a 100 MB paste, say): refused
    /// rather than carried into the tree, the details and the briefings.
    TextTooLong {
        /// Its length in bytes.
        bytes: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// An element of a list is null.
    NullElement,
    /// An editors' translation carries the mark 〔译〕 the app adds.
    TranslationMarked,
    /// An editors' translation beside the Chinese a document prints.
    TranslationNeverShown {
        /// The key of the printed Chinese, e.g. `title_zh`.
        printed_key: String,
    },
    /// An id is the empty string.
    IdEmpty,
    /// An id is longer than the limit.
    IdTooLong {
        /// The limit in bytes.
        max: usize,
    },
    /// An id holds a character ids do not use.
    IdCharacter {
        /// The id.
        id: SmolStr,
        /// The first character not allowed.
        character: char,
    },
    /// A year outside the plausible range.
    ImplausibleYear {
        /// The year written.
        year: i64,
        /// The first plausible year.
        min: i64,
        /// The last plausible year.
        max: i64,
    },
    /// Two records of a kind share an id.
    DuplicateId {
        /// The kind of record.
        record: RecordKind,
        /// The id.
        id: SmolStr,
    },
    /// A list names the same record twice.
    ListedTwice {
        /// The kind of record.
        record: RecordKind,
        /// The id.
        id: SmolStr,
    },
    /// A reference to an id no record has.
    Unknown {
        /// The kind of record.
        record: RecordKind,
        /// The id.
        id: SmolStr,
    },
    /// A date not in the form it must have.
    BadDate {
        /// The form it must have.
        form: DateForm,
        /// What is written.
        found: String,
    },
    /// A `schema_version` this program does not read.
    UnsupportedSchemaVersion {
        /// The version written.
        version: i64,
        /// The versions this program reads.
        supported: &'static [i64],
    },
    /// A source's file is a path, not a plain name.
    NotAFileName {
        /// What is written.
        found: String,
    },
    /// A source with neither a file nor a URL.
    SourceWithoutFileOrUrl,
    /// A period that starts after it ends.
    PeriodReversed {
        /// The first year.
        start: i32,
        /// The last year.
        end: i32,
    },
    /// A share outside 0-100 percent.
    ShareOutOfRange {
        /// The value.
        value: f64,
    },
    /// A growth rate of -100 percent or less.
    GrowthRateTooLow {
        /// The value.
        value: f64,
    },
    /// A negative value where none can be.
    Negative {
        /// The value.
        value: f64,
    },
    /// A count that is negative or not whole.
    CountNotWhole {
        /// The value.
        value: f64,
    },
    /// A value that is not a finite number.
    NotFinite {
        /// The value.
        value: f64,
    },
    /// An exchange rate's amount that is not positive.
    AmountNotPositive {
        /// The value.
        value: f64,
    },
    /// A district the districts table does not know.
    UnknownDistrict {
        /// The spelling used.
        spelling: String,
    },
    /// A district's name or alias that another district already has.
    DistrictNameTaken {
        /// The spelling.
        spelling: String,
    },
    /// A fact's value without its unit.
    ValueWithoutUnit,
    /// A fact's unit without a value.
    UnitWithoutValue,
    /// A figure that names itself.
    FigureItself {
        /// Its id.
        id: SmolStr,
    },
    /// A fund's part that is not a fund.
    NotAFund {
        /// The part's id.
        id: SmolStr,
    },
    /// A total or its parts given per recipient.
    PerRecipientParts,
    /// A fund's parts that do not add up to it.
    PartsMismatch {
        /// The parts' ids.
        parts: Vec<SmolStr>,
        /// What they add up to, in yuan.
        sum: f64,
        /// What the fund states, in yuan.
        stated: f64,
        /// Whether the fund states "over" its amount.
        over: bool,
        /// Whether the fund's caveat explains the difference.
        explained: bool,
    },
    /// More problems than are kept.
    MoreProblems {
        /// How many more.
        more: usize,
        /// How many of them are errors.
        errors: usize,
    },
    /// A source without a file, whose quotes cannot be proven.
    SourceWithoutFile {
        /// Its id.
        id: SmolStr,
    },
    /// A source's text could not be read.
    SourceUnreadable(Box<ReadError>),
    /// A series' Chinese title with no point citing a document.
    ChineseTitleUnprovable,
    /// Words not found in the documents that should hold them.
    NotVerbatim {
        /// The documents, each by its file name or else its id (one or
        /// more).
        files: Vec<String>,
        /// The words, cut to 80 characters.
        quote: String,
        /// The passage of the document nearest to the words, when one
        /// shares enough of them.
        nearest: Option<Box<super::nearest::Nearest>>,
    },
    /// A `sha256` that is not 64 hexadecimal digits.
    BadHash {
        /// What the field holds, cut short.
        found: String,
    },
    /// A text whose SHA-256 is not the one stated.
    HashMismatch {
        /// The stated hash.
        stated: String,
        /// The text's own.
        actual: String,
    },
    /// A source whose text is the same as an earlier source's.
    SameText {
        /// The earlier source's id.
        other: SmolStr,
    },
    /// A `language` that is not a language tag.
    BadLanguage {
        /// What the field holds, cut short.
        found: String,
    },
    /// A translator named for a text said to be the original.
    TranslatorOfOriginal,
    /// A node's lead unit that is not among its responsible units.
    LeadNotResponsible {
        /// The unit's id.
        id: SmolStr,
    },
}

impl ProblemKind {
    /// A stable name of the kind for scripts, such as `implausible_year`:
    /// the `code` of `validate --json`. Never reworded.
    pub fn code(&self) -> &'static str {
        match self {
            Self::FileTooLarge { .. } => "file_too_large",
            Self::FileEmpty => "file_empty",
            Self::NotUtf8 { .. } => "not_utf8",
            Self::Cancelled => "cancelled",
            Self::EndsEarly(_) => "ends_early",
            Self::InvalidJson(_) => "invalid_json",
            Self::DuplicateKey { .. } => "duplicate_key",
            Self::Unparsed { .. } => "unparsed",
            Self::NotADataset { .. } => "not_a_dataset",
            Self::UnknownField => "unknown_field",
            Self::MissingField => "missing_field",
            Self::WrongType { .. } => "wrong_type",
            Self::Blank => "blank",
            Self::TextTooLong { .. } => "text_too_long",
            Self::NullElement => "null_element",
            Self::TranslationMarked => "translation_marked",
            Self::TranslationNeverShown { .. } => "translation_never_shown",
            Self::IdEmpty => "id_empty",
            Self::IdTooLong { .. } => "id_too_long",
            Self::IdCharacter { .. } => "id_character",
            Self::ImplausibleYear { .. } => "implausible_year",
            Self::DuplicateId { .. } => "duplicate_id",
            Self::ListedTwice { .. } => "listed_twice",
            Self::Unknown { .. } => "unknown_reference",
            Self::BadDate { .. } => "bad_date",
            Self::UnsupportedSchemaVersion { .. } => "unsupported_schema_version",
            Self::NotAFileName { .. } => "not_a_file_name",
            Self::SourceWithoutFileOrUrl => "source_without_file_or_url",
            Self::PeriodReversed { .. } => "period_reversed",
            Self::ShareOutOfRange { .. } => "share_out_of_range",
            Self::GrowthRateTooLow { .. } => "growth_rate_too_low",
            Self::Negative { .. } => "negative",
            Self::CountNotWhole { .. } => "count_not_whole",
            Self::NotFinite { .. } => "not_finite",
            Self::AmountNotPositive { .. } => "amount_not_positive",
            Self::UnknownDistrict { .. } => "unknown_district",
            Self::DistrictNameTaken { .. } => "district_name_taken",
            Self::ValueWithoutUnit => "value_without_unit",
            Self::UnitWithoutValue => "unit_without_value",
            Self::FigureItself { .. } => "figure_itself",
            Self::NotAFund { .. } => "not_a_fund",
            Self::PerRecipientParts => "per_recipient_parts",
            Self::PartsMismatch { .. } => "parts_mismatch",
            Self::MoreProblems { .. } => "more_problems",
            Self::SourceWithoutFile { .. } => "source_without_file",
            Self::SourceUnreadable(_) => "source_unreadable",
            Self::ChineseTitleUnprovable => "chinese_title_unprovable",
            Self::NotVerbatim { .. } => "not_verbatim",
            Self::BadHash { .. } => "bad_hash",
            Self::HashMismatch { .. } => "hash_mismatch",
            Self::SameText { .. } => "same_text",
            Self::BadLanguage { .. } => "bad_language",
            Self::TranslatorOfOriginal => "translator_of_original",
            Self::LeadNotResponsible { .. } => "lead_not_responsible",
        }
    }
}

/// A kind of record, as messages name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RecordKind {
    /// A chapter, measure or item of a plan.
    Node,
    /// A source document.
    Source,
    /// A responsible unit.
    Unit,
    /// A theme.
    Theme,
    /// A plan.
    Plan,
    /// A series, point, fund, target or fact.
    Figure,
    /// A district of the districts table.
    District,
    /// An exchange rate.
    ExchangeRate,
}

/// The form a date must have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateForm {
    /// `YYYY-MM-DD`.
    Day,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    YearMonthOrDay,
}

/// What a field takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// A string.
    String,
    /// A number.
    Number,
    /// A whole number.
    WholeNumber,
    /// `true` or `false`.
    Bool,
    /// An array.
    Array,
    /// An object.
    Object,
    /// One of these names (a string enum's JSON names).
    OneOf(&'static [&'static str]),
}

/// What a field holds instead of what it takes.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(JsonNumber),
    /// A string, cut to 40 characters.
    String(String),
    /// An array.
    Array,
    /// An object.
    Object,
    /// `null`.
    Null,
}

/// A number as the parser read it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum JsonNumber {
    /// A negative whole number.
    Int(i64),
    /// A whole number of at least 0.
    Uint(u64),
    /// Any other number.
    Float(f64),
}

impl std::fmt::Display for JsonNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Int(n) => write!(f, "{n}"),
            Self::Uint(n) => write!(f, "{n}"),
            Self::Float(n) => write!(f, "{n}"),
        }
    }
}

/// Why the text is not JSON: `serde_json`'s reasons, classified once where
/// the error is made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyntaxReason {
    /// The text ends inside a value.
    EofWhileParsingValue,
    /// The text ends inside an object.
    EofWhileParsingObject,
    /// The text ends inside an array.
    EofWhileParsingList,
    /// The text ends inside a string.
    EofWhileParsingString,
    /// An object goes on without a comma or closing brace.
    ExpectedObjectCommaOrEnd,
    /// An array goes on without a comma or closing bracket.
    ExpectedListCommaOrEnd,
    /// A key without its colon.
    ExpectedColon,
    /// No value where one belongs.
    ExpectedValue,
    /// A misspelt `true`, `false` or `null`.
    ExpectedIdent,
    /// A key that does not start with a quote.
    ExpectedDoubleQuote,
    /// A comma before a closing bracket or brace.
    TrailingComma,
    /// Text after the document.
    TrailingCharacters,
    /// A key that is not a string.
    KeyMustBeAString,
    /// A malformed number.
    InvalidNumber,
    /// A number too large to hold.
    NumberOutOfRange,
    /// A backslash escape JSON does not have.
    InvalidEscape,
    /// A `\u` escape that is no character.
    InvalidUnicodeCodePoint,
    /// A control character inside a string.
    ControlCharacter,
    /// A lone leading surrogate in a `\u` escape.
    LoneLeadingSurrogate,
    /// A `\u` escape cut short.
    UnexpectedEndOfHexEscape,
    /// Nesting deeper than the parser goes.
    RecursionLimitExceeded,
    /// Anything else, in the parser's words.
    Other(String),
}

impl SyntaxReason {
    /// Every reason but [`Self::Other`], with `serde_json`'s words for it.
    const KNOWN: &[(&str, Self)] = &[
        ("EOF while parsing a value", Self::EofWhileParsingValue),
        ("EOF while parsing an object", Self::EofWhileParsingObject),
        ("EOF while parsing a list", Self::EofWhileParsingList),
        ("EOF while parsing a string", Self::EofWhileParsingString),
        ("expected `,` or `}`", Self::ExpectedObjectCommaOrEnd),
        ("expected `,` or `]`", Self::ExpectedListCommaOrEnd),
        ("expected `:`", Self::ExpectedColon),
        ("expected value", Self::ExpectedValue),
        ("expected ident", Self::ExpectedIdent),
        ("expected `\"`", Self::ExpectedDoubleQuote),
        ("trailing comma", Self::TrailingComma),
        ("trailing characters", Self::TrailingCharacters),
        ("key must be a string", Self::KeyMustBeAString),
        ("invalid number", Self::InvalidNumber),
        ("number out of range", Self::NumberOutOfRange),
        ("invalid escape", Self::InvalidEscape),
        ("invalid unicode code point", Self::InvalidUnicodeCodePoint),
        (
            "control character (\\u0000-\\u001F) found while parsing a string",
            Self::ControlCharacter,
        ),
        (
            "lone leading surrogate in hex escape",
            Self::LoneLeadingSurrogate,
        ),
        (
            "unexpected end of hex escape",
            Self::UnexpectedEndOfHexEscape,
        ),
        ("recursion limit exceeded", Self::RecursionLimitExceeded),
    ];

    /// The reason `serde_json` gave, without its location.
    pub fn of(message: &str) -> Self {
        Self::KNOWN
            .iter()
            .find(|(words, _)| *words == message)
            .map_or_else(
                || Self::Other(message.to_owned()),
                |(_, reason)| reason.clone(),
            )
    }

    /// The parser's own words.
    pub fn english(&self) -> &str {
        match self {
            Self::Other(message) => message,
            known => Self::KNOWN
                .iter()
                .find(|(_, reason)| reason == known)
                .map_or("", |(words, _)| words),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of each kind, with the code scripts know it by.
    #[expect(clippy::too_many_lines, reason = "One entry per kind.")]
    fn every_kind() -> Vec<(ProblemKind, &'static str)> {
        let id = SmolStr::from("x");
        let record = RecordKind::Node;
        vec![
            (
                ProblemKind::FileTooLarge { size: 2, limit: 1 },
                "file_too_large",
            ),
            (ProblemKind::FileEmpty, "file_empty"),
            (
                ProblemKind::NotUtf8 {
                    byte: 0xff,
                    likely: None,
                },
                "not_utf8",
            ),
            (ProblemKind::Cancelled, "cancelled"),
            (
                ProblemKind::EndsEarly(SyntaxReason::EofWhileParsingValue),
                "ends_early",
            ),
            (
                ProblemKind::InvalidJson(SyntaxReason::TrailingComma),
                "invalid_json",
            ),
            (
                ProblemKind::DuplicateKey { key: "k".into() },
                "duplicate_key",
            ),
            (
                ProblemKind::Unparsed {
                    message: "m".into(),
                },
                "unparsed",
            ),
            (
                ProblemKind::NotADataset { found: Found::Null },
                "not_a_dataset",
            ),
            (ProblemKind::UnknownField, "unknown_field"),
            (ProblemKind::MissingField, "missing_field"),
            (
                ProblemKind::WrongType {
                    expected: Expected::String,
                    found: Found::Array,
                },
                "wrong_type",
            ),
            (ProblemKind::Blank, "blank"),
            (
                ProblemKind::TextTooLong { bytes: 2, limit: 1 },
                "text_too_long",
            ),
            (ProblemKind::NullElement, "null_element"),
            (ProblemKind::TranslationMarked, "translation_marked"),
            (
                ProblemKind::TranslationNeverShown {
                    printed_key: "title_zh".into(),
                },
                "translation_never_shown",
            ),
            (ProblemKind::IdEmpty, "id_empty"),
            (ProblemKind::IdTooLong { max: 128 }, "id_too_long"),
            (
                ProblemKind::IdCharacter {
                    id: id.clone(),
                    character: ' ',
                },
                "id_character",
            ),
            (
                ProblemKind::ImplausibleYear {
                    year: 1,
                    min: 1949,
                    max: 2100,
                },
                "implausible_year",
            ),
            (
                ProblemKind::DuplicateId {
                    record,
                    id: id.clone(),
                },
                "duplicate_id",
            ),
            (
                ProblemKind::ListedTwice {
                    record,
                    id: id.clone(),
                },
                "listed_twice",
            ),
            (
                ProblemKind::Unknown {
                    record,
                    id: id.clone(),
                },
                "unknown_reference",
            ),
            (
                ProblemKind::BadDate {
                    form: DateForm::Day,
                    found: "2025".into(),
                },
                "bad_date",
            ),
            (
                ProblemKind::UnsupportedSchemaVersion {
                    version: 2,
                    supported: &[1],
                },
                "unsupported_schema_version",
            ),
            (
                ProblemKind::NotAFileName {
                    found: "a/b".into(),
                },
                "not_a_file_name",
            ),
            (
                ProblemKind::SourceWithoutFileOrUrl,
                "source_without_file_or_url",
            ),
            (
                ProblemKind::PeriodReversed { start: 2, end: 1 },
                "period_reversed",
            ),
            (
                ProblemKind::ShareOutOfRange { value: 101.0 },
                "share_out_of_range",
            ),
            (
                ProblemKind::GrowthRateTooLow { value: -100.0 },
                "growth_rate_too_low",
            ),
            (ProblemKind::Negative { value: -1.0 }, "negative"),
            (ProblemKind::CountNotWhole { value: 0.5 }, "count_not_whole"),
            (ProblemKind::NotFinite { value: f64::NAN }, "not_finite"),
            (
                ProblemKind::AmountNotPositive { value: 0.0 },
                "amount_not_positive",
            ),
            (
                ProblemKind::UnknownDistrict {
                    spelling: "d".into(),
                },
                "unknown_district",
            ),
            (
                ProblemKind::DistrictNameTaken {
                    spelling: "d".into(),
                },
                "district_name_taken",
            ),
            (ProblemKind::ValueWithoutUnit, "value_without_unit"),
            (ProblemKind::UnitWithoutValue, "unit_without_value"),
            (
                ProblemKind::FigureItself { id: id.clone() },
                "figure_itself",
            ),
            (ProblemKind::NotAFund { id: id.clone() }, "not_a_fund"),
            (ProblemKind::PerRecipientParts, "per_recipient_parts"),
            (
                ProblemKind::PartsMismatch {
                    parts: vec![id.clone()],
                    sum: 1.0,
                    stated: 2.0,
                    over: false,
                    explained: false,
                },
                "parts_mismatch",
            ),
            (
                ProblemKind::MoreProblems { more: 1, errors: 0 },
                "more_problems",
            ),
            (
                ProblemKind::SourceWithoutFile { id: id.clone() },
                "source_without_file",
            ),
            (
                ProblemKind::SourceUnreadable(Box::new(ReadError::NotFound("f".into()))),
                "source_unreadable",
            ),
            (
                ProblemKind::ChineseTitleUnprovable,
                "chinese_title_unprovable",
            ),
            (
                ProblemKind::NotVerbatim {
                    files: vec!["f".into()],
                    quote: "q".into(),
                    nearest: None,
                },
                "not_verbatim",
            ),
            (ProblemKind::BadHash { found: "x".into() }, "bad_hash"),
            (
                ProblemKind::HashMismatch {
                    stated: "a".into(),
                    actual: "b".into(),
                },
                "hash_mismatch",
            ),
            (ProblemKind::SameText { other: "s".into() }, "same_text"),
            (
                ProblemKind::BadLanguage { found: "x".into() },
                "bad_language",
            ),
            (ProblemKind::TranslatorOfOriginal, "translator_of_original"),
            (
                ProblemKind::LeadNotResponsible { id: id.clone() },
                "lead_not_responsible",
            ),
        ]
    }

    #[test]
    fn each_kind_has_its_own_stable_code() {
        let kinds = every_kind();
        let mut seen = std::collections::HashSet::new();
        for (kind, code) in &kinds {
            // Stable: the code scripts were given does not change.
            assert_eq!(kind.code(), *code, "{kind:?}");
            // Unique: no two kinds share one.
            assert!(seen.insert(kind.code()), "{code} twice");
            // A name a script can match: lower case words joined by `_`.
            assert!(
                code.bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'_' || b.is_ascii_digit()),
                "{code}"
            );
        }
        // Every kind is listed: this match has no catch-all, so a new kind
        // fails to compile here until it is added above.
        let listed = |kind: &ProblemKind| match kind {
            ProblemKind::FileTooLarge { .. }
            | ProblemKind::FileEmpty
            | ProblemKind::NotUtf8 { .. }
            | ProblemKind::Cancelled
            | ProblemKind::EndsEarly(_)
            | ProblemKind::InvalidJson(_)
            | ProblemKind::DuplicateKey { .. }
            | ProblemKind::Unparsed { .. }
            | ProblemKind::NotADataset { .. }
            | ProblemKind::UnknownField
            | ProblemKind::MissingField
            | ProblemKind::WrongType { .. }
            | ProblemKind::Blank
            | ProblemKind::TextTooLong { .. }
            | ProblemKind::NullElement
            | ProblemKind::TranslationMarked
            | ProblemKind::TranslationNeverShown { .. }
            | ProblemKind::IdEmpty
            | ProblemKind::IdTooLong { .. }
            | ProblemKind::IdCharacter { .. }
            | ProblemKind::ImplausibleYear { .. }
            | ProblemKind::DuplicateId { .. }
            | ProblemKind::ListedTwice { .. }
            | ProblemKind::Unknown { .. }
            | ProblemKind::BadDate { .. }
            | ProblemKind::UnsupportedSchemaVersion { .. }
            | ProblemKind::NotAFileName { .. }
            | ProblemKind::SourceWithoutFileOrUrl
            | ProblemKind::PeriodReversed { .. }
            | ProblemKind::ShareOutOfRange { .. }
            | ProblemKind::GrowthRateTooLow { .. }
            | ProblemKind::Negative { .. }
            | ProblemKind::CountNotWhole { .. }
            | ProblemKind::NotFinite { .. }
            | ProblemKind::AmountNotPositive { .. }
            | ProblemKind::UnknownDistrict { .. }
            | ProblemKind::DistrictNameTaken { .. }
            | ProblemKind::ValueWithoutUnit
            | ProblemKind::UnitWithoutValue
            | ProblemKind::FigureItself { .. }
            | ProblemKind::NotAFund { .. }
            | ProblemKind::PerRecipientParts
            | ProblemKind::PartsMismatch { .. }
            | ProblemKind::MoreProblems { .. }
            | ProblemKind::SourceWithoutFile { .. }
            | ProblemKind::SourceUnreadable(_)
            | ProblemKind::ChineseTitleUnprovable
            | ProblemKind::NotVerbatim { .. }
            | ProblemKind::BadHash { .. }
            | ProblemKind::HashMismatch { .. }
            | ProblemKind::SameText { .. }
            | ProblemKind::BadLanguage { .. }
            | ProblemKind::TranslatorOfOriginal
            | ProblemKind::LeadNotResponsible { .. } => 1,
        };
        assert_eq!(
            kinds.iter().map(|(kind, _)| listed(kind)).sum::<usize>(),
            54
        );
    }

    #[test]
    fn each_kind_reads_in_both_languages() {
        for (kind, _) in every_kind() {
            // The parser's own words, which no table here knows.
            if matches!(kind, ProblemKind::Unparsed { .. }) {
                continue;
            }
            let english = kind.text(crate::i18n::Lang::En);
            let chinese = kind.text(crate::i18n::Lang::Zh);
            assert!(!english.is_empty(), "{kind:?}");
            assert_ne!(english, chinese, "{kind:?} has no Chinese");
        }
    }

    #[test]
    fn syntax_reasons_are_classified_and_keep_the_parsers_words() {
        for (words, reason) in SyntaxReason::KNOWN {
            assert_eq!(SyntaxReason::of(words), *reason);
            assert_eq!(reason.english(), *words);
        }
        let other = SyntaxReason::of("something new");
        assert_eq!(other, SyntaxReason::Other("something new".to_owned()));
        assert_eq!(other.english(), "something new");
    }
}
