//! Long work on a background thread: one [`Job`] type for every kind of it
//! (loading a dataset, writing a briefing, and what comes later).
//!
//! A job runs on a named thread. It reports how far it has got through a
//! shared [`Progress`] (atomics, so the window reads them each frame without
//! a lock and the worker never waits for the window), hears Cancel through
//! the same, and wakes the window when there is news: when its stage or
//! its count changes (at most every [`WAKE_EVERY_MS`] milliseconds, so a
//! job that is over in a moment wakes the window once, and a long one a
//! few times a second), and when it ends. The window therefore never polls
//! on a timer.
//!
//! Nothing here knows about egui: the wake is a plain callback.

use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

/// Asks whoever shows a job for a fresh look (the window: a frame), from
/// any thread.
pub type Wake = Arc<dyn Fn() + Send + Sync>;

/// The shortest time between two wakes for counted steps, in milliseconds,
/// so that a job counting thousands of small steps does not ask for
/// thousands of frames.
const WAKE_EVERY_MS: u64 = 40;

/// How far a job has got, shared between its thread and the window, and
/// the flag that asks it to stop.
///
/// A job counts `done` out of `total` steps (bytes, pages, measures: the
/// job says which) and may also count items it has no total for
/// ([`Self::count`]). Its `stage` is a small number whose meaning the job
/// defines (the loader's [`crate::dataset::Phase`], for one).
#[derive(Default)]
pub struct Progress {
    stage: AtomicU8,
    done: AtomicU64,
    total: AtomicU64,
    count: AtomicU64,
    cancelled: AtomicBool,
    /// When the last wake for counted steps was sent, in milliseconds
    /// after `epoch`.
    last_wake_ms: AtomicU64,
    epoch: OnceLock<Instant>,
    wake: OnceLock<Wake>,
}

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Progress")
            .field("stage", &self.stage())
            .field("done", &self.done())
            .field("total", &self.total())
            .field("count", &self.count())
            .field("cancelled", &self.is_cancelled())
            .finish_non_exhaustive()
    }
}

impl Progress {
    /// A progress that calls `wake` when there is news.
    pub fn with_wake(wake: Wake) -> Self {
        let progress = Self::default();
        // A fresh cell cannot be full.
        let _ = progress.wake.set(wake);
        progress
    }

    /// The stage the job is in (0 until it says otherwise).
    pub fn stage(&self) -> u8 {
        self.stage.load(Ordering::Relaxed)
    }

    /// Moves the job on to `stage`, and wakes the window if that is news.
    pub fn set_stage(&self, stage: u8) {
        if self.stage.swap(stage, Ordering::Relaxed) != stage {
            self.wake_soon();
        }
    }

    /// Steps done so far.
    pub fn done(&self) -> u64 {
        self.done.load(Ordering::Relaxed)
    }

    /// Steps in all, where known (0 while unknown).
    pub fn total(&self) -> u64 {
        self.total.load(Ordering::Relaxed)
    }

    /// Items handled that have no total (the loader's measures checked).
    pub fn count(&self) -> u64 {
        self.count.load(Ordering::Relaxed)
    }

    /// The share done, from 0 to 1, once a total is known.
    pub fn fraction(&self) -> Option<f32> {
        let total = self.total();
        (total > 0).then(|| (self.done().min(total) as f32 / total as f32).clamp(0.0, 1.0))
    }

    /// Sets the number of steps in all.
    pub fn set_total(&self, total: u64) {
        self.total.store(total, Ordering::Relaxed);
        self.wake_soon();
    }

    /// Adds `steps` to the steps in all (for work whose size is learnt as
    /// it goes).
    pub fn add_total(&self, steps: u64) {
        self.total.fetch_add(steps, Ordering::Relaxed);
    }

    /// Counts `steps` more done.
    pub fn add_done(&self, steps: u64) {
        self.done.fetch_add(steps, Ordering::Relaxed);
        self.wake_soon();
    }

