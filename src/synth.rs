//! Deterministic synthetic datasets of any size, for tests and benchmarks.
//!
//! The same options always give the same bytes. The output is a valid
//! dataset: ids are unique, every reference resolves, every value is in
//! range. Its text is made of words, some of them Chinese, so that searching
//! and rendering are exercised as with the real dataset.
//!
//! Each source carries its document's text (with its SHA-256), made so that
//! every quote citing it is in it, in the order the file lists them, as in a
//! dataset that follows its documents: a header naming the units (their
//! printed Chinese names), then each of its plans' nodes' texts as a
//! paragraph, in file order, with the figures' quotes woven in between
//! (spread evenly, in the order the figures are listed). So a synthetic
//! dataset proves with no problems.

use std::fmt::Write as _;

use crate::dataset::proof::sha256_hex;

/// What to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SynthOptions {
    /// The number of nodes (chapters, measures and items) in all plans.
    pub measures: usize,
    /// The seed of the pseudo-random choices.
    pub seed: u64,
}

impl Default for SynthOptions {
    fn default() -> Self {
        Self {
            measures: 1_000,
            seed: 1,
        }
    }
}

/// A small, fast, well-distributed generator (`SplitMix64`); the standard
/// library has none, and exact reproducibility matters more than quality.
/// The monkey test draws its events from it too.
pub struct Rng(pub u64);

