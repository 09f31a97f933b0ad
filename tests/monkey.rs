//! A monkey test: thousands of seeded random clicks, key presses, typed
//! text, drags, scrolls and window resizes on the whole app with a
//! 10,000-measure synthetic dataset. Nothing may panic, and after every
//! action the app must be consistent: the selection, the tree's rows and
//! the charts' lit figures point into the dataset on screen, and the tree,
//! the theme map and the timeline are what a fresh build from the
//! dataset, the search, the facets and the open rows gives.

use plan_explorer::dataset::{self, FigureRef};
use plan_explorer::selection::Item;
use plan_explorer::synth::{SynthOptions, generate};
use plan_explorer::ui::AppState;
use plan_explorer::view::charts::{LegendKey, highlighted};
use plan_explorer::view::themes::ThemeMatrix;
use plan_explorer::view::timeline::Timeline;
use plan_explorer::view::tree::{Expansion, SearchIndex, TreeData, TreeFilter};

/// The synthetic data's generator, with what the monkey needs.
struct Rng(plan_explorer::synth::Rng);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0.next_u64() % n
    }

    fn unit(&mut self) -> f32 {
        (self.0.next_u64() >> 40) as f32 / (1u64 << 24) as f32
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[usize::try_from(self.below(items.len() as u64)).expect("small")]
    }
}

const KEYS: [egui::Key; 17] = [
    egui::Key::ArrowUp,
    egui::Key::ArrowDown,
    egui::Key::ArrowLeft,
    egui::Key::ArrowRight,
    egui::Key::Enter,
    egui::Key::Home,
    egui::Key::End,
    egui::Key::Tab,
    egui::Key::Escape,
    egui::Key::Space,
    egui::Key::Backspace,
    egui::Key::PageDown,
    egui::Key::PageUp,
    egui::Key::Plus,
    egui::Key::Minus,
    egui::Key::A,
    // Presents (or says there is nothing to present).
    egui::Key::F5,
];

const MODIFIERS: [egui::Modifiers; 5] = [
    egui::Modifiers::NONE,
    egui::Modifiers::NONE,
    egui::Modifiers::ALT,
    egui::Modifiers::SHIFT,
    egui::Modifiers::COMMAND,
];

const WORDS: [&str; 6] = ["measure", "fund", "a", "zz", "医疗", "1"];

/// The events of one random action.
fn action(rng: &mut Rng, size: egui::Vec2, pointer: &mut egui::Pos2) -> Vec<egui::Event> {
    let mut at = || egui::pos2(rng.unit() * size.x, rng.unit() * size.y);
    let anywhere = at();
    let button = |pos, pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    };
    match rng.below(10) {
        // Clicks are the most common, as with people.
        0..=3 => {
            *pointer = anywhere;
            vec![
                egui::Event::PointerMoved(anywhere),
                button(anywhere, true),
                button(anywhere, false),
            ]
        }
        4 | 5 => {
            let modifiers = rng.pick(&MODIFIERS);
            let key = rng.pick(&KEYS);
            vec![
                egui::Event::Key {
                    key,
                    physical_key: None,
                    pressed: true,
                    repeat: false,
                    modifiers,
                },
                egui::Event::Key {
                    key,
                    physical_key: None,
                    pressed: false,
                    repeat: false,
                    modifiers,
                },
            ]
        }
        6 => vec![egui::Event::Text(rng.pick(&WORDS).to_owned())],
        7 => {
            // A drag in a few steps (panel edges, plots, scroll bars).
            let to = egui::pos2(rng.unit() * size.x, rng.unit() * size.y);
            let mut events = vec![egui::Event::PointerMoved(*pointer), button(*pointer, true)];
            for t in [0.33, 0.66, 1.0] {
                events.push(egui::Event::PointerMoved(pointer.lerp(to, t)));
            }
            events.push(button(to, false));
            *pointer = to;
            events
        }
        8 => {
            *pointer = anywhere;
            vec![
                egui::Event::PointerMoved(anywhere),
                egui::Event::MouseWheel {
                    unit: egui::MouseWheelUnit::Point,
                    delta: egui::vec2(0.0, (rng.unit() - 0.5) * 2000.0),
                    phase: egui::TouchPhase::Move,
                    source: egui::MouseWheelSource::Wheel,
                    modifiers: rng.pick(&MODIFIERS),
                },
            ]
        }
        _ => {
            *pointer = anywhere;
            vec![egui::Event::PointerMoved(anywhere)]
        }
    }
}

