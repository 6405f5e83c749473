//! Turning values into text readers see: dates, colours, citations (numbers
//! are `number`'s).

pub(crate) use crate::dates::{DateView, date_view};

/// Longest meta description, in characters: search engines and link
/// previews cut what is longer.
const DESCRIPTION_CHARS: usize = 160;

/// `text` for a meta description: whole if short enough, otherwise cut at
/// the last space within [`DESCRIPTION_CHARS`] and ended with `…`.
pub(super) fn meta_description(text: &str) -> String {
    if text.chars().count() <= DESCRIPTION_CHARS {
        return text.to_string();
    }
    let end = text
        .char_indices()
        .nth(DESCRIPTION_CHARS - 1)
        .map_or(text.len(), |(at, _)| at);
    let cut = text[..end].rfind(char::is_whitespace).unwrap_or(end);
    let kept = text[..cut].trim_end_matches(|c: char| c.is_whitespace() || ",;:.".contains(c));
    format!("{kept}…")
}

/// Black or white, whichever reads better on `background` (any CSS colour).
/// Site owners pick status colours; `check` refuses one where neither reaches
/// WCAG AA (see `crate::colour`).
pub(super) fn text_color_on(background: &str) -> &'static str {
    crate::colour::text_on(background)
}

/// The colour a badge is painted with: the site's own spelling when plain and
/// opaque, otherwise the opaque `#rrggbb` over the page background.
pub(super) fn badge_background(color: &str) -> String {
    crate::colour::badge(color).map_or_else(|_| color.to_string(), |badge| badge.background)
}

/// Text for a BibTeX field in braces that no text can close early.
///
/// BibTeX ends a braced field at the brace that balances its opening one and
/// counts every brace, escaped or not (`\}` included), so braces are written
/// as the balanced `{\textbraceleft}` and `{\textbraceright}`. Every other
/// group this writes is balanced too, `@` goes in braces (`{@}`) so that no
/// `@misc{` can appear, and line breaks and tabs become spaces, so the field
/// stays on its line and no line of it starts an entry.
pub(super) fn bibtex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("{\\textbackslash}"),
            '{' => out.push_str("{\\textbraceleft}"),
            '}' => out.push_str("{\\textbraceright}"),
            '~' => out.push_str("{\\textasciitilde}"),
            '^' => out.push_str("{\\textasciicircum}"),
            '@' => out.push_str("{@}"),
            '%' | '&' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_whitespace() || c.is_control() => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A URL for a BibTeX `url` field: the characters that would unbalance the
/// field or break its line (braces, backslashes, whitespace) percent-encoded,
/// which leaves the address the same.
pub(super) fn bibtex_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '{' | '}' | '\\' => out.push_str(&format!("%{:02X}", u32::from(c))),
            c if c.is_whitespace() || c.is_control() => {
                let mut bytes = [0; 4];
                for byte in c.encode_utf8(&mut bytes).bytes() {
                    out.push_str(&format!("%{byte:02X}"));
                }
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn badge_text_keeps_contrast() {
        assert_eq!(text_color_on("#15803d"), "#ffffff");
        assert_eq!(text_color_on("#fde047"), "#111111");
        assert_eq!(text_color_on("#fff"), "#111111");
        assert_eq!(text_color_on("teal"), "#ffffff");
    }

    #[test]
    fn bibtex_special_characters_are_escaped() {
        assert_eq!(
            bibtex_escape("35% {cheaper} & $5 @ a\\b"),
            "35\\% {\\textbraceleft}cheaper{\\textbraceright} \\& \\$5 {@} a{\\textbackslash}b"
        );
        assert_eq!(bibtex_escape("two\nlines\r\tend"), "two lines  end");
        assert_eq!(
            bibtex_url("https://example.org/a}b{ c\\/"),
            "https://example.org/a%7Db%7B%20c%5C/"
        );
    }

    /// Brace depth after each character of `text`, as BibTeX counts it (every
    /// brace, escaped or not); `None` once it goes below zero.
    fn brace_depths(text: &str) -> Option<Vec<i64>> {
        let mut depth = 0i64;
        let mut depths = Vec::new();
        for c in text.chars() {
            depth += match c {
                '{' => 1,
                '}' => -1,
                _ => 0,
            };
            if depth < 0 {
                return None;
            }
            depths.push(depth);
        }
        Some(depths)
    }

    #[test]
    fn no_text_unbalances_a_bibtex_field_or_starts_an_entry() {
        for hostile in [
            "x}, note = {pwned} }\n@misc{evil, title = {",
            "}}}}",
            "{{{{",
            "\\}",
            "\\{ \\",
            "a\n@comment{",
            "@misc{x,",
            "%}\n",
            "\\textbraceright}",
        ] {
            let field = format!("{{{}}}", bibtex_escape(hostile));
            let depths = brace_depths(&field).unwrap_or_default();
            assert_eq!(depths.last(), Some(&0), "{hostile:?} -> {field}");
            assert!(
                depths[..depths.len() - 1].iter().all(|&d| d > 0),
                "the field closes only at its end: {hostile:?} -> {field}"
            );
            assert!(!field.contains('\n'), "one line: {field}");
            assert!(
                !field.replace("{@}", "").contains('@'),
                "every @ in braces: {field}"
            );
        }
    }

    #[test]
    fn meta_descriptions_are_cut_at_a_word() {
        assert_eq!(meta_description("Short and whole."), "Short and whole.");
        let long = format!("{} end, of the sentence", "word ".repeat(40));
        let cut = meta_description(&long);
        assert!(cut.chars().count() <= 160, "{cut}");
        assert!(cut.ends_with("word…"), "cut between words: {cut}");
        let exact = "é".repeat(160);
        assert_eq!(
            meta_description(&exact),
            exact,
            "160 characters, not bytes, fit"
        );
        let unbroken = "x".repeat(200);
        assert_eq!(meta_description(&unbroken).chars().count(), 160);
    }
}
