//! The targets chart on paper: a table-like figure, one row per target in
//! the order asked (by deadline unless told), with its deadline, what it
//! measures, its value beside a hollow target mark, and the plan that sets
//! it; rules between rows, no other lines. The window shows the same
//! table ([`window_scene`]): every row, nothing cut, the headings kept in
//! view and the rows linked to the selection marked.

use std::collections::HashSet;
use std::hash::BuildHasher;

use super::anatomy::{ASCENT_EM, LINE, Layout, Type, Words};
use super::scene::{Anchor, Bounds, Filled, Frozen, Item, Line, Role, Scene, Shape, Target};
use super::spec::{ChartView, PALETTE, Page, Paper};
use super::{fonts, words};
use crate::dataset::FigureRef;
use crate::i18n::{T, fill, tr};

use crate::view::charts::{TargetColumn, TargetRow, target_rows};

/// The title of the targets chart: how many, set by how many plans.
pub fn title_of(view: &ChartView) -> String {
    let rows = target_rows(view.dataset, view.order.0, view.order.1, view.lang);
    title(view, &rows)
}

/// [`title_of`] from the rows already sorted (the window keeps them).
pub fn title(view: &ChartView, rows: &[TargetRow]) -> String {
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
        reliability: words::reliability(view),
        notes: words::annotations_note(view)
            .into_iter()
            .chain(words::english_names_note(
                view,
                rows.iter().map(|r| r.figure),
            ))
            .chain(words::caveat_notes(view, rows.iter().map(|r| r.figure)))
            .collect(),
        made_with: words::made_with(view),
    };
    let (mut layout, shown) = words::fitting(page, lang, &base_words, rows.len(), |layout| {
        Table::new(layout, view, &rows, Cut::Paper).rows_that_fit(layout)
    });
    if shown == 0 {
        words::nothing_to_show(&mut layout, lang);
    } else {
        Table::new(&layout, view, &rows, Cut::Paper).draw(&mut layout, view, &rows[..shown], None);
    }
    layout.finish()
}

/// The targets table in the window, as wide as its panel and as tall as
/// its `rows` (sorted as the window asks): every cell wrapped, none cut;
/// the headings stay in view while the rows scroll ([`Scene::frozen`]);
/// the rows of the figures in `marked` stand out on a tinted band, their
/// target mark filled. Each row is its figure's hit region.
pub fn window_scene<S: BuildHasher>(
    view: &ChartView,
    rows: &[TargetRow],
    body: f32,
    width: f32,
    paper: Paper,
    marked: &HashSet<FigureRef, S>,
) -> Scene {
    let size = Type::window(body);
    let margin = size.small * 0.5;
    let probe = Page {
        width,
        height: 1000.0,
        theme: paper,
    };
    let probe = Layout::bare(&probe, view.lang, "", size, margin);
    let table = Table::new(&probe, view, rows, Cut::Window);
    let height = 2.0 * margin
        + table.header_height()
        + (0..rows.len()).map(|i| table.row_height(i)).sum::<f32>();
    let page = Page {
        width,
        height,
        theme: paper,
    };
    let mut layout = Layout::bare(&page, view.lang, &title(view, rows), size, margin);
    let marked = |figure: FigureRef| marked.contains(&figure);
    table.draw(&mut layout, view, rows, Some(&marked));
    layout.scene.frozen = Frozen {
        left: 0.0,
        top: margin + table.header_height() - table.text * 0.2,
    };
    layout.finish()
}

/// How a table's cells are fitted: on paper what measures is cut to two
/// lines and the rest to one; in the window every cell wraps and nothing
/// is cut.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cut {
    Paper,
    Window,
}

/// The columns' left edges and widths.
struct Table {
    text: f32,
    deadline_x: f32,
    metric_x: f32,
    value_x: f32,
    plan_x: f32,
    /// Each row's text: metric lines, value lines, plan lines.
    cells: Vec<(Vec<String>, Vec<String>, Vec<String>)>,
}

