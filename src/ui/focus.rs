//! The keyboard focus made visible: a ring round the focused widget
//! while the keyboard moves the focus, as a browser's `:focus-visible`.
//!
//! egui's own cue for a focused widget is faint or missing: a frameless
//! button or a menu entry looks the same focused or not, and a link is only
//! underlined. Someone going round the window with Tab needs to see where
//! they are, so after the panels are drawn a ring is painted round the
//! focused widget. A mouse press hides it again (a clicked text field has
//! its own cue), and widgets that draw a focus cue of their own (the
//! charts, whose focused mark is ringed) say so and are left alone.

use egui::{Context, Event, Id, Key, Rect, Stroke, StrokeKind};

/// Whether the focus ring is shown: set by a key that moves the focus,
/// cleared by a pointer press. Pure, so its rule is tested as data.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Visible(pub bool);

impl Visible {
    /// The state after a frame whose input held `events`.
    #[must_use]
    pub fn after(self, events: &[Event]) -> Self {
        events.iter().fold(self, |visible, event| match event {
            Event::Key {
                key: Key::Tab | Key::ArrowUp | Key::ArrowDown | Key::ArrowLeft | Key::ArrowRight,
                pressed: true,
                ..
            } => Self(true),
            Event::PointerButton { pressed: true, .. } | Event::Touch { .. } => Self(false),
            _ => visible,
        })
    }
}

fn state_id() -> Id {
    Id::unique("plan_explorer_focus_visible")
}

fn own_ring_id() -> Id {
    Id::unique("plan_explorer_focus_own_ring")
}

/// Says that the widget `id` draws its own focus cue this frame, so the
/// ring is not drawn round it too.
pub fn draws_own_ring(ctx: &Context, id: Id) {
    ctx.data_mut(|d| d.insert_temp(own_ring_id(), Some(id)));
}

/// Where the ring goes round the widget `id` this frame, if anywhere:
/// only while the keyboard moves the focus, and not round a widget that
/// draws its own cue. (Tests read it to check the ring follows the focus.)
#[must_use]
pub fn ring_rect(ctx: &Context) -> Option<Rect> {
    ctx.data(|d| d.get_temp::<Option<Rect>>(state_id().with("rect")))
        .flatten()
}

/// Updates the state from this frame's input and paints the ring round the
/// focused widget. Call once a frame, after every panel and window.
pub fn paint_ring(ctx: &Context) {
    let before = ctx
        .data(|d| d.get_temp::<Visible>(state_id()))
        .unwrap_or_default();
    let visible = ctx.input(|i| before.after(&i.events));
    let own = ctx
        .data_mut(|d| d.remove_temp::<Option<Id>>(own_ring_id()))
        .flatten();
    let focused = ctx.memory(egui::Memory::focused);
    let rect = match focused {
        Some(id) if visible.0 && own != Some(id) => ctx
            .read_response(id)
            .map(|response| (response.layer_id, response.rect, response.interact_rect))
            .filter(|(_, _, shown)| shown.is_positive()),
        _ => None,
    };
    ctx.data_mut(|d| {
        d.insert_temp(state_id(), visible);
        d.insert_temp(state_id().with("rect"), rect.map(|(_, r, _)| r));
    });
    let Some((layer, rect, shown)) = rect else {
        return;
    };
    // The ring is in the widget's own layer, so a window over it hides it,
    // and clipped to just round what of the widget is scrolled into view.
    let painter = ctx.layer_painter(layer).with_clip_rect(shown.expand(3.0));
    let colour = ctx.global_style().visuals.selection.stroke.color;
    painter.rect_stroke(
        rect.expand(1.0),
        3.0,
        Stroke::new(2.0, colour),
        StrokeKind::Outside,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(key: Key) -> Event {
        Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        }
    }

    fn click() -> Event {
        Event::PointerButton {
            pos: egui::pos2(1.0, 1.0),
            button: egui::PointerButton::Primary,
            pressed: true,
            modifiers: egui::Modifiers::NONE,
        }
    }

    #[test]
    fn tab_and_the_arrows_show_the_ring_and_a_press_hides_it() {
        let hidden = Visible::default();
        assert_eq!(hidden.after(&[key(Key::Tab)]), Visible(true));
        assert_eq!(hidden.after(&[key(Key::ArrowDown)]), Visible(true));
        assert_eq!(Visible(true).after(&[click()]), Visible(false));
        // The last of a frame's events wins.
        assert_eq!(hidden.after(&[click(), key(Key::Tab)]), Visible(true));
        assert_eq!(hidden.after(&[key(Key::Tab), click()]), Visible(false));
    }

    #[test]
    fn typing_and_releases_leave_it_as_it_was() {
        let typed = [
            key(Key::A),
            Event::Text("a".into()),
            Event::PointerMoved(egui::pos2(3.0, 3.0)),
        ];
        assert_eq!(Visible(true).after(&typed), Visible(true));
        assert_eq!(Visible(false).after(&typed), Visible(false));
        let release = Event::Key {
            key: Key::Tab,
            physical_key: None,
            pressed: false,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        };
        assert_eq!(Visible(false).after(&[release]), Visible(false));
    }
}
