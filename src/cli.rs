//! The command line: `validate`, `schema`, `export`, `diff`, `briefing`,
//! `sources`, `check`, and the window.
//!
//! The binary only calls [`main`]; everything it does lives here so the
//! integration tests can run the real binary and the unit tests the pieces.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde::Serialize;

use crate::dataset::{self, Problem, ReadError, Summary};

/// Writes a line to standard output as `println!` does, except that a
/// closed pipe (`plan-explorer import … | head`) ends the process quietly
/// where `println!` panics (see [`written`]). Defined before the modules
/// below, which use it.
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::cli::written({
            use std::io::Write as _;
            writeln!(std::io::stdout(), $($arg)*)
        })
    };
}

mod briefing;
mod check;
mod export;
mod import;
mod present;
mod sources;

pub use briefing::{BriefingArgs, briefing};
pub use check::{CheckArgs, check};
pub use import::{ImportArgs, import};
pub use sources::{SourcesArgs, sources};

pub use export::{ConventionArg, ExportArgs, FormatArg, LangArg, SizeArg, ThemeArg, export};

/// Explore Shanghai's industrial and medical-AI plans.
///
/// With no command, opens the window on DATASET (or the built-in dataset).
#[derive(Debug, Parser)]
#[command(
    name = "plan-explorer",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A dataset file to open in the window.
    pub dataset: Option<PathBuf>,
    /// Open the window, write it as a PNG to this file once the dataset is
    /// shown, and exit (default settings, not the last session's).
    #[arg(long, value_name = "FILE.png")]
    pub screenshot_to: Option<PathBuf>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check dataset files and print a summary or every problem.
    ///
    /// Exit status: 0 when every file is valid, 1 when one is invalid, 2 on
    /// a usage or I/O error (a missing file, a folder, no permission).
    Validate(ValidateArgs),
    /// Print the dataset format's JSON Schema.
    Schema,
    /// Write a chart as a picture (PNG, SVG, PDF) or its data (CSV), or a
    /// presentation as one PDF with a page per slide, without a window or a
    /// graphics driver.
    ///
    /// Exit status: 0 when written, 1 when the dataset is invalid, 2 on a
    /// usage or I/O error (a bad chart id, an unwritable path, an existing
    /// file without --force).
    Export(ExportArgs),
    /// Show what changed between two editions of a dataset: plans,
    /// measures, figures, funds and targets added, removed or changed.
    ///
    /// Exit status: 0 when both load (changed or not), 1 when one is
    /// invalid, 2 when one cannot be read.
    Diff(DiffArgs),
    /// Write the selection (filters, saved views or a presentation, or the
    /// whole dataset) as a briefing: FILE.pdf or FILE.docx.
    ///
    /// Exit status: 0 when written, 1 when the dataset is invalid or the
    /// selection is empty, 2 on a usage or I/O error.
    Briefing(BriefingArgs),
    /// Draft a plan from a document: every node with its numbering, title,
    /// text and units, every record marked imported and not yet reviewed,
    /// written as a dataset (or added to --into's).
    ///
    /// Exit status: 0 when written, 1 when --into's dataset is invalid, 2 on
    /// a usage or I/O error (an unreadable document, an existing --out).
    Import(ImportArgs),
    /// List the source documents (id, date, characters of the text the
    /// dataset carries, records quoting it, share quoted, title), search
    /// their texts (--search WORDS), or print one (--show ID).
    /// A search prints each match in document order, its context with the
    /// match in [brackets], the source id and character offset, and the ids
    /// of the records quoting that passage ("not quoted by any record"
    /// where none does), then how many matches in how many documents.
    /// Exit status: 0 when listed, shown or searched (a search that finds
    /// nothing says so and exits 0, since 1 means an invalid dataset), 1
    /// when the dataset is invalid or carries no text to show or search,
    /// 2 on a usage or I/O error (an unknown source id, an unreadable
    /// file).
    Sources(SourcesArgs),
    /// Check every figure a draft (a speech, a briefing: .txt, .md or
    /// .docx) states against the data: each gets a verdict (agrees,
    /// differs, drops a qualifier, drops a caveat, unknown, ambiguous)
    /// with the record's value, quote and source. With --out, a Word
    /// draft is copied with a comment on each figure.
    ///
    /// Exit status: 0 when nothing differs or drops something, 1 when
    /// something does, 2 on a usage or I/O error (an unreadable draft or
    /// dataset, an existing --out).
    Check(CheckArgs),
}

/// Arguments of `diff`.
#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The earlier edition.
    pub old: PathBuf,
    /// The later edition.
    pub new: PathBuf,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `validate`.
