//! One frame of the window: the panels laid out, background work looked
//! at, and the commands of the frame carried out in order.

use super::commands::{Command, Commands, DocCommand, SessionCommand};
use super::loading::Trigger;
use super::messages::Note;
use super::state::{AppState, BottomTab, PanelContext, SearchScope};
use super::{
    changes_panel, charts_panel, check_panel, details_panel, dialogs, doc_search_panel,
    problems_panel, review_dialogs, review_panel, source_viewer, top_bar, tree_panel,
};
use crate::i18n::{Lang, T, fill, tr};
use crate::watch::Seen;

impl AppState {
    /// Draws the whole window and carries out what the user asked.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        // egui follows the system's theme by default; a forced choice is
        // applied here so it also holds on the first frame after a restart.
        // This frame was laid out with the old style, so one more is drawn
        // at once with the new one.
        if ctx.options(|o| o.theme_preference) != self.session.settings.theme {
            ctx.set_theme(self.session.settings.theme);
            ctx.request_repaint();
        }
        // Background work first, so this frame's clicks act on the
        // document they were made on.
        // Jobs wake the window when they have news; a load is also looked
        // at each second, for the status line's running time.
        self.poll_load();
        if self.load_job.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_secs(1));
        }
        super::briefing_dialog::poll(self);
        self.poll_import();
        self.tick_watch(&ctx);
        // A search in the documents is made again on a new document.
        let search = &self.session.doc_search;
        if search.scope == SearchScope::Documents && search.generation != self.doc.generation {
            let query = search.result.query.clone();
            self.apply(super::SessionCommand::SearchDocuments(query));
        }
        if let Some(image) = self.pending_copy.take() {
            ctx.copy_image(image);
        }
        // A presentation on screen takes the whole window and its keys.
        if super::present_slide::frame(self, ui, &ctx) {
            return;
        }
        let mut commands = Commands::default();
        keyboard_shortcuts(self, &ctx, &mut commands);
        // The panels see the state read-only; the dialog is theirs to edit.
        let (cx, dialog) = self.panel_context_and_dialog();
        // The review's keys, or the viewer's n, p and Esc, before the
        // tree's type-ahead sees them.
        if cx.review.is_some() {
            review_panel::keys(&cx, &ctx, &mut commands);
        } else {
            source_viewer::keys(&cx, &ctx, &mut commands);
        }
        draw_ui(&cx, ui, &mut commands);
        dialogs::ui(&cx, &ctx, dialog, &mut commands);
        drop_overlay(&ctx, cx.session.lang());
        super::focus::paint_ring(&ctx);
        // Loads come last; clicks made after a new document arrived are
        // dropped if they point into the old one.
        files_dropped(&ctx, &mut commands);
        let generation = self.doc.generation;
        for command in commands {
            // A document command made against the document a load has
            // just replaced would point at the wrong records; so would a
            // place in one of its sources.
            if self.doc.generation != generation
                && matches!(
                    command,
                    Command::Doc(_) | Command::Session(SessionCommand::OpenSource(_))
                )
            {
                continue;
            }
            self.apply(command);
        }
    }

    /// Looks at the watched file as its watch asks; a settled change is
    /// loaded, a file gone is said once (the data on screen stays, and it
    /// reloads when the file comes back).
    fn tick_watch(&mut self, ctx: &egui::Context) {
        let Some(watch) = &mut self.watch else {
            return;
        };
        let (seen, again) = watch.tick(ctx.input(|i| i.time));
        if let Some(after) = again {
            ctx.request_repaint_after(after);
        }
        let path = watch.path().to_owned();
        match seen {
            Seen::Nothing => {}
            Seen::Changed => self.start_load(&path, Trigger::Watch),
            Seen::Gone => self.session.status = Some(Note::FileGone(path)),
        }
    }
}

