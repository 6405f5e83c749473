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
            if let Some(problem) = attribute_problem(element, attribute, value) {
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
        "template" => is_theme_search_part(element),
        // The theme's charts: drawing elements only, so nothing in them can load or run
        // anything (their attributes are still checked like every other element's).
        "svg" => element.value().attr("role") == Some("img") && only_drawing(element),
        "noscript" => is_theme_search_part(element),
        _ => false,
    }
}

/// The theme's search parts: the header form, the search page's `search.js`
/// from the site itself, its `<noscript>` note of links, and its template of
/// verdict badges (text in status colours, nothing else).
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
                    && src.ends_with("/search.js")
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
        "template" => {
            value.attr("id") == Some("ct-search-badges")
                && element
                    .descendants()
                    .skip(1)
                    .filter_map(ElementRef::wrap)
                    .all(|e| e.value().name() == "span" && e.value().attr("class") == Some("badge"))
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

/// The theme's list filter form, or the search page's filter form: submits
/// nowhere and holds only its controls.
fn is_filter_form(form: ElementRef) -> bool {
    const CONTROLS: &[&str] = &[
        "fieldset", "legend", "label", "select", "option", "button", "p",
    ];
    let element = form.value();
    (element.attr("data-live-filter").is_some()
        || element.attr("class") == Some("search-filter-form"))
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

fn attribute_problem(element: ElementRef, attribute: &str, value: &str) -> Option<&'static str> {
    if attribute.starts_with("on") {
        return Some("event handler");
    }
    if attribute == "style" && !is_status_colour(value) {
        return Some("inline style");
    }
    if attribute == "srcdoc" {
        return Some("embedded document");
    }
    if urls_in(element, attribute, value).any(has_forbidden_scheme) {
        return Some("script or data URL");
    }
    None
}

/// The URLs a browser reads from `attribute` of `element`: the whole value
/// of a URL attribute, each candidate of a `srcset`, each URL of a `ping`,
/// and the URL of a `<meta http-equiv=refresh>`'s `content`.
fn urls_in<'v>(
    element: ElementRef,
    attribute: &str,
    value: &'v str,
) -> Box<dyn Iterator<Item = &'v str> + 'v> {
    let is_refresh = || {
        element.value().name() == "meta"
            && element
                .value()
                .attr("http-equiv")
                .is_some_and(|e| e.trim().eq_ignore_ascii_case("refresh"))
    };
    match attribute {
        "srcset" => Box::new(srcset_urls(value).into_iter()),
        "ping" => Box::new(value.split_ascii_whitespace()),
        "content" if is_refresh() => Box::new(refresh_url(value).into_iter()),
        _ if URL_ATTRIBUTES.contains(&attribute) => Box::new(std::iter::once(value)),
        _ => Box::new(std::iter::empty()),
    }
}

/// The URL of each image candidate in a `srcset`, as the HTML standard splits
/// them: a run of non-space characters (trailing commas dropped), then
/// descriptors up to the next comma outside parentheses.
fn srcset_urls(value: &str) -> Vec<&str> {
    let mut urls = Vec::new();
    let mut rest = value;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == ',');
        if rest.is_empty() {
            return urls;
        }
        let end = rest
            .find(|c: char| c.is_ascii_whitespace())
            .unwrap_or(rest.len());
        let (url, after) = rest.split_at(end);
        urls.push(url.trim_end_matches(','));
        if url.ends_with(',') {
            rest = after;
            continue;
        }
        let mut depth = 0usize;
        let next = after.char_indices().find(|&(_, c)| {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                ',' if depth == 0 => return true,
                _ => {}
            }
            false
        });
        rest = next.map_or("", |(i, _)| &after[i + 1..]);
    }
}

/// The URL a refresh's `content` sends the reader to, as the HTML standard
/// reads it: a time, then `;` or `,`, then the URL, optionally after `url=`
/// and in quotes. `None` when it only reloads the page.
fn refresh_url(content: &str) -> Option<&str> {
    let rest = content.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let rest = rest.strip_prefix([';', ','])?;
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let after_url_key = rest
        .get(..3)
        .filter(|key| key.eq_ignore_ascii_case("url"))
        .map(|_| rest[3..].trim_start_matches(|c: char| c.is_ascii_whitespace()))
        .and_then(|after| after.strip_prefix('='));
    let url = match after_url_key {
        Some(after) => after.trim_start_matches(|c: char| c.is_ascii_whitespace()),
        None => rest,
    };
    match url.chars().next() {
        Some(quote @ ('"' | '\'')) => url[1..].split(quote).next(),
        _ => Some(url),
    }
}

