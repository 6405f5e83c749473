//! Characters that change how text looks without being seen.
//!
//! Direction controls reorder what follows them, so a title can display
//! reversed or a claim read differently from how it is stored; zero-width
//! characters and direction marks make two texts that look the same differ
//! (a tag, an alias, a name). Neither shows in a review of the pull request.

use std::ops::Range;

use crate::diagnostic::Diagnostic;

/// How a text value is used, which decides the invisible characters it may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextUse {
    /// A title, name, label, tag, id or address: one line, shown as it is or
    /// compared with other values. No invisible character at all.
    Line,
    /// A summary, quote, note or description: prose, perhaps in a
    /// right-to-left script that needs joiners and direction marks. No
    /// direction controls (embeddings, overrides, isolates).
    Prose,
}

/// Every character refused in a [`TextUse::Line`] value, with its Unicode name.
const INVISIBLE: &[(char, &str)] = &[
    ('\u{061C}', "ARABIC LETTER MARK"),
    ('\u{180E}', "MONGOLIAN VOWEL SEPARATOR"),
    ('\u{200B}', "ZERO WIDTH SPACE"),
    ('\u{200C}', "ZERO WIDTH NON-JOINER"),
    ('\u{200D}', "ZERO WIDTH JOINER"),
    ('\u{200E}', "LEFT-TO-RIGHT MARK"),
    ('\u{200F}', "RIGHT-TO-LEFT MARK"),
    ('\u{202A}', "LEFT-TO-RIGHT EMBEDDING"),
    ('\u{202B}', "RIGHT-TO-LEFT EMBEDDING"),
    ('\u{202C}', "POP DIRECTIONAL FORMATTING"),
    ('\u{202D}', "LEFT-TO-RIGHT OVERRIDE"),
    ('\u{202E}', "RIGHT-TO-LEFT OVERRIDE"),
    ('\u{2060}', "WORD JOINER"),
    ('\u{2061}', "FUNCTION APPLICATION"),
    ('\u{2062}', "INVISIBLE TIMES"),
    ('\u{2063}', "INVISIBLE SEPARATOR"),
    ('\u{2064}', "INVISIBLE PLUS"),
    ('\u{2066}', "LEFT-TO-RIGHT ISOLATE"),
    ('\u{2067}', "RIGHT-TO-LEFT ISOLATE"),
    ('\u{2068}', "FIRST STRONG ISOLATE"),
    ('\u{2069}', "POP DIRECTIONAL ISOLATE"),
    ('\u{206A}', "INHIBIT SYMMETRIC SWAPPING"),
    ('\u{206B}', "ACTIVATE SYMMETRIC SWAPPING"),
    ('\u{206C}', "INHIBIT ARABIC FORM SHAPING"),
    ('\u{206D}', "ACTIVATE ARABIC FORM SHAPING"),
    ('\u{206E}', "NATIONAL DIGIT SHAPES"),
    ('\u{206F}', "NOMINAL DIGIT SHAPES"),
    ('\u{FEFF}', "ZERO WIDTH NO-BREAK SPACE"),
];

/// Whether `c` is a direction control: an embedding, override or isolate, or
/// the character that ends one (U+202A–U+202E, U+2066–U+2069).
pub(crate) fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The first character that a value used as `text_use` may not hold: its
/// byte offset, the character and its Unicode name.
///
/// ```
/// use claimtrail::fields::{TextUse, invisible_character};
/// assert_eq!(invisible_character("a\u{202E}b", TextUse::Prose), Some((1, '\u{202E}', "RIGHT-TO-LEFT OVERRIDE")));
/// assert_eq!(invisible_character("a\u{200D}b", TextUse::Prose), None);
/// assert_eq!(invisible_character("a\u{200D}b", TextUse::Line), Some((1, '\u{200D}', "ZERO WIDTH JOINER")));
/// ```
pub fn invisible_character(text: &str, text_use: TextUse) -> Option<(usize, char, &'static str)> {
    // Every such character is written in UTF-8 with one of these first bytes
    // (D8 for U+061C, E1 for U+180E, E2 for U+20xx, EF for U+FEFF).
    let may_start_one = |b: u8| matches!(b, 0xd8 | 0xe1 | 0xe2 | 0xef);
    super::find_character(text, may_start_one, |c| refused(c, text_use))
        .and_then(|(at, c)| Some((at, c, name(c)?)))
}

fn refused(c: char, text_use: TextUse) -> bool {
    match text_use {
        TextUse::Line => name(c).is_some(),
        TextUse::Prose => is_direction_control(c),
    }
}

fn name(c: char) -> Option<&'static str> {
    INVISIBLE
        .iter()
        .find(|(invisible, _)| *invisible == c)
        .map(|(_, name)| *name)
}

/// A diagnostic for the invisible character `c` in `value` (a description
/// such as "`title`"), pointed at `span`; `escaped` when the file writes it as
/// a TOML escape (`\u202E`) rather than as the character itself.
pub(super) fn diagnostic(
    file: &str,
    value: &str,
    (c, name): (char, &str),
    span: Range<usize>,
    escaped: bool,
) -> Diagnostic {
    let code = format!("U+{:04X}", u32::from(c));
    let what = if is_direction_control(c) {
        "direction control"
    } else {
        "character"
    };
    let message = format!("{value} contains the invisible {what} {code} {name}");
    let effect = if is_direction_control(c) {
        "it can make the text display in another order than it reads"
    } else {
        "it can make the text look like other text"
    };
    let hint = if escaped {
        format!("delete the escape `\\u{:04X}`; {effect}", u32::from(c))
    } else {
        format!("delete it (it is invisible: retype the text around the column shown); {effect}")
    };
    Diagnostic::error(file, message).at(span).hint(hint)
}

/// A diagnostic for the first direction control in a Markdown body that
/// starts at byte `body_start` of `file`'s `text`, if there is one.
pub(crate) fn direction_control_in_body(
    file: &str,
    text: &str,
    body_start: usize,
) -> Option<Diagnostic> {
    let body = text.get(body_start..)?;
    let (at, c, name) = invisible_character(body, TextUse::Prose)?;
    let start = body_start + at;
    Some(diagnostic(
        file,
        "the Markdown body",
        (c, name),
        start..start + c.len_utf8(),
        false,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_character_is_found_in_a_line_and_direction_controls_in_prose() {
        for &(c, name) in INVISIBLE {
            let text = format!("é ok {c} after");
            assert_eq!(
                invisible_character(&text, TextUse::Line),
                Some((6, c, name)),
                "U+{:04X}",
                u32::from(c)
            );
            let in_prose = invisible_character(&text, TextUse::Prose);
            assert_eq!(in_prose.is_some(), is_direction_control(c), "{name}");
        }
        assert_eq!(
            INVISIBLE
                .iter()
                .filter(|(c, _)| is_direction_control(*c))
                .count(),
            9,
            "five embeddings and overrides, four isolates"
        );
    }

    #[test]
    fn visible_text_with_the_same_first_bytes_passes() {
        // Arabic (D8 ..), Mongolian (E1 ..), dashes, quotes and the euro sign
        // (E2 ..), full-width forms (EF ..): the same first bytes, all visible.
        let text = "عربي ᠮᠣᠩᠭᠣᠯ – “quoted” € ＡＢＣ";
        assert_eq!(invisible_character(text, TextUse::Line), None);
    }
}
