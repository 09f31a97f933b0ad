//! The top bars: a menu row with the dataset's title and edition, and a
//! row with back and forward, the search box, the facet filters with their
//! counts, and the amount convention.

use crate::i18n::{Lang, T, fill, tr};
use std::collections::BTreeSet;

use super::state::SearchScope;
use super::{Commands, DocCommand, PanelContext, SessionCommand};
use crate::view::amount::Convention;
use crate::view::localized_name;

/// Draws the menu row: the menus, then the dataset's title and edition.
pub fn menu_ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, commands: &mut Commands) {
    let lang = cx.session.lang();
    egui::MenuBar::new().ui(ui, |ui| {
        file_menu_ui(cx, ui, commands);
        view_menu_ui(cx, ui, commands);
        super::views_panel::menu_ui(cx, ui, commands);
        ui.separator();
        // The language switch, each language named in itself.
        for choice in Lang::ALL {
            if ui
                .selectable_label(lang == choice, choice.name())
                .on_hover_text(tr(lang, T::Language))
                .clicked()
                && lang != choice
            {
                commands.push(SessionCommand::SetLang(choice));
            }
        }
        ui.separator();
        ui.strong(&cx.doc.dataset.title);
        ui.label(fill(lang, T::Edition, &[&cx.doc.dataset.edition]))
            .on_hover_text(fill(lang, T::LoadedFrom, &[&cx.doc.source_name(lang)]));
    });
}

/// Draws the filter row: back and forward, search, facets, and the amount
/// convention.
pub fn ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, commands: &mut Commands) {
    let lang = cx.session.lang();
    ui.horizontal_wrapped(|ui| {
        if ui
            .add_enabled(cx.doc.history.can_go_back(), egui::Button::new("◀"))
            .on_hover_text(tr(lang, T::Back))
            .clicked()
        {
            commands.push(DocCommand::Back);
        }
        if ui
            .add_enabled(cx.doc.history.can_go_forward(), egui::Button::new("▶"))
            .on_hover_text(tr(lang, T::Forward))
            .clicked()
        {
            commands.push(DocCommand::Forward);
        }
        ui.separator();
        filters_ui(cx, ui, commands);
        ui.separator();
        // The label and its two choices stay together when the row wraps:
        // to a row of their own where they would not fit whole (a nested
        // row does not wrap by itself, and was cut at the window's edge).
        let choices = [tr(lang, T::Amounts), tr(lang, T::BillionYuan), "亿元"];
        // What is left of this row (in a wrapping row egui's available
        // width is the whole row's).
        let left = ui.max_rect().right() - ui.cursor().left();
        if left < row_width(ui, &choices) {
            ui.end_row();
        }
        ui.scope(|ui| {
            ui.horizontal(|ui| {
                let mut convention = cx.session.convention();
                ui.label(tr(lang, T::Amounts));
                ui.selectable_value(
                    &mut convention,
                    Convention::International,
                    tr(lang, T::BillionYuan),
                );
                ui.selectable_value(&mut convention, Convention::Chinese, "亿元");
                if convention != cx.session.convention() {
                    commands.push(SessionCommand::SetConvention(convention));
                }
            });
        });
    });
}

/// The width a row of a label and buttons with these words takes: each
/// word's width, the buttons' padding and the spaces between.
fn row_width(ui: &egui::Ui, words: &[&str]) -> f32 {
    let spacing = ui.spacing();
    words
        .iter()
        .map(|word| {
            egui::WidgetText::from(*word)
                .into_galley(
                    ui,
                    Some(egui::TextWrapMode::Extend),
                    f32::INFINITY,
                    egui::TextStyle::Button,
                )
                .size()
                .x
                + 2.0 * spacing.button_padding.x
                + spacing.item_spacing.x
        })
        .sum()
}

