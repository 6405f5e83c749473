//! Renders one file within the site's `[limits]`: a template that writes too
//! much or runs too long is stopped with an error instead of filling the
//! memory or running forever.
//!
//! Tera 2 has no fuel counter or interrupt, so the render is stopped from the
//! inside, at the points a template reaches us: the writer refuses bytes past
//! `page_bytes` and, now and then, any write after the deadline; `range()`,
//! the usual source of a long loop, is replaced by a copy that refuses to run
//! after the deadline. A loop that neither writes nor calls `range()` is left
//! to the [`watchdog`](super::watchdog), which the caller sets on the render.

use std::cell::Cell;
use std::io::{self, Write};
use std::time::{Duration, Instant};

use tera::{Context, Kwargs, State, Tera, TeraResult};

use crate::config::RenderLimits;

/// How to get past a page that a limit stopped.
pub(super) const LIMIT_HINT: &str = "a loop in the template runs too long or writes too much; \
     raise the limit in [limits] of site.toml only if the page really is that big";

/// Which limit stopped a render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Exceeded {
    /// The file grew past `page_bytes`.
    Size(usize),
    /// The render ran past `render_time`.
    Time(Duration),
}

impl Exceeded {
    /// What stopped the render, for a diagnostic.
    pub(super) fn describe(self) -> String {
        match self {
            Exceeded::Size(bytes) => format!(
                "its output grew past the {} MiB limit (`page_megabytes` in [limits] of site.toml)",
                bytes / (1024 * 1024)
            ),
            Exceeded::Time(limit) => format!(
                "it ran past the {} s limit (`render_seconds` in [limits] of site.toml)",
                limit.as_secs()
            ),
        }
    }
}

/// Why [`render`] made no file.
#[derive(Debug)]
pub(super) enum Stopped {
    /// A limit stopped the template; `error` says where, when Tera knows.
    Limit {
        /// The limit that was reached.
        exceeded: Exceeded,
        /// Tera's error, which locates the stop when it came from `range()`.
        error: tera::Error,
    },
    /// The template failed on its own (undefined variable, `throw`, ...).
    Template(tera::Error),
}

/// The bytes set aside for a page before it renders: room for most pages, as
/// a buffer that grows copies itself.
const PAGE_CAPACITY: usize = 64 * 1024;

/// How many writes go by between two looks at the clock: a page makes tens of
/// thousands of small writes, and reading the clock on each would cost more
/// than rendering them.
const WRITES_PER_CLOCK_CHECK: u32 = 1024;

thread_local! {
    /// The deadline of the render running on this thread, for `range()`.
    static DEADLINE: Cell<Option<Instant>> = const { Cell::new(None) };
    /// Set when `range()` refused to run because the deadline had passed.
    static RANGE_STOPPED: Cell<bool> = const { Cell::new(false) };
}

/// Renders `template` with `context` into memory, stopping at `limits`.
pub(super) fn render(
    tera: &Tera,
    template: &str,
    context: &Context,
    limits: RenderLimits,
) -> Result<Vec<u8>, Stopped> {
    let deadline = Instant::now() + limits.render_time;
    let _on_this_thread = ThreadDeadline::set(deadline);
    let mut writer = BoundedWriter {
        bytes: Vec::with_capacity(PAGE_CAPACITY.min(limits.page_bytes)),
        limits,
        deadline,
        writes: 0,
        exceeded: None,
    };
    match tera.render_to(template, context, &mut writer) {
        Ok(()) => Ok(writer.bytes),
        Err(error) => {
            let exceeded = writer.exceeded.or_else(|| {
                RANGE_STOPPED
                    .get()
                    .then_some(Exceeded::Time(limits.render_time))
            });
            Err(match exceeded {
                Some(exceeded) => Stopped::Limit { exceeded, error },
                None => Stopped::Template(error),
            })
        }
    }
}

/// The page's bytes, refusing any past the size limit and, once the deadline
/// has passed, any write at all.
struct BoundedWriter {
    bytes: Vec<u8>,
    limits: RenderLimits,
    deadline: Instant,
    writes: u32,
    exceeded: Option<Exceeded>,
}

impl BoundedWriter {
    fn refuse(&mut self, exceeded: Exceeded) -> io::Error {
        self.exceeded = Some(exceeded);
        io::Error::other(exceeded.describe())
    }
}

