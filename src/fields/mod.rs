//! Reading typed fields out of a parsed TOML table while collecting every problem.
//!
//! A serde derive stops at the first error; contributors want all of them at
//! once. [`Fields`] reads one field at a time, records a located diagnostic for
//! each missing, mistyped or unknown key, and carries on.

use std::ops::Range;

use toml::de::{DeTable, DeValue};

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::toml_recovery::UnreadableKeys;

mod invisible;
mod nested;
mod scalars;

pub(crate) use invisible::direction_control_in_body;
pub use invisible::{TextUse, invisible_character};
pub(crate) use scalars::calendar_date;

/// The value of an optional located field, without its position (which
/// every edit above it moves).
pub(crate) fn located_value<T>(located: &Option<Located<T>>) -> Option<&T> {
    located.as_ref().map(|located| &located.value)
}

/// A value together with the byte range in its file that it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// Byte range in the whole file (not just the frontmatter).
    pub span: Range<usize>,
}

/// A typed, strict reader over one TOML table.
pub(crate) struct Fields<'t, 'i> {
    file: &'t str,
    /// The whole text of `file`, to find a character in a value as written.
    text: &'t str,
    offset: usize,
    table: &'t DeTable<'i>,
    table_span: Range<usize>,
    /// Where the table sits, for messages: "" for the top level, else e.g. "citations[2]".
    context: String,
    allowed: &'static [&'static str],
    /// True once [`Fields::entries`] has read every key as a named entry.
    open: bool,
    /// Keys on lines blanked for a syntax error: already reported, so never "missing".
    unreadable: Option<&'t UnreadableKeys>,
    diagnostics: Vec<Diagnostic>,
}

