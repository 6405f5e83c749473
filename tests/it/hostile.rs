//! Hostile content. `tests/fixtures/hostile/` holds every attack a pull request
//! can carry in content claimtrail publishes; it must build into a site in
//! which a real HTML parser finds nothing executable, with no file outside the
//! output folder. `tests/fixtures/hostile-refused/` holds the inputs that must
//! be refused instead, each with its exact diagnostic. Symbolic links are made
//! by the tests, since git cannot carry them portably.

use crate::common::html_safety;
use crate::common::{self, error, warning};

use std::fs;
use std::path::{Path, PathBuf};

use claimtrail::{Error, build};
use common::{Flat, check_flat, copy_tree, fixtures, options, read, tree};
use html_safety::executable_parts_of_page;
use scraper::{Html, Selector};

/// The exact title of the hostile claim, as its frontmatter spells it.
const HOSTILE_TITLE: &str =
    "</script><script>alert('title')</script>\"><img src=x onerror=alert('title')>{{ 7 * 7 }}";

/// A temp folder holding `site/` (the base fixture with `overlays`), so that
/// anything written beside or above the site can be seen.
fn site_in_parent(overlays: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let parent = tempfile::tempdir().unwrap();
    let root = parent.path().join("site");
    copy_tree(&fixtures().join("base"), &root);
    for overlay in overlays {
        copy_tree(&fixtures().join(overlay), &root);
    }
    (parent, root)
}

/// Every file under `dir` except those inside `public/`.
fn tree_outside_output(dir: &Path) -> Vec<(String, Vec<u8>)> {
    tree(dir)
        .into_iter()
        .filter(|(path, _)| !path.starts_with("site/public"))
        .collect()
}

fn assert_no_executable_page(output: &Path) -> usize {
    let mut pages = 0;
    for (path, bytes) in tree(output) {
        if path.ends_with(".html") {
            let html = String::from_utf8(bytes).unwrap();
            let found = executable_parts_of_page(&html);
            assert!(found.is_empty(), "{path}: {found:#?}");
            pages += 1;
        }
    }
    pages
}

#[test]
fn the_hostile_site_builds_with_nothing_executable() {
    let dir = common::site(&["hostile"]);
    let report = build(&options(dir.path())).unwrap();
    assert_eq!(report.claims, 5);
    let pages = assert_no_executable_page(&dir.path().join("public"));
    assert!(pages >= 40, "only {pages} pages inspected");

    let claim = read(dir.path(), "public/claims/hostile-markup/index.html");
    assert!(
        claim.contains("<h1>&lt;/script&gt;&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"),
        "the title is published as text, not dropped"
    );
    for kept in [
        "<sup>1</sup>",
        "<abbr title=\"HyperText Markup Language\">HTML</abbr>",
        "<details><summary>Details</summary>Kept, without the handler.</details>",
        "<a href=\"https://example.org/safe\" rel=\"noopener noreferrer\">safe link</a>",
        "<a href=\"https://example.org/\" rel=\"noopener noreferrer\">handler and opener</a>",
        "<span>Supported</span>",
        "<h2 id=\"main\">Heading with attributes</h2>",
    ] {
        assert!(claim.contains(kept), "missing {kept}");
    }
    assert!(
        claim.contains("rel=\"nofollow noopener noreferrer\">Archived copy</a>"),
        "citation links get nofollow"
    );
}

#[test]
fn json_ld_holds_a_script_breaking_title_as_data() {
    let dir = common::site(&["hostile"]);
    build(&options(dir.path())).unwrap();
    let page = Html::parse_document(&read(dir.path(), "public/claims/hostile-markup/index.html"));
    let selector = Selector::parse("script").unwrap();
    let scripts: Vec<_> = page.select(&selector).collect();
    assert_eq!(scripts.len(), 1, "only the JSON-LD block is a script");
    assert_eq!(scripts[0].value().attr("type"), Some("application/ld+json"));
    let text = scripts[0].inner_html();
    assert!(!text.contains('<') && !text.contains('>'), "{text}");
    let review: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(review["claimReviewed"], HOSTILE_TITLE);
    assert_eq!(
        review["itemReviewed"]["author"]["name"],
        "</script><script>alert('source name')</script>"
    );
}

