//! The details panel: everything about the selection, with its links one
//! click away.

use super::{Commands, DocCommand, PanelContext, SessionCommand};
use crate::dataset::proof::{Quoting, Spot};
use crate::dataset::{Citation, Dataset, FigureRef, NodeIx, PlanIx, SourceIx};
use crate::i18n::{Lang, T, fill, tr};
use crate::selection::Item;
use crate::view::charts::{level_label, status_label};
use crate::view::{amount, localized_name, localized_title, plan_title};

/// Draws the details of the selection.
pub fn ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, commands: &mut Commands) {
    let lang = cx.session.lang();
    ui.strong(tr(lang, T::Details));
    ui.separator();
    let Some(item) = cx.doc.selected() else {
        ui.label(tr(lang, T::SelectSomething));
        key_facts_ui(cx, ui, commands);
        return;
    };
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| match item {
            Item::Plan(plan) => plan_ui(cx, ui, plan, commands),
            Item::Node(node) => node_ui(cx, ui, node, commands),
            Item::Figure(figure) => figure_ui(cx, ui, figure, commands),
        });
}

/// The facts the documents state as of a date, as cards, while nothing is
/// selected; a click shows one's details.
fn key_facts_ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, commands: &mut Commands) {
    let lang = cx.session.lang();
    let data = &cx.doc.dataset;
    if data.facts.is_empty() {
        return;
    }
    ui.add_space(8.0);
    ui.strong(fill(lang, T::KeyFacts, &[&data.facts.len()]));
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (f, fact) in data.facts.iter().enumerate() {
                let figure = FigureRef::Fact(crate::dataset::FactIx::at(f));
                let card = egui::Frame::group(ui.style())
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        if let Some(value) = amount::of_fact(fact, cx.session.convention()) {
                            let value = crate::view::marked(fact.caveat.is_some(), value);
                            ui.label(egui::RichText::new(value).heading());
                        }
                        ui.add(egui::Label::new(localized_title(lang, fact)).wrap());
                        ui.weak(fill(lang, T::AsOfDate, &[&fact.as_of]));
                    })
                    .response;
                // The card is clicked through a widget of its own: made
                // clickable under the frame's own id, it lost the keyboard
                // focus each frame (the frame's inner Ui, not focusable,
                // is made again under that id), and Tab stopped there.
                let id = ui.scope_id().with(("fact_card", f));
                let response = ui.interact(card.rect, id, egui::Sense::click());
                let name = localized_title(lang, fact);
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, name.as_ref())
                });
                // Tab to a card below the fold scrolls it into view.
                if response.gained_focus() {
                    response.scroll_to_me(None);
                }
                if response.has_focus() {
                    let stroke = ui.visuals().selection.stroke;
                    ui.painter()
                        .rect_stroke(card.rect, 4.0, stroke, egui::StrokeKind::Inside);
                }
                if response.clicked() {
                    commands.push(DocCommand::Select(Item::Figure(figure)));
                }
                // The fact's words in their document, a click away. Kept
                // out of the card, whose whole face selects the fact.
                let record = Quoting::Figure(figure);
                if let Some(citation) = fact.citations.first()
                    && let Some(spot) = crate::view::source::quote_spot(
                        &cx.doc.proof,
                        citation.source,
                        &citation.quote,
                        Some(record),
                    )
                {
                    let link = ui
                        .add(egui::Link::new(
                            egui::RichText::new(tr(lang, T::FactInDocument)).small(),
                        ))
                        .on_hover_text(format!("“{}”", citation.quote));
                    let label = format!("{}: {}", tr(lang, T::FactInDocument), name);
                    link.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, &label));
                    if link.gained_focus() {
                        link.scroll_to_me(None);
                    }
                    if link.clicked() {
                        commands.push(SessionCommand::OpenSource(spot));
                    }
                }
            }
        });
}

