//! The responsible units a measure names: "(Responsible units: the
//! Municipal Commission of Health, and …)", "（责任单位：市科委、市经济信息化委）",
//! "（牵头单位：……；配合单位：……）"; each matched to the dataset's units by
//! name, or proposed as a new one.

use crate::dataset::Unit;

/// The parenthesis naming a measure's units, found at the end of its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Responsibility {
    /// Where the parenthesis starts in the text (its byte offset).
    pub start: usize,
    /// The names, lead units first, as printed.
    pub names: Vec<String>,
    /// How many of `names` (from the first) the document labels as lead
    /// units ("牵头单位：", "Lead units:"); 0 where it labels none.
    pub lead: usize,
}

/// The words that open a responsibility parenthesis, after "(" or "（".
const OPENERS: [&str; 8] = [
    "Responsible units:",
    "Responsible unit:",
    "Responsible Units:",
    "Responsible Unit:",
    "Lead units:",
    "Lead unit:",
    "责任单位：",
    "牵头单位：",
];

/// The responsibility parenthesis closing `text`, if any.
pub fn responsibility(text: &str) -> Option<Responsibility> {
    let trimmed = text.trim_end();
    let close = trimmed.chars().next_back()?;
    if close != ')' && close != '）' {
        return None;
    }
    // The last opening parenthesis that holds a responsibility opener.
    let mut search_end = trimmed.len();
    while let Some(open) = trimmed[..search_end].rfind(['(', '（']) {
        let inner_start = open + trimmed[open..].chars().next()?.len_utf8();
        let inner = trimmed[inner_start..trimmed.len() - close.len_utf8()].trim_start();
        let inner_folded = inner.replace(':', "：");
        if OPENERS
            .iter()
            .any(|o| inner.starts_with(o) || inner_folded.starts_with(&o.replace(':', "：")))
        {
            let (names, lead) = split_names(inner);
            return Some(Responsibility {
                start: open,
                names,
                lead,
            });
        }
        search_end = open;
    }
    None
}

/// The names in a responsibility parenthesis's inside: lead units, then
/// supporting ones, separated by commas, "and", 、, ，or ；; and how many
/// of them the document labels as lead units.
fn split_names(inner: &str) -> (Vec<String>, usize) {
    let mut names = Vec::new();
    let mut lead = 0;
    for (i, part) in inner.split(['；', ';']).enumerate() {
        let labelled_lead = LEAD_LABELS.iter().any(|l| {
            part.trim_start()
                .replace(':', "：")
                .starts_with(&l.replace(':', "："))
        });
        // Drop the label: "Responsible units:", "牵头单位：", "配合单位：".
        let body = match part.find([':', '：']) {
            Some(colon) => &part[colon + part[colon..].chars().next().map_or(1, char::len_utf8)..],
            None => part,
        };
        for name in body.split([',', '、', '，']) {
            let name = crate::dataset::folded::normalize(name);
            let name = name.strip_prefix("and ").unwrap_or(&name).trim();
            let name = name.strip_suffix('等').unwrap_or(name).trim();
            if !name.is_empty() {
                names.push(name.to_owned());
            }
        }
        // Only the first part can be the lead: "牵头单位：A；配合单位：B".
        if labelled_lead && i == 0 {
            lead = names.len();
        }
    }
    (names, lead)
}

/// The labels that name the lead units.
const LEAD_LABELS: [&str; 3] = ["牵头单位：", "Lead units:", "Lead unit:"];

/// A name folded for matching: no leading "the", no "Shanghai" or
/// "Municipal" (which documents add and drop at will), lower case, one
/// space; for Chinese, no leading 上海 or 上海市's 上海.
pub fn name_key(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let words: Vec<&str> = lower
        .split_whitespace()
        .filter(|w| !matches!(*w, "the" | "shanghai" | "municipal" | "of" | "municipality"))
        .collect();
    let joined = words.join(" ");
    joined.strip_prefix("上海").unwrap_or(&joined).to_owned()
}

/// A unit the document names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnitMatch {
    /// One of the dataset's units, by index.
    Known(usize),
    /// Not in the dataset: proposed as a new unit with this name as printed
    /// (in English, or the Chinese name when the document is Chinese).
    New(String),
}

