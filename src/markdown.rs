//! Markdown to safe HTML: pulldown-cmark for parsing, ammonia for sanitising.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

use crate::fields::control_character;
use crate::html_policy::HtmlPolicy;
use crate::ids::tag_slug;
use crate::nesting;

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders contributor Markdown to HTML that is safe under a site's [`HtmlPolicy`].
pub struct Markdown<'p> {
    sanitizer: ammonia::Builder<'p>,
}

impl<'p> Markdown<'p> {
    /// A renderer that sanitises with `policy`.
    pub fn new(policy: &'p HtmlPolicy) -> Self {
        Markdown {
            sanitizer: policy.sanitizer(),
        }
    }

    /// Sanitised HTML with anchored headings and no control characters. A
    /// body beyond the limits of [`nesting`] (which validation refuses)
    /// renders as nothing, rather than keeping the sanitiser busy for minutes.
    pub fn render(&self, markdown: &str) -> String {
        let unsafe_html = unsafe_html(markdown);
        if nesting::check(&unsafe_html).is_err() {
            return String::new();
        }
        without_control_characters(self.sanitizer.clean(&unsafe_html).to_string())
    }
}

/// `html` without the control characters that character references such as
/// `&#x7;` or `&#x9f;` decode to (a file holding one as such is refused);
/// tabs and line breaks stay. Attribute values holding one are already gone
/// (see `html_policy`), so only text loses characters, and since `<` and `&`
/// in text are always escaped, removing one cannot make markup.
fn without_control_characters(mut html: String) -> String {
    if control_character(&html).is_some() {
        html.retain(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'));
    }
    html
}

/// What reading a body tells before it renders, from one parse. (Its HTML is
/// not kept for rendering: holding every body's HTML costs much memory and
/// saves no time, docs/performance.md.)
pub(crate) struct Inspection {
    /// Whether its HTML keeps to the limits of [`nesting`].
    pub size: Result<(), nesting::Excess>,
    /// Its first paragraph, as [`first_paragraph`] gives it.
    pub first_paragraph: String,
}

/// Checks the HTML of `markdown` against the limits of [`nesting`] and finds
/// its first paragraph.
pub(crate) fn inspect(markdown: &str) -> Inspection {
    let events: Vec<Event<'_>> = Parser::new_ext(markdown, options()).collect();
    let first_paragraph = first_paragraph_of(events.iter().cloned());
    Inspection {
        size: nesting::check(&html_of(events, markdown.len())),
        first_paragraph,
    }
}

/// The HTML of `markdown` before sanitising, raw HTML included.
fn unsafe_html(markdown: &str) -> String {
    html_of(
        Parser::new_ext(markdown, options()).collect(),
        markdown.len(),
    )
}

/// The HTML of the events of a Markdown text `len` bytes long, with heading anchors.
fn html_of(events: Vec<Event<'_>>, len: usize) -> String {
    let mut html = String::with_capacity(len * 3 / 2);
    html::push_html(&mut html, with_heading_anchors(events).into_iter());
    html
}

/// Gives every heading without an explicit `{#id}` an id made from its text,
/// unique within the document.
fn with_heading_anchors(mut events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut used: HashSet<String> = HashSet::new();
    let mut next: HashMap<String, usize> = HashMap::new();
    let mut index = 0;
    while index < events.len() {
        if let Event::Start(Tag::Heading { id, .. }) = &events[index] {
            let anchor = match id {
                Some(id) => id.to_string(),
                None => heading_slug(&heading_text(&events[index + 1..])),
            };
            let anchor = unique(anchor, &mut used, &mut next);
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

/// `anchor`, or `anchor-1`, `anchor-2`, ... if taken; `next` remembers the
/// next suffix per anchor, so a thousand equal headings cost linear time.
fn unique(anchor: String, used: &mut HashSet<String>, next: &mut HashMap<String, usize>) -> String {
    if used.insert(anchor.clone()) {
        return anchor;
    }
    let n = next.entry(anchor.clone()).or_insert(1);
    loop {
        let candidate = format!("{anchor}-{n}");
        *n += 1;
        if used.insert(candidate.clone()) {
            return candidate;
        }
    }
}

/// The plain text of the first paragraph, for summaries and descriptions,
/// without control characters (a character reference such as `&#x7;` makes
/// one, and the Atom feed, being XML, cannot hold it).
pub fn first_paragraph(markdown: &str) -> String {
    first_paragraph_of(Parser::new_ext(markdown, options()))
}

fn first_paragraph_of<'e>(events: impl Iterator<Item = Event<'e>>) -> String {
    let mut text = String::new();
    let mut in_paragraph = false;
    for event in events {
        match event {
            Event::Start(Tag::Paragraph) => in_paragraph = true,
            Event::End(TagEnd::Paragraph) if in_paragraph => break,
            Event::Text(t) | Event::Code(t) if in_paragraph => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak if in_paragraph => text.push(' '),
            _ => {}
        }
    }
    text.retain(|c| !c.is_control());
    text.trim().to_string()
}

/// The plain text of the whole document, for the search index: the words of
/// every block, one space between blocks, no markup and no control characters.
pub(crate) fn plain_text(markdown: &str) -> String {
    let mut text = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => text.push(' '),
            _ => {}
        }
    }
    text.retain(|c| !c.is_control());
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(markdown: &str) -> String {
        Markdown::new(&HtmlPolicy::default()).render(markdown)
    }

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
    fn equal_headings_get_distinct_anchors() {
        let html = render("# a\n\n# a\n\n# a-1\n\n# a\n");
        for id in ["a", "a-1", "a-1-1", "a-2"] {
            assert!(html.contains(&format!("id=\"{id}\"")), "{id} in {html}");
        }
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
    fn deep_nesting_is_detected_and_not_rendered() {
        let deep = format!("{} x\n", ">".repeat(nesting::MAX_DEPTH + 1));
        assert_eq!(inspect(&deep).size, Err(nesting::Excess::Depth));
        assert_eq!(render(&deep), "");
        let shallow = format!("{} x\n", ">".repeat(10));
        assert_eq!(inspect(&shallow).size, Ok(()));
        assert!(render(&shallow).contains("<blockquote>"));
    }

    #[test]
    fn control_characters_from_character_references_are_removed() {
        let html = render(
            "a&#x7;b&#0;c&#x1b;d&#128;e&#x9F;f\n\n<p>g&#x7;h&#x8D;i&#128;j</p>\n\n`k&#x7;l`\t\n",
        );
        // `&#0;` becomes U+FFFD; in raw HTML `&#128;` is the euro sign (HTML
        // reads the C1 range as Windows-1252), and `&#x8D;`, unassigned there, a control.
        assert_eq!(
            html,
            "<p>ab\u{FFFD}cdef</p>\n<p>ghi€j</p>\n<p><code>k&amp;#x7;l</code></p>\n"
        );
    }

    #[test]
    fn first_paragraph_is_plain_text() {
        assert_eq!(
            first_paragraph("# T\n\nSome *emphasis*\nand `code`.\n\nNext."),
            "Some emphasis and code."
        );
        assert_eq!(
            inspect("# T\n\nSome *emphasis*\nand [a link][x].\n\n[x]: https://example.org\n")
                .first_paragraph,
            "Some emphasis and a link."
        );
        assert_eq!(first_paragraph("a&#x7;b&#x1b;c"), "abc");
    }

    #[test]
    fn plain_text_keeps_every_block_and_drops_markup() {
        assert_eq!(
            plain_text("# Title\n\nOne *two*\nthree.\n\n- four\n- `five`\n\n<b>six</b>&#x7;"),
            "Title One two three. four five six"
        );
    }
}
