//! The data files, sitemap and search index know documents and tell
//! appearances from evidence.

use serde_json::json;

use super::built;
use crate::common::{data, read};
use crate::search::fragment;

#[test]
fn documents_json_lists_each_document_with_its_claims() {
    let dir = built();
    let documents = data(dir.path(), "documents.json");
    assert_eq!(documents["schema_version"], 1);
    let ids: Vec<&str> = documents["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["open-lab-speed-report", "widget-3-launch"]);
    let launch = &documents["documents"][1];
    assert_eq!(
        *launch,
        json!({
            "id": "widget-3-launch",
            "title": "Introducing Widget 3",
            "kind": "article",
            "url": "https://example.org/evidence/documents/widget-3-launch/",
            "link": "https://example.org/widgetco/introducing-widget-3",
            "archive": "https://example.org/archive/introducing-widget-3",
            "archived": null,
            "date": "2026-03-01",
            "source": {
                "id": "widgetco-blog",
                "name": "WidgetCo Blog",
                "url": "https://example.org/evidence/sources/widgetco-blog/"
            },
            "description": "WidgetCo's launch post for its third model.",
            "claims": ["widget-3-never-wrong", "widget-3-runs-offline", "widget-3-twice-as-fast"],
            "cited_in": ["widget-3-cheaper-than-widget-2"],
            "scorecard": {
                "disputed": 1, "outdated": 0, "refuted": 1, "retracted": 0,
                "supported": 1, "unverified": 0
            }
        })
    );
}

#[test]
fn claims_json_separates_appearances_from_evidence() {
    let dir = built();
    let claims = data(dir.path(), "claims.json");
    let claim = |id: &str| {
        let all = claims["claims"].as_array().unwrap();
        all.iter().find(|c| c["id"] == id).unwrap().clone()
    };
    let memory = claim("widget-3-remembers-everything");
    assert_eq!(
        memory["citations"],
        json!([]),
        "an appearance is not evidence"
    );
    assert_eq!(
        memory["appearances"],
        json!([{
            "document": null,
            "source": {
                "id": "widgetco-blog",
                "name": "WidgetCo Blog",
                "url": "https://example.org/evidence/sources/widgetco-blog/"
            },
            "url": "https://example.org/widgetco/memory",
            "archive": null,
            "title": "Widget 3 and memory",
            "date": "2026-03-15",
            "quote": "Widget 3 remembers every conversation you have with it.",
            "archived": null,
            "quote_check": null
        }])
    );
    let fast = claim("widget-3-twice-as-fast");
    assert_eq!(fast["appearances"][1]["document"], "widget-3-launch");
    assert_eq!(fast["appearances"][1]["title"], "Introducing Widget 3");
    assert_eq!(fast["appearances"][1]["date"], "2026-03-01");
    let citations = fast["citations"].as_array().unwrap();
    assert_eq!(citations.len(), 2);
    assert_eq!(citations[0]["document"], json!(null));
    assert_eq!(citations[1]["document"], "open-lab-speed-report");
    assert_eq!(citations[1]["source"]["id"], "open-lab");
    assert_eq!(citations[1]["stance"], "contradicts");
}

#[test]
fn the_sitemap_and_the_search_index_hold_the_documents() {
    let dir = built();
    let sitemap = read(dir.path(), "public/sitemap.xml");
    for loc in [
        "https://example.org/evidence/documents/",
        "https://example.org/evidence/documents/widget-3-launch/",
        "https://example.org/evidence/documents/open-lab-speed-report/",
    ] {
        assert!(sitemap.contains(&format!("<loc>{loc}</loc>")), "{loc}");
    }
    let public = dir.path().join("public");
    let record = fragment(&public, "/documents/widget-3-launch/");
    assert_eq!(record["meta"]["title"], "Introducing Widget 3");
    assert_eq!(record["meta"]["kind"], "Document");
    assert_eq!(record["filters"]["kind"], json!(["Document"]));
    let claim = fragment(&public, "/claims/widget-3-remembers-everything/");
    let content = claim["content"].as_str().unwrap();
    assert!(
        content.contains("Widget 3 remembers every conversation you have with it."),
        "the claimant's words are searchable: {content}"
    );
}
