//! Every URL the content cites, with each place it is written: the `url` of
//! each document file, and of each inline appearance and citation.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::diagnostic::Diagnostics;
use crate::fields::Located;
use crate::load::RawFile;
use crate::parse::Doc;

/// One place a URL is written: its file and the byte range of the value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Place {
    /// Path relative to the site root, `/`-separated.
    pub(crate) file: String,
    /// The byte range of the URL's value in the file.
    pub(crate) span: Range<usize>,
}

/// The cited URLs of a site, each with every place it is written, and the
/// text of those files so that a report can quote their lines.
#[derive(Debug, Default)]
pub(crate) struct CitedUrls {
    places: BTreeMap<String, Vec<Place>>,
    texts: Diagnostics,
}

impl CitedUrls {
    /// Adds the URLs `doc` (parsed from `file`) cites, unless it is a draft
    /// claim. An appearance or citation that points at a document file
    /// cites nothing itself: its URL is written, and reported, in the
    /// document's file.
    pub(crate) fn add(&mut self, file: &RawFile, doc: Option<&Doc>) {
        let mut found = 0;
        let mut add = |url: &Located<String>| {
            found += 1;
            let place = Place {
                file: file.path.clone(),
                span: url.span.clone(),
            };
            self.places
                .entry(url.value.clone())
                .or_default()
                .push(place);
        };
        match doc {
            // Drafts are not published, and `archive` skips them too.
            Some(Doc::Claim(claim)) if !claim.draft => {
                let appearances = claim.appearances.iter().map(|a| &a.origin);
                let citations = claim.citations.iter().map(|c| &c.origin);
                appearances
                    .chain(citations)
                    .filter_map(|o| o.url.as_ref())
                    .for_each(&mut add);
            }
            Some(Doc::Document(document)) => document.url.iter().for_each(&mut add),
            _ => {}
        }
        if found > 0 {
            self.texts.add_source(&file.path, &file.text);
        }
    }

    /// Whether `url` is cited.
    pub(crate) fn contains(&self, url: &str) -> bool {
        self.places.contains_key(url)
    }

    /// Each distinct URL, in order, with the places it is written.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &[Place])> {
        self.places
            .iter()
            .map(|(url, places)| (url.as_str(), places.as_slice()))
    }

    /// An empty diagnostics list that knows the citing files' text, for
    /// problems located at the places.
    pub(crate) fn into_diagnostics(self) -> Diagnostics {
        self.texts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Kind;

    fn raw(kind: Kind, path: &str, text: &str) -> RawFile {
        RawFile {
            kind,
            path: path.to_string(),
            id: path
                .rsplit('/')
                .next()
                .unwrap_or(path)
                .trim_end_matches(".md")
                .to_string(),
            text: text.to_string(),
        }
    }

    fn collect(files: &[RawFile]) -> CitedUrls {
        let mut cited = CitedUrls::default();
        for file in files {
            let (doc, _) = crate::parse::parse_file(file, &["unverified"]);
            cited.add(file, doc.as_ref());
        }
        cited
    }

    #[test]
    fn finds_every_written_url_with_the_span_of_its_value() {
        let claim = "+++\ntitle = \"T\"\ndate = 2026-01-01\nclaimant = \"s\"\nstatus = \"unverified\"\n\n[[appearances]]\nurl = \"https://a.test/x\"\n\n[[citations]]\nsource = \"s\"\nstance = \"supports\"\nurl = \"https://b.test/y\"\n\n[[citations]]\ndocument = \"d\"\nstance = \"supports\"\n+++\nBody.\n";
        let document = "+++\ntitle = \"D\"\nsource = \"s\"\nurl = \"https://a.test/x\"\n+++\n";
        let cited = collect(&[
            raw(Kind::Claim, "content/claims/c.md", claim),
            raw(Kind::Document, "content/documents/d.md", document),
        ]);
        let at = |p: &Place| {
            let text = if p.file.contains("claims") {
                claim
            } else {
                document
            };
            (p.file.clone(), text[p.span.clone()].to_string())
        };
        let urls: Vec<(&str, Vec<(String, String)>)> = cited
            .iter()
            .map(|(url, places)| (url, places.iter().map(at).collect()))
            .collect();
        let place = |file: &str, value: &str| (file.to_string(), value.to_string());
        assert_eq!(
            urls,
            [
                (
                    "https://a.test/x",
                    vec![
                        place("content/claims/c.md", "\"https://a.test/x\""),
                        place("content/documents/d.md", "\"https://a.test/x\""),
                    ]
                ),
                (
                    "https://b.test/y",
                    vec![place("content/claims/c.md", "\"https://b.test/y\"")]
                ),
            ]
        );
    }

    #[test]
    fn skips_drafts() {
        let claim = "+++\ntitle = \"T\"\ndate = 2026-01-01\nclaimant = \"s\"\nstatus = \"unverified\"\ndraft = true\n\n[[appearances]]\nurl = \"https://a.test/x\"\n+++\n";
        let cited = collect(&[raw(Kind::Claim, "content/claims/c.md", claim)]);
        assert_eq!(cited.iter().count(), 0);
        let published = claim.replace("draft = true", "draft = false");
        let cited = collect(&[raw(Kind::Claim, "content/claims/c.md", &published)]);
        assert_eq!(cited.iter().count(), 1);
    }

    #[test]
    fn skips_urls_that_are_not_web_links() {
        let document = "+++\ntitle = \"D\"\nsource = \"s\"\nurl = \"javascript:alert(1)\"\n+++\n";
        let cited = collect(&[raw(Kind::Document, "content/documents/d.md", document)]);
        assert_eq!(cited.iter().count(), 0);
    }
}