#[derive(Debug, clap::Args)]
pub struct ValidateArgs {
    /// Dataset files to check; with none, the embedded default dataset.
    pub files: Vec<PathBuf>,
    /// Print a JSON report instead of text.
    #[arg(long)]
    pub json: bool,
    /// For sources that carry no text: their text files are in this folder.
    /// Quotes are always proven against the texts a dataset carries.
    #[arg(long, value_name = "DIR")]
    pub sources: Option<PathBuf>,
}

/// Exit status for a valid result.
pub(crate) const EXIT_VALID: u8 = 0;
/// Exit status when a dataset is invalid.
pub(crate) const EXIT_INVALID: u8 = 1;
/// Exit status for a usage or I/O error.
pub(crate) const EXIT_USAGE_OR_IO: u8 = 2;

/// Runs the command line and returns the process's exit status.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // Help and version go to stdout with status 0; errors exit 2.
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() {
                EXIT_USAGE_OR_IO
            } else {
                EXIT_VALID
            });
        }
    };
    match cli.command {
        Some(Command::Validate(args)) => ExitCode::from(validate(&args)),
        Some(Command::Schema) => {
            outln!("{}", dataset::json_schema_text());
            ExitCode::from(EXIT_VALID)
        }
        Some(Command::Export(args)) => ExitCode::from(export(&args)),
        Some(Command::Diff(args)) => ExitCode::from(diff(&args)),
        Some(Command::Briefing(args)) => ExitCode::from(briefing(&args)),
        Some(Command::Import(args)) => ExitCode::from(import(&args)),
        Some(Command::Sources(args)) => ExitCode::from(sources(&args)),
        Some(Command::Check(args)) => ExitCode::from(check(&args)),
        None => match crate::ui::run(cli.dataset.as_deref(), cli.screenshot_to.as_deref()) {
            Ok(()) => {
                if let Some(path) = &cli.screenshot_to {
                    outln!("wrote {}", path.display());
                }
                ExitCode::from(EXIT_VALID)
            }
            Err(error) => {
                eprintln!("plan-explorer: {error:#}");
                ExitCode::from(EXIT_USAGE_OR_IO)
            }
        },
    }
}

/// What `validate` found in one file.
#[derive(Debug, Serialize)]
pub struct FileReport {
    /// The file, or [`dataset::EMBEDDED_NAME`].
    pub file: String,
    /// Whether the dataset is usable.
    pub valid: bool,
    /// Set when the file could not be read at all (exit status 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub io_error: Option<String>,
    /// The counts, when the dataset is valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<Summary>,
    /// Every problem, errors and warnings.
    pub problems: Vec<Problem>,
    /// With `--sources`: the editors' translations, which no document can
    /// prove, listed so a reviewer can read them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<dataset::quotes::Translation>,
    /// How many quotes were proven against the sources' texts, and how
    /// many could not be, their sources carrying no text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quotes: Option<QuoteCounts>,
}

/// The quotes proven and not, for `validate`'s report.
#[derive(Debug, Serialize)]
pub struct QuoteCounts {
    /// Found verbatim in their documents' texts.
    pub proven: usize,
    /// Not looked for: their documents' texts are unknown.
    pub unproven: usize,
    /// The sources whose texts were known.
    pub texts: usize,
}

/// The whole report of `validate --json`.
#[derive(Debug, Serialize)]
pub struct Report {
    /// Whether every file is valid.
    pub valid: bool,
    /// One entry per file.
    pub files: Vec<FileReport>,
}

/// Runs `validate` and returns its exit status.
pub fn validate(args: &ValidateArgs) -> u8 {
    if let Some(dir) = &args.sources
        && !dir.is_dir()
    {
        eprintln!(
            "plan-explorer: --sources expects a folder of source texts: {}",
            dir.display()
        );
        return EXIT_USAGE_OR_IO;
    }
    let files: Vec<Option<&Path>> = if args.files.is_empty() {
        vec![None]
    } else {
        args.files.iter().map(|f| Some(f.as_path())).collect()
    };
    let reports: Vec<FileReport> = files
        .into_iter()
        .map(|file| check_one(file, args.sources.as_deref()))
        .collect();

    let status = if reports.iter().any(|r| r.io_error.is_some()) {
        EXIT_USAGE_OR_IO
    } else if reports.iter().all(|r| r.valid) {
        EXIT_VALID
    } else {
        EXIT_INVALID
    };
    let report = Report {
        valid: status == EXIT_VALID,
        files: reports,
    };
    print(args.json, &report, |out| write_text(out, &report));
    status
}

