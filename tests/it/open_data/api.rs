//! The static per-item API: one JSON file beside each claim, document,
//! source and entity page, linked from the page, and its golden copy.

use std::path::Path;

use serde_json::Value;

use super::*;
use crate::common::html::attrs;

/// The pinned API file of `acme-model-2-cost` of the base fixture, with
/// `claimtrail <version>` as `claimtrail VERSION`. Rewritten by running the
/// test with `CLAIMTRAIL_BLESS=1`.
const GOLDEN: &str = "tests/golden/claims-acme-model-2-cost-index.json";

#[test]
fn one_claims_api_file_is_pinned() {
    let dir = build_site(&[], None);
    let built = read(dir.path(), "public/claims/acme-model-2-cost/index.json").replace(
        &format!("\"claimtrail {}\"", env!("CARGO_PKG_VERSION")),
        "\"claimtrail VERSION\"",
    );
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join(GOLDEN);
    if std::env::var_os("CLAIMTRAIL_BLESS").is_some() {
        std::fs::write(&golden, &built).unwrap();
    }
    assert_eq!(built, std::fs::read_to_string(golden).unwrap());
}

#[test]
fn each_item_file_holds_what_the_whole_site_file_holds_of_it() {
    let dir = build_site(&["documents"], None);
    for (list, key, folder) in [
        ("claims.json", "claim", "claims"),
        ("documents.json", "document", "documents"),
        ("sources.json", "source", "sources"),
        ("entities.json", "entity", "entities"),
    ] {
        let whole = data(dir.path(), list);
        let items = whole[folder].as_array().unwrap();
        assert!(!items.is_empty(), "{list}");
        for item in items {
            let id = item["id"].as_str().unwrap();
            let file = data(dir.path(), &format!("{folder}/{id}/index.json"));
            assert_eq!(&file[key], item, "{folder}/{id}/index.json");
            assert_eq!(
                file["$schema"],
                format!("https://example.org/tracker/schema/{key}.schema.json")
            );
            assert_eq!(file["statuses"], whole["statuses"]);
            assert_eq!(file["changes"], Value::Null, "no git history here");
            let page = common::page(dir.path(), &format!("{folder}/{id}/index.html"));
            assert_eq!(
                attrs(
                    &page,
                    r#"link[rel="alternate"][type="application/json"]"#,
                    "href"
                ),
                [format!("/tracker/{folder}/{id}/index.json")],
                "{folder}/{id}/"
            );
        }
    }
}

#[test]
fn a_claims_api_file_has_its_body() {
    let dir = build_site(&[], None);
    let file = data(dir.path(), "claims/acme-model-2-cost/index.json");
    let body = file["body"].as_str().unwrap();
    assert!(!body.is_empty());
    let source = read(dir.path(), "content/claims/acme-model-2-cost.md");
    assert!(source.contains(body), "the body as written");
}

#[test]
fn item_api_false_leaves_out_the_item_files_badges_and_their_links() {
    let dir = common::site(&[]);
    let toml = std::fs::read_to_string(dir.path().join("site.toml")).unwrap();
    std::fs::write(
        dir.path().join("site.toml"),
        toml.replacen(
            "language = \"en\"",
            "language = \"en\"\nitem_api = false",
            1,
        ),
    )
    .unwrap();
    claimtrail::build(&claimtrail::BuildOptions {
        search: false,
        ..common::options(dir.path())
    })
    .unwrap();
    let files = common::tree(&dir.path().join("public"));
    let extra: Vec<&String> = files
        .iter()
        .map(|(path, _)| path)
        .filter(|path| path.ends_with("/index.json") || path.ends_with("/badge.svg"))
        .collect();
    assert!(extra.is_empty(), "{extra:?}");
    assert!(files.iter().any(|(path, _)| path == "claims.json"));
    let page = common::page(dir.path(), "claims/acme-model-2-cost/index.html");
    assert!(attrs(&page, r#"link[type="application/json"]"#, "href").is_empty());
    assert!(common::html::select(&page, "textarea.embed-snippet").is_empty());
}