/// Matches printed names to `units`. A name that matches no unit but
/// joins two that do with "and" ("the Municipal Commission of Health and
/// the Municipal Data Bureau") is two units; "Science and Technology" in
/// one unit's name stays whole.
pub fn match_units(units: &[Unit], names: &[String]) -> Vec<UnitMatch> {
    let mut out = Vec::new();
    for name in names {
        let whole = match_unit(units, name);
        if matches!(whole, UnitMatch::New(_)) && name.contains(" and ") {
            let parts: Vec<UnitMatch> = name.split(" and ").map(|p| match_unit(units, p)).collect();
            if parts.iter().all(|p| matches!(p, UnitMatch::Known(_))) {
                out.extend(parts);
                continue;
            }
        }
        out.push(whole);
    }
    out
}

/// Matches a printed name to `units`: by its name folded (`name_key`),
/// else by the same English words in another order, else, for a Chinese
/// name, as the short form of a unit's full name (市卫生健康委 for
/// 上海市卫生健康委员会). Either of the last two must fit exactly one
/// unit: a name that fits two is proposed as new rather than guessed.
pub fn match_unit(units: &[Unit], name: &str) -> UnitMatch {
    let key = name_key(name);
    let found = units.iter().position(|unit| {
        name_key(&unit.name) == key
            || chinese_names(unit)
                .into_iter()
                .flatten()
                .any(|zh| name_key(zh) == key)
    });
    // The one unit that fits, where exactly one does.
    let only = |fits: &dyn Fn(&Unit) -> bool| {
        let mut fitting = units.iter().enumerate().filter(|(_, unit)| fits(unit));
        match (fitting.next(), fitting.next()) {
            (Some((i, _)), None) => Some(i),
            _ => None,
        }
    };
    // The same words in another order: "the Municipal Health Commission"
    // for "the Municipal Commission of Health".
    let words = word_set(&key);
    let found = found
        .or_else(|| {
            only(&|unit: &Unit| {
                key.is_ascii() && words.len() > 1 && word_set(&name_key(&unit.name)) == words
            })
        })
        .or_else(|| {
            only(&|unit: &Unit| {
                chinese_names(unit)
                    .into_iter()
                    .flatten()
                    .any(|zh| is_short_form(&key, &name_key(zh)))
            })
        });
    match found {
        Some(i) => UnitMatch::Known(i),
        None => UnitMatch::New(name.strip_prefix("the ").unwrap_or(name).to_owned()),
    }
}

/// A folded name's words, sorted.
fn word_set(key: &str) -> Vec<&str> {
    let mut words: Vec<&str> = key.split(' ').filter(|w| *w != "and").collect();
    words.sort_unstable();
    words
}

/// A unit's Chinese names: printed, and the editors' translation.
fn chinese_names(unit: &Unit) -> [Option<&str>; 2] {
    [unit.name_zh.as_deref(), unit.name_zh_translation.as_deref()]
}

/// Whether the Chinese name `short` is the usual short form of `full`:
/// the same first character, its characters in `full` in order, and the
/// same kind of body at the end (a 委 for a 委员会, a 局 for a 局).
/// 市卫健委, 市发展改革委 and 市政府 are short forms of 市卫生健康委员会,
/// 市发展和改革委员会 and 市人民政府.
fn is_short_form(short: &str, full: &str) -> bool {
    let han = |s: &str| s.chars().any(crate::import::figures::is_han);
    if !han(short) || short.chars().count() >= full.chars().count() {
        return false;
    }
    let (Some(first), Some(last)) = (short.chars().next(), short.chars().next_back()) else {
        return false;
    };
    let same_body = if last == '委' {
        full.ends_with("委员会") || full.ends_with('委')
    } else {
        full.ends_with(last)
    };
    let mut rest = full.chars();
    full.starts_with(first) && same_body && short.chars().all(|c| rest.any(|f| f == c))
}

#[cfg(test)]
mod tests {
    use super::{name_key, responsibility};

    #[test]
    fn english_responsibility() {
        let text = "We shall build it. (Responsible units: the Municipal Commission of Health, \
                    Shanghai Hospital Development Center, and the Municipal Data Bureau)";
        let found = responsibility(text).expect("found");
        assert_eq!(&text[..found.start], "We shall build it. ");
        assert_eq!(
            found.names,
            [
                "the Municipal Commission of Health",
                "Shanghai Hospital Development Center",
                "the Municipal Data Bureau"
            ]
        );
        let one = responsibility(
            "Text (including this). (Responsible unit: the Municipal Talent Bureau)",
        )
        .expect("found");
        assert_eq!(one.names, ["the Municipal Talent Bureau"]);
        // "Responsible units" names no lead: the first is not guessed one.
        assert_eq!(found.lead, 0);
        let lead = responsibility(
            "Text. (Lead unit: the Municipal Data Bureau; supporting: the Municipal Talent Bureau)",
        )
        .expect("found");
        assert_eq!(lead.lead, 1);
        assert_eq!(responsibility("Text (including this)."), None);
        assert_eq!(responsibility("Text (2025-2027)"), None);
    }

