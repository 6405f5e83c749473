//! The inspection shared by the hostile-content tests and the fuzz target:
//! parse HTML with a real parser and list everything in it that could run script.

// Test code: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use scraper::{ElementRef, Html, Selector};

/// Elements that run script, embed other documents, restyle the page or submit data.
const FORBIDDEN_ELEMENTS: &[&str] = &[
    "script", "noscript", "style", "iframe", "frame", "frameset", "object", "embed", "applet",
    "portal", "base", "form", "svg", "math", "template",
];

/// Attributes that hold a URL a browser may follow or load.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "srcset",
    "action",
    "formaction",
    "data",
    "poster",
    "background",
    "xlink:href",
    "cite",
    "longdesc",
    "ping",
    "manifest",
    "codebase",
    "lowsrc",
    "dynsrc",
];

/// URL schemes that run script or carry a document of their own.
const FORBIDDEN_SCHEMES: &[&str] = &["javascript:", "vbscript:", "data:"];

/// Every part of a whole page that could run script: one line per finding.
///
/// The theme's own `<link>`/`<meta>` in `<head>`, one
/// `<script type="application/ld+json">` holding valid JSON, the list
/// filter's form and `filter.js` script tag, and the theme's search parts
/// (header form, search page scripts, `<noscript>`) are allowed.
pub fn executable_parts_of_page(html: &str) -> Vec<String> {
    inspect(&Html::parse_document(html), true)
}

/// Every part of an HTML fragment (a rendered Markdown body) that could run script.
pub fn executable_parts_of_fragment(html: &str) -> Vec<String> {
    inspect(&Html::parse_fragment(html), false)
}

fn inspect(document: &Html, page: bool) -> Vec<String> {
    let all = Selector::parse("*").unwrap();
    let mut found = Vec::new();
    for element in document.select(&all) {
        let name = element.value().name();
        if page && allowed_on_page(element) {
            // still check its attributes below
        } else if FORBIDDEN_ELEMENTS.contains(&name) || (name == "meta" || name == "link") {
            found.push(format!("<{name}> element: {}", element.html()));
        }
        for (attribute, value) in element.value().attrs() {
            if let Some(problem) = attribute_problem(name, attribute, value) {
                found.push(format!("<{name} {attribute}=\"{value}\">: {problem}"));
            }
        }
    }
    found
}

/// The theme's head elements, its JSON-LD block and its list filter.
fn allowed_on_page(element: ElementRef) -> bool {
    let name = element.value().name();
    let in_head = element
        .ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| a.value().name() == "head");
    match name {
        "meta" | "link" => in_head,
        "script" => {
            (element.value().attr("type") == Some("application/ld+json")
                && serde_json::from_str::<serde_json::Value>(&element.inner_html()).is_ok())
                || is_filter_script(element)
                || is_theme_search_part(element)
        }
        "form" => is_filter_form(element) || is_theme_search_part(element),
        // The theme's charts: drawing elements only, so nothing in them can load or run
        // anything (their attributes are still checked like every other element's).
        "svg" => element.value().attr("role") == Some("img") && only_drawing(element),
        "noscript" => is_theme_search_part(element),
        _ => false,
    }
}

/// The theme's search parts: the header form, Pagefind's script from the site
/// itself, the search page's `search.js`, and its `<noscript>` note of links.
fn is_theme_search_part(element: ElementRef) -> bool {
    let value = element.value();
    match value.name() {
        "form" => {
            let in_header = element
                .ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| a.value().name() == "header");
            in_header
                && value.attr("class") == Some("site-search")
                && value.attr("method") == Some("get")
                && element
                    .descendants()
                    .skip(1)
                    .filter_map(ElementRef::wrap)
                    .all(|e| ["label", "input", "button"].contains(&e.value().name()))
        }
        "script" => match value.attr("src") {
            Some(src) => {
                src.starts_with('/')
                    && !src.starts_with("//")
                    && (src.ends_with("/pagefind/pagefind-ui.js") || src.ends_with("/search.js"))
                    && element.inner_html().is_empty()
            }
            None => false,
        },
        "noscript" => {
            let inside = Html::parse_fragment(&element.inner_html());
            let all = Selector::parse("*").unwrap();
            inside
                .select(&all)
                .all(|e| ["html", "p", "a"].contains(&e.value().name()))
        }
        _ => false,
    }
}

/// The theme's list filter script: `filter.js` from the site itself, no code of its own.
fn is_filter_script(script: ElementRef) -> bool {
    let element = script.value();
    element.attrs().count() == 2
        && element.attr("defer").is_some()
        && element.attr("src").is_some_and(|src| {
            src.starts_with('/') && !src.starts_with("//") && src.ends_with("/filter.js")
        })
        && script.inner_html().is_empty()
}

