//! `plan-explorer export`: a chart as PNG, SVG, PDF or CSV, or every chart
//! in every format with `--all`. It builds only the chart view it needs
//! (no window state) and draws on the CPU, so it runs with no GPU and no
//! graphics driver.

use std::path::PathBuf;

use super::{EXIT_INVALID, EXIT_USAGE_OR_IO, EXIT_VALID, load_for_command};
use crate::chart::{self, ChartView, FileOptions, Format, Page, Paper, Preset};
use crate::dataset;
use crate::i18n::Lang;
use crate::view::amount::Convention;
use crate::view::charts::ChartId;

/// Arguments of `export`.
#[derive(Debug, clap::Args)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "Each flag is its own command-line switch."
)]
pub struct ExportArgs {
    /// Print the chart ids and exit.
    #[arg(long, exclusive = true)]
    pub list: bool,
    /// The chart: industrial-output, gdp-share, funds, targets, themes,
    /// units (the map by responsible unit) or timeline (`--list` prints
    /// them).
    #[arg(long, value_name = "ID", required_unless_present_any = ["list", "all", "view", "presentation"], conflicts_with_all = ["all", "view", "presentation"])]
    pub chart: Option<String>,
    /// A saved view (a .view.json file): its chart drawn as the view has
    /// it (hidden series, scales, language, amounts, annotations), on
    /// --dataset, else the view's own dataset file, else the built-in one.
    #[arg(long, value_name = "VIEW.json", conflicts_with_all = ["all", "lang", "amounts", "log_scale"])]
    pub view: Option<PathBuf>,
    /// A presentation (a .presentation.json file): one PDF with a page per
    /// slide, in its order, each slide's chart drawn as its view has it, on
    /// --size's page (a 16:9 slide by default) in --theme; on --dataset,
    /// else the dataset file its slides were saved on, else the built-in one.
    #[arg(long, value_name = "PRESENTATION.json", conflicts_with_all = ["all", "view", "lang", "amounts", "log_scale", "outline_text"])]
    pub presentation: Option<PathBuf>,
    /// Where to write; the extension chooses the format (.png, .svg, .pdf,
    /// .csv) unless --format is given.
    #[arg(long, value_name = "FILE", required_unless_present_any = ["list", "all"], conflicts_with = "all")]
    pub out: Option<PathBuf>,
    /// Write every chart in every format (PNG, SVG, PDF, CSV) into --out-dir,
    /// named CHART.EXT.
    #[arg(long, requires = "out_dir")]
    pub all: bool,
    /// The folder for --all.
    #[arg(long, value_name = "DIR", requires = "all")]
    pub out_dir: Option<PathBuf>,
    /// The format, whatever the file's extension.
    #[arg(long, value_enum, conflicts_with = "all")]
    pub format: Option<FormatArg>,
    /// The page: a 16:9 slide (960x540 points), half an A4 page (510x360)
    /// or a square (600x600).
    #[arg(long, value_enum, conflicts_with_all = ["width", "height"])]
    pub size: Option<SizeArg>,
    /// A page of your own: its width in points (with --height).
    #[arg(long, requires = "height")]
    pub width: Option<f32>,
    /// A page of your own: its height in points (with --width).
    #[arg(long, requires = "width")]
    pub height: Option<f32>,
    /// PNG pixels per point: 2 gives a 1920x1080 slide; `--width 1600
    /// --height 1000 --scale 2` gives 3200x2000 pixels.
    #[arg(long, default_value_t = 2.0)]
    pub scale: f32,
    /// The picture's theme.
    #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
    pub theme: ThemeArg,
    /// Amounts in billion yuan (international) or in 亿元 (chinese); by
    /// default, as the language writes them.
    #[arg(long, value_enum)]
    pub amounts: Option<ConventionArg>,
    /// The picture's language: en or zh (titles, labels, key, footer).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Funds on a logarithmic scale.
    #[arg(long)]
    pub log_scale: bool,
    /// SVG: outline the glyphs as paths (exact without the fonts, but no
    /// longer text).
    #[arg(long)]
    pub outline_text: bool,
    /// The dataset; the built-in one when not given.
    #[arg(long, value_name = "FILE")]
    pub dataset: Option<PathBuf>,
    /// Replace files that exist.
    #[arg(long)]
    pub force: bool,
}

/// `--format`.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum FormatArg {
    /// A picture in pixels.
    Png,
    /// A vector picture, its text as text.
    Svg,
    /// A one-page PDF with its fonts embedded.
    Pdf,
    /// The data behind the chart.
    Csv,
}

/// `--size`.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum SizeArg {
    /// A 16:9 slide, 960x540 points.
    Slide,
    /// Half an A4 page, 510x360 points.
    HalfPage,
    /// A square, 600x600 points.
    Square,
}

/// `--theme`.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum ThemeArg {
    /// Dark text on white.
    Light,
    /// Light text on near-black.
    Dark,
}

