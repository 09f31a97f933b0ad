//! A [`crate::chart::Scene`] painted in the window with egui's painter, so
//! the window shows the picture the exports write: text runs, lines,
//! rectangles, circles and polygons, a point of the scene a point on
//! screen. What the scene freezes ([`crate::chart::scene::Frozen`]: a
//! column at the left, a band at the top) stays in view while the rest
//! scrolls under it. Text is set in the faces the exports measure it with
//! ([`super::style::family`]). The scene's hit regions, placed the same way, are
//! where the pointer and the keyboard find its marks.

use egui::{Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, pos2, vec2};

use crate::chart::Scene;
use crate::chart::scene::{Anchor, Bounds, Hit, Item, Rgb, Role};

/// Where on screen a scene is painted: the whole scene's rectangle (as a
/// scroll area lays its content out) and the part of it in view.
#[derive(Clone, Copy, Debug)]
pub struct Placement {
    /// The scene's page on screen, scrolled.
    pub rect: Rect,
    /// The part of the screen it shows in.
    pub visible: Rect,
    left: f32,
    top: f32,
}

/// Which part of a scene a box belongs to, by what stays in view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Zone {
    /// Scrolls both ways.
    Body,
    /// The frozen column: scrolls up and down only.
    Left,
    /// The frozen band: scrolls left and right only.
    Top,
    /// Both: stays where it is.
    Corner,
}

impl Placement {
    /// The scene painted at `rect` (its page on screen), of which
    /// `viewport` (in the scene's points, as
    /// [`egui::ScrollArea::show_viewport`] gives it) is in view.
    pub fn new(scene: &Scene, rect: Rect, viewport: Rect) -> Self {
        Self {
            rect,
            visible: viewport.translate(rect.min.to_vec2()),
            left: scene.frozen.left,
            top: scene.frozen.top,
        }
    }

    fn zone(&self, bounds: &Bounds) -> Zone {
        const EPSILON: f32 = 0.01;
        let left = self.left > 0.0 && bounds.x1 <= self.left + EPSILON;
        let top = self.top > 0.0 && bounds.y1 <= self.top + EPSILON;
        match (left, top) {
            (false, false) => Zone::Body,
            (true, false) => Zone::Left,
            (false, true) => Zone::Top,
            (true, true) => Zone::Corner,
        }
    }

    /// A point of the scene on screen, in its zone.
    fn pos(&self, zone: Zone, (x, y): (f32, f32)) -> Pos2 {
        let scrolled = self.rect.min;
        let fixed = self.visible.min;
        match zone {
            Zone::Body => pos2(scrolled.x + x, scrolled.y + y),
            Zone::Left => pos2(fixed.x + x, scrolled.y + y),
            Zone::Top => pos2(scrolled.x + x, fixed.y + y),
            Zone::Corner => pos2(fixed.x + x, fixed.y + y),
        }
    }

    /// The part of the screen a zone paints in.
    fn clip(&self, zone: Zone) -> Rect {
        let v = self.visible;
        let (left, top) = (v.min.x + self.left, v.min.y + self.top);
        match zone {
            Zone::Body => Rect::from_min_max(pos2(left, top), v.max),
            Zone::Left => Rect::from_min_max(pos2(v.min.x, top), pos2(left, v.max.y)),
            Zone::Top => Rect::from_min_max(pos2(left, v.min.y), pos2(v.max.x, top)),
            Zone::Corner => Rect::from_min_max(v.min, pos2(left, top)),
        }
    }

    /// A box of the scene on screen, where it is painted (not clipped).
    pub fn screen_rect(&self, bounds: &Bounds) -> Rect {
        let zone = self.zone(bounds);
        Rect::from_min_max(
            self.pos(zone, (bounds.x0, bounds.y0)),
            self.pos(zone, (bounds.x1, bounds.y1)),
        )
    }

    /// A hit region on screen, cut to what of it shows (under nothing
    /// frozen); `None` when none of it does.
    pub fn visible_rect(&self, bounds: &Bounds) -> Option<Rect> {
        let rect = self
            .screen_rect(bounds)
            .intersect(self.clip(self.zone(bounds)));
        rect.is_positive().then_some(rect)
    }

