//! `plan-explorer briefing`: the selection (filters as the window's, or the
//! whole dataset) written as a PDF or a Word document.

use std::collections::BTreeSet;
use std::path::PathBuf;

use super::export::{ConventionArg, LangArg};
use super::{EXIT_INVALID, EXIT_USAGE_OR_IO, EXIT_VALID, load_for_command};
use crate::briefing::{self, BriefingError, Options};
use crate::dataset::{self, Dataset};
use crate::job::Progress;
use crate::view::charts::ChartId;
use crate::view::tree::TreeFilter;

/// Arguments of `briefing`.
#[derive(Debug, clap::Args)]
pub struct BriefingArgs {
    /// The dataset; the built-in one when not given.
    #[arg(long, value_name = "FILE")]
    pub dataset: Option<PathBuf>,
    /// Only this plan (by id); repeat for several.
    #[arg(long = "plan", value_name = "ID")]
    pub plans: Vec<String>,
    /// Only measures with this theme (by id); repeat for several.
    #[arg(long = "theme", value_name = "ID")]
    pub themes: Vec<String>,
    /// Only measures this unit is responsible for (by id); repeat for several.
    #[arg(long = "unit", value_name = "ID")]
    pub units: Vec<String>,
    /// Only measures naming this district; repeat for several.
    #[arg(long = "district", value_name = "NAME")]
    pub districts: Vec<String>,
    /// Only measures whose numbering, title, text or units hold this text.
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// The charts to include (by id); by default every chart that carries a
    /// selected figure. `--chart none` for no charts.
    #[arg(long = "chart", value_name = "ID")]
    pub charts: Vec<String>,
    /// Saved views (.view.json), in the order their charts go in: the
    /// briefing holds the measures any of them selects and each view's
    /// chart as the view has it (with its annotations).
    #[arg(long, value_name = "VIEW.json", num_args = 1.., conflicts_with_all = ["plans", "themes", "units", "districts", "search", "charts"])]
    pub views: Vec<PathBuf>,
    /// A presentation (.presentation.json): the briefing of its slides'
    /// views, in its order, as --views writes it.
    #[arg(long, value_name = "PRESENTATION.json", conflicts_with_all = ["views", "plans", "themes", "units", "districts", "search", "charts"])]
    pub presentation: Option<PathBuf>,
    /// The briefing's language: en or zh.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
    /// Amounts in billion yuan or in 亿元; by default as the language writes them.
    #[arg(long, value_enum)]
    pub amounts: Option<ConventionArg>,
    /// Where to write: FILE.pdf or FILE.docx.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Replace FILE if it exists.
    #[arg(long)]
    pub force: bool,
}

fn usage(message: String) -> (u8, String) {
    (EXIT_USAGE_OR_IO, message)
}

/// Runs `briefing` and returns its exit status.
pub fn briefing(args: &BriefingArgs) -> u8 {
    match write_briefing(args) {
        Ok(path) => {
            outln!("wrote {}", path.display());
            EXIT_VALID
        }
        Err((status, message)) => {
            eprintln!("plan-explorer briefing: {message}");
            status
        }
    }
}

/// The filter the arguments ask for, with every id checked.
fn filter(data: &Dataset, args: &BriefingArgs) -> Result<TreeFilter, (u8, String)> {
    let unknown = |what: &str, id: &str, known: Vec<&str>| {
        usage(format!(
            "no {what} \"{id}\"; the {what}s are {}",
            known.join(", ")
        ))
    };
    let mut filter = TreeFilter {
        query: args.search.clone().unwrap_or_default(),
        ..TreeFilter::default()
    };
    for id in &args.plans {
        let plan = data.plan_by_id(id).ok_or_else(|| {
            unknown(
                "plan",
                id,
                data.plans.iter().map(|p| p.id.as_str()).collect(),
            )
        })?;
        filter.plans.insert(plan);
    }
    for id in &args.themes {
        let theme = data.theme_by_id(id).ok_or_else(|| {
            unknown(
                "theme",
                id,
                data.themes.iter().map(|t| t.id.as_str()).collect(),
            )
        })?;
        filter.themes.insert(theme);
    }
    for id in &args.units {
        let unit = data.unit_by_id(id).ok_or_else(|| {
            unknown(
                "unit",
                id,
                data.units.iter().map(|u| u.id.as_str()).collect(),
            )
        })?;
        filter.units.insert(unit);
    }
    // A district by its id, name or alias when the dataset has a table;
    // nodes hold the table's names.
    let mut districts = BTreeSet::new();
    for spelling in &args.districts {
        if data.districts.is_empty() {
            districts.insert(spelling.clone());
            continue;
        }
        let district = data.district_by_spelling(spelling).ok_or_else(|| {
            unknown(
                "district",
                spelling,
                data.districts.iter().map(|d| d.id.as_str()).collect(),
            )
        })?;
        districts.insert(district.name.clone());
    }
    filter.districts = districts;
    Ok(filter)
}

