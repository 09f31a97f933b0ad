//! The numbers that open a heading or a numbered paragraph, in the forms
//! Shanghai's plans print them: "I." "Ⅱ." "1." "1.Enhanced" "(1)" "(I)"
//! "-- " in English; "一、" "（一）" "1．" "（1）" "①" "第一章" "第一节" in
//! Chinese.

/// The form of a number; each form is one level of a document's outline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Style {
    /// "第一章": a Chinese chapter.
    ZhChapter,
    /// "第一节": a Chinese section.
    ZhSection,
    /// "一、": a Chinese numeral and an enumeration comma.
    ZhComma,
    /// "（一）": a Chinese numeral in parentheses.
    ZhParen,
    /// "I." or "Ⅰ." or "I  " (two spaces): a Roman numeral.
    Roman,
    /// "1." or "1．" or "1、": an Arabic numeral.
    Arabic,
    /// "(1)" or "（1）".
    ParenArabic,
    /// "(I)" or "（I）".
    ParenRoman,
    /// "①": a circled number.
    Circled,
    /// "-- " or "— ": a dash bullet (not numbered).
    Dash,
}

/// A number at the start of a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marker {
    /// Its form.
    pub style: Style,
    /// Its value (1 for "I", "一", "(1)", "①"); 0 for a dash.
    pub value: u32,
    /// The number as printed without its punctuation, for the node's
    /// numbering: "I", "1", "(1)", "一", "（一）", "①".
    pub label: String,
    /// The byte length of the marker and the space after it.
    pub len: usize,
}

/// The value of a Roman numeral of capitals (I to XXXIX is plenty for a
/// plan's chapters), or of the Unicode Roman numeral characters.
fn roman_value(text: &str) -> Option<u32> {
    let mut chars = text.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && ('\u{2160}'..='\u{216b}').contains(&c)
    {
        return Some(c as u32 - 0x2160 + 1);
    }
    if text.is_empty() || text.len() > 8 {
        return None;
    }
    let digit = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        _ => None,
    };
    let values: Vec<u32> = text.chars().map(digit).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, &v) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|&next| next > v) {
            total -= i64::from(v);
        } else {
            total += i64::from(v);
        }
    }
    // Only canonical spellings: "IIII" or "VX" are words, not numbers.
    let value = u32::try_from(total).ok().filter(|&v| v > 0)?;
    (to_roman(value) == text).then_some(value)
}

/// A number in Roman capitals.
fn to_roman(mut n: u32) -> String {
    let table = [
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, letters) in table {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

/// The value of a Chinese numeral up to 99 (一 … 九十九), with 〇/零.
pub fn chinese_value(text: &str) -> Option<u32> {
    let digit = |c: char| {
        "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .and_then(|p| u32::try_from(p).ok())
            .or((c == '零').then_some(0))
            .or((c == '两').then_some(2))
    };
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        [d] if *d == '十' => Some(10),
        [d] => digit(*d),
        ['十', d] => Some(10 + digit(*d)?),
        [d, '十'] => Some(digit(*d)? * 10),
        [a, '十', b] => Some(digit(*a)? * 10 + digit(*b)?),
        _ => None,
    }
}

/// Full-width digits and letters as ASCII.
fn ascii_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        _ => c,
    }
}

/// The number opening `paragraph`, if it opens with one.
pub fn marker(paragraph: &str) -> Option<Marker> {
    let text = paragraph.trim_start();
    let lead = paragraph.len() - text.len();
    let found = zh_chapter(text)
        .or_else(|| zh_comma(text))
        .or_else(|| parenthesised(text))
        .or_else(|| circled(text))
        .or_else(|| dotted(text))
        .or_else(|| dash(text))?;
    Some(Marker {
        len: found.len + lead,
        ..found
    })
}

/// The length of white space at the start of `text`.
fn space_len(text: &str) -> usize {
    text.len() - text.trim_start().len()
}

