//! The "Check a draft" panel as data: each claim of a checked draft with
//! its verdict, the figure as written, what the data says (in the
//! language asked), the record to select and its place in the source to
//! open, or, for a figure no record matches, the sources' passages.

use crate::check::{Claim, Report, Verdict};
use crate::dataset::proof::{Proof, Quoting, Spot};
use crate::dataset::{Dataset, FigureRef};
use crate::i18n::Lang;

/// One claim, as the panel lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimRow {
    /// The verdict.
    pub verdict: Verdict,
    /// The figure as the draft writes it.
    pub text: String,
    /// Line and column in the draft's text, from 1.
    pub line: usize,
    /// Column, in characters, from 1.
    pub column: usize,
    /// What the data says.
    pub message: String,
    /// The records, each with its id and its quote's place in its source
    /// (where the source's text holds it).
    pub records: Vec<(FigureRef, String, Option<Spot>)>,
    /// For `unknown`: the sources' passages stating the figure's words.
    pub hits: Vec<(String, Spot)>,
}

/// The panel's rows and counts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CheckView {
    /// Every claim, in the draft's order.
    pub rows: Vec<ClaimRow>,
    /// How many claims got each verdict, in [`Verdict::ALL`]'s order.
    pub counts: Vec<(Verdict, usize)>,
}

impl CheckView {
    /// The rows of `report`, a check of `text`.
    pub fn new(dataset: &Dataset, proof: &Proof, text: &str, report: &Report, lang: Lang) -> Self {
        let rows = report
            .claims
            .iter()
            .map(|claim| row(dataset, proof, text, claim, lang))
            .collect();
        let counts = Verdict::ALL
            .into_iter()
            .map(|v| (v, report.count(v)))
            .filter(|(_, n)| *n > 0)
            .collect();
        Self { rows, counts }
    }
}

fn row(dataset: &Dataset, proof: &Proof, text: &str, claim: &Claim, lang: Lang) -> ClaimRow {
    let before = &text[..claim.range.start.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    let records = claim
        .records
        .iter()
        .map(|&figure| {
            let spot = crate::check::citation_list(dataset, figure)
                .first()
                .and_then(|c| {
                    super::source::quote_spot(
                        proof,
                        c.source,
                        &c.quote,
                        Some(Quoting::Figure(figure)),
                    )
                });
            (figure, dataset.figure_id(figure).to_owned(), spot)
        })
        .collect();
    ClaimRow {
        verdict: claim.verdict,
        text: claim.text.clone(),
        line,
        column,
        message: claim.message(dataset, lang),
        records,
        hits: claim
            .hits
            .iter()
            .map(|h| (format!("{} {}", h.source_id, h.context), h.spot.clone()))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::CheckView;
    use crate::check::{Checker, Verdict};
    use crate::dataset::proof;
    use crate::i18n::Lang;

    #[test]
    fn rows_point_at_the_record_and_its_place_in_the_source() {
        let data = crate::dataset::load_embedded().dataset.expect("loads");
        let proof = proof::prove(&data, None, None).expect("not cancelled");
        let text = "Briefing\nShanghai's GDP reached 5.93 trillion yuan in 2024. Each product wins a 100,000-yuan subsidy.";
        let report = Checker::new(&data, &proof).check(text).expect("checked");
        let view = CheckView::new(&data, &proof, text, &report, Lang::Zh);
        assert_eq!(view.counts, [(Verdict::Differs, 1), (Verdict::Unknown, 1)]);
        let gdp = &view.rows[0];
        assert_eq!((gdp.line, gdp.column), (2, 24));
        assert_eq!(gdp.records.len(), 1);
        assert_eq!(gdp.records[0].1, "gdp-2024");
        let spot = gdp.records[0]
            .2
            .as_ref()
            .expect("the quote is in its source");
        let source_text = proof.text(spot.source).expect("a text");
        let range = spot.range.clone().expect("a passage");
        assert!(source_text.text[range].contains("5.39 trillion yuan"));
        assert!(
            gdp.message.starts_with("数据为2024年5.39万亿元"),
            "{}",
            gdp.message
        );
        // The figure no record has: where the sources state it.
        let measures = &view.rows[1];
        assert_eq!(measures.verdict, Verdict::Unknown);
        assert_eq!(measures.hits.len(), 1);
        assert!(
            measures.hits[0].0.starts_with("src-003"),
            "{:?}",
            measures.hits
        );
    }
}
