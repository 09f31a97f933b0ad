//! The words a claim and a record are compared by: English words in
//! lower case with a light stem ("industries" and "industry" alike,
//! "grew" and "growth" alike, "nurturing" and "nurture"), and Chinese as overlapping pairs of
//! characters ("上海市" is "上海", "海市"), with the words that say
//! nothing of a subject (articles, units, numbers) left out.

/// English words that say nothing of what a figure is about: function
/// words, and the units and scales the unit comparison already covers.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "almost",
    "already",
    "also",
    "an",
    "and",
    "any",
    "are",
    "around",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "each",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "his",
    "how",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "last",
    "least",
    "less",
    "more",
    "most",
    "nearly",
    "no",
    "not",
    "of",
    "on",
    "one",
    "only",
    "or",
    "other",
    "our",
    "over",
    "per",
    "percent",
    "percentage",
    "point",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "will",
    "with",
    "would",
    "year",
    "yuan",
    "billion",
    "trillion",
    "million",
    "thousand",
    "hundred",
    "us$",
    "usd",
    "dollar",
    "rmb",
    "said",
    "reach",
    "reached",
    "hit",
    "saw",
    "set",
    "made",
    "make",
    "new",
    "period",
];

/// Chinese characters that are units, scales or function words: a pair
/// holding only these says nothing of a subject.
const CJK_NOISE: &str = "的了和与及在为是年月日亿万元千百十个约近超过以上左右达到其中共";

/// Chinese particles, the verb 达到 (reach) and the adverbs 约 (about),
/// 已 (already) and 将 (will), which join words rather than belong to one:
/// a pair across one ("值的", "重为", "模达", "力约") is two words'
/// halves, not a word.
const CJK_JOINS: &str = "的了为是达到约已将";

/// Words naming a place or a scope other than the city's own: a claim
/// that names one is about something else unless the record names it
/// too ("Beijing's GDP", "the national average", "全国").
pub(super) const PLACES: &[&str] = &[
    "beijing",
    "shenzhen",
    "guangzhou",
    "hangzhou",
    "tianjin",
    "chongqing",
    "suzhou",
    "nanjing",
    "wuhan",
    "chengdu",
    "jiangsu",
    "zhejiang",
    "guangdong",
    "anhui",
    "hong",
    "kong",
    "singapore",
    "tokyo",
    "london",
    "national",
    "nationwide",
    "country",
    "world",
    "global",
    "北京",
    "深圳",
    "广州",
    "杭州",
    "天津",
    "重庆",
    "苏州",
    "南京",
    "武汉",
    "成都",
    "江苏",
    "浙江",
    "广东",
    "安徽",
    "香港",
    "全国",
    "全球",
    "世界",
];

/// Whether `c` is a CJK ideograph.
fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// An English word's stem: "industries" -> "industry", "leaders" ->
/// "leader", "growth", "grew", "grows" -> "grow".
fn stem(word: &str) -> String {
    let word = word.trim_end_matches("'s").trim_end_matches('\'');
    // A place's name is kept whole ("Beijing" is not "beij").
    if PLACES.contains(&word) {
        return word.to_owned();
    }
    match word {
        "grew" | "growth" | "growing" | "grown" | "grows" => return "grow".to_owned(),
        "rose" | "risen" | "rising" | "rises" => return "rise".to_owned(),
        _ => {}
    }
    if let Some(head) = word.strip_suffix("ies")
        && head.len() >= 3
    {
        return format!("{head}y");
    }
    // "nurturing", "nurtured" and "nurture" alike.
    for (suffix, least) in [("ing", 4), ("ed", 4), ("e", 5)] {
        if let Some(head) = word.strip_suffix(suffix)
            && head.len() >= least
        {
            return head.to_owned();
        }
    }
    if word.len() > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
    {
        return word[..word.len() - 1].to_owned();
    }
    word.to_owned()
}

