//! Helpers shared by the integration tests: reading pictures, the minimal
//! dataset as JSON to vary, and problems as `path: message` lines. Each
//! test binary uses some of them.
#![expect(dead_code, reason = "each test binary uses some of the shared helpers")]

use std::path::Path;

/// Width, height and RGB pixels of an RGB or RGBA PNG.
pub fn decode(path: &Path) -> (u32, u32, Vec<[u8; 3]>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(path).expect("the PNG exists"),
    ));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buffer = vec![0; reader.output_buffer_size().expect("fits")];
    let info = reader.next_frame(&mut buffer).expect("decodes");
    let channels = info.color_type.samples();
    let pixels = buffer[..info.buffer_size()]
        .chunks(channels)
        .map(|p| [p[0], p[1], p[2]])
        .collect();
    (info.width, info.height, pixels)
}

/// The names of the entries in `dir`, sorted: what a test that writes
/// finds left behind.
pub fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("lists")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// `tests/fixtures/minimal.json` as JSON, for a test to vary.
pub fn minimal() -> serde_json::Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/minimal.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("reads")).expect("JSON")
}

/// A load's problems as `path: message` lines.
pub fn messages(loaded: &plan_explorer::dataset::Loaded) -> Vec<String> {
    loaded
        .problems
        .iter()
        .map(|p| format!("{}: {}", p.path, p.message()))
        .collect()
}

/// The window on the built-in dataset in English, showing `chart`.
pub fn window_on(chart: plan_explorer::view::charts::ChartId) -> Window {
    let mut state = plan_explorer::ui::AppState::open(None).expect("opens");
    state.session.system_lang = plan_explorer::i18n::Lang::En;
    state.apply(plan_explorer::ui::SessionCommand::ShowChart(chart));
    window(state)
}

/// Presses Tab until the node named `label` has the focus; panics after
/// 300 presses.
pub fn tab_to(harness: &mut Window, label: &str) {
    use egui_kittest::kittest::{NodeT as _, Queryable as _};
    for _ in 0..300 {
        harness.key_press(egui::Key::Tab);
        harness.run();
        if harness
            .query_all_by_label(label)
            .any(|n| n.accesskit_node().is_focused())
        {
            return;
        }
    }
    panic!("Tab never reached {label:?}");
}

/// Types `words` where the keyboard is, then presses Ctrl+Enter (what
/// adds in the Annotate dialog).
pub fn type_and_add(harness: &mut Window, words: &str) {
    harness.event(egui::Event::Text(words.to_owned()));
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Enter);
    harness.run();
}

/// The picture Export writes of the chart on screen, on a 960 by 540
/// slide in the light theme.
pub fn slide_scene(harness: &Window) -> plan_explorer::chart::Scene {
    let state = harness.state();
    let cx = state.panel_context();
    let view = plan_explorer::ui::export::chart_view(&cx, state.session.settings.chart);
    plan_explorer::chart::scene(
        &view,
        &plan_explorer::chart::Page {
            width: 960.0,
            height: 540.0,
            theme: plan_explorer::chart::Paper::Light,
        },
    )
}

/// Every text painted in the last frame (a plot's hover label and the
/// drop overlay are painted, not widgets, so AccessKit does not see them).
/// The status line's words, in the window's language (empty when it says
/// nothing).
pub fn status(state: &plan_explorer::ui::AppState) -> String {
    state
        .session
        .status
        .as_ref()
        .map(|note| note.text(state.session.lang()))
        .unwrap_or_default()
}

pub fn painted_texts(harness: &Window) -> Vec<String> {
    harness
        .output()
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            egui::Shape::Text(text) => Some(text.galley.text().to_owned()),
            _ => None,
        })
        .collect()
}

/// The window in tests: the app as users start it, with its state.
pub type Window = egui_kittest::Harness<'static, plan_explorer::ui::App>;

/// A harness of the window's usual size, 1280x800, for [`app`]. A document
/// opened at a passage takes a few frames to settle (its scroll area
/// learns the text's height in its first frame, and is moved in the next),
/// so `run` may take up to eight.
pub fn builder() -> egui_kittest::HarnessBuilder<plan_explorer::ui::App> {
    egui_kittest::Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(8)
}

