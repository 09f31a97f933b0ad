//! `plan-explorer check DRAFT [--dataset FILE] [--lang en|zh] [--json]
//! [--out REVIEWED.docx]`: every figure a draft states, checked against
//! the data, each with its verdict; for a Word draft, a reviewed copy
//! with a comment on each figure.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::export::LangArg;
use super::{EXIT_INVALID, EXIT_USAGE_OR_IO, EXIT_VALID, load_reporting, print};
use crate::check::draft::{Draft, read_draft};
use crate::check::{Checker, Report, Verdict, reviewed};
use crate::dataset::{Dataset, proof};
use crate::i18n::Lang;

/// Arguments of `check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The draft: a text file (.txt), Markdown (.md) or a Word document
    /// (.docx; its text is read with tracked changes accepted).
    pub draft: PathBuf,
    /// The dataset; the built-in one when not given.
    #[arg(long, value_name = "FILE")]
    pub dataset: Option<PathBuf>,
    /// The language of the messages and the comments.
    #[arg(long, value_enum, default_value = "en")]
    pub lang: LangArg,
    /// Print JSON: a list of claims, each with `text`, `verdict`,
    /// `records` (ids) and `message`.
    #[arg(long)]
    pub json: bool,
    /// For a Word draft: write a copy of it with a comment on each figure
    /// checked (the draft itself is never touched).
    #[arg(long, value_name = "REVIEWED.docx")]
    pub out: Option<PathBuf>,
    /// Replace REVIEWED.docx if it exists.
    #[arg(long)]
    pub force: bool,
}

/// One claim in `check --json`.
#[derive(Debug, Serialize)]
struct ClaimJson {
    /// The figure as the draft writes it.
    text: String,
    /// `agrees`, `differs`, `drops_qualifier`, `drops_caveat`, `unknown`
    /// or `ambiguous`.
    verdict: &'static str,
    /// The ids of the records it was compared with.
    records: Vec<String>,
    /// What the data says, in --lang.
    message: String,
    /// Where: line and column (in characters) of the draft's text, from 1.
    line: usize,
    column: usize,
    /// For `differs`: in what, `value`, `year`, `unit` or `scope`
    /// (a list, empty for other verdicts).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    differs_in: Vec<crate::check::Difference>,
}

/// The whole of `check --json`.
#[derive(Debug, Serialize)]
struct ReportJson {
    draft: String,
    /// What the reader did (tracked changes accepted…), in --lang.
    notes: Vec<String>,
    /// How many claims got each verdict.
    counts: std::collections::BTreeMap<&'static str, usize>,
    claims: Vec<ClaimJson>,
    /// With --out: the reviewed copy written.
    #[serde(skip_serializing_if = "Option::is_none")]
    reviewed: Option<String>,
}

/// Runs `check` and returns its exit status: 0 when nothing differs or
/// drops something, 1 when something does, 2 on a usage or I/O error.
pub fn check(args: &CheckArgs) -> u8 {
    let lang = match args.lang {
        LangArg::En => Lang::En,
        LangArg::Zh => Lang::Zh,
    };
    match run(args, lang) {
        Ok(status) => status,
        Err(message) => {
            eprintln!("plan-explorer check: {message}");
            EXIT_USAGE_OR_IO
        }
    }
}

fn run(args: &CheckArgs, lang: Lang) -> Result<u8, String> {
    if let Some(out) = &args.out {
        check_out(args, out)?;
    }
    let draft =
        read_draft(&args.draft, &crate::job::Progress::default()).map_err(|e| e.text(lang))?;
    if args.out.is_some() && draft.docx.is_none() {
        return Err(match lang {
            Lang::En => format!(
                "--out writes a reviewed copy of a Word draft (.docx); {} is not one (the report is printed)",
                args.draft.display()
            ),
            Lang::Zh => format!(
                "--out 只为 Word 草稿（.docx）写审阅副本；{} 不是 Word 文档",
                args.draft.display()
            ),
        });
    }
    // A dataset that does not load is a usage error here: 1 means a
    // figure of the draft differs.
    let data = load_reporting(args.dataset.as_deref()).map_err(|status| {
        let what = if status == EXIT_INVALID {
            "is not a valid dataset"
        } else {
            "cannot be read"
        };
        format!(
            "the dataset {what}: {}",
            args.dataset.as_deref().map_or_else(
                || crate::dataset::EMBEDDED_NAME.to_owned(),
                |p| p.display().to_string()
            )
        )
    })?;
    let proof = proof::prove(&data, None, None).unwrap_or_default();
    let checker = Checker::new(&data, &proof);
    let report = checker
        .check(&draft.text)
        .map_err(|e| format!("{}: {}", args.draft.display(), e.text(lang)))?;
    let mut reviewed_path = None;
    if let (Some(out), Some(docx)) = (&args.out, &draft.docx) {
        write_reviewed(out, docx, &draft, &report, &data, lang)?;
        reviewed_path = Some(out.display().to_string());
    }
    let json = to_json(args, &draft, &report, &data, lang, reviewed_path);
    print(args.json, &json, |out| write_text(out, &json, lang));
    Ok(if report.has_problems() {
        EXIT_INVALID
    } else {
        EXIT_VALID
    })
}

