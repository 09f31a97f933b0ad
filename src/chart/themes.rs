//! The theme map on paper: a table of themes (rows) by plans (columns),
//! each cell the number of the plan's measures tagged with the theme, on a
//! tint that deepens with the count (kept light enough that the count reads
//! at 4.5:1 on it), with each row's total at the right and each plan's at
//! the foot. Rows are ordered as asked (by total unless told); what does
//! not fit is counted in the footer, and the CSV has it all. The unit map
//! is the same table with the responsible units as rows, each cell also
//! giving the earliest deadline the plan's targets set for its measures.

use std::collections::HashSet;
use std::ops::Range;

use super::anatomy::{ASCENT_EM, LINE, Layout, Type, Words};
use super::scene::{
    Anchor, Bounds, Filled, Frozen, Item, Line, MapCells, Rgb, Role, Scene, Shape, Target,
};
use super::spec::{ChartView, PALETTE, Page, Paper};
use super::{fonts, words};
use crate::i18n::{T, fill, tr};
use crate::view::annotations::Cell;
use crate::view::themes::{MapRows, ThemeMatrix, ThemeOrder};

/// How far a full cell's tint goes from the page towards the palette's
/// blue: light enough for the count to stay legible.
const DEEPEST_TINT: f32 = 0.42;

/// The matrix of the view's map: themes or units by plans.
pub fn matrix_of(view: &ChartView) -> ThemeMatrix {
    ThemeMatrix::of(view.dataset, view.chart.map_rows().unwrap_or_default())
}

/// The cells of `matrix` the view's notes point at, each with its matrix
/// (row, column): notes on another map's cells, or on a theme, unit or
/// plan the dataset lacks, are not among them.
pub fn noted_cells(view: &ChartView, matrix: &ThemeMatrix) -> Vec<(Cell, (usize, usize))> {
    view.annotations
        .iter()
        .filter_map(|a| a.cell(view.dataset))
        .filter_map(|cell| Some((cell, cell.place(matrix)?)))
        .collect()
}

/// The title of the map: how many themes (units) across how many plans.
pub fn title_of(view: &ChartView) -> String {
    title(view, &matrix_of(view))
}

/// [`title_of`] from a matrix already built (the window keeps one).
pub fn title(view: &ChartView, matrix: &ThemeMatrix) -> String {
    let rows = matrix.rows.iter().filter(|r| r.total > 0).count();
    let plans = matrix.column_totals.iter().filter(|&&c| c > 0).count();
    let words = match matrix.rows_are {
        MapRows::Themes => T::TitleThemes,
        MapRows::Units => T::TitleUnits,
    };
    fill(view.lang, words, &[&rows, &plans])
}

/// A cell's text: the count, and in the unit map the deadline where the
/// plan gives one.
pub fn cell_text(
    lang: crate::i18n::Lang,
    matrix: &ThemeMatrix,
    row: usize,
    column: usize,
) -> String {
    let count = matrix.cell(row, column).len();
    let deadline = matrix
        .rows
        .get(row)
        .and_then(|r| r.deadlines.get(column).copied().flatten());
    match (matrix.rows_are, deadline) {
        (MapRows::Units, Some(year)) => fill(lang, T::UnitCellDeadline, &[&count, &year]),
        _ => count.to_string(),
    }
}

/// The words of the map's row heading, totals' row and reading note.
fn map_words(rows_are: MapRows) -> (T, T, T) {
    match rows_are {
        MapRows::Themes => (T::ColumnTheme, T::MeasuresWithATheme, T::ReadThemes),
        MapRows::Units => (T::ColumnUnit, T::MeasuresWithAUnit, T::ReadUnits),
    }
}

/// The tint of a cell holding `count` of at most `max` measures.
pub fn tint(background: Rgb, count: usize, max: usize) -> Option<Rgb> {
    if count == 0 || max == 0 {
        return None;
    }
    let share = count as f32 / max as f32;
    Some(background.mix(PALETTE[0], 0.08 + (DEEPEST_TINT - 0.08) * share))
}

