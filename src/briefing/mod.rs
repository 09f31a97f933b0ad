//! A briefing: the selection (a search and filters, as the tree shows them)
//! written as a document with a cover, contents, each plan and its
//! measures in tree order with their figures and the sources' own words,
//! the charts that carry those figures, and every source with the quotes
//! used from it, each in the sentence around it where the source carries
//! its text. [`build`] makes the briefing as data (tested as such);
//! [`pdf`] and [`docx`] write it.

pub mod docx;
pub mod pdf;

use crate::job::Progress;
use std::collections::BTreeMap;

use crate::dataset::proof::Proof;
use crate::dataset::{Dataset, FigureRef, NodeIx, NodeKind, PlanIx, QuantityUnit, SourceIx};
use crate::i18n::{Lang, T, fill, tr};
use crate::selection::Item;
use crate::view::amount::{self, Convention};
use crate::view::charts::{ChartId, level_label, status_label};
use crate::view::documents::InContext;
use crate::view::tree::{Expansion, SearchIndex, TreeData, TreeFilter};
use crate::view::{localized_name, localized_title};

/// What a briefing holds and how it is worded.
#[derive(Clone, Debug)]
pub struct Options {
    /// The language of the briefing's own words.
    pub lang: Lang,
    /// How amounts are written.
    pub convention: Convention,
    /// The charts to include; `None` for every chart that carries a
    /// selected figure.
    pub charts: Option<Vec<ChartId>>,
    /// The date written on the cover, as (year, month, day).
    pub date: (u16, u8, u8),
    /// The user's annotations of each chart, drawn on its picture as in
    /// the window (a saved view's come with the view).
    pub annotations: crate::view::kept::ChartNotes,
}

/// Why no briefing could be made.
///
/// Its English is its `Display`; `src/i18n/writers.rs` words it in each
/// language.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum BriefingError {
    /// The file's name ends in neither `.pdf` nor `.docx`.
    Extension(std::path::PathBuf),
    /// Nothing matches the selection.
    Empty,
    /// The user cancelled.
    Cancelled,
    /// The PDF could not be written.
    Pdf(#[from] pdf::PdfError),
    /// The Word document could not be written.
    Docx(#[from] docx::DocxError),
}

/// The formats a briefing is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// PDF.
    Pdf,
    /// Word (`.docx`).
    Docx,
}

impl Format {
    /// The format a file name's extension names (any case).
    pub fn of_path(path: &std::path::Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "pdf" => Some(Self::Pdf),
            "docx" => Some(Self::Docx),
            _ => None,
        }
    }

    /// Like [`Self::of_path`], saying why not.
    pub fn of_file(path: &std::path::Path) -> Result<Self, BriefingError> {
        Self::of_path(path).ok_or_else(|| BriefingError::Extension(path.to_owned()))
    }
}

/// Counts one more step of a briefing being written (a measure laid out, a
/// page drawn) in `progress`; an error once the user has cancelled.
pub(crate) fn step(progress: &Progress) -> Result<(), BriefingError> {
    progress.add_done(1);
    if progress.is_cancelled() {
        Err(BriefingError::Cancelled)
    } else {
        Ok(())
    }
}

/// The briefing of what `filter` selects, as the bytes of a file.
pub fn bytes(
    dataset: &Dataset,
    filter: &TreeFilter,
    options: &Options,
    format: Format,
    progress: &Progress,
) -> Result<Vec<u8>, BriefingError> {
    let made = build(dataset, filter, options)?;
    write(dataset, &made, options, format, progress)
}

/// The bytes of a briefing built, in `format`.
fn write(
    dataset: &Dataset,
    made: &Briefing,
    options: &Options,
    format: Format,
    progress: &Progress,
) -> Result<Vec<u8>, BriefingError> {
    match format {
        Format::Pdf => pdf::write(dataset, made, options.convention, options.date, progress),
        Format::Docx => docx::write(dataset, made, options.convention, progress),
    }
}