/// The panels, each from the frame's context.
fn draw_ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, commands: &mut Commands) {
    let lang = cx.session.lang();
    egui::Panel::top("menu_bar").show(ui, |ui| top_bar::menu_ui(cx, ui, commands));
    // The filters are the tree's and the charts': the review has neither.
    if cx.review.is_none() {
        egui::Panel::top("top_bar").show(ui, |ui| top_bar::ui(cx, ui, commands));
    }
    if cx.session.resume_offer.is_some() {
        egui::Panel::top("resume_offer").show(ui, |ui| review_dialogs::offer_ui(cx, ui, commands));
    }
    if let Some(banner) = &cx.session.banner {
        egui::Panel::top("banner").show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(ui.visuals().warn_fg_color, banner.text(lang));
                if ui.button(tr(lang, T::Dismiss)).clicked() {
                    commands.push(SessionCommand::DismissBanner);
                }
            });
        });
    }
    egui::Panel::bottom("status_bar").show(ui, |ui| status_ui(cx, ui, commands));
    // A draft under review takes the place of the tree, the charts and the
    // details (and of the problems and changes of the dataset behind it)
    // until it is saved or closed.
    if cx.review.is_some() {
        review_panel::ui(cx, ui, commands);
        return;
    }
    bottom_area_ui(cx, ui, commands);
    // The side panels give way on a narrow window, so the charts keep
    // at least about 40% of the width. With the views panel open there
    // are three of them, and the tree gives it room: at 1280 pixels
    // across the charts had a fifth of the width, and the line chart was
    // cut at the details' edge.
    let width = ui.available_width();
    let tree_share = if cx.session.views.panel { 0.22 } else { 0.35 };
    tree_width_across_views(ui, cx.session.views.panel);
    // The draft check takes the tree's place while it is open: its
    // records open in the details, their sources in the middle.
    if cx.session.check.open {
        egui::Panel::left("check")
            .resizable(true)
            .default_size((width * 0.36).max(420.0_f32.min(width * 0.4)))
            .size_range(280.0..=(width * 0.5).max(280.0))
            .show(ui, |ui| check_panel::ui(cx, ui, commands));
    } else {
        egui::Panel::left("tree")
            .resizable(true)
            .default_size((width * 0.25).max(380.0_f32.min(width * 0.3)))
            // Its heading and two buttons need 290 points.
            .size_range(200.0..=(width * tree_share).max(290.0))
            .show(ui, |ui| {
                if cx.session.doc_search.scope == SearchScope::Documents
                    && cx.session.doc_search.result.is_asked()
                {
                    doc_search_panel::ui(cx, ui, commands);
                } else {
                    tree_panel::ui(cx, ui, commands);
                }
            });
    }
    if cx.session.views.panel {
        egui::Panel::right("views")
            .resizable(true)
            // Narrower than 240 points its rows of buttons would not fit.
            .default_size(300.0_f32.min(width * 0.2).max(240.0))
            .size_range(240.0..=(width * 0.3).max(240.0))
            .show(ui, |ui| super::views_panel::ui(cx, ui, commands));
    }
    // Below 1200 points across, three side panels would leave the charts a
    // sliver (a ninth of a 900-point window): the Views panel then takes
    // the details' place until it is closed.
    if !(cx.session.views.panel && width < VIEWS_WITH_DETAILS) {
        egui::Panel::right("details")
            .resizable(true)
            .default_size(340.0_f32.min(width * 0.27))
            .size_range(200.0..=(width * 0.3).max(200.0))
            .show(ui, |ui| details_panel::ui(cx, ui, commands));
    }
    // A document open in the source viewer takes the charts' place until
    // it is closed.
    egui::CentralPanel::default().show(ui, |ui| {
        if cx.session.source.is_some() {
            source_viewer::ui(cx, ui, commands);
        } else {
            charts_panel::ui(cx, ui, commands);
        }
    });
}

/// The tree panel gives the Views panel room while it is open; egui keeps
/// a panel's width as it last was, so the tree stayed narrow after the
/// Views panel closed. Its width from before is kept while the Views panel
/// is open, and put back when it closes.
fn tree_width_across_views(ui: &egui::Ui, views_open: bool) {
    let tree = ui.scope_id().with_salt(egui::IdSalt::new("tree"));
    let before = egui::Id::unique("tree_width_before_views");
    let kept: Option<f32> = ui.data(|d| d.get_temp(before));
    match (views_open, kept) {
        (true, None) => {
            if let Some(state) = egui::containers::panel::PanelState::load(ui.ctx(), tree) {
                ui.data_mut(|d| d.insert_temp(before, state.outer_rect.width()));
            }
        }
        (false, Some(width)) => {
            if let Some(mut state) = egui::containers::panel::PanelState::load(ui.ctx(), tree) {
                state.outer_rect.set_width(width);
                ui.data_mut(|d| d.insert_persisted(tree, state));
            }
            ui.data_mut(|d| d.remove::<f32>(before));
        }
        _ => {}
    }
}

