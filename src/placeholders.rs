//! Placeholders left by `claimtrail new`: a value that starts with `TODO`, or a
//! body line that starts with `TODO:`, is an error until someone fills it in.
//!
//! The rule is textual on purpose: it must flag a placeholder wherever it sits
//! (a title, a citation's URL, the body), before any other rule runs.

use std::ops::Range;

use crate::diagnostic::Diagnostic;
use crate::frontmatter::Split;
use crate::load::RawFile;

/// What every placeholder starts with.
pub(crate) const MARKER: &str = "TODO";

/// Whether a value is a placeholder (other rules leave those to this one).
pub(crate) fn is_placeholder(value: &str) -> bool {
    value.starts_with(MARKER)
}

/// Every unfilled placeholder in `file`, whose frontmatter and body lie at `split`.
pub(crate) fn find(file: &RawFile, split: &Split) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    // Every placeholder contains the marker; most files have none, and one
    // search of the whole text is far cheaper than the rules line by line.
    if !file.text.contains(MARKER) {
        return found;
    }
    for (line, start) in lines(&file.text, split.toml.clone()) {
        if let Some(found_at) = value_placeholder(line) {
            let key = line[..found_at].trim().trim_end_matches('=').trim();
            found.push(placeholder(
                file,
                start + found_at,
                line.len() - found_at,
                key,
            ));
        }
    }
    for (line, start) in lines(&file.text, split.body.clone()) {
        let indent = line.len() - line.trim_start().len();
        if line.trim_start().starts_with("TODO:") {
            found.push(placeholder(
                file,
                start + indent,
                line.trim().len(),
                "the body",
            ));
        }
    }
    found
}

/// Each line of `text[range]` with the byte offset where it starts.
fn lines(text: &str, range: Range<usize>) -> impl Iterator<Item = (&str, usize)> {
    let start = range.start;
    text.get(range)
        .unwrap_or_default()
        .split_inclusive('\n')
        .scan(start, |offset, line| {
            let at = *offset;
            *offset += line.len();
            Some((line.trim_end_matches(['\n', '\r']), at))
        })
}

/// Where a quoted `TODO...` value starts on a TOML line, outside comments.
fn value_placeholder(line: &str) -> Option<usize> {
    if line.trim_start().starts_with('#') {
        return None;
    }
    // A placeholder is a quoted value opening with the marker: find the marker
    // and look back for its quote, with no string made per line.
    line.match_indices(MARKER)
        .find(|&(at, _)| at > 0 && matches!(line.as_bytes()[at - 1], b'"' | b'\''))
        .map(|(at, _)| at - 1)
}

fn placeholder(file: &RawFile, start: usize, len: usize, what: &str) -> Diagnostic {
    let what = if what.is_empty() { "a value" } else { what };
    Diagnostic::error(
        &file.path,
        format!("{what} is still a placeholder ({MARKER}): fill it in"),
    )
    .at(start..start + len)
    .hint(
        "`claimtrail new` writes TODO where something is required; replace it with the real value",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Kind;

    fn problems(text: &str) -> Vec<String> {
        let file = RawFile {
            kind: Kind::Claim,
            path: "content/claims/x.md".into(),
            id: "x".into(),
            text: text.into(),
        };
        let split = crate::frontmatter::split(text).unwrap();
        find(&file, &split).into_iter().map(|d| d.message).collect()
    }

    #[test]
    fn flags_values_and_body_lines_but_not_comments_or_prose() {
        let text = "+++\ntitle = \"TODO: the claim\"\n# url = \"TODO\"\nsummary = \"A TODO list\"\n[[citations]]\nsource = 'TODO'\n+++\nTODO: write the body.\nA note on TODO: fine.\n";
        assert_eq!(
            problems(text),
            [
                "title is still a placeholder (TODO): fill it in",
                "source is still a placeholder (TODO): fill it in",
                "the body is still a placeholder (TODO): fill it in",
            ]
        );
    }

    #[test]
    fn a_filled_file_has_none() {
        assert!(problems("+++\ntitle = \"Real\"\n+++\nBody.\n").is_empty());
    }
}
