//! The three ways a [`Diagnostics`] list is printed: compiler-style text with
//! the offending line and a caret (in [`super::human`]), a JSON array, and
//! GitHub workflow commands.

use serde::Serialize;

use super::visible::visible;
use super::{
    Diagnostic, Diagnostics, Format, HumanStyle, Position, Severity, Warnings, position_of,
};

impl Diagnostics {
    /// Renders the list in `format` as a plain-text report with alike warnings
    /// grouped; see [`Diagnostics::render_with`].
    pub fn render(&self, format: Format) -> String {
        self.render_with(format, HumanStyle::default())
    }

    /// Renders the list in `format`. For humans: every error in full, then
    /// the warnings as `style` says, then a count. The machine formats keep
    /// one entry per diagnostic and leave out warnings only when
    /// `style.warnings` is [`Warnings::Hidden`].
    pub fn render_with(&self, format: Format, style: HumanStyle) -> String {
        let shown =
            |d: &&Diagnostic| d.severity == Severity::Error || style.warnings != Warnings::Hidden;
        match format {
            Format::Human => self.render_human(style),
            Format::Json => self.render_json(shown),
            Format::Github => self.render_github(shown),
        }
    }

    /// "2 errors, 1 warning" style summary, ending in a newline.
    pub fn summary_line(&self) -> String {
        let errors = self.error_count();
        format!(
            "{errors} {}, {}\n",
            plural(errors, "error", "errors"),
            self.warnings_text()
        )
    }

    fn render_json(&self, shown: impl Fn(&&Diagnostic) -> bool) -> String {
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
            .filter(shown)
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

    fn render_github(&self, shown: impl Fn(&&Diagnostic) -> bool) -> String {
        let mut out = String::new();
        for d in self.sorted().into_iter().filter(shown) {
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

/// Escapes a workflow command's message (`%`, CR and LF), its other control
/// characters shown as symbols.
pub(crate) fn escape_data(text: &str) -> String {
    visible(text)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value (also `:` and `,`).
pub(crate) fn escape_property(text: &str) -> String {
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