/// The narrowest window, in points, that shows the Views panel beside the
/// details rather than in their place.
const VIEWS_WITH_DETAILS: f32 = 1200.0;

/// The problems and the change summary share one area below the charts,
/// with a tab each when both are open. It opens tall enough to read a
/// dozen lines and never takes more than half the height between the top
/// bars and the status line, so the charts keep at least the other half.
fn bottom_area_ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, commands: &mut Commands) {
    let lang = cx.session.lang();
    // Why a file did not load, or the proof's problems of the dataset on
    // screen.
    let problems = problems_panel::is_open(cx).then(|| problems_panel::count(cx));
    let changes = cx.doc.changes.as_ref();
    if problems.is_none() && changes.is_none() {
        return;
    }
    let height = ui.available_height();
    egui::Panel::bottom("bottom_area")
        .resizable(true)
        .default_size(260.0_f32.min(height * 0.4))
        .size_range(80.0_f32.min(height * 0.5)..=(height * 0.5).max(40.0))
        .show(ui, |ui| {
            let tab = match (problems, changes) {
                (Some(count), Some(changes)) => {
                    let mut tab = cx.session.bottom_tab;
                    ui.horizontal(|ui| {
                        ui.selectable_value(
                            &mut tab,
                            BottomTab::Problems,
                            fill(lang, T::ProblemsTab, &[&count]),
                        );
                        let count = changes.changes.len();
                        ui.selectable_value(
                            &mut tab,
                            BottomTab::Changes,
                            fill(lang, T::ChangesTab, &[&count]),
                        );
                    });
                    if tab != cx.session.bottom_tab {
                        commands.push(SessionCommand::ShowBottomTab(tab));
                    }
                    ui.separator();
                    tab
                }
                (Some(_), None) => BottomTab::Problems,
                (None, _) => BottomTab::Changes,
            };
            match tab {
                BottomTab::Problems => problems_panel::ui(cx, ui, commands),
                BottomTab::Changes => changes_panel::ui(cx, ui, commands),
            }
        });
}

/// The status line: the last thing done, or a load's progress with Cancel.
fn status_ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, commands: &mut Commands) {
    let lang = cx.session.lang();
    ui.horizontal(|ui| {
        if let Some(job) = cx.importing {
            if ui.button(tr(lang, T::Cancel)).clicked() {
                commands.push(SessionCommand::CancelImport);
            }
            ui.add(egui::Spinner::new());
            let text = job.status(lang);
            ui.add(egui::Label::new(egui::RichText::new(&text).small()).truncate())
                .on_hover_text(text);
            return;
        }
        if let Some(job) = cx.loading {
            if ui
                .button(tr(lang, T::Cancel))
                .on_hover_text("Esc")
                .clicked()
            {
                commands.push(SessionCommand::CancelLoad);
            }
            let (text, fraction) =
                super::loading::status_line(&job.path, job.progress(), job.elapsed(), lang);
            // A bar while the share read is known, a spinner after.
            match fraction {
                Some(fraction) => {
                    ui.add(egui::ProgressBar::new(fraction).desired_width(160.0));
                }
                None => {
                    ui.add(egui::Spinner::new());
                }
            }
            ui.add(egui::Label::new(egui::RichText::new(&text).small()).truncate())
                .on_hover_text(text);
            return;
        }
        let status = cx
            .session
            .status
            .as_ref()
            .map_or_else(|| tr(lang, T::Ready).to_owned(), |note| note.text(lang));
        ui.add(egui::Label::new(egui::RichText::new(&status).small()).truncate())
            .on_hover_text(status);
    });
}

