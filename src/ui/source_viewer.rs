//! The source viewer: a document the data quotes, in the middle of the
//! window while it is open (the charts come back when it closes). Its
//! title, publisher, date and URL above; the passage shown in words (what
//! screen readers read), with the records quoting it one click from being
//! selected; then the whole text, the passage shown highlighted and
//! scrolled to, every other quoted passage shaded, a click on one making
//! it the passage shown. n and p go to the next and previous quoted
//! passage, Esc closes.
//!
//! Only the blocks on screen are laid out ([`source::Heights`]): the
//! others keep an estimated height until they come into view, so a text
//! of many megabytes scrolls as a short one does.

use std::ops::Range;
use std::sync::{Arc, Mutex, PoisonError};

use egui::text::{CCursor, LayoutJob, TextFormat};

use super::{Commands, DocCommand, PanelContext, SessionCommand};
use crate::dataset::SourceIx;
use crate::dataset::proof::{SourceText, Spot};
use crate::i18n::{Lang, T, fill, tr};
use crate::view::source::{self, Heights, Metrics, Place, Shade};

/// The space after each block, in points.
const BLOCK_GAP: f32 = 8.0;

/// n, p and Esc while the viewer is open, taken before the panels are
/// drawn so the tree's type-ahead does not see n and p. Not while a text
/// field has the keyboard or a dialog is open.
pub fn keys(cx: &PanelContext<'_>, ctx: &egui::Context, commands: &mut Commands) {
    // egui lets go of a text field as soon as Esc arrives, before any
    // widget sees it; so whether one had the keyboard the frame before is
    // remembered, and that Esc leaves the field without closing.
    let id = egui::Id::unique("source_viewer_typing");
    let typing_now = ctx.egui_wants_keyboard_input();
    let typing_before = ctx.data_mut(|d| {
        let before = d.get_temp::<bool>(id).unwrap_or(false);
        d.insert_temp(id, typing_now);
        before
    });
    let Some(spot) = &cx.session.source else {
        return;
    };
    if cx.dialog_open || typing_now || typing_before {
        return;
    }
    let (next, previous, close) = ctx.input_mut(|input| {
        let next = input.consume_key(egui::Modifiers::NONE, egui::Key::N);
        let previous = input.consume_key(egui::Modifiers::NONE, egui::Key::P);
        let close = input.consume_key(egui::Modifiers::NONE, egui::Key::Escape);
        // The letters were keys for the viewer, not text to type ahead.
        if next || previous {
            input
                .events
                .retain(|e| !matches!(e, egui::Event::Text(t) if t == "n" || t == "p"));
        }
        (next, previous, close)
    });
    if close {
        commands.push(SessionCommand::CloseSource);
        return;
    }
    if !next && !previous {
        return;
    }
    let Some(text) = cx.doc.proof.text(spot.source) else {
        return;
    };
    let place = place(cx, ctx, spot);
    let to = if next {
        source::next(text, &place)
    } else if previous {
        source::previous(text, &place)
    } else {
        None
    };
    if let Some(spot) = to.and_then(|i| source::spot_of(text, spot.source, i)) {
        commands.push(SessionCommand::OpenSource(spot));
    }
}

/// Where the viewer stands for `spot`, worked out once per place: the
/// differing words of a nearest passage are found again in the whole text.
fn place(cx: &PanelContext<'_>, ctx: &egui::Context, spot: &Spot) -> Place {
    let id = egui::Id::unique("source_viewer_place");
    let key = (cx.doc.generation, spot.clone());
    let cached: Option<((u64, Spot), Place)> = ctx.data(|d| d.get_temp(id));
    if let Some((cached_key, place)) = cached
        && cached_key == key
    {
        return place;
    }
    let place = source::place(&cx.doc.dataset, &cx.doc.proof, spot);
    ctx.data_mut(|d| d.insert_temp(id, (key, place.clone())));
    place
}

/// Draws the viewer for the document the session has open.
pub fn ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, commands: &mut Commands) {
    let Some(spot) = &cx.session.source else {
        return;
    };
    let lang = cx.session.lang();
    let data = &cx.doc.dataset;
    if spot.source.index() >= data.sources.len() {
        return;
    }
    header_ui(cx, ui, spot.source, commands);
    ui.separator();
    let Some(text) = cx.doc.proof.text(spot.source) else {
        ui.label(tr(lang, T::SourceNoText));
        return;
    };
    let place = place(cx, ui.ctx(), spot);
    passage_ui(cx, ui, text, spot.source, &place, commands);
    ui.separator();
    text_ui(cx, ui, text, spot, &place, commands);
}

