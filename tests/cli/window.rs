//! The real window: `plan-explorer --screenshot-to FILE.png` under Xvfb (a
//! virtual X server; `scripts/test` installs it), and what happens with no
//! display at all.

use crate::common;

use common::decode;
use std::io::{BufRead as _, BufReader};
use std::process::{Child, Command, Stdio};

/// A private Xvfb server, stopped when dropped.
pub(super) struct Xvfb {
    child: Child,
    pub(super) display: String,
}

impl Xvfb {
    pub(super) fn start() -> Self {
        // `-displayfd 1` makes Xvfb pick a free display and print its
        // number once it is ready for clients.
        let mut child = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb runs (apt-get install xvfb; scripts/test installs it)");
        let stdout = child.stdout.take().expect("piped");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("Xvfb prints its display");
        let display = format!(":{}", line.trim());
        Self { child, display }
    }
}

impl Xvfb {
    /// The server's process id, for tests that stop it a moment (SIGSTOP)
    /// as a loaded machine delays it.
    pub(super) fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs `plan-explorer --screenshot-to out` on `xvfb` under the locale
/// `lang`, with settings in a fresh home beside `out` (not the
/// developer's), and checks it exits 0.
fn screenshot(xvfb: &Xvfb, out: &std::path::Path, lang: &str) {
    let home = out.parent().expect("a folder");
    let output = Command::new(env!("CARGO_BIN_EXE_plan-explorer"))
        .arg("--screenshot-to")
        .arg(out)
        .env("DISPLAY", &xvfb.display)
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home)
        .output()
        .expect("the binary runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn screenshot_to_writes_the_window_as_a_png_and_exits_0() {
    let xvfb = Xvfb::start();
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("window.png");
    screenshot(&xvfb, &out, "en_US.UTF-8");
    let (width, height, pixels) = decode(&out);
    assert_eq!((width, height), (1280, 800));
    // Not blank: the dataset's text and charts give many colours.
    let distinct: std::collections::HashSet<[u8; 3]> = pixels.iter().copied().collect();
    assert!(distinct.len() > 50, "only {} colours", distinct.len());
    // Nothing but the picture is left in the folder.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("lists")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .filter(|n| n.to_string_lossy().ends_with(".part"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn with_no_display_it_says_so_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("window.png");
    let output = Command::new(env!("CARGO_BIN_EXE_plan-explorer"))
        .arg("--screenshot-to")
        .arg(&out)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path())
        .output()
        .expect("the binary runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cannot open the window"), "{stderr}");
    assert!(!out.exists());
}

/// `--screenshot-to` opens with the defaults, and following the system's
/// language is one of them: the Chinese interface under a Chinese locale.
#[test]
fn screenshot_to_follows_the_system_language() {
    let xvfb = Xvfb::start();
    let dir = tempfile::tempdir().expect("temp dir");
    let shot = |lang: &str| {
        let out = dir.path().join(format!("window-{lang}.png"));
        screenshot(&xvfb, &out, lang);
        decode(&out).2
    };
    let english = shot("en_US.UTF-8");
    let again = shot("en_US.UTF-8");
    let chinese = shot("zh_CN.UTF-8");
    // The same locale gives the same picture; only the language differs.
    assert_eq!(english, again, "the screenshot is not deterministic");
    let differing = english.iter().zip(&chinese).filter(|(a, b)| a != b).count();
    assert!(
        differing > english.len() / 100,
        "only {differing} pixels differ: the interface did not change language"
    );
}

/// The app opened as a user opens it, on `xvfb`, with settings in `home`;
/// killed when dropped.
struct RunningApp(Child);

impl RunningApp {
    fn start(xvfb: &Xvfb, home: &std::path::Path) -> Self {
        let child = Command::new(env!("CARGO_BIN_EXE_plan-explorer"))
            .env("DISPLAY", &xvfb.display)
            .env_remove("WAYLAND_DISPLAY")
            .env("LANG", "en_US.UTF-8")
            .env("HOME", home)
            .env("XDG_DATA_HOME", home)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the binary runs");
        Self(child)
    }
}

