//! A global allocator that counts the heap in use and its peak, for the
//! benches that measure memory. Each such bench installs it:
//! `#[global_allocator] static GLOBAL: Counting = Counting;`.
//!
//! Counting is switched on only while a peak is measured ([`measure`]), so
//! timed samples run at the system allocator's own speed.

#![expect(
    unsafe_code,
    reason = "A counting global allocator needs `unsafe impl GlobalAlloc`; it only forwards to the system allocator and adds up sizes."
)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering};

/// The allocator: the system's, with the sizes added up.
pub struct Counting;

static COUNTING: AtomicBool = AtomicBool::new(false);
static CURRENT: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicIsize = AtomicIsize::new(0);

/// Allocation sizes always fit in `isize` (a Rust allocation rule).
fn signed(size: usize) -> isize {
    isize::try_from(size).unwrap_or(isize::MAX)
}

// SAFETY: every method forwards to `System` with the same arguments; the
// counters are only statistics.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() && COUNTING.load(Ordering::Relaxed) {
            let size = signed(layout.size());
            let now = CURRENT.fetch_add(size, Ordering::Relaxed) + size;
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller upholds `GlobalAlloc::dealloc`'s contract.
        unsafe { System.dealloc(ptr, layout) };
        if COUNTING.load(Ordering::Relaxed) {
            CURRENT.fetch_sub(signed(layout.size()), Ordering::Relaxed);
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller upholds `GlobalAlloc::realloc`'s contract.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() && COUNTING.load(Ordering::Relaxed) {
            CURRENT.fetch_sub(signed(layout.size()), Ordering::Relaxed);
            let now = CURRENT.fetch_add(signed(new_size), Ordering::Relaxed) + signed(new_size);
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        new
    }
}

/// Starts counting from zero.
pub fn start() {
    CURRENT.store(0, Ordering::Relaxed);
    PEAK.store(0, Ordering::Relaxed);
    COUNTING.store(true, Ordering::Relaxed);
}

/// Stops counting; the peak heap since [`start`], in bytes.
pub fn stop() -> isize {
    COUNTING.store(false, Ordering::Relaxed);
    PEAK.load(Ordering::Relaxed)
}
