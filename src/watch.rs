//! Noticing that the open dataset file changed on disk, without reporting
//! a file that is still being written: a change is acted on only once the
//! file's size and modification time have stayed the same for a while.
//!
//! [`FileWatch`] is the pure logic over stamps and times, tested without
//! waiting. [`Watch`] drives it: from the operating system's file events
//! (through `notify`, on the file's folder, so an editor that saves by
//! renaming a new file over the old one is seen), or by polling where such
//! events do not arrive (network file systems) or cannot be had.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime};

/// How long a changed file must stay unchanged before it is reloaded, in
/// seconds.
pub const SETTLE_SECONDS: f64 = 1.0;

/// How often the file is looked at while polling, or while a change
/// settles, in seconds.
pub const POLL_SECONDS: f64 = 0.5;

/// What identifies a version of a file: its length and modification time;
/// `None` when the file is missing or unreadable.
pub type Stamp = Option<(u64, SystemTime)>;

/// The stamp of `path` now.
pub fn stamp(path: &Path) -> Stamp {
    let metadata = std::fs::metadata(path).ok()?;
    Some((metadata.len(), metadata.modified().ok()?))
}

/// What a look at the file found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seen {
    /// Nothing to act on (unchanged, or a change still settling).
    Nothing,
    /// The file changed and has settled: load it again.
    Changed,
    /// The file has gone (deleted or moved away) and stayed gone.
    Gone,
}

/// Watches one file's stamps; see the module's documentation.
#[derive(Clone, Debug)]
pub struct FileWatch {
    /// The file.
    pub path: PathBuf,
    /// The version on screen (`None` once it was seen gone).
    seen: Stamp,
    /// A newer version and since when it has looked like this.
    pending: Option<(Stamp, f64)>,
    /// When the file was last looked at.
    last_poll: f64,
}

impl FileWatch {
    /// Watches `path`, whose version `seen` is on screen.
    pub fn new(path: PathBuf, seen: Stamp) -> Self {
        Self {
            path,
            seen,
            pending: None,
            last_poll: f64::NEG_INFINITY,
        }
    }

    /// Whether it is time to look at the file again.
    pub fn due(&self, now: f64) -> bool {
        now - self.last_poll >= POLL_SECONDS
    }

    /// Takes the file's stamp at time `now` (seconds); says whether the
    /// file has changed and settled, or gone.
    pub fn poll(&mut self, now: f64, current: Stamp) -> Seen {
        self.last_poll = now;
        if current == self.seen {
            // Back as it was (or never changed): nothing to do.
            self.pending = None;
            return Seen::Nothing;
        }
        match self.pending {
            Some((pending, since)) if pending == current => {
                if now - since >= SETTLE_SECONDS {
                    self.seen = current;
                    self.pending = None;
                    if current.is_some() {
                        Seen::Changed
                    } else {
                        Seen::Gone
                    }
                } else {
                    Seen::Nothing
                }
            }
            // A new change, or still changing: start waiting again.
            _ => {
                self.pending = Some((current, now));
                Seen::Nothing
            }
        }
    }

    /// Whether a change is waiting to settle.
    pub fn is_settling(&self) -> bool {
        self.pending.is_some()
    }

    /// Whether the file was last seen gone.
    pub fn is_gone(&self) -> bool {
        self.seen.is_none()
    }
}

/// How a [`Watch`] learns of changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The operating system's file events; no wake-ups while idle.
    Events,
    /// A thread of its own looks every [`POLL_SECONDS`], so a stalled
    /// network share never holds up the window.
    Polling,
}

/// Watches the open file; the window calls [`Watch::tick`] each frame and
/// asks for the next frame when it says.
pub struct Watch {
    file: FileWatch,
    /// Set when something may have changed: by the event thread, by the
    /// polling thread, and at the start (a write may have landed while the
    /// file was read).
    stirred: Arc<AtomicBool>,
    /// Set by the event thread when the system's watch fails (the folder
    /// deleted, say): polling takes over.
    broken: Arc<AtomicBool>,
    /// The stamp the polling thread saw last.
    polled: Arc<std::sync::Mutex<Stamp>>,
    /// Tells the polling thread to stop.
    stop: Arc<AtomicBool>,
    wake: Arc<dyn Fn() + Send + Sync>,
    /// The system's watcher, kept alive while watching (dropped, it
    /// stops); `None` while polling.
    native: Option<notify::RecommendedWatcher>,
}

