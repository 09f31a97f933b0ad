//! A presentation on screen: the window full screen, one slide filling it
//! (its view's chart scene laid out at the screen's size, painted by
//! [`super::scene_painter`] as the window paints any scene, in the
//! window's theme), the counter in the band below the footer, the keys
//! (arrows, Page Up and Down, Space, Home, End, Esc) and the mouse (a
//! click for the next slide, a right click for the one before).

use egui::{Key, Modifiers, Rect, pos2, vec2};

use super::present::{PresentCommand, Step};
use super::state::AppState;
use super::{Commands, PanelContext, SessionCommand};
use crate::chart::scene::Item;
use crate::i18n::{T, fill};
use crate::view::{presentation, saved};

/// Draws the frame while a presentation is on screen, and carries out what
/// it asks; `false` (and nothing drawn) when none is. Also asks the window
/// to go full screen when a presentation starts, and to come back as it
/// was when it ends.
pub(super) fn frame(state: &mut AppState, ui: &mut egui::Ui, ctx: &egui::Context) -> bool {
    sync_viewport(state, ctx);
    if !state.session.presentation.is_showing() {
        return false;
    }
    let mut commands = Commands::default();
    let cx = state.panel_context();
    keys(ctx, &mut commands);
    slide_ui(&cx, ui, &mut commands);
    for command in commands {
        state.apply(command);
    }
    // The frame after the last slide's Esc draws the window again.
    if !state.session.presentation.is_showing() {
        ctx.request_repaint();
    }
    true
}

/// Full screen on starting (remembering how the window was), and back as
/// it was on leaving.
fn sync_viewport(state: &mut AppState, ctx: &egui::Context) {
    let deck = &mut state.session.presentation;
    if let Some(showing) = &mut deck.showing
        && showing.was_fullscreen.is_none()
    {
        let was = ctx.input(|i| i.viewport().fullscreen).unwrap_or(false);
        showing.was_fullscreen = Some(was);
        if !was {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
        }
    }
    if let Some(was) = deck.restore_fullscreen.take()
        && !was
    {
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
    }
}

/// The presentation's keys, taken before anything else sees them.
fn keys(ctx: &egui::Context, commands: &mut Commands) {
    const KEYS: [(Key, PresentCommand); 13] = [
        (Key::ArrowRight, PresentCommand::Go(Step::Next)),
        (Key::ArrowDown, PresentCommand::Go(Step::Next)),
        (Key::PageDown, PresentCommand::Go(Step::Next)),
        (Key::Space, PresentCommand::Go(Step::Next)),
        (Key::Enter, PresentCommand::Go(Step::Next)),
        (Key::N, PresentCommand::Go(Step::Next)),
        (Key::ArrowLeft, PresentCommand::Go(Step::Previous)),
        (Key::ArrowUp, PresentCommand::Go(Step::Previous)),
        (Key::PageUp, PresentCommand::Go(Step::Previous)),
        (Key::Backspace, PresentCommand::Go(Step::Previous)),
        (Key::P, PresentCommand::Go(Step::Previous)),
        (Key::Home, PresentCommand::Go(Step::First)),
        (Key::End, PresentCommand::Go(Step::Last)),
    ];
    ctx.input_mut(|input| {
        for (key, command) in KEYS {
            while input.consume_key(Modifiers::NONE, key) {
                commands.push(SessionCommand::Present(command.clone()));
            }
        }
        if input.consume_key(Modifiers::NONE, Key::Escape) {
            commands.push(SessionCommand::Present(PresentCommand::Stop));
        }
        // Letters and space were keys, not text for anything behind.
        input.events.retain(|e| !matches!(e, egui::Event::Text(_)));
    });
}

/// The slide on screen, filling the window.
fn slide_ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, commands: &mut Commands) {
    let lang = cx.session.lang();
    let deck = &cx.session.presentation;
    let Some(showing) = deck.showing else {
        return;
    };
    let Some(view) = deck.slides.get(showing.index) else {
        commands.push(SessionCommand::Present(PresentCommand::Stop));
        return;
    };
    egui::CentralPanel::default()
        .frame(egui::Frame::NONE)
        .show(ui, |ui| {
            let screen = ui.max_rect();
            let paper = super::scene_painter::paper(ui);
            let page = presentation::slide_page(screen.width(), screen.height(), paper);
            // Fitted to the dataset as it is now, each frame: a reload
            // while presenting shows the new figures.
            let read = saved::Read {
                view: view.clone(),
                notes: Vec::new(),
            };
            let resolved = saved::resolve(&read, &cx.doc.dataset, cx.doc.districts());
            let mut scene = presentation::slide_scene(&cx.doc.dataset, &resolved, &page);
            let counter =
                presentation::counter(&scene, &page, showing.index + 1, deck.slides.len(), lang);
            scene.items.push(Item::Text(counter));
            let painter = ui.painter();
            painter.rect_filled(
                screen,
                0.0,
                super::scene_painter::color(scene.background, 1.0),
            );
            let rect = Rect::from_center_size(screen.center(), vec2(page.width, page.height));
            let placement = super::scene_painter::Placement::new(
                &scene,
                rect,
                Rect::from_min_size(pos2(0.0, 0.0), rect.size()),
            );
            placement.paint(painter, &scene);
            let response = ui.interact(
                screen,
                ui.scope_id().with("presentation_slide"),
                egui::Sense::click(),
            );
            let label = fill(
                lang,
                T::SlideLabel,
                &[&(showing.index + 1), &deck.slides.len(), &scene.title],
            );
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
            if response.clicked() {
                commands.push(SessionCommand::Present(PresentCommand::Go(Step::Next)));
            }
            if response.secondary_clicked() {
                commands.push(SessionCommand::Present(PresentCommand::Go(Step::Previous)));
            }
        });
}
