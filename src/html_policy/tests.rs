use super::*;

fn clean(policy: &HtmlPolicy, html: &str) -> String {
    policy.sanitizer().clean(html).to_string()
}

#[test]
fn the_default_keeps_formatting_and_removes_script() {
    let policy = HtmlPolicy::default();
    let html = clean(
        &policy,
        "<sup>1</sup><abbr title=\"x\">X</abbr><details><summary>s</summary>d</details>\
         <script>alert(1)</script><style>*{}</style><iframe src=x></iframe>\
         <img src=x onerror=alert(1)><a href=\"javascript:alert(1)\">j</a>\
         <a href=\"data:text/html,x\">d</a><svg><script>alert(1)</script></svg>",
    );
    for kept in [
        "<sup>1</sup>",
        "<abbr title=\"x\">X</abbr>",
        "<details>",
        "<summary>",
    ] {
        assert!(html.contains(kept), "{kept} missing from {html}");
    }
    for gone in [
        "script",
        "style",
        "iframe",
        "onerror",
        "javascript",
        "data:",
        "svg",
    ] {
        assert!(!html.contains(gone), "{gone} left in {html}");
    }
}

#[test]
fn links_get_rel_and_classes_are_limited_to_the_renderer() {
    let policy = HtmlPolicy::default();
    let html = clean(
        &policy,
        "<a href=\"https://example.org/\" rel=\"opener\">x</a>\
         <span class=\"badge badge-large\">Supported</span>\
         <code class=\"language-rust evil\">x</code>",
    );
    assert!(
        html.contains("<a href=\"https://example.org/\" rel=\"noopener noreferrer\">"),
        "{html}"
    );
    assert!(html.contains("<span>Supported</span>"), "{html}");
    assert!(html.contains("<code class=\"language-rust\">"), "{html}");
}

#[test]
fn values_with_control_characters_are_dropped() {
    // Found by the fuzz target: the URL parser reads this as a relative link.
    let html = clean(
        &HtmlPolicy::default(),
        "<a href=\"Ja&#x17;VaScRiPt:alert(1)\" title=\"a&#x7;b\">x</a>",
    );
    assert_eq!(html, "<a rel=\"noopener noreferrer\">x</a>");
}

/// `text` as HTML source: every character that could be markup escaped.
fn source(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `text` as the sanitiser's serialiser writes it: `&`, no-break space,
/// `<` and `>` escaped, and `"` too in an attribute value.
fn serialised(text: &str, attribute: bool) -> String {
    text.chars()
        .map(|c| match c {
            '&' => "&amp;".to_string(),
            '\u{a0}' => "&nbsp;".to_string(),
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '"' if attribute => "&quot;".to_string(),
            c => c.to_string(),
        })
        .collect()
}

#[test]
fn text_and_attribute_values_are_escaped_exactly() {
    // Every string of up to four of these, as text and as an attribute
    // value: the serialiser's escaping (patched in vendor/html5ever to
    // remember where the next quote, `<` or `>` is) gives what the rules say.
    const PIECES: [&str; 8] = ["&", "<", ">", "\"", "©", "\u{a0}", "a", "é"];
    let policy = HtmlPolicy::default();
    let sanitizer = policy.sanitizer();
    let mut strings = vec![String::new()];
    let mut longest = strings.clone();
    for _ in 0..4 {
        longest = longest
            .iter()
            .flat_map(|s| PIECES.iter().map(move |piece| format!("{s}{piece}")))
            .collect();
        strings.extend(longest.iter().cloned());
    }
    assert_eq!(strings.len(), 1 + 8 + 64 + 512 + 4096);
    for text in strings {
        let html = format!("<abbr title=\"{0}\">{0}</abbr>", source(&text));
        let expected = format!(
            "<abbr title=\"{}\">{}</abbr>",
            serialised(&text, true),
            serialised(&text, false)
        );
        assert_eq!(sanitizer.clean(&html).to_string(), expected, "{text:?}");
    }
}

#[test]
fn a_loosened_policy_allows_only_what_it_names() {
    let policy = HtmlPolicy {
        allow_tags: vec!["video".into()],
        allow_attributes: vec![("video".into(), vec!["src".into(), "controls".into()])],
        allow_url_schemes: vec!["ftp".into()],
        link_rel: String::new(),
        ..HtmlPolicy::default()
    };
    let html = clean(
        &policy,
        "<video src=\"https://example.org/v.mp4\" controls onplay=\"alert(1)\"></video>\
         <video src=\"javascript:alert(1)\"></video><a href=\"ftp://example.org/\">f</a>",
    );
    assert!(
        html.contains("<video src=\"https://example.org/v.mp4\" controls=\"\"></video>"),
        "{html}"
    );
    assert!(
        !html.contains("javascript") && !html.contains("onplay"),
        "{html}"
    );
    assert!(
        html.contains("<a href=\"ftp://example.org/\">f</a>"),
        "{html}"
    );
}

#[test]
fn never_lists_cannot_be_loosened() {
    assert!(never_tag("script").is_some() && never_tag("svg").is_some());
    assert!(never_tag("video").is_none());
    assert!(never_attribute("onclick").is_some() && never_attribute("style").is_some());
    assert!(never_attribute("controls").is_none());
    assert!(never_scheme("javascript").is_some() && never_scheme("ftp").is_none());
    assert!(!is_lowercase_name("Script") && !is_lowercase_name("") && is_lowercase_name("h1"));
}
