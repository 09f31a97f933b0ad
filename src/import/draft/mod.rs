//! Drafting a plan from a document's text: the tree from the document's
//! own numbering, each node's title, text and responsible units, and the
//! plan's own fields, all as the document prints them. Nothing here is
//! invented: a title is a printed heading, a text a printed body, and what
//! cannot be placed is said in the draft's notes.
//!
//! The outline's levels are the numbering forms in the order the document
//! first uses them ("I." then "1." then "(1)"; "一、" then "（一）" then
//! "1．"): a form seen before closes the deeper levels and continues its
//! own, a new form opens a level below.

mod header;
pub mod markers;
pub mod units;

use std::ops::Range;

use crate::dataset::folded::normalize;
use crate::dataset::{NodeKind, Unit};
use markers::{Marker, Style, marker};
use units::{UnitMatch, match_units, responsibility};

pub use header::PlanFields;

/// A drafted node of the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftNode {
    /// Its depth: 0 for the top level.
    pub depth: usize,
    /// Chapter, measure or item.
    pub kind: NodeKind,
    /// The full numbering ("III.1.(1)"); `None` for an unnumbered node
    /// (the preamble, or paragraphs of a document without numbering).
    pub numbering: Option<String>,
    /// The printed heading, without its number and closing full stop.
    pub title: String,
    /// The printed body, white space folded, without the responsibility
    /// parenthesis.
    pub text: String,
    /// The units named, lead units first.
    pub units: Vec<UnitMatch>,
    /// The units the document labels as leading (牵头单位), among
    /// `units`; empty where it labels none (never guessed).
    pub lead_units: Vec<UnitMatch>,
    /// The index of its parent among the draft's nodes.
    pub parent: Option<usize>,
    /// Where it is in the document's text (its heading to its last
    /// paragraph), in bytes.
    pub range: Range<usize>,
}

/// Something the draft could not place or had to decide.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftNote {
    /// The document has no numbering: its paragraphs are the measures.
    NoNumbering,
    /// A number out of sequence: `found` where `expected` was due.
    NumberJump {
        /// The numbering of the node.
        numbering: String,
        /// The value due.
        expected: u32,
        /// The value printed.
        found: u32,
    },
    /// Paragraphs after a closed measure that belong to no node, such as a
    /// web page's "Related stories".
    Unplaced {
        /// The words, cut short.
        text: String,
        /// Where they are.
        range: Range<usize>,
    },
    /// A contents block listing the chapters before the body, left out.
    ContentsSkipped {
        /// How many lines it had.
        lines: usize,
    },
    /// A web page's frame before the title (a breadcrumb, "Print |
    /// Share"), left out.
    PageFrameSkipped {
        /// The lines, as printed.
        lines: Vec<String>,
    },
}

/// A plan drafted from a document.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    /// The plan's own fields, as the text gives them.
    pub plan: PlanFields,
    /// The nodes, in document order (depth first).
    pub nodes: Vec<DraftNode>,
    /// What the draft could not place or had to decide.
    pub notes: Vec<DraftNote>,
}

impl Draft {
    /// How many nodes of each kind: chapters, measures, items.
    pub fn counts(&self) -> (usize, usize, usize) {
        let count = |kind| self.nodes.iter().filter(|n| n.kind == kind).count();
        (
            count(NodeKind::Chapter),
            count(NodeKind::Measure),
            count(NodeKind::Item),
        )
    }
}

/// A paragraph of the document: its text and where it is.
#[derive(Clone, Debug)]
struct Paragraph<'a> {
    text: &'a str,
    range: Range<usize>,
}

/// The document's non-blank lines, each a paragraph.
fn paragraphs(text: &str) -> Vec<Paragraph<'_>> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        out.push(Paragraph {
            text: trimmed,
            range: start + lead..start + lead + trimmed.len(),
        });
    }
    out
}

