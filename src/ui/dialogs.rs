//! The Open and Export dialogs. Both offer a path field, so they work
//! where the platform has no native file dialog (Linux without an XDG
//! desktop portal or zenity, where rfd shows nothing and returns nothing):
//! there the Browse button says so instead of doing nothing.

use crate::i18n::{Lang, T, fill, tr};
use std::path::PathBuf;

use super::export::{self, ImageOptions};
use super::{Commands, ExportRequest, PanelContext, SessionCommand, briefing_dialog};
use crate::chart::Format;
use crate::chart::spec::{MAX_SIDE, MIN_SIDE, Paper, Preset};
use crate::view::charts::ChartId;

/// The dialogs.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    /// Open a dataset: a path field, Browse, the recent files.
    Open(OpenDialog),
    /// Export a chart.
    Export(ExportDialog),
    /// Export a briefing.
    Briefing(briefing_dialog::BriefingDialog),
    /// Import a document: a path field and Browse, as Open has.
    Import(OpenDialog),
    /// A draft of the document to import is there already.
    DraftExists(super::review_dialogs::DraftExistsDialog),
    /// Save the review as a new edition.
    SaveEdition(super::review_dialogs::SaveEditionDialog),
    /// Save what is on screen as a view.
    SaveView(super::views_panel::SaveViewDialog),
    /// Open a view file: a path field and Browse, as Open has.
    OpenView(OpenDialog),
    /// Annotate the chart.
    Annotate(super::annotate_dialog::AnnotateDialog),
    /// Open a draft to check: a path field and Browse, as Open has.
    CheckDraft(OpenDialog),
    /// Save, open, export or brief the presentation.
    Presentation(super::present_panel::PresentationDialog),
}

/// The Open dialog's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OpenDialog {
    /// The path typed or chosen.
    pub path: String,
    /// The app's own file picker, when Browse opened it (where the
    /// platform has no file dialog).
    pub picker: Option<super::file_picker::Picker>,
    /// Why the last try failed (a document that could not be read).
    pub message: Option<super::Note>,
}

/// What the Open dialog's path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Purpose {
    /// A dataset to open.
    Dataset,
    /// A document to import.
    Document,
    /// A saved view to show.
    View,
    /// A draft to check against the data.
    Draft,
}

impl Purpose {
    /// What choosing `path` asks for.
    fn command(self, path: PathBuf) -> super::Command {
        match self {
            Self::Dataset => SessionCommand::OpenFile(path).into(),
            Self::Document => SessionCommand::Review(super::ReviewCommand::Import {
                document: path,
                replace: false,
            })
            .into(),
            Self::View => SessionCommand::OpenView(path).into(),
            Self::Draft => SessionCommand::Check(super::check::CheckCommand::OpenFile(path)).into(),
        }
    }

    /// What the dialog is for, in words: for an import, where the plan
    /// will go.
    fn intro_ui(self, cx: &PanelContext<'_>, ui: &mut egui::Ui) {
        let lang = cx.session.lang();
        match self {
            Self::Dataset => {
                ui.label(tr(lang, T::OpenIntro));
            }
            Self::View => {
                ui.add(egui::Label::new(tr(lang, T::OpenViewIntro)).wrap());
            }
            Self::Document => {
                ui.add(egui::Label::new(tr(lang, T::ImportIntro)).wrap());
                match &cx.doc.path {
                    Some(path) => ui.weak(fill(lang, T::ImportInto, &[&path.display()])),
                    None => ui.weak(tr(lang, T::ImportOwn)),
                };
            }
            Self::Draft => {
                ui.add(egui::Label::new(tr(lang, T::CheckOpenIntro)).wrap());
            }
        }
    }
}