/// The subject words of `text`, in order, repeats kept.
pub(super) fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut latin = String::new();
    let mut cjk: Vec<char> = Vec::new();
    let flush_latin = |latin: &mut String, out: &mut Vec<String>| {
        if !latin.is_empty() {
            let lower = latin.to_ascii_lowercase();
            let word = stem(&lower);
            if word.len() >= 2
                && !STOPWORDS.contains(&lower.as_str())
                && !STOPWORDS.contains(&word.as_str())
            {
                // Chinese writes GDP as "GDP" or as 生产总值: a claim in
                // either names a record titled in the other.
                if word == "gdp" {
                    out.extend(["生产", "产总", "总值"].map(str::to_owned));
                }
                out.push(word);
            }
            latin.clear();
        }
    };
    let flush_cjk = |cjk: &mut Vec<char>, out: &mut Vec<String>| {
        if cjk.windows(4).any(|w| w == ['生', '产', '总', '值']) {
            out.push("gdp".to_owned());
        }
        // An industry's 规模 in yuan is its output (产值): "未来产业规模达到
        // 5000亿元" is the 未来产业总产值 of the records.
        if cjk.windows(2).any(|w| w == ['规', '模']) {
            out.push("产值".to_owned());
        }
        // 比重, 占比 and a title's 之比 all say a share.
        if cjk
            .windows(2)
            .any(|w| w == ['比', '重'] || w == ['占', '比'] || w == ['之', '比'])
        {
            out.push("share".to_owned());
        }
        // A Shanghai briefing's "the whole city" and "this city" are
        // Shanghai, as the records name it.
        if cjk
            .windows(2)
            .any(|w| w == ['全', '市'] || w == ['本', '市'])
        {
            out.push("上海".to_owned());
        }
        if cjk.len() == 1 {
            if !CJK_NOISE.contains(cjk[0]) {
                out.push(cjk[0].to_string());
            }
        } else {
            for pair in cjk.windows(2) {
                let joined = CJK_JOINS.contains(pair[0]) || CJK_JOINS.contains(pair[1]);
                let noise = CJK_NOISE.contains(pair[0]) && CJK_NOISE.contains(pair[1]);
                if !(joined || noise) {
                    out.push(pair.iter().collect());
                }
            }
        }
        cjk.clear();
    };
    for c in text.chars() {
        if c.is_ascii_alphabetic() || (c == '\'' && !latin.is_empty()) {
            flush_cjk(&mut cjk, &mut out);
            latin.push(c);
        } else if is_cjk(c) {
            flush_latin(&mut latin, &mut out);
            cjk.push(c);
        } else {
            flush_latin(&mut latin, &mut out);
            flush_cjk(&mut cjk, &mut out);
        }
    }
    flush_latin(&mut latin, &mut out);
    flush_cjk(&mut cjk, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::words;

    #[test]
    fn english_is_stemmed_and_function_words_dropped() {
        assert_eq!(
            words("Shanghai's GDP grew 5.5 percent; the three pioneering industries"),
            [
                "shanghai", "生产", "产总", "总值", "gdp", "grow", "three", "pioneer", "industry"
            ],
            "GDP is also read as 生产总值, as Chinese writes it"
        );
    }

    #[test]
    fn chinese_is_read_in_pairs() {
        assert_eq!(
            words("上海市GDP达到"),
            ["上海", "海市", "生产", "产总", "总值", "gdp"]
        );
        // "亿元" is a unit, not a subject.
        assert!(words("5.39万亿元").is_empty());
        // No pair across a particle ("值的", "的比"); 生产总值 is GDP, 比重
        // a share, 全市 the city.
        assert_eq!(
            words("占全市生产总值的比重"),
            [
                "gdp", "share", "上海", "占全", "全市", "市生", "生产", "产总", "总值", "比重"
            ]
        );
        // "算力约占全国": about (约) is no part of a word.
        assert_eq!(words("算力约占全国"), ["算力", "占全", "全国"]);
    }
}