    /// The scene's hit regions that show, with their rectangles on screen.
    pub fn hits<'a>(&self, scene: &'a Scene) -> impl Iterator<Item = (&'a Hit, Rect)> {
        let placement = *self;
        scene
            .hits
            .iter()
            .filter_map(move |hit| Some((hit, placement.visible_rect(&hit.bounds)?)))
    }

    /// The space the scene's frozen parts take at the left and top of the
    /// view, for scrolling a box clear of them.
    pub fn frozen(&self) -> egui::Vec2 {
        vec2(self.left, self.top)
    }

    /// Paints the scene: the page, then each zone back to front (the
    /// scrolling body under the frozen column and band), each item only
    /// where it shows.
    pub fn paint(&self, painter: &Painter, scene: &Scene) {
        self.paint_items(painter, scene, true);
    }

    /// Paints the scene's items over what is already there, without its
    /// page (the annotations over a window's plot).
    pub fn paint_over(&self, painter: &Painter, scene: &Scene) {
        self.paint_items(painter, scene, false);
    }

    fn paint_items(&self, painter: &Painter, scene: &Scene, page: bool) {
        let background = color(scene.background, 1.0);
        for zone in [Zone::Body, Zone::Left, Zone::Top, Zone::Corner] {
            let clip = self.clip(zone).intersect(painter.clip_rect());
            if !clip.is_positive() {
                continue;
            }
            let painter = painter.with_clip_rect(clip);
            if page {
                painter.rect_filled(clip, 0.0, background);
            }
            for item in &scene.items {
                let bounds = match item {
                    Item::Text(text) => text.bounds(),
                    Item::Line(line) => line_bounds(&line.points),
                    Item::Shape(shape) => shape.shape.bounds(),
                };
                if self.zone(&bounds) != zone {
                    continue;
                }
                let on_screen = self.screen_rect(&bounds.grown(2.0));
                if !on_screen.intersects(clip) {
                    continue;
                }
                self.item(&painter, zone, item);
            }
        }
    }

    fn item(&self, painter: &Painter, zone: Zone, item: &Item) {
        match item {
            Item::Text(text) => {
                let galley = painter.layout_no_wrap(
                    text.text.clone(),
                    FontId::new(text.size, super::style::family(&text.text, text.bold)),
                    color(text.color, 1.0),
                );
                let baseline = galley
                    .rows
                    .first()
                    .and_then(|row| row.row.glyphs.first())
                    .map_or(text.size * 0.8, |glyph| glyph.pos.y);
                let width = galley.size().x;
                let dx = match text.anchor {
                    Anchor::Start => 0.0,
                    Anchor::Middle => width / 2.0,
                    Anchor::End => width,
                };
                let at = self.pos(zone, (text.x, text.y)) - vec2(dx, baseline);
                painter.galley(at, galley, color(text.color, 1.0));
            }
            Item::Line(line) => {
                let points: Vec<Pos2> = line.points.iter().map(|&p| self.pos(zone, p)).collect();
                let stroke = Stroke::new(line.width, color(line.color, 1.0));
                match line.dash {
                    Some((dash, gap)) => {
                        painter.extend(Shape::dashed_line(&points, stroke, dash, gap));
                    }
                    None => {
                        painter.add(Shape::line(points, stroke));
                    }
                }
            }
            Item::Shape(filled) => {
                let fill = filled
                    .fill
                    .map_or(Color32::TRANSPARENT, |(c, opacity)| color(c, opacity));
                let stroke = filled
                    .stroke
                    .map_or(Stroke::NONE, |(c, width)| Stroke::new(width, color(c, 1.0)));
                match &filled.shape {
                    crate::chart::scene::Shape::Rect(bounds) => {
                        let rect = self.screen_rect(bounds);
                        painter.rect(rect, 0.0, fill, stroke, StrokeKind::Middle);
                    }
                    crate::chart::scene::Shape::Circle { cx, cy, r } => {
                        painter.circle(self.pos(zone, (*cx, *cy)), *r, fill, stroke);
                    }
                    crate::chart::scene::Shape::Polygon(points) => {
                        let points = points.iter().map(|&p| self.pos(zone, p)).collect();
                        painter.add(Shape::convex_polygon(points, fill, stroke));
                    }
                }
            }
        }
    }

    /// Names the scene's key for screen readers (and tests): each entry
    /// of the key in view is a label, as the window's own labels are.
    pub fn label_key(&self, ui: &egui::Ui, scene: &Scene) {
        self.label_texts(ui, scene, Role::Key);
    }

    /// Names the user's notes and labels in view for screen readers (and
    /// tests), as [`Self::label_key`] names the key.
    pub fn label_notes(&self, ui: &egui::Ui, scene: &Scene) {
        self.label_texts(ui, scene, Role::Note);
    }

    fn label_texts(&self, ui: &egui::Ui, scene: &Scene, role: Role) {
        for (i, text) in scene.texts().filter(|t| t.role == role).enumerate() {
            let Some(rect) = self.visible_rect(&text.bounds()) else {
                continue;
            };
            let id = ui.scope_id().with(("scene_text", role_salt(role), i));
            let response = ui.interact(rect, id, egui::Sense::hover());
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &text.text));
        }
    }
}

/// A role as a salt for its texts' ids.
fn role_salt(role: Role) -> u8 {
    match role {
        Role::Key => 0,
        _ => 1,
    }
}

/// A scene's colour as egui's, at an opacity.
pub fn color(rgb: Rgb, opacity: f32) -> Color32 {
    let solid = Color32::from_rgb(rgb.0, rgb.1, rgb.2);
    if opacity >= 1.0 {
        solid
    } else {
        solid.gamma_multiply(opacity.max(0.0))
    }
}

/// The box around a line's points.
fn line_bounds(points: &[(f32, f32)]) -> Bounds {
    crate::chart::scene::Shape::Polygon(points.to_vec()).bounds()
}

/// The page a chart is painted on in the window: light or dark, as the
/// window is.
pub fn paper(ui: &egui::Ui) -> crate::chart::Paper {
    if ui.visuals().dark_mode {
        crate::chart::Paper::Dark
    } else {
        crate::chart::Paper::Light
    }
}

/// A mark's box made at least `side` points square around its centre, so a
/// small mark is easy to point at.
pub fn at_least(rect: Rect, side: f32) -> Rect {
    Rect::from_center_size(rect.center(), rect.size().max(vec2(side, side)))
}
