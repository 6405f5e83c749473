//! Markdown to safe HTML: pulldown-cmark for parsing, ammonia for sanitising.

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

use crate::ids::tag_slug;

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .link_rel(Some("noopener noreferrer"))
        .add_tags(["input"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .add_tag_attributes("div", ["id"])
        .add_tag_attributes("li", ["id"])
        .add_tag_attributes("sup", ["id"])
        .add_generic_attributes(["class"]);
    for heading in ["h1", "h2", "h3", "h4", "h5", "h6"] {
        builder.add_tag_attributes(heading, ["id"]);
    }
    builder
});

/// Renders contributor Markdown to sanitised HTML with anchored headings.
pub fn render(markdown: &str) -> String {
    let events = with_heading_anchors(Parser::new_ext(markdown, options()).collect());
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, events.into_iter());
    SANITIZER.clean(&unsafe_html).to_string()
}

/// Gives every heading without an explicit `{#id}` an id made from its text,
/// unique within the document.
fn with_heading_anchors(mut events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut used: HashSet<String> = HashSet::new();
    let mut index = 0;
    while index < events.len() {
        if let Event::Start(Tag::Heading { id, .. }) = &events[index] {
            let anchor = match id {
                Some(id) => id.to_string(),
                None => heading_slug(&heading_text(&events[index + 1..])),
            };
            let anchor = unique(anchor, &mut used);
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[index] {
                *id = Some(CowStr::from(anchor));
            }
        }
        index += 1;
    }
    events
}

fn heading_text(events: &[Event<'_>]) -> String {
    let mut text = String::new();
    for event in events {
        match event {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            _ => {}
        }
    }
    text
}

fn heading_slug(text: &str) -> String {
    let slug = tag_slug(text);
    if slug.is_empty() {
        "section".to_string()
    } else {
        slug
    }
}

fn unique(anchor: String, used: &mut HashSet<String>) -> String {
    let mut candidate = anchor.clone();
    let mut n = 1;
    while !used.insert(candidate.clone()) {
        candidate = format!("{anchor}-{n}");
        n += 1;
    }
    candidate
}

/// The plain text of the first paragraph, for summaries and descriptions.
pub fn first_paragraph(markdown: &str) -> String {
    let mut text = String::new();
    let mut in_paragraph = false;
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(Tag::Paragraph) => in_paragraph = true,
            Event::End(TagEnd::Paragraph) if in_paragraph => break,
            Event::Text(t) | Event::Code(t) if in_paragraph => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak if in_paragraph => text.push(' '),
            _ => {}
        }
    }
    text.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_extensions_and_anchors() {
        let html = render(
            "## Cost & price\n\n## Cost & price\n\n|a|b|\n|-|-|\n|1|2|\n\n~~no~~ \"quoted\"\n\n- [x] done\n",
        );
        assert!(html.contains("<h2 id=\"cost-price\">"), "{html}");
        assert!(html.contains("<h2 id=\"cost-price-1\">"), "{html}");
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("<del>no</del>"), "{html}");
        assert!(html.contains("“quoted”"), "{html}");
        assert!(html.contains("checkbox"), "{html}");
    }

    #[test]
    fn removes_script_and_dangerous_urls() {
        let html = render(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))\n",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
    }

    #[test]
    fn first_paragraph_is_plain_text() {
        assert_eq!(
            first_paragraph("# T\n\nSome *emphasis*\nand `code`.\n\nNext."),
            "Some emphasis and code."
        );
    }
}
