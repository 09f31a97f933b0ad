//! `export --presentation` and `briefing --presentation`: a presentation
//! file read (what cannot be read is said on standard error, naming the
//! slide and the file), its slides fitted to the dataset, then written as
//! one PDF with a page per slide, or as a briefing of its views.

use std::path::{Path, PathBuf};

use super::briefing::BriefingArgs;
use super::export::{ExportArgs, FormatArg};
use super::{EXIT_INVALID, EXIT_USAGE_OR_IO, load_for_command};
use crate::briefing::{self, BriefingError, Options};
use crate::chart::{self, Page, PdfInfo};
use crate::dataset::{self, Dataset};
use crate::i18n::Lang;
use crate::job::Progress;
use crate::view::amount::Convention;
use crate::view::presentation::{self, Deck, DeckNote, Shown};

fn usage(message: String) -> (u8, String) {
    (EXIT_USAGE_OR_IO, message)
}

/// Reads a presentation and fits its slides to `--dataset`, else to the
/// dataset file its first slide was saved on where that file is there,
/// else to the built-in dataset. Every problem goes to standard error;
/// a presentation with no slide to show is an error. What is said is in
/// `lang` where the command was given one (a briefing's `--lang`), else
/// in the first slide's language, a slide's own in that slide's.
fn open(
    path: &Path,
    dataset_arg: Option<&Path>,
    lang: Option<Lang>,
) -> Result<(Dataset, Deck, Shown), (u8, String)> {
    let deck = presentation::read_file(path).map_err(|e| (EXIT_INVALID, e.to_string()))?;
    let dataset_file = dataset_arg.map(Path::to_path_buf).or_else(|| {
        deck.slides
            .iter()
            .find_map(|s| s.read.view.dataset.file.clone())
            .filter(|file| file.is_file())
    });
    let data = match &dataset_file {
        None => dataset::load_embedded()
            .dataset
            .ok_or_else(|| (EXIT_INVALID, "the built-in dataset is invalid".to_owned()))?,
        Some(file) => load_for_command(file)?,
    };
    let districts: Vec<String> = data.districts.iter().map(|d| d.name.clone()).collect();
    let shown = presentation::resolve(&deck, &data, &districts);
    // A slide's view says in which language and amounts it is drawn.
    let said_as = |slide: Option<&crate::view::saved::Resolved>| match (lang, slide) {
        (Some(lang), _) => (lang, Convention::of_language(lang)),
        (None, Some(slide)) => (slide.lang, slide.convention),
        (None, None) => (Lang::En, Convention::International),
    };
    for note in &shown.notes {
        let slide = match note {
            DeckNote::Slide { number, .. } => deck
                .slides
                .iter()
                .position(|slide| slide.number == *number)
                .and_then(|at| shown.slides.get(at)),
            _ => shown.slides.first(),
        };
        let (lang, convention) = said_as(slide);
        eprintln!("{}", note.text(lang, convention, path));
    }
    if shown.slides.is_empty() {
        return Err((
            EXIT_INVALID,
            format!(
                "the presentation {} has no slide that can be shown",
                path.display()
            ),
        ));
    }
    Ok((data, deck, shown))
}

/// Writes `bytes` to `out`, replacing a file only with `--force`.
fn write(out: &Path, bytes: &[u8], force: bool) -> Result<(), (u8, String)> {
    let written = crate::output::write(out, bytes, force);
    written.map_err(|e| match e {
        crate::output::WriteError::Exists { .. } => {
            usage(format!("{e}; pass --force to replace it"))
        }
        other => usage(other.to_string()),
    })
}

/// `export --presentation`: one PDF, a page per slide, each page the
/// `--size` (a 16:9 slide by default) in the `--theme`, drawn by the
/// chart PDFs' writer.
pub fn export(args: &ExportArgs, path: &Path, page: &Page) -> Result<Vec<PathBuf>, (u8, String)> {
    let Some(out) = &args.out else {
        return Err(usage("--out is required".to_owned()));
    };
    let is_pdf = match args.format {
        Some(FormatArg::Pdf) => true,
        Some(_) => false,
        None => chart::Format::of_path(out) == Some(chart::Format::Pdf),
    };
    if !is_pdf {
        return Err(usage(format!(
            "a presentation is exported as one PDF, a page per slide: {} is not a .pdf",
            out.display()
        )));
    }
    if out.exists() && !args.force {
        return Err(usage(format!(
            "{} exists; pass --force to replace it",
            out.display()
        )));
    }
    let (data, deck, shown) = open(path, args.dataset.as_deref(), None)?;
    let scenes: Vec<chart::Scene> = shown
        .slides
        .iter()
        .map(|view| presentation::slide_scene(&data, view, page))
        .collect();
    for ((scene, slide), view) in scenes.iter().zip(&deck.slides).zip(&shown.slides) {
        let view = chart::ChartView::of_view(&data, view);
        for left_out in &scene.left_out {
            let said = super::export::left_out_text(left_out, &view);
            eprintln!(
                "{}",
                crate::i18n::of_slide(view.lang, path, slide.number, &said)
            );
        }
    }
    let title = if deck.name.is_empty() {
        data.title.clone()
    } else {
        deck.name.clone()
    };
    let info = PdfInfo {
        author: format!("{} · Plan Explorer", data.title),
        date: chart::render::today(),
    };
    let bytes =
        chart::render::pdf_pages(&scenes, &title, &info).map_err(|e| usage(e.to_string()))?;
    write(out, &bytes, args.force)?;
    Ok(vec![out.clone()])
}

/// `briefing --presentation`: the briefing of the presentation's views, in
/// its order.
pub fn briefing(
    args: &BriefingArgs,
    path: &Path,
    format: briefing::Format,
) -> Result<PathBuf, (u8, String)> {
    let lang = args.lang.lang();
    let (data, _, shown) = open(path, args.dataset.as_deref(), Some(lang))?;
    let options = Options {
        lang,
        convention: super::export::convention(args.amounts, lang),
        charts: None,
        // Each slide's view carries its own annotations.
        annotations: std::collections::BTreeMap::default(),
        date: chart::render::today(),
    };
    let bytes =
        briefing::bytes_of_views(&data, &shown.slides, &options, format, &Progress::default())
            .map_err(|e| match e {
                BriefingError::Empty => (EXIT_INVALID, e.to_string()),
                other => usage(other.to_string()),
            })?;
    write(&args.out, &bytes, args.force)?;
    Ok(args.out.clone())
}
