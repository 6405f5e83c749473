//! A commit subject as the pages show it: at most [`SHOWN_CHARS`]
//! characters, and split around the pull request number it names, so that
//! the number is shown once and can link to the pull request.

use super::views::SubjectParts;

/// The longest subject shown, in characters; a longer one is cut and ends in "…".
pub(super) const SHOWN_CHARS: usize = 200;

/// `subject` cut to [`SHOWN_CHARS`] characters (on a character boundary,
/// ending in "…" when cut).
pub(super) fn shortened(subject: &str) -> String {
    match subject.char_indices().nth(SHOWN_CHARS) {
        None => subject.to_string(),
        Some((end, _)) => format!("{}…", subject[..end].trim_end()),
    }
}

/// `subject` split around the first `#number` in it (not followed by
/// another digit), or `None` when it does not name the number.
pub(super) fn parts(subject: &str, number: u64) -> Option<SubjectParts> {
    let mention = format!("#{number}");
    let (at, _) = subject.match_indices(&mention).find(|&(at, _)| {
        let after = &subject[at + mention.len()..];
        !after.starts_with(|c: char| c.is_ascii_digit())
    })?;
    let before = &subject[..at];
    let link = before.trim_end_matches(|c: char| !c.is_alphanumeric());
    Some(SubjectParts {
        link: link.to_string(),
        lead: before[link.len()..].to_string(),
        number: mention.clone(),
        tail: subject[at + mention.len()..].to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(subject: &str, number: u64) -> Option<[String; 4]> {
        parts(subject, number).map(|p| [p.link, p.lead, p.number, p.tail])
    }

    #[test]
    fn a_squash_and_a_merge_subject_are_split_around_their_number() {
        assert_eq!(
            split("Refute (#3)", 3),
            Some(["Refute".into(), " (".into(), "#3".into(), ")".into()])
        );
        assert_eq!(
            split("Merge pull request #12 from x/feature", 12),
            Some([
                "Merge pull request".into(),
                " ".into(),
                "#12".into(),
                " from x/feature".into()
            ])
        );
        assert_eq!(split("Fix #123 (#12)", 12).unwrap()[0], "Fix #123");
    }

    #[test]
    fn a_subject_without_the_number_is_not_split() {
        assert_eq!(split("Refute (#34)", 3), None);
        assert_eq!(split("Refute", 3), None);
    }

    #[test]
    fn a_long_subject_is_cut_on_a_character_boundary() {
        let long = "é".repeat(10_000);
        let shown = shortened(&long);
        assert_eq!(shown.chars().count(), SHOWN_CHARS + 1);
        assert!(shown.ends_with("é…"));
        assert_eq!(shortened(&"a".repeat(SHOWN_CHARS)), "a".repeat(SHOWN_CHARS));
    }
}