impl std::fmt::Debug for Watch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watch")
            .field("file", &self.file)
            .field("mode", &self.mode())
            .finish_non_exhaustive()
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

impl Watch {
    /// Watches `path`, whose version `seen` is on screen. `wake` is called
    /// from the watching threads when something changed. Events are used
    /// unless `polling` is asked for, the file is on a network file system,
    /// or they cannot be set up.
    pub fn new(
        path: PathBuf,
        seen: Stamp,
        polling: bool,
        wake: impl Fn() + Send + Sync + 'static,
    ) -> Self {
        let mut watch = Self {
            file: FileWatch::new(path, seen),
            stirred: Arc::new(AtomicBool::new(true)),
            broken: Arc::new(AtomicBool::new(false)),
            polled: Arc::new(std::sync::Mutex::new(seen)),
            stop: Arc::new(AtomicBool::new(false)),
            wake: Arc::new(wake),
            native: None,
        };
        if !polling && !on_network_file_system(&watch.file.path) {
            watch.native = native_watcher(
                &watch.file.path,
                Arc::clone(&watch.stirred),
                Arc::clone(&watch.broken),
                Arc::clone(&watch.wake),
            );
        }
        if watch.native.is_none() {
            watch.start_polling();
        }
        watch
    }

    /// Hands the looking to a thread that takes the file's stamp every
    /// [`POLL_SECONDS`] and stirs the watch when it differs.
    fn start_polling(&mut self) {
        self.native = None;
        let path = self.file.path.clone();
        let polled = Arc::clone(&self.polled);
        let stirred = Arc::clone(&self.stirred);
        let stop = Arc::clone(&self.stop);
        let wake = Arc::clone(&self.wake);
        let spawned = std::thread::Builder::new()
            .name("watch dataset".to_owned())
            .spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let now = stamp(&path);
                    let mut last = polled
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner);
                    if *last != now {
                        *last = now;
                        drop(last);
                        stirred.store(true, Ordering::Relaxed);
                        wake();
                    }
                    std::thread::sleep(Duration::from_secs_f64(POLL_SECONDS));
                }
            });
        // Without a thread, nothing is watched; the file can still be
        // reloaded by hand.
        drop(spawned);
    }

    /// The file watched.
    pub fn path(&self) -> &Path {
        &self.file.path
    }

    /// How changes are learnt of.
    pub fn mode(&self) -> Mode {
        if self.native.is_some() {
            Mode::Events
        } else {
            Mode::Polling
        }
    }

    /// Whether the file was last seen gone.
    pub fn is_gone(&self) -> bool {
        self.file.is_gone()
    }

    /// Looks at the file if something stirred or a look is due, at time
    /// `now` (seconds). Gives what was seen, and when to call again
    /// (`None`: only when woken).
    pub fn tick(&mut self, now: f64) -> (Seen, Option<Duration>) {
        if self.native.is_some() && self.broken.load(Ordering::Relaxed) {
            self.start_polling();
        }
        let stirred = self.stirred.swap(false, Ordering::Relaxed);
        // While a change settles, or the file is gone (its folder may have
        // gone with it, and the folder's events too), it is looked at
        // every half second.
        let waiting = self.file.is_settling() || self.file.is_gone();
        let seen = if stirred || (waiting && self.file.due(now)) {
            let current = match self.mode() {
                Mode::Events => stamp(&self.file.path),
                Mode::Polling => *self
                    .polled
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner),
            };
            self.file.poll(now, current)
        } else {
            Seen::Nothing
        };
        let again = self.file.is_settling() || self.file.is_gone();
        (seen, again.then(|| Duration::from_secs_f64(POLL_SECONDS)))
    }
}

