//! The loader's problems worded in English and Chinese, side by side.
//!
//! A problem is kept as its kind with the values it names
//! ([`ProblemKind`]); here each kind is worded in each language in one
//! match, so a kind without both does not compile. The English is the
//! stable text of `validate` and its JSON report's `message`, which
//! scripts read: it is also each type's `Display`.

use std::fmt;

use super::Lang;
use crate::dataset::{
    DateForm, Expected, Found, IoKind, IoReason, ProblemKind, ReadError, RecordKind, SpecialFile,
    SyntaxReason,
};

/// The words in `lang`: `words!(lang, "English {x}", "中文 {x}")`, each a
/// format string that may name the variables in scope.
macro_rules! words {
    ($lang:expr, $en:literal, $zh:literal $(,)?) => {
        match $lang {
            Lang::En => format!($en),
            Lang::Zh => format!($zh),
        }
    };
}
pub(crate) use words;

impl ProblemKind {
    /// What is wrong, in `lang`.
    #[expect(
        clippy::too_many_lines,
        reason = "One arm per kind, both languages side by side."
    )]
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Self::FileTooLarge { size, limit } => words!(
                lang,
                "the file is {size} bytes, over the limit of {limit} bytes",
                "文件大小为 {size} 字节，超过 {limit} 字节的上限",
            ),
            Self::FileEmpty => words!(lang, "the file is empty", "文件为空"),
            Self::NotUtf8 { byte, likely: None } => words!(
                lang,
                "the file is not UTF-8 text: invalid byte 0x{byte:02x}",
                "文件不是 UTF-8 文本：无效字节 0x{byte:02x}",
            ),
            Self::NotUtf8 {
                byte,
                likely: Some(encoding),
            } => words!(
                lang,
                "the file is not UTF-8 text: invalid byte 0x{byte:02x}; it reads as {encoding}: save it as UTF-8",
                "文件不是 UTF-8 文本：无效字节 0x{byte:02x}；它似乎是 {encoding} 编码：请另存为 UTF-8",
            ),
            Self::Cancelled => words!(lang, "the load was cancelled", "已取消载入"),
            Self::EndsEarly(reason) => {
                let reason = reason.text(lang);
                words!(
                    lang,
                    "the file ends too early: {reason}",
                    "文件提前结束：{reason}"
                )
            }
            Self::InvalidJson(reason) => {
                let reason = reason.text(lang);
                words!(lang, "invalid JSON: {reason}", "无效的 JSON：{reason}")
            }
            Self::DuplicateKey { key } => words!(
                lang,
                "the key \"{key}\" appears twice in one object",
                "同一对象中键“{key}”出现了两次",
            ),
            Self::Unparsed { message } => message.clone(),
            Self::NotADataset { found } => {
                let found = found.text(lang);
                words!(
                    lang,
                    "expected a dataset object, found {found}",
                    "应为数据集对象，实为{found}",
                )
            }
            Self::UnknownField => words!(
                lang,
                "unknown field (ignored); check its spelling",
                "未知字段（已忽略）；请检查拼写",
            ),
            Self::MissingField => words!(lang, "missing required field", "缺少必填字段"),
            Self::WrongType { expected, found } => {
                let (expected, found) = (expected.text(lang), found.text(lang));
                words!(
                    lang,
                    "expected {expected}, found {found}",
                    "应为{expected}，实为{found}",
                )
            }
            Self::Blank => words!(lang, "must not be empty", "不得为空"),
            Self::TextTooLong { bytes, limit } => words!(
                lang,
                "the text is {bytes} bytes long, over the limit of {limit} bytes for one field",
                "文本长 {bytes} 字节，超过单个字段 {limit} 字节的上限",
            ),
            Self::NullElement => words!(lang, "null is not allowed here", "此处不允许 null"),
            Self::TranslationMarked => words!(
                lang,
                "a translation must not carry its mark: the app adds 〔译〕 wherever it shows one",
                "译文不得带有标记：应用在显示译文之处都会加上〔译〕",
            ),
            Self::TranslationNeverShown { printed_key } => words!(
                lang,
                "never shown: `{printed_key}` holds the Chinese a document prints, and that is shown instead",
                "不会显示：`{printed_key}` 存有文件所印的中文，显示的是它",
            ),
            Self::IdEmpty => words!(lang, "an id must not be empty", "id 不得为空"),
            Self::IdTooLong { max } => words!(
                lang,
                "an id must be at most {max} bytes long",
                "id 最长 {max} 字节",
            ),
            Self::IdCharacter { id, character } => words!(
                lang,
                "id \"{id}\" contains {character:?}: use ASCII letters, digits, '-', '_' and '.'",
                "id“{id}”包含 {character:?}：请只用 ASCII 字母、数字、“-”、“_”和“.”",
            ),
            Self::ImplausibleYear { year, min, max } => words!(
                lang,
                "implausible year {year}: expected {min} to {max}",
                "不合理的年份 {year}：应在 {min} 到 {max} 之间",
            ),
            Self::DuplicateId { record, id } => {
                let record = record.text(lang);
                words!(
                    lang,
                    "duplicate {record} id \"{id}\"",
                    "重复的{record} id “{id}”"
                )
            }
            Self::ListedTwice { record, id } => {
                let record = record.text(lang);
                words!(
                    lang,
                    "{record} \"{id}\" is listed twice",
                    "{record}“{id}”列出了两次"
                )
            }
            Self::Unknown { record, id } => {
                let record = record.text(lang);
                words!(lang, "unknown {record} \"{id}\"", "未知的{record}“{id}”")
            }
            Self::BadDate {
                form: DateForm::Day,
                found,
            } => words!(
                lang,
                "expected a date as YYYY-MM-DD, found \"{found}\"",
                "应为 YYYY-MM-DD 格式的日期，实为“{found}”",
            ),
            Self::BadDate {
                form: DateForm::YearMonthOrDay,
                found,
            } => words!(
                lang,
                "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found \"{found}\"",
                "应为 YYYY、YYYY-MM 或 YYYY-MM-DD 格式的日期，实为“{found}”",
            ),
            Self::UnsupportedSchemaVersion { version, supported } => {
                let supported = supported
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ");
                words!(
                    lang,
                    "unsupported schema_version {version}: this program reads version {supported}",
                    "不支持的 schema_version {version}：本程序读取版本 {supported}",
                )
            }
            Self::NotAFileName { found } => words!(
                lang,
                "expected a plain file name, found \"{found}\"",
                "应为单纯的文件名，实为“{found}”",
            ),
            Self::SourceWithoutFileOrUrl => words!(
                lang,
                "a source needs a \"file\", a \"url\" or its \"text\"",
                "来源需要 “file”、“url” 或其 “text”",
            ),
            Self::PeriodReversed { start, end } => words!(
                lang,
                "the period starts ({start}) after it ends ({end})",
                "期限的开始（{start}）晚于结束（{end}）",
            ),
            Self::ShareOutOfRange { value } => words!(
                lang,
                "a share must lie within 0-100 percent, found {value}",
                "比重必须在 0-100% 之间，实为 {value}",
            ),
            Self::GrowthRateTooLow { value } => words!(
                lang,
                "a growth rate must be above -100 percent, found {value}",
                "增长率必须大于 -100%，实为 {value}",
            ),
            Self::Negative { value } => words!(
                lang,
                "must not be negative, found {value}",
                "不得为负数，实为 {value}",
            ),
            Self::CountNotWhole { value } => words!(
                lang,
                "a count must be a whole number of at least 0, found {value}",
                "数量必须是不小于 0 的整数，实为 {value}",
            ),
            Self::NotFinite { value } => words!(
                lang,
                "expected a finite number, found {value}",
                "应为有限的数字，实为 {value}",
            ),
            Self::AmountNotPositive { value } => words!(
                lang,
                "expected a positive amount, found {value}",
                "应为正数金额，实为 {value}",
            ),
            Self::UnknownDistrict { spelling } => words!(
                lang,
                "unknown district \"{spelling}\": add it to the districts table, or as another district's alias",
                "未知区“{spelling}”：请将其加入区表，或作为另一区的别名",
            ),
            Self::DistrictNameTaken { spelling } => words!(
                lang,
                "\"{spelling}\" already names another district",
                "“{spelling}”已用作另一区的名称",
            ),
            Self::ValueWithoutUnit => words!(lang, "a value needs its unit", "数值须注明单位"),
            Self::UnitWithoutValue => words!(
                lang,
                "a unit without a value is ignored",
                "无数值的单位已忽略"
            ),
            Self::FigureItself { id } => words!(
                lang,
                "\"{id}\" is the figure itself",
                "“{id}”就是该数据本身"
            ),
            Self::NotAFund { id } => words!(
                lang,
                "\"{id}\" is not a fund; a fund's parts are funds",
                "“{id}”不是资金；资金的组成部分须为资金",
            ),
            Self::PerRecipientParts => words!(
                lang,
                "a total and its parts must be funds' sizes, not amounts per recipient",
                "合计及其组成部分须为资金规模，而非每个受助方的金额",
            ),
            Self::PartsMismatch {
                parts,
                sum,
                stated,
                over,
                explained,
            } => {
                let parts = parts
                    .iter()
                    .map(smol_str::SmolStr::as_str)
                    .collect::<Vec<_>>()
                    .join(", ");
                let (sum, stated) = (yuan(*sum), yuan(*stated));
                // The amounts read as in English in both languages, as the
                // documents' totals are checked by hand against them.
                let over = if *over { "over " } else { "" };
                if *explained {
                    words!(
                        lang,
                        "the parts ({parts}) add up to {sum}, while the fund states {over}{stated}; its caveat says why",
                        "各组成部分（{parts}）合计 {sum}，而该资金记为 {over}{stated}；其说明注明了原因",
                    )
                } else {
                    words!(
                        lang,
                        "the parts ({parts}) add up to {sum}, while the fund states {over}{stated}; check the amounts, or say why in a caveat",
                        "各组成部分（{parts}）合计 {sum}，而该资金记为 {over}{stated}；请核对金额，或在说明中注明原因",
                    )
                }
            }
            Self::MoreProblems { more, errors } => words!(
                lang,
                "{more} more problems not shown ({errors} of them errors); fix the ones above first",
                "另有 {more} 个问题未显示（其中 {errors} 个错误）；请先修正以上问题",
            ),
            Self::SourceWithoutFile { id } => words!(
                lang,
                "source \"{id}\" has no file, so its quotes cannot be checked",
                "来源“{id}”没有文件，无法核对其引文",
            ),
            Self::SourceUnreadable(error) => {
                let error = error.text(lang);
                words!(
                    lang,
                    "cannot read the source text: {error}",
                    "无法读取来源文本：{error}"
                )
            }
            Self::ChineseTitleUnprovable => words!(
                lang,
                "a Chinese title needs a document to prove it, and the series has no points",
                "中文标题需要有文件可供核对，而该数据系列没有数据点",
            ),
            Self::NotVerbatim {
                files,
                quote,
                nearest,
            } => {
                let missing = if let [file] = files.as_slice() {
                    words!(
                        lang,
                        "not found verbatim in the source {file}: \"{quote}\"",
                        "在来源 {file} 中找不到原文：“{quote}”",
                    )
                } else {
                    let files = files.join(", ");
                    words!(
                        lang,
                        "not found verbatim in any of the sources {files}: \"{quote}\"",
                        "在来源 {files} 中均找不到原文：“{quote}”",
                    )
                };
                match nearest {
                    None => missing,
                    Some(nearest) => {
                        let said = nearest.marked("〚", "〛");
                        words!(
                            lang,
                            "{missing}; the document says \"{said}\"",
                            "{missing}；文件原文为“{said}”",
                        )
                    }
                }
            }
            Self::BadHash { found } => words!(
                lang,
                "expected the SHA-256 as 64 hexadecimal digits, found \"{found}\"",
                "SHA-256 应为 64 位十六进制数字，实为“{found}”",
            ),
            Self::HashMismatch { stated, actual } => words!(
                lang,
                "the text's SHA-256 is {actual}, not the {stated} stated: the text is not the one that was hashed",
                "文本的 SHA-256 为 {actual}，而非所注明的 {stated}：文本与计算哈希时的不同",
            ),
            Self::SameText { other } => words!(
                lang,
                "the same text as source \"{other}\"",
                "与来源“{other}”的文本相同",
            ),
            Self::BadLanguage { found } => words!(
                lang,
                "expected a language tag such as \"en\" or \"zh-CN\", found \"{found}\"",
                "应为语言标记，如“en”或“zh-CN”，实为“{found}”",
            ),
            Self::TranslatorOfOriginal => words!(
                lang,
                "\"translated_by\" names a translator, but \"original\" says the text is the original",
                "“translated_by”写有译者，而“original”表明文本为原文",
            ),
            Self::LeadNotResponsible { id } => words!(
                lang,
                "lead unit \"{id}\" is not among the node's \"units\"",
                "牵头单位“{id}”不在该条目的“units”之中",
            ),
        }
    }
}

