//! Moving between a chart's marks with the keyboard, as data: a chart's
//! points, bars, cells or timeline marks laid out in rows, a cursor on one
//! of them, and where each arrow key takes it. The window draws the
//! focused mark and its hover text; this module only decides which it is.
//!
//! Left and Right go through the marks in reading order, on into the next
//! row at a row's end; Up and Down go to the row above or below, to its
//! mark nearest in position (the same year, the same plan's column, the
//! nearest date); Home and End go to a row's first and last mark.

use crate::dataset::FigureRef;
use crate::view::charts::{FundBar, LineSeries, TargetRow};
use crate::view::themes::ThemeMatrix;
use crate::view::timeline::Timeline;

/// Where a cursor is: a row, and a mark within it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Cursor {
    /// The row (a series, a bar, a theme, a plan's row).
    pub row: usize,
    /// The mark within the row.
    pub mark: usize,
}

/// A key that moves the cursor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// The mark before, or the last of the row before.
    Left,
    /// The mark after, or the first of the row after.
    Right,
    /// The nearest mark of the row above.
    Up,
    /// The nearest mark of the row below.
    Down,
    /// The row's first mark.
    Home,
    /// The row's last mark.
    End,
}

/// A chart's marks in rows, each with its position along the row (a year,
/// a column, a date as a year) and what it stands for.
#[derive(Clone, Debug, PartialEq)]
pub struct MarkGrid<T> {
    rows: Vec<Vec<(f64, T)>>,
}

impl<T: Copy> MarkGrid<T> {
    /// A grid from its rows, in the order they are shown from the top.
    /// Empty rows are dropped: there is nothing on them to land on.
    pub fn new(rows: Vec<Vec<(f64, T)>>) -> Self {
        Self {
            rows: rows.into_iter().filter(|r| !r.is_empty()).collect(),
        }
    }

    /// Whether the grid has no mark at all.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The number of rows with marks.
    pub fn rows(&self) -> usize {
        self.rows.len()
    }

    /// The mark under a cursor, if it is on one.
    pub fn get(&self, at: Cursor) -> Option<T> {
        self.rows
            .get(at.row)
            .and_then(|r| r.get(at.mark))
            .map(|m| m.1)
    }

    /// The first mark: where a cursor starts.
    pub fn first(&self) -> Option<Cursor> {
        (!self.is_empty()).then_some(Cursor { row: 0, mark: 0 })
    }

    /// The cursor on the mark that stands for `target`, if one does.
    pub fn find(&self, target: T) -> Option<Cursor>
    where
        T: PartialEq,
    {
        self.rows.iter().enumerate().find_map(|(row, marks)| {
            marks
                .iter()
                .position(|m| m.1 == target)
                .map(|mark| Cursor { row, mark })
        })
    }

    /// A cursor kept on the grid: one left from a grid that has since
    /// shrunk (a series hidden, a filter changed) moves to the nearest
    /// mark still there.
    pub fn clamp(&self, at: Cursor) -> Option<Cursor> {
        let last_row = self.rows.len().checked_sub(1)?;
        let row = at.row.min(last_row);
        let mark = at.mark.min(self.rows[row].len() - 1);
        Some(Cursor { row, mark })
    }

    /// Where a step takes the cursor; from nowhere, every step starts at
    /// the first mark. A step past the grid's ends stays where it is.
    pub fn step(&self, at: Option<Cursor>, step: Step) -> Option<Cursor> {
        let Some(at) = at.and_then(|a| self.clamp(a)) else {
            return self.first();
        };
        let row = &self.rows[at.row];
        let moved = match step {
            Step::Left if at.mark > 0 => Cursor {
                mark: at.mark - 1,
                ..at
            },
            Step::Left if at.row > 0 => Cursor {
                row: at.row - 1,
                mark: self.rows[at.row - 1].len() - 1,
            },
            Step::Right if at.mark + 1 < row.len() => Cursor {
                mark: at.mark + 1,
                ..at
            },
            Step::Right if at.row + 1 < self.rows.len() => Cursor {
                row: at.row + 1,
                mark: 0,
            },
            Step::Up if at.row > 0 => self.nearest(at.row - 1, row[at.mark].0),
            Step::Down if at.row + 1 < self.rows.len() => self.nearest(at.row + 1, row[at.mark].0),
            Step::Home => Cursor { mark: 0, ..at },
            Step::End => Cursor {
                mark: row.len() - 1,
                ..at
            },
            _ => at,
        };
        Some(moved)
    }

    /// The mark of `row` nearest to position `x` (the first of two as
    /// near).
    fn nearest(&self, row: usize, x: f64) -> Cursor {
        let mark = self.rows[row]
            .iter()
            .enumerate()
            .min_by(|a, b| (a.1.0 - x).abs().total_cmp(&(b.1.0 - x).abs()))
            .map_or(0, |(i, _)| i);
        Cursor { row, mark }
    }
}