/// Watches the folders of the file and, for a symbolic link, of the file
/// it points to (without recursion), for events naming either; `None` if
/// the platform's watcher cannot be set up.
fn native_watcher(
    path: &Path,
    stirred: Arc<AtomicBool>,
    broken: Arc<AtomicBool>,
    wake: Arc<dyn Fn() + Send + Sync>,
) -> Option<notify::RecommendedWatcher> {
    use notify::Watcher as _;
    let mut places = vec![path.to_owned()];
    if let Ok(target) = std::fs::canonicalize(path)
        && target != path
    {
        places.push(target);
    }
    let folders: Vec<PathBuf> = places
        .iter()
        .filter_map(|p| p.parent().map(Path::to_owned))
        .collect();
    let names: Vec<std::ffi::OsString> = places
        .iter()
        .filter_map(|p| p.file_name().map(std::ffi::OsStr::to_owned))
        .collect();
    let folders_seen = folders.clone();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let ours = if let Ok(event) = event {
            // No paths: the system dropped events (an overflow), so
            // anything may have changed. The folder itself: it was moved
            // or deleted.
            event.paths.is_empty()
                || event.paths.iter().any(|p| {
                    folders_seen.contains(p)
                        || p.file_name().is_some_and(|n| names.iter().any(|m| m == n))
                })
        } else {
            broken.store(true, Ordering::Relaxed);
            true
        };
        if ours {
            stirred.store(true, Ordering::Relaxed);
            wake();
        }
    })
    .ok()?;
    for folder in &folders {
        watcher
            .watch(folder, notify::RecursiveMode::NonRecursive)
            .ok()?;
    }
    Some(watcher)
}

/// File system types whose changes made elsewhere send no events here.
const NETWORK_FILE_SYSTEMS: &[&str] = &[
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "9p",
    "afs",
    "ceph",
    "glusterfs",
    "fuse.sshfs",
    "fuse.rclone",
    "davfs",
    "fuse.davfs2",
    "lustre",
    "gpfs",
];

/// Whether `path` lies on a network file system (Linux: read from
/// `/proc/self/mountinfo`; elsewhere, assumed not).
pub fn on_network_file_system(path: &Path) -> bool {
    let Ok(mountinfo) = std::fs::read_to_string("/proc/self/mountinfo") else {
        return false;
    };
    let path = std::fs::canonicalize(path)
        .or_else(|_| {
            path.parent()
                .map_or(Ok(path.to_owned()), std::fs::canonicalize)
        })
        .unwrap_or_else(|_| path.to_owned());
    mount_type(&mountinfo, &path).is_some_and(|fs| NETWORK_FILE_SYSTEMS.contains(&fs))
}

/// The file system type of the mount `path` lies on, from the text of
/// `/proc/self/mountinfo`: the longest mount point that contains it.
pub fn mount_type<'a>(mountinfo: &'a str, path: &Path) -> Option<&'a str> {
    mountinfo
        .lines()
        .filter_map(|line| {
            let fields: Vec<&str> = line.split(' ').collect();
            let mount_point = *fields.get(4)?;
            // The optional fields end at "-"; the type follows.
            let dash = fields.iter().position(|f| *f == "-")?;
            let fs_type = *fields.get(dash + 1)?;
            Some((unescape_mount_point(mount_point), fs_type))
        })
        .filter(|(mount_point, _)| path.starts_with(mount_point))
        .max_by_key(|(mount_point, _)| mount_point.len())
        .map(|(_, fs_type)| fs_type)
}

