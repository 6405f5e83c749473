//! The normalisation quotes and texts are compared in: NFKC, one space for
//! every run of whitespace, one kind of quote mark, one dash, no soft hyphens,
//! and words broken across lines with a hyphen joined again. Case is kept.
//!
//! Each character of the result remembers where it came from, so a match can
//! be reported as an offset into the original text.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A text in normal form, with the char offset in the original of each char.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Normalised {
    /// The normal form.
    pub(crate) text: String,
    /// For each char of `text`, the char offset in the original it came from.
    pub(crate) origins: Vec<usize>,
}

/// `text` in normal form.
pub(crate) fn normalise(text: &str) -> Normalised {
    let mut builder = Builder::default();
    let mut group = String::new();
    let mut group_start = 0;
    for (index, c) in text.chars().enumerate() {
        // A base character and the combining marks after it compose together.
        if !is_combining_mark(c) && !group.is_empty() {
            builder.push_group(&group, group_start);
            group.clear();
        }
        if group.is_empty() {
            group_start = index;
        }
        group.push(c);
    }
    builder.push_group(&group, group_start);
    builder.finish()
}

#[derive(Default)]
struct Builder {
    text: String,
    origins: Vec<usize>,
    /// Whitespace seen since the last char kept, and whether it broke a line.
    space: Option<Space>,
}

#[derive(Clone, Copy)]
struct Space {
    origin: usize,
    line_break: bool,
}

impl Builder {
    fn push_group(&mut self, group: &str, origin: usize) {
        for c in group.nfkc() {
            self.push(unify(c), origin);
        }
    }

    fn push(&mut self, c: char, origin: usize) {
        if c == '\u{AD}' {
            return; // soft hyphen
        }
        if c.is_whitespace() {
            let line_break = matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}');
            let space = self.space.get_or_insert(Space {
                origin,
                line_break: false,
            });
            space.line_break |= line_break;
            return;
        }
        if let Some(space) = self.space.take() {
            if space.line_break && c.is_alphabetic() && self.ends_with_broken_word() {
                self.text.pop(); // the hyphen: "hyph-\nenation" is one word
                self.origins.pop();
            } else if !self.text.is_empty() {
                self.text.push(' ');
                self.origins.push(space.origin);
            }
        }
        self.text.push(c);
        self.origins.push(origin);
    }

    /// True when the text ends with a letter and a hyphen.
    fn ends_with_broken_word(&self) -> bool {
        let mut last = self.text.chars().rev();
        last.next() == Some('-') && last.next().is_some_and(char::is_alphabetic)
    }

    fn finish(self) -> Normalised {
        Normalised {
            text: self.text,
            origins: self.origins,
        }
    }
}

/// Curly and other quote marks as `'` or `"`, and every dash as `-`.
fn unify(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{2035}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{2036}' | '\u{AB}'
        | '\u{BB}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => '-',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn quotes_dashes_spaces_and_compatibility_forms_are_unified() {
        let text = "\u{201C}It\u{2019}s\u{A0}\u{A0}fine\u{201D} \u{2014} ﬁne\tindeed ";
        assert_eq!(normalise(text).text, "\"It's fine\" - fine indeed");
    }

    #[test]
    fn soft_hyphens_go_and_line_break_hyphens_join_words() {
        assert_eq!(normalise("hyph\u{AD}enation").text, "hyphenation");
        assert_eq!(normalise("hyph-\n  enation").text, "hyphenation");
        assert_eq!(normalise("hyph\u{2010}\r\nenation").text, "hyphenation");
        // Not at a line break, or not between letters: the hyphen stays.
        assert_eq!(normalise("well- known").text, "well- known");
        assert_eq!(normalise("2020-\n2021").text, "2020- 2021");
    }

    #[test]
    fn case_is_kept_and_marks_compose() {
        assert_eq!(normalise("Cafe\u{301} CAFÉ").text, "Café CAFÉ");
    }

    #[test]
    fn every_char_knows_its_origin() {
        let normal = normalise("  a\u{201C}b  c-\nd\u{AD}e");
        assert_eq!(normal.text, "a\"b cde");
        assert_eq!(normal.origins, [2, 3, 4, 5, 7, 10, 12]);
    }
}