/// A line chart's marks: a row per series shown (as the legend lists
/// them), its points by year.
pub fn line_marks(series: &[LineSeries]) -> MarkGrid<FigureRef> {
    MarkGrid::new(
        series
            .iter()
            .map(|s| {
                s.points
                    .iter()
                    .map(|p| (f64::from(p.year), p.figure))
                    .collect()
            })
            .collect(),
    )
}

/// The fund chart's marks: a row per bar, the largest on top, as drawn.
pub fn bar_marks(bars: &[FundBar]) -> MarkGrid<FigureRef> {
    MarkGrid::new(bars.iter().map(|b| vec![(0.0, b.figure)]).collect())
}

/// The targets table's marks: a row per target, in the order shown.
pub fn target_marks(rows: &[TargetRow]) -> MarkGrid<FigureRef> {
    MarkGrid::new(rows.iter().map(|r| vec![(0.0, r.figure)]).collect())
}

/// The theme map's marks: a row per theme shown (`rows`, indexes of the
/// matrix's rows in the order shown), its cells that hold a measure by
/// plan column. Each mark is its (row, column) in the matrix.
pub fn theme_marks(matrix: &ThemeMatrix, rows: &[usize]) -> MarkGrid<(usize, usize)> {
    MarkGrid::new(
        rows.iter()
            .map(|&r| {
                matrix.rows[r]
                    .cells
                    .iter()
                    .enumerate()
                    .filter(|(_, cell)| !cell.is_empty())
                    .map(|(c, _)| (c as f64, (r, c)))
                    .collect()
            })
            .collect(),
    )
}

/// The timeline's marks: a row per plan's row, its marks by date. Each
/// mark is its index in [`Timeline::marks`].
pub fn timeline_marks(timeline: &Timeline) -> MarkGrid<usize> {
    let mut rows: Vec<Vec<(f64, usize)>> = vec![Vec::new(); timeline.rows.len()];
    for (m, mark) in timeline.marks.iter().enumerate() {
        if let Some(row) = rows.get_mut(mark.row) {
            row.push((mark.at, m));
        }
    }
    for row in &mut rows {
        row.sort_by(|a, b| a.0.total_cmp(&b.0));
    }
    MarkGrid::new(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two rows: years 2021..=2024 with a gap, and 2022..=2023.
    fn grid() -> MarkGrid<u32> {
        MarkGrid::new(vec![
            vec![(2021.0, 1), (2022.0, 2), (2024.0, 4)],
            vec![],
            vec![(2022.0, 12), (2023.0, 13)],
        ])
    }

    #[expect(
        clippy::unnecessary_wraps,
        reason = "the cursor helper returns what the functions under test return"
    )]
    fn at(row: usize, mark: usize) -> Option<Cursor> {
        Some(Cursor { row, mark })
    }

    #[test]
    fn every_step_from_nowhere_lands_on_the_first_mark() {
        let g = grid();
        for step in [Step::Left, Step::Right, Step::Up, Step::Down, Step::End] {
            assert_eq!(g.step(None, step), at(0, 0), "{step:?}");
        }
        assert_eq!(
            MarkGrid::<u32>::new(vec![vec![]]).step(None, Step::Right),
            None
        );
    }

    #[test]
    fn left_and_right_read_on_across_rows_and_stop_at_the_ends() {
        let g = grid();
        assert_eq!(
            g.step(at(0, 2), Step::Right),
            at(1, 0),
            "the empty row is skipped"
        );
        assert_eq!(g.step(at(1, 0), Step::Left), at(0, 2));
        assert_eq!(g.step(at(1, 1), Step::Right), at(1, 1));
        assert_eq!(g.step(at(0, 0), Step::Left), at(0, 0));
    }

    #[test]
    fn up_and_down_keep_the_nearest_position() {
        let g = grid();
        // From 2024 down: 2023 is nearest.
        assert_eq!(g.step(at(0, 2), Step::Down), at(1, 1));
        // From 2022 up: the same year.
        assert_eq!(g.step(at(1, 0), Step::Up), at(0, 1));
        // From 2023 up: 2022 and 2024 are as near; the first wins.
        assert_eq!(g.step(at(1, 1), Step::Up), at(0, 1));
        assert_eq!(g.step(at(0, 1), Step::Up), at(0, 1));
        assert_eq!(g.get(Cursor { row: 1, mark: 1 }), Some(13));
    }

    #[test]
    fn home_end_and_a_cursor_left_by_a_shrunk_grid() {
        let g = grid();
        assert_eq!(g.step(at(0, 1), Step::End), at(0, 2));
        assert_eq!(g.step(at(0, 1), Step::Home), at(0, 0));
        assert_eq!(
            g.step(at(5, 9), Step::Left),
            at(1, 0),
            "clamped to (1, 1) first"
        );
        assert_eq!(g.find(4), at(0, 2));
        assert_eq!(g.find(99), None);
    }
}