fn plan_ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, plan: PlanIx, commands: &mut Commands) {
    let lang = cx.session.lang();
    let data = &cx.doc.dataset;
    let plan_data = &data.plans[plan.index()];
    ui.heading(plan_title(lang, data, plan));
    other_language_ui(ui, plan_data, lang);
    field_ui(ui, lang, T::Period, &period(data, plan, lang));
    field_ui(ui, lang, T::IssuedBy, &plan_data.issuer);
    source_ui(cx, ui, plan_data.source, true, commands);
    if let Some(note) = &plan_data.note {
        field_ui(ui, lang, T::Note, note);
    }
    field_ui(
        ui,
        lang,
        T::TopLevelEntries,
        &plan_data.roots.len().to_string(),
    );
    figure_links_ui(
        ui,
        data,
        &Item::Plan(plan).linked_figures(data),
        cx,
        commands,
    );
}

fn period(data: &Dataset, plan: PlanIx, lang: Lang) -> String {
    let plan = &data.plans[plan.index()];
    match plan.start_year {
        Some(start) => format!("{start}-{}", plan.end_year),
        None => fill(lang, T::UntilNoStart, &[&plan.end_year]),
    }
}

fn node_ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, node_ix: NodeIx, commands: &mut Commands) {
    let lang = cx.session.lang();
    let data = &cx.doc.dataset;
    let node = data.node(node_ix);
    // The path from the plan, each step a link.
    ui.horizontal_wrapped(|ui| {
        if ui.link(plan_title(lang, data, node.plan)).clicked() {
            commands.push(DocCommand::Select(Item::Plan(node.plan)));
        }
        for step in data.ancestry(node_ix) {
            if step == node_ix {
                break;
            }
            ui.label("›");
            let step_node = data.node(step);
            let title = localized_title(lang, step_node);
            let label = step_node.numbering.as_deref().unwrap_or(&title);
            if ui.link(label).on_hover_text(title).clicked() {
                commands.push(DocCommand::Select(Item::Node(step)));
            }
        }
    });
    let chinese = lang == crate::i18n::Lang::Zh;
    let title = crate::view::localized_title(lang, node);
    let heading = match &node.numbering {
        Some(numbering) => format!("{numbering} {title}"),
        None => title.into_owned(),
    };
    ui.heading(heading);
    other_language_ui(ui, node, lang);
    field_ui(ui, lang, T::PlanLabel, &plan_title(lang, data, node.plan));
    field_ui(ui, lang, T::Period, &period(data, node.plan, lang));
    field_ui(
        ui,
        lang,
        T::Kind,
        tr(
            lang,
            match node.kind {
                crate::dataset::NodeKind::Chapter => T::KindChapter,
                crate::dataset::NodeKind::Measure => T::KindMeasure,
                crate::dataset::NodeKind::Item => T::KindItem,
            },
        ),
    );
    if !node.text.is_empty() {
        ui.add_space(4.0);
        let text = match (&node.text_zh, chinese) {
            (Some(zh), true) => zh,
            _ => &node.text,
        };
        node_text_ui(cx, ui, node_ix, text, commands);
        ui.add_space(4.0);
    }
    if !node.units.is_empty() {
        // Lead units first, marked, where the document names them.
        let mut units = crate::view::themes::units_line(data, node, lang);
        // Units read from the paragraph around the text, not printed with
        // it, say so.
        if node.units_inferred {
            units.push(' ');
            units.push_str(tr(lang, T::InferredFromContext));
        }
        field_ui(ui, lang, T::ResponsibleUnits, &units);
    }
    if !node.themes.is_empty() {
        let themes: Vec<String> = node
            .themes
            .iter()
            .map(|t| {
                let theme = &data.themes[t.index()];
                localized_name(lang, theme)
            })
            .collect();
        field_ui(ui, lang, T::Themes, &themes.join(", "));
    }
    if !node.districts.is_empty() {
        let names: Vec<String> = node
            .districts
            .iter()
            .map(|d| crate::view::district_name(lang, data, d))
            .collect();
        field_ui(ui, lang, T::Districts, &names.join(", "));
    }
    source_ui(cx, ui, node.source, true, commands);
    if let Some(note) = &node.note {
        field_ui(ui, lang, T::Note, note);
    }
    figure_links_ui(ui, data, &node.figures, cx, commands);
}

