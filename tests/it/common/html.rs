//! Reading built pages with a real HTML parser: elements by CSS selector, and
//! their text and attributes.

use scraper::{ElementRef, Html, Selector};

/// The parsed CSS selector; panics on a selector that does not parse.
pub fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap()
}

/// Every element of `html` matching `css`, in document order.
pub fn select<'a>(html: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    html.select(&selector(css)).collect()
}

/// The attribute `name` of `element`; panics, showing the element, if it is missing.
pub fn attr<'a>(element: &ElementRef<'a>, name: &str) -> &'a str {
    element
        .value()
        .attr(name)
        .unwrap_or_else(|| panic!("no {name} on {}", element.html()))
}

/// The whitespace-normalised text of every element matching `css`.
pub fn texts(html: &Html, css: &str) -> Vec<String> {
    select(html, css)
        .into_iter()
        .map(|e| {
            e.text()
                .collect::<Vec<_>>()
                .join(" ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The attribute `name` of every element matching `css` that has it.
pub fn attrs(html: &Html, css: &str, name: &str) -> Vec<String> {
    select(html, css)
        .into_iter()
        .filter_map(|e| e.value().attr(name).map(str::to_string))
        .collect()
}
