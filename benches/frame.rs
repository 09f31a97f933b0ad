//! `cargo bench --bench frame`: CPU time per frame of the whole window
//! (egui layout and tessellation, no GPU), and the time to re-filter the
//! tree per keystroke.
//!
//! Cases:
//! - the default dataset as it opens, at 1280x800;
//! - a 100,000-measure synthetic dataset, fully expanded, with a search
//!   active;
//! - typing a search into the 100k dataset, one keystroke at a time, each
//!   re-filtering and re-flattening the tree (fully expanded).
//!
//! Baselines measured in the same run, since this machine is shared and
//! noisy: for frames, a plain egui window (two panels, a scroll area of 60
//! labels and buttons); for re-filtering, the naive filter (lower-case
//! every title and text and test `contains`, no ancestors, no counts).
//!
//! - the theme map and the timeline of a synthetic dataset of 10,000
//!   measures in 50 plans with 200 themes (goal p95 < 4 ms), the theme map
//!   scrolled to its middle;
//! - frames drawn while a 200 MB synthetic dataset loads from a file on
//!   the worker thread (read, check, index, compare), until it is on
//!   screen;
//! - typing a search of the five built-in documents, one keystroke at a
//!   time (`Proof::search`, each hit's sentence found for its context), a
//!   realistic English query, a Chinese one and one found nowhere, against
//!   the tree's re-filter per keystroke measured in the same run.
//!
//! Goals (from the window issue): per-frame p95 <= 1 ms with the default
//! dataset and <= 4 ms at 100k; re-filter p95 <= 10 ms at 100k; p95 under
//! 16 ms while 200 MB loads. From the sources issue: the document search
//! answers each keystroke within the budget the tree search meets (10 ms).

use std::hint::black_box;
use std::time::{Duration, Instant};

use plan_explorer::dataset::proof::Proof;
use plan_explorer::dataset::{self, Dataset};
use plan_explorer::synth::{SynthOptions, generate};
use plan_explorer::ui::{AppState, DocCommand, SessionCommand};
use plan_explorer::view::tree::TreeFilter;

mod common;

const FRAMES: usize = 400;
const WARM_UP: usize = 30;

struct Stats {
    p50: Duration,
    p95: Duration,
}

fn stats(mut samples: Vec<Duration>) -> Stats {
    samples.sort();
    let at = |q: f64| {
        let i = ((samples.len() - 1) as f64 * q).round();
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "a rounded index within the samples, so the cast is exact"
        )]
        samples[i as usize]
    };
    Stats {
        p50: at(0.5),
        p95: at(0.95),
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Runs frames of `ui` and times layout plus tessellation of each. The
/// pointer wanders over the window so hovers and tooltips are part of it.
fn time_frames(frames: usize, mut ui_fn: impl FnMut(&mut egui::Ui)) -> Stats {
    let ctx = egui::Context::default();
    plan_explorer::ui::style::install(&ctx);
    let size = egui::vec2(1280.0, 800.0);
    let mut samples = Vec::with_capacity(frames);
    for frame in 0..WARM_UP + frames {
        let t = frame as f32 / (WARM_UP + frames) as f32;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size)),
            time: Some(frame as f64 / 60.0),
            events: vec![egui::Event::PointerMoved(egui::pos2(
                40.0 + t * 1200.0,
                120.0 + (t * 37.0).fract() * 600.0,
            ))],
            ..egui::RawInput::default()
        };
        let start = Instant::now();
        let mut output = ctx.run_ui(input, &mut ui_fn);
        let shapes = std::mem::take(&mut output.shapes);
        let meshes = ctx.tessellate(shapes, output.pixels_per_point);
        let elapsed = start.elapsed();
        black_box(meshes);
        output.textures_delta.clear();
        if frame >= WARM_UP {
            samples.push(elapsed);
        }
    }
    stats(samples)
}

/// The baseline window: what a small plain egui app draws.
fn plain_window(ui: &mut egui::Ui) {
    egui::Panel::left("side").show(ui, |ui| {
        for i in 0..20 {
            let _ = ui.button(format!("Button {i}"));
        }
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            for i in 0..60 {
                ui.label(format!(
                    "A line of ordinary text, number {i}, in a scroll area."
                ));
            }
        });
    });
}

