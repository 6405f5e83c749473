//! What went wrong rendering files, reported as one located diagnostic per
//! distinct mistake however many pages it breaks: a typo in `claim.html` is
//! one error naming a page and how many others, not ten thousand.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::{Mutex, PoisonError};

use tera::ErrorKind;

use super::bounded::{LIMIT_HINT, Stopped};
use super::compile_errors::error_chain;
use crate::diagnostic::Diagnostic;

const TEMPLATE_HINT: &str =
    "fix the template, or delete it from templates/ to use the built-in one";

/// One file a template could not render.
#[derive(Debug)]
pub(super) struct PageFailure {
    /// The template file the problem is in, e.g. `templates/base.html`.
    file: String,
    /// Where in that template, when Tera says.
    span: Option<Range<usize>>,
    /// What went wrong, without the page.
    cause: String,
    /// The output path of the file that failed.
    page: String,
    /// The template the page is rendered with (`file` may be one it extends).
    template: &'static str,
    /// Whether a limit stopped it, rather than a mistake in the template.
    by_limit: bool,
}

impl PageFailure {
    /// The failure of `page`, rendered with `template`, that `stopped` describes.
    pub(super) fn new(template: &'static str, page: &str, stopped: Stopped) -> PageFailure {
        let by_limit = matches!(stopped, Stopped::Limit { .. });
        let (error, cause) = match stopped {
            Stopped::Limit { exceeded, error } => (error, Some(exceeded.describe())),
            Stopped::Template(error) => (error, None),
        };
        let (file, span, message) = match error.kind() {
            ErrorKind::RenderingError(report) | ErrorKind::SyntaxError(report)
                if !report.filename().is_empty() =>
            {
                let span = report.span().range.clone();
                (report.filename(), Some(span), report.message().to_string())
            }
            _ => (template, None, error_chain(&error)),
        };
        PageFailure {
            file: format!("templates/{file}"),
            span,
            cause: cause.unwrap_or(message),
            page: page.to_string(),
            template,
            by_limit,
        }
    }

    /// The diagnostic for this failure, which `others` more pages share.
    pub(super) fn diagnostic(&self, others: usize) -> Diagnostic {
        let pages = match others {
            0 => self.page.clone(),
            1 => format!("{} and 1 other file", self.page),
            n => format!("{} and {n} other files", self.page),
        };
        let diagnostic =
            Diagnostic::error(&self.file, format!("cannot render {pages}: {}", self.cause)).hint(
                if self.by_limit {
                    LIMIT_HINT
                } else {
                    TEMPLATE_HINT
                },
            );
        match &self.span {
            Some(span) => diagnostic.at(span.clone()),
            None => diagnostic,
        }
    }

    /// Report order: by template, place in it, cause, then page.
    fn order(&self) -> (&str, Option<(usize, usize)>, &str, &str) {
        let span = self.span.as_ref().map(|s| (s.start, s.end));
        (&self.file, span, &self.cause, &self.page)
    }

    fn same_mistake(&self, other: &PageFailure) -> bool {
        (&self.file, &self.span, &self.cause) == (&other.file, &other.span, &other.cause)
    }
}

/// Failures collected from many threads.
#[derive(Default)]
pub(super) struct Failures {
    pages: Mutex<Vec<PageFailure>>,
    others: Mutex<Vec<Diagnostic>>,
    /// Templates a limit stopped: their other pages are not tried, as each
    /// would run to the limit too (a thousand tag pages, ten seconds each).
    given_up: Mutex<HashSet<&'static str>>,
}

impl Failures {
    /// Records a page a template could not render.
    pub(super) fn page(&self, failure: PageFailure) {
        if failure.by_limit {
            lock(&self.given_up).insert(failure.template);
        }
        lock(&self.pages).push(failure);
    }

    /// Whether a limit already stopped a page of `template`.
    pub(super) fn gave_up_on(&self, template: &str) -> bool {
        lock(&self.given_up).contains(template)
    }

    /// Records any other file that could not be made.
    pub(super) fn other(&self, problem: Diagnostic) {
        lock(&self.others).push(problem);
    }

    /// One diagnostic per distinct problem, in a fixed order; empty when all went well.
    pub(super) fn into_diagnostics(self) -> Vec<Diagnostic> {
        let mut pages = into_inner(self.pages);
        pages.sort_by(|a, b| a.order().cmp(&b.order()));
        let mut diagnostics: Vec<Diagnostic> = pages
            .chunk_by(PageFailure::same_mistake)
            .map(|group| group[0].diagnostic(group.len() - 1))
            .collect();
        let mut others = into_inner(self.others);
        others.sort_by(|a, b| a.message.cmp(&b.message));
        others.dedup_by(|a, b| a.message == b.message);
        diagnostics.extend(others);
        diagnostics
    }
}

fn into_inner<T>(mutex: Mutex<T>) -> T {
    mutex.into_inner().unwrap_or_else(PoisonError::into_inner)
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::RenderLimits;
    use crate::render::bounded;

    fn failure(template: &str, page: &str) -> PageFailure {
        let mut tera = tera::Tera::new();
        tera.add_raw_template("t.html", template).unwrap();
        let limits = RenderLimits::default();
        let stopped = bounded::render(&tera, "t.html", &tera::Context::new(), limits);
        PageFailure::new("t.html", page, stopped.unwrap_err())
    }

    #[test]
    fn one_mistake_on_many_pages_is_one_located_diagnostic() {
        let failures = Failures::default();
        for page in ["b/index.html", "a/index.html", "c/index.html"] {
            failures.page(failure("ok\n{{ missing }}", page));
        }
        failures.page(failure("{{ throw(message=\"no\") }}", "d/index.html"));
        let diagnostics = failures.into_diagnostics();
        assert_eq!(diagnostics.len(), 2, "{diagnostics:?}");
        let missing = &diagnostics[1];
        assert_eq!(missing.file, "templates/t.html");
        assert_eq!(missing.span, Some(6..13));
        assert!(
            missing
                .message
                .starts_with("cannot render a/index.html and 2 other files: "),
            "{missing:?}"
        );
        assert!(diagnostics[0].message.contains("no"), "{diagnostics:?}");
    }
}
