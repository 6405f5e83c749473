//! How much markup a body's HTML holds, measured in linear time before sanitising.
//!
//! The HTML parser inside the sanitiser spends time proportional to the
//! nesting depth on every tag, so ten thousand nested `>` quotes or `<div>`s
//! take minutes, and a few bytes of Markdown (`>>>>`) can each make an
//! element. This module reads the same HTML with the same tokenizer
//! (html5ever's), counting elements and keeping a stack of open ones, so a
//! body can be refused before the sanitiser sees it.
//!
//! The depth estimate must never be lower than the depth the real parser
//! builds, or an attacker could slip past the limit. The real parser reads
//! the text of `<style>`, `<textarea>` and friends as raw text in HTML, but
//! as markup inside `<svg>` and `<math>`; the estimate therefore reads the
//! HTML both ways and takes the larger figures. End tags only close what they
//! could really close, and wherever the two readings might disagree (raw
//! text, CDATA) end tags are ignored, which can only raise the estimate.

use std::cell::RefCell;

use html5ever::TokenizerResult;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// Deepest nesting of elements accepted in one body.
pub(crate) const MAX_DEPTH: usize = 100;

/// Most elements accepted in one body: a long article has a few thousand.
pub(crate) const MAX_ELEMENTS: usize = 100_000;

/// Which limit a body's HTML goes beyond.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Excess {
    /// Nested deeper than [`MAX_DEPTH`].
    Depth,
    /// More elements than [`MAX_ELEMENTS`].
    Elements,
}

/// Elements that never hold others.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements that the next sibling closes, so they cannot nest on their own.
const CLOSED_BY_SIBLING: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "tbody", "thead", "tfoot", "option", "optgroup", "rb",
    "rt", "rp", "rtc", "colgroup", "caption",
];

/// Elements an end tag cannot close past (the parser's scope boundaries).
const BOUNDARIES: &[&str] = &[
    "html", "table", "applet", "marquee", "object", "template", "svg", "math", "button",
];

/// Elements whose content the HTML parser reads as text, in HTML but not in SVG or MathML.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "title",
    "textarea",
    "plaintext",
];

/// Checks `html` against [`MAX_DEPTH`] and [`MAX_ELEMENTS`].
pub(crate) fn check(html: &str) -> Result<(), Excess> {
    // Every element the estimate counts starts with `<`: with no more of them
    // than the depth limit, neither limit can be reached (most bodies).
    if html.bytes().filter(|&b| b == b'<').count() <= MAX_DEPTH.min(MAX_ELEMENTS) {
        return Ok(());
    }
    measure(html, true).and(measure(html, false))
}

/// Reads `html` once, switching to raw text the way HTML does (`raw_text`) or
/// reading everything as markup, the way SVG and MathML do.
fn measure(html: &str, raw_text: bool) -> Result<(), Excess> {
    let sink = Estimate {
        raw_text,
        state: RefCell::new(State::default()),
    };
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    if let TokenizerResult::Script(excess) = tokenizer.feed(&input) {
        return Err(excess); // the sink stopped the tokenizer at a limit
    }
    tokenizer.end();
    Ok(())
}

struct Estimate {
    raw_text: bool,
    state: RefCell<State>,
}

#[derive(Default)]
struct State {
    elements: usize,
    open: Vec<String>,
    /// Set inside an element whose content might be raw text: its end tag is
    /// the only one honoured until it comes.
    uncertain: Option<String>,
    /// After a CDATA section no end tag is trusted again.
    ignore_end_tags: bool,
}

