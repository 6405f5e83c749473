//! What visiting a link found, and how the report words it.

use crate::diagnostic::{Diagnostic, Severity};

/// The state of one cited URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Health {
    /// It answered 2xx, or 3xx redirects that end in 2xx.
    Live {
        /// The final HTTP status.
        status: u16,
    },
    /// It answered 404 Not Found or 410 Gone: the page is not there.
    Dead {
        /// 404 or 410.
        status: u16,
    },
    /// No verdict: a timeout, a refused connection, an unknown host, a 5xx
    /// or another answer that says nothing about the page being gone.
    Unreachable {
        /// Why, in a few words: "timed out after 20 s", "500 Internal Server Error".
        reason: String,
    },
}

impl Health {
    /// The verdict for a final HTTP `status` (after redirects and retries).
    pub(crate) fn of_status(status: u16) -> Health {
        match status {
            200..=399 => Health::Live { status },
            404 | 410 => Health::Dead { status },
            _ => Health::Unreachable {
                reason: status_text(status),
            },
        }
    }

    /// The problem to report at one place the URL is written, if any: dead
    /// links are warnings, or errors when `deny_dead`; unreachable ones are
    /// always warnings, since they may pass.
    pub(crate) fn diagnostic(&self, url: &str, file: &str, deny_dead: bool) -> Option<Diagnostic> {
        match self {
            Health::Live { .. } => None,
            Health::Dead { status } => {
                let severity = if deny_dead {
                    Severity::Error
                } else {
                    Severity::Warning
                };
                let message = format!("dead link: {url} answers {}", status_text(*status));
                let hint = "if the page moved, write its new address; if it is gone, add an `archive` link to a copy of it";
                Some(problem(severity, file, message).hint(hint))
            }
            Health::Unreachable { reason } => {
                let message = format!("could not check the link {url}: {reason}");
                let hint = "this may pass: links that could not be checked are tried again on the next run";
                Some(problem(Severity::Warning, file, message).hint(hint))
            }
        }
    }
}

fn problem(severity: Severity, file: &str, message: String) -> Diagnostic {
    match severity {
        Severity::Error => Diagnostic::error(file, message),
        Severity::Warning => Diagnostic::warning(file, message),
    }
}

/// "404 Not Found": the status with its reason phrase, when it has one.
pub(crate) fn status_text(status: u16) -> String {
    let reason = axum::http::StatusCode::from_u16(status)
        .ok()
        .and_then(|code| code.canonical_reason());
    match reason {
        Some(reason) => format!("{status} {reason}"),
        None => format!("HTTP status {status}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_not_found_and_gone_are_dead() {
        assert_eq!(Health::of_status(200), Health::Live { status: 200 });
        assert_eq!(Health::of_status(304), Health::Live { status: 304 });
        assert_eq!(Health::of_status(404), Health::Dead { status: 404 });
        assert_eq!(Health::of_status(410), Health::Dead { status: 410 });
        for status in [401, 403, 429, 500, 503] {
            assert!(
                matches!(Health::of_status(status), Health::Unreachable { .. }),
                "{status}"
            );
        }
        let Health::Unreachable { reason } = Health::of_status(403) else {
            unreachable!()
        };
        assert_eq!(reason, "403 Forbidden");
    }

    #[test]
    fn dead_links_are_errors_only_when_denied() {
        let dead = Health::Dead { status: 410 };
        let warning = dead.diagnostic("https://a.test/", "f.md", false).unwrap();
        assert_eq!(warning.severity, Severity::Warning);
        assert_eq!(
            warning.message,
            "dead link: https://a.test/ answers 410 Gone"
        );
        let error = dead.diagnostic("https://a.test/", "f.md", true).unwrap();
        assert_eq!(error.severity, Severity::Error);
        let unreachable = Health::Unreachable {
            reason: "timed out".into(),
        };
        let warning = unreachable
            .diagnostic("https://a.test/", "f.md", true)
            .unwrap();
        assert_eq!(warning.severity, Severity::Warning);
        assert!(
            Health::Live { status: 200 }
                .diagnostic("u", "f.md", true)
                .is_none()
        );
    }
}