/// An amount in yuan for a message: "82.5 billion yuan".
fn yuan(amount: f64) -> String {
    let (scaled, word) = if amount >= 1e12 {
        (amount / 1e12, " trillion")
    } else if amount >= 1e9 {
        (amount / 1e9, " billion")
    } else if amount >= 1e6 {
        (amount / 1e6, " million")
    } else {
        (amount, "")
    };
    let text = format!("{scaled:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text}{word} yuan")
}

/// The English: what `validate` prints.
impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl RecordKind {
    /// The kind's name in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        let (en, zh) = match self {
            Self::Node => ("node", "条目"),
            Self::Source => ("source", "来源"),
            Self::Unit => ("unit", "单位"),
            Self::Theme => ("theme", "主题"),
            Self::Plan => ("plan", "规划"),
            Self::Figure => ("figure", "数据"),
            Self::District => ("district", "区"),
            Self::ExchangeRate => ("exchange rate", "汇率"),
        };
        pick(lang, en, zh)
    }
}

/// One of two words by language.
fn pick(lang: Lang, en: &'static str, zh: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

impl Expected {
    /// What a field takes, in `lang`: "a string", "one of "a", "b"".
    pub fn text(self, lang: Lang) -> String {
        let (en, zh) = match self {
            Self::String => ("a string", "字符串"),
            Self::Number => ("a number", "数字"),
            Self::WholeNumber => ("a whole number", "整数"),
            Self::Bool => ("true or false", "true 或 false"),
            Self::Array => ("an array", "数组"),
            Self::Object => ("an object", "对象"),
            Self::OneOf(names) => {
                let names = names
                    .iter()
                    .map(|name| format!("\"{name}\""))
                    .collect::<Vec<_>>()
                    .join(", ");
                return words!(lang, "one of {names}", "以下之一：{names}");
            }
        };
        pick(lang, en, zh).to_owned()
    }
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl Found {
    /// What a field holds, in `lang`: "the number 3", "an array".
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Self::Bool(value) => value.to_string(),
            Self::Number(number) => words!(lang, "the number {number}", "数字 {number}"),
            Self::String(text) => words!(lang, "the string \"{text}\"", "字符串“{text}”"),
            Self::Array => pick(lang, "an array", "数组").to_owned(),
            Self::Object => pick(lang, "an object", "对象").to_owned(),
            Self::Null => "null".to_owned(),
        }
    }
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl SyntaxReason {
    /// Why the text is not JSON, in `lang`; a reason of the parser's not
    /// known here stays in its words.
    pub fn text(&self, lang: Lang) -> String {
        let zh = match self {
            Self::EofWhileParsingValue => "解析值时文件结束",
            Self::EofWhileParsingObject => "解析对象时文件结束",
            Self::EofWhileParsingList => "解析列表时文件结束",
            Self::EofWhileParsingString => "解析字符串时文件结束",
            Self::ExpectedObjectCommaOrEnd => "应为 `,` 或 `}`",
            Self::ExpectedListCommaOrEnd => "应为 `,` 或 `]`",
            Self::ExpectedColon => "应为 `:`",
            Self::ExpectedValue => "应为值",
            Self::ExpectedIdent => "应为标识符",
            Self::ExpectedDoubleQuote => "应为 `\"`",
            Self::TrailingComma => "多余的逗号",
            Self::TrailingCharacters => "多余的字符",
            Self::KeyMustBeAString => "键必须是字符串",
            Self::InvalidNumber => "无效的数字",
            Self::NumberOutOfRange => "数字超出范围",
            Self::InvalidEscape => "无效的转义",
            Self::InvalidUnicodeCodePoint => "无效的 Unicode 码点",
            Self::ControlCharacter => "解析字符串时遇到控制字符（\\u0000-\\u001F）",
            Self::LoneLeadingSurrogate => "十六进制转义中有孤立的前导代理项",
            Self::UnexpectedEndOfHexEscape => "十六进制转义意外结束",
            Self::RecursionLimitExceeded => "嵌套层数过多",
            Self::Other(message) => message,
        };
        match lang {
            Lang::En => self.english().to_owned(),
            Lang::Zh => zh.to_owned(),
        }
    }
}

impl IoReason {
    /// The system's reason in `lang`: by its kind, with the system's error
    /// number; one of no known kind in the system's own words.
    pub fn text(&self, lang: Lang) -> String {
        let zh = match self.kind {
            IoKind::PermissionDenied => "权限不足",
            IoKind::NotPermitted => "不允许的操作",
            IoKind::NotFound => "没有该文件或目录",
            IoKind::ReadOnlyFilesystem => "只读文件系统",
            IoKind::StorageFull => "磁盘空间不足",
            IoKind::QuotaExceeded => "超出磁盘配额",
            IoKind::NameTooLong => "文件名过长",
            IoKind::IsADirectory => "这是一个文件夹",
            IoKind::NotADirectory => "不是文件夹",
            IoKind::SymlinkLoop => "符号链接循环（层数过多）",
            IoKind::Other => return self.text.clone(),
        };
        match (lang, self.os_code) {
            (Lang::En, _) => self.text.clone(),
            (Lang::Zh, Some(code)) => format!("{zh}（系统错误 {code}）"),
            (Lang::Zh, None) => zh.to_owned(),
        }
    }
}

impl SpecialFile {
    /// What the path is, in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        let (en, zh) = match self {
            Self::Fifo => (
                "a named pipe (FIFO), which could keep the read waiting forever",
                "命名管道（FIFO），读取可能无限等待",
            ),
            Self::Socket => ("a socket", "套接字"),
            Self::CharDevice => (
                "a device (such as /dev/zero), whose reading may never end",
                "设备（如 /dev/zero），读取可能永不结束",
            ),
            Self::BlockDevice => ("a disk device", "磁盘设备"),
            Self::Other => ("something that is not a regular file", "非普通文件"),
        };
        pick(lang, en, zh)
    }
}