/// The theme map and the timeline of 10,000 measures in 50 plans with 200
/// themes, a measure selected so its cells are lit.
fn cross_plan_charts(frames: usize, baseline: &Stats, table: &mut common::Table) {
    use plan_explorer::view::charts::ChartId;
    let text = plan_explorer::synth::generate_shaped(
        SynthOptions {
            measures: 10_000,
            seed: 3,
        },
        plan_explorer::synth::Shape {
            plans: Some(50),
            themes: 200,
        },
    );
    for (chart, notes) in [
        (ChartId::Themes, 0),
        (ChartId::Themes, 5),
        (ChartId::Timeline, 0),
    ] {
        let data = dataset::load_str(&text)
            .dataset
            .expect("the wide synthetic dataset is valid");
        let (plans, themes, nodes) = (data.plans.len(), data.themes.len(), data.nodes.len());
        let middle = data.node_by_id(&format!("n{}", nodes / 2));
        let mut state = AppState::new(data);
        state.apply(SessionCommand::ShowChart(chart));
        if let Some(node) = middle {
            state.apply(DocCommand::Select(plan_explorer::selection::Item::Node(
                node,
            )));
        }
        // Notes on cells spread down the map: each row's first cell.
        let cells: Vec<_> = {
            let matrix = &state.doc.themes;
            let step = (matrix.rows.len() / notes.max(1)).max(1);
            (0..matrix.rows.len())
                .step_by(step)
                .filter_map(|r| {
                    let c = matrix.rows[r]
                        .cells
                        .iter()
                        .position(|cell| !cell.is_empty())?;
                    plan_explorer::view::annotations::Cell::at(matrix, r, c)
                })
                .take(notes)
                .collect()
        };
        for cell in cells {
            let note = cell.note(&state.doc.dataset, "A note on this cell, in a few words");
            state.apply(SessionCommand::Annotate(chart, note));
        }
        let timed = time_frames(frames, |ui| state.ui(ui));
        let what = match (chart, notes) {
            (ChartId::Themes, 0) => "frame, theme map of".to_owned(),
            (ChartId::Themes, n) => format!("frame, theme map with {n} notes on cells, of"),
            _ => "frame, timeline of".to_owned(),
        };
        row(
            table,
            &format!("{what} {nodes} measures, {plans} plans, {themes} themes"),
            &timed,
            baseline,
            "4 ms",
        );
    }
}

fn synthetic(measures: usize) -> Dataset {
    dataset::load_str(&generate(SynthOptions { measures, seed: 1 }))
        .dataset
        .expect("the synthetic dataset is valid")
}

/// Frames of the window drawn back to back while a synthetic dataset of
/// about `bytes` loads on the worker thread, until it is on screen.
fn frames_while_loading(bytes: usize, baseline: &Stats, table: &mut common::Table) -> String {
    // How many measures make `bytes`, from a sample's size.
    let sample = generate(SynthOptions {
        measures: 2_000,
        seed: 1,
    })
    .len();
    let measures = bytes * 2_000 / sample;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("big.json");
    std::fs::write(&path, generate(SynthOptions { measures, seed: 1 })).expect("writes");
    let size = std::fs::metadata(&path).map_or(0, |m| m.len());
    let mut state = AppState::open(None).expect("the built-in dataset opens");
    let ctx = egui::Context::default();
    plan_explorer::ui::style::install(&ctx);
    let started = Instant::now();
    state.apply(SessionCommand::OpenFile(path));
    let mut samples = Vec::new();
    let mut frame = 0_u32;
    while state.is_loading() {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1280.0, 800.0),
            )),
            time: Some(started.elapsed().as_secs_f64()),
            events: vec![egui::Event::PointerMoved(egui::pos2(
                40.0 + (frame * 7 % 1200) as f32,
                400.0,
            ))],
            ..egui::RawInput::default()
        };
        let start = Instant::now();
        let mut output = ctx.run_ui(input, |ui| state.ui(ui));
        let shapes = std::mem::take(&mut output.shapes);
        black_box(ctx.tessellate(shapes, output.pixels_per_point));
        samples.push(start.elapsed());
        output.textures_delta.clear();
        frame += 1;
        // A window draws at most 60 frames a second.
        std::thread::sleep(Duration::from_millis(16).saturating_sub(start.elapsed()));
    }
    let loaded = started.elapsed();
    let nodes = state.doc.dataset.nodes.len();
    let longest = samples.iter().max().copied().unwrap_or_default();
    let timing = stats(samples);
    row(
        table,
        &format!(
            "frames while {:.0} MB ({nodes} measures) loads",
            size as f64 / 1e6
        ),
        &timing,
        baseline,
        "16 ms",
    );
    format!(
        "While the {:.0} MB file loaded: {frame} frames, the longest {:.1} ms; on screen {:.1} s after Open.",
        size as f64 / 1e6,
        ms(longest),
        loaded.as_secs_f64(),
    )
}

