//! Word's automatic numbering, rebuilt as printed: the lists of
//! `word/numbering.xml` (each `w:num` an instance of a `w:abstractNum`,
//! whose levels have a start, a format and a text such as "%1." or
//! "（%1）"), and counters per list and level that step as numbered
//! paragraphs come, restarting the levels below.

use std::collections::HashMap;

/// One level of a list: how its number is written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Level {
    /// The first number.
    pub start: u32,
    /// `w:numFmt`: "decimal", "chineseCounting", "upperRoman", ...
    pub format: String,
    /// `w:lvlText`: "%1.", "（%1）", "%1.%2"; a bullet's own character.
    pub text: String,
    /// `w:suff`: what follows the number ("tab", "space", "nothing").
    pub suffix: String,
    /// `w:lvlRestart`: the level (1-based) whose use restarts this one; 0
    /// never; `None` for the default, any level above.
    pub restart: Option<u32>,
    /// `w:isLgl`: every number in the text written in Arabic digits.
    pub legal: bool,
    /// `w:pStyle`: the paragraph style that has this level.
    pub style: Option<String>,
}

/// A `w:abstractNum`: its levels by `w:ilvl`.
#[derive(Clone, Debug, Default)]
pub(super) struct Abstract {
    pub levels: HashMap<u32, Level>,
    /// `w:numStyleLink`: the list is the one this numbering style names.
    pub style_link: Option<String>,
}

/// A `w:num`: the abstract list it is an instance of, and the levels it
/// overrides.
#[derive(Clone, Debug, Default)]
pub(super) struct Instance {
    pub abstract_id: String,
    /// `w:lvlOverride`: a start to restart at, and a level replaced.
    pub overrides: HashMap<u32, (Option<u32>, Option<Level>)>,
}

/// The numbering definitions, and the counters as the document goes.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    pub abstracts: HashMap<String, Abstract>,
    pub instances: HashMap<String, Instance>,
    /// Numbering styles that `w:numStyleLink` points at, to their `numId`.
    pub style_nums: HashMap<String, String>,
    /// The counters of each abstract list, by level; 0 for a level not
    /// used yet.
    counters: HashMap<String, Vec<u32>>,
    /// The instances whose start overrides were applied.
    overridden: std::collections::HashSet<String>,
    /// Numbers written out so far.
    pub written: usize,
}

/// The deepest level Word has (0 to 8).
const LEVELS: usize = 9;
/// [`LEVELS`] as Word numbers them.
const LEVELS_U32: u32 = 9;

