//! The loader's problem messages in Chinese.
//!
//! The loader writes its messages in English, and keeps them so: they are
//! the stable text of `validate` and its JSON report, which scripts read.
//! The window shows them in Chinese by matching each against the loader's
//! templates (literal text around `{}` places) and filling the Chinese
//! template with the places, themselves translated where they are words
//! of the loader (a kind of record, a JSON type). A message no template
//! matches is shown as it is, in English.

/// Templates of whole messages: (English, Chinese), with `{}` places in
/// the same order.
const MESSAGES: &[(&str, &str)] = &[
    ("missing required field", "缺少必填字段"),
    ("must not be empty", "不得为空"),
    ("null is not allowed here", "此处不允许 null"),
    (
        "implausible year {}: expected {} to {}",
        "不合理的年份 {}：应在 {} 到 {} 之间",
    ),
    ("duplicate {} id \"{}\"", "重复的{} id “{}”"),
    ("{} \"{}\" is listed twice", "{}“{}”列出了两次"),
    ("unknown {} \"{}\"", "未知的{}“{}”"),
    (
        "expected a date as YYYY-MM-DD, found \"{}\"",
        "应为 YYYY-MM-DD 格式的日期，实为“{}”",
    ),
    (
        "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found \"{}\"",
        "应为 YYYY、YYYY-MM 或 YYYY-MM-DD 格式的日期，实为“{}”",
    ),
    (
        "unsupported schema_version {}: this program reads version {}",
        "不支持的 schema_version {}：本程序读取版本 {}",
    ),
    (
        "expected a plain file name, found \"{}\"",
        "应为单纯的文件名，实为“{}”",
    ),
    (
        "a source needs a \"file\" or a \"url\"",
        "来源需要 “file” 或 “url”",
    ),
    (
        "the period starts ({}) after it ends ({})",
        "期限的开始（{}）晚于结束（{}）",
    ),
    (
        "a share must lie within 0-100 percent, found {}",
        "比重必须在 0-100% 之间，实为 {}",
    ),
    (
        "a growth rate must be above -100 percent, found {}",
        "增长率必须大于 -100%，实为 {}",
    ),
    ("must not be negative, found {}", "不得为负数，实为 {}"),
    (
        "a count must be a whole number of at least 0, found {}",
        "数量必须是不小于 0 的整数，实为 {}",
    ),
    (
        "expected a finite number, found {}",
        "应为有限的数字，实为 {}",
    ),
    (
        "expected a positive amount, found {}",
        "应为正数金额，实为 {}",
    ),
    ("an id must not be empty", "id 不得为空"),
    ("an id must be at most {} bytes long", "id 最长 {} 字节"),
    (
        "id \"{}\" contains {}: use ASCII letters, digits, '-', '_' and '.'",
        "id“{}”包含 {}：请只用 ASCII 字母、数字、“-”、“_”和“.”",
    ),
    (
        "the file is {} bytes, over the limit of {} bytes",
        "文件大小为 {} 字节，超过 {} 字节的上限",
    ),
    ("the file is empty", "文件为空"),
    ("no such file: {}", "找不到文件：{}"),
    (
        "expected a dataset file, found a folder: {}",
        "应为数据集文件，实为文件夹：{}",
    ),
    (
        "expected a dataset file, found a named pipe (FIFO), which could keep the read waiting forever: {}",
        "应为数据集文件，实为命名管道（FIFO），读取可能无限等待：{}",
    ),
    (
        "expected a dataset file, found a socket: {}",
        "应为数据集文件，实为套接字：{}",
    ),
    (
        "expected a dataset file, found a device (such as /dev/zero), whose reading may never end: {}",
        "应为数据集文件，实为设备（如 /dev/zero），读取可能永不结束：{}",
    ),
    (
        "expected a dataset file, found a disk device: {}",
        "应为数据集文件，实为磁盘设备：{}",
    ),
    (
        "expected a dataset file, found something that is not a regular file: {}",
        "应为数据集文件，实为非普通文件：{}",
    ),
    ("the load of {} was cancelled", "已取消载入 {}"),
    ("the load was cancelled", "已取消载入"),
    ("cannot read {}: {}", "无法读取 {}：{}"),
    (
        "the file is not UTF-8 text: invalid byte {}",
        "文件不是 UTF-8 文本：无效字节 {}",
    ),
    (
        "unknown field (ignored); check its spelling",
        "未知字段（已忽略）；请检查拼写",
    ),
    (
        "expected a dataset object, found {}",
        "应为数据集对象，实为{}",
    ),
    ("the file ends too early: {}", "文件提前结束：{}"),
    ("invalid JSON: {}", "无效的 JSON：{}"),
    (
        "the key \"{}\" appears twice in one object",
        "同一对象中键“{}”出现了两次",
    ),
    (
        "source \"{}\" has no file, so its quotes cannot be checked",
        "来源“{}”没有文件，无法核对其引文",
    ),
    ("cannot read the source text: {}", "无法读取来源文本：{}"),
    ("unknown figure \"{}\"", "未知数据“{}”"),
    (
        "a total and its parts must be funds' sizes, not amounts per recipient",
        "合计及其组成部分须为资金规模，而非每个受助方的金额",
    ),
    (
        "unknown district \"{}\": add it to the districts table, or as another district's alias",
        "未知区“{}”：请将其加入区表，或作为另一区的别名",
    ),
    (
        "\"{}\" already names another district",
        "“{}”已用作另一区的名称",
    ),
    ("a value needs its unit", "数值须注明单位"),
    ("a unit without a value is ignored", "无数值的单位已忽略"),
    (
        "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found \"{}\"",
        "应为 YYYY、YYYY-MM 或 YYYY-MM-DD 格式的日期，实为“{}”",
    ),
    ("\"{}\" is the figure itself", "“{}”就是该数据本身"),
    ("figure \"{}\" is listed twice", "数据“{}”列出了两次"),
    (
        "\"{}\" is not a fund; a fund's parts are funds",
        "“{}”不是资金；资金的组成部分须为资金",
    ),
    (
        "the parts ({}) add up to {}, while the fund states {}; its caveat says why",
        "各组成部分（{}）合计 {}，而该资金记为 {}；其说明注明了原因",
    ),
    (
        "the parts ({}) add up to {}, while the fund states {}; check the amounts, or say why in a caveat",
        "各组成部分（{}）合计 {}，而该资金记为 {}；请核对金额，或在说明中注明原因",
    ),
    (
        "a Chinese title needs a document to prove it, and the series has no points",
        "中文标题需要有文件可供核对，而该数据系列没有数据点",
    ),
    (
        "not found verbatim in any of the sources {}: \"{}\"",
        "在来源 {} 中均找不到原文：“{}”",
    ),
    (
        "not found verbatim in the source {}: \"{}\"",
        "在来源 {} 中找不到原文：“{}”",
    ),
    (
        "{} more problems not shown ({} of them errors); fix the ones above first",
        "另有 {} 个问题未显示（其中 {} 个错误）；请先修正以上问题",
    ),
    // Writing files and drawing pictures.
    (
        "cannot write {}: the folder {} does not exist",
        "无法写入 {}：文件夹 {} 不存在",
    ),
    (
        "cannot write {}: it is a folder",
        "无法写入 {}：这是一个文件夹",
    ),
    ("cannot write {}: {}", "无法写入 {}：{}"),
    ("cannot encode the PNG for {}: {}", "无法为 {} 编码 PNG：{}"),
    (
        "cannot tell what to write to {}: the name must end in .png, .svg, .pdf or .csv",
        "无法确定 {} 的格式：文件名必须以 .png、.svg、.pdf 或 .csv 结尾",
    ),
    (
        "the scale must be between 0.1 and 8, not {}",
        "比例必须在 0.1 到 8 之间，而不是 {}",
    ),
    (
        "the width must be between {} and {} points, not {}",
        "宽度必须在 {} 到 {} 磅之间，而不是 {}",
    ),
    (
        "the height must be between {} and {} points, not {}",
        "高度必须在 {} 到 {} 磅之间，而不是 {}",
    ),
    (
        "{}x{} is too narrow for a chart; keep the sides within 4:1",
        "{}x{} 对图表来说太窄；长宽比请保持在 4:1 以内",
    ),
    (
        "{}x{} points at {}x is {}x{} pixels; each side must be 1 to {}",
        "{}x{} 磅在 {}x 下为 {}x{} 像素；每边必须在 1 到 {} 之间",
    ),
    ("{} exists", "{} 已存在"),
    // The most general last.
    ("expected {}, found {}", "应为{}，实为{}"),
];

