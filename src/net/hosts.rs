//! Per-host politeness: at most `per_host` requests in flight to one host,
//! and no request to a host while it has asked us to wait.

use std::collections::HashMap;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

/// The hosts being fetched from, shared by every worker of a run.
pub(crate) struct Hosts {
    per_host: usize,
    state: Mutex<HashMap<String, Host>>,
    changed: Condvar,
}

#[derive(Default)]
struct Host {
    in_flight: usize,
    /// No request before this instant (the host answered 429 or 503).
    paused_until: Option<Instant>,
    /// The status that asked for the pause.
    paused_by: u16,
}

/// A turn to send one request to a host; the turn ends when it is dropped.
pub(crate) struct Turn<'a> {
    hosts: &'a Hosts,
    host: String,
}

impl Hosts {
    pub(crate) fn new(per_host: usize) -> Hosts {
        Hosts {
            per_host: per_host.max(1),
            state: Mutex::new(HashMap::new()),
            changed: Condvar::new(),
        }
    }

    /// Waits for a turn at `host`. Gives up with the remaining pause and the
    /// status that asked for it when that is longer than `max_wait`.
    pub(crate) fn turn(&self, host: &str, max_wait: Duration) -> Result<Turn<'_>, (Duration, u16)> {
        let mut state = self.lock();
        loop {
            let now = Instant::now();
            let entry = state.entry(host.to_string()).or_default();
            let pause = entry
                .paused_until
                .map_or(Duration::ZERO, |until| until.saturating_duration_since(now));
            if pause > max_wait {
                return Err((pause, entry.paused_by));
            }
            if pause.is_zero() && entry.in_flight < self.per_host {
                entry.in_flight += 1;
                return Ok(Turn {
                    hosts: self,
                    host: host.to_string(),
                });
            }
            // Woken when a turn ends; wakes by itself when a pause ends.
            let wait = if pause.is_zero() {
                max_wait.max(Duration::from_millis(100))
            } else {
                pause
            };
            state = self
                .changed
                .wait_timeout(state, wait)
                .map_or_else(|poisoned| poisoned.into_inner().0, |(guard, _)| guard);
        }
    }

    /// Asks every request to `host` to wait `wait` from now, as `status` asked.
    pub(crate) fn pause(&self, host: &str, wait: Duration, status: u16) {
        let until = Instant::now() + wait;
        let mut state = self.lock();
        let entry = state.entry(host.to_string()).or_default();
        entry.paused_until = Some(entry.paused_until.map_or(until, |old| old.max(until)));
        entry.paused_by = status;
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<String, Host>> {
        // The map stays consistent even if a holder panicked: counts only change under the lock.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        let mut state = self.hosts.lock();
        if let Some(entry) = state.get_mut(&self.host) {
            entry.in_flight = entry.in_flight.saturating_sub(1);
        }
        drop(state);
        self.hosts.changed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Duration;

    use super::Hosts;

    #[test]
    fn no_more_than_per_host_turns_at_once() {
        let hosts = Hosts::new(2);
        let wait = Duration::from_secs(60);
        let first = hosts.turn("a:80", wait).unwrap();
        let _second = hosts.turn("a:80", wait).unwrap();
        // Another host is not held up by the first.
        assert!(hosts.turn("b:80", wait).is_ok());
        let third_started = AtomicBool::new(false);
        std::thread::scope(|scope| {
            let third = scope.spawn(|| {
                let _third = hosts.turn("a:80", wait).unwrap();
                third_started.store(true, Ordering::SeqCst);
            });
            std::thread::sleep(Duration::from_millis(50));
            assert!(!third_started.load(Ordering::SeqCst));
            drop(first);
            third.join().unwrap();
        });
        assert!(third_started.load(Ordering::SeqCst));
    }

    #[test]
    fn a_paused_host_longer_than_the_wait_allowed_is_refused() {
        let hosts = Hosts::new(1);
        hosts.pause("a:80", Duration::from_secs(600), 429);
        let (refused, status) = hosts.turn("a:80", Duration::from_secs(60)).err().unwrap();
        assert!(refused > Duration::from_secs(500), "{refused:?}");
        assert_eq!(status, 429);
        assert!(hosts.turn("b:80", Duration::from_secs(60)).is_ok());
    }
}
