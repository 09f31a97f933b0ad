//! The draft check's verdicts and messages in English and Chinese: what
//! the data says of each figure a draft states, with the record's value,
//! quote and source.

use super::Lang;
use super::problems::words;
use crate::check::{Claim, Difference, Scope, Verdict};
use crate::dataset::{Dataset, FigureRef};
use crate::view::amount::Convention;

impl Verdict {
    /// The verdict's name, in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Agrees, Lang::En) => "agrees",
            (Self::Agrees, Lang::Zh) => "相符",
            (Self::Differs, Lang::En) => "differs",
            (Self::Differs, Lang::Zh) => "不符",
            (Self::DropsQualifier, Lang::En) => "drops a qualifier",
            (Self::DropsQualifier, Lang::Zh) => "漏掉限定词",
            (Self::DropsCaveat, Lang::En) => "drops a caveat",
            (Self::DropsCaveat, Lang::Zh) => "漏掉说明",
            (Self::Unknown, Lang::En) => "unknown",
            (Self::Unknown, Lang::Zh) => "无记录",
            (Self::Ambiguous, Lang::En) => "ambiguous",
            (Self::Ambiguous, Lang::Zh) => "多条记录",
        }
    }
}

/// A record's value with its qualifier and year, in `lang`: "5.39
/// trillion yuan in 2024", "about 15 by 2027".
pub fn record_value(dataset: &Dataset, figure: FigureRef, lang: Lang) -> String {
    let convention = Convention::of_language(lang);
    let Some((quantity, _)) = crate::check::value_of(dataset, figure) else {
        return String::new();
    };
    let value = quantity.text(convention);
    match figure {
        FigureRef::Point(s, p) => {
            let year = dataset.series[s.index()].points[p as usize].year;
            words!(lang, "{value} in {year}", "{year}年{value}")
        }
        FigureRef::Target(t) => match dataset.targets[t.index()].deadline_year {
            Some(year) => words!(lang, "{value} by {year}", "到{year}年{value}"),
            None => value,
        },
        FigureRef::Fact(f) => {
            let as_of = &dataset.facts[f.index()].as_of;
            words!(lang, "{value} as of {as_of}", "截至{as_of}为{value}")
        }
        FigureRef::Fund(_) | FigureRef::Series(_) => value,
    }
}

/// A record's title in `lang`: its Chinese one where it has one.
fn figure_title(dataset: &Dataset, figure: FigureRef, lang: Lang) -> String {
    let named = dataset.figure_named(figure);
    match (lang, named.zh()) {
        (Lang::Zh, Some(zh)) => zh.text().to_owned(),
        _ => named.english().to_owned(),
    }
}

/// Where a record's figure is stated: “quote”, source title.
pub fn record_source(dataset: &Dataset, figure: FigureRef, lang: Lang) -> String {
    let Some(citation) = crate::check::citation_list(dataset, figure).first() else {
        return String::new();
    };
    let quote = &citation.quote;
    let source = &dataset.sources[citation.source.index()].title;
    words!(lang, "“{quote}” ({source})", "“{quote}”（{source}）")
}