#[test]
fn feed_sitemap_and_data_keep_hostile_strings_as_data() {
    let dir = common::site(&["hostile"]);
    build(&options(dir.path())).unwrap();
    let feed_text = read(dir.path(), "public/feed.xml");
    let feed = roxmltree::Document::parse(&feed_text).expect("the feed is well-formed XML");
    let titles: Vec<&str> = feed
        .descendants()
        .filter(|n| n.has_tag_name("title"))
        .filter_map(|n| n.text())
        .collect();
    assert!(titles.contains(&HOSTILE_TITLE), "{titles:?}");
    assert_eq!(
        titles[0],
        "Fixture </title><script>alert('site')</script> Tracker"
    );
    let sitemap_text = read(dir.path(), "public/sitemap.xml");
    roxmltree::Document::parse(&sitemap_text).expect("the sitemap is well-formed XML");

    let data: serde_json::Value =
        serde_json::from_str(&read(dir.path(), "public/claims.json")).unwrap();
    let claim = data["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "hostile-markup")
        .unwrap();
    assert_eq!(claim["title"], HOSTILE_TITLE);
    assert_eq!(claim["tags"][0], "<script>alert('tag')</script>");
}

#[test]
fn the_hostile_site_builds_byte_identically_with_one_thread_or_many() {
    let dir = common::site(&["hostile"]);
    let mut trees = Vec::new();
    for threads in ["1", "4"] {
        let output = dir.path().join(format!("public-{threads}"));
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_claimtrail"))
            .env("RAYON_NUM_THREADS", threads)
            .args(["build", "--root"])
            .arg(dir.path())
            .arg("--output")
            .arg(&output)
            .output()
            .unwrap()
            .status;
        assert!(status.success());
        trees.push(tree(&output));
    }
    assert!(trees[0].len() > 40);
    assert!(
        trees[0] == trees[1],
        "the output depends on the thread count"
    );
}

#[test]
fn nothing_is_written_outside_the_output_folder() {
    let (parent, root) = site_in_parent(&["hostile"]);
    let before = tree_outside_output(parent.path());
    build(&options(&root)).unwrap();
    assert_eq!(tree_outside_output(parent.path()), before);

    let output = root.join("public");
    for slug in [
        "etc-passwd",
        "windows-system32",
        "absolute-path",
        "c-users",
        "kk",
        "2e-2e-2f",
    ] {
        assert!(
            output.join("tags").join(slug).join("index.html").is_file(),
            "tag page {slug}"
        );
    }
    for entry in walkdir::WalkDir::new(&output) {
        let entry = entry.unwrap();
        assert!(!entry.path_is_symlink(), "{}", entry.path().display());
    }
}

#[test]
fn each_refused_input_gets_its_diagnostic_and_nothing_is_built() {
    let (parent, root) = site_in_parent(&["hostile-refused"]);
    let long = "a".repeat(130);
    let long_file = format!("content/claims/{long}.md");
    let script_tag = "the tag `script` cannot be allowed: it can run script, load other documents or take over the page";
    let attribute =
        "cannot be allowed: it can run script, restyle the page or change what it loads or submits";
    let expected = vec![
        error(
            &long_file,
            1,
            1,
            &format!("`{long}` is too long for a claim id: ids are at most 120 characters"),
        ),
        error(
            "content/claims/control-character.md",
            11,
            6,
            "the file contains the control character U+0007",
        ),
        error(
            "content/claims/deep-nesting.md",
            11,
            1,
            "the Markdown body nests more than 100 levels deep (quotes, lists or HTML elements inside one another)",
        ),
        error(
            "content/claims/long-tag.md",
            6,
            9,
            &format!(
                "the tag `{}…` is too long: its URL slug would have 130 characters, at most 120 are allowed",
                "x".repeat(40)
            ),
        ),
        error(
            "content/claims/path-names.md",
            6,
            9,
            "the tag `．．` has no letters or digits, so it has no URL",
        ),
        error(
            "content/claims/path-names.md",
            6,
            15,
            "the tag `\u{2024}\u{2024}` has no letters or digits, so it has no URL",
        ),
        error(
            "content/claims/path-names.md",
            6,
            31,
            "an item of `tags` contains the control character U+0000",
        ),
        error(
            "content/claims/path-names.md",
            6,
            52,
            "the tag `../` has no letters or digits, so it has no URL",
        ),
        error(
            "content/claims/path-names.md",
            7,
            12,
            "the alias `../../escape` is not a valid claim id",
        ),
        error(
            "content/claims/path-names.md",
            7,
            28,
            "the alias `..\\escape` is not a valid claim id",
        ),
        error(
            "content/claims/path-names.md",
            7,
            42,
            "the alias `/etc/passwd` is not a valid claim id",
        ),
        error(
            "content/claims/path-names.md",
            7,
            57,
            "the alias `café` is not a valid claim id",
        ),
        error(
            "content/claims/script-urls.md",
            9,
            7,
            "`url` uses the `javascript:` scheme; only http and https links are allowed",
        ),
        error(
            "content/claims/script-urls.md",
            13,
            7,
            "`url` uses the `javascript:` scheme; only http and https links are allowed",
        ),
        error(
            "content/claims/script-urls.md",
            14,
            11,
            "`archive` uses the `data:` scheme; only http and https links are allowed",
        ),
        error(
            "content/claims/script-urls.md",
            18,
            7,
            "`url` uses the `vbscript:` scheme; only http and https links are allowed",
        ),
        error(
            "content/claims/script-urls.md",
            19,
            11,
            "`archive` uses the `file:` scheme; only http and https links are allowed",
        ),
        error(
            "content/claims/‥.md",
            1,
            1,
            "`‥` is not a valid claim id: ids use only lowercase letters a-z, digits 0-9 and `-`, and start with a letter or digit",
        ),
        error(
            "content/claims/．．.md",
            1,
            1,
            "`．．` is not a valid claim id: ids use only lowercase letters a-z, digits 0-9 and `-`, and start with a letter or digit",
        ),
        error(
            "site.toml",
            7,
            1,
            "`../escape` is not a valid status id: ids use only lowercase letters a-z, digits 0-9 and `-`, start with a letter or digit, and are at most 120 characters",
        ),
        error(
            "site.toml",
            12,
            9,
            "`color` must be a hex colour or a colour name, not `red; background: url(javascript:alert(1))`",
        ),
        error("site.toml", 15, 24, script_tag),
        error(
            "site.toml",
            15,
            34,
            "the tag `iframe` cannot be allowed: it can run script, load other documents or take over the page",
        ),
        error(
            "site.toml",
            15,
            44,
            "the tag `svg` cannot be allowed: it can run script, load other documents or take over the page",
        ),
        error(
            "site.toml",
            15,
            51,
            "the tag `Style` cannot be allowed: names are lowercase ASCII letters, digits and `-`",
        ),
        error(
            "site.toml",
            16,
            22,
            "the URL scheme `javascript` cannot be allowed: links with it can run script or show content from outside the site",
        ),
        error(
            "site.toml",
            16,
            36,
            "the URL scheme `data` cannot be allowed: links with it can run script or show content from outside the site",
        ),
        error(
            "site.toml",
            17,
            12,
            "`link_rel` must be space-separated lowercase keywords, not `noopener\" onclick=\"alert(1)`",
        ),
        error(
            "site.toml",
            20,
            6,
            "the attribute `onclick` cannot be allowed: event handlers run script",
        ),
        error(
            "site.toml",
            20,
            17,
            "the attribute `rel` cannot be allowed: `rel` is set by `link_rel`",
        ),
        error(
            "site.toml",
            21,
            8,
            &format!("the attribute `style` {attribute}"),
        ),
        error(
            "site.toml",
            21,
            17,
            &format!("the attribute `srcdoc` {attribute}"),
        ),
        error("site.toml", 22, 1, script_tag),
    ];
    assert_eq!(check_flat(&root), expected);

    let before = tree(parent.path());
    let Err(Error::Content(diagnostics)) = build(&options(&root)) else {
        panic!("refused inputs must fail the build");
    };
    assert_eq!(diagnostics.error_count(), expected.len());
    assert_eq!(tree(parent.path()), before, "nothing was written anywhere");
    assert!(!root.join("public").exists());
}

#[test]
fn a_loosened_policy_allows_what_it_names_and_still_no_script() {
    let dir = common::site(&["hostile"]);
    let mut settings = read(dir.path(), "site.toml");
    settings.push_str(
        "\n[html]\nallow_tags = [\"video\"]\nallow_url_schemes = [\"ftp\"]\n\
         link_rel = \"noopener\"\ncitation_rel = \"noopener\"\n\
         [html.allow_attributes]\nvideo = [\"src\", \"controls\"]\n",
    );
    fs::write(dir.path().join("site.toml"), settings).unwrap();
    fs::write(
        dir.path().join("content/pages/video.md"),
        "+++\ntitle = \"Video\"\n+++\n\
         <video src=\"https://example.org/v.mp4\" controls onplay=\"alert(1)\"></video>\n\
         <video src=\"javascript:alert(1)\"></video>\n\n[file](ftp://example.org/f)\n",
    )
    .unwrap();
    build(&options(dir.path())).unwrap();
    assert_no_executable_page(&dir.path().join("public"));
    let page = read(dir.path(), "public/pages/video/index.html");
    assert!(
        page.contains("<video src=\"https://example.org/v.mp4\" controls=\"\"></video>"),
        "{page}"
    );
    assert!(page.contains("<a href=\"ftp://example.org/f\" rel=\"noopener\">file</a>"));
    let claim = read(dir.path(), "public/claims/hostile-markup/index.html");
    assert!(claim.contains("rel=\"noopener\">Archived copy</a>"));
}

#[cfg(unix)]
mod symlinks {
    use super::*;
    use std::os::unix::fs::symlink;

    fn outside(file: &str, target: &Path) -> Flat {
        (
            "error".into(),
            file.into(),
            None,
            None,
            format!(
                "this symbolic link leads outside the site (to `{}`); it is refused, not followed",
                target.display()
            ),
        )
    }

    #[test]
    fn links_leading_outside_the_site_are_refused_and_never_read() {
        let (parent, root) = site_in_parent(&[]);
        let secret = parent.path().join("secret.txt");
        fs::write(&secret, "+++\ntitle = \"SECRET\"\n+++\nSECRET\n").unwrap();
        fs::create_dir_all(root.join("static")).unwrap();
        fs::create_dir_all(root.join("templates")).unwrap();
        symlink(&secret, root.join("content/claims/leak.md")).unwrap();
        symlink(&secret, root.join("static/leak.txt")).unwrap();
        symlink(parent.path(), root.join("static/up")).unwrap();
        symlink("../../secret.txt", root.join("templates/page.html")).unwrap();
        symlink("../site.toml", root.join("static/inside.toml")).unwrap();
        assert_eq!(
            check_flat(&root),
            vec![
                outside("content/claims/leak.md", &secret),
                warning(
                    "static/inside.toml",
                    None,
                    "symbolic links are not followed; this entry is skipped"
                ),
                outside("static/leak.txt", &secret),
                outside("static/up", parent.path()),
                outside("templates/page.html", Path::new("../../secret.txt")),
            ]
        );
        assert!(matches!(build(&options(&root)), Err(Error::Content(_))));
        assert!(!root.join("public").exists());
    }

    #[test]
    fn links_inside_the_site_are_skipped_not_followed() {
        let dir = common::site(&[]);
        fs::create_dir_all(dir.path().join("static")).unwrap();
        symlink("../site.toml", dir.path().join("static/settings.toml")).unwrap();
        symlink("about.md", dir.path().join("content/pages/about-again.md")).unwrap();
        fs::create_dir_all(dir.path().join("theme")).unwrap();
        fs::write(dir.path().join("theme/page.html"), "LINKED THEME").unwrap();
        symlink("theme", dir.path().join("templates")).unwrap();
        let report = build(&options(dir.path())).unwrap();
        assert_eq!(report.diagnostics.warning_count(), 3);
        assert!(!dir.path().join("public/settings.toml").exists());
        assert!(!dir.path().join("public/pages/about-again").exists());
        let about = read(dir.path(), "public/pages/about/index.html");
        assert!(
            !about.contains("LINKED THEME"),
            "a linked templates/ is not used"
        );
    }

    #[test]
    fn linked_folders_are_not_walked() {
        let (parent, root) = site_in_parent(&[]);
        let elsewhere = parent.path().join("elsewhere");
        copy_tree(&root.join("content"), &elsewhere);
        fs::rename(root.join("content"), parent.path().join("moved")).unwrap();
        symlink(&elsewhere, root.join("content")).unwrap();
        symlink(&elsewhere, root.join("static")).unwrap();
        assert_eq!(
            check_flat(&root),
            vec![
                outside("content", &elsewhere),
                outside("static", &elsewhere)
            ]
        );
    }

    #[test]
    fn names_with_a_windows_separator_are_refused() {
        let (parent, root) = site_in_parent(&[]);
        fs::create_dir_all(root.join("static")).unwrap();
        fs::write(root.join("static/..\\..\\evil.txt"), "x").unwrap();
        fs::write(
            root.join("content/pages/x\\..\\evil.md"),
            "+++\ntitle = \"x\"\n+++\n",
        )
        .unwrap();
        let message = "this name contains a backslash, which Windows reads as a folder separator";
        let refused = |file: &str| {
            (
                "error".to_string(),
                file.to_string(),
                None,
                None,
                message.to_string(),
            )
        };
        assert_eq!(
            check_flat(&root),
            vec![
                refused("content/pages/x\\..\\evil.md"),
                refused("static/..\\..\\evil.txt")
            ]
        );
        let before = tree(parent.path());
        assert!(matches!(build(&options(&root)), Err(Error::Content(_))));
        assert_eq!(tree(parent.path()), before);
    }

    #[test]
    fn a_settings_file_linked_from_outside_is_refused() {
        let (parent, root) = site_in_parent(&[]);
        let real = parent.path().join("real-site.toml");
        fs::rename(root.join("site.toml"), &real).unwrap();
        symlink(&real, root.join("site.toml")).unwrap();
        let Err(Error::Io { source, .. }) = build(&options(&root)) else {
            panic!("a site.toml from outside the site must be refused");
        };
        assert!(
            source
                .to_string()
                .contains("a symbolic link to outside the site"),
            "{source}"
        );
    }
}

/// Pathological but valid content: each of these once took minutes or hours
/// (the work grew with the cube of a parent chain's length, or with the square
/// of the `&`s in one text); now they build like any site of their size. No
/// timing is asserted (`scripts/bench.sh` times them): before the fix these
/// tests would not finish.
mod bounded_work {
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

    /// A claim with `body` about `entity`, cited by Acme's blog and Indie Lab.
    fn claim(id: &str, entity: &str, body: &str) -> (String, String) {
        let text = format!(
            "+++\ntitle = \"Claim {id}\"\ndate = 2026-03-01\nclaimant = \"indie-lab\"\nstatus = \"unverified\"\nentities = [\"{entity}\"]\n\n[[citations]]\nsource = \"indie-lab\"\nurl = \"https://example.org/lab/{id}\"\nstance = \"supports\"\n\n[[citations]]\nsource = \"acme-blog\"\nurl = \"https://example.org/acme/{id}\"\nstance = \"supports\"\n+++\n{body}\n"
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
        // so it is no independent support (nor is the claimant, Indie Lab).
        let claim = common::page(dir.path(), "claims/deep/index.html");
        assert_eq!(
            texts(&claim, ".tally"),
            ["2 support (0 independent sources)"]
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
}