impl Numbering {
    /// The number printed before a paragraph of list `num_id` at level
    /// `ilvl`, with what follows it, stepping the counters; `None` for
    /// "no list" (`numId` 0), a list not defined, or a level with no text.
    pub fn next(&mut self, num_id: &str, ilvl: u32) -> Option<String> {
        let ilvl = ilvl.min(LEVELS_U32 - 1);
        let instance = self.instances.get(num_id)?.clone();
        let abstract_id = self.resolve_abstract(&instance.abstract_id)?;
        let levels = self.levels(&abstract_id, &instance);
        let counters = self
            .counters
            .entry(abstract_id.clone())
            .or_insert_with(|| vec![0; LEVELS]);
        // A start override restarts its level the first time this
        // instance is used, as a list Word restarted at 1 does.
        if self.overridden.insert(num_id.to_owned()) {
            for (&level, (start, _)) in &instance.overrides {
                if start.is_some() && (level as usize) < LEVELS {
                    counters[level as usize] = 0;
                }
            }
        }
        let start_of = |level: usize| {
            let override_start = instance
                .overrides
                .get(&u32::try_from(level).unwrap_or(LEVELS_U32))
                .and_then(|(start, _)| *start);
            override_start.unwrap_or_else(|| levels[level].as_ref().map_or(1, |l| l.start))
        };
        let i = ilvl as usize;
        counters[i] = if counters[i] == 0 {
            start_of(i)
        } else {
            counters[i] + 1
        };
        // Levels below restart: by default after any level above them;
        // with lvlRestart only after the levels up to the one it names.
        for (deeper, counter) in counters.iter_mut().enumerate().skip(i + 1) {
            let restart = levels[deeper].as_ref().and_then(|l| l.restart);
            let restarts = match restart {
                None => true,
                Some(0) => false,
                Some(upto) => i < upto as usize,
            };
            if restarts {
                *counter = 0;
            }
        }
        let level = levels[i].as_ref()?;
        let mut number = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%'
                && let Some(digit) = chars.peek().and_then(|d| d.to_digit(10))
            {
                chars.next();
                let referred = (digit as usize).saturating_sub(1).min(LEVELS - 1);
                let value = match counters[referred] {
                    0 => start_of(referred),
                    value => value,
                };
                let format = match &levels[referred] {
                    _ if level.legal => "decimal",
                    Some(l) => l.format.as_str(),
                    None => "decimal",
                };
                number.push_str(&format_number(value, format));
            } else {
                number.push(c);
            }
        }
        if level.format == "bullet" {
            number = bullet(&number);
        }
        if level.format == "none" && !level.text.contains('%') && level.text.is_empty() {
            return None;
        }
        let number = number.trim().to_owned();
        if number.is_empty() {
            return None;
        }
        self.written += 1;
        let separator = match level.suffix.as_str() {
            "nothing" => "",
            // A number ending in Chinese punctuation ("一、", "（一）")
            // runs into its text in print, whatever the suffix.
            _ if number.ends_with(|c: char| super::encoding::is_cjk(c)) => "",
            _ => " ",
        };
        Some(format!("{number}{separator}"))
    }

    /// The abstract list an instance's abstract points at, following a
    /// numbering style link once.
    fn resolve_abstract(&self, abstract_id: &str) -> Option<String> {
        let found = self.abstracts.get(abstract_id)?;
        if let Some(style) = &found.style_link
            && let Some(num_id) = self.style_nums.get(style)
            && let Some(linked) = self.instances.get(num_id)
            && linked.abstract_id != abstract_id
            && self.abstracts.contains_key(&linked.abstract_id)
        {
            return Some(linked.abstract_id.clone());
        }
        Some(abstract_id.to_owned())
    }

    /// The levels of an abstract list as an instance sees them.
    fn levels(&self, abstract_id: &str, instance: &Instance) -> Vec<Option<Level>> {
        let found = self.abstracts.get(abstract_id);
        (0..LEVELS_U32)
            .map(|ilvl| {
                instance
                    .overrides
                    .get(&ilvl)
                    .and_then(|(_, level)| level.clone())
                    .or_else(|| found.and_then(|a| a.levels.get(&ilvl).cloned()))
            })
            .collect()
    }

    /// The level of list `num_id` whose paragraph style is `style`, for a
    /// style that names its list but not its level.
    pub fn level_of_style(&self, num_id: &str, style: &str) -> Option<u32> {
        let instance = self.instances.get(num_id)?;
        let found = self.abstracts.get(&instance.abstract_id)?;
        found
            .levels
            .iter()
            .find(|(_, level)| level.style.as_deref() == Some(style))
            .map(|(&ilvl, _)| ilvl)
    }
}

/// A bullet as printed: Word's Symbol and Wingdings bullets are private-use
/// characters, written here as the bullet they show.
fn bullet(text: &str) -> String {
    if text.chars().all(|c| ('\u{e000}'..='\u{f8ff}').contains(&c)) {
        "•".to_owned()
    } else {
        text.to_owned()
    }
}