/// Drafts a plan from `text`, matching the units it names to `units`.
pub fn draft(text: &str, units: &[Unit]) -> Draft {
    let paragraphs = paragraphs(text);
    let (plan, body_start) = header::plan_fields(&paragraphs);
    let mut notes = Vec::new();
    if !plan.page_frame.is_empty() {
        notes.push(DraftNote::PageFrameSkipped {
            lines: plan.page_frame.clone(),
        });
    }
    let body = &paragraphs[body_start..];
    let (body, skipped) = skip_contents(body);
    if skipped > 0 {
        notes.push(DraftNote::ContentsSkipped { lines: skipped });
    }
    let numbers: Vec<Option<Marker>> = body.iter().map(|p| marker(p.text)).collect();
    let drafted = if numbers.iter().any(Option::is_some) {
        outline(body, &numbers, units, &mut notes)
    } else {
        notes.push(DraftNote::NoNumbering);
        body.iter().map(|p| unnumbered_measure(p, units)).collect()
    };
    Draft {
        plan,
        nodes: drafted,
        notes,
    }
}

/// A paragraph of a document without numbering, as a measure: its first
/// sentence is its title.
fn unnumbered_measure(p: &Paragraph<'_>, units: &[Unit]) -> DraftNode {
    let (body, names, lead) = split_units(p.text);
    let body = normalize(body);
    let title = first_sentence(&body).unwrap_or(&body).to_owned();
    DraftNode {
        depth: 0,
        kind: NodeKind::Measure,
        numbering: None,
        title,
        text: body.clone(),
        units: match_units(units, &names),
        lead_units: match_units(units, &names[..lead]),
        parent: None,
        range: p.range.clone(),
    }
}

/// A contents block: numbered headings without bodies at the start of the
/// body, up to the line where the first of them comes again.
fn skip_contents<'a, 'b>(body: &'b [Paragraph<'a>]) -> (&'b [Paragraph<'a>], usize) {
    let heading_only = |p: &Paragraph<'_>| {
        marker(p.text).is_some() && p.text.chars().count() < 80 && !p.text.contains('。')
    };
    // The block's own heading: "Contents", "目录".
    let label = body.first().is_some_and(|p| {
        let text = normalize(p.text).to_lowercase().replace([' ', '　'], "");
        matches!(text.as_str(), "contents" | "tableofcontents" | "目录")
    });
    let from = usize::from(label);
    let Some(first) = body.get(from).filter(|p| heading_only(p)) else {
        return (body, 0);
    };
    let first = normalize(first.text);
    for (j, p) in body.iter().enumerate().skip(from + 1) {
        if !heading_only(p) {
            break;
        }
        if normalize(p.text) == first {
            return (&body[j..], j);
        }
    }
    (body, 0)
}

/// The paragraph's text without a closing responsibility parenthesis, the
/// names in it, and how many of them (from the first) lead.
fn split_units(text: &str) -> (&str, Vec<String>, usize) {
    match responsibility(text) {
        Some(found) => (text[..found.start].trim_end(), found.names, found.lead),
        None => (text, Vec::new(), 0),
    }
}

/// The first sentence of `text`, without its full stop: up to the first
/// "." followed by a space and a capital letter or the end, or the first
/// "。".
fn first_sentence(text: &str) -> Option<&str> {
    for (i, c) in text.char_indices() {
        match c {
            '。' => return Some(&text[..i]),
            '.' => {
                let rest = &text[i + 1..];
                if rest.is_empty() {
                    return Some(&text[..i]);
                }
                if rest.starts_with(' ')
                    && rest[1..].starts_with(|c: char| c.is_uppercase() || c == '"' || c == '“')
                {
                    return Some(&text[..i]);
                }
            }
            _ => {}
        }
    }
    None
}