/// The scene of the theme map.
pub fn scene(view: &ChartView, page: &Page) -> Scene {
    let lang = view.lang;
    let matrix = matrix_of(view);
    let order = matrix.shown(view.theme_order);
    let order_name = tr(
        lang,
        match view.theme_order {
            ThemeOrder::Total => T::OrderTotal,
            ThemeOrder::Dataset => T::OrderAsListed,
        },
    );
    let base_words = Words {
        title: title(view, &matrix),
        subtitle: words::sentences(
            lang,
            &fill(lang, map_words(matrix.rows_are).2, &[&order_name]),
            &[],
        ),
        sources: words::sources(view),
        reliability: words::reliability(view),
        notes: words::annotations_note(view)
            .into_iter()
            .chain(words::translated_names_note(
                view,
                matrix.rows.iter().map(|r| r.key),
            ))
            .collect(),
        made_with: words::made_with(view),
    };
    // Notes on the map's cells stand at its right, in room kept for them.
    let noted = noted_cells(view, &matrix);
    let share = |layout: &Layout| notes_share(layout, view, &matrix, &noted);
    let (mut layout, shown) = words::fitting(page, lang, &base_words, order.len(), |layout| {
        Grid::new(layout, view, &matrix, share(layout)).rows_that_fit(layout)
    });
    let grid = Grid::new(&layout, view, &matrix, share(&layout));
    if shown == 0 || grid.columns == 0 {
        words::nothing_to_show(&mut layout, lang);
    } else {
        let rows = rows_with_noted(&order, shown, &noted);
        let drawn = Drawn {
            rows: &rows,
            first: 0,
            totals: true,
            ringed: &HashSet::new(),
        };
        grid.draw(&mut layout, view, &matrix, &drawn);
        let area = layout.plot;
        let top = area.y0 + grid.header_height();
        layout.scene.cells = (!noted.is_empty()).then(|| MapCells {
            table: Bounds {
                x0: area.x0,
                y0: area.y0,
                x1: area.x1 - grid.reserve,
                y1: top + (shown + 1) as f32 * grid.row_height,
            },
            cells: noted
                .iter()
                .filter(|(_, (_, c))| *c < grid.columns)
                .filter_map(|&(cell, (r, c))| {
                    let i = drawn.rows.iter().position(|&row| row == r)?;
                    let x0 = grid.cell_x(&area, c);
                    let y0 = top + i as f32 * grid.row_height;
                    Some((
                        cell,
                        Bounds {
                            x0,
                            y0,
                            x1: x0 + grid.cell_width,
                            y1: y0 + grid.row_height,
                        },
                    ))
                })
                .collect(),
        });
    }
    layout.finish()
}

/// The share of the plot's width kept for notes on cells: none without
/// them; else the most, from three tenths down to a tenth, that loses no
/// plan the page shows without notes, else none a note is on, else a
/// tenth (a note that finds no room there is said to).
fn notes_share(
    layout: &Layout,
    view: &ChartView,
    matrix: &ThemeMatrix,
    noted: &[(Cell, (usize, usize))],
) -> f32 {
    if noted.is_empty() {
        return 0.0;
    }
    let columns = |share: f32| Grid::new(layout, view, matrix, share).columns;
    let all = columns(0.0);
    let last_noted = noted.iter().map(|(_, (_, c))| c + 1).max().unwrap_or(0);
    let shares = || {
        (10..=30)
            .rev()
            .map(|percent: u8| f32::from(percent) / 100.0)
    };
    shares()
        .find(|&share| columns(share) >= all)
        .or_else(|| shares().find(|&share| columns(share) >= last_noted))
        .unwrap_or(0.1)
}

/// The first `shown` rows of `order`, the rows of noted cells among them in
/// place of the last others where they would not be, in `order`'s order:
/// a note's cell is drawn whenever its row has a place.
fn rows_with_noted(order: &[usize], shown: usize, noted: &[(Cell, (usize, usize))]) -> Vec<usize> {
    let mut rows: Vec<usize> = order[..shown].to_vec();
    let mut wanted: Vec<usize> = noted.iter().map(|(_, (r, _))| *r).collect();
    wanted.dedup();
    for row in wanted {
        if rows.contains(&row) || !order.contains(&row) {
            continue;
        }
        // The last row shown that no note is on gives its place.
        let Some(at) = rows
            .iter()
            .rposition(|r| !noted.iter().any(|(_, (n, _))| n == r))
        else {
            break;
        };
        rows.remove(at);
        rows.push(row);
    }
    let place = |r: &usize| order.iter().position(|o| o == r);
    rows.sort_by_key(place);
    rows
}