fn write_briefing(args: &BriefingArgs) -> Result<PathBuf, (u8, String)> {
    let out = &args.out;
    let format = briefing::Format::of_file(out).map_err(|e| usage(e.to_string()))?;
    if out.exists() && !args.force {
        return Err(usage(format!(
            "{} exists; pass --force to replace it",
            out.display()
        )));
    }
    if let Some(presentation) = &args.presentation {
        return super::present::briefing(args, presentation, format);
    }
    let data = match &args.dataset {
        None => dataset::load_embedded()
            .dataset
            .ok_or_else(|| (EXIT_INVALID, "the built-in dataset is invalid".to_owned()))?,
        Some(path) => load_for_command(path)?,
    };
    if !args.views.is_empty() {
        return write_views_briefing(args, &data, format);
    }
    let filter = filter(&data, args)?;
    let charts = match args.charts.as_slice() {
        [] => None,
        [none] if none == "none" => Some(Vec::new()),
        ids => Some(
            ids.iter()
                .map(|id| {
                    ChartId::from_id(id).ok_or_else(|| {
                        let known: Vec<&str> = ChartId::ALL.iter().map(|c| c.id()).collect();
                        usage(format!(
                            "no chart \"{id}\"; the charts are {}",
                            known.join(", ")
                        ))
                    })
                })
                .collect::<Result<Vec<_>, _>>()?,
        ),
    };
    let lang = args.lang.lang();
    let convention = super::export::convention(args.amounts, lang);
    let written_on = crate::chart::render::today();
    let options = Options {
        lang,
        convention,
        charts,
        date: written_on,
        annotations: crate::view::kept::ChartNotes::new(),
    };
    let bytes = briefing::bytes(&data, &filter, &options, format, &Progress::default()).map_err(
        |e| match e {
            BriefingError::Empty => (EXIT_INVALID, e.to_string()),
            other => usage(other.to_string()),
        },
    )?;
    let written = crate::output::write(out, &bytes, args.force);
    written.map_err(|e| usage(e.to_string()))?;
    Ok(out.clone())
}

/// `briefing --views`: the views read (any error names the file and where)
/// and fitted to the dataset, then the briefing of them written.
fn write_views_briefing(
    args: &BriefingArgs,
    data: &Dataset,
    format: briefing::Format,
) -> Result<PathBuf, (u8, String)> {
    let lang = args.lang.lang();
    let mut views = Vec::with_capacity(args.views.len());
    for path in &args.views {
        let read = super::export::read_view(path)?;
        views.push(super::export::resolve_view(data, &read, path, Some(lang)));
    }
    let options = Options {
        lang,
        convention: super::export::convention(args.amounts, lang),
        charts: None,
        date: crate::chart::render::today(),
        annotations: crate::view::kept::ChartNotes::new(),
    };
    let bytes = briefing::bytes_of_views(data, &views, &options, format, &Progress::default())
        .map_err(|e| match e {
            BriefingError::Empty => (EXIT_INVALID, e.to_string()),
            other => usage(other.to_string()),
        })?;
    let out = &args.out;
    let written = crate::output::write(out, &bytes, args.force);
    written.map_err(|e| usage(e.to_string()))?;
    Ok(out.clone())
}
