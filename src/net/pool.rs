//! A fixed number of worker threads over a list of jobs, with each result
//! handed back to the calling thread as soon as it is ready.

use std::sync::mpsc;
use std::sync::{Mutex, PoisonError};

/// Runs `work` on every item of `items` with at most `workers` running at
/// once, and calls `done` on the calling thread with each result, in the
/// order they finish. Returns when every item is done.
pub fn for_each_parallel<T, R>(
    items: Vec<T>,
    workers: usize,
    work: impl Fn(T) -> R + Sync,
    mut done: impl FnMut(R),
) where
    T: Send,
    R: Send,
{
    let workers = workers.clamp(1, items.len().max(1));
    let queue = Mutex::new(items.into_iter());
    let (sender, results) = mpsc::channel();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let sender = sender.clone();
            let (queue, work) = (&queue, &work);
            scope.spawn(move || {
                loop {
                    let next = queue.lock().unwrap_or_else(PoisonError::into_inner).next();
                    let Some(item) = next else { break };
                    if sender.send(work(item)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        for result in results {
            done(result);
        }
    });
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::for_each_parallel;

    #[test]
    fn every_item_is_done_once_by_at_most_the_workers() {
        let running = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        let mut seen = Vec::new();
        let work = |n: usize| {
            let now = running.fetch_add(1, Ordering::SeqCst) + 1;
            most.fetch_max(now, Ordering::SeqCst);
            running.fetch_sub(1, Ordering::SeqCst);
            n * 2
        };
        for_each_parallel((0..100).collect(), 3, work, |r| seen.push(r));
        seen.sort_unstable();
        assert_eq!(seen, (0..100).map(|n| n * 2).collect::<Vec<_>>());
        assert!(most.load(Ordering::SeqCst) <= 3);
        let mut none = Vec::new();
        for_each_parallel(Vec::<usize>::new(), 8, |n| n, |r| none.push(r));
        assert!(none.is_empty());
    }
}
