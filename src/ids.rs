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

/// The valid id closest to `id`: transliterated to ASCII, lowercased, other runs turned into `-`.
pub(crate) fn suggest_id(id: &str) -> String {
    let mut slug = slugify(id);
    slug.truncate(MAX_ID_LEN);
    slug.trim_end_matches('-').to_string()
}

/// A tag's URL slug: transliterated to ASCII (see [`transliterate`]),
/// lowercased, every run outside `a-z0-9` turned into one `-`, trimmed.
/// ASCII tags keep the slugs they always had.
pub(crate) fn tag_slug(tag: &str) -> String {
    slugify(tag)
}

fn slugify(text: &str) -> String {
    let slug = hyphenate(&transliterate(text));
    if slug.is_empty() && text.chars().any(char::is_alphanumeric) {
        // Letters whose transliteration is only punctuation (Arabic `ع` is `'`).
        return hyphenate(&code_points(text));
    }
    slug
}

/// `text` lowercased, every run outside `a-z0-9` turned into one `-`, trimmed.
fn hyphenate(ascii: &str) -> String {
    let mut slug = String::with_capacity(ascii.len());
    for c in ascii.chars().map(|c| c.to_ascii_lowercase()) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_matches('-').to_string()
}

/// `text` in ASCII: each character as `deunicode` transliterates it
/// ("Łódź" → "Lodz", "Straße" → "Strasse", "Москва" → "Moskva", "人工智能" →
/// "Ren Gong Zhi Neng", "🤖" → "robot"), and a letter or digit it has no
/// Latin spelling for as its code point (`u` and hex digits).
fn transliterate(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        match deunicode::deunicode_char(c) {
            Some(latin) => out.push_str(latin),
            None if c.is_alphanumeric() => out.push_str(&code_points(&c.to_string())),
            None => out.push(' '),
        }
    }
    out
}

/// The letters and digits of `text` as code points, `u` and hex digits each.
fn code_points(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .map(|c| format!(" u{:x} ", u32::from(c)))
        .collect()
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

    /// The public URL contract for tags in any script: pinned, so a new
    /// `deunicode` cannot move a tag's page without a failing test.
    #[test]
    fn slugs_in_any_script() {
        let table = [
            // ASCII slugs never change.
            ("Inference Cost", "inference-cost"),
            ("GPT-5.5!", "gpt-5-5"),
            // Latin with accents and special letters.
            ("Łódź", "lodz"),
            ("Straße", "strasse"),
            ("Café", "cafe"),
            ("Ærø", "aero"),
            // Cyrillic and Greek.
            ("Искусственный интеллект", "iskusstvennyi-intellekt"),
            ("Τεχνητή νοημοσύνη", "tekhnete-noemosune"),
            // CJK: deunicode's readings (Mandarin for Han characters).
            ("人工智能", "ren-gong-zhi-neng"),
            ("人工知能", "ren-gong-zhi-neng"),
            ("인공지능", "ingongjineung"),
            ("じんこうちのう", "zinkoutinou"),
            // Other scripts.
            ("हिन्दी", "hindii"),
            ("عربي", "rby"),
            ("עברית", "bryt"),
            ("٣", "3"),
            // A letter whose transliteration is punctuation only: its code point.
            ("ع", "u639"),
            // Emoji: their names.
            ("🤖", "robot"),
            ("🤖 AI", "robot-ai"),
            ("ai 🦾🧠", "ai-mechanical-arm-brain"),
        ];
        for (tag, slug) in table {
            assert_eq!(tag_slug(tag), slug, "{tag}");
            assert!(is_valid_id(&tag_slug(tag)), "{tag}");
        }
        assert_eq!(suggest_id("Łódź Claim"), "lodz-claim");
    }

    #[test]
    fn suggestions_and_slugs() {
        assert_eq!(suggest_id("GPT 5.5 Cost"), "gpt-5-5-cost");
        assert_eq!(suggest_id("Café_Claim"), "cafe-claim");
        assert_eq!(tag_slug("  Inference Cost! "), "inference-cost");
        assert_eq!(tag_slug("!!!"), "");
    }
}
