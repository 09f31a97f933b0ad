//! The real window: `plan-explorer --screenshot-to FILE.png` under Xvfb (a
//! virtual X server; `scripts/test` installs it), and what happens with no
//! display at all.

use crate::common;

use common::decode;
use std::io::{BufRead as _, BufReader};
use std::process::{Child, Command, Stdio};

/// A private Xvfb server, stopped when dropped.
struct Xvfb {
    child: Child,
    display: String,
}

impl Xvfb {
    fn start() -> Self {
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
