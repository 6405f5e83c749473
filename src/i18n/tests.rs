use super::*;

fn german() -> Translations {
    Translations::for_language("de", None, &mut Diagnostics::new())
}

/// The keys of one built-in table on its own.
fn keys_of(code: &str) -> Vec<String> {
    let text = BUILT_IN.iter().find(|(c, _)| *c == code).map(|(_, t)| *t);
    let mut entries = BTreeMap::new();
    table::merge_built_in(text.unwrap_or_default(), &mut entries);
    entries.into_keys().collect()
}

#[test]
fn german_is_complete() {
    let english = keys_of("en");
    assert!(english.len() > 150, "{}", english.len());
    assert_eq!(keys_of("de"), english, "every key, none extra");
    let german = german();
    for (key, entry) in german.entries().iter() {
        let en = Translations::default();
        let same_shape = matches!(
            (entry, en.entries().get(key)),
            (Entry::Text(_), Some(Entry::Text(_)))
                | (Entry::Forms(_), Some(Entry::Forms(_)))
                | (Entry::List(_), Some(Entry::List(_)))
        );
        assert!(same_shape, "{key}");
    }
}

#[test]
fn dates_plurals_and_placeholders_follow_the_language() {
    let date = time::Date::from_calendar_date(2026, time::Month::May, 3).unwrap_or(time::Date::MIN);
    let english = Translations::default();
    assert_eq!(english.date(date), "May 3, 2026");
    assert_eq!(english.month_label(2026, 4), "April 2026");
    assert_eq!(english.count("n_claims", 1, &[]), "1 claim");
    assert_eq!(english.count("n_claims", 2, &[]), "2 claims");
    let german = german();
    assert_eq!(german.date(date), "3. Mai 2026");
    assert_eq!(german.month_label(2026, 3), "März 2026");
    assert_eq!(german.count("n_claims", 1, &[]), "1 Behauptung");
    assert_eq!(german.count("n_claims", 0, &[]), "0 Behauptungen");
    assert_eq!(
        german.count("claims_about", 2, &[("name", "Acme")]),
        "2 Behauptungen über Acme"
    );
    assert_eq!(
        fill("{a} and {b}", &[("a", "{b}"), ("b", "x")]),
        "{b} and x"
    );
    assert_eq!(fill("{unknown} {", &[]), "{unknown} {");
}

#[test]
fn a_site_overrides_single_strings_and_hears_about_unknown_keys() {
    let mut diagnostics = Diagnostics::new();
    let text = "nav_tags = \"Themen\"\nnav_tagz = \"x\"\nmonths = [\"a\"]\n";
    let t =
        Translations::for_language("de", Some(("translations/de.toml", text)), &mut diagnostics);
    assert_eq!(t.text("nav_tags"), "Themen");
    assert_eq!(t.text("nav_sources"), "Quellen", "the rest stays German");
    assert_eq!(
        t.month_label(2026, 1),
        "Januar 2026",
        "a list of the wrong length is not used"
    );
    let found: Vec<String> = diagnostics
        .sorted()
        .iter()
        .map(|d| d.message.clone())
        .collect();
    assert_eq!(
        found,
        [
            "unknown translation key `nav_tagz`: it is not used",
            "the translation `months` must be a list of 12 strings: it is not used"
        ]
    );
    let unknown = Translations::for_language("pt-BR", None, &mut Diagnostics::new());
    assert_eq!(
        unknown.text("nav_tags"),
        "Tags",
        "English for a language with no table"
    );
}

#[test]
fn right_to_left_languages() {
    for (language, rtl) in [
        ("ar", true),
        ("he-IL", true),
        ("fa", true),
        ("ur", true),
        ("de", false),
        ("en", false),
    ] {
        let t = Translations::for_language(language, None, &mut Diagnostics::new());
        assert_eq!(t.is_rtl(), rtl, "{language}");
    }
}

#[test]
fn each_language_counts_by_its_own_rules_when_they_alternate() {
    // French counts 0 as singular, English as plural: rules kept from one
    // language would give the other's form.
    let table = "[n_claims]\none = \"{n} affirmation\"\nother = \"{n} affirmations\"\n";
    let french = Translations::for_language(
        "fr",
        Some(("translations/fr.toml", table)),
        &mut Diagnostics::new(),
    );
    let english = Translations::default();
    for _ in 0..2 {
        assert_eq!(english.count("n_claims", 0, &[]), "0 claims");
        assert_eq!(french.count("n_claims", 0, &[]), "0 affirmation");
        assert_eq!(french.count("n_claims", 2, &[]), "2 affirmations");
    }
}