/// A heading and its body: "Deepening research. We shall …" → ("Deepening
/// research", "We shall …"); a heading alone → (heading, ""); a paragraph
/// that opens with "We shall" has its first sentence as title and the
/// whole as body.
fn heading_and_body(text: &str) -> (String, String) {
    let text = normalize(text);
    let starts_as_body = ["We shall", "We will", "We must"]
        .iter()
        .any(|w| text.starts_with(w));
    match first_sentence(&text) {
        Some(first) if starts_as_body => (first.to_owned(), text.clone()),
        Some(first) => {
            let rest = text[first.len()..]
                .trim_start_matches(['.', '。'])
                .trim_start();
            (first.to_owned(), rest.to_owned())
        }
        None => (
            // An item in a list ends with "；" or "，": not the title's.
            text.trim_end_matches(['.', '。', ':', '：', '；', ';', '，', ','])
                .to_owned(),
            String::new(),
        ),
    }
}

/// Builds the tree from the numbered paragraphs.
fn outline(
    body: &[Paragraph<'_>],
    markers: &[Option<Marker>],
    units: &[Unit],
    notes: &mut Vec<DraftNote>,
) -> Vec<DraftNode> {
    let mut tree = Outliner {
        units,
        notes,
        levels: Vec::new(),
        last: Vec::new(),
        open: Vec::new(),
        nodes: Vec::new(),
        closed: false,
    };
    // Paragraphs before the first number: the preamble.
    let first = markers
        .iter()
        .position(Option::is_some)
        .unwrap_or(body.len());
    if first > 0 {
        tree.preamble(&body[..first]);
    }
    for (p, found) in body.iter().zip(markers).skip(first) {
        match found {
            Some(found) => tree.numbered(p, found),
            None => tree.unnumbered(p),
        }
    }
    let mut drafted = tree.nodes;
    // Kinds by depth: one level is measures; two, chapters and measures;
    // more, chapters, measures and items. The preamble is a chapter.
    let depth = drafted.iter().map(|n| n.depth).max().unwrap_or(0) + 1;
    for node in &mut drafted {
        node.kind = match (depth, node.depth) {
            (_, 0) if node.numbering.is_none() && node.title == PREAMBLE => NodeKind::Chapter,
            (1, _) | (_, 1) => NodeKind::Measure,
            (_, 0) => NodeKind::Chapter,
            _ => NodeKind::Item,
        };
    }
    drafted
}

/// The title given to the paragraphs before the first numbered heading,
/// which the document prints without one.
pub const PREAMBLE: &str = "Preamble";

/// The tree being built, paragraph by paragraph.
struct Outliner<'u, 'n> {
    units: &'u [Unit],
    notes: &'n mut Vec<DraftNote>,
    /// The numbering forms, by level, as the document first uses them.
    levels: Vec<Style>,
    /// Per level: the last value seen, for the sequence check.
    last: Vec<u32>,
    /// The open node at each level.
    open: Vec<usize>,
    nodes: Vec<DraftNode>,
    /// Whether the node last written has been closed by its units.
    closed: bool,
}

impl Outliner<'_, '_> {
    /// The paragraphs before the first number, as one unnumbered chapter.
    fn preamble(&mut self, paragraphs: &[Paragraph<'_>]) {
        let joined: Vec<&str> = paragraphs.iter().map(|p| p.text).collect();
        let (Some(first), Some(last)) = (paragraphs.first(), paragraphs.last()) else {
            return;
        };
        self.nodes.push(DraftNode {
            depth: 0,
            kind: NodeKind::Chapter,
            numbering: None,
            title: PREAMBLE.to_owned(),
            text: normalize(&joined.join(" ")),
            units: Vec::new(),
            lead_units: Vec::new(),
            parent: None,
            range: first.range.start..last.range.end,
        });
    }

    /// A paragraph without a number continues the open node, unless its
    /// units closed it; then it belongs to no node.
    fn unnumbered(&mut self, p: &Paragraph<'_>) {
        let Some(&open) = self.open.last().filter(|_| !self.closed) else {
            self.notes.push(DraftNote::Unplaced {
                text: crate::dataset::abbreviate(p.text, 80, "…"),
                range: p.range.clone(),
            });
            return;
        };
        let node = &mut self.nodes[open];
        let (more, names, lead) = split_units(p.text);
        let more = normalize(more);
        if !more.is_empty() {
            if !node.text.is_empty() {
                node.text.push(' ');
            }
            node.text.push_str(&more);
        }
        node.units.extend(match_units(self.units, &names));
        node.lead_units
            .extend(match_units(self.units, &names[..lead]));
        node.range.end = p.range.end;
        self.closed = !names.is_empty();
    }

    /// A dash bullet: a node under the deepest open one, at no level of
    /// its own, so the numbered headings after it keep theirs.
    fn bullet(&mut self, p: &Paragraph<'_>, found: &Marker) {
        let (rest, names, lead) = split_units(&p.text[found.len..]);
        let (title, text) = heading_and_body(rest);
        self.nodes.push(DraftNode {
            depth: self.open.len(),
            kind: NodeKind::Item,
            numbering: None,
            title,
            text,
            units: match_units(self.units, &names),
            lead_units: match_units(self.units, &names[..lead]),
            parent: self.open.last().copied(),
            range: p.range.clone(),
        });
    }

    /// A numbered paragraph: a node at its form's level.
    fn numbered(&mut self, p: &Paragraph<'_>, found: &Marker) {
        if found.style == Style::Dash {
            self.bullet(p, found);
            return;
        }
        let level = if let Some(level) = self.levels.iter().position(|&s| s == found.style) {
            level
        } else {
            self.levels.push(found.style);
            self.levels.len() - 1
        };
        // Closing the deeper levels: their counters start again.
        self.open.truncate(level);
        self.last.truncate(level + 1);
        self.last.resize(level + 1, 0);
        let expected = self.last[level] + 1;
        self.last[level] = found.value;
        // Its parent: the deepest open node above its level (a level the
        // document skipped has none).
        let parent = self.open[..level.min(self.open.len())].last().copied();
        let numbering = match parent.and_then(|up| self.nodes[up].numbering.clone()) {
            Some(up) => format!("{up}.{}", found.label),
            None => found.label.clone(),
        };
        if found.value != expected {
            self.notes.push(DraftNote::NumberJump {
                numbering: numbering.clone(),
                expected,
                found: found.value,
            });
        }
        let (rest, names, lead) = split_units(&p.text[found.len..]);
        let (title, text) = heading_and_body(rest);
        self.nodes.push(DraftNode {
            depth: level,
            kind: NodeKind::Measure,
            numbering: Some(numbering),
            title,
            text,
            units: match_units(self.units, &names),
            lead_units: match_units(self.units, &names[..lead]),
            parent,
            range: p.range.clone(),
        });
        self.closed = !names.is_empty();
        self.open.push(self.nodes.len() - 1);
    }
}

#[cfg(test)]
mod tests {
    use super::{first_sentence, heading_and_body};

    #[test]
    fn headings_run_into_their_bodies() {
        assert_eq!(
            heading_and_body("Deepening research.\u{a0}We shall expand it."),
            (
                "Deepening research".to_owned(),
                "We shall expand it.".to_owned()
            )
        );
        assert_eq!(
            heading_and_body("In-depth Integration of AI with TCM"),
            (
                "In-depth Integration of AI with TCM".to_owned(),
                String::new()
            )
        );
        assert_eq!(
            heading_and_body("We shall build a platform. It will serve."),
            (
                "We shall build a platform".to_owned(),
                "We shall build a platform. It will serve.".to_owned()
            )
        );
        assert_eq!(
            heading_and_body("深化前沿基础研究。加强人工智能研究。"),
            (
                "深化前沿基础研究".to_owned(),
                "加强人工智能研究。".to_owned()
            )
        );
        assert_eq!(
            heading_and_body("布局5G-A基站；"),
            ("布局5G-A基站".to_owned(), String::new())
        );
        assert_eq!(
            first_sentence("Costs fell 3.5 percent. Then"),
            Some("Costs fell 3.5 percent")
        );
    }
}