/// Close, the title, and the facts about the document, each on one line
/// (the whole on hover).
fn header_ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, source: SourceIx, commands: &mut Commands) {
    let lang = cx.session.lang();
    let header = source::header(&cx.doc.dataset, source, lang);
    ui.horizontal(|ui| {
        if ui
            .button(tr(lang, T::Close))
            .on_hover_text(tr(lang, T::SourceCloseHint))
            .clicked()
        {
            commands.push(SessionCommand::CloseSource);
        }
        ui.add(egui::Label::new(egui::RichText::new(&header.title).strong().size(16.0)).wrap());
    });
    let colon = match lang {
        Lang::En => ": ",
        Lang::Zh => "：",
    };
    // Each fact one line of text a little smaller than the body's, the
    // label strong.
    let mut small = egui::TextStyle::Body.resolve(ui.style());
    small.size *= 0.85;
    ui.scope(|ui| {
        ui.spacing_mut().item_spacing.y = 2.0;
        for (label, value) in &header.facts {
            let mut job = LayoutJob::default();
            job.append(
                &format!("{label}{colon}"),
                0.0,
                TextFormat::simple(small.clone(), ui.visuals().strong_text_color()),
            );
            job.append(
                value,
                0.0,
                TextFormat::simple(small.clone(), ui.visuals().text_color()),
            );
            // A value cut short shows itself whole on hover.
            ui.add(egui::Label::new(job).truncate());
        }
    });
    if let Some(url) = &header.url {
        ui.add(egui::Hyperlink::from_label_and_url(
            egui::RichText::new(url).small(),
            url,
        ));
    }
}

/// The passage shown in words, previous and next, and the records quoting
/// it as buttons that select them.
fn passage_ui(
    cx: &PanelContext<'_>,
    ui: &mut egui::Ui,
    text: &SourceText,
    source: SourceIx,
    place: &Place,
    commands: &mut Commands,
) {
    let lang = cx.session.lang();
    ui.horizontal(|ui| {
        let previous = source::previous(text, place);
        let next = source::next(text, place);
        let button = ui
            .add_enabled(
                previous.is_some(),
                egui::Button::new(tr(lang, T::SourcePrevious)),
            )
            .on_hover_text(tr(lang, T::SourcePreviousHint));
        if button.clicked()
            && let Some(spot) = previous.and_then(|i| source::spot_of(text, source, i))
        {
            commands.push(SessionCommand::OpenSource(spot));
        }
        let button = ui
            .add_enabled(next.is_some(), egui::Button::new(tr(lang, T::SourceNext)))
            .on_hover_text(tr(lang, T::SourceNextHint));
        if button.clicked()
            && let Some(spot) = next.and_then(|i| source::spot_of(text, source, i))
        {
            commands.push(SessionCommand::OpenSource(spot));
        }
    });
    // One label, so a screen reader reads the passage with its place:
    // "Passage 3 of 41: …". Three lines at most on screen; the whole in
    // the label's text.
    let label = source::passage_label(text, place, lang);
    let mut job = LayoutJob::simple(
        label,
        egui::TextStyle::Body.resolve(ui.style()),
        ui.visuals().strong_text_color(),
        ui.available_width(),
    );
    job.wrap.max_rows = 3;
    // Laid out here: a label would wrap a job its own way.
    let galley = ui.ctx().fonts_mut(|f| f.layout_job(job));
    ui.add(egui::Label::new(galley));
    let Some(passage) = place.current.and_then(|i| text.passages.get(i)) else {
        return;
    };
    let quoters = source::quoters(&cx.doc.dataset, passage, lang);
    ui.horizontal_wrapped(|ui| {
        ui.weak(tr(lang, T::SourceQuotedBy));
        for quoter in quoters {
            let name = format!(
                "{} · {}",
                quoter.kind,
                crate::dataset::abbreviate(&quoter.name, 60, "…")
            );
            let hint = fill(lang, T::SourceRecordHint, &[&quoter.id]);
            match quoter.item {
                Some(item) => {
                    let selected = cx.doc.selected() == Some(item);
                    if ui
                        .add(egui::Button::new(name).selected(selected))
                        .on_hover_text(hint)
                        .clicked()
                    {
                        commands.push(DocCommand::Select(item));
                    }
                }
                None => {
                    ui.label(name).on_hover_text(&quoter.id);
                }
            }
        }
    });
}