/// The app on `state`, built as users start it (`App::new`: the app's own
/// fonts, so a glyph no font has fails, and its visuals), not yet run.
pub fn app(
    builder: egui_kittest::HarnessBuilder<plan_explorer::ui::App>,
    state: plan_explorer::ui::AppState,
) -> Window {
    builder.build_eframe(|cc| plan_explorer::ui::App::new(cc, state))
}

/// The whole window on `state` at 1280x800, run until it settles.
pub fn window(state: plan_explorer::ui::AppState) -> Window {
    let mut harness = app(builder(), state);
    harness.run();
    harness
}

/// The source documents in `../shared/seeds`, beside the project's folder,
/// which the tests that prove quotes read. Where the folder is missing the
/// test fails saying so, rather than with a bare "file not found" deep in
/// a check (or, worse, passing because nothing was there to prove).
pub fn seeds() -> std::path::PathBuf {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    assert!(
        seeds.is_dir(),
        "this test proves quotes against the source documents in {}, which is missing: \
         the project expects its `shared` folder (with `seeds/`) beside it",
        seeds.display()
    );
    seeds
}

/// The built-in dataset.
pub fn data() -> plan_explorer::dataset::Dataset {
    plan_explorer::dataset::load_embedded()
        .dataset
        .expect("the built-in dataset is valid")
}

/// A file of `tests/fixtures`.
pub fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Runs `plan-explorer` with `args` and waits for it.
pub fn run(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_plan-explorer"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Runs `plan-explorer COMMAND` with `args` and waits for it.
pub fn run_command(command: &str, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_plan-explorer"))
        .arg(command)
        .args(args)
        .output()
        .expect("the binary runs")
}

/// The built-in dataset's JSON without the source texts it carries (and
/// their hashes), as a dataset made before sources carried texts: its
/// quotes are proven only against a `--sources` folder.
pub fn embedded_without_texts() -> serde_json::Value {
    let mut json: serde_json::Value = serde_json::from_str(plan_explorer::dataset::EMBEDDED_JSON)
        .expect("the built-in JSON parses");
    for source in json["sources"].as_array_mut().expect("sources") {
        let source = source.as_object_mut().expect("a source");
        source.remove("text");
        source.remove("sha256");
    }
    json
}

/// A valid dataset whose one plan nests nodes `depth` levels deep, the
/// deepest titled "The deepest item".
pub fn deep_dataset(depth: usize) -> String {
    let mut node = String::from(
        r#"{"id":"leaf","kind":"item","title":"The deepest item","text":"At the bottom.","units":[],"themes":[],"districts":[],"children":[]}"#,
    );
    for level in 0..depth {
        node = format!(
            r#"{{"id":"n{level}","kind":"measure","numbering":"{level}.","title":"Level {level}","text":"","units":[],"themes":[],"districts":[],"children":[{node}]}}"#
        );
    }
    format!(
        r#"{{"schema_version":1,"title":"deep","edition":"2026-01-01","sources":[{{"id":"s","title":"t","publisher":"p","file":"f.txt"}}],"units":[],"themes":[],"plans":[{{"id":"p","title":"A deep plan","period":{{"start":2025,"end":2026}},"issuer":"i","source":"s","nodes":[{node}]}}],"series":[],"funds":[],"targets":[],"exchange_rates":[]}}"#
    )
}

/// The minimal dataset with `text` as its measure's text, as JSON.
pub fn minimal_with_text(text: &str) -> String {
    let mut value = minimal();
    value["plans"][0]["nodes"][0]["children"][0]["text"] = serde_json::Value::from(text);
    serde_json::to_string(&value).expect("JSON")
}

/// Whether an `UPDATE_SNAPSHOTS`-style variable holding `value` asks the
/// tests to write their approved files: only the values kittest accepts
/// for it (`1`, `true`, `yes`, `on`). Unset or `0`, `false`, `no`, `off`
/// compare; anything else is a mistake, said at once rather than taken as
/// "update" (`UPDATE_SCHEMA=0` once rewrote the schema).
pub fn update_requested(variable: &str, value: Option<&str>) -> bool {
    match value {
        None | Some("0" | "false" | "no" | "off") => false,
        Some("1" | "true" | "yes" | "on") => true,
        Some(other) => panic!(
            "{variable}={other:?} is not understood: use 1, true or yes to update, or unset it"
        ),
    }
}

/// Whether the environment's `variable` asks the tests to update (see
/// [`update_requested`]).
pub fn update_from_env(variable: &str) -> bool {
    let value = std::env::var(variable).ok();
    update_requested(variable, value.as_deref())
}