/// A row of the table: p50, p95, p95 against the baseline's, the goal.
fn row(table: &mut common::Table, case: &str, timed: &Stats, baseline: &Stats, goal: &str) {
    table.row(vec![
        case.to_owned(),
        format!("{:.2}", ms(timed.p50)),
        format!("{:.2}", ms(timed.p95)),
        format!(
            "{:.2}",
            timed.p95.as_secs_f64() / baseline.p95.as_secs_f64()
        ),
        goal.to_owned(),
    ]);
}

/// The naive filter: every node's texts lower-cased and searched.
fn naive_filter(data: &Dataset, query: &str) -> usize {
    let query = query.to_lowercase();
    data.nodes
        .iter()
        .filter(|n| {
            n.title.to_lowercase().contains(&query) || n.text.to_lowercase().contains(&query)
        })
        .count()
}

/// Typing three searches into `state` (all open), one keystroke at a
/// time, against the naive filter: the rows of the table. Returns the
/// re-filter's times per keystroke.
fn refilter(
    state: &mut AppState,
    measures: usize,
    rounds: usize,
    table: &mut common::Table,
) -> Stats {
    // Typing three searches, one keystroke at a time. Each keystroke's
    // query is also searched afresh (from an empty search, untimed), which
    // is one pass over the whole index: a keystroke that extends the last
    // query searches only the last one's matches when they are few.
    let typed = ["clinical model", "innovation cluster", "zzz"];
    let mut ours = Vec::new();
    let mut afresh = Vec::new();
    let mut naive = Vec::new();
    let set = |state: &mut AppState, query: &str| {
        state.apply(DocCommand::SetFilter(TreeFilter {
            query: query.to_owned(),
            ..TreeFilter::default()
        }));
    };
    for _round in 0..rounds {
        for phrase in typed {
            for end in 1..=phrase.len() {
                let query = &phrase[..end];
                let start = Instant::now();
                black_box(naive_filter(&state.doc.dataset, query));
                naive.push(start.elapsed());
                set(state, "");
                let start = Instant::now();
                set(state, query);
                afresh.push(start.elapsed());
                black_box(state.doc.tree.rows.len());
                // Back to the previous keystroke's query, then this one
                // typed on top of it.
                set(state, &phrase[..end - 1]);
                let start = Instant::now();
                set(state, query);
                ours.push(start.elapsed());
                black_box(state.doc.tree.rows.len());
            }
        }
    }
    let (ours, afresh, naive) = (stats(ours), stats(afresh), stats(naive));
    row(
        table,
        &format!("naive filter at {measures} measures (baseline)"),
        &naive,
        &naive,
        "",
    );
    row(
        table,
        &format!("re-filter + flatten per keystroke at {measures} measures, all open"),
        &ours,
        &naive,
        "10 ms",
    );
    row(
        table,
        "the same queries, each searched afresh",
        &afresh,
        &naive,
        "",
    );
    ours
}

/// How many matches a document search lists.
const DOCUMENT_HITS: usize = 200;
/// The context shown each side of a match, in bytes at most.
const CONTEXT_BYTES: usize = 160;