/// "第一章" / "第一节".
fn zh_chapter(text: &str) -> Option<Marker> {
    let rest = text.strip_prefix('第')?;
    let end = rest.find(['章', '节'])?;
    let value = chinese_value(&rest[..end])?;
    let kind = rest[end..].chars().next()?;
    let after = 3 + end + kind.len_utf8();
    Some(Marker {
        style: if kind == '章' {
            Style::ZhChapter
        } else {
            Style::ZhSection
        },
        value,
        label: text[..after].to_owned(),
        len: after + space_len(&text[after..]),
    })
}

/// "一、".
fn zh_comma(text: &str) -> Option<Marker> {
    let end = text.find('、')?;
    let value = chinese_value(&text[..end])?;
    let after = end + '、'.len_utf8();
    Some(Marker {
        style: Style::ZhComma,
        value,
        label: text[..end].to_owned(),
        len: after + space_len(&text[after..]),
    })
}

/// "(1)" "（1）" "(I)" "（一）", closed right after the number: "(2025-2027)"
/// and "(including …)" are not numbers.
fn parenthesised(text: &str) -> Option<Marker> {
    let (open, close) = if text.starts_with('(') {
        ('(', [')', '）'])
    } else if text.starts_with('（') {
        ('（', ['）', ')'])
    } else {
        return None;
    };
    let inner_start = open.len_utf8();
    let inner_len = text[inner_start..].find(close)?;
    let inner = &text[inner_start..inner_start + inner_len];
    let close_len = text[inner_start + inner_len..].chars().next()?.len_utf8();
    let after = inner_start + inner_len + close_len;
    let digits: String = inner.chars().map(ascii_digit).collect();
    let (style, value) =
        if !digits.is_empty() && digits.len() <= 3 && digits.bytes().all(|b| b.is_ascii_digit()) {
            (Style::ParenArabic, digits.parse().ok()?)
        } else if let Some(value) = roman_value(inner) {
            (Style::ParenRoman, value)
        } else if let Some(value) = chinese_value(inner) {
            (Style::ZhParen, value)
        } else {
            return None;
        };
    Some(Marker {
        style,
        value,
        label: text[..after].to_owned(),
        len: after + space_len(&text[after..]),
    })
}

/// "①" to "⑳".
fn circled(text: &str) -> Option<Marker> {
    let c = text.chars().next()?;
    if !('\u{2460}'..='\u{2473}').contains(&c) {
        return None;
    }
    let after = c.len_utf8();
    Some(Marker {
        style: Style::Circled,
        value: c as u32 - 0x2460 + 1,
        label: c.to_string(),
        len: after + space_len(&text[after..]),
    })
}

/// "I." "Ⅱ." "1." "1．" "1、" "1.Enhanced", and "I  Action" (a Roman
/// numeral and two spaces).
fn dotted(text: &str) -> Option<Marker> {
    let end = text
        .char_indices()
        .find(|&(_, c)| {
            !(c.is_ascii_alphanumeric()
                || ('０'..='９').contains(&c)
                || ('\u{2160}'..='\u{216b}').contains(&c))
        })
        .map_or(text.len(), |(i, _)| i);
    let number = &text[..end];
    let rest = &text[end..];
    let digits: String = number.chars().map(ascii_digit).collect();
    let (style, value) =
        if !digits.is_empty() && digits.len() <= 3 && digits.bytes().all(|b| b.is_ascii_digit()) {
            (Style::Arabic, digits.parse::<u32>().ok()?)
        } else if let Some(value) = roman_value(number) {
            (Style::Roman, value)
        } else {
            return None;
        };
    let punctuation = rest.chars().next();
    let unicode_roman = number
        .chars()
        .all(|c| ('\u{2160}'..='\u{216b}').contains(&c));
    let after = match punctuation {
        Some('.' | '．' | '、') => {
            let after = end + punctuation.map_or(0, char::len_utf8);
            // "3.5 billion" is a number, not a heading.
            if text[after..].starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            after
        }
        // A Unicode Roman numeral needs no stop.
        Some(_) if unicode_roman => end,
        // "I  Action …": two spaces and no stop, Roman numerals only.
        Some(' ' | '\u{a0}' | '\u{3000}') if style == Style::Roman => {
            let spaces = space_len(rest);
            let wide = rest.starts_with('\u{3000}') || rest[..spaces].chars().count() >= 2;
            if !wide {
                return None;
            }
            end
        }
        _ => return None,
    };
    Some(Marker {
        style,
        value,
        label: number.to_owned(),
        len: after + space_len(&text[after..]),
    })
}

