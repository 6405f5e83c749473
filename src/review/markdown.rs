//! The Markdown report of `claimtrail diff`, for a pull request's job
//! summary (`$GITHUB_STEP_SUMMARY`): a headline of counts, then a section
//! for each kind of change. Every content value is escaped, so a pull
//! request cannot put a link, an image or HTML into the summary.

use std::fmt::Write;

use super::report::{Category, Entry, Review};
use crate::diagnostic::visible;
use crate::provenance::compare::Change;

/// Longest quote or title shown, in characters; longer ones end in "…".
const SHOWN_CHARS: usize = 200;

/// The whole Markdown report.
pub(crate) fn markdown(review: &Review) -> String {
    let head = review
        .head
        .as_deref()
        .map_or_else(|| "the working tree".to_string(), code);
    let mut out = format!(
        "## Content changes\n\nFrom {} to {head}: ",
        code(&review.base)
    );
    let counts: Vec<String> = (review.counts().into_iter())
        .filter(|count| count.n > 0)
        .map(|count| count.text)
        .collect();
    if counts.is_empty() {
        out.push_str("no content changes.\n");
        return out;
    }
    let _ = writeln!(out, "**{}**.", counts.join(", "));
    if !review.unreadable.is_empty() {
        out.push_str("\n### Cannot be read\n\n");
        for file in &review.unreadable {
            let _ = writeln!(
                out,
                "- {} {} ({}), {}",
                file.kind,
                code(&file.id),
                code(&file.file),
                // Claimtrail's own words, not content: no escaping needed.
                file.explanation()
            );
        }
    }
    for category in Category::ALL {
        let entries: Vec<&Entry> = review.in_category(category).collect();
        if entries.is_empty() {
            continue;
        }
        let _ = write!(out, "\n### {}\n\n", category.heading());
        for entry in entries {
            let _ = writeln!(out, "- {}", line(entry));
        }
    }
    out
}

/// One entry's bullet, without the `- `.
fn line(entry: &Entry) -> String {
    let thing = format!("{} {}", entry.kind, code(&entry.id));
    let title = || {
        entry
            .title
            .as_deref()
            .map_or(String::new(), |t| format!(": {}", text(t)))
    };
    match &entry.change {
        Change::Added => format!("{thing}{}", title()),
        Change::Removed if entry.kind == "claim" => format!(
            "{thing}{}; **its address {} is lost**, unless another claim lists {} in `aliases`",
            title(),
            code(&format!("/claims/{}/", entry.id)),
            code(&entry.id)
        ),
        Change::Removed => format!("{thing}{}", title()),
        Change::Renamed {
            from, alias_kept, ..
        } => {
            let kept = if *alias_kept {
                "the old address is kept as an alias".to_string()
            } else {
                format!(
                    "**the old address is lost**: add `aliases = [\"{}\"]`",
                    from.replace(['`', '"'], "")
                )
            };
            format!(
                "{} {} → {}: {kept}",
                entry.kind,
                code(from),
                code(&entry.id)
            )
        }
        Change::Verdict { from, to, note } => {
            let note = note.as_deref().map_or_else(
                || "no history note".to_string(),
                |note| format!("note: {}", text(note)),
            );
            format!(
                "{thing}: **{}** → **{}** ({note})",
                status(from),
                status(to)
            )
        }
        Change::AppearanceAdded { evidence } | Change::AppearanceRemoved { evidence } => {
            format!("{thing}: appearance in {}", code(evidence))
        }
        Change::CitationAdded { evidence, stance }
        | Change::CitationRemoved { evidence, stance } => {
            format!("{thing}: citation of {} ({stance})", code(evidence))
        }
        Change::QuoteEdited { evidence, from, to } => format!(
            "{thing}, quote from {}: {} → {}",
            code(evidence),
            quoted(from),
            quoted(to)
        ),
        Change::ValueChanged { evidence, from, to } => {
            let of = evidence.as_deref().map_or_else(
                || "the claimed value".to_string(),
                |evidence| format!("the value in {}", code(evidence)),
            );
            format!("{thing}, {of}: {} → {}", value(from), value(to))
        }
        Change::Title { from, to } => format!("{thing}: {} → {}", quoted(from), quoted(to)),
        Change::Edited { fields } => {
            let fields: Vec<String> = fields.iter().map(|f| code(f)).collect();
            format!("{thing}: {}", fields.join(", "))
        }
    }
}

fn status(status: &Option<String>) -> String {
    status.as_deref().map_or_else(|| "(none)".to_string(), text)
}

fn value(value: &Option<String>) -> String {
    value.as_deref().map_or_else(|| "(none)".to_string(), text)
}

fn quoted(words: &Option<String>) -> String {
    words
        .as_deref()
        .map_or_else(|| "(none)".to_string(), |w| format!("“{}”", text(w)))
}

/// `value` as an inline code span: never a link, whatever it holds.
fn code(value: &str) -> String {
    format!("`{}`", shortened(value).replace('`', "'"))
}

/// `value` as plain Markdown text on one line: every character Markdown or
/// HTML could read as markup is escaped.
pub(crate) fn text(value: &str) -> String {
    let mut out = String::new();
    for c in shortened(value).chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '<' | '>' | '(' | ')' | '#' | '+'
            | '-' | '.' | '!' | '|' | '~' | '&' | ':' | '@' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_whitespace() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// `value` on one line, at most [`SHOWN_CHARS`] characters, its control
/// characters shown as symbols (the report may be read in a terminal).
fn shortened(value: &str) -> String {
    let one_line = visible(value)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if one_line.chars().count() <= SHOWN_CHARS {
        return one_line;
    }
    let mut cut: String = one_line.chars().take(SHOWN_CHARS).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_content_stays_text() {
        assert_eq!(
            text("[click](https://x.example) <img src=x> **b**"),
            "\\[click\\]\\(https\\://x\\.example\\) \\<img src=x\\> \\*\\*b\\*\\*"
        );
        assert_eq!(code("a`b"), "`a'b`");
        assert_eq!(text("two\nlines"), "two lines");
    }

    #[test]
    fn long_values_are_cut() {
        let long = "a".repeat(SHOWN_CHARS + 10);
        assert_eq!(shortened(&long).chars().count(), SHOWN_CHARS + 1);
    }
}
