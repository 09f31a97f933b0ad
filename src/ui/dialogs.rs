//! The Open and Export dialogs. Both offer a path field, so they work
//! where the platform has no native file dialog (Linux without an XDG
//! desktop portal or zenity, where rfd shows nothing and returns nothing):
//! there the Browse button says so instead of doing nothing.

use crate::i18n::{T, fill, tr};
use std::path::PathBuf;

use super::export::ImageOptions;
use super::{AppState, Command, Dialog, ExportDialog, ExportRequest, OpenDialog, charts_panel};
use crate::view::charts::ChartId;

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

/// A fresh Export dialog for the chart on screen.
pub fn export_dialog(state: &AppState) -> Dialog {
    let folder = state
        .dataset_path
        .as_ref()
        .and_then(|p| p.parent())
        .map(PathBuf::from)
        // The built-in dataset has no folder: the home folder, not
        // wherever the app happened to be started (often `/`).
        .or_else(std::env::home_dir)
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default();
    let name = format!("{}-{}.png", state.chart.id(), state.dataset.edition);
    Dialog::Export(ExportDialog {
        chart: state.chart,
        path: folder.join(name).display().to_string(),
        image: ImageOptions::default(),
        current_theme: false,
        confirm_replace: false,
    })
}

/// Draws the open dialog, if any.
pub fn ui(state: &AppState, ctx: &egui::Context, commands: &mut Vec<Command>) {
    let typing_id = egui::Id::unique("dialog_text_field_in_use");
    let Some(dialog) = state.dialog.clone() else {
        ctx.data_mut(|d| d.insert_temp(typing_id, false));
        return;
    };
    let mut open = true;
    let title = match dialog {
        Dialog::Open(_) => tr(T::OpenDataset),
        Dialog::Export(_) => tr(T::ExportChart),
    };
    let mut next = dialog.clone();
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
        .show(ctx, |ui| match &mut next {
            Dialog::Open(open_state) => open_ui(state, ui, open_state, commands),
            Dialog::Export(export_state) => export_ui(state, ui, export_state, commands),
        });
    let escape =
        !typing && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
    let in_use = ctx.egui_wants_keyboard_input();
    ctx.data_mut(|d| d.insert_temp(typing_id, in_use));
    if !open || escape {
        commands.push(Command::ShowDialog(None));
    } else if next != dialog && !commands.iter().any(|c| matches!(c, Command::ShowDialog(_))) {
        commands.push(Command::ShowDialog(Some(next)));
    }
}

fn open_ui(
    state: &AppState,
    ui: &mut egui::Ui,
    dialog: &mut OpenDialog,
    commands: &mut Vec<Command>,
) {
    ui.label(tr(T::OpenIntro));
    let mut submit = false;
    ui.horizontal(|ui| {
        let label = ui.label(tr(T::Path));
        let response = ui
            .add(egui::TextEdit::singleline(&mut dialog.path).desired_width(420.0))
            .labelled_by(label.id);
        if !response.has_focus() && dialog.path.is_empty() {
            response.request_focus();
        }
        submit = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let chosen = browse_button(state, ui, || {
            rfd::FileDialog::new()
                .add_filter(tr(T::FilterDataset), &["json"])
                .pick_file()
        });
        if let Some(path) = chosen {
            dialog.path = path.display().to_string();
        }
    });
    if !state.recent.is_empty() {
        ui.separator();
        ui.label(tr(T::RecentColon));
        for path in &state.recent {
            if ui.link(path.display().to_string()).clicked() {
                commands.push(Command::ShowDialog(None));
                commands.push(Command::OpenFile(path.clone()));
            }
        }
    }
    ui.separator();
    ui.horizontal(|ui| {
        let path = dialog.path.trim();
        if (ui
            .add_enabled(!path.is_empty(), egui::Button::new(tr(T::OpenButton)))
            .clicked()
            || submit)
            && !path.is_empty()
        {
            commands.push(Command::ShowDialog(None));
            commands.push(Command::OpenFile(PathBuf::from(path)));
        }
        if ui.button(tr(T::Cancel)).clicked() {
            commands.push(Command::ShowDialog(None));
        }
    });
}

/// A Browse button that runs the native dialog, or says why there is none.
fn browse_button(
    state: &AppState,
    ui: &mut egui::Ui,
    pick: impl FnOnce() -> Option<PathBuf>,
) -> Option<PathBuf> {
    if state.native_dialogs && native_dialog_available() {
        if ui.button(tr(T::Browse)).clicked() {
            return pick();
        }
    } else {
        ui.add_enabled(false, egui::Button::new(tr(T::Browse)))
            .on_disabled_hover_text(tr(T::NoNativeDialog));
        ui.weak(tr(T::TypeThePath))
            .on_hover_text(tr(T::NoNativeDialog));
    }
    None
}