impl<'t, 'i> Fields<'t, 'i> {
    /// Reads `table` from `file` (whose whole text is `text`), whose TOML
    /// starts at byte `offset` of the file.
    pub(crate) fn new(
        file: &'t str,
        text: &'t str,
        offset: usize,
        table: &'t DeTable<'i>,
        table_span: Range<usize>,
        allowed: &'static [&'static str],
    ) -> Self {
        Fields {
            file,
            text,
            offset,
            table,
            table_span: table_span.start + offset..table_span.end + offset,
            context: String::new(),
            allowed,
            open: false,
            unreadable: None,
            diagnostics: Vec::new(),
        }
    }

    /// The same reader, told which keys stood on lines blanked for a syntax
    /// error, so that it does not report them missing.
    pub(crate) fn with_unreadable(self, unreadable: Option<&'t UnreadableKeys>) -> Self {
        Fields { unreadable, ..self }
    }

    /// A reader for a nested table, named `context` in messages.
    fn nested(
        &self,
        table: &'t DeTable<'i>,
        span: Range<usize>,
        context: String,
        allowed: &'static [&'static str],
    ) -> Fields<'t, 'i> {
        Fields {
            file: self.file,
            text: self.text,
            offset: self.offset,
            table,
            table_span: span,
            context,
            allowed,
            open: false,
            unreadable: self.unreadable,
            diagnostics: Vec::new(),
        }
    }

    /// The byte range of the whole table in the file.
    pub(crate) fn span(&self) -> Range<usize> {
        self.table_span.clone()
    }

    fn lookup(&self, key: &str) -> Option<(&'t DeValue<'i>, Range<usize>)> {
        self.table
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == key)
            .map(|(_, v)| (v.get_ref(), self.shift(v.span())))
    }

    fn shift(&self, span: Range<usize>) -> Range<usize> {
        span.start + self.offset..span.end + self.offset
    }

    fn name(&self, key: &str) -> String {
        if self.context.is_empty() {
            format!("`{key}`")
        } else {
            format!("`{key}` in {}", self.context)
        }
    }

    /// Records a problem about this file.
    pub(crate) fn error(&mut self, span: Range<usize>, message: String, hint: Option<String>) {
        self.diagnostics.push(
            Diagnostic::error(self.file, message)
                .at(span)
                .maybe_hint(hint),
        );
    }

    /// `Some(())` when `key` is present; otherwise reports it missing, with
    /// `example` as the value to add.
    fn require(&mut self, key: &str, example: &str) -> Option<()> {
        if self.lookup(key).is_some() {
            return Some(());
        }
        // A misspelt key already has its "did you mean `key`?" diagnostic,
        // and a key on a broken line its syntax error.
        if !self.has_misspelling_of(key) && !self.unreadable(key) {
            let span = self.table_span.start..self.table_span.start;
            let message = format!("missing required field {}", self.name(key));
            self.error(span, message, Some(format!("add `{key} = {example}`")));
        }
        None
    }

    fn wrong_type(&mut self, key: &str, expected: &str, value: &DeValue, span: Range<usize>) {
        let message = format!(
            "{} must be {expected}, not {}",
            self.name(key),
            article(value.type_str())
        );
        let hint = match (expected, value) {
            ("a date", DeValue::String(text)) => Some(format!(
                "write the date without quotes: `{key} = {}`",
                text.trim()
            )),
            ("a string", DeValue::Integer(_) | DeValue::Float(_) | DeValue::Boolean(_)) => {
                Some("put the text in double quotes".to_string())
            }
            ("`true` or `false`", DeValue::String(text)) => Some(format!(
                "write it without quotes: `{key} = {}`",
                if text.trim() == "false" {
                    "false"
                } else {
                    "true"
                }
            )),
            ("`true` or `false`", _) => Some(format!("write `{key} = true` or `{key} = false`")),
            ("a list of strings", DeValue::String(text)) => {
                Some(format!("wrap it in brackets: `{key} = [\"{text}\"]`"))
            }
            _ => None,
        };
        self.error(span, message, hint);
    }

    /// True when `key` of this table stood on a line blanked for a syntax
    /// error: what depends on it is not known, so it is not reported.
    pub(crate) fn unreadable(&self, key: &str) -> bool {
        let section = self.context.trim_start_matches('[');
        let section = section.split(']').next().unwrap_or_default();
        self.unreadable
            .is_some_and(|keys| keys.contains(section, key))
    }

    /// True if the table holds the key.
    pub(crate) fn has(&self, key: &str) -> bool {
        self.lookup(key).is_some()
    }

    /// Where the value of `key` is in the file, if the table holds it.
    pub(crate) fn span_of(&self, key: &str) -> Option<Range<usize>> {
        self.lookup(key).map(|(_, span)| span)
    }

    fn has_misspelling_of(&self, key: &str) -> bool {
        self.table.iter().any(|(k, _)| {
            let written = k.get_ref().as_ref();
            !self.allowed.contains(&written)
                && did_you_mean(written, self.allowed.iter().copied()).as_deref()
                    == Some(format!("did you mean `{key}`?").as_str())
        })
    }

    /// A required one-line string (a title, name or label); reports it
    /// missing, mistyped or empty (`title = ""`, which would publish a page
    /// without a title, and `claimant = ""` an "unknown source ``").
    pub(crate) fn required_str(&mut self, key: &str) -> Option<Located<String>> {
        self.require(key, "\"...\"")?;
        let value = self.optional_str(key)?;
        if value.value.trim().is_empty() {
            let message = format!("{} is empty", self.name(key));
            let hint = "write it between the quotes: this field is required".to_string();
            self.error(value.span, message, Some(hint));
            return None;
        }
        Some(value)
    }

    /// An optional one-line string (a title, name, label or address); reports
    /// a value of another type and any invisible character.
    pub(crate) fn optional_str(&mut self, key: &str) -> Option<Located<String>> {
        self.optional_string(key, TextUse::Line)
    }

    /// An optional string of prose (a summary, quote, note or description),
    /// which may hold joiners and direction marks but no direction control.
    /// A blank text (`quote = " "`) is no text: it would show as empty
    /// quotation marks, or count as a history note that says nothing.
    pub(crate) fn optional_text(&mut self, key: &str) -> Option<Located<String>> {
        self.optional_string(key, TextUse::Prose)
            .filter(|text| !text.value.trim().is_empty())
    }

    fn optional_string(&mut self, key: &str, text_use: TextUse) -> Option<Located<String>> {
        let (value, span) = self.lookup(key)?;
        match value {
            DeValue::String(text) => {
                self.check_characters(|fields| fields.name(key), text, &span, text_use);
                Some(Located {
                    value: text.to_string(),
                    span,
                })
            }
            other => {
                self.wrong_type(key, "a string", other, span);
                None
            }
        }
    }

    /// Refuses control characters (written as TOML escapes such as `\u0007`):
    /// they cannot appear in the XML feed and have no business in published
    /// text; and the invisible characters `text_use` may not hold. `name` says
    /// which value it is, made only for the message.
    fn check_characters(
        &mut self,
        name: impl FnOnce(&Self) -> String,
        text: &str,
        span: &Range<usize>,
        text_use: TextUse,
    ) {
        let control = control_character(text);
        let invisible = invisible_character(text, text_use);
        if control.is_none() && invisible.is_none() {
            return;
        }
        let name = name(self);
        if let Some((_, c)) = control {
            let message = format!(
                "{name} contains the control character U+{:04X}",
                u32::from(c)
            );
            let hint = "remove the escape sequence (such as `\\u0007`) from the text".to_string();
            self.error(span.clone(), message, Some(hint));
        }
        if let Some((_, c, character_name)) = invisible {
            let written = self.text.get(span.clone()).unwrap_or_default();
            let (at, escaped) = match written.find(c) {
                Some(offset) => (
                    span.start + offset..span.start + offset + c.len_utf8(),
                    false,
                ),
                None => (span.clone(), true),
            };
            let diagnostic =
                invisible::diagnostic(self.file, &name, (c, character_name), at, escaped);
            self.diagnostics.push(diagnostic);
        }
    }

    /// Reports unknown keys (with a "did you mean" hint) and returns every diagnostic.
    pub(crate) fn finish(mut self) -> Vec<Diagnostic> {
        let unknown: Vec<(String, Range<usize>)> = self
            .table
            .iter()
            .filter(|(k, _)| !self.open && !self.allowed.contains(&k.get_ref().as_ref()))
            .map(|(k, _)| (k.get_ref().to_string(), self.shift(k.span())))
            .collect();
        for (key, span) in unknown {
            let place = if self.context.is_empty() {
                String::new()
            } else {
                format!(" in {}", self.context)
            };
            let hint = did_you_mean(&key, self.allowed.iter().copied()).or_else(|| {
                Some(format!(
                    "the allowed fields are: {}",
                    self.allowed.join(", ")
                ))
            });
            self.error(span, format!("unknown field `{key}`{place}"), hint);
        }
        self.diagnostics
    }
}

