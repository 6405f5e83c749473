//! The suggestion to make a document file: the same document (by URL, or by
//! title when an entry has no URL) written out inline in the appearances and
//! citations of several claims.

use std::collections::HashMap;
use std::ops::Range;

use super::Docs;
use crate::diagnostic::{Code, Diagnostic};
use crate::ids::suggest_id;

/// How many claims must write out one document before `check` suggests a file for it.
const SHARED_BY: usize = 3;

/// Longest document id suggested; a longer title is cut at a word.
const SUGGESTED_ID_LEN: usize = 60;

/// One inline entry naming a document: its claim's file and where its `url`
/// (or `title`) is.
struct Written<'a> {
    file: &'a str,
    span: Range<usize>,
}

/// Every inline entry naming one document.
struct Group<'a> {
    /// The document's URL, if the entries are grouped by it.
    url: Option<&'a str>,
    /// The first title an entry gives.
    title: Option<&'a str>,
    /// How many claims the entries are in.
    claims: usize,
    /// The index of the last claim counted.
    last_claim: usize,
    entries: Vec<Written<'a>>,
}

/// Groups of entries, in order of first appearance, found by their key.
#[derive(Default)]
struct Groups<'a> {
    groups: Vec<Group<'a>>,
    by_url: HashMap<&'a str, usize>,
    by_title: HashMap<&'a str, usize>,
}

/// One warning for each inline entry of a document that [`SHARED_BY`] or
/// more claims write out, located at its `url` (or `title`). One pass over
/// the claims, with hash maps: linear in the number of entries.
pub(super) fn suggest_documents(docs: &Docs) -> Vec<Diagnostic> {
    let mut found = Groups::default();
    for (index, claim) in docs.claims.iter().enumerate() {
        let appearances = claim.appearances.iter().map(|a| &a.origin);
        for origin in appearances.chain(claim.citations.iter().map(|c| &c.origin)) {
            let title = origin.title.as_ref().map(|t| t.value.trim());
            let (key, span) = match (&origin.url, &origin.title, title) {
                (Some(url), _, _) => (Key::Url(&url.value), url.span.clone()),
                (None, Some(written), Some(title)) => (Key::Title(title), written.span.clone()),
                _ => continue,
            };
            let slot = found.slot(key);
            let group = &mut found.groups[slot];
            if group.entries.is_empty() || group.last_claim != index {
                group.claims += 1;
                group.last_claim = index;
            }
            group.title = group.title.or(title);
            group.entries.push(Written {
                file: &claim.file,
                span,
            });
        }
    }
    let existing = Existing::of(docs);
    let mut out = Vec::new();
    for group in found.groups.iter().filter(|g| g.claims >= SHARED_BY) {
        let hint = existing.hint(group);
        for entry in &group.entries {
            let message = format!("this document is cited inline in {} claims", group.claims);
            out.push(
                Diagnostic::warning(entry.file, message)
                    .code(Code::RepeatedDocument)
                    .at(entry.span.clone())
                    .hint(hint.clone()),
            );
        }
    }
    out
}

/// What entries of one document share: their URL or, for entries without
/// one, their title.
#[derive(Clone, Copy)]
enum Key<'a> {
    Url(&'a str),
    Title(&'a str),
}

impl<'a> Groups<'a> {
    /// The index of the group for `key`, made if new.
    fn slot(&mut self, key: Key<'a>) -> usize {
        let (map, text, url) = match key {
            Key::Url(url) => (&mut self.by_url, url, Some(url)),
            Key::Title(title) => (&mut self.by_title, title, None),
        };
        *map.entry(text).or_insert_with(|| {
            self.groups.push(Group {
                url,
                title: None,
                claims: 0,
                last_claim: 0,
                entries: Vec::new(),
            });
            self.groups.len() - 1
        })
    }
}

/// The document files, by URL and by title, so a suggestion can name one
/// that already exists.
struct Existing<'a> {
    by_url: HashMap<&'a str, &'a str>,
    by_title: HashMap<&'a str, &'a str>,
}

impl<'a> Existing<'a> {
    fn of(docs: &'a Docs) -> Self {
        let mut existing = Existing {
            by_url: HashMap::new(),
            by_title: HashMap::new(),
        };
        for document in &docs.documents {
            let id = document.id.as_str();
            if let Some(url) = &document.url {
                existing.by_url.entry(url.value.as_str()).or_insert(id);
            }
            if let Some(title) = &document.title {
                existing.by_title.entry(title.trim()).or_insert(id);
            }
        }
        existing
    }

    /// What to do about the entries of `group`: point them at the document
    /// file that already has their URL (or title), or make one.
    fn hint(&self, group: &Group) -> String {
        let known = match group.url {
            Some(url) => self.by_url.get(url),
            None => group.title.and_then(|title| self.by_title.get(title)),
        };
        match known {
            Some(id) => format!(
                "content/documents/{id}.md is this document: write `document = \"{id}\"` here instead"
            ),
            None => {
                let id = suggested_id(group.title, group.url);
                format!("create content/documents/{id}.md and write `document = \"{id}\"` here")
            }
        }
    }
}

/// A document id for a title (or, without one, a URL): its slug, cut at a
/// word to at most [`SUGGESTED_ID_LEN`] characters.
fn suggested_id(title: Option<&str>, url: Option<&str>) -> String {
    let text = match (title, url) {
        (Some(title), _) if !suggest_id(title).is_empty() => title,
        (_, Some(url)) => without_scheme(url),
        _ => "",
    };
    let mut id = suggest_id(text);
    if id.len() > SUGGESTED_ID_LEN {
        let cut = id[..=SUGGESTED_ID_LEN]
            .rfind('-')
            .unwrap_or(SUGGESTED_ID_LEN);
        id.truncate(cut);
    }
    if id.is_empty() {
        "document".to_string()
    } else {
        id
    }
}

/// `url` without `http://` or `https://` and a leading `www.`.
fn without_scheme(url: &str) -> &str {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    rest.strip_prefix("www.").unwrap_or(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_suggested_id_comes_from_the_title_else_the_url_and_stays_short() {
        assert_eq!(
            suggested_id(Some("OpenAI GPT-5.5: ‘Spud’"), Some("https://x.org/a")),
            "openai-gpt-5-5-spud"
        );
        assert_eq!(
            suggested_id(Some("…"), Some("https://www.example.org/press/a.html")),
            "example-org-press-a-html"
        );
        assert_eq!(suggested_id(None, None), "document");
        let long = "word ".repeat(30);
        let id = suggested_id(Some(&long), None);
        assert!(id.len() <= SUGGESTED_ID_LEN && id.ends_with("word"), "{id}");
    }
}