impl Table {
    fn new(layout: &Layout, view: &ChartView, rows: &[TargetRow], cut: Cut) -> Self {
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
            .map(|r| words::marked(view, r.figure, r.quantity().text(view.convention)))
            .collect();
        // On paper the value and the plan take at most 30% of the width
        // each; in the window, narrower than a page, the value takes at
        // most 20%, and what is measured and the plan share the rest.
        let share = match cut {
            Cut::Paper => 0.3,
            Cut::Window => 0.2,
        };
        let marker = text * 1.1;
        let value_width = values
            .iter()
            .map(|v| measure(v))
            .fold(bold(tr(lang, T::ColumnValue)), f32::max)
            .min(width * share)
            + marker;
        let plan_natural = rows
            .iter()
            .map(|r| measure(&crate::view::plan_title(lang, view.dataset, r.plan)))
            .fold(bold(tr(lang, T::ColumnPlan)), f32::max);
        let plan_width = match cut {
            Cut::Paper => plan_natural.min(width * 0.3),
            Cut::Window => {
                plan_natural.min((width - deadline_width - value_width - 3.0 * gap) / 2.0)
            }
        };
        let metric_width =
            (width - deadline_width - value_width - plan_width - 3.0 * gap).max(width * 0.2);
        let deadline_x = area.x0;
        let metric_x = deadline_x + deadline_width + gap;
        let value_x = metric_x + metric_width + gap;
        let plan_x = value_x + value_width + gap;
        // On paper: what measures in at most two lines, the rest in one.
        let fit = |words: &str, width: f32, paper_lines: usize| {
            let lines = fonts::wrap(words, width, text, false, lang);
            match cut {
                Cut::Paper => fonts::clamp_lines(lines, paper_lines, width, text, false, lang),
                Cut::Window => lines,
            }
        };
        let cells = rows
            .iter()
            .zip(values)
            .map(|(r, value)| {
                let metric = fit(&r.metric, metric_width, 2);
                let value = match cut {
                    Cut::Paper => {
                        fonts::clamp_lines(vec![value], 1, value_width - marker, text, false, lang)
                    }
                    Cut::Window => fit(&value, value_width - marker, 1),
                };
                let plan_title = crate::view::plan_title(lang, view.dataset, r.plan);
                let plan = fit(&plan_title, plan_width, 1);
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
        let (metric, value, plan) = &self.cells[i];
        metric.len().max(value.len()).max(plan.len()).max(1) as f32 * self.text * LINE
            + self.text * 0.45
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

    /// Sets a cell's lines, the first on the baseline `y`.
    fn cell(
        &self,
        layout: &mut Layout,
        lines: &[String],
        (x, y): (f32, f32),
        color: super::scene::Rgb,
        role: Role,
    ) {
        for (l, line) in lines.iter().enumerate() {
            let at = (x, y + l as f32 * self.text * LINE);
            layout.text(line, at, self.text, false, color, Anchor::Start, role);
        }
    }

    /// Draws the headings and `rows`; those `marked` says (in the window:
    /// linked to the selection) on a tinted band, their mark filled.
    fn draw(
        &self,
        layout: &mut Layout,
        view: &ChartView,
        rows: &[TargetRow],
        marked: Option<&dyn Fn(FigureRef) -> bool>,
    ) {
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
            let is_marked = marked.is_some_and(|marked| marked(row.figure));
            if is_marked {
                // The band reaches a little into the margin, so the text
                // does not touch its edge.
                layout.scene.items.push(Item::Shape(Filled {
                    shape: Shape::Rect(Bounds {
                        x0: area.x0 - text * 0.3,
                        y0: rule,
                        x1: area.x1 + text * 0.3,
                        y1: rule + self.row_height(i),
                    }),
                    fill: Some((PALETTE[0].mix(ink.background, 0.8), 1.0)),
                    stroke: None,
                    is_mark: false,
                }));
            }
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
            self.cell(layout, metric, (self.metric_x, y), ink.text, Role::Cell);
            let r = text * 0.3;
            layout.scene.items.push(Item::Shape(Filled {
                shape: Shape::Circle {
                    cx: self.value_x + r + text * 0.05,
                    cy: y - text * 0.33,
                    r,
                },
                fill: Some((if is_marked { mark } else { ink.background }, 1.0)),
                stroke: Some((mark, (text * 0.11).max(0.8))),
                is_mark: true,
            }));
            let value_x = self.value_x + text * 1.1;
            self.cell(layout, value, (value_x, y), ink.text, Role::Value);
            self.cell(layout, plan, (self.plan_x, y), ink.muted, Role::Cell);
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