impl Drop for RunningApp {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The X11 id of the top-level window titled "Plan Explorer" on `xvfb`,
/// waiting for it to open (`xwininfo`, of x11-utils; `scripts/test`
/// installs it).
fn window_id(xvfb: &Xvfb, app: &mut RunningApp) -> String {
    let deadline = std::time::Instant::now() + std::time::Duration::from_mins(2);
    loop {
        let tree = Command::new("xwininfo")
            .args(["-root", "-tree"])
            .env("DISPLAY", &xvfb.display)
            .output()
            .expect("xwininfo runs (apt-get install x11-utils; scripts/test installs it)");
        let tree = String::from_utf8_lossy(&tree.stdout);
        if let Some(line) = tree.lines().find(|l| l.contains("\"Plan Explorer\"")) {
            return line.split_whitespace().next().expect("an id").to_owned();
        }
        assert!(
            app.0.try_wait().expect("waits").is_none(),
            "the app exited before its window opened"
        );
        assert!(
            std::time::Instant::now() < deadline,
            "no window titled Plan Explorer after two minutes"
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}

/// What task bars and Alt+Tab show: the window's `_NET_WM_ICON`, read
/// with `xprop` from the real window. The 256-pixel icon was too large for
/// one X11 request, so the property was set with no data at all.
#[test]
fn the_real_window_carries_the_apps_icon_for_the_task_bar() {
    let xvfb = Xvfb::start();
    let home = tempfile::tempdir().expect("temp dir");
    let mut app = RunningApp::start(&xvfb, home.path());
    let id = window_id(&xvfb, &mut app);
    let output = Command::new("xprop")
        .args(["-id", &id, "_NET_WM_ICON"])
        .env("DISPLAY", &xvfb.display)
        .output()
        .expect("xprop runs (apt-get install x11-utils; scripts/test installs it)");
    let text = String::from_utf8_lossy(&output.stdout);
    let head: String = text.chars().take(200).collect();
    // xprop draws the icon it reads: "Icon (128 x 128):" then its pixels.
    assert!(head.contains("Icon (128 x 128)"), "{head}");
    // Drawn from the app's own picture: the tile's many shades, not blank.
    let ink = text.chars().filter(|c| !c.is_whitespace()).count();
    assert!(ink > 1000, "the icon is blank: {ink} marks\n{head}");
}

/// A screen reader on the Linux desktop (Orca) reads the app through
/// AT-SPI. Tab takes it to the chart's own node, which must carry the
/// chart's words, not only the title label before it. Run in a private
/// D-Bus session with the accessibility bus started and turned on, and
/// read with pyatspi (`scripts/test` installs dbus, at-spi2-core and
/// python3-pyatspi).
#[test]
fn a_screen_reader_reaching_the_chart_hears_it_described_through_at_spi() {
    let xvfb = Xvfb::start();
    let home = tempfile::tempdir().expect("temp dir");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cli/atspi.py");
    // The system's Python, which has pyatspi (not a virtualenv's).
    let python = ["/usr/bin/python3", "python3"]
        .into_iter()
        .find(|p| !p.starts_with('/') || std::path::Path::new(p).exists())
        .expect("a python");
    let output = Command::new("dbus-run-session")
        .args(["--", python, script, env!("CARGO_BIN_EXE_plan-explorer")])
        .arg(&xvfb.display)
        .arg(home.path())
        .output()
        .expect("dbus-run-session runs (apt-get install dbus; scripts/test installs it)");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the AT-SPI tree never held the chart: {stderr}"
    );
    let nodes: Vec<serde_json::Value> =
        serde_json::from_slice(&output.stdout).expect("the reader prints JSON");
    let chart = nodes
        .iter()
        .find(|n| n["name"] == "Industrial output chart")
        .unwrap_or_else(|| panic!("no chart node: {nodes:?}"));
    let data = plan_explorer::dataset::load_embedded()
        .dataset
        .expect("valid");
    let words = plan_explorer::view::describe::chart_description(
        &data,
        plan_explorer::view::charts::ChartId::IndustrialOutput,
        plan_explorer::i18n::Lang::En,
        plan_explorer::view::amount::Convention::International,
    );
    assert!(words.starts_with("Line chart of 4 series"), "{words}");
    assert_eq!(chart["role"], "image", "{chart}");
    assert_eq!(chart["description"], words.as_str(), "{chart}");
}