/// A figure's heading and values by kind; gives back its citations and note.
fn figure_header_ui<'a>(
    cx: &'a PanelContext<'a>,
    ui: &mut egui::Ui,
    figure: FigureRef,
    commands: &mut Commands,
) -> (&'a [Citation], Option<&'a String>) {
    let lang = cx.session.lang();
    let data = &cx.doc.dataset;
    let convention = cx.session.convention();
    match figure {
        FigureRef::Series(s) => {
            let series = &data.series[s.index()];
            ui.heading(localized_title(lang, series));
            other_language_ui(ui, series, lang);
            for point in &series.points {
                let value = amount::of_point(series, point, convention);
                labelled_ui(
                    ui,
                    lang,
                    &point.year.to_string(),
                    &format!("{value} ({})", status_label(lang, point.status)),
                );
            }
            (&[], series.note.as_ref())
        }
        FigureRef::Point(s, p) => {
            let series = &data.series[s.index()];
            let point = &series.points[p as usize];
            ui.heading(format!("{}, {}", localized_title(lang, series), point.year));
            other_language_ui(ui, series, lang);
            let value = amount::of_point(series, point, convention);
            field_ui(ui, lang, T::Value, &value);
            if series.unit == crate::dataset::QuantityUnit::Yuan
                && let Some(usd) = amount::usd_equivalent(data, point.value)
            {
                ui.weak(usd);
            }
            field_ui(ui, lang, T::Status, status_label(lang, point.status));
            (&point.citations, point.note.as_ref())
        }
        FigureRef::Fund(f) => {
            let fund = &data.funds[f.index()];
            ui.heading(localized_title(lang, fund));
            other_language_ui(ui, fund, lang);
            let value = amount::of_fund(fund, convention, lang)
                .unwrap_or_else(|| tr(lang, T::NoAmount).to_owned());
            field_ui(ui, lang, T::Amount, &value);
            if let Some(usd) = fund
                .amount_yuan
                .and_then(|a| amount::usd_equivalent(data, a))
            {
                ui.weak(usd);
            }
            if fund.level_inferred {
                let level = format!(
                    "{} {}",
                    level_label(lang, fund.level),
                    tr(lang, T::InferredFromContext)
                );
                field_ui(ui, lang, T::Level, &level);
            } else {
                field_ui(ui, lang, T::Level, level_label(lang, fund.level));
            }
            field_ui(ui, lang, T::Purpose, &fund.purpose);
            (&fund.citations, fund.note.as_ref())
        }
        FigureRef::Target(t) => {
            let target = &data.targets[t.index()];
            ui.heading(localized_title(lang, target));
            other_language_ui(ui, target, lang);
            let value = amount::of_target(target, convention);
            field_ui(ui, lang, T::Target, &value);
            field_ui(
                ui,
                lang,
                T::Deadline,
                &target
                    .deadline_year
                    .map_or_else(|| tr(lang, T::NoDeadline).to_owned(), |y| y.to_string()),
            );
            if ui.link(plan_title(lang, data, target.plan)).clicked() {
                commands.push(DocCommand::Select(Item::Plan(target.plan)));
            }
            (&target.citations, target.note.as_ref())
        }
        FigureRef::Fact(f) => {
            let fact = &data.facts[f.index()];
            ui.heading(localized_title(lang, fact));
            other_language_ui(ui, fact, lang);
            if let Some(value) = amount::of_fact(fact, convention) {
                field_ui(ui, lang, T::Value, &value);
            }
            let as_of = match &fact.as_of_note {
                Some(how) => format!("{} ({how})", fact.as_of),
                None => fact.as_of.clone(),
            };
            field_ui(ui, lang, T::AsOf, &as_of);
            (&fact.citations, fact.note.as_ref())
        }
    }
}