/// Browse: the platform's file dialog where there is one, else the app's
/// own picker, each showing the files the dialog is for.
fn browse_ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, dialog: &mut OpenDialog, purpose: Purpose) {
    let lang = cx.session.lang();
    if cx.session.native_dialogs && native_dialog_available() {
        let (filter, extensions): (_, &[&str]) = match purpose {
            Purpose::Dataset | Purpose::View => (T::FilterDataset, &["json"]),
            Purpose::Document => (T::FilterDocument, &crate::import::DocumentKind::EXTENSIONS),
            Purpose::Draft => (T::FilterDraft, &["docx", "txt", "md"]),
        };
        if ui.button(tr(lang, T::Browse)).clicked()
            && let Some(path) = rfd::FileDialog::new()
                .add_filter(tr(lang, filter), extensions)
                .pick_file()
        {
            dialog.path = path.display().to_string();
        }
    } else if dialog.picker.is_none() {
        // No file dialog here: Browse opens the app's own picker.
        if ui
            .button(tr(lang, T::Browse))
            .on_hover_text(tr(lang, T::OwnPickerHint))
            .clicked()
        {
            let kind = match purpose {
                Purpose::Dataset | Purpose::View => crate::view::picker::Filter::Datasets,
                Purpose::Document | Purpose::Draft => crate::view::picker::Filter::Documents,
            };
            dialog.picker = Some(super::file_picker::Picker::for_kind(
                &start_folder(cx, &dialog.path),
                kind,
            ));
        }
    }
}

/// The Export dialog's state.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportDialog {
    /// Which chart.
    pub chart: ChartId,
    /// Where to write; the extension chooses PNG or CSV.
    pub path: String,
    /// Size, scale and theme of a picture.
    pub image: export::ImageOptions,
    /// Whether the picture follows the window's theme (else light).
    pub current_theme: bool,
    /// Set when the file exists and the user must agree to replace it.
    pub confirm_replace: bool,
    /// The app's own picker for where to write, when Browse opened it.
    pub picker: Option<super::file_picker::Picker>,
}

/// Whether a native file dialog can be shown. On Linux rfd talks to the
/// XDG desktop portal over the session bus, or runs zenity; with neither it
/// returns nothing, which would look like a cancelled dialog.
pub fn native_dialog_available() -> bool {
    if !cfg!(target_os = "linux") {
        return true;
    }
    let has_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|v| !v.is_empty());
    let has_zenity = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("zenity").is_file()));
    has_bus || has_zenity
}

/// A fresh Open dialog: an empty path field (the open file is first in
/// the recent list below it).
pub fn open_dialog() -> Dialog {
    Dialog::Open(OpenDialog::default())
}

/// A fresh Open view file dialog: an empty path field.
pub fn open_view_dialog() -> Dialog {
    Dialog::OpenView(OpenDialog::default())
}

/// A fresh Import dialog: an empty path field.
pub fn import_dialog() -> Dialog {
    Dialog::Import(OpenDialog::default())
}

/// A fresh dialog to open a draft to check.
pub fn check_dialog() -> Dialog {
    Dialog::CheckDraft(OpenDialog::default())
}

/// A fresh Export dialog for the chart on screen.
pub fn export_dialog(cx: &PanelContext<'_>) -> Dialog {
    let folder = cx
        .doc
        .path
        .as_ref()
        .and_then(|p| p.parent())
        .map(PathBuf::from)
        // The built-in dataset has no folder: the home folder, not
        // wherever the app happened to be started (often `/`).
        .or_else(std::env::home_dir)
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default();
    let name = format!(
        "{}-{}.png",
        cx.session.settings.chart.id(),
        cx.doc.dataset.edition
    );
    Dialog::Export(ExportDialog {
        chart: cx.session.settings.chart,
        path: folder.join(name).display().to_string(),
        image: ImageOptions::default(),
        current_theme: false,
        confirm_replace: false,
        picker: None,
    })
}