/// A whole briefing, ready to be written.
#[derive(Clone, Debug, PartialEq)]
pub struct Briefing {
    /// The language of its words.
    pub lang: Lang,
    /// The document's title.
    pub title: String,
    /// The cover's lines: edition, selection, counts, date written.
    pub cover: Vec<String>,
    /// The plans, in dataset order, each with its selected nodes.
    pub plans: Vec<PlanPart>,
    /// The charts to draw, in the app's order.
    pub charts: Vec<ChartId>,
    /// Every source a figure quotes, with the quotes used.
    pub sources: Vec<SourcePart>,
    /// The figures written, for the charts to highlight.
    pub figures: Vec<FigureRef>,
    /// The saved views it was made from, in order: each chart drawn as its
    /// view has it. Empty for a briefing of a filter.
    pub views: Vec<crate::view::saved::Resolved>,
    /// The user's annotations of each chart (not a view's).
    pub annotations: crate::view::kept::ChartNotes,
}

/// A plan and its selected chapters, measures and items.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanPart {
    /// The plan.
    pub plan: PlanIx,
    /// Its title.
    pub title: String,
    /// Period, issuer and source, one line each.
    pub facts: Vec<String>,
    /// Its selected nodes, in tree order.
    pub nodes: Vec<NodePart>,
}

/// A chapter, measure or item.
#[derive(Clone, Debug, PartialEq)]
pub struct NodePart {
    /// The node.
    pub node: NodeIx,
    /// 0 for a chapter at the plan's top.
    pub depth: usize,
    /// Chapter, measure or item.
    pub kind: NodeKind,
    /// Its numbering as printed and its title.
    pub heading: String,
    /// Its full text.
    pub text: String,
    /// Responsible units, themes and districts, one line each where any.
    pub facts: Vec<String>,
    /// The figures, funds and targets tied to it.
    pub figures: Vec<FigurePart>,
}

/// A figure, fund or target as a briefing writes it.
#[derive(Clone, Debug, PartialEq)]
pub struct FigurePart {
    /// The record.
    pub figure: FigureRef,
    /// Its name and amount, with year, status or level: one line.
    pub line: String,
    /// Its quotes: the source and the words.
    pub quotes: Vec<(SourceIx, String)>,
    /// Its caveat, marked ("⚠ Caveat: …"), whole.
    pub caveat: Option<String>,
}

/// A source with the quotes the briefing uses from it.
#[derive(Clone, Debug, PartialEq)]
pub struct SourcePart {
    /// The document.
    pub source: SourceIx,
    /// Title, then publisher and date.
    pub title: String,
    /// Publisher and date, and the source's reliability note where it has
    /// one.
    pub facts: String,
    /// Where the document is published, where known.
    pub url: Option<String>,
    /// Each quote used from it, in order of first use.
    pub quotes: Vec<SourceQuote>,
}

/// A quote as the sources section lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceQuote {
    /// The words.
    pub quote: String,
    /// The headings of the measures it appears under.
    pub places: Vec<String>,
    /// The sentence around it in the document, where the source carries
    /// its text and the quote was found there (and the sentence says more
    /// than the quote).
    pub context: Option<InContext>,
}

/// The most bytes of a quote's sentence a briefing shows either side of
/// it; a longer sentence is cut there, marked "…".
pub const CONTEXT_BYTES: usize = 240;

/// The nodes the selection shows, in tree order: what the tree shows for
/// the filter with everything open (matches and their ancestors).
fn selected_rows(dataset: &Dataset, filter: &TreeFilter) -> Vec<Item> {
    let search = SearchIndex::new(dataset);
    let mut expansion = Expansion::default();
    expansion.set_all(dataset, true);
    TreeData::new(dataset, &search, filter, &expansion)
        .rows
        .into_iter()
        .map(|row| row.item)
        .collect()
}

/// Makes the briefing of what `filter` selects, each quote in its
/// sentence where the dataset carries its source's text (proven here; see
/// [`build_with_proof`] for a caller that has the proof already).
pub fn build(
    dataset: &Dataset,
    filter: &TreeFilter,
    options: &Options,
) -> Result<Briefing, BriefingError> {
    let proof = dataset
        .sources
        .iter()
        .any(|s| s.text.is_some())
        .then(|| crate::dataset::proof::prove(dataset, None, None))
        .flatten();
    build_with_proof(dataset, filter, options, proof.as_ref())
}

/// Makes the briefing of what `filter` selects, each quote in its
/// sentence where `proof` locates it.
pub fn build_with_proof(
    dataset: &Dataset,
    filter: &TreeFilter,
    options: &Options,
    proof: Option<&Proof>,
) -> Result<Briefing, BriefingError> {
    let selection = selection_text(dataset, filter, options.lang);
    build_rows(
        dataset,
        selected_rows(dataset, filter),
        &selection,
        options,
        proof,
    )
}

