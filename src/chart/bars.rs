//! The funds chart on paper: one horizontal bar per fund, largest first,
//! each named on its left and valued at its end, coloured by who provides
//! it with a key above; "over" amounts end in a ▸; no gridlines. On a log
//! scale a decade axis runs under the bars, fitted to the amounts.

use super::anatomy::{ASCENT_EM, LINE, Layout, Words, to_f32};
use super::scene::{Anchor, Bounds, Filled, Item, Line, Role, Scene, Shape};
use super::spec::{ChartView, Page, level_color};
use super::{fonts, words};
use crate::dataset::{FigureRef, FundLevel};
use crate::i18n::{T, fill, tr};
use crate::view::amount;
use crate::view::charts::{
    FundBar, LegendKey, fund_bars, level_label, likely_wrong_funds, per_recipient_funds,
    visible_bars,
};

/// The title of the funds chart.
pub fn title_of(view: &ChartView) -> String {
    let bars = visible_bars(fund_bars(view.dataset, view.lang).0, view.hidden);
    fill(view.lang, T::TitleFunds, &[&bars.len()])
}

/// The scene of the funds chart.
pub fn scene(view: &ChartView, page: &Page) -> Scene {
    let lang = view.lang;
    let (bars, without_amount) = fund_bars(view.dataset, lang);
    let bars = visible_bars(bars, view.hidden);
    let mut reading = Vec::new();
    if view.log_scale {
        reading.push(tr(lang, T::ReadLog));
    }
    if bars.iter().any(|b| b.lower_bound) {
        reading.push(tr(lang, T::ReadOver));
    }
    let mut notes: Vec<String> = Vec::new();
    // Amounts probably wrong as printed must not set the scale: named
    // apart, first (the footer may be cut short), each with its caveat.
    let doubtful = visible_bars(likely_wrong_funds(view.dataset, lang), view.hidden);
    if !doubtful.is_empty() {
        let named: Vec<String> = doubtful
            .iter()
            .map(|b| {
                let caveat = view
                    .dataset
                    .figure_caveat(b.figure)
                    .map(|c| crate::dataset::abbreviate(&c.text, 130, "…"))
                    .unwrap_or_default();
                format!("{}: {} ({caveat})", b.name, b.value_text(view.convention))
            })
            .collect();
        notes.push(fill(lang, T::NotOnScaleLikelyWrong, &[&named.join("; ")]));
    }
    notes.extend(words::annotations_note(view));
    // Funds without an amount, but not those of a level the key hides.
    let without_amount: Vec<FigureRef> = without_amount
        .into_iter()
        .filter(|f| match f {
            FigureRef::Fund(ix) => !view
                .hidden
                .contains(&LegendKey::Level(view.dataset.funds[ix.index()].level)),
            _ => false,
        })
        .collect();
    if !without_amount.is_empty() {
        let names: Vec<String> = without_amount
            .iter()
            .filter_map(|f| match f {
                FigureRef::Fund(ix) => {
                    let fund = &view.dataset.funds[ix.index()];
                    Some(crate::view::localized_title(lang, fund).into_owned())
                }
                _ => None,
            })
            .collect();
        let list = names.join(if lang == crate::i18n::Lang::Zh {
            "、"
        } else {
            "; "
        });
        notes.push(fill(lang, T::NoAmountList, &[&list]));
    }
    // Amounts per recipient are not on the funds' scale: named apart.
    let apart: Vec<String> = visible_bars(per_recipient_funds(view.dataset, lang), view.hidden)
        .iter()
        .map(|b| {
            let fund = &view.dataset.funds[match b.figure {
                FigureRef::Fund(f) => f.index(),
                _ => 0,
            }];
            let amount = amount::of_fund(fund, view.convention, lang).unwrap_or_default();
            format!("{}: {amount}", b.name)
        })
        .collect();
    if !apart.is_empty() {
        notes.push(fill(lang, T::NotOnThisScale, &[&apart.join("; ")]));
    }
    notes.extend(words::caveat_notes(view, bars.iter().map(|b| b.figure)));
    notes.extend(words::english_names_note(
        view,
        bars.iter().chain(&doubtful).map(|b| b.figure),
    ));
    let base_words = Words {
        title: title_of(view),
        subtitle: words::sentences(lang, tr(lang, T::ReadFunds), &reading),
        sources: words::sources(view),
        reliability: words::reliability(view),
        notes,
        made_with: words::made_with(view),
    };
    let (mut layout, shown) = words::fitting(page, lang, &base_words, bars.len(), |layout| {
        rows_that_fit(layout, &bars, view)
    });
    if shown == 0 {
        words::nothing_to_show(&mut layout, lang);
    } else {
        draw(&mut layout, view, &bars[..shown]);
    }
    layout.finish()
}

