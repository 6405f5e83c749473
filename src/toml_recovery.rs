//! Reading as much of a broken TOML frontmatter as its text allows.
//!
//! `toml`'s recoverable parser reports several syntax errors in one pass, but
//! where the text is broken the table it returns holds guesses: a date with no
//! date in it, a list that swallowed the lines after it. So every broken
//! statement is blanked instead (each of its bytes but line breaks becomes a
//! space, which keeps every offset and line number) and the text is parsed
//! again, at most [`MAX_ROUNDS`] times. The keys that stood on blanked lines
//! are remembered, so that the field checks do not report them missing.

use std::collections::HashSet;
use std::ops::Range;

use toml::de::{DeTable, DeValue, Error};

/// Parses of one frontmatter at most: each is linear in its length, and a
/// text still broken after them is reported without its fields.
const MAX_ROUNDS: usize = 4;

/// Deepest nesting of tables searched for the statement around an error.
const MAX_DEPTH: usize = 32;

/// A frontmatter with its broken statements blanked.
#[derive(Debug)]
pub(crate) struct Recovered {
    /// The text with every broken statement blanked, as long as the original.
    pub text: String,
    /// The syntax errors to report: the first of each broken statement, in order.
    pub errors: Vec<Error>,
    /// The keys that stood on blanked lines.
    pub unreadable: UnreadableKeys,
    /// True when `text` parses without error, so its fields can be read.
    pub clean: bool,
}

/// Keys whose lines were blanked, by the table they were written in.
#[derive(Debug, Default)]
pub(crate) struct UnreadableKeys {
    /// (table header such as `citations`, or "" for the top level; key).
    keys: HashSet<(String, String)>,
}

impl UnreadableKeys {
    /// True when `key` of the table headed `section` ("" for the top level,
    /// `citations` for any `[[citations]]` entry) stood on a broken line.
    pub(crate) fn contains(&self, section: &str, key: &str) -> bool {
        !self.keys.is_empty() && self.keys.contains(&(section.to_string(), key.to_string()))
    }
}

/// Parses `toml`, blanking broken statements until it parses or the rounds run out.
pub(crate) fn recover(toml: &str) -> Recovered {
    let lines = LineStarts::new(toml);
    let mut text = toml.to_string();
    let mut blanked = vec![false; lines.count()];
    let mut errors = Vec::new();
    let mut clean = false;
    for _ in 0..MAX_ROUNDS {
        let (found, broken) = broken_lines(&text, &lines);
        if found.is_empty() {
            clean = true;
            break;
        }
        errors.extend(found);
        for lines_range in broken {
            let bytes = lines.start(lines_range.start)..lines.start(lines_range.end);
            blank(&mut text, bytes);
            blanked[lines_range].iter_mut().for_each(|b| *b = true);
        }
    }
    errors.sort_by_key(|error| error.span().map(|span| span.start));
    Recovered {
        unreadable: unreadable_keys(toml, &blanked),
        text,
        errors,
        clean,
    }
}

/// One parse of `text`: the first error of each broken statement, and the
/// line ranges of those statements (disjoint, in order).
fn broken_lines(text: &str, lines: &LineStarts) -> (Vec<Error>, Vec<Range<usize>>) {
    let (table, mut found) = DeTable::parse_recoverable(text);
    if found.is_empty() {
        return (found, Vec::new());
    }
    let statements = statement_spans(table.get_ref());
    found.sort_by_key(|error| error.span().map(|span| span.start));
    let mut first_errors = Vec::new();
    let mut broken: Vec<Range<usize>> = Vec::new();
    for error in found {
        let at = error.span().unwrap_or(0..0);
        let bytes = containing(&statements, at.start).unwrap_or(at.clone());
        let first = lines.line_of(bytes.start.min(at.start));
        let last = lines.line_of(bytes.end.max(at.end).saturating_sub(1).max(at.start));
        let mut range = first..last + 1;
        if is_header(lines.text_of(text, first)) {
            range.end = range.end.max(next_header(text, lines, first));
        }
        match broken.last_mut() {
            Some(previous) if previous.end > range.start => {
                previous.end = previous.end.max(range.end);
            }
            _ => {
                broken.push(range);
                first_errors.push(error);
            }
        }
    }
    (first_errors, broken)
}