/// The first character that published text may not hold, with its byte offset:
/// any control character but tab, line feed and carriage return.
///
/// ```
/// use claimtrail::fields::control_character;
/// assert_eq!(control_character("a\tb\r\n"), None);
/// assert_eq!(control_character("a\u{7}b"), Some((1, '\u{7}')));
/// ```
pub fn control_character(text: &str) -> Option<(usize, char)> {
    // Controls are U+0000-U+001F, U+007F and U+0080-U+009F, and UTF-8 writes
    // the last as 0xC2 and a second byte.
    let may_start_one =
        |b: u8| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7f || b == 0xc2;
    find_character(text, may_start_one, char::is_control)
}

/// The first character of `text` that `wanted` accepts, with its byte offset,
/// looking only where `may_start_one` accepts the byte: the first byte of
/// every wanted character's UTF-8 must pass it.
///
/// A byte scan finds the few places to decode instead of decoding every
/// character of every file. It tests a block at a time without branching
/// (which the compiler vectorises) and looks byte by byte only inside a
/// block that has a candidate.
fn find_character(
    text: &str,
    may_start_one: impl Fn(u8) -> bool,
    wanted: impl Fn(char) -> bool,
) -> Option<(usize, char)> {
    const BLOCK: usize = 32;
    text.as_bytes()
        .chunks(BLOCK)
        .enumerate()
        .filter(|(_, block)| block.iter().fold(false, |any, &b| any | may_start_one(b)))
        .flat_map(|(n, block)| {
            let candidates = block.iter().enumerate().filter(|&(_, &b)| may_start_one(b));
            candidates.map(move |(i, _)| n * BLOCK + i)
        })
        .find_map(|at| {
            let c = text.get(at..)?.chars().next()?;
            wanted(c).then_some((at, c))
        })
}

/// Collects the diagnostics of a nested reader into its parent's.
pub(crate) fn merge(parent: &mut Fields, child: Fields) {
    let diagnostics = child.finish();
    parent.diagnostics.extend(diagnostics);
}

fn article(type_name: &str) -> String {
    match type_name {
        "integer" | "array" => format!("an {type_name}"),
        "datetime" => "a date".to_string(),
        other => format!("a {other}"),
    }
}

#[cfg(test)]
mod tests;