/// Draws the open dialog, if any, editing it in place; what the user
/// asks of it (open this file, export that, close) goes into `commands`.
pub fn ui(
    cx: &PanelContext<'_>,
    ctx: &egui::Context,
    dialog: &mut Option<Dialog>,
    commands: &mut Commands,
) {
    let lang = cx.session.lang();
    let typing_id = egui::Id::unique("dialog_text_field_in_use");
    let Some(dialog) = dialog else {
        ctx.data_mut(|d| d.insert_temp(typing_id, false));
        return;
    };
    let mut open = true;
    let title = match dialog {
        Dialog::Open(_) => tr(lang, T::OpenDataset),
        Dialog::Export(_) => tr(lang, T::ExportChart),
        Dialog::Briefing(_) => tr(lang, T::ExportBriefing),
        Dialog::Import(_) => tr(lang, T::ImportDocument),
        Dialog::DraftExists(_) => tr(lang, T::DraftExistsTitle),
        Dialog::SaveEdition(_) => tr(lang, T::SaveEditionTitle),
        Dialog::SaveView(_) => tr(lang, T::SaveViewTitle),
        Dialog::OpenView(_) => tr(lang, T::OpenViewTitle),
        Dialog::Annotate(_) => tr(lang, T::AnnotateTitle),
        Dialog::CheckDraft(_) => tr(lang, T::CheckOpenTitle),
        Dialog::Presentation(d) => super::present_panel::title(d, lang),
    };
    // Escape first leaves a text field (egui takes its focus away before
    // the frame is drawn, so the last frame's state tells); only an Escape
    // with no field in use closes the dialog, so edits are not lost to a
    // key meant for the field.
    let typing = ctx.data(|d| d.get_temp(typing_id)).unwrap_or(false);
    egui::Window::new(title)
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| match dialog {
            Dialog::Open(open_state) => {
                open_ui(cx, ui, open_state, Purpose::Dataset, commands);
            }
            Dialog::Import(import_state) => {
                open_ui(cx, ui, import_state, Purpose::Document, commands);
            }
            Dialog::OpenView(open_state) => {
                open_ui(cx, ui, open_state, Purpose::View, commands);
            }
            Dialog::SaveView(save) => super::views_panel::save_ui(cx, ui, save, commands),
            Dialog::Annotate(annotate) => super::annotate_dialog::ui(cx, ui, annotate, commands),
            Dialog::CheckDraft(state) => open_ui(cx, ui, state, Purpose::Draft, commands),
            Dialog::DraftExists(exists) => {
                super::review_dialogs::draft_exists_ui(cx, ui, exists, commands);
            }
            Dialog::SaveEdition(save) => {
                super::review_dialogs::save_ui(cx, ui, save, commands);
            }
            Dialog::Export(export_state) => export_ui(cx, ui, export_state, commands),
            Dialog::Briefing(briefing_state) => {
                super::briefing_dialog::ui(cx, ui, briefing_state, commands);
            }
            Dialog::Presentation(d) => super::present_panel::dialog_ui(cx, ui, d, commands),
        });
    let escape =
        !typing && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
    let in_use = ctx.egui_wants_keyboard_input();
    ctx.data_mut(|d| d.insert_temp(typing_id, in_use));
    if !open || escape {
        commands.push(SessionCommand::CloseDialog);
    }
}

