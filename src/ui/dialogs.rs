//! The Open and Export dialogs. Both offer a path field, so they work
//! where the platform has no native file dialog (Linux without an XDG
//! desktop portal or zenity, where rfd shows nothing and returns nothing):
//! there the Browse button says so instead of doing nothing.

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

/// Why Browse is unavailable, shown beside it.
const NO_NATIVE_DIALOG: &str = "No file dialog on this system (no XDG desktop portal or zenity): \
     type or paste the path.";

/// A fresh Open dialog: an empty path field (the open file is first in
/// the recent list below it).
pub fn open_dialog(_state: &AppState) -> Dialog {
    Dialog::Open(OpenDialog::default())
}

/// A fresh Export dialog for the chart on screen.
pub fn export_dialog(state: &AppState) -> Dialog {
    let folder = state
        .dataset_path
        .as_ref()
        .and_then(|p| p.parent())
        .map(PathBuf::from)
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
    let Some(dialog) = state.dialog.clone() else {
        return;
    };
    let mut open = true;
    let title = match dialog {
        Dialog::Open(_) => "Open dataset",
        Dialog::Export(_) => "Export chart",
    };
    let mut next = dialog.clone();
    egui::Window::new(title)
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| match &mut next {
            Dialog::Open(open_state) => open_ui(state, ui, open_state, commands),
            Dialog::Export(export_state) => export_ui(state, ui, export_state, commands),
        });
    let escape = ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
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
    ui.label("A dataset file (JSON). An invalid file does not replace the one on screen.");
    let mut submit = false;
    ui.horizontal(|ui| {
        let label = ui.label("Path:");
        let response = ui
            .add(egui::TextEdit::singleline(&mut dialog.path).desired_width(420.0))
            .labelled_by(label.id);
        if !response.has_focus() && dialog.path.is_empty() {
            response.request_focus();
        }
        submit = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let chosen = browse_button(state, ui, || {
            rfd::FileDialog::new()
                .add_filter("Dataset (JSON)", &["json"])
                .pick_file()
        });
        if let Some(path) = chosen {
            dialog.path = path.display().to_string();
        }
    });
    if !state.recent.is_empty() {
        ui.separator();
        ui.label("Recent:");
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
            .add_enabled(!path.is_empty(), egui::Button::new("Open"))
            .clicked()
            || submit)
            && !path.is_empty()
        {
            commands.push(Command::ShowDialog(None));
            commands.push(Command::OpenFile(PathBuf::from(path)));
        }
        if ui.button("Cancel").clicked() {
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
        if ui.button("Browse…").clicked() {
            return pick();
        }
    } else {
        ui.add_enabled(false, egui::Button::new("Browse…"))
            .on_disabled_hover_text(NO_NATIVE_DIALOG);
        ui.weak("(type the path)").on_hover_text(NO_NATIVE_DIALOG);
    }
    None
}

fn export_ui(
    state: &AppState,
    ui: &mut egui::Ui,
    dialog: &mut ExportDialog,
    commands: &mut Vec<Command>,
) {
    export_options_ui(state, ui, dialog);
    ui.weak("A name ending in .png writes the picture; .csv writes the data behind it.");
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
            format!("{} exists. Replace it?", path.display()),
        );
        ui.horizontal(|ui| {
            if ui.button("Replace").clicked() {
                commands.push(Command::Export(request(true)));
            }
            if ui.button("Keep it").clicked() {
                dialog.confirm_replace = false;
            }
        });
        return;
    }
    ui.horizontal(|ui| {
        if ui
            .add_enabled(!dialog.path.trim().is_empty(), egui::Button::new("Export"))
            .clicked()
        {
            commands.push(Command::Export(request(false)));
        }
        if ui
            .button("Copy image")
            .on_hover_text("Put the picture on the clipboard")
            .clicked()
        {
            commands.push(Command::CopyImage(dialog.chart, dialog.image));
        }
        if ui.button("Cancel").clicked() {
            commands.push(Command::ShowDialog(None));
        }
    });
    // What the last export or copy did (not what happened elsewhere).
    if let Some(status) = state
        .status
        .as_ref()
        .filter(|s| s.starts_with("Export failed") || s.starts_with("Copied"))
    {
        ui.weak(status);
    }
}

/// The path with the chart id in its file name swapped for `chart`'s.
fn with_chart(path: &str, chart: ChartId) -> String {
    let mut replaced = path.to_owned();
    for other in ChartId::ALL {
        if let Some(at) = replaced.rfind(other.id()) {
            replaced.replace_range(at..at + other.id().len(), chart.id());
            return replaced;
        }
    }
    replaced
}

/// The Export dialog's choices: chart, size, scale, theme, file.
fn export_options_ui(state: &AppState, ui: &mut egui::Ui, dialog: &mut ExportDialog) {
    egui::Grid::new("export_grid")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            ui.label("Chart:");
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
            ui.label("Size:");
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
                        .suffix(" wide"),
                );
                ui.add(
                    egui::DragValue::new(&mut dialog.image.height)
                        .range(150..=4000)
                        .suffix(" high"),
                );
            });
            ui.end_row();
            ui.label("Scale:");
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
            ui.label("Theme:");
            ui.horizontal(|ui| {
                ui.radio_value(&mut dialog.current_theme, false, "Light");
                ui.radio_value(&mut dialog.current_theme, true, "As the window");
            });
            ui.end_row();
            let label = ui.label("File:");
            ui.horizontal(|ui| {
                ui.add(egui::TextEdit::singleline(&mut dialog.path).desired_width(380.0))
                    .labelled_by(label.id);
                let chosen = browse_button(state, ui, || {
                    rfd::FileDialog::new()
                        .add_filter("PNG picture", &["png"])
                        .add_filter("CSV data", &["csv"])
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