/// Makes the briefing of saved views, in their order: the measures any of
/// them selects (in tree order), and each view's chart drawn as the view
/// has it (its hidden series, scales, amounts and annotations).
pub fn build_of_views(
    dataset: &Dataset,
    views: &[crate::view::saved::Resolved],
    options: &Options,
) -> Result<Briefing, BriefingError> {
    let proof = dataset
        .sources
        .iter()
        .any(|s| s.text.is_some())
        .then(|| crate::dataset::proof::prove(dataset, None, None))
        .flatten();
    let chosen: std::collections::HashSet<Item> = views
        .iter()
        .flat_map(|view| selected_rows(dataset, &view.filter))
        .collect();
    let rows = selected_rows(dataset, &TreeFilter::default())
        .into_iter()
        .filter(|item| chosen.contains(item))
        .collect();
    let options = Options {
        charts: Some(views.iter().map(|v| v.chart).collect()),
        ..options.clone()
    };
    let names: Vec<String> = views.iter().map(|v| format!("“{}”", v.name)).collect();
    let selection = fill(
        options.lang,
        T::BriefingViews,
        &[&names.join(if options.lang == Lang::Zh {
            "、"
        } else {
            ", "
        })],
    );
    let mut briefing = build_rows(dataset, rows, &selection, &options, proof.as_ref())?;
    briefing.views = views.to_vec();
    Ok(briefing)
}

/// The bytes of the briefing of saved views (see [`build_of_views`]).
pub fn bytes_of_views(
    dataset: &Dataset,
    views: &[crate::view::saved::Resolved],
    options: &Options,
    format: Format,
    progress: &Progress,
) -> Result<Vec<u8>, BriefingError> {
    let made = build_of_views(dataset, views, options)?;
    write(dataset, &made, options, format, progress)
}

/// Makes the briefing of `rows` (plans, nodes and figures in tree order).
fn build_rows(
    dataset: &Dataset,
    rows: Vec<Item>,
    selection: &str,
    options: &Options,
    proof: Option<&Proof>,
) -> Result<Briefing, BriefingError> {
    let lang = options.lang;
    let mut plans: Vec<PlanPart> = Vec::new();
    let mut figures: Vec<FigureRef> = Vec::new();
    for item in rows {
        match item {
            Item::Plan(p) => plans.push(plan_part(dataset, p, lang)),
            Item::Node(n) => {
                let part = node_part(dataset, n, options);
                figures.extend(part.figures.iter().map(|f| f.figure));
                if let Some(plan) = plans.last_mut() {
                    plan.nodes.push(part);
                }
            }
            Item::Figure(_) => {}
        }
    }
    plans.retain(|p| !p.nodes.is_empty());
    if plans.is_empty() {
        return Err(BriefingError::Empty);
    }
    let node_count: usize = plans.iter().map(|p| p.nodes.len()).sum();
    // A chart of figures goes in where it carries a figure of the
    // selection; the theme map where a selected measure has a theme; the
    // unit map where one names a responsible unit; the timeline always (it places every selected plan).
    let charts = options.charts.clone().unwrap_or_else(|| {
        ChartId::ALL
            .into_iter()
            .filter(|chart| match chart {
                ChartId::Themes => plans
                    .iter()
                    .flat_map(|p| &p.nodes)
                    .any(|n| !dataset.node(n.node).themes.is_empty()),
                ChartId::Units => plans
                    .iter()
                    .flat_map(|p| &p.nodes)
                    .any(|n| !dataset.node(n.node).units.is_empty()),
                ChartId::Timeline => true,
                _ => figures.iter().any(|f| carries(dataset, *chart, *f)),
            })
            .collect()
    });
    let (y, m, d) = options.date;
    let mut cover = vec![
        fill(lang, T::BriefingEdition, &[&dataset.edition]),
        fill(lang, T::BriefingSelection, &[&selection]),
        fill(
            lang,
            T::BriefingCounts,
            &[&plans.len(), &node_count, &figures.len()],
        ),
        fill(
            lang,
            T::BriefingWritten,
            &[&format!("{y:04}-{m:02}-{d:02}")],
        ),
    ];
    // Where an editors' translation is written, the cover says what its
    // mark means.
    let mark = crate::view::TRANSLATION_MARK;
    let translated = plans.iter().any(|p| {
        p.title.contains(mark)
            || p.nodes.iter().any(|n| {
                n.heading.contains(mark)
                    || n.facts.iter().any(|f| f.contains(mark))
                    || n.figures.iter().any(|f| f.line.contains(mark))
            })
    });
    if translated {
        cover.push(tr(lang, T::ChartNamesTranslated).to_owned());
    }
    let sources = source_parts(dataset, &plans, lang, proof);
    Ok(Briefing {
        lang,
        title: fill(lang, T::BriefingTitle, &[&dataset.title]),
        cover,
        plans,
        charts,
        sources,
        figures,
        views: Vec::new(),
        annotations: options.annotations.clone(),
    })
}

