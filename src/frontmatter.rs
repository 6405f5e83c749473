//! Splitting a content file into its TOML frontmatter and Markdown body.

use std::ops::Range;

/// Where the frontmatter and the body lie in a file's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Split {
    /// The TOML between the `+++` lines.
    pub toml: Range<usize>,
    /// Everything after the closing `+++` line.
    pub body: Range<usize>,
}

/// Why a file's frontmatter could not be found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SplitError {
    /// What is wrong.
    pub message: &'static str,
    /// How to fix it.
    pub hint: &'static str,
    /// The bytes the problem is about.
    pub span: Range<usize>,
}

const DELIMITER: &str = "+++";

/// Finds the `+++`-delimited TOML frontmatter at the very top of `text`.
pub(crate) fn split(text: &str) -> Result<Split, SplitError> {
    find(text).map_err(|error| cr_only_line_ends(text).unwrap_or(error))
}

/// The error for a file whose lines end in a carriage return alone (as on
/// classic Mac OS) and so read as one long line, when that is why the
/// frontmatter was not found: read with those carriage returns as line ends,
/// it would have been. Points at the first such line end.
fn cr_only_line_ends(text: &str) -> Option<SplitError> {
    let is_lone = |at: usize| text.as_bytes().get(at + 1) != Some(&b'\n');
    let lone = text
        .match_indices('\r')
        .map(|(at, _)| at)
        .find(|&at| is_lone(at))?;
    // The same length, so the same offsets: every lone `\r` becomes `\n`.
    let as_lines: Vec<u8> = (text.bytes().enumerate())
        .map(|(at, b)| if b == b'\r' && is_lone(at) { b'\n' } else { b })
        .collect();
    let as_lines = String::from_utf8(as_lines).ok()?;
    find(&as_lines).ok()?;
    Some(SplitError {
        message: "the file's lines end in a carriage return alone (classic Mac line endings), so it reads as one line",
        hint: "convert its line endings to LF (or CRLF): most editors offer it in the status bar or the save dialog",
        span: lone..lone + 1,
    })
}

fn find(text: &str) -> Result<Split, SplitError> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines = LineIter {
        text,
        offset: start,
    };
    let Some(first) = lines.next() else {
        return Err(SplitError {
            message: "the file is empty",
            hint: "a content file starts with a `+++` line, then TOML fields, then another `+++` line",
            span: 0..0,
        });
    };
    if first.content.trim_end() != DELIMITER {
        return Err(opening_error(text, first));
    }
    let toml_start = first.end;
    for line in lines {
        if line.content.trim_end() == DELIMITER {
            return Ok(Split {
                toml: toml_start..line.start,
                body: line.end..text.len(),
            });
        }
    }
    Err(SplitError {
        message: "the frontmatter is never closed: no second `+++` line",
        hint: "add a line holding only `+++` after the last field, before the Markdown body",
        span: first.start..first.start + DELIMITER.len(),
    })
}

fn opening_error(text: &str, first: Line) -> SplitError {
    let span = first.start..first.start + first.content.trim_end().len();
    if text.trim().is_empty() {
        return SplitError {
            message: "the file is empty",
            hint: "a content file starts with a `+++` line, then TOML fields, then another `+++` line",
            span: 0..0,
        };
    }
    if first.content.trim_end() == "---" {
        return SplitError {
            message: "this file has YAML frontmatter (`---`); claimtrail reads TOML between `+++` lines",
            hint: "replace both `---` lines with `+++` and write each field as TOML, e.g. `title = \"...\"`",
            span,
        };
    }
    SplitError {
        message: "the file does not start with `+++` frontmatter",
        hint: "put a line holding only `+++` first, then the TOML fields, then another `+++` line",
        span,
    }
}

struct Line<'a> {
    start: usize,
    end: usize,
    content: &'a str,
}

struct LineIter<'a> {
    text: &'a str,
    offset: usize,
}

impl<'a> Iterator for LineIter<'a> {
    type Item = Line<'a>;

    fn next(&mut self) -> Option<Line<'a>> {
        if self.offset >= self.text.len() {
            return None;
        }
        let rest = &self.text[self.offset..];
        let (content_len, line_len) = match rest.find('\n') {
            Some(i) => (i, i + 1),
            None => (rest.len(), rest.len()),
        };
        let line = Line {
            start: self.offset,
            end: self.offset + line_len,
            content: rest[..content_len].trim_end_matches('\r'),
        };
        self.offset += line_len;
        Some(line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_toml_and_body() {
        let text = "+++\ntitle = \"x\"\n+++\nBody\n";
        let split = split(text).unwrap();
        assert_eq!(&text[split.toml], "title = \"x\"\n");
        assert_eq!(&text[split.body], "Body\n");
    }

    #[test]
    fn accepts_crlf_and_bom() {
        let text = "\u{feff}+++\r\na = 1\r\n+++\r\nBody";
        let split = split(text).unwrap();
        assert_eq!(&text[split.toml], "a = 1\r\n");
        assert_eq!(&text[split.body], "Body");
    }

    #[test]
    fn names_each_kind_of_broken_frontmatter() {
        assert_eq!(split("").unwrap_err().message, "the file is empty");
        assert_eq!(split("  \n\n").unwrap_err().message, "the file is empty");
        assert!(
            split("---\na: 1\n---\n")
                .unwrap_err()
                .message
                .contains("YAML")
        );
        assert!(
            split("+++\na = 1\n")
                .unwrap_err()
                .message
                .contains("never closed")
        );
        assert!(
            split("title = 1\n")
                .unwrap_err()
                .message
                .contains("does not start")
        );
    }

    #[test]
    fn carriage_returns_alone_are_named_as_the_line_ends() {
        let cr_only = "+++\rtitle = \"x\"\r+++\rBody\r";
        let error = split(cr_only).unwrap_err();
        assert!(error.message.contains("carriage return alone"), "{error:?}");
        assert_eq!(error.span, 3..4, "the first line end");
        let mixed = "+++\r\ntitle = \"x\"\r+++\rBody";
        assert_eq!(split(mixed).unwrap_err().span, 16..17);
        assert!(
            split("+++\r\na = 1\r\n+++\r\nBody\r").is_ok(),
            "a lone CR after the frontmatter is body text"
        );
        assert!(
            split("---\na: 1\n---\nBody\r")
                .unwrap_err()
                .message
                .contains("YAML"),
            "a lone CR that is not why the frontmatter was not found"
        );
    }
}