/// What the viewer keeps between frames for one document: its blocks,
/// their heights, and the place last scrolled to.
struct Layout {
    /// Whose text it is (the document on screen and the source, or the
    /// draft under review): another starts afresh.
    key: (u64, SourceIx),
    /// The text's blocks.
    blocks: Vec<Range<usize>>,
    /// Their heights, estimated or measured.
    heights: Heights,
    /// The place last scrolled to; another one is scrolled to.
    scrolled_for: Option<Spot>,
    /// Frames left to try scrolling to the place (the block holding it is
    /// laid out only once in view, and a scroll area new on screen does
    /// not know its size in its first frame).
    tries: u8,
    /// Not drawn yet: its scroll area is as new, and does not know the
    /// text's height to scroll within until it has been drawn once.
    fresh: bool,
    /// A block in view last frame and where it started then: when blocks
    /// above it are measured for the first time, the view moves with it,
    /// so the text does not jump under the reader scrolling up.
    anchor: Option<(usize, f32)>,
}

/// The blocks and heights of a text, made once per `key` and kept under
/// `id`.
fn layout(
    ui: &egui::Ui,
    id: egui::Id,
    key: (u64, SourceIx),
    text: &SourceText,
) -> Arc<Mutex<Layout>> {
    let cached: Option<Arc<Mutex<Layout>>> = ui.ctx().data(|d| d.get_temp(id));
    if let Some(layout) = cached
        && layout.lock().unwrap_or_else(PoisonError::into_inner).key == key
    {
        return layout;
    }
    let blocks = source::blocks(&text.text);
    let units = blocks
        .iter()
        .map(|b| source::width_units(&text.text[b.clone()]))
        .collect();
    let layout = Arc::new(Mutex::new(Layout {
        key,
        blocks,
        heights: Heights::new(units, Metrics::default()),
        scrolled_for: None,
        tries: 0,
        fresh: true,
        anchor: None,
    }));
    ui.ctx()
        .data_mut(|d| d.insert_temp(id, Arc::clone(&layout)));
    layout
}

/// The text, laying out only the blocks in view; a click on a quoted
/// passage opens it.
fn text_ui(
    cx: &PanelContext<'_>,
    ui: &mut egui::Ui,
    text: &SourceText,
    spot: &Spot,
    place: &Place,
    commands: &mut Commands,
) {
    let lang = cx.session.lang();
    let hover = |i: usize| {
        let names: Vec<String> = source::quoters(&cx.doc.dataset, &text.passages[i], lang)
            .into_iter()
            .map(|q| q.name)
            .collect();
        fill(lang, T::SourceQuotedHover, &[&names.join("; ")])
    };
    let view = TextView {
        id: egui::Id::unique("source_viewer_layout"),
        key: (cx.doc.generation, spot.source),
        text,
        spot,
        place,
        hover: &hover,
    };
    if let Some(i) = document_text_ui(ui, &view)
        && let Some(to) = source::spot_of(text, spot.source, i)
    {
        commands.push(SessionCommand::OpenSource(to));
    }
}

/// A document's text as the viewer shows it, for [`document_text_ui`].
pub(super) struct TextView<'a> {
    /// Where its layout is kept between frames.
    pub id: egui::Id,
    /// Whose text it is: another key lays it out afresh.
    pub key: (u64, SourceIx),
    /// The text and its quoted passages.
    pub text: &'a SourceText,
    /// The place to scroll to; a new one is scrolled to.
    pub spot: &'a Spot,
    /// What is highlighted.
    pub place: &'a Place,
    /// The hover text of quoted passage `i`.
    pub hover: &'a dyn Fn(usize) -> String,
}