/// The briefing's charts laid out on `page`, each with the selection's
/// figures standing out and the rest pale.
pub fn chart_scenes(
    dataset: &Dataset,
    briefing: &Briefing,
    convention: Convention,
    page: &crate::chart::Page,
) -> Vec<crate::chart::Scene> {
    let hidden = std::collections::BTreeSet::new();
    let selected: std::collections::HashSet<FigureRef> = briefing.figures.iter().copied().collect();
    let nodes: std::collections::HashSet<NodeIx> = briefing
        .plans
        .iter()
        .flat_map(|p| p.nodes.iter().map(|n| n.node))
        .collect();
    if !briefing.views.is_empty() {
        return briefing
            .views
            .iter()
            .map(|view| {
                let chart_view = crate::chart::ChartView {
                    highlight: Some(&selected),
                    highlight_nodes: Some(&nodes),
                    ..crate::chart::ChartView::of_view(dataset, view)
                };
                crate::chart::scene(&chart_view, page)
            })
            .collect();
    }
    briefing
        .charts
        .iter()
        .map(|chart| {
            let view = crate::chart::ChartView {
                convention,
                highlight: Some(&selected),
                highlight_nodes: Some(&nodes),
                annotations: briefing.annotations.get(chart).map_or(&[], Vec::as_slice),
                ..crate::chart::ChartView::new(dataset, *chart, &hidden, briefing.lang)
            };
            crate::chart::scene(&view, page)
        })
        .collect()
}

/// Whether `chart` shows `figure`.
fn carries(dataset: &Dataset, chart: ChartId, figure: FigureRef) -> bool {
    let series_unit = |s: crate::dataset::SeriesIx| dataset.series[s.index()].unit;
    match (chart, figure) {
        (ChartId::IndustrialOutput, FigureRef::Series(s) | FigureRef::Point(s, _)) => {
            series_unit(s) == QuantityUnit::Yuan
        }
        (ChartId::GdpShare, FigureRef::Series(s) | FigureRef::Point(s, _)) => {
            series_unit(s) == QuantityUnit::Percent
        }
        // The funds chart draws funds' sizes, not amounts per recipient
        // nor amounts probably wrong as printed (it names those apart).
        (ChartId::Funds, FigureRef::Fund(f)) => {
            let fund = &dataset.funds[f.index()];
            fund.amount_yuan.is_some()
                && crate::view::charts::FundGroup::of(fund)
                    == crate::view::charts::FundGroup::OnScale
        }
        (ChartId::Targets, FigureRef::Target(_)) => true,
        _ => false,
    }
}

/// What the selection is, in words: the search and each facet, or the
/// whole dataset.
fn selection_text(dataset: &Dataset, filter: &TreeFilter, lang: Lang) -> String {
    if !filter.is_active() {
        return tr(lang, T::BriefingEverything).to_owned();
    }
    let join = |names: Vec<String>| names.join(if lang == Lang::Zh { "、" } else { ", " });
    let mut parts = Vec::new();
    if !filter.query.trim().is_empty() {
        parts.push(fill(lang, T::BriefingSearch, &[&filter.query.trim()]));
    }
    if !filter.plans.is_empty() {
        let names = filter
            .plans
            .iter()
            .map(|p| crate::view::plan_title(lang, dataset, *p).into_owned())
            .collect();
        parts.push(fill(lang, T::BriefingPlans, &[&join(names)]));
    }
    if !filter.units.is_empty() {
        let names = filter
            .units
            .iter()
            .map(|u| localized_name(lang, &dataset.units[u.index()]))
            .collect();
        parts.push(fill(lang, T::BriefingUnits, &[&join(names)]));
    }
    if !filter.themes.is_empty() {
        let names = filter
            .themes
            .iter()
            .map(|t| localized_name(lang, &dataset.themes[t.index()]))
            .collect();
        parts.push(fill(lang, T::BriefingThemes, &[&join(names)]));
    }
    if !filter.districts.is_empty() {
        let names = filter
            .districts
            .iter()
            .map(|d| crate::view::district_name(lang, dataset, d))
            .collect();
        parts.push(fill(lang, T::BriefingDistricts, &[&join(names)]));
    }
    parts.join(if lang == Lang::Zh { "；" } else { "; " })
}