/// "-- " "— " "– " "- ": a dash bullet.
fn dash(text: &str) -> Option<Marker> {
    for bullet in ["--", "——", "—", "–", "-", "•", "·"] {
        if let Some(rest) = text.strip_prefix(bullet)
            && rest.starts_with(char::is_whitespace)
        {
            return Some(Marker {
                style: Style::Dash,
                value: 0,
                label: String::new(),
                len: bullet.len() + space_len(rest),
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{Style, chinese_value, marker};

    fn read(text: &str) -> Option<(Style, u32, String, String)> {
        marker(text).map(|m| (m.style, m.value, m.label, text[m.len..].to_owned()))
    }

    #[test]
    fn english_numbers() {
        let cases = [
            ("I. Enhancing", Style::Roman, 1, "I", "Enhancing"),
            ("IV.\u{a0}Enhancing", Style::Roman, 4, "IV", "Enhancing"),
            ("Ⅱ. Building", Style::Roman, 2, "Ⅱ", "Building"),
            ("Ⅲ Building", Style::Roman, 3, "Ⅲ", "Building"),
            ("I  Action plan", Style::Roman, 1, "I", "Action plan"),
            ("12. Deepening", Style::Arabic, 12, "12", "Deepening"),
            ("1.Enhanced", Style::Arabic, 1, "1", "Enhanced"),
            (
                "(3) Whole-cycle",
                Style::ParenArabic,
                3,
                "(3)",
                "Whole-cycle",
            ),
            ("(II) Sub", Style::ParenRoman, 2, "(II)", "Sub"),
            (
                "-- The leading role",
                Style::Dash,
                0,
                "",
                "The leading role",
            ),
        ];
        for (text, style, value, label, rest) in cases {
            assert_eq!(
                read(text),
                Some((style, value, label.to_owned(), rest.to_owned())),
                "{text}"
            );
        }
    }

    #[test]
    fn chinese_numbers() {
        let cases = [
            ("一、总体要求", Style::ZhComma, 1, "一", "总体要求"),
            ("十二、保障措施", Style::ZhComma, 12, "十二", "保障措施"),
            (
                "（一）深化前沿基础研究。",
                Style::ZhParen,
                1,
                "（一）",
                "深化前沿基础研究。",
            ),
            ("１．加强", Style::Arabic, 1, "１", "加强"),
            ("2、推进", Style::Arabic, 2, "2", "推进"),
            ("（1）建设", Style::ParenArabic, 1, "（1）", "建设"),
            ("①打造", Style::Circled, 1, "①", "打造"),
            ("第三章 发展目标", Style::ZhChapter, 3, "第三章", "发展目标"),
            ("第二节 重点任务", Style::ZhSection, 2, "第二节", "重点任务"),
        ];
        for (text, style, value, label, rest) in cases {
            assert_eq!(
                read(text),
                Some((style, value, label.to_owned(), rest.to_owned())),
                "{text}"
            );
        }
    }

    #[test]
    fn what_is_not_a_number() {
        for text in [
            "In the city",
            "It is",
            "(2025-2027)",
            "(including hospitals)",
            "(US$69.79 billion)",
            "3.5 billion yuan",
            "2025 saw growth",
            "I am",
            "Vice mayor",
            "(Responsible units: the Municipal Commission of Health)",
            "一些措施",
            "Mix. It",
        ] {
            assert_eq!(marker(text), None, "{text}");
        }
        assert_eq!(chinese_value("二十三"), Some(23));
        assert_eq!(chinese_value("十"), Some(10));
        assert_eq!(chinese_value("一些"), None);
    }
}