/// Draws a document's text with its passages shaded and the place
/// highlighted and scrolled to, laying out only the blocks in view. Gives
/// the quoted passage clicked, if one was (other than the one shown).
pub(super) fn document_text_ui(ui: &mut egui::Ui, view: &TextView<'_>) -> Option<usize> {
    let (text, spot, place) = (view.text, view.spot, view.place);
    let layout = layout(ui, view.id, view.key, text);
    let mut layout = layout.lock().unwrap_or_else(PoisonError::into_inner);
    let font = egui::TextStyle::Body.resolve(ui.style());
    let metrics = metrics(ui, &font);
    let width = metrics.width;
    if layout.heights.set_metrics(metrics) {
        layout.anchor = None;
    }
    if layout.scrolled_for.as_ref() != Some(spot) {
        layout.scrolled_for = Some(spot.clone());
        layout.tries = 4;
    }
    // Moves made here (to the passage, to keep the text still) are made
    // at once, not animated.
    let mut area = egui::ScrollArea::vertical()
        .id_salt(("source_text", view.id))
        .auto_shrink([false, false])
        .animated(false);
    let highlight_block = place
        .highlight
        .as_ref()
        .and_then(|h| source::block_of(&layout.blocks, h.start));
    // A scroll area new on screen springs back from an offset past the
    // height it knew last frame (none): it is moved from its second frame.
    if layout.tries > 0 && !layout.fresh {
        // Onto the block holding the place, a third of the way down; the
        // place itself is centred once its block is laid out.
        let top = highlight_block.map_or(0.0, |b| layout.heights.top(b));
        let view = ui.available_height();
        area = area.vertical_scroll_offset((top - view / 3.0).max(0.0));
        if highlight_block.is_none() {
            layout.tries = 0;
        }
    }
    let ink = Ink::new(ui.visuals());
    let mut clicked = None;
    area.show_viewport(ui, |ui, viewport| {
        let layout = &mut *layout;
        ui.set_min_height(layout.heights.total());
        let origin = ui.max_rect().min;
        let n = layout.blocks.len();
        // Laid out one under another from the first block in view until
        // the view is full (measured heights may differ from the estimates
        // the first was found by), then placed.
        let mut i = layout.heights.visible(viewport.min.y, viewport.max.y).start;
        let mut y = layout.heights.top(i);
        let mut laid = Vec::new();
        while i < n && y < viewport.max.y {
            let block = layout.blocks[i].clone();
            let sections = source::sections(text, &block, place);
            let galley = block_galley(ui, text, &sections, &font, &ink, width);
            let height = galley.size().y + BLOCK_GAP;
            layout.heights.measure(i, height);
            laid.push((i, block, galley));
            y += height;
            i += 1;
        }
        layout.heights.settle();
        // Blocks measured above last frame's anchor moved it: everything
        // is drawn moved back by as much, and the view scrolls by as much
        // for the next frame, so the reader sees no jump.
        let shift = match layout.anchor {
            Some((anchor, top)) if layout.tries == 0 && laid.iter().any(|(i, ..)| *i == anchor) => {
                layout.heights.top(anchor) - top
            }
            _ => 0.0,
        };
        if shift.abs() > 0.5 {
            ui.scroll_with_delta_animation(
                egui::vec2(0.0, -shift),
                egui::style::ScrollAnimation::none(),
            );
        }
        layout.anchor = None;
        for (i, block, galley) in laid {
            let top = layout.heights.top(i);
            // The galley's own size: a wider rect would centre it.
            let rect =
                egui::Rect::from_min_size(origin + egui::vec2(0.0, top - shift), galley.size());
            let response = ui.put(
                rect,
                egui::Label::new(Arc::clone(&galley)).sense(egui::Sense::click()),
            );
            if let Some(passage) = block_response(ui, view, &block, &galley, &response) {
                clicked = Some(passage);
            }
            if layout.anchor.is_none() && top - shift >= viewport.min.y {
                layout.anchor = Some((i, top));
            }
            if Some(i) == highlight_block
                && layout.tries > 0
                && let Some(highlight) = &place.highlight
            {
                let at = char_index(&text.text[block.clone()], highlight.start - block.start);
                let cursor = galley.pos_from_cursor(CCursor::new(at));
                // At once: the jump before it was not animated either.
                ui.scroll_to_rect_animation(
                    cursor.translate(rect.min.to_vec2()),
                    Some(egui::Align::Center),
                    egui::style::ScrollAnimation::none(),
                );
                layout.tries = 0;
                layout.anchor = None;
            }
        }
    });
    // The place is not reached yet (its block was not in view): another
    // frame tries again, even with nothing else to draw it for (a review
    // opened by a job that has ended, say).
    if layout.tries > 0 {
        layout.tries -= u8::from(!layout.fresh);
        ui.ctx().request_repaint();
    }
    layout.fresh = false;
    clicked
}