fn export_ui(
    state: &AppState,
    ui: &mut egui::Ui,
    dialog: &mut ExportDialog,
    commands: &mut Vec<Command>,
) {
    let (path_before, chart_before) = (dialog.path.clone(), dialog.chart);
    export_options_ui(state, ui, dialog);
    // "Replace?" was asked of one file: another file or chart asks again.
    if dialog.path != path_before || dialog.chart != chart_before {
        dialog.confirm_replace = false;
    }
    ui.weak(tr(T::ExtensionHint));
    dialog.image.theme = if dialog.current_theme {
        ui.ctx().theme()
    } else {
        egui::Theme::Light
    };
    ui.separator();
    let path = PathBuf::from(dialog.path.trim());
    let request = |replace| ExportRequest {
        chart: dialog.chart,
        path: path.clone(),
        image: dialog.image,
        replace,
    };
    if dialog.confirm_replace {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            fill(T::ExistsReplace, &[&path.display()]),
        );
        ui.horizontal(|ui| {
            if ui.button(tr(T::Replace)).clicked() {
                commands.push(Command::Export(request(true)));
            }
            if ui.button(tr(T::KeepIt)).clicked() {
                dialog.confirm_replace = false;
            }
        });
        return;
    }
    ui.horizontal(|ui| {
        if ui
            .add_enabled(
                !dialog.path.trim().is_empty(),
                egui::Button::new(tr(T::ExportDo)),
            )
            .clicked()
        {
            commands.push(Command::Export(request(false)));
        }
        if ui
            .button(tr(T::CopyImage))
            .on_hover_text(tr(T::CopyImageHint))
            .clicked()
        {
            commands.push(Command::CopyImage(dialog.chart, dialog.image));
        }
        if ui.button(tr(T::Cancel)).clicked() {
            commands.push(Command::ShowDialog(None));
        }
    });
    // What the last export or copy did (not what happened elsewhere).
    if let Some(message) = &state.export_message {
        ui.weak(message.text());
    }
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

/// The Export dialog's choices: chart, size, scale, theme, file.
fn export_options_ui(state: &AppState, ui: &mut egui::Ui, dialog: &mut ExportDialog) {
    egui::Grid::new("export_grid")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            ui.label(tr(T::Chart));
            ui.horizontal(|ui| {
                for chart in ChartId::ALL {
                    if ui
                        .selectable_label(dialog.chart == chart, charts_panel::chart_title(chart))
                        .clicked()
                    {
                        dialog.chart = chart;
                        dialog.path = with_chart(&dialog.path, chart);
                    }
                }
            });
            ui.end_row();
            ui.label(tr(T::Size));
            ui.horizontal(|ui| {
                for (w, h) in [(1600, 1000), (1200, 800), (800, 500)] {
                    let on = dialog.image.width == w && dialog.image.height == h;
                    if ui.selectable_label(on, format!("{w}x{h}")).clicked() {
                        dialog.image.width = w;
                        dialog.image.height = h;
                    }
                }
                ui.add(
                    egui::DragValue::new(&mut dialog.image.width)
                        .range(200..=4000)
                        .suffix(tr(T::Wide)),
                );
                ui.add(
                    egui::DragValue::new(&mut dialog.image.height)
                        .range(150..=4000)
                        .suffix(tr(T::High)),
                );
            });
            ui.end_row();
            ui.label(tr(T::Scale));
            ui.horizontal(|ui| {
                for scale in [1.0, 2.0] {
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
            });
            ui.end_row();
            ui.label(tr(T::ThemeColon));
            ui.horizontal(|ui| {
                ui.radio_value(&mut dialog.current_theme, false, tr(T::Light));
                ui.radio_value(&mut dialog.current_theme, true, tr(T::AsTheWindow));
            });
            ui.end_row();
            let label = ui.label(tr(T::FileColon));
            ui.horizontal(|ui| {
                ui.add(egui::TextEdit::singleline(&mut dialog.path).desired_width(380.0))
                    .labelled_by(label.id);
                let chosen = browse_button(state, ui, || {
                    rfd::FileDialog::new()
                        .add_filter(tr(T::FilterPng), &["png"])
                        .add_filter(tr(T::FilterCsv), &["csv"])
                        .set_file_name(
                            std::path::Path::new(&dialog.path)
                                .file_name()
                                .map(|n| n.to_string_lossy().into_owned())
                                .unwrap_or_default(),
                        )
                        .save_file()
                });
                if let Some(path) = chosen {
                    dialog.path = path.display().to_string();
                }
            });
            ui.end_row();
        });
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
}