/// The byte ranges of every key-value statement in `table` and the tables
/// within it (from the key to the end of the value), merged where one holds
/// another, in order.
fn statement_spans(table: &DeTable) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    collect_spans(table, 0, &mut spans);
    spans.sort_by_key(|span| span.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(spans.len());
    for span in spans {
        match merged.last_mut() {
            Some(last) if last.end >= span.start => last.end = last.end.max(span.end),
            _ => merged.push(span),
        }
    }
    merged
}

fn collect_spans(table: &DeTable, depth: usize, spans: &mut Vec<Range<usize>>) {
    if depth > MAX_DEPTH {
        return;
    }
    for (key, value) in table.iter() {
        let (key, value_span) = (key.span(), value.span());
        // A value the parser made up has an empty span at 0: the key alone is real.
        let end = if value_span.start >= key.end {
            value_span.end
        } else {
            key.end
        };
        match value.get_ref() {
            DeValue::Table(inner) => collect_spans(inner, depth + 1, spans),
            DeValue::Array(items) => {
                for item in items.iter() {
                    if let DeValue::Table(inner) = item.get_ref() {
                        collect_spans(inner, depth + 1, spans);
                    }
                }
                spans.push(key.start..end);
            }
            _ => spans.push(key.start..end),
        }
    }
}

/// The span of `statements` (sorted, disjoint) holding byte `at`, ends included.
fn containing(statements: &[Range<usize>], at: usize) -> Option<Range<usize>> {
    let after = statements.partition_point(|span| span.start <= at);
    let candidate = statements.get(after.checked_sub(1)?)?;
    (at <= candidate.end).then(|| candidate.clone())
}

fn is_header(line: &str) -> bool {
    line.trim_start().starts_with('[')
}

/// The line of the first table header after line `line`, or the line count.
fn next_header(text: &str, lines: &LineStarts, line: usize) -> usize {
    (line + 1..lines.count())
        .find(|&n| is_header(lines.text_of(text, n)))
        .unwrap_or(lines.count())
}

/// Replaces every byte of `range` but line breaks with a space. Whole lines
/// are blanked, so no character is cut and the text stays UTF-8.
fn blank(text: &mut String, range: Range<usize>) {
    let mut bytes = std::mem::take(text).into_bytes();
    if let Some(part) = bytes.get_mut(range) {
        part.iter_mut()
            .filter(|b| **b != b'\n')
            .for_each(|b| *b = b' ');
    }
    *text = String::from_utf8(bytes)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned());
}

/// The keys written on the lines marked in `blanked`, each with the header of
/// the table it was in; a blanked header makes its own name unreadable.
fn unreadable_keys(toml: &str, blanked: &[bool]) -> UnreadableKeys {
    let mut keys = HashSet::new();
    let mut section = String::new();
    for (line, &is_blanked) in toml.split('\n').zip(blanked) {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            section = trimmed.trim_matches(['[', ']', ' ']).to_string();
            if is_blanked {
                let root = section.split('.').next().unwrap_or_default();
                keys.insert((String::new(), root.trim().to_string()));
            }
        } else if is_blanked && let Some(key) = key_of(trimmed) {
            keys.insert((section.clone(), key));
        }
    }
    UnreadableKeys { keys }
}

/// The first key of a `key = value` line, unquoted; `None` for other lines.
fn key_of(line: &str) -> Option<String> {
    let (before, _) = line.split_once('=')?;
    let before = before.trim();
    let quote = before.chars().next().filter(|c| matches!(c, '"' | '\''));
    let key = match quote {
        Some(q) => before[1..].split(q).next().unwrap_or_default(),
        None => before.split('.').next().unwrap_or_default().trim(),
    };
    (!key.is_empty()).then(|| key.to_string())
}

/// Where each line of a text starts.
struct LineStarts {
    starts: Vec<usize>,
    len: usize,
}

impl LineStarts {
    fn new(text: &str) -> Self {
        let breaks = text.match_indices('\n').map(|(at, _)| at + 1);
        LineStarts {
            starts: std::iter::once(0).chain(breaks).collect(),
            len: text.len(),
        }
    }

    fn count(&self) -> usize {
        self.starts.len()
    }

    /// The byte where line `line` starts; the text's length past the last.
    fn start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(self.len)
    }

    /// The line holding byte `at`.
    fn line_of(&self, at: usize) -> usize {
        self.starts
            .partition_point(|&start| start <= at)
            .saturating_sub(1)
    }

    fn text_of<'a>(&self, text: &'a str, line: usize) -> &'a str {
        text.get(self.start(line)..self.start(line + 1))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests;