impl Rng {
    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n`; `n` must not be 0.
    pub fn below(&mut self, n: usize) -> usize {
        // The modulo bias is irrelevant for test data.
        usize::try_from(self.next_u64() % (n as u64)).unwrap_or_default()
    }
}

const WORDS: &[&str] = &[
    "data",
    "platform",
    "clinical",
    "intelligent",
    "model",
    "industry",
    "cluster",
    "innovation",
    "research",
    "service",
    "health",
    "computing",
    "quantum",
    "interface",
    "therapy",
    "robot",
    "standard",
    "pilot",
    "municipal",
    "support",
    "银发经济",
    "模速空间",
    "四位一体",
    "人工智能",
    "医疗",
    "shall",
    "promote",
    "build",
    "develop",
    "application",
];

const UNITS: usize = 40;
const THEMES: usize = 20;
const SOURCES: usize = 5;
const SERIES: usize = 10;
const POINTS_PER_SERIES: usize = 10;
const FUNDS: usize = 50;
const TARGETS: usize = 100;
const CHAPTERS_PER_PLAN: usize = 10;
const NODES_PER_PLAN: usize = 10_000;

/// How many plans and themes a dataset of [`generate_shaped`] has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape {
    /// Plans, the measures shared out among them; `None`: one plan per
    /// 10,000 measures.
    pub plans: Option<usize>,
    /// Themes, each node tagged with one of them.
    pub themes: usize,
}

impl Default for Shape {
    fn default() -> Self {
        Self {
            plans: None,
            themes: THEMES,
        }
    }
}

/// Generates a dataset as JSON text.
pub fn generate(options: SynthOptions) -> String {
    generate_shaped(options, Shape::default())
}

/// Generates a dataset of the given shape as JSON text (e.g. 10,000
/// measures in 50 plans with 200 themes, for the theme map's bench).
pub fn generate_shaped(options: SynthOptions, shape: Shape) -> String {
    let mut rng = Rng(options.seed);
    let nodes = options.measures.max(1);
    let themes = shape.themes.max(1);
    let plans = shape
        .plans
        .unwrap_or_else(|| nodes.div_ceil(NODES_PER_PLAN))
        .clamp(1, nodes);
    let per_plan = if shape.plans.is_some() {
        nodes.div_ceil(plans)
    } else {
        NODES_PER_PLAN
    };
    // The plans and figures are written first, each source's text
    // gathered on the way; the sources, with their texts, go before them.
    // About 330 bytes per node, plus the fixed tables.
    let mut body = String::with_capacity(nodes * 360 + 64 * 1024);
    let mut texts = Texts::default();
    body.push_str("  \"plans\": [\n");
    let mut made = 0;
    for p in 0..plans {
        let in_plan = (nodes - made).min(per_plan);
        let _ = writeln!(
            body,
            "    {{\"id\": \"plan-{p}\", \"title\": \"Synthetic plan {p}\", \"period\": {{\"start\": 2025, \"end\": 2030}}, \"issuer\": \"Generator\", \"source\": \"src-{}\", \"nodes\": [",
            p % SOURCES
        );
        let mut plan = PlanOut {
            out: &mut body,
            texts: &mut texts,
            rng: &mut rng,
            plan: p,
            themes,
        };
        plan.nodes(in_plan, made);
        made += in_plan;
        body.push_str("    ]}");
        body.push_str(if p + 1 < plans { ",\n" } else { "\n" });
    }
    body.push_str("  ],\n");
    write_figures(&mut body, &mut rng, &mut texts, nodes, plans);
    body.push_str("}\n");

    // Each source's text is about as long as its nodes' texts.
    let mut out = String::with_capacity(2 * body.len() + 64 * 1024);
    out.push_str("{\n  \"schema_version\": 1,\n");
    let _ = writeln!(
        out,
        "  \"title\": \"Synthetic dataset ({nodes} measures, seed {})\",",
        options.seed
    );
    out.push_str("  \"edition\": \"2026-01-01\",\n");
    out.push_str("  \"description\": \"Generated by plan_explorer::synth for tests and benchmarks; not real data.\",\n");

    out.push_str("  \"sources\": [\n");
    for s in 0..SOURCES {
        let text = texts.text(s);
        let _ = write!(
            out,
            "    {{\"id\": \"src-{s}\", \"title\": \"Synthetic source {s}\", \"publisher\": \"Generator\", \"date\": \"2025-0{}\", \"file\": \"synthetic-{s}.txt\", \"sha256\": \"{}\", \"text\": \"",
            s + 1,
            sha256_hex(&text),
        );
        push_json_escaped(&mut out, &text);
        out.push_str("\"}");
        out.push_str(if s + 1 < SOURCES { ",\n" } else { "\n" });
    }
    out.push_str("  ],\n  \"units\": [\n");
    for u in 0..UNITS {
        let _ = write!(
            out,
            "    {{\"id\": \"unit-{u}\", \"name\": \"Municipal Commission {u}\", \"name_zh\": \"市委员会{u}\"}}"
        );
        out.push_str(if u + 1 < UNITS { ",\n" } else { "\n" });
    }
    out.push_str("  ],\n  \"themes\": [\n");
    for t in 0..themes {
        let _ = write!(
            out,
            "    {{\"id\": \"theme-{t}\", \"name\": \"Theme {t}\"}}"
        );
        out.push_str(if t + 1 < themes { ",\n" } else { "\n" });
    }
    out.push_str("  ],\n");
    out.push_str(&body);
    out
}

/// Where one plan's nodes are written, and its document's text gathered.
struct PlanOut<'a> {
    out: &'a mut String,
    texts: &'a mut Texts,
    rng: &'a mut Rng,
    plan: usize,
    themes: usize,
}

impl PlanOut<'_> {
    /// Writes the plan's nodes: chapters, each with measures, some with
    /// items. `first` is the number of nodes made before, for unique ids.
    fn nodes(&mut self, count: usize, first: usize) {
        let chapters = CHAPTERS_PER_PLAN.min(count);
        // Every node after the chapters goes under one of them, as a
        // measure or as an item of the measure just written.
        let rest = count - chapters;
        let per_chapter = rest / chapters.max(1);
        let mut extra = rest % chapters.max(1);
        let mut id = first;
        for c in 0..chapters {
            let mut below = per_chapter;
            if extra > 0 {
                below += 1;
                extra -= 1;
            }
            let numbering = roman(c + 1);
            self.node_head(id, "chapter", &numbering);
            id += 1;
            self.out.push_str(", \"children\": [");
            let mut m = 0;
            let mut written = 0;
            while written < below {
                m += 1;
                let items = self.rng.below(4).min(below - written - 1);
                if written > 0 {
                    self.out.push(',');
                }
                self.out.push_str("\n      ");
                self.node_head(id, "measure", &format!("{numbering}.{m}"));
                id += 1;
                self.out.push_str(", \"children\": [");
                for i in 0..items {
                    if i > 0 {
                        self.out.push(',');
                    }
                    self.out.push_str("\n        ");
                    self.node_head(id, "item", &format!("{numbering}.{m}.({})", i + 1));
                    id += 1;
                    self.out.push_str(", \"children\": []}");
                }
                self.out.push_str("]}");
                written += 1 + items;
            }
            self.out.push_str("]}");
            self.out
                .push_str(if c + 1 < chapters { ",\n" } else { "\n" });
        }
    }

    /// Writes a node's fields up to (not including) its children; its text
    /// becomes a paragraph of the plan's document.
    fn node_head(&mut self, id: usize, kind: &str, numbering: &str) {
        let plan = self.plan;
        let title = words(self.rng, 4);
        let text = words(self.rng, 40);
        self.texts.paragraph(plan % SOURCES, &text);
        let _ = write!(
            self.out,
            "{{\"id\": \"n{id}\", \"kind\": \"{kind}\", \"numbering\": \"{numbering}\", \"title\": \"{title}\", \"text\": \"{text}\", \"units\": [\"unit-{}\", \"unit-{}\"], \"themes\": [\"theme-{}\"], \"districts\": [\"District {}\"]",
            (id + plan) % UNITS,
            // A different unit: an offset of 1 to UNITS - 1 from the first.
            (id + plan + 1 + id % (UNITS - 1)) % UNITS,
            self.rng.below(self.themes),
            self.rng.below(16),
        );
    }
}

/// The sources' texts as they are gathered: each source's paragraphs (its
/// plans' nodes' texts, in file order) and the quotes citing it, in the
/// order the figures are listed.
#[derive(Default)]
struct Texts {
    /// Each source's paragraphs, one after another, and where each ends.
    paragraphs: [(String, Vec<usize>); SOURCES],
    /// Each source's figures' quotes.
    quotes: [Vec<String>; SOURCES],
}

impl Texts {
    /// Adds a paragraph to `source`'s text.
    fn paragraph(&mut self, source: usize, text: &str) {
        let (all, ends) = &mut self.paragraphs[source];
        all.push_str(text);
        ends.push(all.len());
    }

    /// Adds a quote that `source`'s text must hold.
    fn quote(&mut self, source: usize, quote: String) {
        self.quotes[source].push(quote);
    }

    /// `source`'s whole text: the units' names, then the paragraphs, each
    /// followed by the quotes that fall after it, spread evenly and in
    /// order; paragraphs apart by a blank line.
    fn text(&self, source: usize) -> String {
        let (all, ends) = &self.paragraphs[source];
        let quotes = &self.quotes[source];
        let mut text = String::with_capacity(all.len() + 3 * ends.len() + 64 * quotes.len() + 512);
        text.push_str("Synthetic document. Issued by ");
        for u in 0..UNITS {
            let _ = write!(text, "市委员会{u}、");
        }
        text.push_str("for tests and benchmarks.");
        // The paragraph each quote follows: quote q of n after paragraph
        // (q + 1) * P / (n + 1) of P, so they are spread out in order.
        let after = |q: usize| (q + 1) * ends.len() / (quotes.len() + 1);
        let mut q = 0;
        let mut start = 0;
        for (p, &end) in ends.iter().enumerate() {
            text.push_str("\n\n");
            text.push_str(&all[start..end]);
            start = end;
            while q < quotes.len() && after(q) == p {
                text.push_str(". As planned, ");
                text.push_str(&quotes[q]);
                q += 1;
            }
            text.push('.');
        }
        // A source no plan cites holds its quotes alone.
        for quote in &quotes[q..] {
            text.push_str("\n\n");
            text.push_str(quote);
            text.push('.');
        }
        text.push('\n');
        text
    }
}

/// Writes `text` as the inside of a JSON string.
fn push_json_escaped(out: &mut String, text: &str) {
    let mut start = 0;
    // Each is an ASCII byte, so a character of its own.
    for at in memchr::memchr3_iter(b'"', b'\\', b'\n', text.as_bytes()) {
        out.push_str(&text[start..at]);
        out.push_str(match text.as_bytes()[at] {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            _ => "\\n",
        });
        start = at + 1;
    }
    out.push_str(&text[start..]);
}

fn words(rng: &mut Rng, count: usize) -> String {
    let mut text = String::with_capacity(count * 9);
    for w in 0..count {
        if w > 0 {
            text.push(' ');
        }
        text.push_str(WORDS[rng.below(WORDS.len())]);
    }
    text
}

/// A figure's source and quote, the quote added to the source's text.
fn cite(rng: &mut Rng, texts: &mut Texts) -> (usize, String) {
    let source = rng.below(SOURCES);
    let quote = words(rng, 8);
    texts.quote(source, quote.clone());
    (source, quote)
}

/// Up to two different node ids, as a JSON list's contents.
fn two_distinct_nodes(rng: &mut Rng, nodes: usize) -> String {
    let first = rng.below(nodes);
    if nodes == 1 {
        return format!("\"n{first}\"");
    }
    let second = (first + 1 + rng.below(nodes - 1)) % nodes;
    format!("\"n{first}\", \"n{second}\"")
}

fn roman(mut n: usize) -> String {
    const NUMERALS: &[(usize, &str)] = &[(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
    let mut out = String::new();
    for &(value, numeral) in NUMERALS {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

/// Writes series, funds, targets and exchange rates, linked to random nodes.
fn write_figures(out: &mut String, rng: &mut Rng, texts: &mut Texts, nodes: usize, plans: usize) {
    let units = ["yuan", "percent", "percent_yoy"];
    out.push_str("  \"series\": [\n");
    for s in 0..SERIES {
        let unit = units[s % units.len()];
        let _ = write!(
            out,
            "    {{\"id\": \"series-{s}\", \"title\": \"Series {s}\", \"unit\": \"{unit}\", \"measures\": [\"n{}\"], \"points\": [",
            rng.below(nodes)
        );
        for p in 0..POINTS_PER_SERIES {
            let value = match unit {
                "yuan" => (rng.below(10_000) as f64 + 1.0) * 1e9,
                "percent" => rng.below(1000) as f64 / 10.0,
                _ => rng.below(200) as f64 / 10.0 - 5.0,
            };
            let status = ["actual", "target", "estimate"][rng.below(3)];
            let approximate = rng.below(2) == 0;
            let (source, quote) = cite(rng, texts);
            let _ = write!(
                out,
                "{}\n      {{\"id\": \"series-{s}-p{p}\", \"year\": {}, \"value\": {value}, \"status\": \"{status}\", \"approximate\": {approximate}, \"source\": \"src-{source}\", \"quote\": \"{quote}\", \"measures\": [\"n{}\"]}}",
                if p > 0 { "," } else { "" },
                2016 + p,
                rng.below(nodes),
            );
        }
        out.push_str("]}");
        out.push_str(if s + 1 < SERIES { ",\n" } else { "\n" });
    }
    out.push_str("  ],\n  \"funds\": [\n");
    let levels = [
        "national",
        "municipal",
        "district",
        "social_capital",
        "mixed",
    ];
    for f in 0..FUNDS {
        let amount = (rng.below(1_000_000) as f64 + 1.0) * 1e5;
        let lower_bound = rng.below(3) == 0;
        let level = levels[rng.below(levels.len())];
        let purpose = words(rng, 6);
        let (source, quote) = cite(rng, texts);
        let _ = write!(
            out,
            "    {{\"id\": \"fund-{f}\", \"name\": \"Fund {f}\", \"amount_yuan\": {amount}, \"lower_bound\": {lower_bound}, \"approximate\": false, \"level\": \"{level}\", \"purpose\": \"{purpose}\", \"source\": \"src-{source}\", \"quote\": \"{quote}\", \"measures\": [{}]}}",
            two_distinct_nodes(rng, nodes),
        );
        out.push_str(if f + 1 < FUNDS { ",\n" } else { "\n" });
    }
    out.push_str("  ],\n  \"targets\": [\n");
    for t in 0..TARGETS {
        let metric = words(rng, 3);
        let value = rng.below(1000);
        let deadline = 2026 + rng.below(10);
        let plan = rng.below(plans);
        let (source, quote) = cite(rng, texts);
        let _ = write!(
            out,
            "    {{\"id\": \"target-{t}\", \"metric\": \"{metric}\", \"value\": {value}, \"unit\": \"count\", \"deadline_year\": {deadline}, \"plan\": \"plan-{plan}\", \"approximate\": true, \"source\": \"src-{source}\", \"quote\": \"{quote}\", \"measures\": [\"n{}\"]}}",
            rng.below(nodes),
        );
        out.push_str(if t + 1 < TARGETS { ",\n" } else { "\n" });
    }
    out.push_str("  ],\n  \"exchange_rates\": [\n");
    let rate = "7.1 trillion yuan ($1 trillion)";
    texts.quote(0, rate.to_owned());
    let _ = writeln!(
        out,
        "    {{\"id\": \"usd-1\", \"currency\": \"USD\", \"yuan_amount\": 7100000000000, \"foreign_amount\": 1000000000000, \"source\": \"src-0\", \"quote\": \"{rate}\"}}"
    );
    out.push_str("  ]\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::load_str;
    use crate::dataset::proof::{Quoting, prove};

    #[test]
    fn generated_datasets_are_valid_and_have_the_asked_size() {
        for measures in [1, 9, 10, 11, 1_000, 25_001] {
            let text = generate(SynthOptions { measures, seed: 7 });
            let loaded = load_str(&text);
            assert!(
                loaded.problems.is_empty(),
                "{measures}: {:?}",
                &loaded.problems[..loaded.problems.len().min(5)]
            );
            let dataset = loaded.dataset.expect("valid");
            assert_eq!(dataset.nodes.len(), measures);
        }
    }

    /// How many quotes, node texts and printed Chinese names a generated
    /// dataset of `measures` asks to be found in its documents.
    fn wanted(measures: usize) -> usize {
        measures + UNITS + SERIES * POINTS_PER_SERIES + FUNDS + TARGETS + 1
    }

    #[test]
    fn generated_datasets_prove_against_their_own_texts() {
        for measures in [1, 9, 11, 1_000, 25_001] {
            let text = generate(SynthOptions { measures, seed: 7 });
            let dataset = load_str(&text).dataset.expect("valid");
            assert!(dataset.sources.iter().all(|s| s.text.is_some()));
            let proof = prove(&dataset, None, None).expect("not cancelled");
            assert!(
                proof.problems.is_empty(),
                "{measures}: {:?}",
                &proof.problems[..proof.problems.len().min(5)]
            );
            assert_eq!(proof.proven, wanted(measures), "{measures}");
            assert_eq!(proof.unproven, 0);
        }
    }

    #[test]
    fn a_generated_document_follows_its_nodes_and_figures() {
        // Ten plans, two for each document.
        let text = generate_shaped(
            SynthOptions {
                measures: 3_000,
                seed: 2,
            },
            Shape {
                plans: Some(10),
                ..Shape::default()
            },
        );
        let dataset = load_str(&text).dataset.expect("valid");
        let proof = prove(&dataset, None, None).expect("not cancelled");
        for source in proof.texts.iter().flatten() {
            // In the order of the text, the nodes come in file order, and
            // so do the figures (points by series, funds, targets, then the
            // exchange rate: the order `Quoting` sorts them in).
            let (mut nodes, mut figures) = (Vec::new(), Vec::new());
            for passage in &source.passages {
                for quoter in &passage.quoted_by {
                    match quoter.record {
                        Quoting::Node(_) => nodes.push(quoter.record),
                        Quoting::Figure(_) | Quoting::ExchangeRate(_) => {
                            figures.push(quoter.record);
                        }
                        _ => {}
                    }
                }
            }
            assert!(!nodes.is_empty() && nodes.is_sorted(), "nodes in order");
            assert!(
                !figures.is_empty() && figures.is_sorted(),
                "figures in order"
            );
        }
    }

    #[test]
    fn generation_is_deterministic() {
        let options = SynthOptions {
            measures: 500,
            seed: 3,
        };
        assert_eq!(generate(options), generate(options));
        assert_ne!(
            generate(options),
            generate(SynthOptions { seed: 4, ..options })
        );
    }
}
