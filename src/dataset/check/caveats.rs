//! Caveats, totals and per-recipient amounts: what a figure owes its
//! readers beyond its source's words. References to other figures are kept
//! by id until every figure is known, then resolved; a total whose parts do
//! not add up to it is a warning.

use super::{Checker, PendingFigureRefs, RefKind};
use crate::dataset::field::Field;
use crate::dataset::kinds::{ProblemKind, RecordKind};
use crate::dataset::model::{Caveat, Dataset, FigureRef, FundIx, SmolStr};
use crate::dataset::problem::Problem;
use crate::dataset::raw::RawCaveat;

/// How far a total may be from the sum of its parts before it is reported:
/// 1% (rounding in the document), or 10% when a figure says "about".
const EXACT_TOLERANCE: f64 = 0.01;
const APPROXIMATE_TOLERANCE: f64 = 0.10;

impl Checker {
    /// A figure's caveat (its text now, its conflicts once every figure is
    /// known).
    pub(super) fn caveat(
        &mut self,
        field: Option<Field<RawCaveat>>,
        owner: Option<&SmolStr>,
    ) -> Option<Caveat> {
        let raw = self.take_optional(field, "caveat")?;
        let depth = self.path.key("caveat");
        let text = self.text(raw.text, "text");
        let text_zh = self.optional_text(raw.text_zh, "text_zh");
        let ids = self.each_optional(raw.conflicts, "conflicts", |c, id: SmolStr, _| {
            (c.path.render(), id)
        });
        let likely_wrong = self.optional_flag(raw.likely_wrong, "likely_wrong");
        self.path.truncate(depth);
        if let Some(owner) = owner {
            self.pending_figures.push(PendingFigureRefs {
                owner: owner.clone(),
                kind: RefKind::Conflicts,
                ids,
            });
        }
        Some(Caveat {
            text,
            text_zh,
            conflicts: Vec::new(),
            likely_wrong,
        })
    }

    /// A fund's `parts`, resolved once every fund is known.
    pub(super) fn parts(
        &mut self,
        field: Option<Field<Vec<Field<SmolStr>>>>,
        owner: Option<&SmolStr>,
    ) {
        let ids = self.each_optional(field, "parts", |c, id: SmolStr, _| (c.path.render(), id));
        if let Some(owner) = owner
            && !ids.is_empty()
        {
            self.pending_figures.push(PendingFigureRefs {
                owner: owner.clone(),
                kind: RefKind::Parts,
                ids,
            });
        }
    }

    /// Resolves the caveats' conflicts and the funds' parts, then checks
    /// that each total's parts add up to it.
    pub(super) fn resolve_figure_refs(&mut self, dataset: &mut Dataset) {
        for pending in std::mem::take(&mut self.pending_figures) {
            let Some(owner) = self.index.figures.get(&pending.owner).copied() else {
                continue;
            };
            // Each figure found, with where and how it was named.
            let mut found: Vec<(FigureRef, &String, &SmolStr)> = Vec::new();
            for (path, id) in &pending.ids {
                match self.index.figures.get(id).copied() {
                    // It may name a figure lost to its own problem.
                    None if self.lost(RecordKind::Figure) => {}
                    None => self.error(
                        path.clone(),
                        ProblemKind::Unknown {
                            record: RecordKind::Figure,
                            id: id.clone(),
                        },
                    ),
                    Some(figure) if figure == owner => {
                        self.error(path.clone(), ProblemKind::FigureItself { id: id.clone() });
                    }
                    Some(figure) if found.iter().any(|(f, ..)| *f == figure) => {
                        self.report(Problem::warning(
                            path.clone(),
                            ProblemKind::ListedTwice {
                                record: RecordKind::Figure,
                                id: id.clone(),
                            },
                        ));
                    }
                    Some(figure) => found.push((figure, path, id)),
                }
            }
            match pending.kind {
                RefKind::Conflicts => {
                    if let Some(caveat) = caveat_mut(dataset, owner) {
                        caveat.conflicts = found.iter().map(|(f, ..)| *f).collect();
                    }
                }
                RefKind::Parts => {
                    let FigureRef::Fund(total) = owner else {
                        continue;
                    };
                    let mut parts = Vec::new();
                    for (figure, path, id) in found {
                        match figure {
                            FigureRef::Fund(part) => parts.push(part),
                            _ => self.error(path.clone(), ProblemKind::NotAFund { id: id.clone() }),
                        }
                    }
                    dataset.funds[total.index()].parts = parts;
                }
            }
        }
        for f in 0..dataset.funds.len() {
            if let Some(kind) = parts_mismatch(dataset, FundIx::at(f)) {
                self.report(Problem::warning(format!("funds[{f}].parts"), kind));
            }
        }
    }
}

/// The caveat of `figure`, if it has one.
fn caveat_mut(dataset: &mut Dataset, figure: FigureRef) -> Option<&mut Caveat> {
    match figure {
        FigureRef::Series(_) => None,
        FigureRef::Point(s, p) => dataset.series[s.index()]
            .points
            .get_mut(p as usize)?
            .caveat
            .as_mut(),
        FigureRef::Fund(f) => dataset.funds[f.index()].caveat.as_mut(),
        FigureRef::Target(t) => dataset.targets[t.index()].caveat.as_mut(),
        FigureRef::Fact(f) => dataset.facts[f.index()].caveat.as_mut(),
    }
}

/// Why a total's parts do not add up to it, if they do not. Parts without
/// an amount cannot be added; a part that says "over" only bounds the sum
/// from below; a total that says "over" only bounds it from above.
fn parts_mismatch(dataset: &Dataset, total: FundIx) -> Option<ProblemKind> {
    let fund = &dataset.funds[total.index()];
    if fund.parts.is_empty() {
        return None;
    }
    let stated = fund.amount_yuan?;
    let parts: Vec<_> = fund
        .parts
        .iter()
        .map(|p| &dataset.funds[p.index()])
        .collect();
    // An amount per recipient is not a size to add up.
    if fund.per_recipient || parts.iter().any(|p| p.per_recipient) {
        return Some(ProblemKind::PerRecipientParts);
    }
    let mut sum = 0.0;
    for part in &parts {
        sum += part.amount_yuan?;
    }
    let parts_exact = parts.iter().all(|p| !p.lower_bound);
    let tolerance = if fund.approximate || parts.iter().any(|p| p.approximate) {
        APPROXIMATE_TOLERANCE
    } else {
        EXACT_TOLERANCE
    };
    let too_small = parts_exact && sum < stated * (1.0 - tolerance);
    let too_large = !fund.lower_bound && sum > stated * (1.0 + tolerance);
    if !(too_small || too_large) {
        return None;
    }
    Some(ProblemKind::PartsMismatch {
        parts: parts.iter().map(|p| p.id.clone()).collect(),
        sum,
        stated,
        over: fund.lower_bound,
        explained: fund.caveat.is_some(),
    })
}