impl TokenSink for Estimate {
    type Handle = Excess;

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<Excess> {
        let mut state = self.state.borrow_mut();
        match token {
            Token::TagToken(tag) if tag.kind == TagKind::StartTag => {
                let result = self.start(&mut state, &tag);
                // Only tag tokens may pause the tokenizer; pausing stops the measurement.
                if state.open.len() > MAX_DEPTH {
                    return TokenSinkResult::Script(Excess::Depth);
                }
                if state.elements > MAX_ELEMENTS {
                    return TokenSinkResult::Script(Excess::Elements);
                }
                return result;
            }
            Token::TagToken(tag) => state.end(&tag.name),
            Token::CommentToken(text) if text.starts_with("[CDATA[") => {
                state.ignore_end_tags = true;
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

impl Estimate {
    fn start(&self, state: &mut State, tag: &Tag) -> TokenSinkResult<Excess> {
        state.elements += 1;
        let name = &*tag.name;
        if VOID.contains(&name) || CLOSED_BY_SIBLING.contains(&name) {
            return TokenSinkResult::Continue;
        }
        state.open.push(name.to_string());
        if !RAW_TEXT.contains(&name) {
            return TokenSinkResult::Continue;
        }
        if !self.raw_text {
            state.uncertain.get_or_insert_with(|| name.to_string());
            return TokenSinkResult::Continue;
        }
        match name {
            "plaintext" => TokenSinkResult::Plaintext,
            "script" => TokenSinkResult::RawData(RawKind::ScriptData),
            "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
            _ => TokenSinkResult::RawData(RawKind::Rawtext),
        }
    }
}

impl State {
    fn end(&mut self, name: &str) {
        if self.ignore_end_tags {
            return;
        }
        if let Some(uncertain) = &self.uncertain {
            if uncertain != name {
                return;
            }
            self.uncertain = None;
        }
        for index in (0..self.open.len()).rev() {
            let open = self.open[index].as_str();
            if open == name {
                self.open.truncate(index);
                return;
            }
            if BOUNDARIES.contains(&open) {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(open: &str, close: &str, depth: usize) -> String {
        format!("{}x{}", open.repeat(depth), close.repeat(depth))
    }

    fn too_deep(html: &str) -> bool {
        check(html) == Err(Excess::Depth)
    }

    #[test]
    fn element_count_is_limited() {
        assert_eq!(check(&"<b>x</b>".repeat(MAX_ELEMENTS)), Ok(()));
        assert_eq!(
            check(&"<br>".repeat(MAX_ELEMENTS + 1)),
            Err(Excess::Elements)
        );
    }

    #[test]
    fn ordinary_nesting_passes_and_deep_nesting_does_not() {
        assert!(!too_deep(&nested("<div>", "</div>", MAX_DEPTH)));
        assert!(too_deep(&nested("<div>", "</div>", MAX_DEPTH + 1)));
        assert!(too_deep(&"<blockquote>\n".repeat(MAX_DEPTH + 1)));
        let siblings = "<div><p>a</div>".repeat(10 * MAX_DEPTH);
        assert!(!too_deep(&siblings), "closed elements do not add up");
        let list_items = "<ul>".to_string() + &"<li>x".repeat(10 * MAX_DEPTH);
        assert!(!too_deep(&list_items), "list items close each other");
    }

    #[test]
    fn stray_end_tags_do_not_lower_the_estimate() {
        let deep = |unit: &str| unit.repeat(MAX_DEPTH + 1);
        // `</b>` with no open <b>: the parser ignores it.
        assert!(too_deep(&deep("<div></b>")));
        // A </div> cannot close past a table: the parser ignores it.
        assert!(too_deep(&deep("<div><table></div>")));
        // Inside <style> an end tag is text in HTML.
        assert!(too_deep(&deep("<div><style></div></style>")));
        // Inside <svg><style> tags are markup, and a comment is no comment in HTML raw text.
        assert!(too_deep(&deep("<svg><style><!--</style><div>-->")));
        // After CDATA, which SVG reads as text up to `]]>`, no end tag counts.
        assert!(too_deep(&format!(
            "<svg><![CDATA[>{}]]>{}",
            deep("</div>"),
            deep("<div>")
        )));
    }
}