/// The Open dialog, or the Import dialog (the same path field, Browse and
/// picker, for a document): what the path is for says which.
fn open_ui(
    cx: &PanelContext<'_>,
    ui: &mut egui::Ui,
    dialog: &mut OpenDialog,
    purpose: Purpose,
    commands: &mut Commands,
) {
    let lang = cx.session.lang();
    let chosen_command = |path| purpose.command(path);
    purpose.intro_ui(cx, ui);
    // Whether the path field had the focus (last frame's answer: the
    // picker's keys come before the field, so Enter and Tab reach it).
    let focus_key = egui::Id::unique("open_dialog_path_focused");
    let field_focused = ui.data(|d| d.get_temp(focus_key)).unwrap_or(false);
    let mut chosen = match &mut dialog.picker {
        Some(picker) => {
            match super::file_picker::keys_ui(ui, picker, &mut dialog.path, field_focused) {
                super::file_picker::Picked::File(path) => Some(path),
                super::file_picker::Picked::Nothing => None,
            }
        }
        None => None,
    };
    let mut submit = false;
    let typed_before = dialog.path.clone();
    ui.horizontal(|ui| {
        let label = ui.label(tr(lang, T::Path));
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut dialog.path)
                    .desired_width(420.0)
                    // With the picker open, Tab completes the path (the
                    // picker takes it first) instead of moving the focus.
                    .lock_focus(dialog.picker.is_some()),
            )
            .labelled_by(label.id);
        if let Some(picker) = &mut dialog.picker {
            super::file_picker::after_field(ui, picker, &response, &dialog.path);
        }
        let focused = response.has_focus();
        ui.data_mut(|d| d.insert_temp(focus_key, focused));
        if !response.has_focus() && dialog.path.is_empty() && dialog.picker.is_none() {
            response.request_focus();
        }
        submit = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        browse_ui(cx, ui, dialog, purpose);
    });
    if dialog.path != typed_before {
        dialog.message = None;
    }
    if let Some(picker) = &mut dialog.picker {
        ui.separator();
        if let super::file_picker::Picked::File(path) = super::file_picker::body_ui(
            ui,
            picker,
            &mut dialog.path,
            &cx.session.settings.recent,
            lang,
        ) {
            chosen = Some(path);
        }
    } else if purpose == Purpose::Dataset && !cx.session.settings.recent.is_empty() {
        ui.separator();
        ui.label(tr(lang, T::RecentColon));
        for path in &cx.session.settings.recent {
            let label = super::top_bar::recent_label(cx, path);
            if ui.link(label).clicked() {
                commands.push(SessionCommand::CloseDialog);
                commands.push(SessionCommand::OpenFile(path.clone()));
            }
        }
    }
    if let Some(path) = chosen {
        commands.push(SessionCommand::CloseDialog);
        commands.push(chosen_command(path));
        return;
    }
    // Why the last try failed, until the path changes.
    if let Some(message) = &dialog.message {
        super::style::error_line(ui, message.text(lang));
    }
    ui.separator();
    ui.horizontal(|ui| {
        let path = dialog.path.trim();
        let button = match purpose {
            Purpose::Dataset | Purpose::View => T::OpenButton,
            Purpose::Document => T::ImportButton,
            Purpose::Draft => T::CheckRun,
        };
        if (ui
            .add_enabled(!path.is_empty(), egui::Button::new(tr(lang, button)))
            .clicked()
            || submit)
            && !path.is_empty()
        {
            let home = std::env::home_dir();
            let path = crate::view::picker::expand_home(path, home.as_deref());
            commands.push(SessionCommand::CloseDialog);
            commands.push(chosen_command(PathBuf::from(path)));
        }
        if ui.button(tr(lang, T::Cancel)).clicked() {
            commands.push(SessionCommand::CloseDialog);
        }
    });
}

/// Where the picker starts: the typed path's folder, else the open file's,
/// else the most recent file's, else home.
fn start_folder(cx: &PanelContext<'_>, typed: &str) -> PathBuf {
    let home = std::env::home_dir();
    let typed = PathBuf::from(crate::view::picker::expand_home(
        typed.trim(),
        home.as_deref(),
    ));
    let candidates = [
        Some(typed.clone()).filter(|p| p.is_dir()),
        typed.parent().map(PathBuf::from),
        cx.doc
            .path
            .as_ref()
            .and_then(|p| p.parent())
            .map(PathBuf::from),
        cx.session
            .settings
            .recent
            .first()
            .and_then(|p| p.parent())
            .map(PathBuf::from),
        home,
    ];
    crate::folders::first_folder(candidates)
}

fn export_ui(
    cx: &PanelContext<'_>,
    ui: &mut egui::Ui,
    dialog: &mut ExportDialog,
    commands: &mut Commands,
) {
    let lang = cx.session.lang();
    let (path_before, chart_before) = (dialog.path.clone(), dialog.chart);
    // The choices on the left, the preview of what they write on the right.
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            export_options_ui(cx, ui, dialog);
            if let Some(picker) = &mut dialog.picker {
                super::file_picker::save_body_ui(ui, &mut dialog.path, picker, lang);
            }
            ui.add(egui::Label::new(egui::RichText::new(tr(lang, T::ExtensionHint)).weak()).wrap());
        });
        dialog.image.theme = if dialog.current_theme && ui.ctx().theme() == egui::Theme::Dark {
            Paper::Dark
        } else {
            Paper::Light
        };
        ui.add_space(16.0);
        ui.vertical(|ui| preview_ui(cx, ui, dialog));
    });
    // "Replace?" was asked of one file: another file or chart asks again.
    if dialog.path != path_before || dialog.chart != chart_before {
        dialog.confirm_replace = false;
    }
    ui.separator();
    let path = PathBuf::from(dialog.path.trim());
    let request = |replace| ExportRequest {
        chart: dialog.chart,
        path: path.clone(),
        image: dialog.image,
        replace,
    };
    if dialog.confirm_replace {
        match confirm_replace_ui(ui, &path, lang) {
            Some(true) => commands.push(SessionCommand::Export(request(true))),
            Some(false) => dialog.confirm_replace = false,
            None => {}
        }
        return;
    }
    ui.horizontal(|ui| {
        if ui
            .add_enabled(
                !dialog.path.trim().is_empty(),
                egui::Button::new(tr(lang, T::ExportDo)),
            )
            .clicked()
        {
            commands.push(SessionCommand::Export(request(false)));
        }
        if ui
            .button(tr(lang, T::CopyImage))
            .on_hover_text(tr(lang, T::CopyImageHint))
            .clicked()
        {
            commands.push(SessionCommand::CopyImage(dialog.chart, dialog.image));
        }
        if ui.button(tr(lang, T::Cancel)).clicked() {
            commands.push(SessionCommand::CloseDialog);
        }
    });
    // What the last export or copy did (not what happened elsewhere).
    if let Some(message) = &cx.session.export_message {
        ui.weak(message.text(lang));
    }
}

