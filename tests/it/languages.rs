//! Sites in any language: tags in any script get readable ASCII slugs.

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
