//! Text for a terminal: control characters shown as symbols instead of
//! sent. A content file, a file name or a value quoted in a message can hold
//! ESC, BEL or a C1 control; echoed as they are, they would clear the screen,
//! retitle the window or print a hyperlink (OSC 8) to wherever they say.

use std::borrow::Cow;

/// `text` with every control character but tab, line feed and the carriage
/// return of a CRLF replaced by its symbol (`␛` for ESC, `␇` for BEL, `�` for
/// a C1 control).
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text
        .char_indices()
        .any(|(at, c)| shown_as(text, at, c).is_some())
    {
        return Cow::Borrowed(text);
    }
    Cow::Owned(VisibleText::of(text).text)
}

/// `text` made [`visible`] on one line: its line breaks shown as `␊` and `␍`
/// too. For what claimtrail writes as one line (a message, a hint, a file
/// name), so that a value it quotes cannot start a line of its own, such as
/// a fake diagnostic or a GitHub workflow command (`::error ...::`).
pub fn visible_line(text: &str) -> Cow<'_, str> {
    if !text.contains(['\n', '\r']) {
        return visible(text);
    }
    let shown = visible(text)
        .replace('\n', "\u{240a}")
        .replace('\r', "\u{240d}");
    Cow::Owned(shown)
}

/// A source text made [`visible`], with what is needed to move a byte offset
/// of the original to the same character in it.
pub(super) struct VisibleText {
    /// The text with its control characters replaced.
    pub(super) text: String,
    /// Where the original's offsets are in [`Self::text`].
    pub(super) shifts: Shifts,
}

/// For each replaced character: the original offset just past it, and how
/// many bytes longer the text is from there on.
pub(super) struct Shifts(Vec<(usize, usize)>);

impl VisibleText {
    /// `original` made visible.
    pub(super) fn of(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut shifts = Vec::new();
        let mut extra = 0;
        for (at, c) in original.char_indices() {
            match shown_as(original, at, c) {
                Some(symbol) => {
                    text.push(symbol);
                    extra += symbol.len_utf8() - c.len_utf8();
                    shifts.push((at + c.len_utf8(), extra));
                }
                None => text.push(c),
            }
        }
        VisibleText {
            text,
            shifts: Shifts(shifts),
        }
    }
}

impl Shifts {
    /// Where the byte at `offset` of the original is in the visible text.
    pub(super) fn offset(&self, offset: usize) -> usize {
        let before = self.0.partition_point(|&(end, _)| end <= offset);
        offset + before.checked_sub(1).map_or(0, |i| self.0[i].1)
    }
}

/// The symbol shown for the character `c` at byte `at` of `text`, or `None`
/// when it is shown as it is.
fn shown_as(text: &str, at: usize, c: char) -> Option<char> {
    match c {
        '\t' | '\n' => None,
        '\r' if text[at + 1..].starts_with('\n') => None,
        // U+2400 to U+241F are the "symbol for" each C0 control character.
        '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}' => Some(char::REPLACEMENT_CHARACTER),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_symbols() {
        assert_eq!(
            visible("a\u{1b}]8;;https://x.example\u{7}b\u{9b}2J\u{7f}\r"),
            "a\u{241b}]8;;https://x.example\u{2407}b\u{fffd}2J\u{2421}\u{240d}"
        );
        assert_eq!(visible("tab\tand\r\nlines\n"), "tab\tand\r\nlines\n");
        assert!(matches!(visible("plain"), Cow::Borrowed(_)));
        assert_eq!(
            visible_line("a\n::error::x\r\n\u{7}"),
            "a\u{240a}::error::x\u{240d}\u{240a}\u{2407}"
        );
    }

    #[test]
    fn offsets_follow_the_replacements() {
        let original = "a\u{1b}b\u{85}c";
        let shown = VisibleText::of(original);
        assert_eq!(shown.text, "a\u{241b}b\u{fffd}c");
        for (before, after) in [(0, 0), (1, 1), (2, 4), (3, 5), (5, 8), (6, 9)] {
            assert_eq!(shown.shifts.offset(before), after, "offset {before}");
        }
    }
}
