//! A capture's readable text: its bytes decoded (byte-order mark, then the
//! HTTP charset, then `<meta charset>`, then UTF-8) and, for HTML, reduced to
//! the text a reader sees by html5ever's tokenizer: no scripts, styles or
//! markup, a line break between blocks.

use std::cell::RefCell;

use encoding_rs::{Encoding, UTF_8};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use crate::net::Fetched;

/// How many bytes at the start of an HTML body are searched for `<meta charset>`.
const META_PRESCAN_BYTES: usize = 1024;

/// The readable text of `fetched`, or why there is none.
pub(crate) fn readable_text(fetched: &Fetched) -> Result<String, String> {
    let body = &fetched.body;
    let kind = fetched
        .content_type
        .clone()
        .unwrap_or_else(|| sniff(body).to_string());
    match kind.as_str() {
        "text/html" | "application/xhtml+xml" => {
            let declared = fetched.charset.as_deref().or_else(|| meta_charset(body));
            Ok(html_text(&decode(body, declared)))
        }
        "application/pdf" => Err("PDF text not extracted".to_string()),
        plain if plain.starts_with("text/") => Ok(tidy(&decode(body, fetched.charset.as_deref()))),
        other => Err(format!("no text extracted from {other}")),
    }
}

/// The tags an HTML document may start with (after spaces), as browsers sniff them.
const HTML_STARTS: &[&str] = &[
    "<!doctype html",
    "<html",
    "<head",
    "<body",
    "<meta",
    "<title",
    "<p",
    "<div",
    "<script",
    "<!--",
];

/// A media type for a body sent without one.
fn sniff(body: &[u8]) -> &'static str {
    let start = String::from_utf8_lossy(&body[..body.len().min(512)]).to_ascii_lowercase();
    let start = start.trim_start();
    if body.starts_with(b"%PDF-") {
        "application/pdf"
    } else if HTML_STARTS.iter().any(|tag| start.starts_with(tag)) {
        "text/html"
    } else {
        "application/octet-stream"
    }
}

/// `body` decoded: a byte-order mark wins, then the `declared` label, then UTF-8.
fn decode(body: &[u8], declared: Option<&str>) -> String {
    let encoding = declared
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .unwrap_or(UTF_8);
    encoding.decode(body).0.into_owned()
}

/// The label of a `<meta charset=…>` or `<meta http-equiv content="…; charset=…">`
/// near the start of an HTML body.
fn meta_charset(body: &[u8]) -> Option<&str> {
    let start = &body[..body.len().min(META_PRESCAN_BYTES)];
    let lower: Vec<u8> = start.to_ascii_lowercase();
    let mut from = 0;
    while let Some(tag) = find(&lower[from..], b"<meta").map(|at| at + from) {
        let end = find(&lower[tag..], b">").map_or(lower.len(), |at| at + tag);
        if let Some(at) = find(&lower[tag..end], b"charset=") {
            let value = tag + at + b"charset=".len();
            let label = &start[value..end];
            let label = label
                .strip_prefix(b"\"")
                .or_else(|| label.strip_prefix(b"'"))
                .unwrap_or(label);
            let stop = label
                .iter()
                .position(|b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                .unwrap_or(label.len());
            return std::str::from_utf8(&label[..stop]).ok();
        }
        from = end;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// Elements whose content is not read: code, styles, embedded documents.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "object", "svg", "math", "textarea",
    "select",
];

/// Elements that start a new line of text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "title",
    "tr",
    "ul",
];

/// The text of an HTML document, one line per block.
fn html_text(html: &str) -> String {
    let sink = TextSink::default();
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let text = tokenizer.sink.text.take();
    tidy(&text)
}

#[derive(Default)]
struct TextSink {
    text: RefCell<String>,
    /// The skipped element being read through, and how deeply it nests in itself.
    skipping: RefCell<Option<(String, usize)>>,
}

impl TokenSink for TextSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match token {
            Token::TagToken(tag) => {
                let name = tag.name.to_string();
                let start = tag.kind == TagKind::StartTag;
                let opens = start && !tag.self_closing;
                if !self.skip_tag(&name, start, opens) && BLOCKS.contains(&name.as_str()) {
                    let mut text = self.text.borrow_mut();
                    if !text.ends_with('\n') {
                        text.push('\n');
                    }
                }
                if let Some(kind) = raw_kind(&name).filter(|_| opens) {
                    return TokenSinkResult::RawData(kind);
                }
            }
            Token::CharacterTokens(text) if self.skipping.borrow().is_none() => {
                self.text.borrow_mut().push_str(&text);
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

impl TextSink {
    /// Keeps track of skipped elements (`opens` for a start tag that is not
    /// self-closing); true while inside one, its own tags included.
    fn skip_tag(&self, name: &str, start: bool, opens: bool) -> bool {
        let mut skipping = self.skipping.borrow_mut();
        match skipping.as_mut() {
            Some((skipped, depth)) if skipped == name => {
                if opens {
                    *depth += 1;
                } else if !start {
                    *depth -= 1;
                    if *depth == 0 {
                        *skipping = None;
                    }
                }
                true
            }
            Some(_) => true,
            None if opens && SKIPPED.contains(&name) => {
                *skipping = Some((name.to_string(), 1));
                true
            }
            None => false,
        }
    }
}

/// How the tokenizer must read the content of `name`: as raw text for the
/// elements HTML reads that way.
fn raw_kind(name: &str) -> Option<RawKind> {
    match name {
        "script" => Some(RawKind::ScriptData),
        "style" | "iframe" | "noscript" => Some(RawKind::Rawtext),
        "textarea" | "title" => Some(RawKind::Rcdata),
        _ => None,
    }
}

/// Each line's runs of spaces and tabs made one space and trimmed; no more
/// than one empty line in a row; none at the start or end.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_lines = 0;
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.is_empty() {
            blank_lines += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_lines > 0 { "\n\n" } else { "\n" });
        }
        blank_lines = 0;
        out.push_str(&words.join(" "));
    }
    out
}

#[cfg(test)]
mod tests;