/// Asks whether to replace the file at `path`: `Some(true)` to replace it,
/// `Some(false)` to keep it, `None` while the user has not answered.
pub fn confirm_replace_ui(ui: &mut egui::Ui, path: &std::path::Path, lang: Lang) -> Option<bool> {
    ui.colored_label(
        ui.visuals().warn_fg_color,
        fill(lang, T::ExistsReplace, &[&path.display()]),
    );
    ui.horizontal(|ui| {
        if ui.button(tr(lang, T::Replace)).clicked() {
            Some(true)
        } else if ui.button(tr(lang, T::KeepIt)).clicked() {
            Some(false)
        } else {
            None
        }
    })
    .inner
}

/// The path with a chart id in its file name (not its folders) swapped
/// for `chart`'s.
fn with_chart(path: &str, chart: ChartId) -> String {
    let path = std::path::Path::new(path);
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return path.display().to_string();
    };
    // The longest id first: none is part of another today, but a name
    // holding two should lose the one meant.
    let mut ids: Vec<&str> = ChartId::ALL.iter().map(|c| c.id()).collect();
    ids.sort_by_key(|id| std::cmp::Reverse(id.len()));
    for id in ids {
        if let Some(at) = name.find(id) {
            let mut renamed = name.clone();
            renamed.replace_range(at..at + id.len(), chart.id());
            return path.with_file_name(renamed).display().to_string();
        }
    }
    path.display().to_string()
}

/// The path with its extension set to `format`'s.
fn with_format(path: &str, format: Format) -> String {
    let text = path.trim();
    let path = std::path::Path::new(text);
    // A path with no file name (empty, or a folder) gets one.
    let named = if text.is_empty() || text.ends_with(std::path::MAIN_SEPARATOR) {
        path.join("chart")
    } else {
        path.to_owned()
    };
    named
        .with_extension(format.extension())
        .display()
        .to_string()
}

/// The format the path's extension names; PNG when it names none.
fn format_of(path: &str) -> Format {
    Format::of_path(std::path::Path::new(path.trim())).unwrap_or_default()
}

fn preset_name(preset: Preset, lang: Lang) -> &'static str {
    tr(
        lang,
        match preset {
            Preset::Slide => T::PresetSlide,
            Preset::HalfPage => T::PresetHalfPage,
            Preset::Square => T::PresetSquare,
            Preset::Custom => T::PresetCustom,
        },
    )
}