/// Whether `figure` points into `data`.
fn figure_in(data: &dataset::Dataset, figure: FigureRef) -> bool {
    match figure {
        FigureRef::Series(s) => s.index() < data.series.len(),
        FigureRef::Point(s, p) => data
            .series
            .get(s.index())
            .is_some_and(|series| (p as usize) < series.points.len()),
        FigureRef::Fund(f) => f.index() < data.funds.len(),
        FigureRef::Target(t) => t.index() < data.targets.len(),
        FigureRef::Fact(f) => f.index() < data.facts.len(),
    }
}

fn item_in(data: &dataset::Dataset, item: Item) -> bool {
    match item {
        Item::Node(node) => node.index() < data.nodes.len(),
        Item::Plan(plan) => plan.index() < data.plans.len(),
        Item::Figure(figure) => figure_in(data, figure),
    }
}

/// What the tree and charts are built from; when it changes, they are
/// checked against a fresh build (a full check costs tens of milliseconds
/// at 10k measures, too much for each of 2,500 frames that change nothing).
#[derive(Clone, PartialEq)]
struct Inputs {
    generation: u64,
    filter: TreeFilter,
    expansion: Expansion,
    selected: Option<Item>,
}

fn inputs(state: &AppState) -> Inputs {
    Inputs {
        generation: state.doc.generation,
        filter: state.doc.filter.clone(),
        expansion: state.doc.expansion.clone(),
        selected: state.doc.selected(),
    }
}

/// The checks made after every action; `full` adds the fresh builds.
fn assert_consistent(state: &AppState, full: bool) {
    let data = &state.doc.dataset;
    if let Some(item) = state.doc.selected() {
        assert!(
            item_in(data, item),
            "the selection {item:?} is not in the dataset"
        );
    }
    for row in &state.doc.tree.rows {
        assert!(
            item_in(data, row.item),
            "a tree row {:?} is not in the dataset",
            row.item
        );
    }
    assert!(state.doc.tree.rows.len() <= data.nodes.len() + data.plans.len());
    for figure in highlighted(data, state.doc.selected()) {
        assert!(
            figure_in(data, figure),
            "a lit figure {figure:?} is not in the dataset"
        );
    }
    for key in &state.doc.hidden {
        let known = match key {
            LegendKey::Series(s) => s.index() < data.series.len(),
            LegendKey::Level(_) => true,
        };
        assert!(known, "a hidden legend entry {key:?} is not in the dataset");
    }
    if !full {
        return;
    }
    let search = SearchIndex::new(data);
    let fresh = TreeData::new(data, &search, &state.doc.filter, &state.doc.expansion);
    assert!(
        state.doc.tree == fresh,
        "the tree ({} rows) is not what the filter {:?} and the open rows give ({} rows)",
        state.doc.tree.rows.len(),
        state.doc.filter,
        fresh.rows.len()
    );
    assert!(
        state.doc.themes == ThemeMatrix::new(data),
        "the theme map is stale"
    );
    assert!(
        state.doc.timeline == Timeline::new(data),
        "the timeline is stale"
    );
}

/// Files opened while the monkey clicks: valid, invalid, huge, a pipe
/// nobody writes to, a device, a missing one. Each load runs behind the
/// clicks; every one must end in the dataset or the problems panel.
fn files_to_open(scratch: &std::path::Path) -> Vec<std::path::PathBuf> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let huge = scratch.join("huge.json");
    std::fs::write(
        &huge,
        generate(SynthOptions {
            measures: 30_000,
            seed: 8,
        }),
    )
    .expect("writes");
    let pipe = scratch.join("pipe.json");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&pipe)
            .status()
            .expect("mkfifo runs")
            .success()
    );
    // The project's own files are copied first: once one is open, the
    // dialogs the monkey reaches (export, save a view, a presentation's
    // PDF) propose its folder, and nothing may be written into the tree.
    let copy = |from: &str| {
        let to = scratch.join(std::path::Path::new(from).file_name().expect("a file name"));
        std::fs::copy(root.join(from), &to).expect("copies");
        to
    };
    vec![
        copy("data/editions/shanghai_plans-2025-12-31.json"),
        copy("tests/fixtures/bad/syntax_error.json"),
        huge,
        pipe,
        "/dev/zero".into(),
        scratch.join("missing.json"),
        copy("data/shanghai_plans.json"),
    ]
}