fn plan_part(dataset: &Dataset, p: PlanIx, lang: Lang) -> PlanPart {
    let plan = &dataset.plans[p.index()];
    let period = match plan.start_year {
        Some(start) => format!("{start}–{}", plan.end_year),
        None => plan.end_year.to_string(),
    };
    let source = &dataset.sources[plan.source.index()];
    PlanPart {
        plan: p,
        title: localized_title(lang, plan).into_owned(),
        facts: vec![
            fill(lang, T::BriefingPeriod, &[&period]),
            fill(lang, T::BriefingIssuer, &[&plan.issuer]),
            fill(
                lang,
                T::BriefingSource,
                &[&crate::view::table::source_with_date(source, lang)],
            ),
        ],
        nodes: Vec::new(),
    }
}

fn node_part(dataset: &Dataset, n: NodeIx, options: &Options) -> NodePart {
    let lang = options.lang;
    let node = dataset.node(n);
    let title = localized_title(lang, node);
    let heading = match &node.numbering {
        Some(numbering) => format!("{numbering} {title}"),
        None => title.into_owned(),
    };
    let text = match (lang, &node.text_zh) {
        (Lang::Zh, Some(zh)) => zh.clone(),
        _ => node.text.clone(),
    };
    let join = |names: Vec<String>| names.join(if lang == Lang::Zh { "、" } else { "; " });
    let mut facts = Vec::new();
    if !node.units.is_empty() {
        // Lead units first, marked, where the document names them.
        let names = crate::view::themes::units_line(dataset, node, lang);
        let mut line = fill(lang, T::BriefingUnitsLine, &[&names]);
        if node.units_inferred {
            line.push(' ');
            line.push_str(tr(lang, T::InferredFromContext));
        }
        facts.push(line);
    }
    if !node.themes.is_empty() {
        let names = node
            .themes
            .iter()
            .map(|t| {
                let theme = &dataset.themes[t.index()];
                localized_name(lang, theme)
            })
            .collect();
        facts.push(fill(lang, T::BriefingThemesLine, &[&join(names)]));
    }
    if !node.districts.is_empty() {
        facts.push(fill(
            lang,
            T::BriefingDistrictsLine,
            &[&join(
                node.districts
                    .iter()
                    .map(|d| crate::view::district_name(lang, dataset, d))
                    .collect(),
            )],
        ));
    }
    let figures = node
        .figures
        .iter()
        .flat_map(|f| figure_parts(dataset, *f, options))
        .collect();
    NodePart {
        node: n,
        depth: usize::from(node.depth),
        kind: node.kind,
        heading,
        text,
        facts,
        figures,
    }
}

