//! The text of the files an import writes, in the content format
//! (docs/content-format.md): TOML frontmatter serialised by the `toml` crate
//! between `+++` lines, then a Markdown body.

use serde::Serialize;
use time::Date;
use toml::value::Datetime;

/// A date as TOML writes it: bare, `2026-04-23`.
pub(crate) fn toml_date(date: Date) -> Datetime {
    Datetime {
        date: Some(toml::value::Date {
            year: date.year() as u16,
            month: date.month() as u8,
            day: date.day(),
        }),
        time: None,
        offset: None,
    }
}

/// The frontmatter of a source file.
#[derive(Serialize)]
pub(crate) struct SourceFile {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The frontmatter of a document file.
#[derive(Serialize)]
pub(crate) struct DocumentFile {
    pub title: String,
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Datetime>,
    pub url: String,
}

/// An appearance, naming a document or inline.
#[derive(Serialize, Default)]
pub(crate) struct AppearanceEntry {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Datetime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

/// A piece of evidence, inline: another fact-checker's review.
#[derive(Serialize)]
pub(crate) struct CitationEntry {
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Datetime>,
    pub stance: &'static str,
}

/// The frontmatter of a claim file.
#[derive(Serialize)]
pub(crate) struct ClaimFile {
    pub title: String,
    pub date: Datetime,
    pub claimant: String,
    pub status: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub appearances: Vec<AppearanceEntry>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<CitationEntry>,
}

/// `frontmatter` between `+++` lines, then `body`; `None` when TOML cannot
/// hold a value (it can hold every string, so only in theory).
pub(crate) fn content_file<T: Serialize>(frontmatter: &T, body: &str) -> Option<String> {
    let toml = toml::to_string(frontmatter).ok()?;
    let mut text = format!("+++\n{toml}");
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str("+++\n");
    if !body.is_empty() {
        text.push_str(body);
        text.push('\n');
    }
    Some(text)
}

/// `text` with every character that Markdown may give a meaning to
/// escaped, so an imported name or rating shows as written and never becomes
/// a link, emphasis, HTML, a heading or a list: the inline markers
/// everywhere, any punctuation first on the line, and the `.` or `)` that
/// would make a leading number a list item.
pub(crate) fn markdown_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    let mut leading_digits = true;
    for (i, c) in text.chars().enumerate() {
        let inline = matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~'
        );
        let list_number = leading_digits && i > 0 && matches!(c, '.' | ')');
        if inline || list_number || (i == 0 && c.is_ascii_punctuation()) {
            escaped.push('\\');
        }
        leading_digits &= c.is_ascii_digit();
        escaped.push(c);
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_claim_file_is_frontmatter_then_body() {
        let date = Date::from_calendar_date(2026, time::Month::April, 23).unwrap();
        let claim = ClaimFile {
            title: "A \"quoted\" claim".into(),
            date: toml_date(date),
            claimant: "acme".into(),
            status: "unverified".into(),
            tags: Vec::new(),
            summary: None,
            appearances: vec![AppearanceEntry {
                url: Some("https://example.org/a".into()),
                quote: Some("Words.".into()),
                ..AppearanceEntry::default()
            }],
            citations: Vec::new(),
        };
        let text = content_file(&claim, "Body.").unwrap();
        assert!(
            text.starts_with("+++\ntitle = 'A \"quoted\" claim'\ndate = 2026-04-23\n"),
            "{text}"
        );
        assert!(
            text.contains("[[appearances]]\nurl = \"https://example.org/a\""),
            "{text}"
        );
        assert!(text.ends_with("+++\nBody.\n"), "{text}");
        assert_eq!(markdown_text("[x](javascript:y)"), "\\[x\\](javascript:y)");
        assert_eq!(markdown_text("GPT-5.5 <b>"), "GPT-5.5 \\<b\\>");
        assert_eq!(markdown_text("2001. Desk"), "2001\\. Desk");
        assert_eq!(markdown_text("# a.json"), "\\# a.json");
    }
}