/// `--lang`.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum LangArg {
    /// English.
    En,
    /// Simplified Chinese.
    Zh,
}

/// `--amounts`.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum ConventionArg {
    /// Billion and trillion yuan.
    International,
    /// 亿元 and 万亿元.
    Chinese,
}

impl LangArg {
    /// The language asked for.
    pub fn lang(self) -> Lang {
        match self {
            Self::En => Lang::En,
            Self::Zh => Lang::Zh,
        }
    }
}

/// The convention `--amounts` asks for, or the language's own.
pub fn convention(amounts: Option<ConventionArg>, lang: Lang) -> Convention {
    amounts.map_or(Convention::of_language(lang), |a| match a {
        ConventionArg::International => Convention::International,
        ConventionArg::Chinese => Convention::Chinese,
    })
}

/// Runs `export` and returns its exit status.
pub fn export(args: &ExportArgs) -> u8 {
    if args.list {
        for chart in ChartId::ALL {
            outln!("{}", chart.id());
        }
        return EXIT_VALID;
    }
    match export_charts(args) {
        Ok(paths) => {
            for path in paths {
                outln!("wrote {}", path.display());
            }
            EXIT_VALID
        }
        Err((status, message)) => {
            eprintln!("plan-explorer export: {message}");
            status
        }
    }
}

/// One file to write.
struct Job {
    chart: ChartId,
    format: Format,
    path: PathBuf,
}

fn usage(message: String) -> (u8, String) {
    (EXIT_USAGE_OR_IO, message)
}

/// What `export` does, with the exit status of each failure. Every file is
/// checked (and drawn) before any is written; if a write still fails, the
/// files this run created are removed again.
fn export_charts(args: &ExportArgs) -> Result<Vec<PathBuf>, (u8, String)> {
    if let Some(presentation) = &args.presentation {
        return super::present::export(args, presentation, &page(args)?);
    }
    let jobs = jobs(args)?;
    let page = page(args)?;
    if !args.force
        && let Some(job) = jobs.iter().find(|j| j.path.exists())
    {
        return Err(usage(format!(
            "{} exists; pass --force to replace it",
            job.path.display()
        )));
    }
    let view = args.view.as_deref().map(read_view).transpose()?;
    // The dataset asked for, else the view's own file where it is there.
    let dataset_file = args.dataset.clone().or_else(|| {
        view.as_ref()
            .and_then(|read| read.view.dataset.file.clone())
            .filter(|file| file.is_file())
    });
    let data = match &dataset_file {
        None => dataset::load_embedded()
            .dataset
            .ok_or_else(|| (EXIT_INVALID, "the built-in dataset is invalid".to_owned()))?,
        Some(path) => load_for_command(path)?,
    };
    if let Some(read) = &view {
        return export_view(args, &data, read, &jobs[0], &page);
    }
    let lang = args.lang.unwrap_or(LangArg::En).lang();
    let convention = convention(args.amounts, lang);
    let hidden = std::collections::BTreeSet::new();
    let options = FileOptions {
        scale: args.scale,
        outline_text: args.outline_text,
    };
    // Made first, written after: a failure to draw one writes none.
    let mut files = Vec::with_capacity(jobs.len());
    for job in &jobs {
        let view = ChartView {
            convention,
            log_scale: args.log_scale,
            ..ChartView::new(&data, job.chart, &hidden, lang)
        };
        let bytes = chart::file_bytes(&view, &page, job.format, &options)
            .map_err(|e| usage(e.to_string()))?;
        files.push((job, bytes));
    }
    let mut written: Vec<PathBuf> = Vec::with_capacity(files.len());
    let mut created: Vec<PathBuf> = Vec::new();
    for (job, bytes) in files {
        let existed = job.path.exists();
        let result = crate::output::write(&job.path, &bytes, args.force);
        if let Err(e) = result {
            // A run that fails part-way takes back the files it created
            // (a file replaced with --force stays replaced).
            for path in &created {
                let _ = std::fs::remove_file(path);
            }
            return Err(match e {
                crate::output::WriteError::Exists { .. } => {
                    usage(format!("{e}; pass --force to replace it"))
                }
                other => usage(other.to_string()),
            });
        }
        if !existed {
            created.push(job.path.clone());
        }
        written.push(job.path.clone());
    }
    Ok(written)
}

/// Reads a view file for `export --view` or `briefing --views`: the
/// error says what and where.
pub fn read_view(path: &std::path::Path) -> Result<crate::view::saved::Read, (u8, String)> {
    crate::view::saved::read_file(path).map_err(|e| (EXIT_INVALID, e.to_string()))
}

