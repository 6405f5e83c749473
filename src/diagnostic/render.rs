//! The three ways a [`Diagnostics`] list is printed: compiler-style text with
//! the offending line and a caret, a JSON array, and GitHub workflow commands.

use std::collections::BTreeMap;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, Chars, Config};
use serde::Serialize;

use super::{Diagnostic, Diagnostics, Format, Position, Severity, position_of};

impl Diagnostics {
    /// Renders every diagnostic in `format`, followed (for humans) by a count.
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Human => self.render_human(),
            Format::Json => self.render_json(),
            Format::Github => self.render_github(),
        }
    }

    fn render_human(&self) -> String {
        let mut files = SimpleFiles::new();
        let ids: BTreeMap<&str, usize> = self
            .sources
            .iter()
            .map(|(name, text)| (name.as_str(), files.add(name.as_str(), text.as_str())))
            .collect();
        let config = Config {
            chars: Chars::ascii(),
            ..Config::default()
        };
        let mut out = String::new();
        for diagnostic in self.sorted() {
            let mut cs = match diagnostic.severity {
                Severity::Error => CsDiagnostic::error(),
                Severity::Warning => CsDiagnostic::warning(),
            }
            .with_message(&diagnostic.message);
            match (ids.get(diagnostic.file.as_str()), &diagnostic.span) {
                (Some(&id), Some(span)) => {
                    cs = cs.with_labels(vec![Label::primary(id, span.clone())]);
                }
                _ => {
                    cs = cs.with_notes(vec![format!("in {}", diagnostic.file)]);
                }
            }
            if let Some(hint) = &diagnostic.hint {
                cs.notes.push(format!("hint: {hint}"));
            }
            if term::emit_into_string(&config, &files, &cs)
                .map(|text| out.push_str(&text))
                .is_err()
            {
                out.push_str(&format!("{}: {}\n", diagnostic.file, diagnostic.message));
            }
        }
        out.push_str(&self.summary_line());
        out
    }

    /// "2 errors, 1 warning" style summary, ending in a newline.
    pub fn summary_line(&self) -> String {
        let errors = self.error_count();
        let warnings = self.warning_count();
        format!(
            "{} {}, {} {}\n",
            errors,
            plural(errors, "error", "errors"),
            warnings,
            plural(warnings, "warning", "warnings")
        )
    }

    fn render_json(&self) -> String {
        #[derive(Serialize)]
        struct JsonDiagnostic<'a> {
            severity: Severity,
            file: &'a str,
            line: Option<usize>,
            column: Option<usize>,
            end_line: Option<usize>,
            end_column: Option<usize>,
            message: &'a str,
            hint: Option<&'a str>,
        }
        let list: Vec<JsonDiagnostic> = self
            .sorted()
            .into_iter()
            .map(|d| {
                let start = self.position(d);
                let end = self.end_position(d);
                JsonDiagnostic {
                    severity: d.severity,
                    file: &d.file,
                    line: start.map(|p| p.line),
                    column: start.map(|p| p.column),
                    end_line: end.map(|p| p.line),
                    end_column: end.map(|p| p.column),
                    message: &d.message,
                    hint: d.hint.as_deref(),
                }
            })
            .collect();
        let mut text = serde_json::to_string_pretty(&list).unwrap_or_else(|_| "[]".into());
        text.push('\n');
        text
    }

    fn end_position(&self, diagnostic: &Diagnostic) -> Option<Position> {
        let text = self.sources.get(&diagnostic.file)?;
        let span = diagnostic.span.as_ref()?;
        Some(position_of(text, span.end.max(span.start)))
    }

    fn render_github(&self) -> String {
        let mut out = String::new();
        for d in self.sorted() {
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let mut properties = format!("file={}", escape_property(&d.file));
            if let (Some(start), Some(end)) = (self.position(d), self.end_position(d)) {
                properties.push_str(&format!(
                    ",line={},col={},endLine={},endColumn={}",
                    start.line, start.column, end.line, end.column
                ));
            }
            properties.push_str(",title=claimtrail");
            let mut message = d.message.clone();
            if let Some(hint) = &d.hint {
                message.push_str(&format!("\nhint: {hint}"));
            }
            out.push_str(&format!(
                "::{command} {properties}::{}\n",
                escape_data(&message)
            ));
        }
        out
    }
}

/// `one` when `n` is 1, else `many`.
pub fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// Escapes a workflow command's message (`%`, CR and LF).
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value (also `:` and `,`).
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_format_escapes_newlines_and_separators() {
        let mut list = Diagnostics::new();
        list.add_source("content/a,b.md", "x = 1\n");
        list.push(
            Diagnostic::error("content/a,b.md", "50% wrong")
                .at(0..1)
                .hint("fix it"),
        );
        assert_eq!(
            list.render(Format::Github),
            "::error file=content/a%2Cb.md,line=1,col=1,endLine=1,endColumn=2,title=claimtrail::50%25 wrong%0Ahint: fix it\n"
        );
    }
}
