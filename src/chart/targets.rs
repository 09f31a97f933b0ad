//! The targets chart on paper: a table-like figure, one row per target in
//! the order asked (by deadline unless told), with its deadline, what it
//! measures, its value beside a hollow target mark, and the plan that sets
//! it; rules between rows, no other lines.

use super::anatomy::{ASCENT_EM, LINE, Layout, Words};
use super::scene::{Anchor, Bounds, Filled, Item, Line, Role, Scene, Shape, Target};
use super::spec::{ChartView, PALETTE, Page};
use super::{fonts, words};
use crate::i18n::{T, fill, tr};
use crate::view::amount;
use crate::view::charts::{TargetColumn, TargetRow, target_rows};

/// The title of the targets chart: how many, set by how many plans.
pub fn title_of(view: &ChartView) -> String {
    let rows = target_rows(view.dataset, view.order.0, view.order.1, view.lang);
    title(view, &rows)
}

fn title(view: &ChartView, rows: &[TargetRow]) -> String {
    let mut plans: Vec<_> = rows.iter().map(|r| r.plan).collect();
    plans.sort_by_key(|p| p.index());
    plans.dedup();
    fill(view.lang, T::TitleTargets, &[&rows.len(), &plans.len()])
}

/// The scene of the targets chart.
pub fn scene(view: &ChartView, page: &Page) -> Scene {
    let lang = view.lang;
    let (column, ascending) = view.order;
    let rows = target_rows(view.dataset, column, ascending, lang);
    let order = tr(
        lang,
        match column {
            TargetColumn::Deadline => T::OrderDeadline,
            TargetColumn::Metric => T::OrderMetric,
            TargetColumn::Value => T::OrderValue,
            TargetColumn::Plan => T::OrderPlan,
        },
    );
    let base_words = Words {
        title: title(view, &rows),
        subtitle: words::sentences(lang, &fill(lang, T::ReadTargets, &[&order]), &[]),
        sources: words::sources(view),
        notes: words::english_names_note(view, rows.iter().map(|r| r.figure))
            .into_iter()
            .chain(words::caveat_notes(view, rows.iter().map(|r| r.figure)))
            .collect(),
        made_with: words::made_with(view),
    };
    let (mut layout, shown) = words::fitting(page, lang, &base_words, rows.len(), |layout| {
        Table::new(layout, view, &rows).rows_that_fit(layout)
    });
    if shown == 0 {
        words::nothing_to_show(&mut layout, lang);
    } else {
        Table::new(&layout, view, &rows).draw(&mut layout, view, &rows[..shown]);
    }
    layout.finish()
}

/// The columns' left edges and widths.
struct Table {
    text: f32,
    deadline_x: f32,
    metric_x: f32,
    value_x: f32,
    plan_x: f32,
    /// Each row's text: metric lines, value, plan lines.
    cells: Vec<(Vec<String>, String, Vec<String>)>,
}

impl Table {
    fn new(layout: &Layout, view: &ChartView, rows: &[TargetRow]) -> Self {
        let lang = view.lang;
        let text = layout.size.small;
        let gap = layout.size.base * 0.9;
        let area = layout.plot;
        let width = area.x1 - area.x0;
        let measure = |s: &str| fonts::text_width(s, text, false, lang);
        // Headers and deadlines are bold, and measured so.
        let bold = |s: &str| fonts::text_width(s, text, true, lang);
        let deadline_width = bold("2030").max(bold(tr(lang, T::ColumnDeadline)));
        let values: Vec<String> = rows
            .iter()
            .map(|r| {
                words::marked(
                    view,
                    r.figure,
                    amount::flagged(
                        r.value,
                        r.unit,
                        r.approximate,
                        r.lower_bound,
                        view.convention,
                    ),
                )
            })
            .collect();
        let marker = text * 1.1;
        let value_width = values
            .iter()
            .map(|v| measure(v))
            .fold(bold(tr(lang, T::ColumnValue)), f32::max)
            .min(width * 0.3)
            + marker;
        let plan_natural = rows
            .iter()
            .map(|r| measure(&crate::view::plan_title(lang, view.dataset, r.plan)))
            .fold(bold(tr(lang, T::ColumnPlan)), f32::max);
        let plan_width = plan_natural.min(width * 0.3);
        let metric_width =
            (width - deadline_width - value_width - plan_width - 3.0 * gap).max(width * 0.2);
        let deadline_x = area.x0;
        let metric_x = deadline_x + deadline_width + gap;
        let value_x = metric_x + metric_width + gap;
        let plan_x = value_x + value_width + gap;
        let cells = rows
            .iter()
            .zip(values)
            .map(|(r, value)| {
                let metric = fonts::clamp_lines(
                    fonts::wrap(&r.metric, metric_width, text, false, lang),
                    2,
                    metric_width,
                    text,
                    false,
                    lang,
                );
                let value =
                    fonts::clamp_lines(vec![value], 1, value_width - marker, text, false, lang)
                        .concat();
                let plan_title = crate::view::plan_title(lang, view.dataset, r.plan);
                let plan = fonts::clamp_lines(
                    fonts::wrap(&plan_title, plan_width, text, false, lang),
                    1,
                    plan_width,
                    text,
                    false,
                    lang,
                );
                (metric, value, plan)
            })
            .collect();
        Self {
            text,
            deadline_x,
            metric_x,
            value_x,
            plan_x,
            cells,
        }
    }