/// Templates of the parts that fill places: JSON types and values, kinds
/// of record, `serde_json`'s own syntax messages.
const PARTS: &[(&str, &str)] = &[
    ("a string", "字符串"),
    ("a number", "数字"),
    ("a whole number", "整数"),
    ("true or false", "true 或 false"),
    ("an array", "数组"),
    ("an object", "对象"),
    ("null", "null"),
    ("the string \"{}\"", "字符串“{}”"),
    ("the number {}", "数字 {}"),
    ("one of {}", "以下之一：{}"),
    ("node", "条目"),
    ("source", "来源"),
    ("unit", "单位"),
    ("theme", "主题"),
    ("plan", "规划"),
    ("figure", "数据"),
    ("series", "数据系列"),
    ("exchange rate", "汇率"),
    ("EOF while parsing a value", "解析值时文件结束"),
    ("EOF while parsing an object", "解析对象时文件结束"),
    ("EOF while parsing a list", "解析列表时文件结束"),
    ("EOF while parsing a string", "解析字符串时文件结束"),
    ("expected `,` or `}`", "应为 `,` 或 `}`"),
    ("expected `,` or `]`", "应为 `,` 或 `]`"),
    ("expected `:`", "应为 `:`"),
    ("expected value", "应为值"),
    ("expected ident", "应为标识符"),
    ("trailing comma", "多余的逗号"),
    ("trailing characters", "多余的字符"),
    ("key must be a string", "键必须是字符串"),
    ("invalid number", "无效的数字"),
    ("number out of range", "数字超出范围"),
    ("invalid escape", "无效的转义"),
    ("invalid unicode code point", "无效的 Unicode 码点"),
    ("recursion limit exceeded", "嵌套层数过多"),
    // The system's reasons a file cannot be read or written.
    ("Permission denied (os error {})", "权限不足（系统错误 {}）"),
    (
        "No such file or directory (os error {})",
        "没有该文件或目录（系统错误 {}）",
    ),
    (
        "Read-only file system (os error {})",
        "只读文件系统（系统错误 {}）",
    ),
    (
        "No space left on device (os error {})",
        "磁盘空间不足（系统错误 {}）",
    ),
    (
        "Disk quota exceeded (os error {})",
        "超出磁盘配额（系统错误 {}）",
    ),
    (
        "File name too long (os error {})",
        "文件名过长（系统错误 {}）",
    ),
    (
        "Is a directory (os error {})",
        "这是一个文件夹（系统错误 {}）",
    ),
    ("Not a directory (os error {})", "不是文件夹（系统错误 {}）"),
    (
        "Operation not permitted (os error {})",
        "不允许的操作（系统错误 {}）",
    ),
];