/// The rows of a grid to draw: which, from which place, whether the
/// plans' totals follow, and the cells to ring (the window's selection).
struct Drawn<'a> {
    /// Row indexes of the matrix, in the order shown.
    rows: &'a [usize],
    /// The place of the first of them among all the rows shown.
    first: usize,
    /// Whether the plans' totals' row is drawn below them.
    totals: bool,
    /// Cells (matrix row, column) ringed as linked to the selection.
    ringed: &'a HashSet<(usize, usize)>,
}

/// The theme map in the window: every plan a column of one width, every
/// theme with measures a row, on a page as large as they need; the names
/// and the headings stay in view while the rest scrolls
/// ([`Scene::frozen`]). Only the rows asked for are laid out, so a map of
/// 200 themes by 50 plans costs a frame no more than the rows in view.
pub struct WindowMap {
    grid: Grid,
    page: Page,
    size: Type,
    margin: f32,
    /// Row indexes of the matrix, in the order shown.
    order: Vec<usize>,
    /// The cells the view's notes point at, and their matrix places.
    noted: Vec<(Cell, (usize, usize))>,
}

/// How wide the window's room for notes on cells is at least, in ems of
/// its text.
const WINDOW_NOTES_EMS: f32 = 14.0;

impl WindowMap {
    /// The map for a panel `panel_width` wide, its text at `body` points.
    pub fn new(
        view: &ChartView,
        matrix: &ThemeMatrix,
        body: f32,
        panel_width: f32,
        paper: Paper,
    ) -> Self {
        let size = Type::window(body);
        let text = size.small;
        let margin = text * 0.5;
        let order = matrix.shown(view.theme_order);
        let names = (panel_width * 0.3).clamp(120.0, 240.0);
        let mut grid =
            Grid::with_columns(view, matrix, text, names, matrix.plans.len(), text * 6.0);
        let table = grid.total_x_from(0.0) + grid.total_width(view);
        let noted = noted_cells(view, matrix);
        let mut width = (2.0 * margin + table).max(panel_width);
        let mut height =
            2.0 * margin + grid.header_height() + (order.len() + 1) as f32 * grid.row_height;
        // Notes on cells stand at the map's right where the panel has room
        // for them there; else below the table, so that a note and its
        // cell show together without scrolling sideways.
        if !noted.is_empty() {
            let right = panel_width - 2.0 * margin - table;
            if right >= text * WINDOW_NOTES_EMS {
                grid.reserve = right;
            } else {
                let note = text * (4.0 * 1.2 + 2.0);
                height += noted.len() as f32 * note + text * 2.0;
            }
        }
        width = width.max(2.0 * margin + table + grid.reserve);
        Self {
            grid,
            page: Page {
                width,
                height,
                theme: paper,
            },
            size,
            margin,
            order,
            noted,
        }
    }

    /// The page's width and height, in points.
    pub fn size(&self) -> (f32, f32) {
        (self.page.width, self.page.height)
    }

    /// Row indexes of the matrix, in the order shown.
    pub fn order(&self) -> &[usize] {
        &self.order
    }

    /// What stays in view: the names' column and the headings' band.
    pub fn frozen(&self) -> Frozen {
        Frozen {
            left: self.margin + self.grid.cell_x_from(0.0, 0),
            top: self.margin + self.grid.header_height(),
        }
    }

    /// The places of the rows (the plans' totals last) that show between
    /// `y0` and `y1`.
    pub fn rows_between(&self, y0: f32, y1: f32) -> Range<usize> {
        let top = self.frozen().top;
        let row = self.grid.row_height;
        let first = super::count_of((y0 - top) / row);
        let last = (super::count_of((y1 - top) / row) + 1).min(self.order.len() + 1);
        first..last.max(first)
    }

    /// The box of the cell in the `i`-th row shown and the `column`-th plan.
    pub fn cell_bounds(&self, i: usize, column: usize) -> Bounds {
        let x0 = self.grid.cell_x_from(self.margin, column);
        let y0 = self.frozen().top + i as f32 * self.grid.row_height;
        Bounds {
            x0,
            y0,
            x1: x0 + self.grid.cell_width,
            y1: y0 + self.grid.row_height,
        }
    }