impl fmt::Display for SpecialFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text(Lang::En))
    }
}

impl ReadError {
    /// Why the file could not be read, in `lang`, naming it.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Self::NotFound(path) => {
                let path = path.display();
                words!(lang, "no such file: {path}", "找不到文件：{path}")
            }
            Self::IsDirectory(path) => {
                let path = path.display();
                words!(
                    lang,
                    "expected a dataset file, found a folder: {path}",
                    "应为数据集文件，实为文件夹：{path}",
                )
            }
            Self::NotRegular { path, kind } => {
                let (path, kind) = (path.display(), kind.text(lang));
                words!(
                    lang,
                    "expected a dataset file, found {kind}: {path}",
                    "应为数据集文件，实为{kind}：{path}",
                )
            }
            Self::Cancelled(path) => {
                let path = path.display();
                words!(
                    lang,
                    "the load of {path} was cancelled",
                    "已取消载入 {path}"
                )
            }
            Self::TooLarge { path, size, limit } => {
                let path = path.display();
                words!(
                    lang,
                    "the file is {size} bytes, over the limit of {limit} bytes: {path}",
                    "文件大小为 {size} 字节，超过 {limit} 字节的上限：{path}",
                )
            }
            Self::Empty(path) => {
                let path = path.display();
                words!(lang, "the file is empty: {path}", "文件为空：{path}")
            }
            Self::NotUtf8 {
                path,
                byte,
                line,
                column,
                likely: None,
            } => {
                let path = path.display();
                words!(
                    lang,
                    "the file is not UTF-8 text: invalid byte 0x{byte:02x} at line {line}, column {column}: {path}",
                    "文件不是 UTF-8 文本：第 {line} 行第 {column} 列有无效字节 0x{byte:02x}：{path}",
                )
            }
            Self::NotUtf8 {
                path,
                byte,
                line,
                column,
                likely: Some(encoding),
            } => {
                let path = path.display();
                words!(
                    lang,
                    "the file is not UTF-8 text: invalid byte 0x{byte:02x} at line {line}, column {column}; it reads as {encoding}: save it as UTF-8: {path}",
                    "文件不是 UTF-8 文本：第 {line} 行第 {column} 列有无效字节 0x{byte:02x}；它似乎是 {encoding} 编码：请另存为 UTF-8：{path}",
                )
            }
            Self::Io { path, reason } => {
                let (path, reason) = (path.display(), reason.text(lang));
                words!(
                    lang,
                    "cannot read {path}: {reason}",
                    "无法读取 {path}：{reason}"
                )
            }
        }
    }
}

