//! Fuzzes everything after the disk: frontmatter split, TOML, field reading,
//! validation, diagnostics rendering, Markdown and sanitising, the model and
//! the render of a whole site, plus `site.toml` and its `[html]` policy.
//!
//! The first input byte picks what the rest is: a claim, source, entity or
//! page file laid over the base fixture (its first line is the file stem, the
//! id), or the site's `site.toml`. Besides
//! "no panic, no hang, no out-of-memory", the target checks that rendered
//! HTML holds nothing executable, that every output path stays inside the
//! output folder, that the feed holds no control characters and that every
//! search record links to a page of the site.

#![no_main]

use std::collections::HashSet;
use std::path::Path;
use std::sync::LazyLock;

use claimtrail::config::{self, Config};
use claimtrail::diagnostic::{Diagnostics, cap_per_file};
use claimtrail::fields::control_character;
use claimtrail::html_policy::HtmlPolicy;
use claimtrail::load::{Kind, RawFile};
use claimtrail::markdown::{self, Markdown};
use claimtrail::model::Site;
use claimtrail::parse::{self, Doc};
use claimtrail::validate::{self, Docs};
use claimtrail::{Format, render, search, write};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/it/common/html_safety.rs"]
mod html_safety;

const SITE_TOML: &str = include_str!("../../tests/fixtures/base/site.toml");
const BASE_FILES: &[(Kind, &str, &str)] = &[
    (Kind::Claim, "acme-model-2-cost", include_str!("../../tests/fixtures/base/content/claims/acme-model-2-cost.md")),
    (Kind::Source, "acme-blog", include_str!("../../tests/fixtures/base/content/sources/acme-blog.md")),
    (Kind::Source, "example-press", include_str!("../../tests/fixtures/base/content/sources/example-press.md")),
    (Kind::Source, "indie-lab", include_str!("../../tests/fixtures/base/content/sources/indie-lab.md")),
    (Kind::Entity, "acme", include_str!("../../tests/fixtures/base/content/entities/acme.md")),
    (Kind::Entity, "acme-model-1", include_str!("../../tests/fixtures/base/content/entities/acme-model-1.md")),
    (Kind::Entity, "acme-model-2", include_str!("../../tests/fixtures/base/content/entities/acme-model-2.md")),
    (Kind::Entity, "globex", include_str!("../../tests/fixtures/base/content/entities/globex.md")),
    (Kind::Page, "about", include_str!("../../tests/fixtures/base/content/pages/about.md")),
];

/// A body with one of every trick, rendered under each fuzzed `[html]` policy.
const HOSTILE_BODY: &str = "<script>alert(1)</script><img src=x onerror=alert(1)>\
    <a href=\"javascript:alert(1)\">j</a><a href=\"data:text/html,x\">d</a>\
    <iframe src=\"https://example.org/\"></iframe><svg onload=alert(1)></svg>\
    <style>*{}</style><video src=\"javascript:alert(1)\" onplay=alert(1)></video>\
    <object data=x></object><form action=x><button formaction=x>b</button></form>\n\n\
    [x](javascript:alert(1)) <a href=\"https://example.org/\">ok</a>\n";

static CONFIG: LazyLock<Config> = LazyLock::new(|| {
    config::parse(SITE_TOML, &mut Diagnostics::new()).expect("the base site.toml parses")
});

static THEME: LazyLock<render::Theme> = LazyLock::new(|| {
    // The base fixture has no templates/ folder: the built-in theme only.
    render::Theme::builtin().expect("the built-in templates compile")
});

fn raw(kind: Kind, id: &str, text: String) -> RawFile {
    RawFile {
        kind,
        path: format!("content/{}/{id}.md", kind.folder()),
        id: id.to_string(),
        text,
    }
}

fn base_docs(statuses: &[&str], skip_claims: bool) -> Vec<Doc> {
    BASE_FILES
        .iter()
        .filter(|(kind, _, _)| !(skip_claims && *kind == Kind::Claim))
        .filter_map(|(kind, id, text)| parse::parse_file(&raw(*kind, id, text.to_string()), statuses).0)
        .collect()
}