/// `value` in the number format `format` (`w:numFmt`'s values); formats
/// not known are written in Arabic digits.
pub(super) fn format_number(value: u32, format: &str) -> String {
    match format {
        "decimalZero" => format!("{value:02}"),
        "upperRoman" => roman(value),
        "lowerRoman" => roman(value).to_lowercase(),
        "upperLetter" => letters(value),
        "lowerLetter" => letters(value).to_lowercase(),
        "ordinal" => ordinal(value),
        "chineseCounting"
        | "chineseCountingThousand"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "japaneseCounting"
        | "koreanCounting" => chinese(value, &SMALL_DIGITS, &SMALL_UNITS, '零'),
        "chineseLegalSimplified" => chinese(value, &LEGAL_DIGITS, &LEGAL_UNITS, '零'),
        "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => value
            .to_string()
            .chars()
            .map(|d| SMALL_DIGITS[d.to_digit(10).unwrap_or(0) as usize])
            .collect(),
        "ideographTraditional" => cycle(value, &HEAVENLY_STEMS),
        "ideographZodiac" => cycle(value, &EARTHLY_BRANCHES),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" | "ideographEnclosedCircle" => {
            enclosed(value, '\u{2460}', 20).unwrap_or_else(|| value.to_string())
        }
        "decimalEnclosedParen" => {
            enclosed(value, '\u{2474}', 20).unwrap_or_else(|| format!("({value})"))
        }
        "decimalEnclosedFullstop" => {
            enclosed(value, '\u{2488}', 20).unwrap_or_else(|| format!("{value}."))
        }
        "decimalFullWidth" | "decimalFullWidth2" => value
            .to_string()
            .chars()
            .map(|d| char::from_u32(u32::from(d) - u32::from('0') + 0xff10).unwrap_or(d))
            .collect(),
        "none" | "bullet" => String::new(),
        _ => value.to_string(),
    }
}

const SMALL_DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const SMALL_UNITS: [char; 4] = ['十', '百', '千', '万'];
const LEGAL_DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const LEGAL_UNITS: [char; 4] = ['拾', '佰', '仟', '万'];
const HEAVENLY_STEMS: [char; 10] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
const EARTHLY_BRANCHES: [char; 12] = [
    '子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥',
];

/// A number in Chinese counting: 十, 十一, 二十, 一百零五, 一千二百.
fn chinese(value: u32, digits: &[char; 10], units: &[char; 4], zero_sign: char) -> String {
    if value == 0 {
        return digits[0].to_string();
    }
    if value >= 100_000 {
        return value.to_string();
    }
    let place = [
        value / 10_000,
        value / 1000 % 10,
        value / 100 % 10,
        value / 10 % 10,
        value % 10,
    ];
    let unit = [
        Some(units[3]),
        Some(units[2]),
        Some(units[1]),
        Some(units[0]),
        None,
    ];
    let mut out = String::new();
    let mut zero = false;
    for (i, &d) in place.iter().enumerate() {
        if d == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push(zero_sign);
            zero = false;
        }
        // Ten to nineteen are written 十, 十一, not 一十一.
        let tens_alone = i == 3 && d == 1 && out.is_empty();
        if !tens_alone {
            out.push(digits[d as usize]);
        }
        if let Some(u) = unit[i] {
            out.push(u);
        }
    }
    out
}

/// Roman numerals; past 3999 in Arabic digits.
fn roman(value: u32) -> String {
    if value == 0 || value > 3999 {
        return value.to_string();
    }
    let table = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut rest = value;
    let mut out = String::new();
    for (n, s) in table {
        while rest >= n {
            out.push_str(s);
            rest -= n;
        }
    }
    out
}

/// Word's letters: A..Z, then AA..ZZ, AAA...
fn letters(value: u32) -> String {
    if value == 0 {
        return String::new();
    }
    let letter = char::from(b'A' + u8::try_from((value - 1) % 26).unwrap_or(0));
    let times = (value - 1) / 26 + 1;
    std::iter::repeat_n(letter, times.min(10) as usize).collect()
}

