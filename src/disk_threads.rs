//! Threads for work that waits on the disk rather than computing.
//!
//! The shared rayon pool has one thread per core, so it has at most that many
//! reads or deletes in flight. When the files are not in the page cache (the
//! first build after a clone or a reboot, or a spare tree paged out), the disk
//! serves many requests together, and more threads finish sooner; when they
//! are cached, the extra threads cost nothing measurable.

use rayon::ThreadPoolBuilder;

/// How many threads read and prune: disk work mostly waits, so more threads
/// than cores keep the disk busy. 16 was the fastest measured, out of the
/// page cache (docs/performance.md).
pub(crate) const DISK_THREADS: usize = 16;

/// Runs `work` with its parallel iterators on [`DISK_THREADS`] threads of
/// their own; on the shared pool if no threads can be started, which is slower
/// out of the page cache but gives the same result.
pub(crate) fn install<R: Send>(work: impl FnOnce() -> R + Send) -> R {
    let pool = ThreadPoolBuilder::new()
        .num_threads(DISK_THREADS)
        .thread_name(|i| format!("claimtrail-disk-{i}"))
        .build();
    match pool {
        Ok(pool) => pool.install(work),
        Err(_) => work(),
    }
}
