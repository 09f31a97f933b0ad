//! The funds chart on paper: one horizontal bar per fund, largest first,
//! each named on its left and valued at its end, coloured by who provides
//! it with a key above; "over" amounts end in a ▸; no gridlines. On a log
//! scale a decade axis runs under the bars, fitted to the amounts.

use super::frame::{ASCENT_EM, LINE, Layout, Words};
use super::scene::{Anchor, Filled, Item, Line, Role, Scene, Shape};
use super::view::{ChartView, Page, level_color};
use super::{fonts, words};
use crate::dataset::{FigureRef, FundLevel, QuantityUnit};
use crate::i18n::{T, fill_in, tr_in};
use crate::view::amount;
use crate::view::charts::{FundBar, fund_bars, level_label_in, visible_bars};

/// The scene of the funds chart.
pub fn scene(view: &ChartView, page: &Page) -> Scene {
    let lang = view.lang;
    let (bars, without_amount) = fund_bars(view.dataset, lang);
    let bars = visible_bars(bars, view.hidden);
    let mut reading = Vec::new();
    if view.log_scale {
        reading.push(tr_in(lang, T::ReadLog));
    }
    if bars.iter().any(|b| b.lower_bound) {
        reading.push(tr_in(lang, T::ReadOver));
    }
    let mut notes = Vec::new();
    if !without_amount.is_empty() {
        let names: Vec<String> = without_amount
            .iter()
            .filter_map(|f| match f {
                FigureRef::Fund(ix) => {
                    let fund = &view.dataset.funds[ix.index()];
                    Some(
                        crate::view::localized_title_in(lang, &fund.name, fund.name_zh.as_deref())
                            .to_owned(),
                    )
                }
                _ => None,
            })
            .collect();
        let list = names.join(if lang == crate::i18n::Lang::Zh { "、" } else { "; " });
        notes.push(fill_in(lang, T::NoAmountList, &[&list]));
    }
    notes.extend(words::english_names_note(view, bars.iter().map(|b| b.figure)));
    let base_words = Words {
        title: fill_in(lang, T::TitleFunds, &[&bars.len()]),
        subtitle: words::sentences(lang, tr_in(lang, T::ReadFunds), &reading),
        sources: words::sources(view),
        notes,
        made_with: words::made_with(view),
    };
    let layout = Layout::new(page, lang, &base_words);
    if bars.is_empty() {
        let mut layout = layout;
        words::nothing_to_show(&mut layout, lang);
        return layout.finish();
    }
    let fit = rows_that_fit(&layout, &bars, view);
    if fit >= bars.len() {
        let mut layout = layout;
        draw(&mut layout, view, &bars);
        return layout.finish();
    }
    // Not every bar fits: say so in the footer, and lay out again.
    let mut words = base_words;
    words
        .notes
        .push(fill_in(lang, T::MoreNotShown, &[&(bars.len() - fit)]));
    let mut layout = Layout::new(page, lang, &words);
    let fit = rows_that_fit(&layout, &bars, view).min(fit);
    draw(&mut layout, view, &bars[..fit]);
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
            fonts::clamp_lines(fonts::wrap(&b.name, width, text, false, lang), 2, width, text, false, lang)
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

fn draw(layout: &mut Layout, view: &ChartView, bars: &[FundBar]) {
    let lang = view.lang;
    let size = layout.size;
    let ink = layout.ink;
    let area = layout.plot;
    let text = size.small;
    let gap = size.base * 0.5;

    // The key: each level that has a bar.
    let mut levels: Vec<FundLevel> = bars.iter().map(|b| b.level).collect();
    levels.sort_by_key(|l| *l as u8);
    levels.dedup();
    let mut x = area.x0;
    let key_y = area.y0 + ASCENT_EM * text;
    for level in levels {
        let name = level_label_in(lang, level);
        let swatch = text * 0.9;
        layout.scene.items.push(Item::Shape(Filled {
            shape: Shape::Rect(super::scene::Bounds {
                x0: x,
                y0: key_y - swatch * 0.85,
                x1: x + swatch,
                y1: key_y + swatch * 0.15,
            }),
            fill: Some((level_color(level), 1.0)),
            stroke: None,
            is_mark: false,
        }));
        layout.text(name, (x + swatch + gap * 0.6, key_y), text, false, ink.text, Anchor::Start, Role::Key);
        x += swatch + gap * 0.6 + fonts::text_width(name, text, false, lang) + gap * 2.0;
    }

    let values: Vec<String> = bars
        .iter()
        .map(|b| amount::flagged(b.amount_yuan, QuantityUnit::Yuan, b.approximate, b.lower_bound, view.convention))
        .collect();
    let value_width = values
        .iter()
        .map(|v| fonts::text_width(v, text, false, lang))
        .fold(0.0_f32, f32::max);
    let width = area.x1 - area.x0;
    let name_width = name_width(layout, bars, lang);
    let names = names(layout, bars, lang);
    let marker = text * 0.7;
    let bar_x0 = area.x0 + name_width + gap;
    let bar_x1 = (area.x1 - value_width - gap - marker).max(bar_x0 + width * 0.1);

    let top = area.y0 + key_height(layout);
    // Each row as tall as its name needs, all grown evenly into the room
    // left, up to a limit.
    let needs: Vec<f32> = names.iter().map(|n| row_need(layout, n.len())).collect();
    let needed: f32 = needs.iter().sum();
    let grow = ((rows_room(layout, view.log_scale) - needed) / bars.len() as f32)
        .clamp(0.0, size.base * 1.2);
    let rows: Vec<f32> = needs.iter().map(|n| n + grow).collect();
    let thickness = (text * LINE * 1.3 + grow * 0.6).min(size.base * 1.5);

    let max = bars.iter().map(|b| b.amount_yuan).fold(f64::MIN_POSITIVE, f64::max);
    let min = bars
        .iter()
        .map(|b| b.amount_yuan)
        .filter(|a| *a > 0.0)
        .fold(max, f64::min);
    // Decades fitted to the amounts, with the smallest bar still visible.
    let mut low = min.log10().floor();
    if min.log10() - low < 0.3 {
        low -= 1.0;
    }
    let high = max.log10().ceil().max(low + 1.0);
    let length = |amount: f64| -> f32 {
        let t = if view.log_scale {
            if amount <= 0.0 {
                0.0
            } else {
                (amount.log10() - low) / (high - low)
            }
        } else {
            amount / max
        };
        (t.clamp(0.0, 1.0) as f32) * (bar_x1 - bar_x0)
    };

    let mut row_top = top;
    for (i, (bar, value)) in bars.iter().zip(&values).enumerate() {
        let centre = row_top + rows[i] / 2.0;
        row_top += rows[i];
        let first = centre - (names[i].len() as f32 - 1.0) * text * LINE / 2.0 + 0.32 * text;
        for (l, name) in names[i].iter().enumerate() {
            layout.text(
                name,
                (bar_x0 - gap, first + l as f32 * text * LINE),
                text,
                false,
                ink.text,
                Anchor::End,
                Role::Label,
            );
        }
        let end = bar_x0 + length(bar.amount_yuan);
        let color = level_color(bar.level);
        layout.scene.items.push(Item::Shape(Filled {
            shape: Shape::Rect(super::scene::Bounds {
                x0: bar_x0,
                y0: centre - thickness / 2.0,
                x1: end.max(bar_x0 + 0.5),
                y1: centre + thickness / 2.0,
            }),
            fill: Some((color, 1.0)),
            stroke: None,
            is_mark: true,
        }));
        let mut value_x = end + gap * 0.6;
        if bar.lower_bound {
            let h = thickness * 0.45;
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
        layout.text(value, (value_x, centre + 0.32 * text), text, false, ink.muted, Anchor::Start, Role::Value);
    }

    // The zero line, and on a log scale the decades under the bars.
    let last = row_top;
    layout.scene.items.push(Item::Line(Line {
        points: vec![(bar_x0, top), (bar_x0, last)],
        width: 0.09 * size.base,
        color: ink.axis,
        dash: None,
    }));
    if view.log_scale {
        let span = (high - low).max(1.0);
        // Each decade labelled where its label clears the last one.
        let mut last_right = f32::NEG_INFINITY;
        let mut decade = low;
        while decade <= high + 1e-9 {
            let x = bar_x0 + ((decade - low) / span) as f32 * (bar_x1 - bar_x0);
            layout.scene.items.push(Item::Line(Line {
                points: vec![(x, last + text * 0.1), (x, last + text * 0.45)],
                width: 0.07 * size.base,
                color: ink.axis,
                dash: None,
            }));
            let label = amount::yuan(10f64.powf(decade), view.convention);
            let width = fonts::text_width(&label, text, false, lang);
            let (anchor, left) = if x - width / 2.0 < area.x0 {
                (Anchor::Start, x)
            } else if x + width / 2.0 > area.x1 {
                (Anchor::End, x - width)
            } else {
                (Anchor::Middle, x - width / 2.0)
            };
            if left > last_right + gap {
                layout.text(&label, (x, last + text * (LINE + 0.45)), text, false, ink.muted, anchor, Role::Tick);
                last_right = left + width;
            }
            decade += 1.0;
        }
    }
}