/// The English: what `validate` prints.
impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::JsonNumber;

    fn zh(kind: &ProblemKind) -> String {
        kind.text(Lang::Zh)
    }

    #[test]
    fn kinds_and_their_values_read_in_chinese() {
        assert_eq!(
            zh(&ProblemKind::WrongType {
                expected: Expected::String,
                found: Found::Number(JsonNumber::Uint(3)),
            }),
            "应为字符串，实为数字 3"
        );
        assert_eq!(
            zh(&ProblemKind::Unknown {
                record: RecordKind::Unit,
                id: "sh-hlth".into(),
            }),
            "未知的单位“sh-hlth”"
        );
        assert_eq!(
            zh(&ProblemKind::InvalidJson(
                SyntaxReason::ExpectedObjectCommaOrEnd
            )),
            "无效的 JSON：应为 `,` 或 `}`"
        );
        assert_eq!(zh(&ProblemKind::MissingField), "缺少必填字段");
        // An id is not a word to translate.
        assert_eq!(
            zh(&ProblemKind::DuplicateId {
                record: RecordKind::Node,
                id: "unit".into(),
            }),
            "重复的条目 id “unit”"
        );
        // A reason of the parser's not known here stays in its words.
        assert_eq!(
            zh(&ProblemKind::InvalidJson(SyntaxReason::Other(
                "something new".to_owned()
            ))),
            "无效的 JSON：something new"
        );
    }

    #[test]
    fn the_english_is_the_loaders_wording() {
        let cases = [
            (
                ProblemKind::WrongType {
                    expected: Expected::OneOf(&["chapter", "measure"]),
                    found: Found::String("x".to_owned()),
                },
                "expected one of \"chapter\", \"measure\", found the string \"x\"",
            ),
            (
                ProblemKind::ImplausibleYear {
                    year: 1800,
                    min: 1949,
                    max: 2100,
                },
                "implausible year 1800: expected 1949 to 2100",
            ),
            (
                ProblemKind::IdCharacter {
                    id: "a b".into(),
                    character: ' ',
                },
                "id \"a b\" contains ' ': use ASCII letters, digits, '-', '_' and '.'",
            ),
            (
                ProblemKind::UnsupportedSchemaVersion {
                    version: 9,
                    supported: &[1],
                },
                "unsupported schema_version 9: this program reads version 1",
            ),
            (
                ProblemKind::NotVerbatim {
                    files: vec!["a.txt".to_owned(), "b.txt".to_owned()],
                    quote: "q".to_owned(),
                    nearest: None,
                },
                "not found verbatim in any of the sources a.txt, b.txt: \"q\"",
            ),
        ];
        for (kind, english) in cases {
            assert_eq!(kind.to_string(), english);
        }
    }

    #[test]
    fn amounts_in_messages_read_as_printed() {
        assert_eq!(yuan(82.5e9), "82.5 billion yuan");
        assert_eq!(yuan(825e9), "825 billion yuan");
        assert_eq!(yuan(1.8e12), "1.8 trillion yuan");
        assert_eq!(yuan(100_000.0), "100000 yuan");
    }

    #[test]
    fn the_systems_reasons_read_in_chinese_by_kind() {
        let denied = IoReason::of(&std::io::Error::from_raw_os_error(13));
        assert_eq!(denied.text(Lang::En), "Permission denied (os error 13)");
        assert_eq!(denied.text(Lang::Zh), "权限不足（系统错误 13）");
        let error = ReadError::Io {
            path: "/x/plans.json".into(),
            reason: denied,
        };
        assert_eq!(
            error.text(Lang::Zh),
            "无法读取 /x/plans.json：权限不足（系统错误 13）"
        );
        let other = IoReason::of(&std::io::Error::other("odd"));
        assert_eq!(other.text(Lang::Zh), "odd");
    }
}