fn key_height(layout: &Layout) -> f32 {
    layout.size.small * (LINE + 0.8)
}

/// The width of the names' column.
fn name_width(layout: &Layout, bars: &[FundBar], lang: crate::i18n::Lang) -> f32 {
    let natural = bars
        .iter()
        .map(|b| fonts::text_width(&b.name, layout.size.small, false, lang))
        .fold(0.0_f32, f32::max);
    natural.min((layout.plot.x1 - layout.plot.x0) * 0.36)
}

/// Each bar's name as set: at most two lines.
fn names(layout: &Layout, bars: &[FundBar], lang: crate::i18n::Lang) -> Vec<Vec<String>> {
    let width = name_width(layout, bars, lang);
    let text = layout.size.small;
    bars.iter()
        .map(|b| {
            fonts::clamp_lines(
                fonts::wrap(&b.name, width, text, false, lang),
                2,
                width,
                text,
                false,
                lang,
            )
        })
        .collect()
}

/// The least height of a row: its name's lines, and room for a bar.
fn row_need(layout: &Layout, lines: usize) -> f32 {
    let text = layout.size.small;
    (lines as f32 * text * LINE).max(text * LINE * 1.3) + text * 0.45
}

/// The height the rows may take.
fn rows_room(layout: &Layout, log_scale: bool) -> f32 {
    let text = layout.size.small;
    let axis = if log_scale { text * (LINE + 0.6) } else { 0.0 };
    layout.plot.y1 - layout.plot.y0 - key_height(layout) - axis
}

fn rows_that_fit(layout: &Layout, bars: &[FundBar], view: &ChartView) -> usize {
    let room = rows_room(layout, view.log_scale);
    let mut used = 0.0;
    for (i, lines) in names(layout, bars, view.lang).iter().enumerate() {
        used += row_need(layout, lines.len());
        if used > room {
            return i;
        }
    }
    bars.len()
}

/// The bars' scale: where an amount's bar ends, linear or by decades
/// fitted to the amounts (the smallest bar still visible).
struct Scale {
    log: bool,
    /// The decades of the log scale, as powers of ten.
    low: f64,
    high: f64,
    max: f64,
    /// Where the bars start and the longest ends.
    x0: f32,
    x1: f32,
    /// Bars drawn pale because others are highlighted.
    dimmed: Vec<crate::dataset::FigureRef>,
}

impl Scale {
    fn new(bars: &[FundBar], log: bool, (x0, x1): (f32, f32)) -> Self {
        let max = bars
            .iter()
            .map(|b| b.amount_yuan)
            .fold(f64::MIN_POSITIVE, f64::max);
        let low = crate::view::charts::FundsAxis::first_decade(bars);
        let high = max.log10().ceil().max(low + 1.0);
        Self {
            log,
            low,
            high,
            max,
            x0,
            x1,
            dimmed: Vec::new(),
        }
    }

    /// Where a bar of `amount` yuan ends.
    fn end(&self, amount: f64) -> f32 {
        let t = match (self.log, amount > 0.0) {
            (true, true) => (amount.log10() - self.low) / (self.high - self.low),
            (true, false) => 0.0,
            (false, _) => amount / self.max,
        };
        self.x0 + to_f32(t.clamp(0.0, 1.0)) * (self.x1 - self.x0)
    }
}

