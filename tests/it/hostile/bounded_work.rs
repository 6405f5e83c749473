use super::*;
use claimtrail::BuildOptions;

/// Entities in the test chain.
const CHAIN: usize = 2_000;

/// The base fixture with `files` (path, text) added.
fn site_with(files: &[(String, String)]) -> tempfile::TempDir {
    let dir = common::site(&[]);
    for (path, text) in files {
        fs::write(dir.path().join(path), text).unwrap();
    }
    dir
}

/// Builds without the search index, which the tests do not look at.
fn build_without_search(root: &Path) {
    build(&BuildOptions {
        search: false,
        ..options(root)
    })
    .unwrap();
}

/// `chain-0000` to `chain-1999`, each the parent of the next; the first
/// one's parent is `first_parent`.
fn chain(first_parent: &str) -> Vec<(String, String)> {
    (0..CHAIN)
        .map(|i| {
            let parent = match i {
                0 => first_parent.to_string(),
                i => format!("chain-{:04}", i - 1),
            };
            let text = format!(
                "+++\nname = \"Chain {i}\"\nkind = \"model\"\nparent = \"{parent}\"\n+++\n"
            );
            (format!("content/entities/chain-{i:04}.md"), text)
        })
        .collect()
}

/// A claim with `body` about `entity`, made by Indie Lab and cited by Acme's blog.
fn claim(id: &str, entity: &str, body: &str) -> (String, String) {
    let text = format!(
        "+++\ntitle = \"Claim {id}\"\ndate = 2026-03-01\nclaimant = \"indie-lab\"\nstatus = \"unverified\"\nentities = [\"{entity}\"]\n\n[[appearances]]\nurl = \"https://example.org/lab/{id}\"\n\n[[citations]]\nsource = \"acme-blog\"\nurl = \"https://example.org/acme/{id}\"\nstance = \"supports\"\n+++\n{body}\n"
    );
    (format!("content/claims/{id}.md"), text)
}

fn texts(html: &Html, selector: &str) -> Vec<String> {
    let selector = Selector::parse(selector).unwrap();
    let text = |e: scraper::ElementRef| e.text().collect::<String>();
    html.select(&selector).map(text).collect()
}

#[test]
fn a_chain_of_two_thousand_entities_builds_with_its_ancestry() {
    let mut files = chain("acme");
    files.push(claim("deep", "chain-1999", "About the deepest entity."));
    let dir = site_with(&files);
    build_without_search(dir.path());

    let deepest = common::page(dir.path(), "entities/chain-1999/index.html");
    let meta = texts(&deepest, "p.meta");
    assert!(meta[0].contains("part of Chain 1998"), "{meta:?}");
    let top = common::page(dir.path(), "entities/chain-0000/index.html");
    let includes = texts(&top, "main p");
    assert!(
        includes.contains(&"Includes: Chain 1".to_string()),
        "{includes:?}"
    );
    // Acme's blog speaks for Acme, 2,000 parents above the claim's entity,
    // so it is no independent support (the claimant, Indie Lab, made the
    // claim and is no evidence at all).
    let claim = common::page(dir.path(), "claims/deep/index.html");
    assert_eq!(
        texts(&claim, ".tally"),
        ["1 supporting (0 independent sources)"]
    );
    assert_eq!(texts(&claim, ".first-party"), ["first-party"]);
    // Every feed above the deepest entity holds its claim; a feed beside them does not.
    for above in ["acme", "chain-0000", "chain-1000", "chain-1999"] {
        let feed = read(dir.path(), &format!("public/entities/{above}/feed.xml"));
        assert!(feed.contains("/claims/deep/"), "{above}'s feed");
    }
    let globex = read(dir.path(), "public/entities/globex/feed.xml");
    assert!(!globex.contains("/claims/deep/"));
}

