//! The text of a search record: sentences joined into one searchable string,
//! and summaries clipped at a word boundary.

use crate::markdown::{first_paragraph, plain_text};

/// Record text built sentence by sentence.
#[derive(Default)]
pub(super) struct Text(pub(super) String);

impl Text {
    /// Appends `sentence`, ending it with a full stop unless it has one.
    pub(super) fn sentence(&mut self, sentence: &str) {
        let sentence = sentence.trim();
        if sentence.is_empty() {
            return;
        }
        if !self.0.is_empty() {
            self.0.push(' ');
        }
        self.0.push_str(sentence);
        if !sentence.ends_with(['.', '!', '?', '”', '"']) {
            self.0.push('.');
        }
    }

    /// `Label: a, b, c.`
    pub(super) fn list(&mut self, label: &str, items: &[String]) {
        if !items.is_empty() {
            self.sentence(&format!("{label}: {}", items.join(", ")));
        }
    }

    /// The body's first paragraph, or all of it with `full_text`.
    pub(super) fn body(&mut self, markdown: &str, full_text: bool) {
        if full_text {
            self.sentence(&plain_text(markdown));
        } else {
            self.sentence(&first_paragraph(markdown));
        }
    }
}

/// `text` with runs of white space made one space, cut to at most `max`
/// characters at a word boundary (inside a word only when the first word is
/// longer), `…` marking the cut.
pub(super) fn clip(text: &str, max: usize) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if joined.chars().count() <= max {
        return joined;
    }
    let room = max.saturating_sub(1);
    // One character more than there is room for: a space there ends a whole word.
    let head: String = joined.chars().take(room + 1).collect();
    let kept = match head.rfind(' ') {
        Some(space) => head[..space].to_string(),
        None => head.chars().take(room).collect(),
    };
    format!("{}…", kept.trim_end())
}