#[test]
#[expect(
    clippy::too_many_lines,
    reason = "One story of 2,500 steps with its tallies; split, it would read worse."
)]
fn thousands_of_random_events_on_a_10k_dataset_leave_it_consistent() {
    let text = generate(SynthOptions {
        measures: 10_000,
        seed: 7,
    });
    let data = dataset::load_str(&text)
        .dataset
        .expect("the synthetic dataset is valid");
    let mut state = AppState::new(data);
    // Clicks may reach the Export dialog's Export button, which writes to
    // the working folder: make that a temporary one (this binary holds
    // only this test, so changing it affects nothing else).
    let scratch = tempfile::tempdir().expect("temp dir");
    std::env::set_current_dir(scratch.path()).expect("cd");
    // The Export dialog proposes the dataset's folder: the scratch one too
    // (a reload then finds no file there, which the app must also take).
    state.doc.path = Some(scratch.path().join("synthetic.json"));
    let ctx = egui::Context::default();
    plan_explorer::ui::style::install(&ctx);
    let mut rng = Rng(plan_explorer::synth::Rng(2026));
    let mut size = egui::vec2(1280.0, 800.0);
    let mut pointer = egui::Pos2::ZERO;
    let mut events_sent = 0;
    let mut time = 0.0;
    // What the monkey reached, so the test notices if its events stop
    // reaching the app.
    let mut selections = std::collections::HashSet::new();
    let mut charts = std::collections::HashSet::new();
    let mut filtered_frames = 0;
    let mut most_rows = 0;
    let files = files_to_open(scratch.path());
    let mut opened = 0;
    let mut loads = 0;
    let mut refusals = 0;
    let mut last_generation = state.doc.generation;
    let mut last_inputs = inputs(&state);
    let mut full_checks = 0;
    assert_consistent(&state, true);
    for step in 0..2_500 {
        if step % 150 == 75 {
            let file = files[opened % files.len()].clone();
            opened += 1;
            state.apply(plan_explorer::ui::SessionCommand::OpenFile(file));
        }
        // A little real time now and then, so loads can finish between
        // the monkey's frames.
        if step % 10 == 0 {
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        if state.doc.generation != last_generation {
            last_generation = state.doc.generation;
            loads += 1;
        }
        if state
            .session
            .status
            .as_ref()
            .is_some_and(|s| matches!(s, plan_explorer::ui::Note::DidNotLoad { .. }))
        {
            refusals += 1;
        }
        // Now and then the window is resized, down to the minimum size.
        if rng.below(100) == 0 {
            size = egui::vec2(800.0 + rng.unit() * 1120.0, 500.0 + rng.unit() * 580.0);
        }
        let events = action(&mut rng, size, &mut pointer);
        events_sent += events.len();
        time += 1.0 / 30.0;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size)),
            time: Some(time),
            events,
            ..egui::RawInput::default()
        };
        // No renderer: the frame's texture updates are dropped.
        ctx.run_ui(input, |ui| state.ui(ui)).textures_delta.clear();
        let now = inputs(&state);
        let changed = now != last_inputs;
        full_checks += usize::from(changed);
        assert_consistent(&state, changed);
        last_inputs = now;
        if let Some(item) = state.doc.selected() {
            selections.insert(item);
        }
        charts.insert(state.session.settings.chart);
        filtered_frames += usize::from(state.doc.filter.is_active());
        most_rows = most_rows.max(state.doc.tree.rows.len());
    }
    assert!(
        state.finish_loading(std::time::Duration::from_mins(2)),
        "the last load ends"
    );
    assert_consistent(&state, true);
    eprintln!("{full_checks} frames checked against a fresh build");
    // About 80 with this seed: every load, filter, open row and selection.
    assert!(
        full_checks > 30,
        "only {full_checks} frames changed the tree's inputs"
    );
    eprintln!("{opened} files opened, {loads} loaded, {refusals} frames after a refusal");
    assert!(opened >= 14, "{opened} files opened");
    assert!(loads >= 2, "only {loads} files loaded");
    assert!(refusals > 0, "no file was refused");
    eprintln!(
        "{events_sent} events; {} items selected; {} charts; {filtered_frames} frames \
         filtered; at most {most_rows} tree rows",
        selections.len(),
        charts.len()
    );
    assert!(events_sent > 5_000, "{events_sent} events");
    assert!(selections.len() > 10, "{} selections", selections.len());
    assert!(charts.len() >= 3, "{} charts", charts.len());
    assert!(filtered_frames > 0);
    assert!(most_rows > 100, "{most_rows} rows");
}
