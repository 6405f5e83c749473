//! Ids (file stems) and tag slugs: the parts of content that become URLs.

/// True for ids matching `^[a-z0-9][a-z0-9-]*$` (and at most [`MAX_ID_LEN`] long).
pub(crate) fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && id.len() <= MAX_ID_LEN
}

/// True for the names Windows reserves for devices (`con`, `nul`, `com1`, ...),
/// which no file or folder there may have, with or without an extension.
pub(crate) fn is_windows_reserved(id: &str) -> bool {
    match id.as_bytes() {
        b"con" | b"prn" | b"aux" | b"nul" => true,
        [b'c', b'o', b'm', digit] | [b'l', b'p', b't', digit] => digit.is_ascii_digit(),
        _ => false,
    }
}

/// When `id` is a Windows device name: why that breaks a checkout there, and
/// a longer id for a `noun` (claim, source, ...) to use instead.
pub(crate) fn windows_device_problem(id: &str, noun: &str) -> Option<(String, String)> {
    is_windows_reserved(id).then(|| {
        (
            format!(
                "`{id}` is a device name on Windows: no file there may be called `{id}.md`, \
                 so the repository cannot be checked out on Windows"
            ),
            format!("{id}-{noun}"),
        )
    })
}

/// Longest id accepted, so that every output path stays within file-system limits.
pub(crate) const MAX_ID_LEN: usize = 120;

/// The valid id closest to `id`: lowercased, accents dropped, other runs turned into `-`.
pub(crate) fn suggest_id(id: &str) -> String {
    let mut slug = slugify(id);
    slug.truncate(MAX_ID_LEN);
    slug.trim_end_matches('-').to_string()
}

/// A tag's URL slug: lowercased, every run outside `a-z0-9` turned into one `-`, trimmed.
pub(crate) fn tag_slug(tag: &str) -> String {
    slugify(tag)
}

fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = fold_accent(c);
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_matches('-').to_string()
}

/// Maps common Latin accented letters to their base letter, so `Café` suggests `cafe`.
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples_of_each_rule() {
        assert!(is_valid_id("gpt-5-5-cost"));
        assert!(!is_valid_id("GPT 5.5"));
        assert!(is_windows_reserved("aux"));
        assert!(is_windows_reserved("lpt9"));
        assert!(!is_windows_reserved("console"));
        assert!(!is_windows_reserved("com10"));
        assert_eq!(tag_slug("Inference Cost"), "inference-cost");
        assert_eq!(tag_slug("GPT-5.5!"), "gpt-5-5");
    }

    #[test]
    fn ids_follow_the_contract() {
        for good in ["a", "gpt-5-5", "2026-cost"] {
            assert!(is_valid_id(good), "{good}");
        }
        for bad in [
            "",
            "-a",
            "A",
            "a b",
            "a_b",
            "é",
            "a.b",
            "../x",
            &"a".repeat(121),
        ] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn suggestions_and_slugs() {
        assert_eq!(suggest_id("GPT 5.5 Cost"), "gpt-5-5-cost");
        assert_eq!(suggest_id("Café_Claim"), "cafe-claim");
        assert_eq!(tag_slug("  Inference Cost! "), "inference-cost");
        assert_eq!(tag_slug("!!!"), "");
    }
}