fn status_ids(config: &Config) -> Vec<&str> {
    config.statuses.iter().map(|s| s.id.as_str()).collect()
}

fn render_diagnostics(diagnostics: &Diagnostics) {
    for format in [Format::Human, Format::Json, Format::Github] {
        let _ = diagnostics.render(format);
    }
}

/// Renders the whole site and checks every output file.
fn render_site(config: &Config, docs: Vec<Doc>) {
    let docs = Docs::from_docs(docs);
    if validate::validate(&docs).iter().any(|d| d.severity == claimtrail::Severity::Error) {
        return;
    }
    let Some(site) = Site::from_docs(config.clone(), docs, true) else {
        return;
    };
    let bundles = claimtrail::search::merged_bundles(&site);
    let Ok(files) = render::render(&site, THEME.clone(), &bundles) else {
        return;
    };
    check_search_records(&site, &files);
    for file in files {
        assert!(
            write::safe_join(Path::new("/out"), &file.path).is_ok(),
            "an output path leaves the output folder: {:?}",
            file.path
        );
        let text = String::from_utf8_lossy(&file.bytes);
        if file.path.ends_with(".html") {
            let found = html_safety::executable_parts_of_page(&text);
            assert!(found.is_empty(), "{}: {found:#?}", file.path);
        }
        if file.path.ends_with(".xml") {
            assert_eq!(control_character(&text), None, "{}", file.path);
        }
    }
}

/// The search page links each result to its record's `url` and shows the
/// rest as text (never as HTML: the browser test checks that), so what can go
/// wrong here is the link: every record must lead to a page of the site.
fn check_search_records(site: &Site, files: &[render::OutputFile]) {
    let pages: HashSet<&str> = files.iter().map(|file| file.path.as_str()).collect();
    for record in search::records::records(site) {
        let url = &record.url;
        let page = url.strip_prefix('/').filter(|rest| !rest.starts_with('/'));
        let Some(page) = page.map(|rest| format!("{rest}index.html")) else {
            panic!("a search record's URL leaves the site: {url:?}");
        };
        assert!(pages.contains(page.as_str()), "a search record leads nowhere: {url:?}");
    }
}

fn content_file(kind: Kind, input: &str) {
    let statuses = status_ids(&CONFIG);
    let (id, text) = input.split_once('\n').unwrap_or(("fuzz", input));
    let file = raw(kind, id, text.to_string());
    let (doc, problems) = parse::parse_file(&file, &statuses);
    let has_errors = problems.iter().any(|d| d.severity == claimtrail::Severity::Error);
    let mut diagnostics = Diagnostics::new();
    diagnostics.add_source(&file.path, &file.text);
    diagnostics.extend(cap_per_file(&file.path, file.text.len(), problems));
    render_diagnostics(&diagnostics);

    let policy = HtmlPolicy::default();
    let html = Markdown::new(&policy).render(&file.text);
    let found = html_safety::executable_parts_of_fragment(&html);
    assert!(found.is_empty(), "{found:#?}\n{html}");
    let _ = markdown::first_paragraph(&file.text);

    if let Some(doc) = doc.filter(|_| !has_errors) {
        let mut docs = base_docs(&statuses, kind == Kind::Claim);
        docs.push(doc);
        render_site(&CONFIG, docs);
    }
}

fn settings(text: &str) {
    let mut diagnostics = Diagnostics::new();
    let config = config::parse(text, &mut diagnostics);
    render_diagnostics(&diagnostics);
    let Some(config) = config else {
        return;
    };
    let html = Markdown::new(&config.html).render(HOSTILE_BODY);
    let found = html_safety::executable_parts_of_fragment(&html);
    assert!(found.is_empty(), "{found:#?}\n{html}");
    let docs = base_docs(&status_ids(&config), false);
    render_site(&config, docs);
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest).into_owned();
    match selector % 5 {
        0 => content_file(Kind::Claim, &text),
        1 => content_file(Kind::Source, &text),
        2 => content_file(Kind::Entity, &text),
        3 => content_file(Kind::Page, &text),
        _ => settings(&text),
    }
});
