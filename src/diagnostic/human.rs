//! Diagnostics as people read them: every error in full first, then the
//! warnings (alike ones grouped into one line unless asked for in full),
//! then a count; in colour for a terminal.

use std::collections::BTreeMap;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::termcolor::Buffer;
use codespan_reporting::term::{self, Chars, Config};

use super::group::{alike, group_hint};
use super::visible::{Shifts, VisibleText, visible, visible_line};
use super::{Diagnostic, Diagnostics, Severity, plural};

/// Which warnings a human report shows, and how. Errors are always shown in full.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Warnings {
    /// None (`--quiet`); the count line only when there are errors.
    Hidden,
    /// Alike warnings as one line each, naming the first few places.
    #[default]
    Grouped,
    /// Every warning in full, with its source line (`--verbose`).
    Full,
}

/// How a human report looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct HumanStyle {
    /// Which warnings are shown, and how.
    pub warnings: Warnings,
    /// Colour and bold through ANSI escapes, for a terminal.
    pub color: bool,
}

impl Diagnostics {
    /// The report for people: errors, warnings as `style` says, then the count.
    pub(super) fn render_human(&self, style: HumanStyle) -> String {
        let mut out = self.render_errors(style.color);
        out.push_str(&self.render_warnings(style));
        let errors = self.error_count();
        match style.warnings {
            Warnings::Hidden if errors == 0 => {}
            Warnings::Hidden if self.warning_count() > 0 => {
                out.push_str(&format!(
                    "{errors} {} ({} not shown: --quiet)\n",
                    plural(errors, "error", "errors"),
                    self.warnings_text()
                ));
            }
            _ => out.push_str(&self.summary_line()),
        }
        out
    }

    /// Every error in full: the offending line with a caret, and the hint.
    pub fn render_errors(&self, color: bool) -> String {
        let printer = Printer::new(&self.sources, color);
        self.of_severity(Severity::Error)
            .into_iter()
            .map(|d| printer.in_full(d))
            .collect()
    }

    /// The warnings as `style` says: none, alike ones grouped, or each in full.
    pub fn render_warnings(&self, style: HumanStyle) -> String {
        let printer = Printer::new(&self.sources, style.color);
        let warnings = self.of_severity(Severity::Warning);
        match style.warnings {
            Warnings::Hidden => String::new(),
            Warnings::Full => warnings.into_iter().map(|d| printer.in_full(d)).collect(),
            Warnings::Grouped => alike(&warnings)
                .iter()
                .map(|members| match members.as_slice() {
                    [] => String::new(),
                    [only] => printer.in_full(only),
                    [first, ..] => {
                        printer.grouped(self.group_line(first, members), group_hint(first, members))
                    }
                })
                .collect(),
        }
    }

    /// How many warnings there are, in words: "20 warnings", "1 warning".
    pub fn warnings_text(&self) -> String {
        let warnings = self.warning_count();
        format!("{warnings} {}", plural(warnings, "warning", "warnings"))
    }

    fn of_severity(&self, severity: Severity) -> Vec<&Diagnostic> {
        self.sorted()
            .into_iter()
            .filter(|d| d.severity == severity)
            .collect()
    }
}

/// Prints diagnostics through codespan-reporting, which quotes the source
/// lines. Everything it prints from content (lines, file names, messages) is
/// made [`visible`] first, so no escape sequence reaches the terminal.
struct Printer<'a> {
    files: SimpleFiles<String, String>,
    ids: BTreeMap<&'a str, (usize, Shifts)>,
    config: Config,
    color: bool,
}

impl<'a> Printer<'a> {
    fn new(sources: &'a BTreeMap<String, String>, color: bool) -> Self {
        let mut files = SimpleFiles::new();
        let ids = sources
            .iter()
            .map(|(name, text)| {
                let VisibleText { text, shifts } = VisibleText::of(text);
                let id = files.add(visible_line(name).into_owned(), text);
                (name.as_str(), (id, shifts))
            })
            .collect();
        let config = Config {
            chars: Chars::ascii(),
            ..Config::default()
        };
        Printer {
            files,
            ids,
            config,
            color,
        }
    }

    /// One diagnostic with its source line and caret (or its file, when it
    /// points at no text), then its hint.
    fn in_full(&self, diagnostic: &Diagnostic) -> String {
        let message = visible_line(&diagnostic.message);
        let file = visible_line(&diagnostic.file);
        let mut cs = header(diagnostic.severity).with_message(message.as_ref());
        match (self.ids.get(diagnostic.file.as_str()), &diagnostic.span) {
            (Some((id, shifts)), Some(span)) => {
                let span = shifts.offset(span.start)..shifts.offset(span.end);
                cs = cs.with_labels(vec![Label::primary(*id, span)]);
            }
            _ => cs.notes.push(format!("in {file}")),
        }
        if let Some(hint) = &diagnostic.hint {
            cs.notes.push(format!("hint: {}", visible_line(hint)));
        }
        self.emit(&cs)
            .unwrap_or_else(|| format!("{file}: {message}\n"))
    }

    /// A group of warnings as its one line and the hint.
    fn grouped(&self, line: String, hint: Option<&str>) -> String {
        let line = visible(&line);
        let mut cs = CsDiagnostic::warning().with_message(line.as_ref());
        cs.notes
            .extend(hint.map(|hint| format!("hint: {}", visible(hint))));
        self.emit(&cs)
            .unwrap_or_else(|| format!("warning: {line}\n"))
    }

    fn emit(&self, cs: &CsDiagnostic<usize>) -> Option<String> {
        let mut buffer = if self.color {
            Buffer::ansi()
        } else {
            Buffer::no_color()
        };
        term::emit_to_write_style(&mut buffer, &self.config, &self.files, cs).ok()?;
        String::from_utf8(buffer.into_inner()).ok()
    }
}

fn header(severity: Severity) -> CsDiagnostic<usize> {
    match severity {
        Severity::Error => CsDiagnostic::error(),
        Severity::Warning => CsDiagnostic::warning(),
    }
}
