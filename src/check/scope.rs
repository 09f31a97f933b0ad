//! A claim's scope against its record's: the draft states a record's very
//! value, unit and year, but of a different extent of subject. It names
//! the whole country where the record is the city's, one district for
//! the whole city, one industry of a group for the group together
//! ("AI" for "the three pioneering industries"), or counts another thing
//! than the record does ("500 smart hospitals" for 500 smart factories).
//!
//! Another city is no such extent: a claim about Beijing is about
//! another subject, and stays `unknown`.

use std::collections::HashSet;

use super::records::Entry;
use super::words::words;
use crate::dataset::{Dataset, FigureRef};

/// Words naming the whole country: a city's figure said of them is said
/// of a wider scope.
const NATION: &[&str] = &[
    "national",
    "nationwide",
    "nation",
    "country",
    "china",
    "全国",
    "中国",
    "国家",
];

/// Shanghai's sixteen districts, in English and Chinese: those the
/// dataset's districts table lacks are added from here.
const SHANGHAI_DISTRICTS: &[(&str, &str)] = &[
    ("Huangpu", "黄浦区"),
    ("Xuhui", "徐汇区"),
    ("Changning", "长宁区"),
    ("Jing'an", "静安区"),
    ("Putuo", "普陀区"),
    ("Hongkou", "虹口区"),
    ("Yangpu", "杨浦区"),
    ("Minhang", "闵行区"),
    ("Baoshan", "宝山区"),
    ("Jiading", "嘉定区"),
    ("Pudong New Area", "浦东新区"),
    ("Jinshan", "金山区"),
    ("Songjiang", "松江区"),
    ("Qingpu", "青浦区"),
    ("Fengxian", "奉贤区"),
    ("Chongming", "崇明区"),
];

/// Words that count a group's members ("the three pioneering
/// industries"): a claim names the group without them too.
const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// How the draft's subject differs in extent from the record's.
#[derive(Clone, Debug, PartialEq)]
pub enum Scope {
    /// The draft names the whole country (as written) where the record is
    /// the city's.
    Nation {
        /// The draft's word.
        written: String,
    },
    /// The draft names one district where the record is the whole
    /// city's.
    District {
        /// The district's English name.
        en: String,
        /// Its Chinese name, where the dataset has one.
        zh: Option<String>,
    },
    /// The draft names one member of a group where the record is the
    /// group's together.
    Member {
        /// The group, as the record's title names it ("the three
        /// pioneering industries (AI, biomedicine, integrated circuits)").
        group_en: String,
        /// The group in Chinese.
        group_zh: String,
        /// The member the draft names ("AI").
        member_en: String,
        /// The member in Chinese ("人工智能").
        member_zh: String,
    },
    /// The draft counts another thing ("500 advanced smart hospitals").
    Noun {
        /// The draft's noun, as written.
        written: String,
    },
    /// The draft's words name another record, whose value is another.
    Other(FigureRef),
}

/// A group a record's title lists the members of, in brackets
/// ("three pioneering industries (AI, biomedicine, integrated circuits)").
#[derive(Clone, Debug)]
struct Group {
    /// The words naming the group ("three", "pioneer", "industry").
    phrase: Vec<String>,
    /// The first characters of its Chinese title ("三大先导").
    zh_head: Option<String>,
    /// The group as written in English and Chinese.
    en: String,
    zh: String,
    /// Its members in English and Chinese, with the English words.
    members: Vec<Member>,
}

#[derive(Clone, Debug)]
struct Member {
    en: String,
    zh: String,
    words: Vec<String>,
}

/// A district's words: the first word of each of its English names, and
/// its Chinese name without 区.
#[derive(Clone, Debug)]
struct District {
    en: String,
    zh: Option<String>,
    words: Vec<String>,
    /// Every word of its names ("浦东", "东新", "新区"): a core search
    /// leaves them all out.
    all_words: Vec<String>,
}

/// What the check knows of extents: the nation's words, the city's
/// districts, and the groups the records' titles list.
#[derive(Clone, Debug, Default)]
pub(super) struct Extents {
    nation: Vec<String>,
    districts: Vec<District>,
    groups: Vec<Group>,
    /// For each record (by its index in the records), the group it is of.
    group_of: Vec<Option<usize>>,
}