impl Write for BoundedWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.bytes.len().saturating_add(buf.len()) > self.limits.page_bytes {
            return Err(self.refuse(Exceeded::Size(self.limits.page_bytes)));
        }
        self.writes = self.writes.wrapping_add(1);
        if self.writes.is_multiple_of(WRITES_PER_CLOCK_CHECK) && Instant::now() > self.deadline {
            return Err(self.refuse(Exceeded::Time(self.limits.render_time)));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Holds this thread's render deadline while a render runs.
struct ThreadDeadline;

impl ThreadDeadline {
    fn set(deadline: Instant) -> ThreadDeadline {
        DEADLINE.set(Some(deadline));
        RANGE_STOPPED.set(false);
        ThreadDeadline
    }
}

impl Drop for ThreadDeadline {
    fn drop(&mut self) {
        DEADLINE.set(None);
        RANGE_STOPPED.set(false);
    }
}

/// The most numbers one `range()` call makes, as in Tera's own `range()`.
const MAX_RANGE_LEN: i128 = 100_000;

/// Tera's `range(start=0, end, step_by=1)`, refusing to run once the render's
/// deadline has passed: a loop over `range()` inside another stops there,
/// however little it writes.
pub(super) fn bounded_range(kwargs: Kwargs, _: &State) -> TeraResult<Vec<i128>> {
    if DEADLINE
        .get()
        .is_some_and(|deadline| Instant::now() > deadline)
    {
        RANGE_STOPPED.set(true);
        return Err(tera::Error::message(
            "the render ran out of time in this call of `range`",
        ));
    }
    let start = kwargs.get::<i128>("start")?.unwrap_or_default();
    let end = kwargs.must_get::<i128>("end")?;
    let step = kwargs.get::<i128>("step_by")?.unwrap_or(1);
    range_values(start, end, step).map_err(tera::Error::message)
}

/// The numbers from `start` up to (or down to) `end`, exclusive, `step` apart.
fn range_values(start: i128, end: i128, step: i128) -> Result<Vec<i128>, String> {
    if step == 0 {
        return Err("`range` was called with a `step_by` argument of 0".into());
    }
    if start > end && step > 0 {
        return Err("`range` was called with a `start` argument greater than the `end` one".into());
    }
    let overflow = || "`range` was called with arguments that overflow".to_string();
    let (span, stride) = if step > 0 {
        (end.checked_sub(start), Some(step))
    } else {
        (start.checked_sub(end), step.checked_neg())
    };
    let span = span.ok_or_else(overflow)?;
    if span <= 0 {
        return Ok(Vec::new());
    }
    let stride = stride.ok_or_else(overflow)?;
    let len = span.checked_add(stride - 1).ok_or_else(overflow)? / stride;
    if len > MAX_RANGE_LEN {
        return Err(format!(
            "`range` would make {len} numbers, more than the limit of {MAX_RANGE_LEN}"
        ));
    }
    Ok((0..len).map(|i| start + i * step).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(page_bytes: usize, seconds: u64) -> RenderLimits {
        RenderLimits {
            page_bytes,
            render_time: Duration::from_secs(seconds),
        }
    }

    fn tera(template: &str) -> Tera {
        let mut tera = Tera::new();
        tera.register_function("range", bounded_range);
        tera.add_raw_template("t.html", template).unwrap();
        tera
    }

    #[test]
    fn range_matches_teras_own() {
        assert_eq!(range_values(0, 4, 1).unwrap(), [0, 1, 2, 3]);
        assert_eq!(range_values(1, 8, 3).unwrap(), [1, 4, 7]);
        assert_eq!(range_values(5, 1, -2).unwrap(), [5, 3]);
        assert_eq!(range_values(1, 5, -1).unwrap(), Vec::<i128>::new());
        assert_eq!(range_values(3, 3, 1).unwrap(), Vec::<i128>::new());
        assert!(range_values(0, 1, 0).is_err());
        assert!(range_values(4, 1, 1).is_err());
        assert!(range_values(0, 100_001, 1).is_err());
        assert!(range_values(i128::MIN, i128::MAX, 1).is_err());
        assert_eq!(range_values(0, 1, i128::MIN).unwrap(), Vec::<i128>::new());
        assert!(range_values(1, 0, i128::MIN).is_err());
        let tera = tera("{% for i in range(end=3) %}{{ i }}{% endfor %}");
        let page = render(&tera, "t.html", &Context::new(), limits(100, 5)).unwrap();
        assert_eq!(page, b"012");
    }

    #[test]
    fn a_page_past_the_size_limit_is_stopped() {
        let tera = tera("{% for i in range(end=1000) %}0123456789{% endfor %}");
        let small = render(&tera, "t.html", &Context::new(), limits(9_999, 5));
        assert!(
            matches!(
                small,
                Err(Stopped::Limit {
                    exceeded: Exceeded::Size(9_999),
                    ..
                })
            ),
            "{small:?}"
        );
        let exact = render(&tera, "t.html", &Context::new(), limits(10_000, 5));
        assert_eq!(exact.unwrap().len(), 10_000);
    }

    #[test]
    fn range_refuses_to_run_after_the_deadline() {
        let tera = tera("{% for i in range(end=2) %}{% endfor %}");
        let passed = Instant::now() - Duration::from_secs(1);
        let _deadline = ThreadDeadline::set(passed);
        let rendered = tera.render("t.html", &Context::new());
        assert!(rendered.is_err());
        assert!(RANGE_STOPPED.get());
    }

    #[test]
    fn a_failing_template_is_not_taken_for_a_limit() {
        let tera = tera("{{ throw(message=\"no\") }}");
        let rendered = render(&tera, "t.html", &Context::new(), limits(100, 5));
        assert!(
            matches!(rendered, Err(Stopped::Template(_))),
            "{rendered:?}"
        );
    }
}