/// Whether `url` has a scheme that runs script or carries a document, read as
/// a browser's URL parser reads it: leading and trailing control characters
/// and spaces dropped, tabs and newlines dropped everywhere, and a scheme only
/// when the text before the first `:` is a letter then letters, digits, `+`,
/// `-` or `.` (so `0; url=javascript:x` or `java script:x` is a relative path).
fn has_forbidden_scheme(url: &str) -> bool {
    let trimmed = url.trim_matches(|c: char| c <= ' ');
    let cleaned: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let Some((scheme, _)) = cleaned.split_once(':') else {
        return false;
    };
    let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    is_scheme
        && FORBIDDEN_SCHEMES
            .iter()
            .any(|forbidden| forbidden.trim_end_matches(':').eq_ignore_ascii_case(scheme))
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
        <script src=\"/x/filter.js\" defer></script>\
        <form class=\"search-filter-form\"><label>a <select name=a></select></label><button type=button>b</button></form>\
        <template id=\"ct-search-badges\"><span class=\"badge\" style=\"--status: #abc\">A</span></template>\
        <script src=\"/x/search.js\" defer></script></body></html>";
    assert_eq!(executable_parts_of_page(page), Vec::<String>::new());
    for bad in [
        "<script>alert(1)</script>",
        "<script src=\"//evil.example/filter.js\" defer></script>",
        "<script src=\"/filter.js\" defer>alert(1)</script>",
        "<form data-live-filter action=\"https://evil.example/\"><button>x</button></form>",
        "<form data-live-filter><input name=x></form>",
        "<form class=\"search-filter-form\" action=\"https://evil.example/\"><button>x</button></form>",
        "<template id=\"ct-search-badges\"><span class=\"badge\">A</span><img src=x></template>",
        "<template><span class=\"badge\">A</span></template>",
        "<script src=\"/pagefind/pagefind-ui.js\"></script>",
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

#[test]
fn urls_are_read_the_way_a_browser_reads_them() {
    for harmless in [
        // A relative path: `;`, `=` and ` ` cannot be part of a scheme.
        "<a href=\"0; url=javascript:alert(1)\">x</a>",
        "<a href=\"java script:alert(1)\">x</a>",
        "<a href=\"./javascript:alert(1)\">x</a>",
        "<a href=\"?q=javascript:alert(1)\">x</a>",
        "<a href=\"https://example.org/?u=data:x\">x</a>",
        "<img src=\"a.png\" srcset=\"a.png,javascript:alert(1) 1x\">",
    ] {
        let page = format!("<html><body>{harmless}</body></html>");
        assert_eq!(
            executable_parts_of_page(&page),
            Vec::<String>::new(),
            "{harmless}"
        );
    }
    for bad in [
        "<a href=\"\u{1}javascript:alert(1)\">x</a>",
        "<a href=\"java\nscript:alert(1)\">x</a>",
        "<a href=\" VBScript:x \">x</a>",
        "<img src=\"a.png\" srcset=\"a.png 1x, javascript:alert(1) 2x\">",
        "<img src=\"a.png\" srcset=\"a.png, data:image/png,x\">",
        "<a href=\"/\" ping=\"/p javascript:alert(1)\">x</a>",
        "<meta http-equiv=Refresh content=\"0;javascript:alert(1)\">",
        "<meta http-equiv=refresh content=\"5, URL = 'data:text/html,x'\">",
    ] {
        let page = format!("<html><body>{bad}</body></html>");
        assert!(!executable_parts_of_page(&page).is_empty(), "{bad}");
    }
    // In the head a description may say anything: only a refresh is read as a URL.
    let head = "<html><head><meta name=description content=\"0; url=javascript:x\">\
        </head><body></body></html>";
    assert_eq!(executable_parts_of_page(head), Vec::<String>::new());
    let refresh = "<html><head><meta http-equiv=refresh content=\"0; url=javascript:x\">\
        </head><body></body></html>";
    assert!(!executable_parts_of_page(refresh).is_empty());
}
