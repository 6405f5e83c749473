//! Threads for work that waits on the disk rather than computing.
//!
//! The shared rayon pool has one thread per core, so it has at most that many
//! reads or deletes in flight. When the files are not in the page cache (the
//! first build after a clone or a reboot, or a spare tree paged out), the disk
//! serves many requests together, and more threads finish sooner; when they
//! are cached, the extra threads cost nothing measurable.

use rayon::ThreadPoolBuilder;

/// How many. Measured out of the page cache: reading 10,000 claims takes a
/// third of a second less on 16 threads than on 2, and pruning a
/// 100,000-claim spare tree 5 s instead of 12; 32 gained nothing more.
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
