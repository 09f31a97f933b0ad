//! Notes on a map's cells: the cell ringed, the note beside the table
//! (its leader along the line between two rows) or below it (along the
//! line between two columns). Those lines run between the counts, which
//! stand in the middle of their cells, so a leader crosses none.

use super::super::scene::{Bounds, Filled, Item, Line, Shape};
use super::{LeftOut, Placer, words_lang};

/// A place a note on a cell may take.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    /// The note's box.
    spot: Bounds,
    /// The leader's end at the box.
    from: (f32, f32),
    /// The leader's end at the cell.
    to: (f32, f32),
    /// Beside the table (else below it).
    beside: bool,
}

/// A note's lines of words, and its box's width and height.
type Wrapped = (Vec<String>, f32, f32);

/// A straight line's ends.
type Segment = ((f32, f32), (f32, f32));

impl Placer<'_> {
    /// A note on a map's cell (`cell`, its box), the cell ringed: in a box
    /// right of the `table`, its leader level with the line above or below
    /// the cell's row, or in a box below the table, its leader along the
    /// line left or right of the cell's column; the nearest free box is
    /// taken.
    pub(super) fn cell_note(
        &mut self,
        i: usize,
        cell: Bounds,
        table: Bounds,
        text: &str,
    ) -> Result<(), LeftOut> {
        let lang = words_lang(text);
        let pad = self.size * 0.35;
        let gap = self.size * 0.8;
        let widest = ((self.room.x1 - self.room.x0) * 0.3).max(self.size * 8.0);
        let beside = self.wrapped(
            text,
            (self.room.x1 - table.x1 - gap - 2.0 * pad).min(widest),
        );
        let below = self.wrapped(text, (self.room.x1 - self.room.x0 - 2.0 * pad).min(widest));
        let mut candidates = Vec::new();
        if let Some((_, width, height)) = &beside {
            candidates.extend(self.beside(cell, table.x1 + gap, (*width, *height)));
        }
        if let Some((_, width, height)) = &below {
            candidates.extend(self.below(cell, table.y1 + gap, (*width, *height)));
        }
        let (cx, cy) = (
            f32::midpoint(cell.x0, cell.x1),
            f32::midpoint(cell.y0, cell.y1),
        );
        // A leader along one of the table's rules would read as the rule:
        // the other line of the row (column) comes first.
        let rules = self.rules();
        let distance = |c: &Candidate| {
            let penalty = if on_rule(&rules, c.from, c.to) {
                self.size * 4.0
            } else {
                0.0
            };
            let s = &c.spot;
            (f32::midpoint(s.x0, s.x1) - cx).hypot(f32::midpoint(s.y0, s.y1) - cy) + penalty
        };
        // Each measured once: the rules are many in a large map.
        let mut candidates: Vec<(f32, Candidate)> =
            candidates.into_iter().map(|c| (distance(&c), c)).collect();
        candidates.sort_by(|a, b| a.0.total_cmp(&b.0));
        let chosen = candidates
            .into_iter()
            .map(|(_, c)| c)
            .find(|c| {
                self.is_free(&c.spot)
                    && self
                        .taken
                        .iter()
                        .filter(|t| !cell.grown(0.5).contains(t))
                        .all(|t| !t.crosses_segment(c.from, c.to))
            })
            .ok_or(LeftOut::NoRoom(i))?;
        let lines = if chosen.beside { beside } else { below }
            .map(|(lines, _, _)| lines)
            .unwrap_or_default();
        self.scene.items.push(Item::Shape(Filled {
            shape: Shape::Rect(cell),
            fill: None,
            stroke: Some((self.ink.muted, self.size * 0.12)),
            is_mark: false,
        }));
        self.scene.items.push(Item::Line(Line {
            points: vec![chosen.from, chosen.to],
            width: self.size * 0.08,
            color: self.ink.muted,
            dash: None,
        }));
        self.note_box(chosen.spot, &lines, lang);
        self.data_lines.push((chosen.from, chosen.to));
        Ok(())
    }

    /// `text` wrapped to `max_width` (at most four lines), with its box's
    /// size; `None` where that is too narrow to read.
    fn wrapped(&self, text: &str, max_width: f32) -> Option<Wrapped> {
        if max_width < self.size * 4.0 {
            return None;
        }
        Some(self.note_lines(text, max_width))
    }

    /// Boxes from `left`, level with the row's lower line, then its upper
    /// one, the leader meeting the box's side inside its padding; a little
    /// further right where a nearer note stands.
    fn beside(&self, cell: Bounds, left: f32, (width, height): (f32, f32)) -> Vec<Candidate> {
        let pad = self.size * 0.35;
        let step = self.size * 0.25;
        let turns = super::super::anatomy::count_of((height - 2.0 * pad) / step);
        let mut out = Vec::new();
        for level in [cell.y1, cell.y0] {
            for shift in 0..4 {
                let x0 = left + shift as f32 * self.size * 2.0;
                for k in 0..=turns {
                    let y0 = level - pad - k as f32 * step;
                    out.push(Candidate {
                        spot: Bounds {
                            x0,
                            y0,
                            x1: x0 + width,
                            y1: y0 + height,
                        },
                        from: (x0, level),
                        to: (cell.x1, level),
                        beside: true,
                    });
                }
            }
        }
        out
    }

    /// Boxes from `top` down, across the column's left line, then its
    /// right one; a little further down where a nearer note stands.
    fn below(&self, cell: Bounds, top: f32, (width, height): (f32, f32)) -> Vec<Candidate> {
        let pad = self.size * 0.35;
        let step = self.size * 0.25;
        let turns = super::super::anatomy::count_of((width - 2.0 * pad) / step);
        let mut out = Vec::new();
        for level in [cell.x0, cell.x1] {
            for shift in 0..6 {
                let y0 = top + shift as f32 * self.size * 1.5;
                for k in 0..=turns {
                    let x0 = level - pad - k as f32 * step;
                    out.push(Candidate {
                        spot: Bounds {
                            x0,
                            y0,
                            x1: x0 + width,
                            y1: y0 + height,
                        },
                        from: (level, y0),
                        to: (level, cell.y1),
                        beside: false,
                    });
                }
            }
        }
        out
    }

    /// The scene's rules (its grid's and axes' straight lines).
    fn rules(&self) -> Vec<Segment> {
        self.scene
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Line(line)
                    if line.points.len() == 2
                        && (line.color == self.ink.grid || line.color == self.ink.axis) =>
                {
                    Some((line.points[0], line.points[1]))
                }
                _ => None,
            })
            .collect()
    }
}

/// Whether the level or upright line from `from` to `to` lies along one of
/// `rules`.
fn on_rule(rules: &[Segment], from: (f32, f32), to: (f32, f32)) -> bool {
    rules.iter().any(|&(a, b)| {
        let level = (a.1 - b.1).abs() < 0.5 && (from.1 - to.1).abs() < 0.5;
        let upright = (a.0 - b.0).abs() < 0.5 && (from.0 - to.0).abs() < 0.5;
        (level && (a.1 - from.1).abs() < 0.5) || (upright && (a.0 - from.0).abs() < 0.5)
    })
}