/// Prints `value` to standard output as pretty JSON with a final new line,
/// or as `text` writes it; a failed write is handled by [`written`].
fn print(
    json: bool,
    value: &impl Serialize,
    text: impl FnOnce(&mut std::io::StdoutLock<'static>) -> std::io::Result<()>,
) {
    let mut out = std::io::stdout().lock();
    let written = if json {
        serde_json::to_writer_pretty(&mut out, value)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        text(&mut out)
    };
    self::written(written.and_then(|()| out.flush()));
}

/// What a write to standard output came to. A closed pipe means the reader
/// has what it wanted (`validate | head`): the process ends at once with
/// status 0 and says nothing, as ripgrep does. Any other failure (a full
/// disk under `> report.txt`) is said, and ends it with status 2, so that
/// a cut-short report is never taken for a whole one.
pub(crate) fn written(result: std::io::Result<()>) {
    match result {
        Ok(()) => {}
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => {
            std::process::exit(i32::from(EXIT_VALID));
        }
        Err(error) => {
            eprintln!("plan-explorer: cannot write to standard output: {error}");
            std::process::exit(i32::from(EXIT_USAGE_OR_IO));
        }
    }
}

/// FILE (or the built-in dataset) loaded, with the name reports give it.
fn load_named(file: Option<&Path>) -> (String, Result<dataset::Loaded, ReadError>) {
    let name = file.map_or_else(
        || dataset::EMBEDDED_NAME.to_owned(),
        |f| f.display().to_string(),
    );
    let loaded = match file {
        None => Ok(dataset::load_embedded()),
        Some(path) => dataset::load_file(path),
    };
    (name, loaded)
}

/// Loads and checks one file (or the embedded dataset).
fn check_one(file: Option<&Path>, sources: Option<&Path>) -> FileReport {
    let (name, loaded) = load_named(file);
    let mut loaded = match loaded {
        Ok(loaded) => loaded,
        Err(error) => return read_error_report(name, &error),
    };
    let mut translations = Vec::new();
    let mut quotes = None;
    if let Some(data) = &loaded.dataset
        && let Some(proof) = dataset::proof::prove(data, sources, None)
    {
        quotes = Some(QuoteCounts {
            proven: proof.proven,
            unproven: proof.unproven,
            texts: proof.texts.iter().flatten().count(),
        });
        loaded.problems.extend(proof.problems);
        if sources.is_some() {
            translations = dataset::quotes::translations(data);
        }
    }
    let valid = loaded.dataset.is_some() && loaded.errors().next().is_none();
    FileReport {
        file: name,
        valid,
        io_error: None,
        summary: loaded
            .dataset
            .as_ref()
            .filter(|_| valid)
            .map(dataset::Dataset::summary),
        problems: loaded.problems,
        translations,
        quotes,
    }
}

/// A file that could not be read: its content (exit 1) or the file itself
/// (exit 2).
fn read_error_report(name: String, error: &ReadError) -> FileReport {
    match error.content_problem() {
        Some(problem) => FileReport {
            file: name,
            valid: false,
            io_error: None,
            summary: None,
            problems: vec![problem],
            translations: Vec::new(),
            quotes: None,
        },
        None => FileReport {
            file: name,
            valid: false,
            io_error: Some(error.to_string()),
            summary: None,
            problems: Vec::new(),
            translations: Vec::new(),
            quotes: None,
        },
    }
}

/// Prints the report as `file:line:column: error: message` lines, the form
/// editors and terminals turn into links.
fn write_text(out: &mut impl std::io::Write, report: &Report) -> std::io::Result<()> {
    for file in &report.files {
        if let Some(error) = &file.io_error {
            writeln!(out, "{}: error: {error}", file.file)?;
            continue;
        }
        let errors = file.problems.iter().filter(|p| p.is_error()).count();
        let warnings = file.problems.len() - errors;
        if let Some(summary) = &file.summary {
            writeln!(
                out,
                "{}: valid: {} plans, {} measures, {} units, {} series, {} points, {} funds, \
                 {} targets, {} facts, {} sources{}",
                file.file,
                summary.plans,
                summary.measures,
                summary.units,
                summary.series,
                summary.points,
                summary.funds,
                summary.targets,
                summary.facts,
                summary.sources,
                plural_suffix(warnings, "warning"),
            )?;
        } else {
            writeln!(
                out,
                "{}: invalid: {}{}",
                file.file,
                count(errors, "error"),
                plural_suffix(warnings, "warning")
            )?;
        }
        for problem in &file.problems {
            writeln!(out, "{}", problem.located_in(&file.file))?;
        }
        if let Some(summary) = &file.summary
            && summary.unreviewed > 0
        {
            writeln!(
                out,
                "{}: {} imported and not yet reviewed",
                file.file,
                count(summary.unreviewed, "record")
            )?;
        }
        if let Some(quotes) = &file.quotes
            && quotes.proven + quotes.unproven > 0
        {
            write!(
                out,
                "{}: {} proven verbatim in {}",
                file.file,
                count(quotes.proven, "quote"),
                count(quotes.texts, "source text"),
            )?;
            if quotes.unproven > 0 {
                write!(
                    out,
                    "; {} not proven: their sources carry no text (give --sources DIR)",
                    quotes.unproven
                )?;
            }
            writeln!(out)?;
        }
        if !file.translations.is_empty() {
            writeln!(
                out,
                "{}: {} by the editors, not proved by the sources (shown marked 〔译〕):",
                file.file,
                count(file.translations.len(), "Chinese translation"),
            )?;
            for t in &file.translations {
                writeln!(out, "  {}: {} ({})", t.path, t.translation, t.english)?;
            }
        }
    }
    Ok(())
}

fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// `, 2 warnings`, or nothing for zero.
fn plural_suffix(n: usize, what: &str) -> String {
    if n == 0 {
        String::new()
    } else {
        format!(", {}", count(n, what))
    }
}

/// Loads a dataset for a command, or says why not with the exit status.
pub(crate) fn load_for_command(path: &Path) -> Result<dataset::Dataset, (u8, String)> {
    let loaded = dataset::load_file(path).map_err(|e| match e.content_problem() {
        Some(problem) => (EXIT_INVALID, format!("{}: {problem}", path.display())),
        None => (EXIT_USAGE_OR_IO, e.to_string()),
    })?;
    if let Some(first) = loaded.errors().next() {
        return Err((
            EXIT_INVALID,
            format!(
                "{}: not a valid dataset ({} problems; the first: {first}); \
                 `plan-explorer validate` lists them all",
                path.display(),
                loaded.errors().count()
            ),
        ));
    }
    loaded.dataset.ok_or_else(|| {
        (
            EXIT_INVALID,
            format!("{}: not a valid dataset", path.display()),
        )
    })
}

/// Loads the dataset a command reads: FILE, or the built-in one. When it
/// does not load, prints to standard error what `validate` prints for it
/// (each problem located) and returns the exit status: 1 for a dataset
/// that is invalid, 2 for a file that cannot be read.
pub(crate) fn load_reporting(file: Option<&Path>) -> Result<dataset::Dataset, u8> {
    let (name, loaded) = load_named(file);
    let report = match loaded {
        Ok(loaded) if loaded.errors().next().is_none() && loaded.dataset.is_some() => {
            return loaded.dataset.ok_or(EXIT_INVALID);
        }
        Ok(loaded) => FileReport {
            file: name,
            valid: false,
            io_error: None,
            summary: None,
            problems: loaded.problems,
            translations: Vec::new(),
            quotes: None,
        },
        Err(error) => read_error_report(name, &error),
    };
    let status = if report.io_error.is_some() {
        EXIT_USAGE_OR_IO
    } else {
        EXIT_INVALID
    };
    let report = Report {
        valid: false,
        files: vec![report],
    };
    drop(write_text(&mut std::io::stderr().lock(), &report));
    Err(status)
}

/// Runs `diff` and returns its exit status.
pub fn diff(args: &DiffArgs) -> u8 {
    let both = load_for_command(&args.old)
        .and_then(|old| load_for_command(&args.new).map(|new| (old, new)));
    let (old, new) = match both {
        Ok(both) => both,
        Err((status, message)) => {
            eprintln!("plan-explorer diff: {message}");
            return status;
        }
    };
    let changes = crate::view::diff::compare(&old, &new);
    print(args.json, &crate::view::diff::Json::of(&changes), |out| {
        write_changes(out, args, &changes)
    });
    EXIT_VALID
}

/// The change list as text: a summary line, then one line per change
/// (`+` added, `-` removed, `~` changed, with `old -> new` details).
fn write_changes(
    out: &mut impl std::io::Write,
    args: &DiffArgs,
    changes: &crate::view::diff::Changes,
) -> std::io::Result<()> {
    use crate::view::diff::{ChangeKind, RecordKind};
    writeln!(
        out,
        "{} (edition {}) -> {} (edition {}): {}",
        args.old.display(),
        changes.old_edition,
        args.new.display(),
        changes.new_edition,
        changes.summary(crate::i18n::Lang::En)
    )?;
    for change in &changes.changes {
        let mark = match change.kind {
            ChangeKind::Added => '+',
            ChangeKind::Removed => '-',
            ChangeKind::Changed => '~',
        };
        let record = match change.record {
            RecordKind::Plan => "plan",
            RecordKind::Measure => "measure",
            RecordKind::Figure => "figure",
            RecordKind::Fund => "fund",
            RecordKind::Target => "target",
        };
        writeln!(out, "{mark} {record} {}: {}", change.id, change.label)?;
        for detail in &change.details {
            writeln!(
                out,
                "    {}",
                detail.text(
                    crate::view::amount::Convention::International,
                    crate::i18n::Lang::En
                )
            )?;
        }
    }
    Ok(())
}
