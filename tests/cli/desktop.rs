//! The app as a desktop citizen: the desktop entry passes
//! `desktop-file-validate` (desktop-file-utils, installed by `.ci/run`) and
//! names the app's id and icon; the icons are there at the usual sizes; the
//! window opens with that icon and id; and the Debian package's metadata
//! (`cargo deb`) installs files that exist, each where desktops look.

use std::path::{Path, PathBuf};
use std::process::Command;

use plan_explorer::ui::startup::{APP_ID, icon, viewport};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

const SIZES: [u32; 8] = [16, 24, 32, 48, 64, 128, 256, 512];

#[test]
fn the_desktop_entry_is_valid_and_names_the_apps_id_and_icon() {
    let entry = root().join("assets/plan-explorer.desktop");
    let output = Command::new("desktop-file-validate")
        .arg(&entry)
        .output()
        .expect(
            "desktop-file-validate runs (apt-get install desktop-file-utils; scripts/test installs it)",
        );
    assert!(
        output.status.success() && output.stdout.is_empty(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let text = std::fs::read_to_string(&entry).expect("reads");
    let value = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(&format!("{key}=")))
            .unwrap_or_else(|| panic!("no {key}"))
    };
    assert_eq!(value("Exec"), "plan-explorer %f");
    assert_eq!(value("Icon"), APP_ID);
    assert_eq!(value("StartupWMClass"), APP_ID);
    assert_eq!(
        entry.file_stem().and_then(|s| s.to_str()),
        Some(APP_ID),
        "the entry's file name is the app id"
    );
    assert!(
        text.contains("Name[zh_CN]="),
        "a Chinese name for Chinese desktops"
    );
}

#[test]
fn the_icons_are_there_at_every_usual_size() {
    for size in SIZES {
        let path = root().join(format!("assets/icons/plan-explorer-{size}.png"));
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let icon = icon(&bytes).unwrap_or_else(|| panic!("{} decodes", path.display()));
        assert_eq!(
            (icon.width, icon.height),
            (size, size),
            "{}",
            path.display()
        );
        // The tile is opaque in the middle and clear in the corner.
        let at = |x: u32, y: u32| icon.rgba[((y * size + x) * 4 + 3) as usize];
        assert_eq!(at(size / 2, size / 8), 255, "{size}: opaque tile");
        assert!(at(0, 0) < 64, "{size}: the corner is clear");
    }
    let svg = std::fs::read(root().join("assets/icons/plan-explorer.svg")).expect("reads");
    let tree = resvg::usvg::Tree::from_data(&svg, &resvg::usvg::Options::default())
        .expect("the scalable icon parses");
    assert!((tree.size().width() - 256.0).abs() < 1e-3);
}

#[test]
fn the_window_opens_with_the_apps_icon_and_id() {
    let builder = viewport();
    assert_eq!(builder.app_id.as_deref(), Some(APP_ID));
    assert_eq!(builder.title.as_deref(), Some("Plan Explorer"));
    let icon = builder.icon.expect("an icon");
    // Within one X11 request (tests/cli/window.rs reads it from the real
    // window): the width, the height, then a 32-bit word per pixel.
    assert_eq!((icon.width, icon.height), (128, 128));
    assert_eq!(icon.rgba.len(), 128 * 128 * 4);
    assert!((2 + icon.width * icon.height) * 4 + 24 <= 65535 * 4);
    // Bytes that are not a PNG give no icon, not a panic.
    assert!(plan_explorer::ui::startup::icon(b"not a png").is_none());
}

/// The package's `[package.metadata.deb]`, as `cargo metadata` reads it.
fn deb_metadata() -> serde_json::Value {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "metadata",
            "--no-deps",
            "--format-version",
            "1",
            "--offline",
        ])
        .current_dir(root())
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    metadata["packages"][0]["metadata"]["deb"].clone()
}

#[test]
fn the_debian_package_installs_the_binary_entry_icons_and_licences() {
    let deb = deb_metadata();
    let assets = deb["assets"].as_array().expect("assets");
    let mut installed: Vec<(PathBuf, String)> = Vec::new();
    for asset in assets {
        let source = asset[0].as_str().expect("a source");
        let target = asset[1].as_str().expect("a target").to_owned();
        // The binary is built by `cargo deb` itself.
        if source != "target/release/plan-explorer" {
            assert!(
                root().join(source).is_file(),
                "{source} is not in the repository"
            );
        }
        installed.push((PathBuf::from(source), target));
    }
    let has = |target: &str| installed.iter().any(|(_, t)| t == target);
    assert!(has("usr/bin/"));
    assert!(has("usr/share/applications/"));
    for size in SIZES {
        let target = format!("usr/share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png");
        let (source, _) = installed
            .iter()
            .find(|(_, t)| *t == target)
            .unwrap_or_else(|| panic!("no {target}"));
        assert!(
            source.to_string_lossy().ends_with(&format!("-{size}.png")),
            "{target}"
        );
    }
    assert!(has(&format!(
        "usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg"
    )));
    for licence in [
        "LICENSE-MIT",
        "LICENSE-APACHE",
        "assets/fonts/LICENSE-Noto.txt",
        "assets/fonts/LICENSE-DroidSansFallback.txt",
    ] {
        assert!(
            installed
                .iter()
                .any(|(s, t)| s == Path::new(licence) && t.starts_with("usr/share/doc/")),
            "{licence} is not installed"
        );
    }
    assert!(deb["maintainer"].as_str().is_some_and(|m| !m.is_empty()));
}