    /// The picture with the rows at places `shown` (of [`Self::order`],
    /// the plans' totals at `order.len()`), the headings, and `ringed`
    /// cells (matrix row, column) ringed.
    pub fn scene(
        &self,
        view: &ChartView,
        matrix: &ThemeMatrix,
        shown: Range<usize>,
        ringed: &HashSet<(usize, usize)>,
    ) -> Scene {
        let mut layout = Layout::bare(
            &self.page,
            view.lang,
            &title(view, matrix),
            self.size,
            self.margin,
        );
        let end = shown.end.min(self.order.len());
        let start = shown.start.min(end);
        let drawn = Drawn {
            rows: &self.order[start..end],
            first: start,
            totals: shown.end > self.order.len(),
            ringed,
        };
        self.grid.draw(&mut layout, view, matrix, &drawn);
        layout.scene.frozen = self.frozen();
        // Every noted cell, in view or not: a note is placed the same
        // wherever the map is scrolled to.
        if !self.noted.is_empty() {
            let rows = self.order.len() + 1;
            layout.scene.cells = Some(MapCells {
                table: Bounds {
                    x0: self.margin,
                    y0: self.margin,
                    x1: self.page.width - self.margin - self.grid.reserve,
                    y1: self.frozen().top + rows as f32 * self.grid.row_height,
                },
                cells: self
                    .noted
                    .iter()
                    .filter_map(|&(cell, (r, c))| {
                        let i = self.order.iter().position(|&row| row == r)?;
                        Some((cell, self.cell_bounds(i, c)))
                    })
                    .collect(),
            });
        }
        layout.finish()
    }
}

/// Where the columns go and how tall the heading is.
struct Grid {
    text: f32,
    name_width: f32,
    cell_width: f32,
    /// Plans shown, from the first.
    columns: usize,
    /// Each shown plan's heading, wrapped.
    headings: Vec<Vec<String>>,
    row_height: f32,
    /// The width kept at the plot's right for notes on cells, which the
    /// table's rules stop short of.
    reserve: f32,
}

impl Grid {
    /// The grid that fits `layout`'s plot less `notes` (a share of its
    /// width kept for notes on cells).
    fn new(layout: &Layout, view: &ChartView, matrix: &ThemeMatrix, notes: f32) -> Self {
        let lang = view.lang;
        let text = layout.size.small;
        let area = layout.plot;
        let reserve = (area.x1 - area.x0) * notes;
        let width = area.x1 - area.x0 - reserve;
        let measure = |s: &str| fonts::text_width(s, text, false, lang);
        let bold = |s: &str| fonts::text_width(s, text, true, lang);
        let natural_names = matrix
            .rows
            .iter()
            .map(|r| measure(&theme_name(view, r.key)))
            .fold(bold(tr(lang, map_words(matrix.rows_are).0)), f32::max);
        let name_width = natural_names.min(width * 0.3);
        let total_width = bold(tr(lang, T::ColumnTotal)).max(bold("0000"));
        let room = width - name_width - total_width - text;
        // A column is at least wide enough for three digits and a short
        // word (the unit map's: and a deadline).
        let narrowest = match matrix.rows_are {
            MapRows::Themes => (text * 4.2).max(bold("000") + text),
            MapRows::Units => {
                (text * 4.2).max(bold(&fill(lang, T::UnitCellDeadline, &[&"00", &"0000"])) + text)
            }
        };
        let plans = matrix.plans.len();
        let columns = if room <= narrowest {
            0
        } else {
            plans.min(super::count_of(room / narrowest))
        };
        let cell_width = if columns == 0 {
            narrowest
        } else {
            (room / columns as f32).min(text * 12.0)
        };
        let mut grid = Self::with_columns(view, matrix, text, name_width, columns, cell_width);
        grid.reserve = reserve;
        grid
    }

    /// A grid of the first `columns` plans, each `cell_width` wide, the
    /// names' column at most `names` wide.
    fn with_columns(
        view: &ChartView,
        matrix: &ThemeMatrix,
        text: f32,
        names: f32,
        columns: usize,
        cell_width: f32,
    ) -> Self {
        let lang = view.lang;
        let measure = |s: &str| fonts::text_width(s, text, false, lang);
        let bold = |s: &str| fonts::text_width(s, text, true, lang);
        let name_width = matrix
            .rows
            .iter()
            .map(|r| measure(&theme_name(view, r.key)))
            .fold(bold(tr(lang, map_words(matrix.rows_are).0)), f32::max)
            .min(names);
        let headings = matrix.plans[..columns]
            .iter()
            .map(|&p| {
                let title = crate::view::plan_title(lang, view.dataset, p);
                fonts::clamp_lines(
                    fonts::wrap(&title, cell_width - text * 0.4, text, false, lang),
                    3,
                    cell_width - text * 0.4,
                    text,
                    false,
                    lang,
                )
            })
            .collect();
        Self {
            text,
            name_width,
            cell_width,
            columns,
            headings,
            row_height: text * (LINE + 0.35),
            reserve: 0.0,
        }
    }