impl Extents {
    /// The extents of `dataset`, whose records are `entries`.
    pub fn new(dataset: &Dataset, entries: &[Entry]) -> Self {
        let nation = NATION.iter().flat_map(|w| words(w)).collect();
        let known: HashSet<String> = dataset
            .districts
            .iter()
            .filter_map(|d| words(&d.name).into_iter().next())
            .collect();
        let table = dataset.districts.iter().map(|d| {
            (
                d.name.clone(),
                d.aliases.clone(),
                d.name_zh.clone().or_else(|| d.name_zh_translation.clone()),
            )
        });
        let more = SHANGHAI_DISTRICTS
            .iter()
            .filter(|(en, _)| words(en).first().is_none_or(|w| !known.contains(w)))
            .map(|(en, zh)| ((*en).to_owned(), Vec::new(), Some((*zh).to_owned())));
        let districts = table
            .chain(more)
            .map(|(name, aliases, zh)| {
                let mut list: Vec<String> = std::iter::once(&name)
                    .chain(&aliases)
                    .filter_map(|n| words(n).into_iter().next())
                    .collect();
                if let Some(zh) = &zh {
                    let bare = zh.trim_end_matches("新区").trim_end_matches('区');
                    list.extend(words(bare).into_iter().take(1));
                }
                let mut all_words: Vec<String> = std::iter::once(&name)
                    .chain(&aliases)
                    .chain(&zh)
                    .flat_map(|n| words(n))
                    .collect();
                all_words.extend(list.iter().cloned());
                District {
                    en: name,
                    zh,
                    words: list,
                    all_words,
                }
            })
            .collect();
        let mut extents = Self {
            nation,
            districts,
            ..Self::default()
        };
        for entry in entries {
            let named = dataset.figure_named(entry.figure);
            let zh = named.zh().map(|z| z.text().to_owned());
            if let Some(group) = group(named.english(), zh.as_deref()) {
                extents.groups.push(group);
            }
        }
        extents.group_of = entries
            .iter()
            .map(|entry| {
                let named = dataset.figure_named(entry.figure);
                let title: HashSet<String> = words(named.english()).into_iter().collect();
                let zh = named.zh().map(|z| z.text().to_owned()).unwrap_or_default();
                extents.groups.iter().position(|g| {
                    g.phrase.iter().all(|w| title.contains(w))
                        || g.zh_head.as_deref().is_some_and(|h| zh.contains(h))
                })
            })
            .collect();
        extents
    }

    /// The nation's and the districts' words among `claim`'s: a core
    /// search leaves them out to find the record of the city.
    pub fn places_in(&self, claim: &HashSet<String>) -> HashSet<String> {
        let named = self
            .districts
            .iter()
            .filter(|d| d.words.iter().any(|w| claim.contains(w)));
        self.nation
            .iter()
            .filter(|w| claim.contains(*w))
            .chain(named.flat_map(|d| &d.all_words))
            .cloned()
            .collect()
    }

    /// The groups one of whose members the claim names, not the group
    /// itself, as words to add to the claim's to find the group's record
    /// ("人工智能产业规模" finds the three industries' scale).
    pub fn groups_of_members(&self, claim: &HashSet<String>, written: &str) -> Vec<String> {
        self.groups
            .iter()
            .filter(|g| {
                let named = g.members.iter().filter(|m| m.named(claim, written)).count();
                named == 1 && !g.named(claim, written)
            })
            .map(|g| format!("{} {}", g.en, g.zh))
            .collect()
    }

    /// The group the record at `at` is of, if any.
    pub fn group_of(&self, at: usize) -> Option<usize> {
        self.group_of.get(at).copied().flatten()
    }

    /// The first group the words name itself ("the pioneering
    /// industries", "三大先导"), not one of its members alone.
    pub fn group_named(&self, claim: &HashSet<String>, written: &str) -> Option<usize> {
        self.groups.iter().position(|g| g.named(claim, written))
    }

