//! The search index in `pagefind/`: what it holds, when it is reused, and the
//! search page and header form that use it.

use crate::common;

use std::fs;
use std::io::Read;
use std::path::Path;

use claimtrail::search::SearchOutcome;
use claimtrail::{BuildOptions, build};
use common::{options, read, site, tree};
use scraper::{Html, Selector};

/// Every Pagefind fragment of the output at `public`, as JSON.
fn fragments(public: &Path) -> Vec<serde_json::Value> {
    bundle_fragments(&public.join("pagefind"))
}

/// Every fragment of the index bundle in `bundle`, as JSON.
fn bundle_fragments(bundle: &Path) -> Vec<serde_json::Value> {
    let mut found = Vec::new();
    for entry in fs::read_dir(bundle.join("fragment")).unwrap() {
        let bytes = fs::read(entry.unwrap().path()).unwrap();
        let mut text = String::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut text)
            .unwrap();
        let json = text
            .strip_prefix("pagefind_dcd")
            .expect("Pagefind's marker");
        found.push(serde_json::from_str(json).unwrap());
    }
    found
}

pub(crate) fn fragment(public: &Path, url: &str) -> serde_json::Value {
    fragments(public)
        .into_iter()
        .find(|f| f["url"] == url)
        .unwrap_or_else(|| panic!("no record for {url}"))
}

fn files_under(dir: &Path) -> Vec<String> {
    tree(dir).into_iter().map(|(path, _)| path).collect()
}

/// The one element of `html` matching `selector`; fails if there is none or more.
fn one<'a>(html: &'a Html, selector: &str) -> scraper::ElementRef<'a> {
    let parsed = Selector::parse(selector).unwrap();
    let mut found = html.select(&parsed);
    let first = found.next().unwrap_or_else(|| panic!("no {selector}"));
    assert!(found.next().is_none(), "more than one {selector}");
    first
}

mod index;
mod page;
mod reuse;
