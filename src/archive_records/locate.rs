//! Locating the problems of a lock file that parsed: each is found again at
//! its value from the file's spans, read only when there is one to report.

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::Diagnostic;
use crate::load::ARCHIVE_LOCK_FILE;

/// Where a problem of a lock file that parsed is: found again from the
/// file's spans, which are read only when there is a problem to locate.
pub(super) enum Place {
    Version,
    Url(usize),
    Capture(usize),
    Similarity(usize, usize),
}

/// A problem of a lock file that parsed, not located yet.
pub(super) struct Problem {
    pub(super) place: Place,
    pub(super) message: String,
    pub(super) hint: Option<String>,
}

/// The spans of the values a problem can be about.
#[derive(Deserialize)]
struct Spans {
    version: Spanned<u32>,
    #[serde(default)]
    entry: Vec<EntrySpans>,
}

#[derive(Deserialize)]
struct EntrySpans {
    url: Spanned<String>,
    capture: Option<Spanned<String>>,
    #[serde(default)]
    quote: Vec<QuoteSpans>,
}

#[derive(Deserialize)]
struct QuoteSpans {
    similarity: Option<Spanned<f64>>,
}

impl Spans {
    fn of(&self, place: &Place) -> Option<Range<usize>> {
        match *place {
            Place::Version => Some(self.version.span()),
            Place::Url(i) => Some(self.entry.get(i)?.url.span()),
            Place::Capture(i) => Some(self.entry.get(i)?.capture.as_ref()?.span()),
            Place::Similarity(i, j) => {
                let quote = self.entry.get(i)?.quote.get(j)?;
                Some(quote.similarity.as_ref()?.span())
            }
        }
    }
}

/// `problems` of the lock file `text` as errors, each at its value.
pub(super) fn locate(text: &str, problems: Vec<Problem>) -> Vec<Diagnostic> {
    if problems.is_empty() {
        return Vec::new();
    }
    let spans: Option<Spans> = toml::from_str(text).ok();
    problems
        .into_iter()
        .map(|problem| {
            let span = spans.as_ref().and_then(|s| s.of(&problem.place));
            Diagnostic::error(ARCHIVE_LOCK_FILE, problem.message)
                .at(span.unwrap_or(0..0))
                .maybe_hint(problem.hint)
        })
        .collect()
}
