//! Sites in any language: tags in any script get readable ASCII slugs.

use std::collections::BTreeSet;

use claimtrail::i18n::{Entry, Translations};

use crate::common::{build_site, check_flat, page, site};

#[test]
fn tags_in_any_script_get_pages_at_transliterated_slugs() {
    assert_eq!(check_flat(site(&["scripts"]).path()), Vec::new());
    let dir = build_site(&["scripts"], None);
    let public = dir.path().join("public");
    for (tag, slug) in [
        ("Łódź", "lodz"),
        ("Straße", "strasse"),
        ("Искусственный интеллект", "iskusstvennyi-intellekt"),
        ("Τεχνητή νοημοσύνη", "tekhnete-noemosune"),
        ("人工智能", "ren-gong-zhi-neng"),
        ("🤖", "robot"),
        ("inference-cost", "inference-cost"),
    ] {
        let path = format!("tags/{slug}/index.html");
        assert!(public.join(&path).is_file(), "{tag}: {path}");
        let heading = page(dir.path(), &path)
            .select(&scraper::Selector::parse("h1").unwrap())
            .map(|h| h.text().collect::<String>())
            .collect::<String>();
        assert!(
            heading.contains(tag),
            "{tag}: the page names the tag as written: {heading}"
        );
    }
    let claim =
        std::fs::read_to_string(public.join("claims/tags-in-any-script/index.html")).unwrap();
    assert!(
        claim.contains("/tags/ren-gong-zhi-neng/"),
        "the claim links its tag pages"
    );
}

/// The German fixture (a whole site, not an overlay of the English base), built.
fn german_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    crate::common::copy_tree(&crate::common::fixtures().join("german"), dir.path());
    claimtrail::build(&crate::common::options(dir.path())).unwrap();
    dir
}

/// The literal parts of every string of a table, placeholders cut out,
/// longer than three characters.
fn fragments(t: &Translations) -> BTreeSet<String> {
    let mut all = BTreeSet::new();
    for entry in t.entries().values() {
        let texts: Vec<&String> = match entry {
            Entry::Text(text) => vec![text],
            Entry::Forms(forms) => forms.values().collect(),
            Entry::List(items) => items.iter().collect(),
        };
        for text in texts {
            let mut rest = text.as_str();
            while !rest.is_empty() {
                let (piece, after) = match rest.find('{') {
                    Some(open) => {
                        let close = rest[open..].find('}').map_or(rest.len(), |c| open + c + 1);
                        (&rest[..open], &rest[close..])
                    }
                    None => (rest, ""),
                };
                let piece = piece
                    .trim()
                    .trim_matches(|c: char| c.is_ascii_punctuation() && c != '(');
                if piece.chars().count() > 3 {
                    all.insert(piece.to_string());
                }
                rest = after;
            }
        }
    }
    all
}

/// The text a reader sees or hears on a page: its text nodes outside
/// scripts, styles and preformatted code, and the attributes read out or
/// shown by the theme.
fn visible_text(html: &scraper::Html) -> Vec<String> {
    let mut found = Vec::new();
    for node in html.tree.nodes() {
        match node.value() {
            scraper::Node::Text(text) => {
                // Preformatted text is code (the BibTeX entry, the embed
                // snippet), whose keys (`date = {...}`) are syntax, not words.
                let hidden = node.ancestors().any(|a| {
                    a.value()
                        .as_element()
                        .is_some_and(|e| matches!(e.name(), "script" | "style" | "pre"))
                });
                if !hidden && !text.trim().is_empty() {
                    found.push(text.to_string());
                }
            }
            scraper::Node::Element(element) => {
                for (name, value) in element.attrs() {
                    let read = matches!(
                        name,
                        "aria-label" | "title" | "placeholder" | "alt" | "data-noun"
                    ) || name.starts_with("data-t-")
                        || (element.name() == "meta"
                            && element.attr("name") == Some("description")
                            && name == "content");
                    if read {
                        found.push(value.to_string());
                    }
                }
            }
            _ => {}
        }
    }
    found
}