    fn row_height(&self, i: usize) -> f32 {
        let (metric, _, plan) = &self.cells[i];
        metric.len().max(plan.len()).max(1) as f32 * self.text * LINE + self.text * 0.45
    }

    fn header_height(&self) -> f32 {
        self.text * (LINE + 0.5)
    }

    fn rows_that_fit(&self, layout: &Layout) -> usize {
        let room = layout.plot.y1 - layout.plot.y0 - self.header_height();
        let mut used = 0.0;
        for i in 0..self.cells.len() {
            used += self.row_height(i);
            if used > room {
                return i;
            }
        }
        self.cells.len()
    }

    /// The column headings.
    fn header(&self, layout: &mut Layout, lang: crate::i18n::Lang) {
        let ink = layout.ink;
        let text = self.text;
        let y = layout.plot.y0 + ASCENT_EM * text;
        for (label, x) in [
            (T::ColumnDeadline, self.deadline_x),
            (T::ColumnTarget, self.metric_x),
            (T::ColumnValue, self.value_x),
            (T::ColumnPlan, self.plan_x),
        ] {
            layout.text(
                tr(lang, label),
                (x, y),
                text,
                true,
                ink.muted,
                Anchor::Start,
                Role::Cell,
            );
        }
    }

    fn draw(&self, layout: &mut Layout, view: &ChartView, rows: &[TargetRow]) {
        let ink = layout.ink;
        let text = self.text;
        let area = layout.plot;
        self.header(layout, view.lang);
        let mut y;
        let mut rule = area.y0 + self.header_height() - text * 0.2;
        layout.scene.items.push(Item::Line(Line {
            points: vec![(area.x0, rule), (area.x1, rule)],
            width: 0.08 * layout.size.base,
            color: ink.axis,
            dash: None,
        }));
        let mark = layout.theme.text_color(PALETTE[0]);
        for (i, row) in rows.iter().enumerate() {
            // Outside a highlight, the mark is pale (the text stays legible).
            let mark = if view.is_dimmed(row.figure) {
                layout.theme.pale(mark)
            } else {
                mark
            };
            let (metric, value, plan) = &self.cells[i];
            y = rule + text * 0.35 + ASCENT_EM * text;
            let deadline = row
                .deadline_year
                .map_or_else(|| "—".to_owned(), |d| d.to_string());
            layout.text(
                &deadline,
                (self.deadline_x, y),
                text,
                true,
                ink.text,
                Anchor::Start,
                Role::Cell,
            );
            for (l, line) in metric.iter().enumerate() {
                layout.text(
                    line,
                    (self.metric_x, y + l as f32 * text * LINE),
                    text,
                    false,
                    ink.text,
                    Anchor::Start,
                    Role::Cell,
                );
            }
            let r = text * 0.3;
            layout.scene.items.push(Item::Shape(Filled {
                shape: Shape::Circle {
                    cx: self.value_x + r + text * 0.05,
                    cy: y - text * 0.33,
                    r,
                },
                fill: Some((ink.background, 1.0)),
                stroke: Some((mark, (text * 0.11).max(0.8))),
                is_mark: true,
            }));
            layout.text(
                value,
                (self.value_x + text * 1.1, y),
                text,
                false,
                ink.text,
                Anchor::Start,
                Role::Value,
            );
            for (l, line) in plan.iter().enumerate() {
                layout.text(
                    line,
                    (self.plan_x, y + l as f32 * text * LINE),
                    text,
                    false,
                    ink.muted,
                    Anchor::Start,
                    Role::Cell,
                );
            }
            // The whole row stands for its target.
            layout.hit(
                Bounds {
                    x0: area.x0,
                    y0: rule,
                    x1: area.x1,
                    y1: rule + self.row_height(i),
                },
                Target::Figure(row.figure),
            );
            rule += self.row_height(i);
            if i + 1 < rows.len() {
                layout.scene.items.push(Item::Line(Line {
                    points: vec![(area.x0, rule), (area.x1, rule)],
                    width: 0.05 * layout.size.base,
                    color: ink.grid,
                    dash: None,
                }));
            }
        }
    }
}
