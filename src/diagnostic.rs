//! Problems found in a site, located like a compiler's: file, line, column, hint.
//!
//! Every stage pushes into one [`Diagnostics`] list, so a single run reports
//! every problem in every file. The list renders as human text (with the
//! offending line and a caret), JSON, or GitHub workflow commands.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, Chars, Config};
use serde::Serialize;

/// How serious a problem is: errors stop a build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The site cannot be built until this is fixed.
    Error,
    /// Worth fixing, but the site still builds.
    Warning,
}

/// One problem, pointing at a file and (where known) a byte range in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Path relative to the site root, with `/` separators.
    pub file: String,
    /// Byte range in the file the problem is about, if it can be pointed at.
    pub span: Option<Range<usize>>,
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it, if there is something to suggest.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error about `file`.
    pub fn error(file: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, file, message)
    }

    /// A warning about `file`.
    pub fn warning(file: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, file, message)
    }

    fn new(severity: Severity, file: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            file: file.into(),
            span: None,
            message: message.into(),
            hint: None,
        }
    }

    /// Points the diagnostic at a byte range of its file.
    pub fn at(mut self, span: Range<usize>) -> Self {
        self.span = Some(span);
        self
    }

    /// Adds a hint on how to fix the problem.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Adds a hint only when there is one.
    pub fn maybe_hint(self, hint: Option<String>) -> Self {
        match hint {
            Some(hint) => self.hint(hint),
            None => self,
        }
    }
}

/// The output formats of `claimtrail check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Compiler-style text with source snippets.
    #[default]
    Human,
    /// A JSON array of objects, one per diagnostic.
    Json,
    /// GitHub Actions workflow commands (`::error file=...`).
    Github,
}

/// A line and column, both counted from 1; columns count characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Position {
    /// Line number, from 1.
    pub line: usize,
    /// Column number in characters, from 1.
    pub column: usize,
}

/// Every diagnostic of a run, together with the text of the files they point into.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    sources: BTreeMap<String, String>,
}

impl Diagnostics {
    /// An empty list.
    pub fn new() -> Self {
        Self::default()
    }

    /// Remembers a file's text so diagnostics can quote its lines.
    pub fn add_source(&mut self, file: &str, text: &str) {
        if !self.sources.contains_key(file) {
            self.sources.insert(file.to_string(), text.to_string());
        }
    }

    /// Records one problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Records many problems.
    pub fn extend(&mut self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(diagnostics);
    }

    /// Moves another list's diagnostics and sources into this one.
    pub fn append(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
        self.sources.extend(other.sources);
    }

    /// The diagnostics in report order: by file, then position, then message.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut items: Vec<&Diagnostic> = self.items.iter().collect();
        items.sort_by(|a, b| {
            let key = |d: &Diagnostic| (d.span.as_ref().map(|s| s.start), d.severity);
            (&a.file, key(a), &a.message).cmp(&(&b.file, key(b), &b.message))
        });
        items.dedup();
        items
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.count(Severity::Error)
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.sorted()
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// True when there is at least one error.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// Where a diagnostic starts, as line and column.
    pub fn position(&self, diagnostic: &Diagnostic) -> Option<Position> {
        let text = self.sources.get(&diagnostic.file)?;
        let span = diagnostic.span.as_ref()?;
        Some(position_of(text, span.start))
    }

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

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// The line and column (in characters) of byte `offset` in `text`.
pub fn position_of(text: &str, offset: usize) -> Position {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    Position { line, column }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
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

/// Turns a path under the site root into the `/`-separated form diagnostics use.
pub fn display_path(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Most diagnostics reported for one file. A file with thousands of problems
/// holds one mistake repeated; printing them all would take minutes.
pub const MAX_PER_FILE: usize = 50;

/// Keeps the first [`MAX_PER_FILE`] problems of `file` and adds one error,
/// placed at `end` (the end of the file), saying how many more there are.
pub fn cap_per_file(file: &str, end: usize, mut problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
    if problems.len() <= MAX_PER_FILE {
        return problems;
    }
    let more = problems.len() - MAX_PER_FILE;
    problems.truncate(MAX_PER_FILE);
    problems.push(
        Diagnostic::error(
            file,
            format!("{more} more problems in this file are not shown"),
        )
        .at(end..end)
        .hint("fix the problems above and run `claimtrail check` again"),
    );
    problems
}

/// The closest candidate to `wrong` by edit distance, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let wrong_lower = wrong.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(&wrong_lower, c), c))
        .filter(|(distance, c)| *distance <= (c.chars().count().max(3) / 3).max(2))
        .min()
        .map(|(_, c)| format!("did you mean `{c}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "ab\ncé d\n";
        assert_eq!(position_of(text, 0), Position { line: 1, column: 1 });
        assert_eq!(position_of(text, 3), Position { line: 2, column: 1 });
        // 'é' is two bytes but one column.
        assert_eq!(position_of(text, 6), Position { line: 2, column: 3 });
    }

    #[test]
    fn suggestions_only_for_near_misses() {
        let statuses = ["supported", "disputed", "refuted"];
        assert_eq!(
            did_you_mean("suported", statuses).as_deref(),
            Some("did you mean `supported`?")
        );
        assert_eq!(did_you_mean("banana", statuses), None);
    }

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
