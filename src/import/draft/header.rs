//! The plan's own fields from the lines before its body: the title (a line
//! printed twice is one title), the byline and date, the period in the
//! title, the document number (沪府办发〔2024〕21号, "Hu Fu Ban Fa [2023]
//! No. 8"), and, for a Chinese issuing notice, the issuer, the addressees
//! and the "现将《……》印发给你们" line, which are not part of the plan.

use super::Paragraph;
use crate::dataset::folded::normalize;

/// The plan's fields as the text gives them; each is a proposal.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanFields {
    /// The title as printed.
    pub title: Option<String>,
    /// The period the title states, first and last year.
    pub period: Option<(i32, i32)>,
    /// A date printed in the header, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Which date that is, as far as the text says.
    pub date_note: Option<String>,
    /// The line that names who published the text (a byline).
    pub byline: Option<String>,
    /// Who issued the plan, where the text names the issuer.
    pub issuer: Option<String>,
    /// The document number.
    pub document_number: Option<String>,
    /// Lines of a web page's frame before the title (a breadcrumb, "Print |
    /// Share"), saved with the text and left out of the plan.
    pub page_frame: Vec<String>,
}

/// The most lines of a web page's frame looked for before the title.
const FRAME_LINES: usize = 8;

/// Whether `line` is part of a web page's frame saved with its text rather
/// than of the plan: a breadcrumb ("Home > Policies > Plans", "首页 >
/// 政策文件"), a row of short links ("Print | Share | Close"), or a lone
/// control ("Print", "打印", "当前位置：…"). A line with a date is a
/// byline, not frame.
pub fn is_page_frame(line: &str) -> bool {
    let line = line.trim();
    let length = line.chars().count();
    if length == 0 || length > 80 || date(line).is_some() {
        return false;
    }
    let breadcrumb = [" > ", " › ", " » ", " >> ", "＞"]
        .iter()
        .any(|c| line.contains(c))
        && !line.ends_with(['.', '。']);
    let links = line.contains('|')
        && line
            .split('|')
            .all(|part| part.split_whitespace().count() <= 3 && part.trim().chars().count() <= 20);
    let lower = line.to_lowercase();
    let control = matches!(
        lower.as_str(),
        "print" | "share" | "close" | "home" | "font size" | "打印" | "分享" | "关闭" | "首页"
    ) || ["当前位置", "您的位置", "you are here"]
        .iter()
        .any(|w| lower.starts_with(w));
    breadcrumb || links || control
}

/// The most header lines looked at after the title.
const HEADER_LINES: usize = 12;

