//! Words for the TOML syntax mistakes contributors make most, where the
//! parser's own message names a symptom ("string values must be quoted")
//! rather than the cause (curly quotes, a quote inside a text, a date written
//! with slashes or words).

use std::ops::Range;

/// Quote marks a word processor or phone keyboard types instead of `"`.
const CURLY_QUOTES: [char; 8] = ['“', '”', '„', '‘', '’', '‚', '«', '»'];

/// A TOML syntax error explained: the message's replacement, if any, and the hint.
pub(super) struct Explained {
    /// Replaces the parser's message when the cause is clear.
    pub message: Option<String>,
    /// What to do, in words a contributor who is not a programmer follows.
    pub hint: &'static str,
}

/// The explanation of a syntax error at `span` of `toml` (the parsed text).
pub(super) fn explain(toml: &str, span: Option<Range<usize>>) -> Explained {
    let generic = Explained {
        message: None,
        hint: "check quotes, `=` signs and brackets on this line; text values need double quotes",
    };
    let Some(span) = span else {
        return generic;
    };
    let (Some(before), Some(at)) = (toml.get(..span.start), toml.get(span.start..)) else {
        return generic;
    };
    let key = key_before(before);
    if key == Some("date") {
        Explained {
            message: None,
            hint: "dates are written YYYY-MM-DD, without quotes: `date = 2026-04-23`",
        }
    } else if let Some(quote) = at.chars().next().filter(|c| CURLY_QUOTES.contains(c)) {
        Explained {
            message: Some(format!(
                "invalid TOML: the value starts with the curly quote `{quote}`, not a straight `\"`"
            )),
            hint: "put straight double quotes (\") around the text, as a word processor or phone may have curled them; curly quotes inside the text are fine",
        }
    } else if key.is_some() && before.ends_with('"') && at.starts_with(|c: char| !c.is_whitespace())
    {
        Explained {
            message: None,
            hint: "a `\"` inside a text ends it early: write each `\"` inside the text as `\\\"`",
        }
    } else {
        generic
    }
}

/// The key of the statement whose value `before` ends in: `date` for
/// `date = 05/`, also when dotted (`a.date`) or quoted; `None` before an `=`.
fn key_before(before: &str) -> Option<&str> {
    let line = before.rsplit('\n').next().unwrap_or_default();
    let (key, _) = line.split_once('=')?;
    let last = key.rsplit('.').next().unwrap_or_default();
    Some(last.trim().trim_matches(['"', '\'']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hint_at(toml: &str, at: &str) -> &'static str {
        let start = toml.find(at).unwrap();
        explain(toml, Some(start..start + 1)).hint
    }

    #[test]
    fn each_common_cause_gets_its_own_hint() {
        assert!(hint_at("quote = “Said.”", "“").starts_with("put straight double quotes"));
        assert!(hint_at("title = \"A \"fast\" one\"", "fast").contains("`\\\"`"));
        assert!(hint_at("date = 05/01/2026", "05").starts_with("dates are written"));
        assert!(hint_at("x = 1\n  date = May 1, 2026", "May").starts_with("dates are written"));
        assert!(hint_at("date = “2026-05-01”", "“").starts_with("dates are written"));
        assert!(hint_at("status = disputed", "disputed").starts_with("check quotes"));
    }

    #[test]
    fn an_error_without_a_place_gets_the_general_hint() {
        assert!(explain("x", None).hint.starts_with("check quotes"));
        assert!(explain("x", Some(9..10)).hint.starts_with("check quotes"));
        assert!(
            explain("\"a\"b = 1", Some(3..4))
                .hint
                .starts_with("check quotes")
        );
    }
}
