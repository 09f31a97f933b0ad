//! A write that fails part way, for real: the binary runs in a child
//! process whose file size limit (`RLIMIT_FSIZE`, set by util-linux's
//! `prlimit`) is a few kilobytes, with `SIGXFSZ` ignored, so a write past
//! the limit fails with `EFBIG` as a full disk or a used-up quota fails
//! with `ENOSPC` or `EDQUOT`. Each writer must give a clear error, leave
//! the file that was there before as it was, and leave no partial or
//! temporary file behind.

use std::path::Path;
use std::process::{Command, Output};

use crate::common;

/// What was in each target before the write.
const EARLIER: &str = "the earlier file, which must survive";

/// Runs `plan-explorer ARGS` with files limited to `limit_bytes`.
fn run_limited(limit_bytes: u64, args: &[&str]) -> Output {
    // The shell ignores SIGXFSZ, which exec keeps, then prlimit sets the
    // limit and execs the binary.
    Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; exec prlimit --fsize=\"$0\" -- \"$@\"")
        .arg(limit_bytes.to_string())
        .arg(env!("CARGO_BIN_EXE_plan-explorer"))
        .args(args)
        .output()
        .expect("sh and prlimit run (util-linux)")
}

/// Checks that the run failed saying so about `target`, which still holds
/// the earlier text, and that `dir` holds only `expected`.
fn failed_cleanly(output: &Output, target: &Path, dir: &Path, expected: &[&str]) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("cannot write") && stderr.contains("File too large"),
        "{stderr}"
    );
    assert!(stderr.contains(&target.display().to_string()), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(target).expect("the earlier file is there"),
        EARLIER
    );
    assert_eq!(common::names(dir), expected, "{stderr}");
}

#[test]
fn a_limit_the_test_sets_is_a_real_limit() {
    // Without it, the writers below would pass for having written nothing.
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("chart.pdf");
    let output = run_limited(
        64 << 20,
        &[
            "export",
            "--chart",
            "funds",
            "--out",
            out.to_str().expect("UTF-8"),
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let size = std::fs::metadata(&out).expect("written").len();
    assert!(
        size > 8 * 1024,
        "the PDF is {size} bytes: over the limits below"
    );
}

#[test]
fn an_export_that_fails_part_way_keeps_the_earlier_file_and_leaves_nothing() {
    for name in ["chart.pdf", "chart.png", "chart.svg"] {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join(name);
        std::fs::write(&out, EARLIER).expect("writes");
        let args = [
            "export",
            "--chart",
            "funds",
            "--out",
            out.to_str().expect("UTF-8"),
            "--force",
        ];
        let output = run_limited(4096, &args);
        failed_cleanly(&output, &out, dir.path(), &[name]);
    }
}

#[test]
fn export_all_that_fails_part_way_keeps_the_earlier_files_and_leaves_nothing_partial() {
    let dir = tempfile::tempdir().expect("temp dir");
    let earlier = dir.path().join("funds.pdf");
    std::fs::write(&earlier, EARLIER).expect("writes");
    let out_dir = dir.path().to_str().expect("UTF-8");
    let output = run_limited(4096, &["export", "--all", "--out-dir", out_dir, "--force"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("File too large"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&earlier).expect("kept"), EARLIER);
    // Whatever was written before the failure is whole (small CSVs fit
    // under the limit); nothing is partial or temporary.
    for name in common::names(dir.path()) {
        let extension = Path::new(&name).extension().and_then(|e| e.to_str());
        assert!(
            extension != Some("part") && !name.starts_with('.'),
            "{name}"
        );
        let path = dir.path().join(&name);
        if extension == Some("csv") {
            let text = std::fs::read_to_string(&path).expect("reads");
            assert!(text.ends_with('\n'), "{name} is cut short");
        }
    }
}

#[test]
fn a_briefing_that_fails_part_way_keeps_the_earlier_file_and_leaves_nothing() {
    for name in ["briefing.pdf", "briefing.docx"] {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join(name);
        std::fs::write(&out, EARLIER).expect("writes");
        let args = ["briefing", "--out", out.to_str().expect("UTF-8"), "--force"];
        let output = run_limited(4096, &args);
        failed_cleanly(&output, &out, dir.path(), &[name]);
    }
}

#[test]
fn an_imported_edition_that_fails_part_way_keeps_the_earlier_file_and_leaves_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("edition.json");
    std::fs::write(&out, EARLIER).expect("writes");
    let document = crate::common::seeds().join("002_af999207d67a3295.txt");
    let args = [
        "import",
        document.to_str().expect("UTF-8"),
        "--out",
        out.to_str().expect("UTF-8"),
        "--force",
    ];
    let output = run_limited(4096, &args);
    failed_cleanly(&output, &out, dir.path(), &["edition.json"]);
}