/// Fits a view to `data`, saying on standard error what it no longer
/// finds and what changed in its figures since it was saved: in `lang`
/// where the command was given one (a briefing's `--lang`), else in the
/// view's own language and amounts, those its picture is drawn in.
pub fn resolve_view(
    data: &dataset::Dataset,
    read: &crate::view::saved::Read,
    path: &std::path::Path,
    lang: Option<Lang>,
) -> crate::view::saved::Resolved {
    let districts: Vec<String> = data.districts.iter().map(|d| d.name.clone()).collect();
    let resolved = crate::view::saved::resolve(read, data, &districts);
    let (lang, convention) = match lang {
        Some(lang) => (lang, Convention::of_language(lang)),
        None => (resolved.lang, resolved.convention),
    };
    for note in &resolved.notes {
        eprintln!("{}: {}", path.display(), note.text(lang, convention));
    }
    resolved
}

/// Draws a saved view's chart into the one file asked for.
fn export_view(
    args: &ExportArgs,
    data: &dataset::Dataset,
    read: &crate::view::saved::Read,
    job: &Job,
    page: &Page,
) -> Result<Vec<PathBuf>, (u8, String)> {
    let path = args.view.as_deref().unwrap_or(std::path::Path::new(""));
    let resolved = resolve_view(data, read, path, None);
    let view = ChartView::of_view(data, &resolved);
    if job.format.is_picture() {
        let scene = chart::scene(&view, page);
        for left_out in &scene.left_out {
            eprintln!("{}: {}", path.display(), left_out_text(left_out, &view));
        }
    }
    let options = FileOptions {
        scale: args.scale,
        outline_text: args.outline_text,
    };
    let bytes =
        chart::file_bytes(&view, page, job.format, &options).map_err(|e| usage(e.to_string()))?;
    let written = crate::output::write(&job.path, &bytes, args.force);
    written.map_err(|e| match e {
        crate::output::WriteError::Exists { .. } => {
            usage(format!("{e}; pass --force to replace it"))
        }
        other => usage(other.to_string()),
    })?;
    Ok(vec![job.path.clone()])
}

/// Why one of `view`'s annotations is not on its picture (or not whole),
/// naming it by its words, in the picture's language.
pub(super) fn left_out_text(left_out: &chart::annotate::LeftOut, view: &ChartView) -> String {
    let words = view
        .annotations
        .get(left_out.index())
        .map_or("", crate::view::annotations::Annotation::words);
    left_out.text(view.lang, words)
}

/// The files asked for: one chart in one format, or with `--all` every
/// chart in every format.
fn jobs(args: &ExportArgs) -> Result<Vec<Job>, (u8, String)> {
    if args.all {
        let Some(dir) = &args.out_dir else {
            return Err(usage("--all needs --out-dir DIR".to_owned()));
        };
        match std::fs::metadata(dir) {
            Ok(meta) if meta.is_dir() => {}
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
                return Err(usage(format!(
                    "cannot write into {}: {error}",
                    dir.display()
                )));
            }
            _ => {
                return Err(usage(format!(
                    "cannot write into {}: it is not a folder",
                    dir.display()
                )));
            }
        }
        return Ok(ChartId::ALL
            .into_iter()
            .flat_map(|chart| {
                Format::ALL.into_iter().map(move |format| Job {
                    chart,
                    format,
                    path: dir.join(format!("{}.{}", chart.id(), format.extension())),
                })
            })
            .collect());
    }
    let Some(out) = &args.out else {
        return Err(usage("--out is required".to_owned()));
    };
    // A view names its own chart.
    let id = match (&args.chart, &args.view) {
        (Some(id), _) => id.as_str(),
        (None, Some(_)) => ChartId::default().id(),
        (None, None) => return Err(usage("--chart or --view is required".to_owned())),
    };
    let chart = ChartId::from_id(id).ok_or_else(|| {
        let ids: Vec<&str> = ChartId::ALL.iter().map(|c| c.id()).collect();
        usage(format!(
            "no chart \"{id}\"; the charts are {}",
            ids.join(", ")
        ))
    })?;
    let format = match args.format {
        Some(FormatArg::Png) => Format::Png,
        Some(FormatArg::Svg) => Format::Svg,
        Some(FormatArg::Pdf) => Format::Pdf,
        Some(FormatArg::Csv) => Format::Csv,
        None => crate::output::format_of(out).map_err(|e| usage(e.to_string()))?,
    };
    Ok(vec![Job {
        chart,
        format,
        path: out.clone(),
    }])
}

/// The page: a preset, or `--width`/`--height` checked.
fn page(args: &ExportArgs) -> Result<Page, (u8, String)> {
    let theme = match args.theme {
        ThemeArg::Light => Paper::Light,
        ThemeArg::Dark => Paper::Dark,
    };
    if let (Some(width), Some(height)) = (args.width, args.height) {
        return Page::custom(width, height, theme).map_err(|e| usage(e.to_string()));
    }
    let preset = match args.size {
        None | Some(SizeArg::Slide) => Preset::Slide,
        Some(SizeArg::HalfPage) => Preset::HalfPage,
        Some(SizeArg::Square) => Preset::Square,
    };
    Ok(Page::of(preset, theme))
}