impl Claim {
    /// What the data says of the claim, in `lang`.
    pub fn message(&self, dataset: &Dataset, lang: Lang) -> String {
        let draft = &self.text;
        let Some(&first) = self.records.first() else {
            return self.unknown_message(lang);
        };
        let id = dataset.figure_id(first);
        let value = record_value(dataset, first, lang);
        let source = record_source(dataset, first, lang);
        match (self.verdict, self.difference) {
            (Verdict::Agrees, _) => {
                words!(
                    lang,
                    "agrees with {id}: {value}; {source}",
                    "与 {id} 相符：{value}；{source}"
                )
            }
            (Verdict::Differs, Some(Difference::Year)) => {
                let year = self.year.map(|y| y.to_string()).unwrap_or_default();
                words!(
                    lang,
                    "the data says {value} ({id}); the draft gives it for {year}; {source}",
                    "数据为{value}（{id}）；草稿写作{year}年；{source}",
                )
            }
            (Verdict::Differs, Some(Difference::Scope)) => {
                self.scope_message(dataset, lang, &value, &source)
            }
            (Verdict::Differs, Some(Difference::Unit)) => words!(
                lang,
                "the data says {value} ({id}); the draft writes “{draft}”, another unit; {source}",
                "数据为{value}（{id}）；草稿写作“{draft}”，单位不同；{source}",
            ),
            (Verdict::Differs, _) => words!(
                lang,
                "the data says {value} ({id}); the draft says “{draft}”; {source}",
                "数据为{value}（{id}）；草稿写作“{draft}”；{source}",
            ),
            (Verdict::DropsQualifier, _) => {
                let dropped = words!(
                    lang,
                    "the data says {value} ({id}); the draft's “{draft}” leaves out the qualifier; {source}",
                    "数据为{value}（{id}）；草稿写作“{draft}”，漏掉了限定词；{source}",
                );
                // The record's caveat too, where it has one.
                match dataset.figure_caveat(first) {
                    Some(caveat) => {
                        let caveat = crate::view::caveat_words(lang, caveat);
                        words!(
                            lang,
                            "{dropped}; note: {caveat}",
                            "{dropped}；说明：{caveat}"
                        )
                    }
                    None => dropped,
                }
            }
            (Verdict::DropsCaveat, _) => {
                let caveat = dataset
                    .figure_caveat(first)
                    .map(|c| crate::view::caveat_words(lang, c))
                    .unwrap_or_default();
                words!(
                    lang,
                    "agrees with {id} ({value}), but the data carries a caveat the draft does not mention: {caveat}; {source}",
                    "与 {id} 相符（{value}），但数据附有草稿未提及的说明：{caveat}；{source}",
                )
            }
            (Verdict::Ambiguous, _) => {
                let list = self
                    .records
                    .iter()
                    .map(|&r| {
                        format!(
                            "{} ({})",
                            dataset.figure_id(r),
                            record_value(dataset, r, lang)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                words!(
                    lang,
                    "several records fit: {list}",
                    "有多条记录符合：{list}"
                )
            }
            (Verdict::Unknown, _) => self.unknown_message(lang),
        }
    }

    /// The record's figure said of another extent: what the data gives
    /// it for, and what the draft says it of.
    fn scope_message(&self, dataset: &Dataset, lang: Lang, value: &str, source: &str) -> String {
        let Some(&first) = self.records.first() else {
            return self.unknown_message(lang);
        };
        let id = dataset.figure_id(first);
        let title = figure_title(dataset, first, lang);
        let (of_data, of_draft) = match &self.scope {
            Some(Scope::Nation { written }) => (
                words!(lang, "Shanghai (“{title}”)", "上海市（“{title}”）"),
                words!(
                    lang,
                    "“{written}”, the whole country",
                    "“{written}”（全国）"
                ),
            ),
            Some(Scope::District { en, zh }) => {
                let zh = zh.as_deref().unwrap_or(en);
                (
                    words!(lang, "the whole city (“{title}”)", "全市（“{title}”）"),
                    words!(lang, "{en}, one district", "{zh}，一个区"),
                )
            }
            Some(Scope::Member {
                group_en,
                group_zh,
                member_en,
                member_zh,
            }) => {
                let member_zh = if member_zh.is_empty() {
                    member_en
                } else {
                    member_zh
                };
                (
                    words!(lang, "the {group_en} together", "{group_zh}合计"),
                    words!(lang, "{member_en} alone", "{member_zh}一项"),
                )
            }
            Some(Scope::Noun { written }) => (
                words!(lang, "“{title}”", "“{title}”"),
                words!(lang, "“{written}”", "“{written}”"),
            ),
            Some(Scope::Other(named)) => {
                let named = *named;
                let other = figure_title(dataset, named, lang);
                let other_value = record_value(dataset, named, lang);
                let other_id = dataset.figure_id(named);
                (
                    words!(lang, "“{title}”", "“{title}”"),
                    words!(
                        lang,
                        "“{other}”, which the data gives as {other_value} ({other_id})",
                        "“{other}”，数据为{other_value}（{other_id}）"
                    ),
                )
            }
            None => (
                words!(lang, "“{title}”", "“{title}”"),
                words!(lang, "another subject", "其他对象"),
            ),
        };
        words!(
            lang,
            "the data gives {value} for {of_data} ({id}); the draft says it of {of_draft}; {source}",
            "数据中{value}是{of_data}的数字（{id}）；草稿却用于{of_draft}；{source}",
        )
    }

    /// No record matches: where the sources state it, if they do.
    fn unknown_message(&self, lang: Lang) -> String {
        if self.hits.is_empty() {
            return words!(
                lang,
                "no record matches, and the sources do not state it",
                "没有相符的记录，来源文件中也未见此数"
            );
        }
        let list = self
            .hits
            .iter()
            .map(|h| format!("{} “{}”", h.source_id, h.context))
            .collect::<Vec<_>>()
            .join("; ");
        words!(
            lang,
            "no record matches; the sources mention it: {list}",
            "没有相符的记录；来源文件提及：{list}"
        )
    }
}

impl crate::check::DraftError {
    /// Why the draft is not checked, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Self::TooLong { size, limit } => {
                let (size, limit) = (size / 1024, limit / 1024);
                words!(
                    lang,
                    "the draft is {size} KiB of text; at most {limit} KiB is checked at once: split it",
                    "草稿文字有 {size} KiB；一次最多检查 {limit} KiB，请分开检查",
                )
            }
        }
    }
}
