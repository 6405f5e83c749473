//! Inputs that must be refused, each with its exact diagnostic, and nothing built.

use super::*;

#[test]
fn each_refused_input_gets_its_diagnostic_and_nothing_is_built() {
    let (parent, root) = site_in_parent(&["hostile-refused"]);
    let long = "a".repeat(130);
    let long_file = format!("content/claims/{long}.md");
    let script_tag = "the tag `script` cannot be allowed: it can run script, load other documents or take over the page";
    let attribute =
        "cannot be allowed: it can run script, restyle the page or change what it loads or submits";
    let expected = vec![
        error(
            &long_file,
            1,
            1,
            &format!("`{long}` is too long for a claim id: ids are at most 120 characters"),
        ),
        error(
            "content/claims/control-character.md",
            11,
            6,
            "the file contains the control character U+0007",
        ),
        error(
            "content/claims/deep-nesting.md",
            11,
            1,
            "the Markdown body nests more than 100 levels deep (quotes, lists or HTML elements inside one another)",
        ),
        error(
            "content/claims/long-tag.md",
            6,
            9,
            &format!(
                "the tag `{}…` is too long: its URL slug would have 130 characters, at most 120 are allowed",
                "x".repeat(40)
            ),
        ),
        error(
            "content/claims/path-names.md",
            6,
            9,
            "the tag `．．` has no letters or digits, so it has no URL",
        ),
        error(
            "content/claims/path-names.md",
            6,
            15,
            "the tag `\u{2024}\u{2024}` has no letters or digits, so it has no URL",
        ),
        error(
            "content/claims/path-names.md",
            6,
            31,
            "an item of `tags` contains the control character U+0000",
        ),
        error(
            "content/claims/path-names.md",
            6,
            52,
            "the tag `../` has no letters or digits, so it has no URL",
        ),
        error(
            "content/claims/path-names.md",
            7,
            12,
            "the alias `../../escape` is not a valid claim id",
        ),
        error(
            "content/claims/path-names.md",
            7,
            28,
            "the alias `..\\escape` is not a valid claim id",
        ),
        error(
            "content/claims/path-names.md",
            7,
            42,
            "the alias `/etc/passwd` is not a valid claim id",
        ),
        error(
            "content/claims/path-names.md",
            7,
            57,
            "the alias `café` is not a valid claim id",
        ),
        error(
            "content/claims/script-urls.md",
            9,
            7,
            "`url` uses the `javascript:` scheme; only http and https links are allowed",
        ),
        error(
            "content/claims/script-urls.md",
            13,
            7,
            "`url` uses the `javascript:` scheme; only http and https links are allowed",
        ),
        error(
            "content/claims/script-urls.md",
            14,
            11,
            "`archive` uses the `data:` scheme; only http and https links are allowed",
        ),
        error(
            "content/claims/script-urls.md",
            18,
            7,
            "`url` uses the `vbscript:` scheme; only http and https links are allowed",
        ),
        error(
            "content/claims/script-urls.md",
            19,
            11,
            "`archive` uses the `file:` scheme; only http and https links are allowed",
        ),
        error(
            "content/claims/‥.md",
            1,
            1,
            "`‥` is not a valid claim id: ids use only lowercase letters a-z, digits 0-9 and `-`, and start with a letter or digit",
        ),
        error(
            "content/claims/．．.md",
            1,
            1,
            "`．．` is not a valid claim id: ids use only lowercase letters a-z, digits 0-9 and `-`, and start with a letter or digit",
        ),
        error(
            "site.toml",
            7,
            1,
            "`../escape` is not a valid status id: ids use only lowercase letters a-z, digits 0-9 and `-`, start with a letter or digit, and are at most 120 characters",
        ),
        error(
            "site.toml",
            12,
            9,
            "`color` must be a CSS colour, not `red; background: url(javascript:alert(1))`",
        ),
        error("site.toml", 15, 24, script_tag),
        error(
            "site.toml",
            15,
            34,
            "the tag `iframe` cannot be allowed: it can run script, load other documents or take over the page",
        ),
        error(
            "site.toml",
            15,
            44,
            "the tag `svg` cannot be allowed: it can run script, load other documents or take over the page",
        ),
        error(
            "site.toml",
            15,
            51,
            "the tag `Style` cannot be allowed: names are lowercase ASCII letters, digits and `-`",
        ),
        error(
            "site.toml",
            16,
            22,
            "the URL scheme `javascript` cannot be allowed: links with it can run script or show content from outside the site",
        ),
        error(
            "site.toml",
            16,
            36,
            "the URL scheme `data` cannot be allowed: links with it can run script or show content from outside the site",
        ),
        error(
            "site.toml",
            17,
            12,
            "`link_rel` must be space-separated lowercase keywords, not `noopener\" onclick=\"alert(1)`",
        ),
        error(
            "site.toml",
            20,
            6,
            "the attribute `onclick` cannot be allowed: event handlers run script",
        ),
        error(
            "site.toml",
            20,
            17,
            "the attribute `rel` cannot be allowed: `rel` is set by `link_rel`",
        ),
        error(
            "site.toml",
            21,
            8,
            &format!("the attribute `style` {attribute}"),
        ),
        error(
            "site.toml",
            21,
            17,
            &format!("the attribute `srcdoc` {attribute}"),
        ),
        error("site.toml", 22, 1, script_tag),
    ];
    assert_eq!(check_flat(&root), expected);

    let before = tree(parent.path());
    let Err(Error::Content(diagnostics)) = build(&options(&root)) else {
        panic!("refused inputs must fail the build");
    };
    assert_eq!(diagnostics.error_count(), expected.len());
    assert_eq!(tree(parent.path()), before, "nothing was written anywhere");
    assert!(!root.join("public").exists());
}

/// A URL parser drops a tab or line break inside an address, so the check
/// passed, but plain-text outputs kept it: `base_url = "https://…/\nDisallow: /"`
/// wrote its own lines into `robots.txt`.
#[test]
fn an_address_with_a_line_break_is_refused() {
    let dir = common::site(&[]);
    let edit = |relative: &str, from: &str, to: &str| {
        let path = dir.path().join(relative);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from));
        fs::write(&path, text.replacen(from, to, 1)).unwrap();
    };
    edit(
        "site.toml",
        "base_url = \"https://example.org/tracker/\"",
        "base_url = \"https://example.org/tracker/\\nDisallow: /\\n\"",
    );
    edit(
        "content/claims/acme-model-2-cost.md",
        "url = \"https://example.org/acme-model-2-launch\"",
        "url = \"https://example.org/acme-model-2-launch\\tx\"",
    );
    let expected = vec![
        error(
            "content/claims/acme-model-2-cost.md",
            17,
            7,
            "`url` holds a tab",
        ),
        error("site.toml", 2, 12, "`base_url` holds a line break"),
    ];
    assert_eq!(check_flat(dir.path()), expected);
    assert!(build(&options(dir.path())).is_err());
    assert!(!dir.path().join("public/robots.txt").exists());
}