/// The File menu: open, recent files, reload, export.
fn file_menu_ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, commands: &mut Commands) {
    let lang = cx.session.lang();
    ui.menu_button(tr(lang, T::File), |ui| {
        if ui
            .add(egui::Button::new(tr(lang, T::Open)).shortcut_text("Ctrl+O"))
            .clicked()
        {
            commands.push(SessionCommand::OpenDatasetDialog);
        }
        ui.menu_button(tr(lang, T::Recent), |ui| {
            if cx.session.settings.recent.is_empty() {
                ui.weak(tr(lang, T::NoRecent));
            }
            for path in &cx.session.settings.recent {
                if ui.button(recent_label(cx, path)).clicked() {
                    commands.push(SessionCommand::OpenFile(path.clone()));
                }
            }
        });
        if ui
            .add_enabled(
                cx.doc.path.is_some(),
                egui::Button::new(tr(lang, T::Reload)).shortcut_text("Ctrl+R"),
            )
            .on_disabled_hover_text(tr(lang, T::NoFileToReload))
            .clicked()
        {
            commands.push(SessionCommand::Reload);
        }
        ui.separator();
        if ui.button(tr(lang, T::ImportDocumentMenu)).clicked() {
            commands.push(SessionCommand::OpenImportDialog);
        }
        if ui
            .add(egui::Button::new(tr(lang, T::CheckDraftMenu)).shortcut_text("Ctrl+K"))
            .clicked()
        {
            commands.push(SessionCommand::Check(super::check::CheckCommand::Open));
        }
        if ui
            .add_enabled(
                cx.review.is_some(),
                egui::Button::new(tr(lang, T::SaveEditionMenu)),
            )
            .clicked()
        {
            commands.push(SessionCommand::Review(super::ReviewCommand::OpenSaveDialog));
        }
        ui.separator();
        if ui
            .add(egui::Button::new(tr(lang, T::ExportChartMenu)).shortcut_text("Ctrl+E"))
            .clicked()
        {
            commands.push(SessionCommand::OpenExportDialog);
        }
        if ui.button(tr(lang, T::ExportBriefingMenu)).clicked() {
            commands.push(SessionCommand::OpenBriefingDialog);
        }
    });
}

/// The View menu: the theme and the text size.
fn view_menu_ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, commands: &mut Commands) {
    let lang = cx.session.lang();
    ui.menu_button(tr(lang, T::View), |ui| {
        ui.label(tr(lang, T::Theme));
        let mut theme = cx.session.settings.theme;
        ui.radio_value(
            &mut theme,
            egui::ThemePreference::System,
            tr(lang, T::FollowSystem),
        );
        ui.radio_value(&mut theme, egui::ThemePreference::Light, tr(lang, T::Light));
        ui.radio_value(&mut theme, egui::ThemePreference::Dark, tr(lang, T::Dark));
        if theme != cx.session.settings.theme {
            commands.push(SessionCommand::SetTheme(theme));
        }
        ui.separator();
        ui.label(tr(lang, T::TextSize));
        ui.horizontal(|ui| {
            if ui
                .button(tr(lang, T::Smaller))
                .on_hover_text("Ctrl+-")
                .clicked()
            {
                egui::gui_zoom::zoom_out(ui.ctx());
            }
            if ui
                .button(tr(lang, T::Reset))
                .on_hover_text("Ctrl+0")
                .clicked()
            {
                ui.ctx().set_zoom_factor(1.0);
            }
            if ui
                .button(tr(lang, T::Larger))
                .on_hover_text("Ctrl++")
                .clicked()
            {
                egui::gui_zoom::zoom_in(ui.ctx());
            }
        });
    });
}

