//! claims.json and documents.json carry `archived` and `quote_check`.

use serde_json::{Value, json};

use super::built;
use crate::common::data;

/// The appearance or citation of the fixture's claim in `list` citing `url`.
fn entry<'a>(claims: &'a Value, list: &str, url: &str) -> &'a Value {
    claims["claims"][0][list]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["url"] == url)
        .unwrap_or_else(|| panic!("no {list} entry for {url}"))
}

#[test]
fn claims_json_entries_carry_their_capture_and_quote_check() {
    let dir = built();
    let claims = data(dir.path(), "claims.json");
    let keynote = entry(&claims, "appearances", "https://example.org/gizmo/keynote");
    assert_eq!(
        keynote["archived"],
        json!({
            "url": "https://archive.example.org/web/20260512000000/https://example.org/gizmo/keynote",
            "date": "2026-05-12"
        })
    );
    assert_eq!(
        keynote["quote_check"],
        json!({"state": "found", "checked": "2026-12-05", "similarity": null, "nearest": null})
    );
    let review = entry(
        &claims,
        "citations",
        "https://example.org/bench/gizmo-4-review",
    );
    assert_eq!(
        review["quote_check"],
        json!({
            "state": "not-found",
            "checked": "2026-12-05",
            "similarity": 0.72,
            "nearest": "It guessed the rest of our questions correctly about a third of the time."
        })
    );
    let first_look = entry(
        &claims,
        "citations",
        "https://example.org/bench/gizmo-4-first-look",
    );
    assert_eq!(
        first_look["quote_check"],
        Value::Null,
        "the quote changed since"
    );
    assert_eq!(first_look["archived"]["date"], "2026-05-04");
    let podcast = entry(
        &claims,
        "citations",
        "https://example.org/bench/gizmo-4-podcast",
    );
    assert_eq!(
        (&podcast["archived"], &podcast["quote_check"]),
        (&Value::Null, &Value::Null),
        "never checked: present and null"
    );
}

#[test]
fn the_data_keeps_the_hand_written_archive_and_the_lock_capture_apart() {
    let dir = built();
    let claims = data(dir.path(), "claims.json");
    let launch = entry(
        &claims,
        "appearances",
        "https://example.org/gizmo/introducing-gizmo-4",
    );
    assert_eq!(
        launch["archive"],
        "https://example.org/archive/introducing-gizmo-4"
    );
    assert_eq!(
        launch["archived"]["url"],
        "https://archive.example.org/web/20260502000000/https://example.org/gizmo/introducing-gizmo-4"
    );
    assert_eq!(launch["quote_check"]["state"], "found");
    let documents = data(dir.path(), "documents.json");
    let document = |id: &str| -> Value {
        let list = documents["documents"].as_array().unwrap();
        list.iter().find(|d| d["id"] == id).unwrap().clone()
    };
    let launch = document("gizmo-4-launch");
    assert_eq!(
        launch["archive"],
        "https://example.org/archive/introducing-gizmo-4"
    );
    assert_eq!(launch["archived"]["date"], "2026-05-02");
    assert_eq!(
        document("open-meter-report")["archived"],
        json!({
            "url": "https://archive.example.org/web/20260511000000/https://example.org/open-meter/gizmo-4-report",
            "date": "2026-05-11"
        })
    );
}