/// Typing searches of the documents `proof` holds, one keystroke (one
/// character) at a time: each query's matches (`Proof::search`, at most
/// `DOCUMENT_HITS`) and each match's sentence for its context, as the
/// search lists them. The documents' lower-case copy is made by the first
/// search, before the timing.
fn document_search(proof: &Proof, rounds: usize) -> (Stats, usize) {
    let typed = ["artificial intelligence", "人工智能", "zzz"];
    black_box(proof.search("warm-up", 1));
    let mut samples = Vec::new();
    let mut found = 0;
    for _round in 0..rounds {
        for phrase in typed {
            let ends = phrase.char_indices().skip(1).map(|(at, _)| at);
            for end in ends.chain([phrase.len()]) {
                let start = Instant::now();
                let hits = proof.search(&phrase[..end], DOCUMENT_HITS);
                for hit in &hits {
                    if let Some(text) = proof.text(hit.source) {
                        black_box(text.sentence_around(hit.range.clone(), CONTEXT_BYTES));
                    }
                }
                samples.push(start.elapsed());
                found = found.max(hits.len());
                black_box(hits);
            }
        }
    }
    (stats(samples), found)
}

fn main() {
    // `cargo bench` passes `--bench`; CI runs each bench once with
    // `--test`: fewer frames and 10k measures, only to prove it works.
    let quick = std::env::args().any(|a| a == "--test");
    let (frames, measures, rounds) = if quick {
        (20, 10_000, 1)
    } else {
        (FRAMES, 100_000, 5)
    };
    let mut table =
        common::Table::new(&["case", "p50 ms", "p95 ms", "p95 vs baseline", "goal (p95)"]);

    let baseline = time_frames(frames, plain_window);
    row(
        &mut table,
        "plain egui window (baseline)",
        &baseline,
        &baseline,
        "",
    );

    let mut state = AppState::open(None).expect("the built-in dataset opens");
    let default = time_frames(frames, |ui| state.ui(ui));
    row(
        &mut table,
        "frame, built-in dataset",
        &default,
        &baseline,
        "1 ms",
    );

    let data = synthetic(measures);
    let nodes = data.nodes.len();
    let mut state = AppState::new(data);
    state.apply(DocCommand::SetAllOpen(true));
    state.apply(DocCommand::SetFilter(TreeFilter {
        query: "clinical".to_owned(),
        ..TreeFilter::default()
    }));
    let rows = state.doc.tree.rows.len();
    let big = time_frames(frames, |ui| state.ui(ui));
    row(
        &mut table,
        &format!("frame, {measures} measures all open, search active ({rows} of {nodes} rows)"),
        &big,
        &baseline,
        "4 ms",
    );

    cross_plan_charts(frames, &baseline, &mut table);

    let loading = frames_while_loading(
        if quick { 5_000_000 } else { 212_000_000 },
        &baseline,
        &mut table,
    );

    let tree = refilter(&mut state, measures, rounds, &mut table);

    let builtin = AppState::open(None).expect("the built-in dataset opens");
    let proof = &builtin.doc.proof;
    let (search, most) = document_search(proof, if quick { 2 } else { 50 });
    row(
        &mut table,
        &format!(
            "document search per keystroke, {} built-in documents (vs the tree's re-filter)",
            proof.texts.iter().flatten().count()
        ),
        &search,
        &tree,
        "10 ms",
    );

    println!(
        "{} Frames: {frames} at 1280x800 (egui layout and tessellation on the CPU, no GPU).",
        common::measured_on()
    );
    table.print();
    println!("{loading}");
    println!(
        "Document search per keystroke (\"artificial intelligence\", \"人工智能\" and \"zzz\" \
         typed a character at a time; up to {DOCUMENT_HITS} matches, the most {most}, each with \
         its sentence): p95 {:.3} ms, {:.3}x the tree's re-filter per keystroke at {measures} \
         measures in this run ({:.2} ms).",
        ms(search.p95),
        search.p95.as_secs_f64() / tree.p95.as_secs_f64(),
        ms(tree.p95),
    );
}