#[test]
fn a_loop_of_two_thousand_entities_is_reported_briefly_for_each_member() {
    let dir = site_with(&chain("chain-1999"));
    let loops: Vec<Flat> = check_flat(dir.path())
        .into_iter()
        .filter(|d| d.4.starts_with("entity parents form a loop"))
        .collect();
    assert_eq!(loops.len(), CHAIN);
    let first = loops
        .iter()
        .find(|d| d.1 == "content/entities/chain-0000.md")
        .unwrap();
    assert_eq!(
        first.4,
        "entity parents form a loop: chain-0000 -> chain-1999 -> chain-1998 -> chain-1997 -> chain-1996 -> chain-1995 -> (1989 more) -> chain-0005 -> chain-0004 -> chain-0003 -> chain-0002 -> chain-0001 -> chain-0000"
    );
}

#[test]
fn long_runs_of_ampersands_and_latin_1_signs_render_as_escaped_text() {
    const RUN: usize = 300_000;
    let body = [
        "&".repeat(RUN),
        "©".repeat(RUN),
        "\u{a0}x".repeat(1_000),
        "1 & 2 < 3 > 0 © ".repeat(1_000),
        format!("[link](https://example.org/ \"{}\")", "&".repeat(RUN)),
    ]
    .join("\n\n");
    let dir = site_with(&[claim("runs", "acme", &body)]);
    build_without_search(dir.path());
    let html = read(dir.path(), "public/claims/runs/index.html");
    for paragraph in [
        "&amp;".repeat(RUN),
        "©".repeat(RUN),
        "&nbsp;x".repeat(1_000),
        "1 &amp; 2 &lt; 3 &gt; 0 © "
            .repeat(1_000)
            .trim_end()
            .to_string(),
    ] {
        let expected = format!("<p>{paragraph}</p>");
        assert!(html.contains(&expected), "{:.80}...", expected);
    }
    let title = format!("title=\"{}\"", "&amp;".repeat(RUN));
    assert!(html.contains(&title), "the link title keeps every `&`");
}

#[test]
fn character_references_to_control_characters_are_removed_from_pages() {
    let dir = common::site(&["control-references"]);
    build_without_search(dir.path());
    let public = dir.path().join("public");
    let mut pages = 0;
    for (path, bytes) in tree(&public) {
        if path.ends_with(".html") {
            let text = String::from_utf8(bytes).unwrap();
            let control = text
                .chars()
                .find(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'));
            assert_eq!(control, None, "{path}");
            pages += 1;
        }
    }
    assert!(pages > 20, "only {pages} pages");
    let claim = read(dir.path(), "public/claims/control-references/index.html");
    for kept in [
        "Bellhere, NUL\u{FFFD}here, escapehere, deletehere.",
        "C1 in Markdown: abcde.",
        "Raw HTML: fghij and € as HTML reads it.",
        "<abbr>abbr</abbr>",
        "<code>code&amp;#x7;span</code>",
        "<a href=\"https://example.org/\" rel=\"noopener noreferrer\">link</a>",
        "A bell &amp;#x7; in the quote stays text.",
    ] {
        assert!(claim.contains(kept), "{kept} missing");
    }
    let entity = read(dir.path(), "public/entities/control-entity/index.html");
    assert!(entity.contains("<p>Entitybodyhere.</p>"));
    let page = read(dir.path(), "public/pages/control-page/index.html");
    assert!(page.contains("<p>Pagebodyhere.</p>"));
}

#[test]
fn a_translation_of_many_open_braces_fills_in_linear_time() {
    // Each `{` looked for its `}` to the end of the string: with a million
    // of them this build took 190 s (debug build), now 2 s. The bound is
    // generous, for a slow machine; the watchdog stops a page at 20 s.
    let braces = "{".repeat(1_000_000);
    let dir = site_with(&[]);
    fs::create_dir_all(dir.path().join("translations")).unwrap();
    fs::write(
        dir.path().join("translations/en.toml"),
        format!("status_claims = \"{braces}}} {{status}}\"\n"),
    )
    .unwrap();
    let started = std::time::Instant::now();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_claimtrail"))
        .args(["build", "--no-search", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let took = started.elapsed();
    assert!(took < std::time::Duration::from_secs(60), "{took:?}");
    let page = read(dir.path(), "public/status/disputed/index.html");
    assert!(
        page.contains(&format!("{braces}}} Disputed")),
        "the status is filled in"
    );
}