/// A linked figure as lines: a series becomes one line per point.
fn figure_parts(dataset: &Dataset, figure: FigureRef, options: &Options) -> Vec<FigurePart> {
    let (lang, convention) = (options.lang, options.convention);
    let quotes = |citations: &[crate::dataset::Citation]| {
        citations
            .iter()
            .map(|c| (c.source, c.quote.clone()))
            .collect::<Vec<_>>()
    };
    match figure {
        FigureRef::Fact(f) => {
            let fact = &dataset.facts[f.index()];
            vec![FigurePart {
                figure,
                line: crate::view::fact_line(fact, convention, lang),
                quotes: quotes(&fact.citations),
                caveat: caveat_in(dataset, figure, lang),
            }]
        }
        FigureRef::Series(s) => (0..dataset.series[s.index()].points.len())
            .flat_map(|p| {
                figure_parts(
                    dataset,
                    FigureRef::Point(s, u32::try_from(p).unwrap_or(u32::MAX)),
                    options,
                )
            })
            .collect(),
        FigureRef::Point(s, p) => {
            let series = &dataset.series[s.index()];
            let Some(point) = series.points.get(p as usize) else {
                return Vec::new();
            };
            let name = localized_title(lang, series);
            vec![FigurePart {
                figure,
                line: format!(
                    "{name}, {}: {} ({})",
                    point.year,
                    amount::of_point(series, point, convention),
                    status_label(lang, point.status)
                ),
                quotes: quotes(&point.citations),
                caveat: caveat_in(dataset, figure, lang),
            }]
        }
        FigureRef::Fund(f) => {
            let fund = &dataset.funds[f.index()];
            let name = localized_title(lang, fund);
            let value = amount::of_fund(fund, convention, lang)
                .unwrap_or_else(|| tr(lang, T::NoAmount).to_owned());
            vec![FigurePart {
                figure,
                line: format!("{name}: {value} ({})", level_label(lang, fund.level)),
                quotes: quotes(&fund.citations),
                caveat: caveat_in(dataset, figure, lang),
            }]
        }
        FigureRef::Target(t) => {
            let target = &dataset.targets[t.index()];
            let name = localized_title(lang, target);
            let by = target.deadline_year.map_or_else(
                || tr(lang, T::NoDeadline).to_owned(),
                |y| fill(lang, T::ByYear, &[&y]),
            );
            vec![FigurePart {
                figure,
                line: format!(
                    "{name}: {} ({}, {by})",
                    amount::of_target(target, convention),
                    status_label(lang, crate::dataset::Status::Target)
                ),
                quotes: quotes(&target.citations),
                caveat: caveat_in(dataset, figure, lang),
            }]
        }
    }
}

/// A figure's caveat as a briefing writes it.
fn caveat_in(dataset: &Dataset, figure: FigureRef, lang: Lang) -> Option<String> {
    dataset
        .figure_caveat(figure)
        .map(|c| crate::view::caveat_text(lang, c))
}

/// Every source a written figure quotes, in order of first use, with each
/// quote once, the headings it appears under and, where `proof` locates
/// it, its sentence.
fn source_parts(
    dataset: &Dataset,
    plans: &[PlanPart],
    lang: Lang,
    proof: Option<&Proof>,
) -> Vec<SourcePart> {
    let mut order: Vec<SourceIx> = Vec::new();
    let mut quotes: BTreeMap<SourceIx, Vec<SourceQuote>> = BTreeMap::new();
    for node in plans.iter().flat_map(|p| &p.nodes) {
        // The document the measure's own text comes from, quoted or not by
        // a figure: a briefing of measures alone still names its sources.
        let own = dataset.node(node.node).source;
        if !order.contains(&own) {
            order.push(own);
        }
        for (source, quote) in node.figures.iter().flat_map(|f| &f.quotes) {
            if !order.contains(source) {
                order.push(*source);
            }
            let list = quotes.entry(*source).or_default();
            match list.iter_mut().find(|q| &q.quote == quote) {
                Some(known) => {
                    if !known.places.contains(&node.heading) {
                        known.places.push(node.heading.clone());
                    }
                }
                None => list.push(SourceQuote {
                    quote: quote.clone(),
                    places: vec![node.heading.clone()],
                    context: proof.and_then(|proof| in_context(proof, *source, quote)),
                }),
            }
        }
    }
    order
        .into_iter()
        .map(|s| {
            let source = &dataset.sources[s.index()];
            let when = crate::view::table::source_date(source, lang);
            SourcePart {
                source: s,
                title: source.title.clone(),
                facts: format!(
                    "{} · {when}{}",
                    fill(lang, T::BriefingPublisher, &[&source.publisher]),
                    crate::view::reliability_words(lang, source).map_or_else(
                        String::new,
                        |note| format!(
                            " · ⚠ {}{}{note}",
                            tr(lang, T::Reliability),
                            if lang == Lang::Zh { "：" } else { ": " }
                        )
                    )
                ),
                url: source.url.clone(),
                quotes: quotes.remove(&s).unwrap_or_default(),
            }
        })
        .collect()
}

/// The sentence around `quote` in `source`'s text, where `proof` finds it.
fn in_context(proof: &Proof, source: SourceIx, quote: &str) -> Option<InContext> {
    let range = proof.locate(source, quote)?;
    crate::view::documents::in_context(proof.text(source)?, range, CONTEXT_BYTES)
}