/// The Export dialog's choices: chart, format, size, scale, theme, file.
fn export_options_ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, dialog: &mut ExportDialog) {
    let lang = cx.session.lang();
    let format = format_of(&dialog.path);
    egui::Grid::new("export_grid")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            ui.label(tr(lang, T::Chart));
            ui.horizontal(|ui| {
                for chart in ChartId::ALL {
                    if ui
                        .selectable_label(
                            dialog.chart == chart,
                            crate::chart::chart_name(chart, lang),
                        )
                        .clicked()
                    {
                        dialog.chart = chart;
                        dialog.path = with_chart(&dialog.path, chart);
                    }
                }
            });
            ui.end_row();
            ui.label(tr(lang, T::FormatColon));
            ui.horizontal(|ui| {
                for choice in Format::ALL {
                    let name = choice.extension().to_ascii_uppercase();
                    if ui.selectable_label(format == choice, name).clicked() {
                        dialog.path = with_format(&dialog.path, choice);
                    }
                }
            });
            ui.end_row();
            size_rows_ui(ui, dialog, format, lang);
            ui.label(tr(lang, T::ThemeColon));
            ui.horizontal(|ui| {
                ui.radio_value(&mut dialog.current_theme, false, tr(lang, T::Light));
                ui.radio_value(&mut dialog.current_theme, true, tr(lang, T::AsTheWindow));
            });
            ui.end_row();
            ui.label("");
            ui.add_enabled(
                format == Format::Svg,
                egui::Checkbox::new(&mut dialog.image.outline_text, tr(lang, T::OutlineText)),
            )
            .on_hover_text(tr(lang, T::OutlineTextHint))
            .on_disabled_hover_text(tr(lang, T::OutlineTextHint));
            ui.end_row();
            let label = ui.label(tr(lang, T::FileColon));
            ui.horizontal(|ui| {
                ui.add(egui::TextEdit::singleline(&mut dialog.path).desired_width(340.0))
                    .labelled_by(label.id);
                let file_name = super::file_picker::file_name_of(&dialog.path);
                let pick = move || {
                    rfd::FileDialog::new()
                        .add_filter(tr(lang, T::FilterPng), &["png"])
                        .add_filter(tr(lang, T::FilterSvg), &["svg"])
                        .add_filter(tr(lang, T::FilterPdf), &["pdf"])
                        .add_filter(tr(lang, T::FilterCsv), &["csv"])
                        .set_file_name(file_name.clone())
                        .save_file()
                };
                let native = (cx.session.native_dialogs && native_dialog_available())
                    .then_some(&pick as &dyn Fn() -> Option<PathBuf>);
                if super::file_picker::save_browse_ui(
                    ui,
                    native,
                    &mut dialog.path,
                    &mut dialog.picker,
                    lang,
                ) {
                    dialog.confirm_replace = false;
                }
            });
            ui.end_row();
        });
}

/// The Export dialog's size rows: presets, a custom size, the PNG's scale.
/// Every row is always there, greyed out where it does not apply, so the
/// dialog keeps its shape (and its buttons their place).
fn size_rows_ui(ui: &mut egui::Ui, dialog: &mut ExportDialog, format: Format, lang: Lang) {
    ui.label(tr(lang, T::Size));
    ui.horizontal(|ui| {
        for preset in Preset::ALL {
            let name = match preset.size() {
                Some((w, h)) => format!("{} ({w}x{h})", preset_name(preset, lang)),
                None => preset_name(preset, lang).to_owned(),
            };
            if ui
                .selectable_label(dialog.image.preset == preset, name)
                .clicked()
            {
                if let Some((w, h)) = dialog.image.preset.size() {
                    dialog.image.width = w;
                    dialog.image.height = h;
                }
                dialog.image.preset = preset;
            }
        }
    });
    ui.end_row();
    ui.label("");
    ui.add_enabled_ui(dialog.image.preset == Preset::Custom, |ui| {
        ui.horizontal(|ui| {
            ui.add(
                egui::DragValue::new(&mut dialog.image.width)
                    .range(MIN_SIDE..=MAX_SIDE)
                    .suffix(tr(lang, T::Wide)),
            );
            ui.add(
                egui::DragValue::new(&mut dialog.image.height)
                    .range(MIN_SIDE..=MAX_SIDE)
                    .suffix(tr(lang, T::High)),
            );
            ui.weak(tr(lang, T::Points));
        });
    });
    ui.end_row();
    ui.label(tr(lang, T::Scale));
    ui.add_enabled_ui(format == Format::Png, |ui| {
        ui.horizontal(|ui| {
            for scale in [1.0, 2.0, 3.0] {
                if ui
                    .selectable_label(
                        (dialog.image.scale - scale).abs() < f32::EPSILON,
                        format!("{scale}x"),
                    )
                    .clicked()
                {
                    dialog.image.scale = scale;
                }
            }
            if let Some((w, h)) = dialog.image.pixels() {
                ui.weak(fill(lang, T::PixelsSize, &[&w, &h]));
            }
        });
    });
    ui.end_row();
}