    fn header_height(&self) -> f32 {
        let lines = self.headings.iter().map(Vec::len).max().unwrap_or(1).max(1);
        lines as f32 * self.text * LINE + self.text * 0.5
    }

    fn rows_that_fit(&self, layout: &Layout) -> usize {
        // The heading, then the rows, then the plans' totals.
        let room = layout.plot.y1 - layout.plot.y0 - self.header_height() - self.row_height;
        if self.columns == 0 {
            0
        } else {
            super::count_of(room / self.row_height)
        }
    }

    fn cell_x(&self, area: &Bounds, column: usize) -> f32 {
        self.cell_x_from(area.x0, column)
    }

    /// A column's left edge, the names' column starting at `x0`.
    fn cell_x_from(&self, x0: f32, column: usize) -> f32 {
        x0 + self.name_width + self.text * 0.5 + column as f32 * self.cell_width
    }

    fn draw(&self, layout: &mut Layout, view: &ChartView, matrix: &ThemeMatrix, drawn: &Drawn) {
        self.headings(layout, view, matrix.rows_are);
        let top = self.rows(layout, view, matrix, drawn);
        if drawn.totals {
            self.totals(layout, view, matrix, top);
        }
    }

    /// Where the totals' column starts.
    fn total_x(&self, area: &Bounds) -> f32 {
        self.total_x_from(area.x0)
    }

    /// Where the totals' column starts, the names' column starting at `x0`.
    fn total_x_from(&self, x0: f32) -> f32 {
        self.cell_x_from(x0, self.columns) + self.text * 0.5
    }

    /// How wide the totals' column is.
    fn total_width(&self, view: &ChartView) -> f32 {
        let bold = |s: &str| fonts::text_width(s, self.text, true, view.lang);
        bold(tr(view.lang, T::ColumnTotal)).max(bold("0000")) + self.text * 0.5
    }

    /// A row's baseline, from its top.
    fn baseline(&self, top: f32) -> f32 {
        top + self.row_height * 0.5 + self.text * (ASCENT_EM - 0.5 * (ASCENT_EM + 0.2))
    }

    /// "Theme", each plan (wrapped, bottom-aligned), "Total", and the rule.
    fn headings(&self, layout: &mut Layout, view: &ChartView, rows_are: MapRows) {
        let lang = view.lang;
        let ink = layout.ink;
        let text = self.text;
        let area = layout.plot;
        let total_x = self.total_x(&area);
        let header = self.header_height();
        let baseline = area.y0 + header - text * 0.5 - (LINE - ASCENT_EM) * text;
        layout.text(
            tr(lang, map_words(rows_are).0),
            (area.x0, baseline),
            text,
            true,
            ink.muted,
            Anchor::Start,
            Role::Cell,
        );
        for (c, lines) in self.headings.iter().enumerate() {
            layout.hit(
                Bounds {
                    x0: self.cell_x(&area, c),
                    y0: area.y0,
                    x1: self.cell_x(&area, c) + self.cell_width,
                    y1: area.y0 + header,
                },
                Target::PlanColumn(c),
            );
            let x = self.cell_x(&area, c) + text * 0.2;
            let first = baseline - (lines.len() as f32 - 1.0) * text * LINE;
            for (l, line) in lines.iter().enumerate() {
                layout.text(
                    line,
                    (x, first + l as f32 * text * LINE),
                    text,
                    false,
                    ink.muted,
                    Anchor::Start,
                    Role::Cell,
                );
            }
        }
        layout.text(
            tr(lang, T::ColumnTotal),
            (total_x, baseline),
            text,
            true,
            ink.muted,
            Anchor::Start,
            Role::Cell,
        );
        let top = area.y0 + header;
        layout.scene.items.push(Item::Line(Line {
            points: vec![(area.x0, top), (area.x1 - self.reserve, top)],
            width: 0.08 * layout.size.base,
            color: ink.axis,
            dash: None,
        }));
    }