/// Reads the header; returns the fields and the index of the body's first
/// paragraph.
pub fn plan_fields(paragraphs: &[Paragraph<'_>]) -> (PlanFields, usize) {
    // A page saved as text starts with its frame; the title comes after.
    let fields = PlanFields {
        page_frame: paragraphs
            .iter()
            .take(FRAME_LINES)
            .map(|p| normalize(p.text))
            .take_while(|line| is_page_frame(line))
            .collect(),
        ..PlanFields::default()
    };
    let frame = fields.page_frame.len();
    let (fields, body) = plan_fields_after_frame(&paragraphs[frame..], fields);
    (fields, frame + body)
}

/// [`plan_fields`] from the title on.
fn plan_fields_after_frame(
    paragraphs: &[Paragraph<'_>],
    mut fields: PlanFields,
) -> (PlanFields, usize) {
    let Some(first) = paragraphs.first() else {
        return (fields, 0);
    };
    // A Chinese notice names the plan in 《》: the plan's title.
    let mut title = normalize(first.text);
    if let Some(inner) = between(&title, '《', '》')
        && (title.contains("通知") || title.contains("印发"))
    {
        title = inner.to_owned();
    }
    // A first line that is a whole paragraph of prose is no title.
    let is_title = title.chars().count() <= 200 && !title.ends_with('。');
    let mut body = usize::from(is_title);
    if is_title {
        fields.period = period(&title);
        fields.title = Some(title.clone());
    }
    for (i, p) in paragraphs.iter().enumerate().skip(body).take(HEADER_LINES) {
        let line = normalize(p.text);
        if let Some(number) = document_number(&line) {
            fields.document_number.get_or_insert(number);
            if line.chars().count() < 60 {
                body = i + 1;
                continue;
            }
        }
        let same_title = fields
            .title
            .as_deref()
            .is_some_and(|t| line == t || line.trim_matches(['《', '》']) == t);
        let notice = line.starts_with("现将")
            || line.contains("印发给你们")
            || line.starts_with("（此件公开发布）");
        let addressees = line.chars().count() < 60
            && (line.ends_with('：') || line.ends_with(':'))
            && !line.contains('。');
        if let Some(date) = date(&line)
            && line.chars().count() < 80
        {
            fields.date.get_or_insert(date);
            if let Some((who, _)) = line.split_once('|') {
                fields.byline = Some(who.trim().to_owned());
                fields.date_note = Some(format!(
                    "the date printed beside the byline \"{line}\"; the text does not say whether the plan was issued that day"
                ));
            } else if line.contains('年') {
                fields.date_note = Some("the date printed under the issuing notice".to_owned());
            }
            body = i + 1;
            continue;
        }
        if same_title || notice || addressees {
            body = i + 1;
            continue;
        }
        // A short line in a Chinese notice, before the plan's title comes
        // again: the issuer.
        if line.ends_with("办公厅") || line.ends_with("人民政府") {
            fields.issuer = Some(line);
            body = i + 1;
            continue;
        }
        break;
    }
    (fields, body)
}

/// The text between the first `open` and the next `close`.
fn between(text: &str, open: char, close: char) -> Option<&str> {
    let start = text.find(open)? + open.len_utf8();
    let end = start + text[start..].find(close)?;
    Some(&text[start..end])
}

/// "(2025-2027)", "（2025—2027年）": the first and last year.
pub fn period(title: &str) -> Option<(i32, i32)> {
    let bytes = title.as_bytes();
    for (i, _) in title.char_indices() {
        let Some(first) = year_at(bytes, i) else {
            continue;
        };
        let rest = &title[i + 4..];
        let sep = rest.chars().next()?;
        if !matches!(sep, '-' | '–' | '—' | '~' | '至') {
            continue;
        }
        let after = i + 4 + sep.len_utf8();
        if let Some(last) = year_at(bytes, after)
            && last >= first
        {
            return Some((first, last));
        }
    }
    None
}

/// A four-digit year starting at byte `at`, not inside a longer number.
fn year_at(bytes: &[u8], at: usize) -> Option<i32> {
    let four = bytes.get(at..at + 4)?;
    if !four.iter().all(u8::is_ascii_digit) {
        return None;
    }
    if bytes.get(at + 4).is_some_and(u8::is_ascii_digit)
        || (at > 0 && bytes[at - 1].is_ascii_digit())
    {
        return None;
    }
    let year: i32 = std::str::from_utf8(four).ok()?.parse().ok()?;
    (1949..=2100).contains(&year).then_some(year)
}

/// "March 07, 2025", "2024年11月23日", "2025-03-07" in a line.
pub fn date(line: &str) -> Option<String> {
    for (m, lower) in crate::import::MONTHS.iter().enumerate() {
        // As printed: a capital first letter.
        let mut name = (*lower).to_owned();
        name[..1].make_ascii_uppercase();
        if let Some(at) = line.find(&name) {
            let rest = line[at + name.len()..].trim_start();
            let day: String = rest.chars().take_while(char::is_ascii_digit).collect();
            let after = rest[day.len()..].trim_start_matches([',', ' ']);
            let year: String = after.chars().take_while(char::is_ascii_digit).collect();
            if let (Ok(day), Ok(year)) = (day.parse::<u32>(), year.parse::<i32>())
                && (1..=31).contains(&day)
                && year.to_string().len() == 4
            {
                return Some(format!("{year}-{:02}-{day:02}", m + 1));
            }
        }
    }
    // 2024年11月23日
    let nian = line.find('年')?;
    let year: String = line[..nian]
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let rest = &line[nian + '年'.len_utf8()..];
    let yue = rest.find('月')?;
    let month: u32 = rest[..yue].parse().ok()?;
    let rest = &rest[yue + '月'.len_utf8()..];
    let ri = rest.find('日')?;
    let day: u32 = rest[..ri].parse().ok()?;
    let year: i32 = year.parse().ok().filter(|_| year.len() == 4)?;
    ((1..=12).contains(&month) && (1..=31).contains(&day))
        .then(|| format!("{year}-{month:02}-{day:02}"))
}

/// "沪府办发〔2024〕21号" or "Hu Fu Ban Fa [2023] No. 8" in a line.
pub fn document_number(line: &str) -> Option<String> {
    if let Some(open) = line.find('〔') {
        let close = open + line[open..].find('〕')?;
        let hao = close + line[close..].find('号')?;
        let start = line[..open]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| !c.is_whitespace() && !"，。：；（(".contains(c))
            .last()
            .map_or(open, |(i, _)| i);
        return Some(line[start..hao + '号'.len_utf8()].to_owned());
    }
    let open = line.find('[')?;
    let close = open + line[open..].find(']')?;
    let year = &line[open + 1..close];
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let after = line[close + 1..].trim_start();
    let number = after.strip_prefix("No.")?.trim_start();
    let digits: String = number.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return None;
    }
    let before: Vec<&str> = line[..open].split_whitespace().collect();
    let words = &before[before.len().saturating_sub(4)..];
    Some(
        format!("{} [{year}] No. {digits}", words.join(" "))
            .trim()
            .to_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::{date, document_number, is_page_frame, period};

    #[test]
    fn a_web_page_s_frame_is_told_from_the_plan() {
        for frame in [
            "Home > Policies > Plans",
            "首页 > 政策文件 > 规划计划",
            "Print | Share | Close",
            "打印",
            "当前位置：首页 > 政务公开",
        ] {
            assert!(is_page_frame(frame), "{frame}");
        }
        for text in [
            "Shanghai Action Plan for Promoting the Low-Altitude Economy (2026-2028)",
            "Shanghai Municipal Bureau of Justice| March 07, 2025",
            "I. General Goals",
            "Prices rose > 5% in the year to March.",
            "上海市促进低空经济高质量发展行动方案（2026—2028年）",
        ] {
            assert!(!is_page_frame(text), "{text}");
        }
    }

    #[test]
    fn header_facts() {
        assert_eq!(period("Working Plan (2025-2027)"), Some((2025, 2027)));
        assert_eq!(
            period("上海市发展医学人工智能工作方案（2025—2027年）"),
            Some((2025, 2027))
        );
        assert_eq!(period("A plan for 2030"), None);
        assert_eq!(
            date("Shanghai Municipal Bureau of Justice| March 07, 2025").as_deref(),
            Some("2025-03-07")
        );
        assert_eq!(date("2024年11月23日").as_deref(), Some("2024-11-23"));
        assert_eq!(
            document_number("沪府办发〔2024〕21号").as_deref(),
            Some("沪府办发〔2024〕21号")
        );
        assert_eq!(
            document_number("Hu Fu Ban Fa [2023] No. 8").as_deref(),
            Some("Hu Fu Ban Fa [2023] No. 8")
        );
    }
}