fn ordinal(value: u32) -> String {
    let suffix = match (value % 10, value % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{value}{suffix}")
}

fn cycle(value: u32, signs: &[char]) -> String {
    let len = u32::try_from(signs.len()).unwrap_or(1);
    signs[(value.max(1) - 1) as usize % len as usize].to_string()
}

/// ①..⑳ and the like: `count` characters from `first`.
fn enclosed(value: u32, first: char, count: u32) -> Option<String> {
    (1..=count)
        .contains(&value)
        .then(|| char::from_u32(u32::from(first) + value - 1))
        .flatten()
        .map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_printed() {
        let cases = [
            (1, "chineseCounting", "一"),
            (10, "chineseCounting", "十"),
            (11, "chineseCounting", "十一"),
            (20, "chineseCounting", "二十"),
            (105, "chineseCounting", "一百零五"),
            (1200, "chineseCounting", "一千二百"),
            (3, "chineseLegalSimplified", "叁"),
            (3, "ideographTraditional", "丙"),
            (14, "upperRoman", "XIV"),
            (4, "lowerRoman", "iv"),
            (28, "upperLetter", "BB"),
            (3, "decimalEnclosedCircle", "③"),
            (2, "decimalEnclosedParen", "⑵"),
            (12, "decimalFullWidth", "１２"),
            (5, "decimalZero", "05"),
            (2, "ordinal", "2nd"),
            (7, "someFutureFormat", "7"),
        ];
        for (value, format, printed) in cases {
            assert_eq!(format_number(value, format), printed, "{value} {format}");
        }
    }

    fn level(format: &str, text: &str) -> Level {
        Level {
            start: 1,
            format: format.to_owned(),
            text: text.to_owned(),
            suffix: "tab".to_owned(),
            ..Level::default()
        }
    }

    fn chinese_outline() -> Numbering {
        let mut numbering = Numbering::default();
        let levels = [
            level("chineseCounting", "%1、"),
            level("chineseCounting", "（%2）"),
            level("decimal", "%3."),
        ];
        numbering.abstracts.insert(
            "0".to_owned(),
            Abstract {
                levels: levels
                    .into_iter()
                    .enumerate()
                    .map(|(i, l)| (u32::try_from(i).unwrap_or(0), l))
                    .collect(),
                style_link: None,
            },
        );
        numbering.instances.insert(
            "1".to_owned(),
            Instance {
                abstract_id: "0".to_owned(),
                overrides: HashMap::new(),
            },
        );
        numbering
    }

    #[test]
    fn counters_step_and_restart_below() {
        let mut numbering = chinese_outline();
        let printed: Vec<_> = [0, 1, 1, 2, 2, 1, 0, 1, 2]
            .into_iter()
            .map(|ilvl| numbering.next("1", ilvl).unwrap_or_default())
            .collect();
        assert_eq!(
            printed,
            [
                "一、",
                "（一）",
                "（二）",
                "1. ",
                "2. ",
                "（三）",
                "二、",
                "（一）",
                "1. "
            ]
        );
        assert_eq!(numbering.next("0", 0), None);
    }

    #[test]
    fn a_start_override_restarts_a_list() {
        let mut numbering = chinese_outline();
        numbering.next("1", 0);
        numbering.next("1", 0);
        numbering.instances.insert(
            "2".to_owned(),
            Instance {
                abstract_id: "0".to_owned(),
                overrides: [(0, (Some(1), None))].into_iter().collect(),
            },
        );
        assert_eq!(numbering.next("2", 0).as_deref(), Some("一、"));
        assert_eq!(numbering.next("2", 0).as_deref(), Some("二、"));
    }

    #[test]
    fn multi_level_text_and_legal_numbers() {
        let mut numbering = chinese_outline();
        let abstract_list = numbering.abstracts.get_mut("0").expect("defined");
        abstract_list.levels.insert(2, level("decimal", "%1.%2.%3"));
        numbering.next("1", 0);
        numbering.next("1", 1);
        assert_eq!(numbering.next("1", 2).as_deref(), Some("一.一.1 "));
        let abstract_list = numbering.abstracts.get_mut("0").expect("defined");
        if let Some(l) = abstract_list.levels.get_mut(&2) {
            l.legal = true;
        }
        assert_eq!(numbering.next("1", 2).as_deref(), Some("1.1.2 "));
    }
}