/// What blocks are estimated by: the width they wrap at, an average
/// letter's width and a line's height in `font`.
fn metrics(ui: &egui::Ui, font: &egui::FontId) -> Metrics {
    let (line, letter) = ui.ctx().fonts_mut(|f| {
        let line = f.row_height(font);
        // An average Latin letter: a lower-case alphabet's width.
        let letters: f32 = ('a'..='z').map(|c| f.glyph_width(font, c)).sum();
        (line, letters / 26.0)
    });
    Metrics {
        width: (ui.available_width() - ui.spacing().scroll.bar_width - 4.0).max(40.0),
        letter,
        line,
        gap: BLOCK_GAP,
    }
}

/// The character index of byte `at` of `text`.
fn char_index(text: &str, at: usize) -> usize {
    text.char_indices().take_while(|(i, _)| *i < at).count()
}

/// The byte of `text` where character `index` starts.
fn byte_of_char(text: &str, index: usize) -> usize {
    text.char_indices()
        .nth(index)
        .map_or(text.len(), |(at, _)| at)
}

/// One block laid out, each section on its shade in a colour that reads
/// on it.
fn block_galley(
    ui: &egui::Ui,
    text: &SourceText,
    sections: &[source::Section],
    font: &egui::FontId,
    ink: &Ink,
    width: f32,
) -> Arc<egui::Galley> {
    let mut job = LayoutJob::default();
    job.wrap.max_width = width;
    for section in sections {
        let (background, color) = match section.shade {
            Shade::Plain => (egui::Color32::TRANSPARENT, ink.plain),
            // Passages side by side alternate, so each is seen apart.
            Shade::Quoted(i) if i % 2 == 0 => ink.quoted,
            Shade::Quoted(_) => ink.quoted_other,
            Shade::Current => ink.current,
            Shade::Marked => ink.marked,
        };
        let mut format = TextFormat::simple(font.clone(), color);
        format.background = background;
        if section.shade == Shade::Marked {
            format.underline = egui::Stroke::new(1.5, color);
        }
        job.append(&text.text[section.range.clone()], 0.0, format);
    }
    ui.ctx().fonts_mut(|f| f.layout_job(job))
}

/// The text's colour, and each shade with a text colour that reads on it
/// at 4.5:1.
struct Ink {
    plain: egui::Color32,
    quoted: (egui::Color32, egui::Color32),
    quoted_other: (egui::Color32, egui::Color32),
    current: (egui::Color32, egui::Color32),
    marked: (egui::Color32, egui::Color32),
}

impl Ink {
    /// The ink for `visuals`.
    fn new(visuals: &egui::Visuals) -> Self {
        let shades = super::style::passage_shades(visuals);
        let plain = visuals.text_color();
        let on = |shade| (shade, super::style::text_on(plain, shade));
        Self {
            plain,
            quoted: on(shades.quoted),
            quoted_other: on(shades.quoted_other),
            current: on(shades.current),
            marked: on(shades.marked),
        }
    }
}

/// A block hovered or clicked: over a quoted passage, the pointer says a
/// click makes it the passage shown, and who quotes it. Gives the passage
/// clicked.
fn block_response(
    ui: &egui::Ui,
    view: &TextView<'_>,
    block: &Range<usize>,
    galley: &egui::Galley,
    response: &egui::Response,
) -> Option<usize> {
    let text = view.text;
    let block_text = &text.text[block.clone()];
    let passage_under = |pos: egui::Pos2| {
        let cursor = galley.cursor_from_pos(pos - response.rect.min);
        let at = block.start + byte_of_char(block_text, cursor.index.0);
        text.passage_at(at)
    };
    if let Some(pos) = response.hover_pos()
        && let Some(i) = passage_under(pos)
        && view.place.current != Some(i)
    {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        response.clone().on_hover_text_at_pointer((view.hover)(i));
    }
    if response.clicked()
        && let Some(pos) = response.interact_pointer_pos()
        && let Some(i) = passage_under(pos)
        && view.place.current != Some(i)
    {
        return Some(i);
    }
    None
}