fn draw(layout: &mut Layout, view: &ChartView, bars: &[FundBar]) {
    let lang = view.lang;
    let size = layout.size;
    let area = layout.plot;
    let text = size.small;
    let gap = size.base * 0.5;
    key(layout, bars, lang);

    let values: Vec<String> = bars.iter().map(|b| b.value_text(view.convention)).collect();
    let value_width = values
        .iter()
        .map(|v| fonts::text_width(v, text, false, lang))
        .fold(0.0_f32, f32::max);
    let names = names(layout, bars, lang);
    let bar_x0 = area.x0 + name_width(layout, bars, lang) + gap;
    let bar_x1 = (area.x1 - value_width - gap - text * 0.7).max(bar_x0 + (area.x1 - area.x0) * 0.1);
    let mut scale = Scale::new(bars, view.log_scale, (bar_x0, bar_x1));
    scale.dimmed = bars
        .iter()
        .map(|b| b.figure)
        .filter(|f| view.is_dimmed(*f))
        .collect();

    let top = area.y0 + key_height(layout);
    // Each row as tall as its name needs, all grown evenly into the room
    // left, up to a limit.
    let needs: Vec<f32> = names.iter().map(|n| row_need(layout, n.len())).collect();
    let needed: f32 = needs.iter().sum();
    let grow = ((rows_room(layout, view.log_scale) - needed) / bars.len() as f32)
        .clamp(0.0, size.base * 2.0);
    let thickness = (text * LINE * 1.3 + grow * 0.6).min(size.base * 1.5);
    let mut row_top = top;
    for ((bar, value), (lines, need)) in bars.iter().zip(&values).zip(names.iter().zip(&needs)) {
        let centre = row_top + (need + grow) / 2.0;
        row_top += need + grow;
        row(layout, bar, (lines, value), &scale, centre, thickness);
    }
    // The zero line, and on a log scale the decades under the bars.
    layout.scene.items.push(Item::Line(Line {
        points: vec![(bar_x0, top), (bar_x0, row_top)],
        width: 0.09 * size.base,
        color: layout.ink.axis,
        dash: None,
    }));
    if view.log_scale {
        decades(layout, &scale, row_top, view);
    }
    let values = if scale.log {
        super::annotate::AxisMap {
            a: (10_f64.powf(scale.low), scale.x0),
            b: (10_f64.powf(scale.high), scale.x1),
            log: true,
        }
    } else {
        super::annotate::AxisMap {
            a: (0.0, scale.x0),
            b: (scale.max, scale.x1),
            log: false,
        }
    };
    layout.scene.axes = Some(super::annotate::PlotAxes {
        area: super::scene::Bounds {
            x0: bar_x0,
            y0: top,
            x1: scale.x1,
            y1: row_top,
        },
        years: None,
        continuous_years: false,
        values: super::annotate::PlotAxes::horizontal(values),
    });
}

/// The key: each level that has a bar, as a swatch and its name.
fn key(layout: &mut Layout, bars: &[FundBar], lang: crate::i18n::Lang) {
    let text = layout.size.small;
    let gap = layout.size.base * 0.5;
    let mut levels: Vec<FundLevel> = bars.iter().map(|b| b.level).collect();
    levels.sort_by_key(|l| *l as u8);
    levels.dedup();
    let mut x = layout.plot.x0;
    let y = layout.plot.y0 + ASCENT_EM * text;
    let swatch = text * 0.9;
    for level in levels {
        let name = level_label(lang, level);
        layout.scene.items.push(Item::Shape(Filled {
            shape: Shape::Rect(Bounds {
                x0: x,
                y0: y - swatch * 0.85,
                x1: x + swatch,
                y1: y + swatch * 0.15,
            }),
            fill: Some((level_color(level), 1.0)),
            stroke: None,
            is_mark: false,
        }));
        let ink = layout.ink.text;
        layout.text(
            name,
            (x + swatch + gap * 0.6, y),
            text,
            false,
            ink,
            Anchor::Start,
            Role::Key,
        );
        x += swatch + gap * 0.6 + fonts::text_width(name, text, false, lang) + gap * 2.0;
    }
}