/// --out is a new .docx, not the draft itself.
fn check_out(args: &CheckArgs, out: &Path) -> Result<(), String> {
    let same = out == args.draft
        || std::fs::canonicalize(out)
            .ok()
            .is_some_and(|o| std::fs::canonicalize(&args.draft).ok() == Some(o));
    if same {
        return Err(format!(
            "--out is the draft itself; the draft is never changed: give another file: {}",
            out.display()
        ));
    }
    if !out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("docx"))
    {
        return Err(format!("--out must name a .docx file: {}", out.display()));
    }
    if out.exists() && !args.force {
        return Err(format!(
            "{} exists; give --force to replace it, or another --out",
            out.display()
        ));
    }
    Ok(())
}

/// Writes the reviewed copy of the Word draft.
fn write_reviewed(
    out: &Path,
    docx: &[u8],
    draft: &Draft,
    report: &Report,
    data: &Dataset,
    lang: Lang,
) -> Result<(), String> {
    let notes = reviewed::notes(report, &draft.text, data, lang);
    let today = crate::import::to_json::today();
    let copy = reviewed::reviewed(docx, &notes, "Plan Explorer", &format!("{today}T00:00:00Z"))
        .map_err(|e| format!("{}: {e}", out.display()))?;
    crate::output::write_atomic(out, &copy.bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    if !copy.missed.is_empty() {
        eprintln!(
            "plan-explorer check: {} figure(s) could not be anchored in the Word document's runs: {}",
            copy.missed.len(),
            copy.missed.join(", ")
        );
    }
    Ok(())
}

fn to_json(
    args: &CheckArgs,
    draft: &Draft,
    report: &Report,
    data: &Dataset,
    lang: Lang,
    reviewed: Option<String>,
) -> ReportJson {
    let mut counts = std::collections::BTreeMap::new();
    for verdict in Verdict::ALL {
        counts.insert(verdict.json_name(), report.count(verdict));
    }
    let claims = report
        .claims
        .iter()
        .map(|c| {
            let (line, column) = line_column(&draft.text, c.range.start);
            ClaimJson {
                text: c.text.clone(),
                verdict: c.verdict.json_name(),
                records: c
                    .records
                    .iter()
                    .map(|r| data.figure_id(*r).to_owned())
                    .collect(),
                message: c.message(data, lang),
                line,
                column,
                differs_in: c.difference.into_iter().collect(),
            }
        })
        .collect();
    ReportJson {
        draft: args.draft.display().to_string(),
        notes: draft.notes_text(lang),
        counts,
        claims,
        reviewed,
    }
}

/// Line and column (in characters) of byte `at`, both from 1.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The report as text: `DRAFT:LINE:COLUMN: verdict: “figure”: message`,
/// then the counts.
fn write_text(out: &mut impl std::io::Write, json: &ReportJson, lang: Lang) -> std::io::Result<()> {
    for note in &json.notes {
        writeln!(out, "{}: {note}", json.draft)?;
    }
    if json.claims.is_empty() {
        match lang {
            Lang::En => writeln!(out, "{}: no figures found: nothing to check", json.draft)?,
            Lang::Zh => writeln!(out, "{}：未找到任何数字，无可检查", json.draft)?,
        }
        return Ok(());
    }
    for claim in &json.claims {
        let verdict = Verdict::ALL
            .into_iter()
            .find(|v| v.json_name() == claim.verdict)
            .map_or(claim.verdict, |v| v.text(lang));
        writeln!(
            out,
            "{}:{}:{}: {verdict}: “{}”: {}",
            json.draft, claim.line, claim.column, claim.text, claim.message
        )?;
    }
    let counts: Vec<String> = Verdict::ALL
        .into_iter()
        .filter(|v| json.counts.get(v.json_name()).copied().unwrap_or(0) > 0)
        .map(|v| format!("{} {}", json.counts[v.json_name()], v.text(lang)))
        .collect();
    match lang {
        Lang::En => writeln!(
            out,
            "{}: {} figures checked: {}",
            json.draft,
            json.claims.len(),
            counts.join(", ")
        )?,
        Lang::Zh => writeln!(
            out,
            "{}：共检查 {} 个数字：{}",
            json.draft,
            json.claims.len(),
            counts.join("，")
        )?,
    }
    if let Some(path) = &json.reviewed {
        match lang {
            Lang::En => writeln!(out, "wrote {path} (a comment on each figure)")?,
            Lang::Zh => writeln!(out, "已写入 {path}（每个数字附批注）")?,
        }
    }
    Ok(())
}
