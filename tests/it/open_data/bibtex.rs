//! BibTeX fields hold titles that try to close them.

use super::*;

/// The names of the fields of the one BibTeX entry in `bibtex`, checking as
/// BibTeX counts braces (every brace, escaped or not) that the entry opens
/// once, never closes early and ends at its last character.
fn bibtex_field_names(bibtex: &str) -> Vec<String> {
    let entry = bibtex
        .strip_prefix("@misc{")
        .unwrap_or_else(|| panic!("starts one entry: {bibtex}"));
    let mut depth = 1;
    let mut fields = vec![String::new()];
    for (at, c) in entry.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            '@' => assert!(depth > 1, "an `@` outside a field at {at}: {bibtex}"),
            ',' if depth == 1 => {
                fields.push(String::new());
                continue;
            }
            _ => {}
        }
        if depth == 0 {
            assert_eq!(at, entry.len() - 1, "the entry closes early: {bibtex}");
        }
        if let Some(field) = fields.last_mut() {
            field.push(c);
        }
    }
    assert_eq!(depth, 0, "the entry is closed: {bibtex}");
    fields
        .iter()
        .skip(1) // the citation key
        .map(|field| {
            field
                .split('=')
                .next()
                .unwrap_or_default()
                .trim()
                .to_string()
        })
        .collect()
}

#[test]
fn bibtex_fields_hold_titles_that_try_to_close_them() {
    let dir = build_site(&["bibtex-breakout"], None);
    let page = common::page(dir.path(), "claims/brace-title/index.html");
    let selector = scraper::Selector::parse("details pre code").unwrap();
    let bibtex: String = page
        .select(&selector)
        .find(|code| code.text().any(|text| text.starts_with("@misc")))
        .unwrap()
        .text()
        .collect();
    assert_eq!(
        bibtex_field_names(&bibtex),
        ["title", "author", "year", "date", "url", "note"]
    );
    assert!(
        bibtex.contains("  title = {Acme {\\textbackslash}{\\textbraceright} wins{\\textbraceright}, note = {\\textbraceleft}forged{\\textbraceright}{\\textbraceright} {@}misc"),
        "the title is kept, its braces spelt out: {bibtex}"
    );
    assert!(
        bibtex.contains("  url = {https://example.org/tracker%7D/claims/brace-title/},"),
        "{bibtex}"
    );
    assert_eq!(bibtex.lines().count(), 8, "one line per field: {bibtex}");
}
