//! What a build writes: every page of the URL contract and what each shows,
//! byte-identical rebuilds, permissions, the example site and relabelled statuses.

use super::*;

#[test]
fn builds_every_page_of_the_url_contract() {
    let dir = site(&[]);
    let report = build(&options(dir.path())).unwrap();
    assert_eq!(report.claims, 3, "the draft is left out");
    let out = dir.path().join("public");
    for page in [
        "index.html",
        "claims/acme-model-2-cost/index.html",
        "claims/acme-model-1-launch/index.html",
        "claims/globex-beats-acme/index.html",
        "timeline/index.html",
        "entities/index.html",
        "entities/acme/index.html",
        "entities/acme-model-2/index.html",
        "sources/index.html",
        "sources/acme-blog/index.html",
        "tags/index.html",
        "tags/inference-cost/index.html",
        "status/disputed/index.html",
        "status/outdated/index.html",
        "pages/about/index.html",
        "feed.xml",
        "sitemap.xml",
        "claims.json",
        "404.html",
        "robots.txt",
        "style.css",
    ] {
        assert!(out.join(page).is_file(), "missing {page}");
    }
    assert!(
        !out.join("claims/acme-secret-plan").exists(),
        "drafts are not published"
    );
    assert_eq!(
        report.files_written,
        tree(&out).len() - 1,
        "every file but the marker is counted"
    );
    let bytes: usize = tree(&out)
        .iter()
        .filter(|(path, _)| path != claimtrail::write::MARKER)
        .map(|(_, bytes)| bytes.len())
        .sum();
    assert_eq!(report.bytes_written, bytes as u64, "and every byte");
}

#[test]
fn bytes_written_include_static_files() {
    let dir = site(&[]);
    let before = build(&options(dir.path())).unwrap().bytes_written;
    fs::create_dir_all(dir.path().join("static/docs")).unwrap();
    fs::write(dir.path().join("static/docs/report.txt"), vec![b'x'; 4321]).unwrap();
    let after = build(&options(dir.path())).unwrap().bytes_written;
    assert_eq!(after, before + 4321);
}

#[test]
fn claim_page_shows_verdict_sources_history_and_body() {
    let dir = site(&[]);
    build(&options(dir.path())).unwrap();
    let html = read(dir.path(), "public/claims/acme-model-2-cost/index.html");
    assert!(html.contains(">Disputed</span>"), "status badge");
    assert!(
        html.contains("Credible sources conflict."),
        "status description"
    );
    assert!(
        html.contains("<a href=\"/tracker/sources/acme-blog/\">Acme Blog</a>"),
        "claimant link"
    );
    assert!(
        html.contains("In our runs Acme Model 2 cost 35% less per token than Acme Model 1."),
        "quote"
    );
    assert!(html.contains("Our price sheet comparison puts the saving at 20 to 25 percent."));
    assert!(
        html.contains("<strong>35%</strong>"),
        "quantity with its unit"
    );
    assert!(
        html.contains("Reports <strong>22.5%</strong>"),
        "a source's reported value"
    );
    assert!(
        html.contains("An independent price comparison reports a smaller saving."),
        "history note"
    );
    assert!(
        html.contains("<h2 id=\"what-would-settle-it\">"),
        "heading anchor"
    );
    assert!(html.contains("footnote"), "footnotes render");
    assert!(
        html.contains("<strong>published</strong>"),
        "Markdown emphasis"
    );
    assert!(
        html.contains(
            "https://github.com/example/tracker/edit/main/content/claims/acme-model-2-cost.md"
        ),
        "edit link from repo_url"
    );
    assert!(html.contains("\"@type\":\"ClaimReview\""), "JSON-LD");
}

#[test]
fn lists_count_and_order_claims() {
    let dir = site(&[]);
    build(&options(dir.path())).unwrap();
    let home = read(dir.path(), "public/index.html");
    assert!(home.contains("3 claims by current verdict"));
    let newest = home.find("Globex&#39;s model beats Acme Model 2").unwrap();
    let middle = home.find("Acme Model 2 cuts").unwrap();
    let oldest = home.find("Acme Model 1 is available").unwrap();
    assert!(newest < middle && middle < oldest, "newest first");
    let acme = read(dir.path(), "public/entities/acme/index.html");
    assert!(
        acme.contains("Acme Model 2") && acme.contains("Acme Model 1"),
        "children listed"
    );
    let claims: serde_json::Value =
        serde_json::from_str(&read(dir.path(), "public/claims.json")).unwrap();
    assert_eq!(claims["schema_version"], 1);
    assert_eq!(claims["claims"].as_array().unwrap().len(), 3);
    assert_eq!(claims["claims"][1]["id"], "acme-model-2-cost");
    assert_eq!(claims["claims"][1]["claimant"]["name"], "Acme Blog");
    let timeline = read(dir.path(), "public/timeline/index.html");
    assert!(
        timeline.contains("href=\"/tracker/timeline/2026/\"")
            && timeline.contains("href=\"/tracker/timeline/2025/\"")
    );
}

