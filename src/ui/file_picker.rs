//! The app's own file picker, inside the Open dialog where the platform has
//! no file dialog: places on the left (home, its usual folders, the recent
//! files' folders, the root), the folder's entries on the right (folders
//! first, then dataset files, or every file), the typed path above with Tab
//! completion. Keyboard: Up and Down move, Enter opens a folder or chooses a
//! file, Backspace in an empty path goes up a folder. Listing is
//! [`crate::view::picker`]'s.

use std::path::{Path, PathBuf};

use crate::i18n::{Lang, T, fill, tr};
use crate::view::picker::{self, Entry, Filter};

/// The picker's state, kept in the Open dialog.
#[derive(Clone, Debug, PartialEq)]
pub struct Picker {
    /// The folder shown.
    pub dir: PathBuf,
    /// Its entries, read when the folder was opened (not every frame).
    pub entries: Vec<Entry>,
    /// Why the folder could not be read, if it could not.
    pub error: Option<String>,
    /// The entry the keyboard is on.
    pub selected: Option<usize>,
    /// The files listed: the picker's own kind, or every file.
    pub filter: Filter,
    /// The kind of file the picker is for (datasets, or documents).
    pub kind: Filter,
    /// Whether hidden entries are shown.
    pub hidden: bool,
    /// The keyboard moved: scroll the selected entry into view.
    pub follow: bool,
    /// Tab completed the path: the field gets the focus back.
    pub refocus: bool,
}

impl Picker {
    /// A picker showing `dir`.
    pub fn at(dir: &Path) -> Self {
        let mut picker = Self {
            dir: dir.to_owned(),
            entries: Vec::new(),
            error: None,
            selected: None,
            filter: Filter::Datasets,
            kind: Filter::Datasets,
            hidden: false,
            follow: false,
            refocus: false,
        };
        picker.go(dir);
        picker
    }

    /// A picker showing `dir`, listing files of `kind`.
    pub fn for_kind(dir: &Path, kind: Filter) -> Self {
        let mut picker = Self::at(dir);
        picker.kind = kind;
        picker.filter = kind;
        picker.refresh();
        picker
    }

    /// Opens `dir`; a folder that cannot be read keeps the one shown and
    /// says why.
    pub fn go(&mut self, dir: &Path) {
        match crate::folders::list(dir, self.filter, self.hidden) {
            Ok(entries) => {
                dir.clone_into(&mut self.dir);
                self.entries = entries;
                self.error = None;
                self.selected = (!self.entries.is_empty()).then_some(0);
            }
            Err(error) => self.error = Some(error.to_string()),
        }
    }

    /// Reads the folder again (after the filter or hidden files changed).
    pub fn refresh(&mut self) {
        let dir = self.dir.clone();
        self.go(&dir);
    }

    /// Opens the folder above, if any.
    pub fn up(&mut self) {
        if let Some(parent) = self.dir.parent().map(Path::to_owned) {
            self.go(&parent);
        }
    }
}

/// What the user did in the picker this frame.
pub enum Picked {
    /// Nothing to act on.
    Nothing,
    /// A file was chosen: open it.
    File(PathBuf),
}

/// The picker's keys, handled before the path field is drawn so Enter and
/// Tab reach the picker first: Tab in the field completes the path, and
/// Up, Down, Enter and Backspace (in an empty field) move through the
/// folder.
pub fn keys_ui(
    ui: &mut egui::Ui,
    picker: &mut Picker,
    path: &mut String,
    field_focused: bool,
) -> Picked {
    let home = std::env::home_dir();
    let mut outcome = Picked::Nothing;
    if field_focused && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Tab)) {
        let completed = crate::folders::complete(path, home.as_deref(), picker.filter);
        if completed != *path {
            *path = completed;
            let expanded = picker::expand_home(path, home.as_deref());
            if expanded.ends_with('/') {
                picker.go(Path::new(&expanded));
            }
        }
        // The field keeps the focus, its cursor at the end.
        picker.refocus = true;
    }
    picked_by_keys_ui(ui, picker, path, field_focused, &mut outcome);
    outcome
}

