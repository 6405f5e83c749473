//! Problems found in a site, located like a compiler's: file, line, column, hint.
//!
//! Every stage pushes into one [`Diagnostics`] list, so a single run reports
//! every problem in every file. The list renders as human text (with the
//! offending line and a caret, errors first, alike warnings grouped), JSON,
//! or GitHub workflow commands.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use serde::Serialize;

mod code;
mod group;
mod human;
mod render;
mod visible;

pub(crate) use code::Code;
pub use human::{HumanStyle, Warnings};
pub use render::plural;
pub(crate) use render::{escape_data, escape_property};
pub use visible::{visible, visible_line};

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
    /// The kind of problem, for warnings a site often holds many of; reports
    /// print alike warnings as one line.
    pub code: Option<Code>,
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
            code: None,
        }
    }

    /// Names the kind of problem, so a report can group it with others alike.
    pub fn code(mut self, code: Code) -> Self {
        self.code = Some(code);
        self
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

/// The site folder `root` as GitHub annotations need it: relative to the
/// working folder (a workflow's is the repository's top), with `/`. `None`
/// when the site is the working folder, or lies outside it (its files could
/// not be annotated anyway).
pub fn annotation_folder(root: &std::path::Path) -> Option<String> {
    use std::path::Component;
    let relative = if root.is_absolute() {
        let here = std::env::current_dir().ok()?;
        root.strip_prefix(here).ok()?.to_path_buf()
    } else {
        root.to_path_buf()
    };
    let mut parts = Vec::new();
    for component in relative.components() {
        match component {
            Component::Normal(part) => parts.push(part.to_str()?.to_string()),
            Component::CurDir => {}
            _ => return None,
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
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

    /// The same list with every file named from the folder above the site
    /// (`folder/content/…`), as GitHub annotations name files: from the
    /// repository's top. See [`annotation_folder`].
    pub fn under_folder(mut self, folder: &str) -> Diagnostics {
        for item in &mut self.items {
            item.file = format!("{folder}/{}", item.file);
        }
        self.sources = (std::mem::take(&mut self.sources).into_iter())
            .map(|(file, text)| (format!("{folder}/{file}"), text))
            .collect();
        self
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
}

/// The line and column (in characters) of byte `offset` in `text`.
pub(crate) fn position_of(text: &str, offset: usize) -> Position {
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

/// Turns a path under the site root into the `/`-separated form diagnostics use.
pub(crate) fn display_path(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Most diagnostics reported for one file. A file with thousands of problems
/// holds one mistake repeated; printing them all would take minutes.
pub(crate) const MAX_PER_FILE: usize = 50;

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
pub(crate) fn did_you_mean<'a>(
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
}
