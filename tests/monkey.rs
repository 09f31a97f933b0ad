//! A monkey test: thousands of seeded random clicks, key presses, typed
//! text, drags, scrolls and window resizes on the whole app with a
//! 10,000-measure synthetic dataset. Nothing may panic, and the app must
//! stay consistent (the selection and tree rows point into the dataset).

use plan_explorer::dataset;
use plan_explorer::selection::Item;
use plan_explorer::synth::{SynthOptions, generate};
use plan_explorer::ui::AppState;

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

const KEYS: [egui::Key; 16] = [
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

fn assert_consistent(state: &AppState) {
    let data = &state.doc.dataset;
    match state.doc.selected() {
        Some(Item::Node(node)) => assert!(node.index() < data.nodes.len()),
        Some(Item::Plan(plan)) => assert!(plan.index() < data.plans.len()),
        Some(Item::Figure(_)) | None => {}
    }
    assert!(state.doc.tree.rows.len() <= data.nodes.len() + data.plans.len());
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
    vec![
        root.join("data/editions/shanghai_plans-2025-12-31.json"),
        root.join("tests/fixtures/bad/syntax_error.json"),
        huge,
        pipe,
        "/dev/zero".into(),
        scratch.join("missing.json"),
        root.join("data/shanghai_plans.json"),
    ]
}

#[test]
fn thousands_of_random_events_on_a_10k_dataset_do_not_panic() {
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
    plan_explorer::ui::style::install_fonts(&ctx);
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
    for step in 0..2_500 {
        if step % 150 == 75 {
            let file = files[opened % files.len()].clone();
            opened += 1;
            state.apply(plan_explorer::ui::Command::OpenFile(file));
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
        if step % 50 == 0 {
            assert_consistent(&state);
        }
        if let Some(item) = state.doc.selected() {
            selections.insert(item);
        }
        charts.insert(state.session.chart);
        filtered_frames += usize::from(state.doc.filter.is_active());
        most_rows = most_rows.max(state.doc.tree.rows.len());
    }
    assert!(
        state.finish_loading(std::time::Duration::from_mins(2)),
        "the last load ends"
    );
    assert_consistent(&state);
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
