//! `import claimreview`: a DataFeed and a Fact Check Tools response into an
//! empty site, which then checks and builds.

use std::fs;

use super::{check_passes, empty_site, input, run, stdout};
use crate::common::{options, read, tree};

const DATAFEED_OUTPUT: &str = "\
created content/sources/acme-blog.md
created content/documents/introducing-acme-model-2.md
created content/sources/example-fact-check.md
created content/claims/acme-model-2-is-over-30-cheaper-per-token-than-acme-model-1.md (rated \"False\" → refuted)
created content/claims/acme-model-2-reads-a-million-tokens-at-once.md (rated \"Mostly True\" → supported)
created content/sources/jane-example.md
created content/claims/acme-model-2-never-makes-mistakes.md (rated \"Pants on Fire\" → unverified, the fallback)
created content/sources/another-example-desk.md
created content/claims/acme-model-2-is-over-30-cheaper-per-token-than-acme-model-1-2.md (rated \"MOSTLY FALSE\" → refuted)
skipped item 5: an appearance's url uses the `javascript:` scheme; only http and https links are allowed
skipped item 6: it has no `claimReviewed` text
skipped item 7: it has no claimant (`itemReviewed.author` with a `name`)
created content/claims/img-src-x-onerror-alert-1-acme-model-3-ships-in-2027.md (rated \"True\" → supported)
imported 5 claims: 10 files created, 3 items skipped
";

#[test]
fn a_datafeed_imports_into_an_empty_site_that_checks_and_builds() {
    let dir = empty_site();
    let root = dir.path();
    let assert = run(root, &["import", "claimreview", &input("datafeed.json")]).success();
    assert_eq!(stdout(&assert), DATAFEED_OUTPUT);
    assert_eq!(check_passes(root), Vec::<String>::new());
    claimtrail::build(&options(root)).unwrap();

    let data: serde_json::Value = serde_json::from_str(&read(root, "public/claims.json")).unwrap();
    let claims = data["claims"].as_array().unwrap();
    let by_id = |id: &str| claims.iter().find(|c| c["id"] == id).unwrap().clone();
    let cost = by_id("acme-model-2-is-over-30-cheaper-per-token-than-acme-model-1");
    assert_eq!(cost["status"]["id"], "refuted");
    assert_eq!(cost["date"], "2026-04-23");
    assert_eq!(cost["claimant"]["id"], "acme-blog");
    assert_eq!(
        cost["appearances"][0]["document"],
        "introducing-acme-model-2"
    );
    assert_eq!(
        cost["appearances"][0]["quote"],
        "Acme Model 2 is over 30% cheaper per token than its predecessor."
    );
    let review = &cost["citations"][0];
    assert_eq!(review["source"]["id"], "example-fact-check");
    assert_eq!(review["url"], "https://example.org/checks/acme-cost");
    assert_eq!(review["stance"], "contradicts");
    // Two claims made in the one launch post share its document.
    let context = by_id("acme-model-2-reads-a-million-tokens-at-once");
    assert_eq!(context["status"]["id"], "supported");
    assert_eq!(
        context["appearances"][0]["document"],
        "introducing-acme-model-2"
    );
    assert_eq!(
        by_id("acme-model-2-never-makes-mistakes")["status"]["id"],
        "unverified"
    );

    // Markup in a claim is text, never HTML.
    let page = read(
        root,
        "public/claims/img-src-x-onerror-alert-1-acme-model-3-ships-in-2027/index.html",
    );
    assert!(!page.contains("<img src=x"), "markup escaped");
    assert!(page.contains("&lt;img src=x onerror=alert(1)&gt; Acme Model 3 ships in **2027**"));
    assert!(!page.contains("<b>Acme Model 3</b>"));
}

const FACT_CHECK_OUTPUT: &str = "\
created content/sources/acme-blog.md
created content/sources/example-fact-check.md
created content/sources/another-example-desk.md
created content/claims/acme-s-chatbot-answered-a-million-questions-on-its-first-day.md (rated \"False\" → refuted)
created content/sources/jane-example.md
created content/claims/acme-model-2-was-trained-without-any-web-data.md (rated \"Misleading\" → unverified, the fallback)
skipped item 3: it has no `claimant`
skipped item 4: `claimDate` \"2026-02-30\" is not a date (YYYY-MM-DD)
imported 2 claims: 6 files created, 2 items skipped
";

#[test]
fn a_fact_check_tools_response_imports_into_an_empty_site_that_checks_and_builds() {
    let dir = empty_site();
    let root = dir.path();
    let assert = run(root, &["import", "claimreview", &input("factcheck.json")]).success();
    assert_eq!(stdout(&assert), FACT_CHECK_OUTPUT);
    // The API gives no address where a claim was made: each claim says so.
    let warnings = check_passes(root);
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(
        warnings.iter().all(|w| w.contains("no appearance")),
        "{warnings:?}"
    );
    claimtrail::build(&options(root)).unwrap();
    let data: serde_json::Value = serde_json::from_str(&read(root, "public/claims.json")).unwrap();
    let chatbot = (data["claims"].as_array().unwrap().iter())
        .find(|c| c["id"] == "acme-s-chatbot-answered-a-million-questions-on-its-first-day")
        .unwrap();
    assert_eq!(chatbot["status"]["id"], "refuted");
    assert_eq!(chatbot["date"], "2026-04-24");
    // Each review is evidence, with the stance its own rating maps to.
    let stances: Vec<&str> = (chatbot["citations"].as_array().unwrap().iter())
        .map(|c| c["stance"].as_str().unwrap())
        .collect();
    assert_eq!(stances, ["contradicts", "neutral"]);
}

#[test]
fn a_second_import_overwrites_nothing_and_a_dry_run_writes_nothing() {
    let dir = empty_site();
    let root = dir.path();
    let dry = run(
        root,
        &[
            "import",
            "claimreview",
            &input("datafeed.json"),
            "--dry-run",
        ],
    )
    .success();
    let out = stdout(&dry);
    assert!(
        out.starts_with("would create content/sources/acme-blog.md\n"),
        "{out}"
    );
    assert!(out.ends_with("(dry run: nothing written)\n"), "{out}");
    assert!(!root.join("content").exists(), "nothing written");

    run(root, &["import", "claimreview", &input("datafeed.json")]).success();
    let claim = root.join("content/claims/acme-model-2-never-makes-mistakes.md");
    fs::write(
        &claim,
        fs::read_to_string(&claim)
            .unwrap()
            .replace("never", "rarely"),
    )
    .unwrap();
    let before = tree(root);
    let again = run(root, &["import", "claimreview", &input("datafeed.json")]).success();
    assert_eq!(tree(root), before, "no file written or replaced");
    let out = stdout(&again);
    assert!(
        out.contains("skipped item 1: content/claims/acme-model-2-is-over-30-cheaper-per-token-than-acme-model-1.md already exists (imported before?)\n"),
        "{out}"
    );
    assert!(
        out.ends_with("imported 0 claims: 0 files created, 8 items skipped\n"),
        "{out}"
    );
}

#[test]
fn hostile_items_are_skipped_with_a_reason_and_never_panic() {
    let dir = empty_site();
    let root = dir.path();
    let huge = "A".repeat(2_000_000);
    let review = |claim: serde_json::Value, appearance_url: &str| {
        serde_json::json!({
            "@type": "ClaimReview",
            "claimReviewed": claim,
            "author": {"name": "Example Fact Check"},
            "reviewRating": {"alternateName": "False"},
            "itemReviewed": {
                "author": {"name": "Acme Blog"},
                "datePublished": "2026-05-01",
                "appearance": [{"url": appearance_url}]
            }
        })
    };
    let feed = serde_json::json!({"dataFeedElement": [
        review(serde_json::json!(huge), "https://example.org/a"),
        review(serde_json::json!(42), "https://example.org/a"),
        review(serde_json::json!("Fine claim"), "data:text/html,<script>alert(1)</script>"),
        review(serde_json::json!("Fine claim"), "https://example.org/a\u{202e}"),
        {"@type": "ClaimReview", "claimReviewed": "No reviewer", "itemReviewed": []},
        "not an object",
        {"claimReviewed": "Bad date", "author": "Example Fact Check", "itemReviewed": {"author": "Acme Blog", "datePublished": "2026-13-01"}},
        review(serde_json::json!("A title with a \u{202e} direction control"), "https://example.org/a"),
        review(serde_json::json!("!!!"), "https://example.org/a"),
        review(serde_json::json!("Fine claim"), "https://example.org/fine"),
    ]});
    let path = root.join("feed.json");
    fs::write(&path, serde_json::to_string(&feed).unwrap()).unwrap();
    let assert = run(root, &["import", "claimreview", path.to_str().unwrap()]).success();
    let out = stdout(&assert);
    let skips: Vec<&str> = out.lines().filter(|l| l.starts_with("skipped")).collect();
    assert_eq!(
        skips,
        [
            "skipped item 1: the claim's text is 2000000 characters long; at most 1000 are imported",
            "skipped item 2: it has no `claimReviewed` text",
            "skipped item 3: an appearance's url uses the `data:` scheme; only http and https links are allowed",
            "skipped item 4: its claim would not pass check: `url` in [[appearances]] #1 contains the invisible direction control U+202E RIGHT-TO-LEFT OVERRIDE",
            "skipped item 5: it has no `author` (the fact-checker)",
            "skipped item 6: it has no `claimReviewed` text",
            "skipped item 7: `datePublished` \"2026-13-01\" is not a date (YYYY-MM-DD)",
            "skipped item 8: its claim would not pass check: `title` contains the invisible direction control U+202E RIGHT-TO-LEFT OVERRIDE",
            "skipped item 9: the claim's text gives no id",
        ],
        "{out}"
    );
    assert!(
        out.ends_with("imported 1 claim: 3 files created, 9 items skipped\n"),
        "{out}"
    );
    fs::remove_file(&path).unwrap();
    check_passes(root);

    // JSON nested past the parser's limit, and a file that is not JSON: errors, no panic.
    fs::write(&path, "[".repeat(100_000)).unwrap();
    let assert = run(root, &["import", "claimreview", path.to_str().unwrap()]).code(1);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(err.contains("not JSON: recursion limit exceeded"), "{err}");
    fs::write(&path, "{\"something\": \"else\"}").unwrap();
    let assert = run(root, &["import", "claimreview", path.to_str().unwrap()]).code(2);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(err.contains("is neither a ClaimReview DataFeed"), "{err}");
}

#[test]
fn a_site_without_a_rating_table_is_told_to_add_one_to_site_toml() {
    let dir = empty_site();
    let root = dir.path();
    fs::write(
        root.join("site.toml"),
        "title = \"T\"\nbase_url = \"https://example.org/\"\n",
    )
    .unwrap();
    let assert = run(root, &["import", "claimreview", &input("datafeed.json")]).code(2);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("error: site.toml has no [import.ratings] table, which maps each rating (textualRating) to a status of this site"),
        "{err}"
    );
    assert!(err.contains("fallback = \"unverified\""), "{err}");
    assert!(!root.join("content").exists());

    // A table with a status the site does not have is an error at its line.
    fs::write(
        root.join("site.toml"),
        "title = \"T\"\nbase_url = \"https://example.org/\"\n[import.ratings]\n\"false\" = \"refutted\"\nfallback = \"unverified\"\n",
    )
    .unwrap();
    let assert = run(root, &["import", "claimreview", &input("datafeed.json")]).code(1);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("error: `refutted` is not a status of this site"),
        "{err}"
    );
    assert!(err.contains("site.toml:4:"), "{err}");
    assert!(err.contains("did you mean `refuted`?"), "{err}");
}

/// The round trip of issue 28: the example site's own DataFeed, as `build`
/// publishes it, imported into an empty site that then checks and builds:
/// the same claims, dates, claimants, verdicts and quotes come back.
#[test]
fn the_example_round_trips_through_its_own_datafeed() {
    // Export: the example site's own claimreview-feed.json, as built.
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let built = tempfile::tempdir().unwrap();
    let output = built.path().join("public");
    claimtrail::build(&claimtrail::BuildOptions {
        output: Some(output.clone()),
        search: false,
        ..options(example)
    })
    .unwrap();
    let feed = read(&output, "claimreview-feed.json");
    let data: serde_json::Value = serde_json::from_str(&read(&output, "claims.json")).unwrap();
    let claims = data["claims"].as_array().unwrap();
    let dir = empty_site();
    let root = dir.path();
    let path = root.join("feed.json");
    fs::write(&path, feed).unwrap();
    let assert = run(root, &["import", "claimreview", path.to_str().unwrap()]).success();
    assert!(
        stdout(&assert).ends_with("imported 24 claims: 26 files created, 0 items skipped\n"),
        "{}",
        stdout(&assert)
    );
    fs::remove_file(&path).unwrap();
    check_passes(root);
    claimtrail::build(&options(root)).unwrap();
    let imported: serde_json::Value =
        serde_json::from_str(&read(root, "public/claims.json")).unwrap();
    let imported = imported["claims"].as_array().unwrap();
    assert_eq!(imported.len(), claims.len());
    for claim in claims {
        let copy = (imported.iter())
            .find(|c| c["title"] == claim["title"])
            .unwrap_or_else(|| panic!("{} is missing", claim["id"]));
        assert_eq!(copy["date"], claim["date"]);
        assert_eq!(copy["status"]["id"], claim["status"]["id"]);
        assert_eq!(copy["claimant"]["name"], claim["claimant"]["name"]);
        let quotes = |c: &serde_json::Value| -> Vec<serde_json::Value> {
            c["appearances"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["quote"].clone())
                .collect()
        };
        assert_eq!(quotes(copy), quotes(claim), "{}", claim["id"]);
    }
}
