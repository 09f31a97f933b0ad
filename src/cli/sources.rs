//! `plan-explorer sources`: the source documents a dataset carries, listed
//! (size, records quoting each, the share quoted), searched (each match
//! with its context and the records quoting it) or printed whole.

use std::io::{IsTerminal as _, Write as _};
use std::path::PathBuf;

use serde::Serialize;

use super::{EXIT_INVALID, EXIT_USAGE_OR_IO, EXIT_VALID, load_reporting, print};
use crate::dataset::proof::{self, Proof};
use crate::dataset::{Dataset, Source};
use crate::view::documents::{self, Match, SourceRow};

/// Arguments of `sources`.
#[derive(Debug, clap::Args)]
pub struct SourcesArgs {
    /// The dataset; the built-in one when not given.
    #[arg(long, value_name = "FILE")]
    pub dataset: Option<PathBuf>,
    /// Search the documents' texts for these words (white space and quote
    /// marks folded, ASCII letters in any case) and print each match with
    /// its context and the ids of the records quoting it.
    #[arg(long, value_name = "WORDS", num_args = 1.., conflicts_with = "show")]
    pub search: Option<Vec<String>>,
    /// With --search: print at most this many matches.
    #[arg(long, value_name = "N", default_value_t = 1000, requires = "search")]
    pub limit: usize,
    /// Print the text of the source with this id, as the dataset carries
    /// it (piped, byte for byte: its SHA-256 is the one the dataset
    /// states).
    #[arg(long, value_name = "ID")]
    pub show: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Runs `sources` and returns its exit status.
pub fn sources(args: &SourcesArgs) -> u8 {
    let data = match load_reporting(args.dataset.as_deref()) {
        Ok(data) => data,
        Err(status) => return status,
    };
    let outcome = if let Some(id) = &args.show {
        show(&data, id, args.json)
    } else {
        let proof = proof::prove(&data, None, None).unwrap_or_default();
        let errors = proof.problems.iter().filter(|p| p.is_error()).count();
        if errors > 0 {
            eprintln!(
                "plan-explorer sources: note: {errors} problem(s) with the quotes or the texts; \
                 `plan-explorer validate` lists them"
            );
        }
        if let Some(words) = &args.search {
            search(&data, &proof, &words.join(" "), args)
        } else {
            list(&data, &proof, args.json);
            Ok(())
        }
    };
    match outcome {
        Ok(()) => EXIT_VALID,
        Err((status, message)) => {
            eprintln!("plan-explorer sources: {message}");
            status
        }
    }
}

/// One source in `sources --json`.
#[derive(Debug, Serialize)]
struct RowJson<'a> {
    id: &'a str,
    title: &'a str,
    /// As the document gives it; `null` when undated.
    date: Option<&'a str>,
    /// Characters of the carried text; `null` without one.
    characters: Option<usize>,
    /// Records whose words were found in the text.
    records: Option<usize>,
    /// Characters inside a quoted passage.
    quoted_characters: Option<usize>,
    /// `quoted_characters / characters`, from 0 to 1.
    quoted_share: Option<f64>,
}

/// Prints the sources as a table, or as JSON.
fn list(data: &Dataset, proof: &Proof, json: bool) {
    let rows = documents::rows(data, proof);
    let out: Vec<RowJson<'_>> = rows
        .iter()
        .map(|row| {
            let source = &data.sources[row.source.index()];
            RowJson {
                id: &source.id,
                title: &source.title,
                date: source.date.as_deref(),
                characters: row.characters,
                records: row.records,
                quoted_characters: row.quoted_characters,
                quoted_share: row.quoted_share(),
            }
        })
        .collect();
    print(json, &out, |out| write_table(out, data, &rows));
}

/// The widest a title is shown in the table; `--json` gives it whole.
const TITLE_CHARS: usize = 60;

/// The sources as an aligned table: numbers to the right, the title last.
fn write_table(
    out: &mut impl std::io::Write,
    data: &Dataset,
    rows: &[SourceRow],
) -> std::io::Result<()> {
    let header = ["ID", "DATE", "CHARACTERS", "RECORDS", "QUOTED", "TITLE"];
    let cells: Vec<[String; 6]> = rows
        .iter()
        .map(|row| {
            let source = &data.sources[row.source.index()];
            [
                source.id.to_string(),
                source.date.clone().unwrap_or_else(|| "undated".to_owned()),
                row.characters
                    .map_or_else(|| "no text".to_owned(), thousands),
                row.records
                    .map_or_else(|| "-".to_owned(), |n| n.to_string()),
                row.quoted_share()
                    .map_or_else(|| "-".to_owned(), |share| format!("{:.1}%", share * 100.0)),
                crate::dataset::abbreviate(&source.title, TITLE_CHARS - 1, "…"),
            ]
        })
        .collect();
    let mut widths = header.map(|h| h.chars().count());
    for row in &cells {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |out: &mut dyn std::io::Write, cells: [&str; 6]| {
        let [id, dated, chars, records, quoted, title] = cells;
        writeln!(
            out,
            "{id:<w0$}  {dated:<w1$}  {chars:>w2$}  {records:>w3$}  {quoted:>w4$}  {title}",
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2],
            w3 = widths[3],
            w4 = widths[4],
        )
    };
    line(out, header)?;
    for row in &cells {
        line(out, row.each_ref().map(String::as_str))?;
    }
    Ok(())
}