/// After the path field is drawn: gives it back the focus Tab took, with
/// the cursor at the end of the completed path.
pub fn after_field(ui: &egui::Ui, picker: &mut Picker, response: &egui::Response, path: &str) {
    if !picker.refocus {
        return;
    }
    picker.refocus = false;
    response.request_focus();
    if let Some(mut state) = egui::TextEdit::load_state(ui.ctx(), response.id) {
        let end = egui::text::CCursor::new(path.chars().count());
        state
            .cursor
            .set_char_range(Some(egui::text::CCursorRange::one(end)));
        state.store(ui.ctx(), response.id);
    }
}

/// Draws the picker below the path field: the folder, places, entries.
pub fn body_ui(
    ui: &mut egui::Ui,
    picker: &mut Picker,
    path: &mut String,
    recent: &[PathBuf],
    lang: Lang,
) -> Picked {
    let home = std::env::home_dir();
    let mut outcome = Picked::Nothing;
    ui.horizontal(|ui| {
        if ui
            .button(tr(lang, T::PickerUp))
            .on_hover_text(tr(lang, T::PickerUpHint))
            .clicked()
        {
            picker.up();
        }
        ui.label(picker.dir.display().to_string());
        ui.weak(fill(lang, T::PickerCount, &[&picker.entries.len()]));
    });
    if let Some(error) = &picker.error {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
    ui.horizontal_top(|ui| {
        // The separator between the columns would otherwise stretch the
        // dialog to the window's height.
        ui.set_max_height(270.0);
        ui.vertical(|ui| {
            ui.set_width(140.0);
            ui.weak(tr(lang, T::PickerPlaces));
            let places = crate::folders::places(home.as_deref(), recent, tr(lang, T::PickerHome));
            for place in places {
                if ui
                    .selectable_label(picker.dir == place.path, &place.name)
                    .on_hover_text(place.path.display().to_string())
                    .clicked()
                {
                    picker.go(&place.path);
                }
            }
        });
        ui.separator();
        ui.vertical(|ui| {
            entries_ui(ui, picker, path, &mut outcome, lang);
            ui.horizontal(|ui| {
                let mut all = picker.filter == Filter::All;
                if ui.checkbox(&mut all, tr(lang, T::PickerAllFiles)).changed() {
                    picker.filter = if all { Filter::All } else { picker.kind };
                    picker.refresh();
                }
                if ui
                    .checkbox(&mut picker.hidden, tr(lang, T::PickerHidden))
                    .changed()
                {
                    picker.refresh();
                }
            });
        });
    });
    outcome
}

/// The folder's entries: a click opens a folder or puts a file's path in
/// the field; a double click opens the file.
fn entries_ui(
    ui: &mut egui::Ui,
    picker: &mut Picker,
    path: &mut String,
    outcome: &mut Picked,
    lang: Lang,
) {
    let mut go_to = None;
    egui::ScrollArea::vertical()
        .id_salt("picker_entries")
        .max_height(220.0)
        .min_scrolled_height(220.0)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.set_width(360.0);
            if picker.entries.is_empty() {
                ui.weak(tr(lang, T::PickerEmpty));
            }
            for (i, entry) in picker.entries.iter().enumerate() {
                let label = if entry.is_dir {
                    format!("{}/", entry.name)
                } else {
                    let size = entry.size.map(picker::size_text).unwrap_or_default();
                    format!("{}    {size}", entry.name)
                };
                let selected = picker.selected == Some(i);
                let response = ui.selectable_label(selected, label);
                if selected && picker.follow {
                    response.scroll_to_me(None);
                }
                // A folder opens at a click; a file is chosen by a click
                // (its path goes into the field) and opened by a double
                // click.
                if response.clicked() {
                    picker.selected = Some(i);
                    if entry.is_dir {
                        go_to = Some(entry.path.clone());
                    } else {
                        *path = entry.path.display().to_string();
                    }
                }
                if response.double_clicked() && !entry.is_dir {
                    *outcome = Picked::File(entry.path.clone());
                }
            }
        });
    picker.follow = false;
    if let Some(dir) = go_to {
        picker.go(&dir);
    }
}