fn figure_ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, figure: FigureRef, commands: &mut Commands) {
    let lang = cx.session.lang();
    let data = &cx.doc.dataset;
    let (citations, note) = figure_header_ui(cx, ui, figure, commands);
    // The caveat comes before the sources: it changes how they are read.
    if let Some(caveat) = data.figure_caveat(figure) {
        ui.add_space(4.0);
        ui.add(
            egui::Label::new(
                egui::RichText::new(crate::view::caveat_text(lang, caveat))
                    .color(ui.visuals().warn_fg_color),
            )
            .wrap(),
        );
        for &other in &caveat.conflicts {
            let label = figure_label(data, other, cx);
            if ui.link(format!("↔ {label}")).clicked() {
                commands.push(DocCommand::Select(Item::Figure(other)));
            }
        }
    }
    // A source's reliability note once, under its first citation.
    let mut noted = Vec::new();
    for citation in citations {
        let first = !noted.contains(&citation.source);
        noted.push(citation.source);
        source_ui(cx, ui, citation.source, first, commands);
        quote_ui(cx, ui, citation, Quoting::Figure(figure), commands);
    }
    if let Some(note) = note {
        field_ui(ui, lang, T::Note, note);
    }
    let measures = data.figure_measures(figure);
    ui.add_space(6.0);
    ui.strong(fill(lang, T::LinkedMeasures, &[&measures.len()]));
    if measures.is_empty() {
        ui.weak(tr(lang, T::NoLinkedMeasures));
    }
    for &node in measures {
        let node_data = data.node(node);
        let title = localized_title(lang, node_data);
        let label = match &node_data.numbering {
            Some(numbering) => format!("{numbering} {title}"),
            None => title.into_owned(),
        };
        if ui
            .link(label)
            .on_hover_text(tr(lang, T::ShowInTree))
            .clicked()
        {
            commands.push(DocCommand::Select(Item::Node(node)));
        }
    }
}

/// The figures linked to a plan or node, each a link.
fn figure_links_ui(
    ui: &mut egui::Ui,
    data: &Dataset,
    figures: &[FigureRef],
    cx: &PanelContext<'_>,
    commands: &mut Commands,
) {
    let lang = cx.session.lang();
    if figures.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.strong(fill(lang, T::LinkedFigures, &[&figures.len()]));
    for &figure in figures {
        let label = crate::view::marked(
            data.figure_caveat(figure).is_some(),
            figure_label(data, figure, cx),
        );
        if ui.link(label).clicked() {
            commands.push(DocCommand::Select(Item::Figure(figure)));
        }
    }
}

/// A one-line description of a figure: its name and value.
fn figure_label(data: &Dataset, figure: FigureRef, cx: &PanelContext<'_>) -> String {
    let lang = cx.session.lang();
    let convention = cx.session.convention();
    let name = crate::view::figure_name(data, figure, lang);
    let value = match figure {
        FigureRef::Series(_) => None,
        FigureRef::Point(s, p) => {
            let series = &data.series[s.index()];
            Some(amount::of_point(
                series,
                &series.points[p as usize],
                convention,
            ))
        }
        FigureRef::Fund(f) => amount::of_fund(&data.funds[f.index()], convention, lang),
        FigureRef::Target(t) => Some(amount::of_target(&data.targets[t.index()], convention)),
        FigureRef::Fact(f) => {
            return crate::view::fact_line(&data.facts[f.index()], convention, lang);
        }
    };
    match value {
        Some(value) => format!("{name}: {value}"),
        None => name,
    }
}

/// The source's title, publisher and date; where the dataset carries its
/// text, a link that opens it in the source viewer.
/// A source line (a link to the document where the dataset carries its
/// text), and, with `reliability`, the source's reliability note under it.
fn source_ui(
    cx: &PanelContext<'_>,
    ui: &mut egui::Ui,
    source: SourceIx,
    reliability: bool,
    commands: &mut Commands,
) {
    let lang = cx.session.lang();
    let document = &cx.doc.dataset.sources[source.index()];
    let when = document.date.as_deref().unwrap_or(tr(lang, T::Undated));
    let value = format!("{} ({}, {when})", document.title, document.publisher);
    if cx.doc.proof.text(source).is_none() {
        field_ui(ui, lang, T::Source, &value);
    } else {
        ui.horizontal_wrapped(|ui| {
            ui.strong(format!("{}{}", tr(lang, T::Source), colon(lang)));
            if ui
                .link(value)
                .on_hover_text(tr(lang, T::ReadInDocument))
                .clicked()
            {
                commands.push(SessionCommand::OpenSource(Spot {
                    source,
                    range: None,
                }));
            }
        });
    }
    // How far the document can be trusted, beside every figure it states.
    if let Some(note) = crate::view::reliability_words(lang, document).filter(|_| reliability) {
        ui.add(
            egui::Label::new(
                egui::RichText::new(fill(lang, T::ReliabilityField, &[&note]))
                    .color(ui.visuals().warn_fg_color),
            )
            .wrap(),
        );
    }
}

