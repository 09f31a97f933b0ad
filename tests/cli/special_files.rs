//! Paths that are not regular files (a named pipe, a socket, a device) are
//! refused before they are read, each with its own message, by the library
//! and by every command that reads a dataset; none of them waits.
#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use plan_explorer::dataset::{self, ReadError, SpecialFile};

/// A named pipe nobody writes to, a listening socket, and `/dev/zero`,
/// with the words each one's message must use.
struct Specials {
    _dir: tempfile::TempDir,
    _socket: std::os::unix::net::UnixListener,
    fifo: PathBuf,
    socket: PathBuf,
}

fn specials() -> Specials {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let fifo = dir.path().join("pipe.json");
    let status = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    let socket = dir.path().join("socket.json");
    let listener = std::os::unix::net::UnixListener::bind(&socket).expect("a socket");
    Specials {
        _dir: dir,
        _socket: listener,
        fifo,
        socket,
    }
}

fn cases(specials: &Specials) -> [(PathBuf, SpecialFile, &'static str); 3] {
    [
        (
            specials.fifo.clone(),
            SpecialFile::Fifo,
            "named pipe (FIFO)",
        ),
        (specials.socket.clone(), SpecialFile::Socket, "a socket"),
        (
            PathBuf::from("/dev/zero"),
            SpecialFile::CharDevice,
            "a device",
        ),
    ]
}

#[test]
fn the_library_refuses_each_kind_with_its_own_error() {
    let specials = specials();
    for (path, kind, words) in cases(&specials) {
        let started = Instant::now();
        let error = dataset::load_file(&path).expect_err("refused");
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{path:?} waited"
        );
        match &error {
            ReadError::NotRegular { path: p, kind: k } => {
                assert_eq!((p, *k), (&path, kind));
            }
            other => panic!("{path:?}: {other:?}"),
        }
        let message = error.to_string();
        assert!(message.contains(words), "{message}");
        assert!(message.ends_with(&path.display().to_string()), "{message}");
    }
}

#[test]
fn a_symlink_to_a_pipe_is_refused_as_a_pipe() {
    let specials = specials();
    let link = specials.fifo.with_file_name("link.json");
    std::os::unix::fs::symlink(&specials.fifo, &link).expect("a symlink");
    let error = dataset::load_file(&link).expect_err("refused");
    assert!(
        matches!(
            error,
            ReadError::NotRegular {
                kind: SpecialFile::Fifo,
                ..
            }
        ),
        "{error:?}"
    );
}