/// One fund: its name on the left, its bar (with a triangle for "over")
/// and its amount after the bar.
fn row(
    layout: &mut Layout,
    bar: &FundBar,
    (names, value): (&[String], &str),
    scale: &Scale,
    centre: f32,
    thickness: f32,
) {
    let text = layout.size.small;
    let gap = layout.size.base * 0.5;
    let ink = layout.ink;
    let first = centre - (names.len() as f32 - 1.0) * text * LINE / 2.0 + 0.32 * text;
    for (l, name) in names.iter().enumerate() {
        let at = (scale.x0 - gap, first + l as f32 * text * LINE);
        layout.text(name, at, text, false, ink.text, Anchor::End, Role::Label);
    }
    let end = scale.end(bar.amount_yuan);
    let color = if scale.dimmed.contains(&bar.figure) {
        layout.theme.pale(level_color(bar.level))
    } else {
        level_color(bar.level)
    };
    let bounds = Bounds {
        x0: scale.x0,
        y0: centre - thickness / 2.0,
        x1: end.max(scale.x0 + 0.5),
        y1: centre + thickness / 2.0,
    };
    // Where a note on the bar points.
    layout.hit(bounds, super::scene::Target::Figure(bar.figure));
    layout.scene.items.push(Item::Shape(Filled {
        shape: Shape::Rect(bounds),
        fill: Some((color, 1.0)),
        stroke: None,
        is_mark: true,
    }));
    let mut value_x = end + gap * 0.6;
    if bar.lower_bound {
        let (h, marker) = (thickness * 0.45, text * 0.7);
        layout.scene.items.push(Item::Shape(Filled {
            shape: Shape::Polygon(vec![
                (end + gap * 0.2, centre - h),
                (end + gap * 0.2 + marker * 0.8, centre),
                (end + gap * 0.2, centre + h),
            ]),
            fill: Some((color, 1.0)),
            stroke: None,
            is_mark: true,
        }));
        value_x += marker;
    }
    let at = (value_x, centre + 0.32 * text);
    layout.text(
        value,
        at,
        text,
        false,
        ink.muted,
        Anchor::Start,
        Role::Value,
    );
}

/// The decades of a log scale under the bars, each labelled where its
/// label clears the last one.
fn decades(layout: &mut Layout, scale: &Scale, y: f32, view: &ChartView) {
    let text = layout.size.small;
    let gap = layout.size.base * 0.5;
    let ink = layout.ink;
    let area = layout.plot;
    let mut last_right = f32::NEG_INFINITY;
    let mut decade = scale.low;
    while decade <= scale.high + 1e-9 {
        let x = scale.end(10f64.powf(decade));
        layout.scene.items.push(Item::Line(Line {
            points: vec![(x, y + text * 0.1), (x, y + text * 0.45)],
            width: 0.07 * layout.size.base,
            color: ink.axis,
            dash: None,
        }));
        let label = crate::view::charts::FundsAxis::tick_label(decade, true, view.convention);
        let width = fonts::text_width(&label, text, false, view.lang);
        let (anchor, left) = if x - width / 2.0 < area.x0 {
            (Anchor::Start, x)
        } else if x + width / 2.0 > area.x1 {
            (Anchor::End, x - width)
        } else {
            (Anchor::Middle, x - width / 2.0)
        };
        if left > last_right + gap {
            let at = (x, y + text * (LINE + 0.45));
            layout.text(&label, at, text, false, ink.muted, anchor, Role::Tick);
            last_right = left + width;
        }
        decade += 1.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pictures_log_scale_starts_where_the_windows_does() {
        let sets: [&[f64]; 4] = [&[8.25e11, 1.5e10, 1e9], &[3e9], &[2e11, 1.5e9], &[5e5]];
        for amounts in sets {
            let bars: Vec<FundBar> = amounts
                .iter()
                .map(|&amount_yuan| FundBar {
                    figure: crate::dataset::FigureRef::Fund(crate::dataset::FundIx(0)),
                    name: String::new(),
                    amount_yuan,
                    approximate: false,
                    lower_bound: false,
                    level: crate::dataset::FundLevel::Municipal,
                    caveat: false,
                })
                .collect();
            let picture = Scale::new(&bars, true, (0.0, 100.0));
            let window = crate::view::charts::FundsAxis::new(&bars, true);
            assert!(
                (picture.low - window.origin).abs() < 1e-12,
                "{amounts:?}: {} against {}",
                picture.low,
                window.origin
            );
        }
    }
}