    #[test]
    fn chinese_responsibility() {
        let found = responsibility("加强研究。（责任单位：市科委、市经济信息化委，市卫生健康委）")
            .expect("found");
        assert_eq!(found.names, ["市科委", "市经济信息化委", "市卫生健康委"]);
        // 责任单位 names no lead unit: none is guessed.
        assert_eq!(found.lead, 0);
        let split =
            responsibility("加强研究。（牵头单位：市发展改革委；配合单位：各区政府、市财政局）")
                .expect("found");
        assert_eq!(split.names, ["市发展改革委", "各区政府", "市财政局"]);
        assert_eq!(split.lead, 1);
        let two =
            responsibility("加强研究。（牵头单位：市科委、市卫生健康委；配合单位：市财政局）")
                .expect("found");
        assert_eq!(two.lead, 2);
    }

    #[test]
    fn names_match_with_or_without_the_and_municipal() {
        assert_eq!(
            name_key("the Municipal Commission of Health"),
            name_key("Shanghai Commission of Health")
        );
        assert_eq!(name_key("上海市科委"), name_key("市科委"));
    }

    /// A unit named `name`, with `zh` as the editors' translation.
    fn unit(id: &str, name: &str, zh: Option<&str>) -> crate::dataset::Unit {
        crate::dataset::Unit {
            id: id.into(),
            name: name.to_owned(),
            name_zh: None,
            name_zh_translation: zh.map(str::to_owned),
            nodes: Vec::new(),
            review: crate::dataset::Review::default(),
        }
    }

    /// The id of the unit of `units` that `name` matches, if any.
    fn known<'u>(units: &'u [crate::dataset::Unit], name: &str) -> Option<&'u str> {
        match super::match_unit(units, name) {
            super::UnitMatch::Known(i) => Some(units[i].id.as_str()),
            super::UnitMatch::New(_) => None,
        }
    }

    #[test]
    fn an_english_name_in_another_word_order_matches() {
        let units = [
            unit("health", "Municipal Commission of Health", None),
            unit(
                "sci",
                "Municipal Commission of Science and Technology",
                None,
            ),
            unit("data", "Municipal Data Bureau", None),
        ];
        let known = |name: &str| known(&units, name);
        assert_eq!(
            known("the Shanghai Municipal Health Commission"),
            Some("health")
        );
        assert_eq!(known("Science and Technology Commission"), Some("sci"));
        assert_eq!(known("Data Bureau of Shanghai"), Some("data"));
        assert_eq!(known("Municipal Health Bureau"), None);
        assert_eq!(known("Commission"), None);
    }

    #[test]
    fn a_chinese_short_form_matches_the_one_unit_it_shortens() {
        let units = [
            unit("health", "health", Some("上海市卫生健康委员会")),
            unit("reform", "reform", Some("上海市发展和改革委员会")),
            unit("gov", "gov", Some("上海市人民政府")),
            unit("drugs", "drugs", Some("上海市药品监督管理局")),
            unit("education", "education", Some("上海市教育委员会")),
        ];
        let known = |name: &str| known(&units, name);
        assert_eq!(known("市卫生健康委"), Some("health"));
        assert_eq!(known("市卫健委"), Some("health"));
        assert_eq!(known("市发展改革委"), Some("reform"));
        assert_eq!(known("市发改委"), Some("reform"));
        assert_eq!(known("市政府"), Some("gov"));
        assert_eq!(known("市药监局"), Some("drugs"));
        assert_eq!(known("市教委"), Some("education"));
        // Fits three of them: proposed as new, not guessed.
        assert_eq!(known("市委"), None);
        // Another body (a 局 is not a 委员会), another unit.
        assert_eq!(known("市卫生健康局"), None);
        assert_eq!(known("市交通委"), None);
        assert_eq!(known("各区政府"), None);
    }
}