/// Runs the binary, failing the test rather than hanging if it waits.
fn run(args: &[&std::ffi::OsStr]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_plan-explorer"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let started = Instant::now();
    while child.try_wait().expect("waits").is_none() {
        if started.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("plan-explorer {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[test]
fn every_command_refuses_them_at_once_with_their_own_message() {
    let specials = specials();
    let out = tempfile::tempdir().expect("a temporary folder");
    let good = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/shanghai_plans.json");
    for (path, _, words) in cases(&specials) {
        let path = path.as_os_str();
        let png = out.path().join("chart.png");
        let pdf = out.path().join("briefing.pdf");
        let commands: Vec<Vec<&std::ffi::OsStr>> = vec![
            vec!["validate".as_ref(), path],
            vec!["diff".as_ref(), good.as_os_str(), path],
            vec!["diff".as_ref(), path, good.as_os_str()],
            vec![
                "export".as_ref(),
                "--chart".as_ref(),
                "industrial-output".as_ref(),
                "--dataset".as_ref(),
                path,
                "--out".as_ref(),
                png.as_os_str(),
            ],
            vec![
                "briefing".as_ref(),
                "--dataset".as_ref(),
                path,
                "--out".as_ref(),
                pdf.as_os_str(),
            ],
        ];
        for args in commands {
            let output = run(&args);
            let said = text(&output);
            assert_eq!(output.status.code(), Some(2), "{args:?}: {said}");
            assert!(said.contains(words), "{args:?}: {said}");
            assert!(!png.exists() && !pdf.exists(), "{args:?} wrote a file");
        }
    }
}

#[test]
fn a_source_text_that_is_a_pipe_is_reported_not_waited_on() {
    let specials = specials();
    let dir = specials.fifo.parent().expect("a folder");
    // Every source file of the built-in dataset, as pipes.
    let data = dataset::load_embedded().dataset.expect("valid");
    for source in &data.sources {
        if let Some(file) = &source.file {
            let status = Command::new("mkfifo")
                .arg(dir.join(file))
                .status()
                .expect("mkfifo runs");
            assert!(status.success());
        }
    }
    // The built-in dataset carries its texts; this copy does not, so they
    // are read from the folder.
    let json = crate::common::embedded_without_texts();
    let file = dir.join("no-texts.json");
    std::fs::write(&file, json.to_string()).expect("write the copy");
    let output = run(&[
        "validate".as_ref(),
        file.as_os_str(),
        "--sources".as_ref(),
        dir.as_os_str(),
    ]);
    let said = text(&output);
    assert_eq!(output.status.code(), Some(1), "{said}");
    assert!(
        said.contains("cannot read the source text: expected a dataset file, found a named pipe"),
        "{said}"
    );
}

#[test]
fn a_cancelled_load_stops_reading_and_checking() {
    use std::sync::Arc;
    let text = plan_explorer::synth::generate(plan_explorer::synth::SynthOptions {
        measures: 500,
        seed: 5,
    });
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("plans.json");
    std::fs::write(&path, &text).expect("writes");
    // Cancelled before it starts, reading stops at once.
    let progress = Arc::new(plan_explorer::job::Progress::default());
    progress.cancel();
    let error = dataset::load_file_with(&path, dataset::MAX_DATASET_BYTES, &progress)
        .expect_err("cancelled");
    assert!(matches!(error, ReadError::Cancelled(_)), "{error:?}");
    assert_eq!(progress.done(), 0, "nothing read");
    // And checking stops after the first node.
    let progress = Arc::new(plan_explorer::job::Progress::default());
    progress.cancel();
    assert!(dataset::load_str_with(&text, Some(&progress)).is_err());
    assert_eq!(progress.count(), 1, "stopped after one node");
    // Not cancelled, every node is counted.
    let progress = Arc::new(plan_explorer::job::Progress::default());
    let loaded = dataset::load_str_with(&text, Some(&progress)).expect("not cancelled");
    let nodes = loaded.dataset.expect("valid").nodes.len() as u64;
    assert_eq!(progress.count(), nodes);
}

/// Symbolic links that lead back to themselves, given to every command
/// that reads a dataset or a document or writes into a folder: each says
/// which path and why at once (status 2), rather than hang or call the
/// folder missing.
#[test]
fn a_looping_symlink_given_to_any_command_is_named_and_refused_at_once() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let own = dir.path().join("self.json");
    std::os::unix::fs::symlink(&own, &own).expect("a link to itself");
    let (a, b) = (dir.path().join("a.json"), dir.path().join("b.json"));
    std::os::unix::fs::symlink(&b, &a).expect("a link");
    std::os::unix::fs::symlink(&a, &b).expect("a link back");
    let folder = dir.path().join("out");
    std::os::unix::fs::symlink(&folder, &folder).expect("a folder link to itself");
    let good = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/shanghai_plans.json");
    let draft = crate::common::seeds().join("001_705510ce96c515c9.txt");
    let pdf = dir.path().join("briefing.pdf");
    let edition = dir.path().join("edition.json");
    let into_loop = folder.join("chart.pdf");
    for looping in [&own, &a] {
        let path = looping.as_os_str();
        let commands: Vec<Vec<&std::ffi::OsStr>> = vec![
            vec!["validate".as_ref(), path],
            vec!["diff".as_ref(), good.as_os_str(), path],
            vec![
                "export".as_ref(),
                "--chart".as_ref(),
                "funds".as_ref(),
                "--dataset".as_ref(),
                path,
                "--out".as_ref(),
                pdf.as_os_str(),
            ],
            vec![
                "briefing".as_ref(),
                "--dataset".as_ref(),
                path,
                "--out".as_ref(),
                pdf.as_os_str(),
            ],
            vec![
                "check".as_ref(),
                "--dataset".as_ref(),
                path,
                draft.as_os_str(),
            ],
            vec!["check".as_ref(), path],
            vec![
                "import".as_ref(),
                path,
                "--out".as_ref(),
                edition.as_os_str(),
            ],
            vec!["sources".as_ref(), "--dataset".as_ref(), path],
        ];
        for args in commands {
            let output = run(&args);
            let said = text(&output);
            assert_eq!(output.status.code(), Some(2), "{args:?}: {said}");
            assert!(
                said.contains(&looping.display().to_string())
                    && said.contains("Too many levels of symbolic links"),
                "{args:?}: {said}"
            );
            assert!(!pdf.exists() && !edition.exists(), "{args:?} wrote a file");
        }
    }
    // A folder to write into that loops: named, not called missing.
    let writes: [Vec<&std::ffi::OsStr>; 2] = [
        vec![
            "export".as_ref(),
            "--chart".as_ref(),
            "funds".as_ref(),
            "--out".as_ref(),
            into_loop.as_os_str(),
        ],
        vec![
            "export".as_ref(),
            "--all".as_ref(),
            "--out-dir".as_ref(),
            folder.as_os_str(),
        ],
    ];
    for args in writes {
        let output = run(&args);
        let said = text(&output);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {said}");
        assert!(
            said.contains(&folder.display().to_string())
                && said.contains("Too many levels of symbolic links")
                && !said.contains("does not exist"),
            "{args:?}: {said}"
        );
    }
    // In Chinese the reason is worded, with the system's number.
    let error = std::fs::read(&own).expect_err("a loop");
    let reason = plan_explorer::dataset::IoReason::of(&error);
    assert_eq!(
        reason.text(plan_explorer::i18n::Lang::Zh),
        "符号链接循环（层数过多）（系统错误 40）"
    );
}