/// The search box and the facet menus.
fn filters_ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, commands: &mut Commands) {
    let lang = cx.session.lang();
    let mut filter = cx.doc.filter.clone();
    let label = ui.label(tr(lang, T::Search));
    let state = &cx.session.doc_search;
    if state.scope == SearchScope::Documents {
        let mut query = state.result.query.clone();
        ui.add(
            egui::TextEdit::singleline(&mut query)
                .hint_text(tr(lang, T::SearchDocumentsHint))
                .desired_width(180.0),
        )
        .labelled_by(label.id);
        if query != state.result.query {
            commands.push(SessionCommand::SearchDocuments(query));
        }
        scope_ui(cx, ui, commands);
        return;
    }
    ui.add(
        egui::TextEdit::singleline(&mut filter.query)
            .hint_text(tr(lang, T::SearchHint))
            .desired_width(180.0),
    )
    .labelled_by(label.id);
    scope_ui(cx, ui, commands);
    let data = &cx.doc.dataset;
    let counts = &cx.doc.tree.counts;
    facet_menu_ui(
        ui,
        tr(lang, T::FacetPlan),
        &mut filter.plans,
        data.plans.iter().enumerate().map(|(i, plan)| {
            let ix = crate::dataset::PlanIx(u32::try_from(i).unwrap_or(u32::MAX));
            (
                ix,
                crate::view::localized_title(lang, plan).into_owned(),
                counts.plan(ix),
            )
        }),
    );
    facet_menu_ui(
        ui,
        tr(lang, T::FacetUnit),
        &mut filter.units,
        data.units.iter().enumerate().map(|(i, unit)| {
            let ix = crate::dataset::UnitIx(u32::try_from(i).unwrap_or(u32::MAX));
            let name = localized_name(lang, unit);
            (ix, name, counts.unit(ix))
        }),
    );
    facet_menu_ui(
        ui,
        tr(lang, T::FacetTheme),
        &mut filter.themes,
        data.themes.iter().enumerate().map(|(i, theme)| {
            let ix = crate::dataset::ThemeIx(u32::try_from(i).unwrap_or(u32::MAX));
            let name = localized_name(lang, theme);
            (ix, name, counts.theme(ix))
        }),
    );
    facet_menu_ui(
        ui,
        tr(lang, T::FacetDistrict),
        &mut filter.districts,
        cx.doc.districts().iter().map(|d| {
            let count = counts.district(d);
            let name = crate::view::district_name(lang, &cx.doc.dataset, d);
            (d.clone(), name, count)
        }),
    );
    if ui
        .add_enabled(
            filter.is_active(),
            egui::Button::new(tr(lang, T::ClearFilters)),
        )
        .clicked()
    {
        filter.clear();
    }
    if filter.is_active() {
        ui.label(fill(lang, T::Matching, &[&cx.doc.tree.match_count]));
    }
    if filter != cx.doc.filter {
        commands.push(DocCommand::SetFilter(filter));
    }
}

/// Where the search box looks: the records, or the documents' texts.
fn scope_ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, commands: &mut Commands) {
    let lang = cx.session.lang();
    let current = cx.session.doc_search.scope;
    let name = |scope| match scope {
        SearchScope::Records => tr(lang, T::InTheRecords),
        SearchScope::Documents => tr(lang, T::InTheDocuments),
    };
    let mut chosen = current;
    egui::ComboBox::from_id_salt("search_scope")
        .selected_text(name(current))
        .show_ui(ui, |ui| {
            for scope in [SearchScope::Records, SearchScope::Documents] {
                ui.selectable_value(&mut chosen, scope, name(scope));
            }
        })
        .response
        .widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::ComboBox, true, tr(lang, T::SearchScope))
        });
    if chosen != current {
        commands.push(SessionCommand::SetSearchScope(chosen));
    }
}

/// A drop-down of checkboxes, one per value with its count; the button says
/// how many are chosen.
fn facet_menu_ui<K: Ord + Clone>(
    ui: &mut egui::Ui,
    name: &str,
    chosen: &mut BTreeSet<K>,
    values: impl Iterator<Item = (K, String, usize)>,
) {
    let title = if chosen.is_empty() {
        format!("{name} ▾")
    } else {
        format!("{name} ({}) ▾", chosen.len())
    };
    ui.menu_button(title, |ui| {
        egui::ScrollArea::vertical()
            .max_height(400.0)
            .show(ui, |ui| {
                for (key, label, count) in values {
                    let mut on = chosen.contains(&key);
                    if ui
                        .checkbox(&mut on, format!("{label}  ({count})"))
                        .changed()
                    {
                        if on {
                            chosen.insert(key);
                        } else {
                            chosen.remove(&key);
                        }
                    }
                }
            });
    });
}

/// A recent file as File > Recent and the Open dialog list it: its path,
/// and what became of it if it is no longer a file that loads (looked at
/// on disk while the list is shown: deleted, moved or replaced since).
pub(super) fn recent_label(cx: &PanelContext<'_>, path: &std::path::Path) -> String {
    use crate::folders::RecentFate;
    let lang = cx.session.lang();
    let key = match crate::folders::recent_fate(path, &cx.session.failed_loads) {
        Some(RecentFate::Gone) => T::RecentGone,
        Some(RecentFate::NotAFile) => T::RecentNotAFile,
        Some(RecentFate::DidNotLoad) => T::RecentDidNotLoad,
        None => return path.display().to_string(),
    };
    fill(lang, key, &[&path.display()])
}