/// Alt+Left / Alt+Right walk the selection history; Ctrl+O opens, Ctrl+R
/// reloads, Ctrl+E exports; Ctrl+S saves a view, Ctrl+Shift+O opens one.
fn keyboard_shortcuts(state: &AppState, ctx: &egui::Context, commands: &mut Commands) {
    // While a text field has the keyboard, Alt+arrows are the field's
    // (word moves on macOS); while a dialog is open, its edits are kept.
    let typing = ctx.egui_wants_keyboard_input();
    let dialog_open = state.dialog.is_some();
    ctx.input_mut(|input| {
        if !typing {
            if input.consume_shortcut(&egui::KeyboardShortcut::new(
                egui::Modifiers::ALT,
                egui::Key::ArrowLeft,
            )) {
                commands.push(DocCommand::Back);
            }
            if input.consume_shortcut(&egui::KeyboardShortcut::new(
                egui::Modifiers::ALT,
                egui::Key::ArrowRight,
            )) {
                commands.push(DocCommand::Forward);
            }
        }
        if dialog_open {
            return;
        }
        // Escape stops a load in progress.
        // (Not while typing: there Escape leaves the field.)
        if !typing
            && state.load_job.is_some()
            && input.consume_key(egui::Modifiers::NONE, egui::Key::Escape)
        {
            commands.push(SessionCommand::CancelLoad);
        }
        // Ctrl+Shift+O before Ctrl+O, which would take it too.
        if input.consume_key(
            egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
            egui::Key::O,
        ) {
            commands.push(SessionCommand::OpenViewDialog);
        }
        if input.consume_key(egui::Modifiers::COMMAND, egui::Key::O) {
            commands.push(SessionCommand::OpenDatasetDialog);
        }
        if input.consume_key(egui::Modifiers::COMMAND, egui::Key::R) {
            commands.push(SessionCommand::Reload);
        }
        if input.consume_key(egui::Modifiers::COMMAND, egui::Key::E) {
            commands.push(SessionCommand::OpenExportDialog);
        }
        if input.consume_key(egui::Modifiers::COMMAND, egui::Key::S) {
            commands.push(SessionCommand::OpenSaveViewDialog);
        }
        if input.consume_key(egui::Modifiers::COMMAND, egui::Key::M) {
            commands.push(SessionCommand::OpenAnnotateDialog);
        }
        if input.consume_key(egui::Modifiers::COMMAND, egui::Key::K) {
            commands.push(SessionCommand::Check(super::check::CheckCommand::Open));
        }
        // F5 presents from the first slide, Shift+F5 from the one chosen
        // (Shift first: a pattern with no modifiers matches a shifted key).
        for (modifiers, from_chosen) in [
            (egui::Modifiers::SHIFT, true),
            (egui::Modifiers::NONE, false),
        ] {
            if input.consume_key(modifiers, egui::Key::F5) {
                let start = super::present::PresentCommand::Start { from_chosen };
                commands.push(SessionCommand::Present(start));
            }
        }
    });
}

/// A file dropped on the window is opened: a document (.txt, .docx,
/// .pdf, .html) is imported, anything else loads as a dataset.
fn files_dropped(ctx: &egui::Context, commands: &mut Commands) {
    let dropped = ctx.input(|i| i.raw.dropped_files.clone());
    if let Some(path) = dropped.first().map(|f| f.path().to_path_buf()) {
        if crate::import::DocumentKind::of_path(&path).is_some() {
            commands.push(SessionCommand::Review(super::ReviewCommand::Import {
                document: path,
                replace: false,
            }));
        } else {
            commands.push(SessionCommand::OpenFile(path));
        }
    }
}

/// While a file is dragged over the window, says what will load.
fn drop_overlay(ctx: &egui::Context, lang: Lang) {
    let hovered = ctx.input(|i| i.raw.hovered_files.clone());
    let Some(file) = hovered.first() else {
        return;
    };
    let name = file
        .path
        .as_ref()
        .map_or_else(|| "the file".to_owned(), |p| p.display().to_string());
    let document = file
        .path
        .as_deref()
        .is_some_and(|p| crate::import::DocumentKind::of_path(p).is_some());
    let text = fill(
        lang,
        if document {
            T::DropToImport
        } else {
            T::DropToOpen
        },
        &[&name],
    );
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop_overlay"),
    ));
    let screen = ctx.content_rect();
    painter.rect_filled(screen, 0.0, egui::Color32::from_black_alpha(180));
    painter.text(
        screen.center(),
        egui::Align2::CENTER_CENTER,
        text,
        egui::FontId::proportional(22.0),
        egui::Color32::WHITE,
    );
}