    /// Counts one more item without a total.
    pub fn add_count(&self) {
        self.count.fetch_add(1, Ordering::Relaxed);
        self.wake_soon();
    }

    /// Asks the job to stop at its next chance.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// Whether the job was asked to stop.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// Wakes the window unless it was woken less than [`WAKE_EVERY_MS`] ago.
    fn wake_soon(&self) {
        let Some(wake) = self.wake.get() else {
            return;
        };
        let now = self.elapsed_ms();
        let last = self.last_wake_ms.load(Ordering::Relaxed);
        let due = now.saturating_sub(last) >= WAKE_EVERY_MS;
        // Only the thread that moves the mark on wakes, so two workers
        // counting at once do not both wake.
        if due
            && self
                .last_wake_ms
                .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
                .is_ok()
        {
            wake();
        }
    }

    fn elapsed_ms(&self) -> u64 {
        let epoch = self.epoch.get_or_init(Instant::now);
        u64::try_from(epoch.elapsed().as_millis()).unwrap_or(u64::MAX)
    }
}

/// Calls the wake when dropped: at a job's end, however it ends.
struct WakeOnDrop(Wake);

impl Drop for WakeOnDrop {
    fn drop(&mut self) {
        (self.0)();
    }
}

/// A job's answer as the window sees it.
#[derive(Debug)]
pub enum Poll<T> {
    /// Still working.
    Running,
    /// Finished with this outcome.
    Done(T),
    /// The thread ended without an answer (it panicked).
    Lost,
}

/// A piece of work running on its own named thread; see the module's
/// documentation.
#[derive(Debug)]
pub struct Job<T> {
    name: String,
    progress: Arc<Progress>,
    receiver: Receiver<T>,
    started: Instant,
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a thread called `name`. `wake` is called when
    /// there is news (see [`Progress`]) and once more when the work ends.
    ///
    /// Fails only when the system cannot start a thread; the error says
    /// why, for the caller to show.
    pub fn spawn(
        name: &str,
        wake: Wake,
        work: impl FnOnce(&Arc<Progress>) -> T + Send + 'static,
    ) -> std::io::Result<Self> {
        let progress = Arc::new(Progress::with_wake(Arc::clone(&wake)));
        let (sender, receiver) = std::sync::mpsc::channel();
        let worker_progress = Arc::clone(&progress);
        std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                // Locals drop in reverse: the sender goes first, then the
                // wake comes, also when the work panics, so the window
                // looks and finds the answer, or finds the worker gone.
                let _wake = WakeOnDrop(wake);
                let sender = sender;
                let outcome = work(&worker_progress);
                // The window may have moved on (Cancel, another file);
                // then nobody needs the answer.
                let _ = sender.send(outcome);
            })?;
        Ok(Self {
            name: name.to_owned(),
            progress,
            receiver,
            started: Instant::now(),
        })
    }
}

impl<T> Job<T> {
    /// The thread's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// How far it has got.
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// How long it has been running.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    /// Asks the work to stop at its next chance; its outcome still comes.
    pub fn cancel(&self) {
        self.progress.cancel();
    }

    /// The outcome, if it has come, without waiting.
    pub fn poll(&self) -> Poll<T> {
        match self.receiver.try_recv() {
            Ok(outcome) => Poll::Done(outcome),
            Err(TryRecvError::Empty) => Poll::Running,
            Err(TryRecvError::Disconnected) => Poll::Lost,
        }
    }