/// The message in Chinese, or `None` when no template matches it. Also
/// used for the messages of writing files and drawing pictures.
pub fn problem_zh(message: &str) -> Option<String> {
    translate(message, MESSAGES)
}

/// A place's text in Chinese where it is one of the loader's words, else
/// as it is (an id, a number, a file name).
fn part(text: &str) -> String {
    translate(text, PARTS).unwrap_or_else(|| text.to_owned())
}

fn translate(text: &str, table: &[(&str, &str)]) -> Option<String> {
    table.iter().find_map(|(en, zh)| {
        let places = matches(text, en)?;
        // A place in quotes is a value (an id, a name): kept as written.
        let quoted: Vec<bool> = en.split("{}").map(|piece| piece.ends_with('"')).collect();
        let mut out = String::new();
        let mut places = places.into_iter().zip(quoted);
        let mut pieces = zh.split("{}");
        out.push_str(pieces.next().unwrap_or_default());
        for piece in pieces {
            match places.next() {
                Some((place, true)) => out.push_str(place),
                Some((place, false)) => out.push_str(&part(place)),
                None => {}
            }
            out.push_str(piece);
        }
        Some(out)
    })
}

/// The places of `text` if it fits `template`: its literal pieces in
/// order, each place the text between them (the shortest that fits, but
/// the last place takes the rest).
fn matches<'a>(text: &'a str, template: &str) -> Option<Vec<&'a str>> {
    let pieces: Vec<&str> = template.split("{}").collect();
    let (first, rest) = pieces.split_first()?;
    let mut at = text.strip_prefix(first)?;
    let mut places = Vec::new();
    for (i, piece) in rest.iter().enumerate() {
        let last = i + 1 == rest.len();
        if last {
            let place = at.strip_suffix(piece)?;
            places.push(place);
            at = "";
        } else {
            let end = if piece.is_empty() { 0 } else { at.find(piece)? };
            places.push(&at[..end]);
            at = &at[end + piece.len()..];
        }
    }
    if rest.is_empty() && !at.is_empty() {
        return None;
    }
    Some(places)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_messages_and_their_places_are_translated() {
        assert_eq!(
            problem_zh("expected a string, found the number 3").as_deref(),
            Some("应为字符串，实为数字 3")
        );
        assert_eq!(
            problem_zh("unknown unit \"sh-hlth\"").as_deref(),
            Some("未知的单位“sh-hlth”")
        );
        assert_eq!(
            problem_zh("invalid JSON: expected `,` or `}`").as_deref(),
            Some("无效的 JSON：应为 `,` 或 `}`")
        );
        assert_eq!(
            problem_zh("missing required field").as_deref(),
            Some("缺少必填字段")
        );
        assert_eq!(problem_zh("something new"), None);
        // An id is not a word to translate.
        assert_eq!(
            problem_zh("duplicate node id \"unit\"").as_deref(),
            Some("重复的条目 id “unit”")
        );
    }
}