/// A figure's quote in quotation marks: a link to its place in the
/// document where the proof found it there, plain words otherwise.
fn quote_ui(
    cx: &PanelContext<'_>,
    ui: &mut egui::Ui,
    citation: &Citation,
    record: Quoting,
    commands: &mut Commands,
) {
    let words = egui::RichText::new(format!("“{}”", citation.quote)).italics();
    let spot = crate::view::source::quote_spot(
        &cx.doc.proof,
        citation.source,
        &citation.quote,
        Some(record),
    );
    let Some(spot) = spot else {
        ui.label(words);
        return;
    };
    if ui
        .add(egui::Link::new(words))
        .on_hover_text(tr(cx.session.lang(), T::ReadInDocument))
        .clicked()
    {
        commands.push(SessionCommand::OpenSource(spot));
    }
}

/// A node's text: a click opens its place in the document, where the
/// proof found it there.
/// The most of a node's text the details panel shows, in bytes: ten times
/// the longest measure of the built-in plans.
const MAX_SHOWN_TEXT_BYTES: usize = 50_000;

fn node_text_ui(
    cx: &PanelContext<'_>,
    ui: &mut egui::Ui,
    node: NodeIx,
    text: &str,
    commands: &mut Commands,
) {
    // A text far longer than any measure's (the loader allows up to a
    // megabyte) is shown in part, so that each frame stays quick.
    if text.len() > MAX_SHOWN_TEXT_BYTES {
        let mut cut = MAX_SHOWN_TEXT_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let (shown, all) = (text[..cut].chars().count(), text.chars().count());
        ui.weak(fill(cx.session.lang(), T::TextCutShort, &[&shown, &all]));
        ui.label(&text[..cut]);
        return;
    }
    let source = cx.doc.dataset.node(node).source;
    let spot =
        crate::view::source::quote_spot(&cx.doc.proof, source, text, Some(Quoting::Node(node)));
    let Some(spot) = spot else {
        ui.label(text);
        return;
    };
    let response = ui.add(egui::Label::new(text).sense(egui::Sense::click()));
    if response.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    if response
        .on_hover_text(tr(cx.session.lang(), T::ReadInDocument))
        .clicked()
    {
        commands.push(SessionCommand::OpenSource(spot));
    }
}

/// The colon after a label: Chinese takes the full-width one.
fn colon(lang: Lang) -> &'static str {
    match lang {
        crate::i18n::Lang::En => ":",
        crate::i18n::Lang::Zh => "：",
    }
}

/// A value that wraps, labelled with one of the interface's words.
fn field_ui(ui: &mut egui::Ui, lang: Lang, label: T, value: &str) {
    labelled_ui(ui, lang, tr(lang, label), value);
}

/// A labelled value that wraps.
fn labelled_ui(ui: &mut egui::Ui, lang: Lang, label: &str, value: &str) {
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!("{label}{}", colon(lang)));
        ui.label(value);
    });
}

/// Under a heading: in Chinese, the English name where the dataset has a
/// Chinese one, or a mark saying it has the entry only in English; in
/// English, the Chinese name where there is one.
fn other_language_ui(ui: &mut egui::Ui, record: &impl crate::dataset::Named, lang: Lang) {
    use crate::dataset::Zh;
    match (lang, record.zh()) {
        (crate::i18n::Lang::Zh, Some(Zh::Printed(_))) => {
            ui.weak(record.english());
        }
        (crate::i18n::Lang::Zh, Some(Zh::Translated(_))) => {
            ui.weak(format!(
                "{} · {}",
                record.english(),
                tr(lang, T::TranslationHint)
            ));
        }
        (crate::i18n::Lang::Zh, None) => {
            ui.weak(format!(
                "[{}] {}",
                tr(lang, T::EnglishOnly),
                tr(lang, T::EnglishOnlyHint)
            ));
        }
        (crate::i18n::Lang::En, Some(zh @ Zh::Printed(_))) => {
            ui.weak(zh.text());
        }
        (crate::i18n::Lang::En, Some(zh @ Zh::Translated(_))) => {
            ui.weak(crate::view::zh_shown(zh))
                .on_hover_text(tr(lang, T::TranslationHint));
        }
        (crate::i18n::Lang::En, None) => {}
    }
}