/// Mount points write a space as `\040` and so on.
fn unescape_mount_point(text: &str) -> String {
    text.replace("\\040", " ")
        .replace("\\011", "\t")
        .replace("\\012", "\n")
        .replace("\\134", "\\")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// A stamp in a test's `Stamp`-typed calls.
    #[expect(
        clippy::unnecessary_wraps,
        reason = "a stamp in calls typed to take an optional stamp"
    )]
    fn at(len: u64, secs: u64) -> Stamp {
        Some((len, SystemTime::UNIX_EPOCH + Duration::from_secs(secs)))
    }

    #[test]
    fn a_file_written_in_chunks_is_reloaded_once_after_it_settles() {
        let mut watch = FileWatch::new("x.json".into(), at(100, 1));
        assert_eq!(watch.poll(0.0, at(100, 1)), Seen::Nothing, "unchanged");
        // Written in three chunks, half a second apart.
        assert_eq!(watch.poll(0.5, at(40, 2)), Seen::Nothing);
        assert_eq!(watch.poll(1.0, at(80, 3)), Seen::Nothing);
        assert_eq!(watch.poll(1.5, at(120, 4)), Seen::Nothing);
        assert!(watch.is_settling());
        // Not yet a second unchanged.
        assert_eq!(watch.poll(2.0, at(120, 4)), Seen::Nothing);
        assert_eq!(
            watch.poll(2.5, at(120, 4)),
            Seen::Changed,
            "settled: reload"
        );
        assert_eq!(watch.poll(3.0, at(120, 4)), Seen::Nothing, "and only once");
        assert!(!watch.is_settling());
    }

    #[test]
    fn a_file_that_goes_back_as_it_was_is_not_reloaded() {
        let mut watch = FileWatch::new("x.json".into(), at(100, 1));
        assert_eq!(watch.poll(0.0, at(0, 2)), Seen::Nothing);
        assert_eq!(watch.poll(0.5, at(100, 1)), Seen::Nothing);
        assert_eq!(watch.poll(5.0, at(100, 1)), Seen::Nothing);
    }

    #[test]
    fn a_deleted_file_is_reported_gone_once_and_reloaded_when_it_comes_back() {
        let mut watch = FileWatch::new("x.json".into(), at(100, 1));
        assert_eq!(watch.poll(0.0, None), Seen::Nothing);
        assert_eq!(watch.poll(1.0, None), Seen::Gone);
        assert!(watch.is_gone());
        assert_eq!(watch.poll(5.0, None), Seen::Nothing, "said once");
        // Put back, and settled.
        assert_eq!(watch.poll(6.0, at(90, 7)), Seen::Nothing);
        assert_eq!(watch.poll(7.0, at(90, 7)), Seen::Changed);
        assert!(!watch.is_gone());
    }

    #[test]
    fn a_file_deleted_for_a_moment_by_a_rename_save_is_not_reported_gone() {
        let mut watch = FileWatch::new("x.json".into(), at(100, 1));
        assert_eq!(watch.poll(0.0, None), Seen::Nothing);
        assert_eq!(watch.poll(0.2, at(110, 2)), Seen::Nothing);
        assert_eq!(watch.poll(1.3, at(110, 2)), Seen::Changed);
    }

    #[test]
    fn the_mount_of_a_path_is_the_longest_mount_point_holding_it() {
        let mountinfo = "\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
40 22 0:35 / /mnt/share rw,relatime shared:2 - nfs4 server:/export rw
41 22 0:36 / /mnt/my\\040files rw - cifs //host/files rw
42 40 0:37 / /mnt/share/local rw - tmpfs tmpfs rw";
        let at = |p: &str| mount_type(mountinfo, Path::new(p));
        assert_eq!(at("/home/a/plans.json"), Some("ext4"));
        assert_eq!(at("/mnt/share/plans.json"), Some("nfs4"));
        assert_eq!(at("/mnt/my files/plans.json"), Some("cifs"));
        assert_eq!(at("/mnt/share/local/x.json"), Some("tmpfs"));
        assert_eq!(at("/mnt/shared/x.json"), Some("ext4"), "by path segment");
    }

    #[test]
    fn events_from_the_folder_reload_a_rewritten_file_and_say_when_it_went() {
        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("plans.json");
        std::fs::write(&path, "one").expect("written");
        let mut watch = Watch::new(path.clone(), stamp(&path), false, || {});
        assert_eq!(watch.mode(), Mode::Events);
        // The first tick looks (a write may have landed while the file was
        // read); then, idle, no frame is asked for.
        assert_eq!(watch.tick(0.0), (Seen::Nothing, None));
        assert_eq!(watch.tick(0.6), (Seen::Nothing, None));
        std::thread::sleep(Duration::from_millis(20));
        std::fs::write(&path, "two, longer").expect("rewritten");
        let mut now = 1.0;
        assert_eq!(next_seen(&mut watch, &mut now), Seen::Changed);
        std::fs::remove_file(&path).expect("deleted");
        assert_eq!(next_seen(&mut watch, &mut now), Seen::Gone);
        assert!(watch.is_gone());
    }

    /// Ticks, each 0.6 s on the watch's clock after `now`, until
    /// something is seen or ten seconds pass.
    fn next_seen(watch: &mut Watch, now: &mut f64) -> Seen {
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        let mut seen = Seen::Nothing;
        while seen == Seen::Nothing && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
            *now += 0.6;
            seen = watch.tick(*now).0;
        }
        seen
    }

    #[test]
    fn a_symlinked_file_reloads_when_the_file_it_points_to_changes() {
        let dir = tempfile::tempdir().expect("a folder");
        let (real, links) = (dir.path().join("real"), dir.path().join("links"));
        std::fs::create_dir_all(&real).expect("made");
        std::fs::create_dir_all(&links).expect("made");
        let target = real.join("plans.json");
        std::fs::write(&target, "one").expect("written");
        let link = links.join("plans.json");
        std::os::unix::fs::symlink(&target, &link).expect("linked");
        let mut watch = Watch::new(link.clone(), stamp(&link), false, || {});
        assert_eq!(watch.mode(), Mode::Events);
        let mut now = 0.0;
        assert_eq!(watch.tick(now).0, Seen::Nothing);
        std::fs::write(&target, "two, longer").expect("rewritten");
        assert_eq!(next_seen(&mut watch, &mut now), Seen::Changed);
    }

    #[test]
    fn a_folder_deleted_and_made_again_is_followed() {
        for polling in [false, true] {
            let dir = tempfile::tempdir().expect("a folder");
            let folder = dir.path().join("data");
            std::fs::create_dir_all(&folder).expect("made");
            let path = folder.join("plans.json");
            std::fs::write(&path, "one").expect("written");
            let mut watch = Watch::new(path.clone(), stamp(&path), polling, || {});
            let mut now = 0.0;
            assert_eq!(watch.tick(now).0, Seen::Nothing);
            std::fs::remove_dir_all(&folder).expect("deleted");
            assert_eq!(
                next_seen(&mut watch, &mut now),
                Seen::Gone,
                "polling: {polling}"
            );
            std::fs::create_dir_all(&folder).expect("made again");
            std::fs::write(&path, "two, longer").expect("written again");
            assert_eq!(
                next_seen(&mut watch, &mut now),
                Seen::Changed,
                "polling: {polling}"
            );
        }
    }

    #[test]
    fn a_write_while_the_file_was_read_is_seen_at_the_first_tick() {
        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("plans.json");
        std::fs::write(&path, "one").expect("written");
        // The stamp taken before the read; then a write lands.
        let before = stamp(&path);
        std::thread::sleep(Duration::from_millis(20));
        std::fs::write(&path, "two, longer").expect("rewritten");
        let mut watch = Watch::new(path.clone(), before, false, || {});
        let mut now = 0.0;
        assert_eq!(watch.tick(now).0, Seen::Nothing, "settling");
        assert!(watch.file.is_settling());
        assert_eq!(next_seen(&mut watch, &mut now), Seen::Changed);
    }

    #[test]
    fn polls_are_spaced() {
        let mut watch = FileWatch::new("x.json".into(), None);
        assert!(watch.due(0.0));
        let _ = watch.poll(0.0, None);
        assert!(!watch.due(0.2));
        assert!(watch.due(0.5));
    }
}
