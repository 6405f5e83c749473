//! `/claims.json`, `/sources.json` and `/entities.json`: their common header,
//! each claim resolved, each source's track record, entities' links.

use super::*;

#[test]
fn every_data_file_carries_the_schema_version_generator_site_and_statuses() {
    let dir = build_site(&["publishing"], None);
    for file in ["claims.json", "sources.json", "entities.json"] {
        let document = data(dir.path(), file);
        assert_eq!(document["schema_version"], 1, "{file}");
        assert_eq!(
            document["generator"],
            format!("claimtrail {}", env!("CARGO_PKG_VERSION"))
        );
        assert_eq!(document["site"]["url"], "https://claims.example.org/");
        assert_eq!(
            document["site"]["publisher"],
            json!({ "name": "Fixture Fact Desk", "url": "https://example.org/desk/", "kind": "organization" })
        );
        let statuses = list(&document, "statuses");
        let disputed = statuses.iter().find(|s| s["id"] == "disputed").unwrap();
        assert_eq!(disputed["rating"], 2);
        let unverified = statuses.iter().find(|s| s["id"] == "unverified").unwrap();
        assert_eq!(unverified["rating"], Value::Null);
    }
}

#[test]
fn claims_json_resolves_each_claim() {
    let dir = build_site(&[], None);
    let document = data(dir.path(), "claims.json");
    let claims = list(&document, "claims");
    assert_eq!(
        claims
            .iter()
            .map(|c| c["id"].as_str().unwrap())
            .collect::<Vec<_>>(),
        [
            "globex-beats-acme",
            "acme-model-2-cost",
            "acme-model-1-launch"
        ],
        "published claims, newest first, no draft"
    );
    let claim = &claims[1];
    assert_eq!(
        claim["url"],
        "https://example.org/tracker/claims/acme-model-2-cost/"
    );
    assert_eq!(claim["date"], "2026-04-23");
    assert_eq!(
        claim["status"],
        json!({ "id": "disputed", "label": "Disputed", "rating": 3 })
    );
    assert_eq!(
        claim["claimant"],
        json!({ "id": "acme-blog", "name": "Acme Blog", "url": "https://example.org/tracker/sources/acme-blog/" })
    );
    assert_eq!(claim["entities"][1]["name"], "Acme Model 2");
    assert_eq!(claim["tags"], json!(["inference-cost", "efficiency"]));
    assert_eq!(
        claim["summary"],
        "Acme says its new model is 35% cheaper per token."
    );
    assert_eq!(
        claim["quantity"],
        json!({ "label": "Per-token inference cost reduction vs Acme Model 1", "value": 35.0, "qualifier": "exact", "min": null, "max": null, "display": "35%", "unit": "%" })
    );
    assert_eq!(claim["citations"][1]["source"]["name"], "Example Press");
    assert_eq!(claim["citations"][1]["stance"], "contradicts");
    assert_eq!(claim["citations"][1]["value"], 22.5);
    assert_eq!(claim["citations"][1]["display"], "22.5%");
    // The claimant's own post is an appearance: the citations are evidence only.
    assert_eq!(claim["citations"].as_array().unwrap().len(), 2);
    assert_eq!(claim["citations"][0]["source"]["name"], "Indie Lab");
    assert_eq!(
        claim["history"][1],
        json!({ "date": "2026-06-02", "status": "disputed", "status_label": "Disputed", "note": "An independent price comparison reports a smaller saving." })
    );
    assert_eq!(claim["last_updated"], "2026-06-02");
    assert_eq!(claim["aliases"], json!(["acme-2-cost"]));
}

#[test]
fn sources_json_gives_each_source_its_track_record() {
    let dir = build_site(&["publishing"], None);
    let claims = data(dir.path(), "claims.json");
    let document = data(dir.path(), "sources.json");
    let sources = list(&document, "sources");
    assert_eq!(sources.len(), 4);
    for source in sources {
        let id = source["id"].as_str().unwrap();
        let originated: Vec<&str> = list(&claims, "claims")
            .iter()
            .filter(|c| c["claimant"]["id"] == id)
            .map(|c| c["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids(&source["originated"]), originated, "{id}");
        let record: u64 = source["track_record"]
            .as_object()
            .unwrap()
            .values()
            .map(|n| n.as_u64().unwrap())
            .sum();
        assert_eq!(
            record as usize,
            originated.len(),
            "{id}: every originated claim counted once"
        );
        let cited = list(&claims, "claims")
            .iter()
            .flat_map(|c| list(c, "citations"))
            .filter(|c| c["source"]["id"] == id)
            .count();
        assert_eq!(source["citation_count"], cited, "{id}");
    }
    let acme = sources.iter().find(|s| s["id"] == "acme-blog").unwrap();
    assert_eq!(acme["track_record"]["disputed"], 1);
    assert_eq!(acme["track_record"]["supported"], 1);
    assert_eq!(acme["kind"], "official");
    assert_eq!(acme["homepage"], "https://example.org/acme/");
    assert_eq!(acme["entity"]["id"], "acme");
    assert_eq!(acme["description"], "Acme's own blog.");
    assert_eq!(acme["url"], "https://claims.example.org/sources/acme-blog/");
}

#[test]
fn entities_json_links_parents_children_and_claims() {
    let dir = build_site(&[], None);
    let document = data(dir.path(), "entities.json");
    let entities = list(&document, "entities");
    let entity = |id: &str| entities.iter().find(|e| e["id"] == id).unwrap();
    assert_eq!(
        ids(&entity("acme")["children"]),
        ["acme-model-1", "acme-model-2"]
    );
    assert_eq!(entity("acme-model-2")["parent"]["id"], "acme");
    assert_eq!(entity("acme-model-2")["aliases"], json!(["Roadrunner"]));
    assert_eq!(
        ids(&entity("acme-model-2")["claims"]),
        ["globex-beats-acme", "acme-model-2-cost"]
    );
    assert_eq!(entity("acme")["kind"], "organization");
    assert_eq!(entity("acme")["description"], "A fictional AI company.");
    assert_eq!(entity("globex")["parent"], Value::Null);
}