/// The width of the preview, in points of the window.
const PREVIEW_WIDTH: f32 = 400.0;
/// The height of the preview's box.
const PREVIEW_HEIGHT: f32 = 300.0;

/// A live preview of exactly what will be written: the chart's scene for
/// the chosen page, rasterised small; redrawn only when the picture changes.
fn preview_ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, dialog: &ExportDialog) {
    let lang = cx.session.lang();
    ui.label(tr(lang, T::PreviewColon));
    if format_of(&dialog.path) == Format::Csv {
        // No picture: what the file holds, in the same box.
        let (rect, _) = ui.allocate_exact_size(
            egui::vec2(PREVIEW_WIDTH, PREVIEW_HEIGHT),
            egui::Sense::hover(),
        );
        ui.put(
            rect.shrink(24.0),
            egui::Label::new(egui::RichText::new(tr(lang, T::PreviewCsv)).weak()).wrap(),
        );
        return;
    }
    let page = match dialog.image.page() {
        Ok(page) => page,
        Err(error) => {
            ui.colored_label(ui.visuals().warn_fg_color, error.text(lang));
            return;
        }
    };
    let scene = crate::chart::scene(&export::chart_view(cx, dialog.chart), &page);
    let svg = crate::chart::svg::text_svg(&scene);
    let key = {
        use std::hash::{Hash as _, Hasher as _};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        svg.hash(&mut hasher);
        hasher.finish()
    };
    let id = egui::Id::unique("export_preview");
    let cached: Option<(u64, egui::TextureHandle)> = ui.ctx().data(|d| d.get_temp(id));
    let texture = match cached {
        Some((k, texture)) if k == key => Some(texture),
        _ => {
            let pixels_per_point = ui.ctx().pixels_per_point();
            let fit = (PREVIEW_WIDTH / page.width).min(PREVIEW_HEIGHT / page.height);
            // Within what the rasteriser takes; egui scales the rest.
            let scale = (fit * pixels_per_point).clamp(0.1, 8.0);
            match crate::chart::render::pixels(&scene, scale) {
                Ok(picture) => {
                    let texture = ui.ctx().load_texture(
                        "export_preview",
                        export::color_image(&picture),
                        egui::TextureOptions::LINEAR,
                    );
                    ui.ctx()
                        .data_mut(|d| d.insert_temp(id, (key, texture.clone())));
                    Some(texture)
                }
                Err(error) => {
                    ui.colored_label(ui.visuals().warn_fg_color, error.text(lang));
                    None
                }
            }
        }
    };
    // A box of one size for every page, so the dialog does not move when
    // the size changes; the picture fitted inside it.
    let (rect, _) = ui.allocate_exact_size(
        egui::vec2(PREVIEW_WIDTH, PREVIEW_HEIGHT),
        egui::Sense::hover(),
    );
    if let Some(texture) = texture {
        let fit = (PREVIEW_WIDTH / page.width).min(PREVIEW_HEIGHT / page.height);
        let size = egui::vec2(page.width * fit, page.height * fit);
        let picture = egui::Rect::from_center_size(rect.center(), size);
        ui.put(
            picture,
            egui::Image::new((texture.id(), size))
                .alt_text(scene.title.clone())
                .corner_radius(2.0),
        )
        .on_hover_text(scene.title);
    }
}

/// The Open dialog's typed path, if the dialog is open (for tests).
pub fn typed_path(state: &super::AppState) -> Option<String> {
    match &state.dialog {
        Some(Dialog::Open(open)) => Some(open.path.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choosing_another_chart_renames_the_file_not_its_folders() {
        assert_eq!(
            with_chart("/home/u/funds/targets-2026.png", ChartId::GdpShare),
            "/home/u/funds/gdp-share-2026.png"
        );
        assert_eq!(with_chart("/tmp/mine.png", ChartId::Funds), "/tmp/mine.png");
    }

    #[test]
    fn choosing_a_format_sets_the_extension_even_of_an_empty_path() {
        assert_eq!(with_format("/tmp/a.png", Format::Pdf), "/tmp/a.pdf");
        assert_eq!(with_format("", Format::Svg), "chart.svg");
        assert_eq!(with_format("/tmp/", Format::Csv), "/tmp/chart.csv");
    }
}