/// Up, Down, Enter and Backspace, when no other field has the focus.
fn picked_by_keys_ui(
    ui: &mut egui::Ui,
    picker: &mut Picker,
    path: &mut String,
    field_focused: bool,
    outcome: &mut Picked,
) {
    let another_field = ui.ctx().egui_wants_keyboard_input() && !field_focused;
    if another_field {
        return;
    }
    let count = picker.entries.len();
    let (down, up, enter, back) = ui.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
            i.consume_key(egui::Modifiers::NONE, egui::Key::Enter),
            path.is_empty() && i.consume_key(egui::Modifiers::NONE, egui::Key::Backspace),
        )
    });
    if count > 0 && (down || up) {
        let at = picker.selected.unwrap_or(0);
        let next = if down {
            (at + 1).min(count - 1)
        } else {
            at.saturating_sub(1)
        };
        picker.selected = Some(next);
        picker.follow = true;
        if let Some(entry) = picker.entries.get(next)
            && !entry.is_dir
        {
            *path = entry.path.display().to_string();
        }
    }
    if back {
        picker.up();
    }
    if enter {
        // A typed folder opens; a typed file, or the selected entry, is
        // chosen.
        let home = std::env::home_dir();
        let typed = PathBuf::from(picker::expand_home(path.trim(), home.as_deref()));
        if !path.trim().is_empty() && typed.is_dir() {
            picker.go(&typed);
            path.clear();
        } else if !path.trim().is_empty() && typed.is_file() {
            *outcome = Picked::File(typed);
        } else if let Some(entry) = picker.selected.and_then(|i| picker.entries.get(i)).cloned() {
            if entry.is_dir {
                picker.go(&entry.path);
            } else {
                *outcome = Picked::File(entry.path);
            }
        }
    }
}

/// A Browse button for a file to write, and below it the picker once
/// opened, where the platform has no file dialog: choosing a folder keeps
/// the file's name and moves it there; clicking a file takes its name
/// (to be replaced, after the dialog asks). `native` runs the platform's
/// dialog where there is one. Returns whether the path changed.
pub fn save_browse_ui(
    ui: &mut egui::Ui,
    native: Option<&dyn Fn() -> Option<PathBuf>>,
    path: &mut String,
    picker: &mut Option<Picker>,
    lang: Lang,
) -> bool {
    let before = path.clone();
    match native {
        Some(pick) => {
            if ui.button(tr(lang, T::Browse)).clicked()
                && let Some(chosen) = pick()
            {
                *path = chosen.display().to_string();
            }
        }
        None if picker.is_none()
            && ui
                .button(tr(lang, T::Browse))
                .on_hover_text(tr(lang, T::OwnPickerHint))
                .clicked() =>
        {
            let typed = PathBuf::from(path.trim());
            let start = crate::folders::first_folder([
                typed.parent().map(Path::to_owned),
                std::env::home_dir(),
            ]);
            let mut opened = Picker::at(&start);
            opened.filter = Filter::All;
            opened.refresh();
            *picker = Some(opened);
        }
        None => {}
    }
    *path != before
}

/// The save picker's listing, drawn under the dialog's path row: keeps
/// the path's file name in the folder shown. Returns whether the path
/// changed.
pub fn save_body_ui(ui: &mut egui::Ui, path: &mut String, picker: &mut Picker, lang: Lang) -> bool {
    let before = path.clone();
    let name = Path::new(path.trim())
        .file_name()
        .map(std::ffi::OsStr::to_owned)
        .unwrap_or_default();
    let dir = picker.dir.clone();
    let mut typed = path.clone();
    if let Picked::File(file) = body_ui(ui, picker, &mut typed, &[], lang) {
        typed = file.display().to_string();
    }
    if typed == before && picker.dir != dir {
        // A folder was opened: the file moves there, its name kept.
        *path = picker.dir.join(&name).display().to_string();
    } else {
        *path = typed;
    }
    *path != before
}

/// The file name of a typed path, for a save dialog to start from.
pub fn file_name_of(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