    /// How a claim whose words are `claim` (its text `written`) differs
    /// in scope from the record `entry` (the `at`th), if it does.
    pub fn conflict(
        &self,
        at: usize,
        entry: &Entry,
        claim: &HashSet<String>,
        written: &str,
        noun: Option<&str>,
    ) -> Option<Scope> {
        if let Some(word) = self
            .nation
            .iter()
            .find(|w| claim.contains(*w) && !entry.own_words.contains(*w))
        {
            return Some(Scope::Nation {
                written: as_written(written, word),
            });
        }
        if let Some(d) = self.districts.iter().find(|d| {
            d.words.iter().any(|w| claim.contains(w))
                && !d.words.iter().any(|w| entry.own_words.contains(w))
        }) {
            return Some(Scope::District {
                en: d.en.clone(),
                zh: d.zh.clone(),
            });
        }
        if let Some(g) = self.group_of.get(at).copied().flatten() {
            let group = &self.groups[g];
            let named: Vec<&Member> = group
                .members
                .iter()
                .filter(|m| m.named(claim, written))
                .collect();
            let whole = named.len() >= 2 || group.named(claim, written);
            if let (Some(member), false) = (named.first(), whole) {
                return Some(Scope::Member {
                    group_en: group.en.clone(),
                    group_zh: group.zh.clone(),
                    member_en: member.en.clone(),
                    member_zh: member.zh.clone(),
                });
            }
        }
        // A count of another thing: its noun's last word is not the
        // record's ("smart hospitals" for "smart factories").
        if let Some(noun) = noun
            && let Some(head) = words(noun).pop()
            && !entry.own_words.contains(&head)
        {
            return Some(Scope::Noun {
                written: noun.trim().to_owned(),
            });
        }
        None
    }
}

impl Group {
    /// Whether the claim names the group itself, its number aside ("the
    /// pioneering industries", "三大先导").
    fn named(&self, claim: &HashSet<String>, written: &str) -> bool {
        self.phrase
            .iter()
            .filter(|w| !NUMBER_WORDS.contains(&w.as_str()))
            .all(|w| claim.contains(w))
            || self.zh_head.as_deref().is_some_and(|h| written.contains(h))
    }
}

impl Member {
    /// Whether the claim names the member.
    fn named(&self, claim: &HashSet<String>, written: &str) -> bool {
        (!self.words.is_empty() && self.words.iter().all(|w| claim.contains(w)))
            || (!self.zh.is_empty() && written.contains(&self.zh))
    }
}

/// The group a title lists in brackets, with two members or more.
fn group(title: &str, zh: Option<&str>) -> Option<Group> {
    let (head, rest) = title.split_once('(')?;
    let list = rest.split_once(')')?.0;
    let members_en: Vec<String> = list
        .split(',')
        .flat_map(|m| m.split(" and "))
        .map(|m| m.trim().trim_start_matches("and ").trim().to_owned())
        .filter(|m| !m.is_empty())
        .collect();
    if members_en.len() < 2 {
        return None;
    }
    // The group is what the words before the brackets are "of" or "in".
    let phrase_en = [" of ", " in "]
        .iter()
        .filter_map(|sep| head.rfind(sep).map(|i| &head[i + sep.len()..]))
        .min_by_key(|s| s.len())
        .unwrap_or(head)
        .trim();
    let phrase = words(phrase_en);
    if phrase.is_empty() {
        return None;
    }
    let (zh_title, zh_group, members_zh) = match zh.and_then(|z| z.split_once('（')) {
        Some((zh_head, rest)) => {
            let list = rest.split_once('）').map_or(rest, |(l, _)| l);
            let members: Vec<String> = list
                .split(['、', '，', ','])
                .map(|m| m.trim().to_owned())
                .filter(|m| !m.is_empty())
                .collect();
            // The group is the title up to its first 产业 or 领域
            // ("三大先导产业", "前沿领域").
            let cut = ["产业", "领域"]
                .iter()
                .filter_map(|w| zh_head.find(w).map(|i| i + w.len()))
                .min()
                .unwrap_or(zh_head.len());
            (
                zh_head.to_owned(),
                format!("{}（{list}）", &zh_head[..cut]),
                members,
            )
        }
        None => (String::new(), String::new(), Vec::new()),
    };
    let zh_head: Option<String> =
        (zh_title.chars().count() >= 4).then(|| zh_title.chars().take(4).collect());
    let paired = members_zh.len() == members_en.len();
    let members = members_en
        .iter()
        .enumerate()
        .map(|(i, en)| Member {
            en: en.clone(),
            zh: if paired {
                members_zh[i].clone()
            } else {
                String::new()
            },
            words: words(en),
        })
        .collect();
    Some(Group {
        phrase,
        zh_head,
        en: format!("{} ({list})", phrase_en.trim_start_matches("the ")),
        zh: if zh_group.is_empty() {
            title.to_owned()
        } else {
            zh_group
        },
        members,
    })
}

/// The word of `text` whose subject word is `word`, as written ("China's"
/// for "china"), or the word itself.
fn as_written(text: &str, word: &str) -> String {
    if !word.is_ascii() {
        return word.to_owned();
    }
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
        .find(|w| words(w).first().is_some_and(|s| s == word))
        .map_or_else(
            || word.to_owned(),
            |w| w.trim_end_matches("'s").trim_end_matches('\'').to_owned(),
        )
}
