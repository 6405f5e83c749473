//! The last resort against a template that never stops.
//!
//! [`bounded`](super::bounded) stops a render at its next write or `range()`
//! call after the deadline. A loop that does neither (`{% for a in r %}{% for
//! b in r %}{% endfor %}{% endfor %}` over a list made once) never reaches
//! either, and Tera can be neither interrupted nor its thread ended. So one
//! thread watches every render in the process; one still running at twice
//! `render_seconds` is reported and the process exits with an error, as if
//! killed: no new output was swapped in, and the next build reclaims a
//! half-written staging folder (see the write stage).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{LazyLock, Mutex, Once, PoisonError};
use std::time::{Duration, Instant};

use crate::diagnostic::{Diagnostic, Diagnostics, Format};

/// How often the watchdog looks at the running renders.
const POLL: Duration = Duration::from_millis(200);

/// One render being watched.
struct Running {
    template: String,
    page: String,
    limit: Duration,
    /// When the process gives up on it: twice its limit after it started.
    give_up_at: Instant,
}

static RUNNING: LazyLock<Mutex<HashMap<u64, Running>>> = LazyLock::new(Mutex::default);
static NEXT_ID: AtomicU64 = AtomicU64::new(0);
static START: Once = Once::new();

/// Watches a render while alive; dropped when the render ends, however it ends.
pub(super) struct Watched {
    id: u64,
}

/// Starts watching the render of `page` with `template`, which has `limit` to run.
pub(super) fn watch(template: &str, page: &str, limit: Duration) -> Watched {
    watch_from(template, page, Instant::now(), limit)
}

/// [`watch`] for a render that began at `started`.
fn watch_from(template: &str, page: &str, started: Instant, limit: Duration) -> Watched {
    START.call_once(start_watchdog);
    let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    let running = Running {
        template: template.to_string(),
        page: page.to_string(),
        limit,
        give_up_at: started + limit.saturating_mul(2),
    };
    running_renders(|renders| renders.insert(id, running));
    Watched { id }
}

impl Drop for Watched {
    fn drop(&mut self) {
        running_renders(|renders| renders.remove(&self.id));
    }
}

fn running_renders<R>(use_them: impl FnOnce(&mut HashMap<u64, Running>) -> R) -> R {
    use_them(&mut RUNNING.lock().unwrap_or_else(PoisonError::into_inner))
}

/// Starts the watchdog thread. Where no thread can start, renders go
/// unwatched: the limits that [`bounded`](super::bounded) enforces still hold.
fn start_watchdog() {
    let _ = std::thread::Builder::new()
        .name("claimtrail-render-watchdog".into())
        .spawn(|| {
            loop {
                std::thread::sleep(POLL);
                let stuck = overdue(Instant::now());
                if !stuck.is_empty() {
                    give_up(stuck);
                }
            }
        });
}

/// A diagnostic for each render that has run past its give-up time.
fn overdue(now: Instant) -> Vec<Diagnostic> {
    running_renders(|renders| {
        let mut stuck: Vec<&Running> = renders
            .values()
            .filter(|running| now > running.give_up_at)
            .collect();
        stuck.sort_by(|a, b| (&a.template, &a.page).cmp(&(&b.template, &b.page)));
        stuck.into_iter().map(Running::diagnostic).collect()
    })
}

impl Running {
    fn diagnostic(&self) -> Diagnostic {
        Diagnostic::error(
            format!("templates/{}", self.template),
            format!(
                "cannot render {}: it ran past twice the {} s limit \
                 (`render_seconds` in [limits] of site.toml) in a loop that could not be stopped",
                self.page,
                self.limit.as_secs()
            ),
        )
        .hint(super::bounded::LIMIT_HINT)
    }
}

/// Reports `stuck` and ends the process: the renders cannot be stopped any other way.
fn give_up(stuck: Vec<Diagnostic>) -> ! {
    let mut diagnostics = Diagnostics::new();
    diagnostics.extend(stuck);
    eprint!("{}", diagnostics.render(Format::Human));
    eprintln!("error: claimtrail stopped; the previous output was left as it was");
    std::process::exit(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_render_past_twice_its_limit_is_overdue() {
        let limit = Duration::from_secs(3600);
        let started = Instant::now();
        let page = "unique-watchdog-page/index.html";
        let mine =
            |problems: Vec<Diagnostic>| problems.into_iter().find(|p| p.message.contains(page));
        let watched = watch_from("slow.html", page, started, limit);
        assert!(mine(overdue(started + limit)).is_none());
        let problem = mine(overdue(started + limit * 2 + Duration::from_secs(1))).unwrap();
        assert_eq!(problem.file, "templates/slow.html");
        assert!(problem.message.contains("3600 s limit"), "{problem:?}");
        drop(watched);
        assert!(mine(overdue(started + limit * 3)).is_none());
    }
}