/// Whether `phrase` occurs in `text` as whole words.
fn has_phrase(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn a_german_site_has_no_english_ui_string_on_any_page() {
    let dir = german_site();
    let public = dir.path().join("public");
    let german = fragments(&Translations::for_language(
        "de",
        None,
        &mut Default::default(),
    ));
    let english: Vec<String> = fragments(&Translations::default())
        .into_iter()
        .filter(|phrase| !german.contains(phrase))
        .collect();
    assert!(english.len() > 200, "{}", english.len());
    let mut pages = 0;
    let mut left = BTreeSet::new();
    for entry in walkdir::WalkDir::new(&public) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        pages += 1;
        let html = scraper::Html::parse_document(&std::fs::read_to_string(entry.path()).unwrap());
        for text in visible_text(&html) {
            // Addresses and file names are no words: `/claims/`, `claims.json`.
            let text: Vec<&str> = text
                .split_whitespace()
                .filter(|word| {
                    !word.contains('/') && !word.contains(".json") && !word.contains(".csv")
                })
                .collect();
            let text = text.join(" ");
            for phrase in &english {
                if has_phrase(&text, phrase) {
                    let page = entry
                        .path()
                        .strip_prefix(&public)
                        .unwrap()
                        .display()
                        .to_string();
                    left.insert(format!("{phrase:?} in {page}: {text:?}"));
                }
            }
        }
    }
    assert!(pages > 40, "every page kind is built: {pages}");
    assert!(
        left.is_empty(),
        "English left:\n{}",
        left.into_iter().collect::<Vec<_>>().join("\n")
    );
    let home = std::fs::read_to_string(public.join("index.html")).unwrap();
    assert!(
        home.contains("<html lang=\"de\">"),
        "lang, no dir for German"
    );
    let claim = std::fs::read_to_string(public.join("claims/acme-zwei-kosten/index.html")).unwrap();
    for german in [
        "Behauptet von",
        "2. März 2026",
        "Stützt",
        "Widerspricht",
        "Umstritten",
    ] {
        assert!(claim.contains(german), "{german}");
    }
}

#[test]
fn a_claim_keeps_its_own_language() {
    let dir = german_site();
    let claim = crate::common::page(dir.path(), "claims/nur-englisch/index.html");
    let titled = claim
        .select(&scraper::Selector::parse("h1[lang='de-AT']").unwrap())
        .count();
    assert_eq!(titled, 1, "the claim's title carries its own language");
    let plain = crate::common::page(dir.path(), "claims/acme-zwei-schneller/index.html");
    assert_eq!(
        plain
            .select(&scraper::Selector::parse("h1[lang]").unwrap())
            .count(),
        0
    );
}

#[test]
fn a_right_to_left_language_sets_the_direction_of_every_page() {
    let dir = build_site(&["rtl"], None);
    let public = dir.path().join("public");
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(&public) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "html") {
            pages += 1;
            let text = std::fs::read_to_string(entry.path()).unwrap();
            assert!(
                text.contains("<html lang=\"ar\" dir=\"rtl\">"),
                "{}",
                entry.path().display()
            );
        }
    }
    assert!(pages > 20, "{pages}");
    let english = build_site(&[], None);
    let home = std::fs::read_to_string(english.path().join("public/index.html")).unwrap();
    assert!(home.contains("<html lang=\"en\">"), "left to right: no dir");
}

#[test]
fn a_site_overrides_one_string_and_hears_about_an_unknown_key() {
    let dir = site(&["site-words"]);
    assert_eq!(
        check_flat(dir.path()),
        [crate::common::warning(
            "translations/de.toml",
            Some((3, 1)),
            "unknown translation key `nav_tagz`: it is not used"
        )]
    );
    let dir = build_site(&["site-words"], None);
    let nav = page(dir.path(), "index.html")
        .select(&scraper::Selector::parse("nav[aria-label] a").unwrap())
        .map(|a| a.text().collect::<String>())
        .collect::<Vec<_>>();
    assert!(
        nav.contains(&"Themen".to_string()),
        "the site's own word: {nav:?}"
    );
    assert!(
        nav.contains(&"Quellen".to_string()),
        "the rest stays German: {nav:?}"
    );
}