/// `21449` as `21,449`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// One match in `sources --search --json`.
#[derive(Debug, Serialize)]
struct MatchJson<'a> {
    source: &'a str,
    /// In characters from the text's start.
    offset: usize,
    before: &'a str,
    #[serde(rename = "match")]
    matched: &'a str,
    after: &'a str,
    /// The ids of the records quoting the passage; empty where none does.
    quoted_by: &'a [String],
}

/// Prints the matches of `query`, or says why there can be none.
fn search(
    data: &Dataset,
    proof: &Proof,
    query: &str,
    args: &SourcesArgs,
) -> Result<(), (u8, String)> {
    if crate::dataset::folded::normalize(query).is_empty() {
        return Err((
            EXIT_USAGE_OR_IO,
            "--search needs words to look for".to_owned(),
        ));
    }
    let texts = proof.texts.iter().flatten().count();
    if texts == 0 {
        return Err((
            EXIT_INVALID,
            "no source in this dataset carries its text, so there is nothing to search".to_owned(),
        ));
    }
    // One more than asked for tells whether the limit cut the list short.
    let mut found = documents::matches(data, proof, query, args.limit.saturating_add(1));
    let cut = found.len() > args.limit;
    found.truncate(args.limit);
    if cut {
        eprintln!(
            "plan-explorer sources: showing the first {} matches; --limit N shows more",
            args.limit
        );
    }
    let json: Vec<MatchJson<'_>> = found
        .iter()
        .map(|m| MatchJson {
            source: &data.sources[m.source.index()].id,
            offset: m.offset,
            before: &m.before,
            matched: &m.matched,
            after: &m.after,
            quoted_by: &m.quoted_by,
        })
        .collect();
    let bold = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    print(args.json, &json, |out| {
        write_matches(out, data, &found, query, texts, bold)
    });
    Ok(())
}

/// Each match on its line (source, offset, context with the match in
/// brackets, bold too on a terminal), the records quoting it on the next,
/// then how many matches in how many documents.
fn write_matches(
    out: &mut impl std::io::Write,
    data: &Dataset,
    found: &[Match],
    query: &str,
    texts: usize,
    bold: bool,
) -> std::io::Result<()> {
    if found.is_empty() {
        return writeln!(
            out,
            "no match for \"{}\" in {}",
            query.trim(),
            super::count(texts, "source text")
        );
    }
    let (open, close) = if bold {
        ("[\x1b[1m", "\x1b[0m]")
    } else {
        ("[", "]")
    };
    for m in found {
        let id = &data.sources[m.source.index()].id;
        writeln!(
            out,
            "{id}:{}: {}{open}{}{close}{}",
            m.offset, m.before, m.matched, m.after
        )?;
        if m.quoted_by.is_empty() {
            writeln!(out, "    not quoted by any record")?;
        } else {
            writeln!(out, "    quoted by {}", m.quoted_by.join(", "))?;
        }
    }
    let mut documents: Vec<_> = found.iter().map(|m| m.source).collect();
    documents.dedup();
    writeln!(
        out,
        "{} in {}",
        plural(found.len(), "match", "matches"),
        super::count(documents.len(), "document")
    )
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A source in `sources --show ID --json`: what the dataset says of it,
/// and its text.
#[derive(Debug, Serialize)]
struct ShowJson<'a> {
    #[serde(flatten)]
    source: SourceJson<'a>,
    characters: usize,
    text: &'a str,
}

/// A source's facts as the dataset states them.
#[derive(Debug, Serialize)]
struct SourceJson<'a> {
    id: &'a str,
    title: &'a str,
    publisher: &'a str,
    date: Option<&'a str>,
    url: Option<&'a str>,
    file: Option<&'a str>,
    retrieved: Option<&'a str>,
    language: Option<&'a str>,
    original: Option<bool>,
    translated_by: Option<&'a str>,
    sha256: Option<&'a str>,
}

impl<'a> SourceJson<'a> {
    fn of(source: &'a Source) -> Self {
        Self {
            id: &source.id,
            title: &source.title,
            publisher: &source.publisher,
            date: source.date.as_deref(),
            url: source.url.as_deref(),
            file: source.file.as_deref(),
            retrieved: source.retrieved.as_deref(),
            language: source.language.as_deref(),
            original: source.original,
            translated_by: source.translated_by.as_deref(),
            sha256: source.sha256.as_deref(),
        }
    }
}

/// Prints the text of the source `id` as carried: an unknown id is a usage
/// error (2), a source without a text a dataset that cannot answer (1).
fn show(data: &Dataset, id: &str, json: bool) -> Result<(), (u8, String)> {
    let Some(source) = data.sources.iter().find(|s| s.id == id) else {
        let known: Vec<&str> = data.sources.iter().map(|s| s.id.as_str()).collect();
        return Err((
            EXIT_USAGE_OR_IO,
            format!("no source \"{id}\"; the sources are {}", known.join(", ")),
        ));
    };
    let Some(text) = &source.text else {
        let file = source
            .file
            .as_deref()
            .map(|f| {
                format!(" (its file is {f}, which `plan-explorer validate --sources DIR` reads)")
            })
            .unwrap_or_default();
        return Err((
            EXIT_INVALID,
            format!("the source \"{id}\" carries no text in this dataset{file}"),
        ));
    };
    let value = ShowJson {
        source: SourceJson::of(source),
        characters: text.chars().count(),
        text,
    };
    let terminal = std::io::stdout().is_terminal();
    print(json, &value, |out| {
        out.write_all(text.as_bytes())?;
        // A terminal gets its prompt on a line of its own; a pipe gets the
        // text byte for byte.
        if terminal && !text.ends_with('\n') {
            writeln!(out)?;
        }
        out.flush()
    });
    Ok(())
}