    /// Waits up to `timeout` for the outcome.
    pub fn wait(&self, timeout: Duration) -> Poll<T> {
        match self.receiver.recv_timeout(timeout) {
            Ok(outcome) => Poll::Done(outcome),
            Err(RecvTimeoutError::Timeout) => Poll::Running,
            Err(RecvTimeoutError::Disconnected) => Poll::Lost,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    fn counter() -> (Arc<AtomicUsize>, Wake) {
        let wakes = Arc::new(AtomicUsize::new(0));
        let for_wake = Arc::clone(&wakes);
        (
            wakes,
            Arc::new(move || {
                for_wake.fetch_add(1, Ordering::Relaxed);
            }),
        )
    }

    #[test]
    fn a_job_runs_on_its_named_thread_and_wakes_when_it_ends() {
        let (wakes, wake) = counter();
        let job = Job::spawn("test job", wake, |_| {
            std::thread::current().name().map(str::to_owned)
        })
        .expect("a thread starts");
        let Poll::Done(name) = job.wait(Duration::from_secs(30)) else {
            panic!("the job ends with an answer");
        };
        assert_eq!(name.as_deref(), Some("test job"));
        assert_eq!(job.name(), "test job");
        // The wake comes after the answer is sent; give it its moment.
        let started = Instant::now();
        while wakes.load(Ordering::Relaxed) == 0 && started.elapsed() < Duration::from_secs(30) {
            std::thread::yield_now();
        }
        assert!(wakes.load(Ordering::Relaxed) >= 1);
    }

    #[test]
    fn cancel_reaches_the_worker_and_a_panic_is_lost_not_hung() {
        let (wakes, wake) = counter();
        let job = Job::spawn("cancelled", Arc::clone(&wake), |progress| {
            while !progress.is_cancelled() {
                std::thread::sleep(Duration::from_millis(1));
            }
            "stopped"
        })
        .expect("a thread starts");
        assert!(matches!(job.poll(), Poll::Running));
        job.cancel();
        assert!(matches!(
            job.wait(Duration::from_secs(30)),
            Poll::Done("stopped")
        ));

        // The first job's own wake, which follows its answer, is in.
        let started = Instant::now();
        while wakes.load(Ordering::Relaxed) == 0 && started.elapsed() < Duration::from_secs(30) {
            std::thread::yield_now();
        }
        let before = wakes.load(Ordering::Relaxed);
        let job: Job<()> = Job::spawn("panics", wake, |_| panic!("on purpose")).expect("starts");
        assert!(matches!(job.wait(Duration::from_secs(30)), Poll::Lost));
        // A worker that panics still wakes the window, after it is gone.
        let started = Instant::now();
        while wakes.load(Ordering::Relaxed) == before && started.elapsed() < Duration::from_secs(30)
        {
            std::thread::yield_now();
        }
        assert!(
            wakes.load(Ordering::Relaxed) > before,
            "the panic woke the window"
        );
    }

    #[test]
    fn progress_wakes_on_a_new_stage_but_not_for_every_step() {
        let (wakes, wake) = counter();
        let progress = Progress::with_wake(wake);
        // A stage that comes and goes at once is no news worth a frame.
        progress.set_stage(1);
        assert_eq!(wakes.load(Ordering::Relaxed), 0, "too soon to wake");
        std::thread::sleep(Duration::from_millis(WAKE_EVERY_MS * 2));
        progress.set_stage(2);
        assert_eq!(wakes.load(Ordering::Relaxed), 1, "a new stage, in time");
        progress.set_stage(2);
        assert_eq!(
            wakes.load(Ordering::Relaxed),
            1,
            "the same stage is no news"
        );
        progress.set_total(10_000);
        let before = wakes.load(Ordering::Relaxed);
        for _ in 0..10_000 {
            progress.add_done(1);
        }
        // Ten thousand steps in well under a second wake a few times at
        // most, not ten thousand.
        assert!(wakes.load(Ordering::Relaxed) - before < 100);
        assert_eq!(progress.fraction(), Some(1.0));
        assert_eq!(progress.done(), 10_000);
    }

    #[test]
    fn the_fraction_is_unknown_without_a_total_and_never_past_one() {
        let progress = Progress::default();
        assert_eq!(progress.fraction(), None);
        progress.set_total(4);
        progress.add_done(1);
        assert_eq!(progress.fraction(), Some(0.25));
        progress.add_done(10);
        assert_eq!(progress.fraction(), Some(1.0));
        progress.add_count();
        assert_eq!(progress.count(), 1);
    }
}