/// The theme's list filter form: submits nowhere and holds only its controls.
fn is_filter_form(form: ElementRef) -> bool {
    const CONTROLS: &[&str] = &[
        "fieldset", "legend", "label", "select", "option", "button", "p",
    ];
    let element = form.value();
    element.attr("data-live-filter").is_some()
        && ["action", "method", "target"]
            .iter()
            .all(|a| element.attr(a).is_none())
        && form
            .descendants()
            .skip(1)
            .filter_map(ElementRef::wrap)
            .all(|e| CONTROLS.contains(&e.value().name()) && e.value().attr("formaction").is_none())
}

fn only_drawing(svg: ElementRef) -> bool {
    const DRAWING: &[&str] = &["g", "line", "rect", "circle", "text", "title"];
    svg.descendants()
        .skip(1) // the svg itself
        .filter_map(ElementRef::wrap)
        .all(|e| DRAWING.contains(&e.value().name()))
}

fn attribute_problem(element: &str, attribute: &str, value: &str) -> Option<&'static str> {
    if attribute.starts_with("on") {
        return Some("event handler");
    }
    if attribute == "style" && !is_status_colour(value) {
        return Some("inline style");
    }
    if attribute == "srcdoc" {
        return Some("embedded document");
    }
    let url_like = URL_ATTRIBUTES.contains(&attribute)
        || (element == "meta" && attribute == "content" && value.contains("url="));
    if url_like && has_forbidden_scheme(value) {
        return Some("script or data URL");
    }
    None
}

/// Browsers ignore whitespace and control characters inside a scheme and
/// compare it without case: `java\tscript:` is `javascript:`.
fn has_forbidden_scheme(value: &str) -> bool {
    let squeezed: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .flat_map(char::to_lowercase)
        .collect();
    squeezed
        .split([',', ' ', ';', '='])
        .any(|part| FORBIDDEN_SCHEMES.iter().any(|s| part.starts_with(s)))
        || FORBIDDEN_SCHEMES.iter().any(|s| squeezed.starts_with(s))
}

/// The theme's badge colour, `--status: <colour>`, whose colour `site.toml` validation allows.
/// The only inline style the theme writes: status colours as custom properties,
/// e.g. `--status: #15803d; --status-text: #ffffff`.
fn is_status_colour(value: &str) -> bool {
    value.split("; ").all(|declaration| {
        let colour = declaration
            .strip_prefix("--status: ")
            .or_else(|| declaration.strip_prefix("--status-text: "));
        colour.is_some_and(|colour| {
            colour
                .strip_prefix('#')
                .map_or(colour.chars().all(|c| c.is_ascii_lowercase()), |hex| {
                    hex.chars().all(|c| c.is_ascii_hexdigit())
                })
                && !colour.is_empty()
        })
    })
}

#[test]
fn the_inspection_finds_what_it_looks_for() {
    let page = "<html><head><meta charset=utf-8><link rel=stylesheet href=/s.css>\
        <script type=\"application/ld+json\">{\"a\":1}</script></head><body>\
        <p style=\"--status: #abc\">ok</p><p style=\"--status: teal; --status-text: #fff\">ok</p>\
        <svg role=\"img\" viewBox=\"0 0 9 9\"><g><rect x=\"1\" fill=\"#abc\"></rect><text>1</text></g></svg>\
        <form data-live-filter hidden><fieldset><label>a <select name=a><option>b</option></select></label></fieldset></form>\
        <script src=\"/x/filter.js\" defer></script></body></html>";
    assert_eq!(executable_parts_of_page(page), Vec::<String>::new());
    for bad in [
        "<script>alert(1)</script>",
        "<script src=\"//evil.example/filter.js\" defer></script>",
        "<script src=\"/filter.js\" defer>alert(1)</script>",
        "<form data-live-filter action=\"https://evil.example/\"><button>x</button></form>",
        "<form data-live-filter><input name=x></form>",
        "<script type=\"application/ld+json\">{\"a\":</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\" JaVa\tScRiPt:alert(1)\">x</a>",
        "<a href=\"data:text/html,x\">x</a>",
        "<iframe srcdoc=x></iframe>",
        "<p style=\"color: red\">x</p>",
        "<svg><a xlink:href=\"javascript:1\">x</a></svg>",
        "<meta http-equiv=refresh content=\"0; url=javascript:alert(1)\">",
    ] {
        let page = format!("<html><body>{bad}</body></html>");
        assert!(!executable_parts_of_page(&page).is_empty(), "{bad}");
        assert!(!executable_parts_of_fragment(bad).is_empty(), "{bad}");
    }
}