    /// The rows: name, cells, total. Returns the y below the last.
    fn rows(
        &self,
        layout: &mut Layout,
        view: &ChartView,
        matrix: &ThemeMatrix,
        drawn: &Drawn,
    ) -> f32 {
        let lang = view.lang;
        let ink = layout.ink;
        let text = self.text;
        let area = layout.plot;
        let total_x = self.total_x(&area);
        let mut top = area.y0 + self.header_height() + drawn.first as f32 * self.row_height;
        let lit = view.highlight_nodes.filter(|s| !s.is_empty());
        for &r in drawn.rows {
            let row = &matrix.rows[r];
            let y = self.baseline(top);
            layout.hit(
                Bounds {
                    x0: area.x0,
                    y0: top,
                    x1: area.x0 + self.name_width,
                    y1: top + self.row_height,
                },
                Target::Theme(r),
            );
            let name = fonts::clamp_lines(
                vec![theme_name(view, row.key)],
                1,
                self.name_width,
                text,
                false,
                lang,
            )
            .concat();
            layout.text(
                &name,
                (area.x0, y),
                text,
                false,
                ink.text,
                Anchor::Start,
                Role::Cell,
            );
            for c in 0..self.columns {
                let nodes = &row.cells[c];
                let x = self.cell_x(&area, c);
                // Outside a briefing's selection, a cell is drawn pale.
                let dimmed = lit.is_some_and(|set| !nodes.iter().any(|n| set.contains(n)));
                if let Some(fill) = tint(ink.background, nodes.len(), matrix.max_cell) {
                    let fill = if dimmed {
                        layout.theme.pale(fill)
                    } else {
                        fill
                    };
                    // Linked to the window's selection: ringed.
                    let ringed = drawn.ringed.contains(&(r, c));
                    let inset = if ringed { text * 0.12 } else { text * 0.06 };
                    layout.scene.items.push(Item::Shape(Filled {
                        shape: Shape::Rect(Bounds {
                            x0: x + inset,
                            y0: top + inset,
                            x1: x + self.cell_width - inset,
                            y1: top + self.row_height - inset,
                        }),
                        fill: Some((fill, 1.0)),
                        stroke: ringed.then_some((ink.text, text * 0.14)),
                        is_mark: false,
                    }));
                    layout.hit(
                        Bounds {
                            x0: x,
                            y0: top,
                            x1: x + self.cell_width,
                            y1: top + self.row_height,
                        },
                        Target::ThemeCell { row: r, column: c },
                    );
                    layout.text(
                        &cell_text(view.lang, matrix, r, c),
                        (x + self.cell_width * 0.5, y),
                        text,
                        false,
                        if dimmed { ink.muted } else { ink.text },
                        Anchor::Middle,
                        Role::Value,
                    );
                }
            }
            layout.text(
                &row.total.to_string(),
                (total_x, y),
                text,
                true,
                ink.text,
                Anchor::Start,
                Role::Value,
            );
            top += self.row_height;
        }
        top
    }

    /// The plans' totals, each measure once, below a rule.
    fn totals(&self, layout: &mut Layout, view: &ChartView, matrix: &ThemeMatrix, top: f32) {
        let lang = view.lang;
        let ink = layout.ink;
        let text = self.text;
        let area = layout.plot;
        let total_x = self.total_x(&area);
        layout.scene.items.push(Item::Line(Line {
            points: vec![(area.x0, top), (area.x1 - self.reserve, top)],
            width: 0.05 * layout.size.base,
            color: ink.grid,
            dash: None,
        }));
        let y = self.baseline(top);
        let label = fonts::clamp_lines(
            vec![tr(lang, map_words(matrix.rows_are).1).to_owned()],
            1,
            self.name_width,
            text,
            true,
            lang,
        )
        .concat();
        layout.text(
            &label,
            (area.x0, y),
            text,
            true,
            ink.muted,
            Anchor::Start,
            Role::Cell,
        );
        for c in 0..self.columns {
            layout.text(
                &matrix.column_totals[c].to_string(),
                (self.cell_x(&area, c) + self.cell_width * 0.5, y),
                text,
                true,
                ink.text,
                Anchor::Middle,
                Role::Value,
            );
        }
        layout.text(
            &matrix.total.to_string(),
            (total_x, y),
            text,
            true,
            ink.text,
            Anchor::Start,
            Role::Value,
        );
    }
}

/// A theme's (unit's) name as the picture's language shows it.
fn theme_name(view: &ChartView, key: crate::view::themes::RowKey) -> String {
    crate::view::themes::row_name(view.dataset, key, view.lang)
}
