//! `plan-explorer import DOC --out DRAFT.json [--into DATASET] [--lang en|zh]`:
//! drafts a plan from a document, every record marked imported and not
//! yet reviewed, and prints what it drafted.

use std::path::{Path, PathBuf};

use super::{EXIT_INVALID, EXIT_USAGE_OR_IO, EXIT_VALID, load_for_command};
use crate::dataset;
use crate::import::draft::Draft;
use crate::import::draft::units::UnitMatch;
use crate::import::to_json::{self, DocLang};

/// Arguments of `import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The document: a text file (.txt; UTF-8, UTF-16 or GB18030), a saved
    /// web page (.html), a Word document (.docx) or a PDF with a text layer.
    pub document: PathBuf,
    /// Where to write the draft dataset.
    #[arg(long, value_name = "DRAFT.json")]
    pub out: PathBuf,
    /// A dataset to add the new plan to; without it the draft is a dataset
    /// of its own, its units matched against the built-in dataset's.
    #[arg(long, value_name = "DATASET")]
    pub into: Option<PathBuf>,
    /// The document's language; by default, Chinese when most of its
    /// letters are Chinese.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Replace DRAFT.json if it exists.
    #[arg(long)]
    pub force: bool,
    /// The day to record as the import's, `YYYY-MM-DD` (default: today).
    #[arg(long, hide = true)]
    pub today: Option<String>,
}

/// A document's language on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    /// English.
    En,
    /// Chinese.
    Zh,
}

/// Runs `import` and returns its exit status.
pub fn import(args: &ImportArgs) -> u8 {
    match run(args) {
        Ok(()) => EXIT_VALID,
        Err((status, message)) => {
            eprintln!("plan-explorer: {message}");
            status
        }
    }
}

fn run(args: &ImportArgs) -> Result<(), (u8, String)> {
    if args.out.exists() && !args.force {
        return Err((
            EXIT_USAGE_OR_IO,
            format!(
                "{} exists; give --force to replace it, or another --out",
                args.out.display()
            ),
        ));
    }
    let progress = crate::job::Progress::default();
    let document = crate::import::read::read_document(&args.document, &progress).map_err(|e| {
        (
            EXIT_USAGE_OR_IO,
            format!("{}: {e}", args.document.display()),
        )
    })?;
    let text = document.text;
    let into = match &args.into {
        Some(path) => {
            let data = load_for_command(path)?;
            let json = std::fs::read_to_string(path)
                .map_err(|e| (EXIT_USAGE_OR_IO, format!("{}: {e}", path.display())))
                .and_then(|t| {
                    serde_json::from_str::<serde_json::Value>(t.trim_start_matches('\u{feff}'))
                        .map_err(|e| (EXIT_INVALID, format!("{}: {e}", path.display())))
                })?;
            Some((data, json))
        }
        None => None,
    };
    let built_in = if into.is_none() {
        Some(dataset::load_embedded().dataset.ok_or((
            EXIT_INVALID,
            "the built-in dataset does not load".to_owned(),
        ))?)
    } else {
        None
    };
    let today = args.today.clone().unwrap_or_else(to_json::today);
    let file_name = args.document.file_name().map_or_else(
        || "document.txt".to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    let lang = args.lang.map(|lang| match lang {
        LangArg::En => DocLang::En,
        LangArg::Zh => DocLang::Zh,
    });
    let (into_data, into_json) = into.unzip();
    let known_sources: Vec<String> = into_data
        .iter()
        .flat_map(|data| data.sources.iter().map(|s| s.id.to_string()))
        .collect();
    // Without --into, the built-in dataset's units are matched.
    let Some(units_of) = into_data.as_ref().or(built_in.as_ref()) else {
        return Err((EXIT_INVALID, "no dataset to match units against".to_owned()));
    };
    let prepared = crate::import::prepare(
        text,
        &file_name,
        lang,
        into_data.as_ref().zip(into_json),
        units_of,
        &today,
    );
    let (drafted, json) = (prepared.draft, prepared.json);
    let mut bytes = serde_json::to_vec_pretty(&json)
        .map_err(|e| (EXIT_USAGE_OR_IO, format!("cannot write the draft: {e}")))?;
    bytes.push(b'\n');
    let written = crate::output::write(&args.out, &bytes, args.force);
    written.map_err(|e| (EXIT_USAGE_OR_IO, format!("{}: {e}", args.out.display())))?;
    print_summary(&drafted, &args.out, &args.document, &json);
    // The document the dataset already holds is cited, not copied.
    if let Some(id) = json["sources"]
        .as_array()
        .and_then(|s| s.last())
        .and_then(|s| s["id"].as_str())
        .filter(|id| known_sources.iter().any(|k| k == id))
    {
        outln!("  source: the dataset's {id} has the same text; the draft cites it");
    }
    Ok(())
}

/// What was drafted: nodes by level, units matched or new, figures by
/// kind, and what the draft could not place.
fn print_summary(draft: &Draft, out: &Path, document: &Path, json: &serde_json::Value) {
    let (chapters, measures, items) = draft.counts();
    let mut matched = Vec::new();
    let mut new = Vec::new();
    for unit in draft.nodes.iter().flat_map(|n| &n.units) {
        match unit {
            UnitMatch::Known(i) if !matched.contains(i) => matched.push(*i),
            UnitMatch::New(name) if !new.contains(name) => new.push(name.clone()),
            _ => {}
        }
    }
    outln!(
        "{}: drafted {} from {}",
        out.display(),
        draft.plan.title.as_deref().unwrap_or("a plan"),
        document.display()
    );
    outln!(
        "  nodes: {chapters} chapters, {measures} measures, {items} items ({} unnumbered)",
        draft.nodes.iter().filter(|n| n.numbering.is_none()).count()
    );
    outln!("  units: {} matched, {} new", matched.len(), new.len());
    for name in &new {
        outln!("    new unit: {name}");
    }
    outln!("  figures: {}", figures_line(to_json::figure_counts(json)));
    for note in &draft.notes {
        outln!("  note: {}", to_json::describe(note));
    }
    outln!(
        "  every record is marked imported and unreviewed; `plan-explorer validate` counts them"
    );
}

/// The figures drafted, by kind: "12 targets, 7 funds, 9 points in 7
/// series, 8 facts, 2 exchange rates", or "none found".
fn figures_line(counts: to_json::FigureCounts) -> String {
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut parts = Vec::new();
    if counts.targets > 0 {
        parts.push(count(counts.targets, "target", "targets"));
    }
    if counts.funds > 0 {
        parts.push(count(counts.funds, "fund", "funds"));
    }
    if counts.points > 0 {
        parts.push(format!(
            "{} in {}",
            count(counts.points, "series point", "series points"),
            count(counts.series, "series", "series")
        ));
    }
    if counts.facts > 0 {
        parts.push(count(counts.facts, "fact", "facts"));
    }
    if counts.exchange_rates > 0 {
        parts.push(count(
            counts.exchange_rates,
            "exchange rate",
            "exchange rates",
        ));
    }
    if parts.is_empty() {
        "none found".to_owned()
    } else {
        parts.join(", ")
    }
}