#[test]
fn aliases_redirect_to_the_claim() {
    let dir = site(&[]);
    build(&options(dir.path())).unwrap();
    let html = read(dir.path(), "public/claims/acme-2-cost/index.html");
    assert!(html.contains(
        "<meta http-equiv=\"refresh\" content=\"0; url=/tracker/claims/acme-model-2-cost/\">"
    ));
    assert!(html.contains(
        "<link rel=\"canonical\" href=\"https://example.org/tracker/claims/acme-model-2-cost/\">"
    ));
}

#[test]
fn drafts_are_built_on_request() {
    let dir = site(&[]);
    let report = build(&BuildOptions {
        drafts: true,
        ..options(dir.path())
    })
    .unwrap();
    assert_eq!(report.claims, 4);
    let html = read(dir.path(), "public/claims/acme-secret-plan/index.html");
    assert!(html.contains("(draft)") || html.contains("<em>draft</em>"));
}

#[test]
fn two_builds_are_byte_identical() {
    let first = site(&[]);
    let second = site(&[]);
    build(&options(first.path())).unwrap();
    build(&options(second.path())).unwrap();
    build(&options(second.path())).unwrap();
    assert_eq!(
        tree(&first.path().join("public")),
        tree(&second.path().join("public"))
    );
}

#[cfg(unix)]
#[test]
fn output_permissions_suit_github_pages() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |mode| fs::Permissions::from_mode(mode);
    let dir = site(&[]);
    let private = dir.path().join("static/private");
    fs::create_dir_all(&private).unwrap();
    fs::write(private.join("notes.txt"), "copied with its mode").unwrap();
    fs::set_permissions(private.join("notes.txt"), mode(0o600)).unwrap();
    fs::set_permissions(&private, mode(0o700)).unwrap();
    build(&options(dir.path())).unwrap();
    build(&options(dir.path())).unwrap();
    // The next build writes into the spare tree: modes changed there are fixed too.
    let spare = dir.path().join(".claimtrail-spare-public");
    fs::set_permissions(
        spare.join("claims/acme-model-2-cost/index.html"),
        mode(0o600),
    )
    .unwrap();
    fs::set_permissions(spare.join("claims/acme-model-2-cost"), mode(0o700)).unwrap();
    fs::set_permissions(spare.join(".claimtrail-output"), mode(0o666)).unwrap();
    fs::set_permissions(&spare, mode(0o700)).unwrap();
    build(&options(dir.path())).unwrap();
    let mut checked = 0;
    for entry in walkdir::WalkDir::new(dir.path().join("public")) {
        let entry = entry.unwrap();
        let mode = entry.metadata().unwrap().permissions().mode() & 0o777;
        let expected = if entry.file_type().is_dir() {
            0o755
        } else {
            0o644
        };
        assert_eq!(mode, expected, "{}", entry.path().display());
        assert!(!entry.path_is_symlink());
        checked += 1;
    }
    assert!(checked > 50, "{checked}");
    assert!(dir.path().join("public/private/notes.txt").is_file());
}

#[test]
fn the_example_site_builds_without_errors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let checked = claimtrail::check(root, false).unwrap();
    assert_eq!(
        checked.diagnostics.error_count(),
        0,
        "{}",
        checked.diagnostics.render(claimtrail::Format::Human)
    );
    let site = checked.site.unwrap();
    assert_eq!(site.claims.len(), 24, "the seed article's checkable claims");
    assert!(site.claims.iter().all(|c| c.status == "unverified"));
    // One article, entered once: every claim was made in it, and nothing
    // else has been recorded, so no claim shows the article as evidence.
    assert_eq!(
        site.documents.keys().collect::<Vec<_>>(),
        ["tempmail-ninja-gpt-5-5-code-red"]
    );
    for claim in &site.claims {
        assert!(claim.citations.is_empty(), "{}: evidence", claim.id);
        let documents: Vec<_> = claim
            .appearances
            .iter()
            .map(|a| a.document.as_deref())
            .collect();
        assert_eq!(
            documents,
            [Some("tempmail-ninja-gpt-5-5-code-red")],
            "{}",
            claim.id
        );
        assert!(claim.appearances[0].quote.is_some(), "{}: quote", claim.id);
    }
    let out = tempfile::tempdir().unwrap();
    let report = build(&BuildOptions {
        output: Some(out.path().join("public")),
        ..common::options(root)
    })
    .unwrap();
    assert_eq!(report.claims, site.claims.len());
}

#[test]
fn site_toml_can_relabel_and_add_statuses() {
    let dir = site(&["statuses"]);
    build(&options(dir.path())).unwrap();
    let disputed = read(dir.path(), "public/claims/acme-model-2-cost/index.html");
    assert!(
        disputed.contains("style=\"--status: #9a3412; --status-text: #ffffff\">Contested</span>"),
        "relabelled and recoloured"
    );
    let added = read(dir.path(), "public/status/misleading/index.html");
    assert!(added.contains("Technically true but presented to mislead."));
}
