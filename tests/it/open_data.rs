//! Open data: `/claims.json`, `/claims.csv` (read back with the `csv` crate),
//! `/sources.json` and `/entities.json`, checked against the content.

use crate::common::{self, data};

use std::collections::BTreeMap;

use claimtrail::render::neutralise_formula;
use common::{build_site, read};
use serde_json::{Value, json};

fn list<'a>(value: &'a Value, key: &str) -> &'a Vec<Value> {
    value[key].as_array().unwrap()
}

fn ids(values: &Value) -> Vec<&str> {
    values
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect()
}

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
        json!({ "label": "Per-token inference cost reduction vs Acme Model 1", "value": 35.0, "unit": "%" })
    );
    assert_eq!(claim["citations"][1]["source"]["name"], "Example Press");
    assert_eq!(claim["citations"][1]["stance"], "contradicts");
    assert_eq!(claim["citations"][1]["value"], 22.5);
    assert_eq!(claim["citations"][0]["title"], "Introducing Acme Model 2");
    assert_eq!(
        claim["history"][1],
        json!({ "date": "2026-06-02", "status": "disputed", "status_label": "Disputed", "note": "An independent price comparison reports a smaller saving." })
    );
    assert_eq!(claim["last_updated"], "2026-06-02");
    assert_eq!(claim["aliases"], json!(["acme-2-cost"]));
}

#[test]
fn claims_csv_reads_back_as_the_claims_with_formulas_neutralised() {
    let dir = build_site(&["publishing"], None);
    let bytes = read(dir.path(), "public/claims.csv");
    assert!(bytes.ends_with("\r\n"), "RFC 4180 line ends");
    let mut reader = csv::Reader::from_reader(bytes.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header[..4], ["id", "url", "title", "date"]);
    let rows: Vec<BTreeMap<String, String>> = reader
        .records()
        .map(|record| {
            header
                .iter()
                .cloned()
                .zip(record.unwrap().iter().map(str::to_string))
                .collect()
        })
        .collect();
    let document = data(dir.path(), "claims.json");
    let claims = list(&document, "claims");
    assert_eq!(rows.len(), claims.len(), "one row per claim");
    for (row, claim) in rows.iter().zip(claims) {
        let text = |value: &Value| neutralise_formula(value.as_str().unwrap_or_default());
        assert_eq!(row["id"], claim["id"].as_str().unwrap());
        assert_eq!(row["url"], claim["url"].as_str().unwrap());
        assert_eq!(row["title"], text(&claim["title"]));
        assert_eq!(row["date"], claim["date"].as_str().unwrap());
        assert_eq!(row["status"], claim["status"]["id"].as_str().unwrap());
        assert_eq!(row["status_label"], text(&claim["status"]["label"]));
        assert_eq!(row["claimant"], claim["claimant"]["id"].as_str().unwrap());
        assert_eq!(row["claimant_name"], text(&claim["claimant"]["name"]));
        let entities: Vec<&str> = list(claim, "entities")
            .iter()
            .map(|e| e["id"].as_str().unwrap())
            .collect();
        assert_eq!(row["entities"], entities.join(" "));
        assert_eq!(row["summary"], text(&claim["summary"]));
        assert_eq!(row["quantity_label"], text(&claim["quantity"]["label"]));
        let value = claim["quantity"]["value"]
            .as_f64()
            .map(|v| v.to_string())
            .unwrap_or_default();
        assert_eq!(row["quantity_value"], value);
        assert_eq!(row["citations"], list(claim, "citations").len().to_string());
        let supporting = list(claim, "citations")
            .iter()
            .filter(|c| c["stance"] == "supports")
            .count();
        assert_eq!(row["supporting"], supporting.to_string());
        assert_eq!(row["last_updated"], claim["last_updated"].as_str().unwrap());
    }
    let formula = &rows[0];
    assert_eq!(
        formula["title"], "'=HYPERLINK(\"https://evil.example/\",\"Acme <b>wins</b>\") & more",
        "quotes and commas survive quoting; the formula cannot run"
    );
    assert!(
        formula["summary"].starts_with("'@SUM(1+1), \"quoted\"\nand a second line"),
        "multi-line cell"
    );
    assert_eq!(formula["quantity_label"], "'+5 points of something");
    assert_eq!(formula["quantity_unit"], "'-pts");
    assert_eq!(
        formula["quantity_value"], "-5",
        "numbers are not text and stay numbers"
    );
    assert_eq!(formula["tags"], "spreadsheet-safety");
    for row in &rows {
        for (column, cell) in row {
            let risky = cell.starts_with(['=', '+', '@', '\t', '\r'])
                || (cell.starts_with('-') && cell.parse::<f64>().is_err());
            assert!(!risky, "{column} = {cell:?} could run as a formula");
        }
    }
}

/// Reads `csv_file` with Python's `csv` module once per delimiter and returns,
/// for each, every cell and the cells that start a formula (numbers aside);
/// `None`, with a note, when there is no `python3` to run.
fn python_csv_cells(csv_file: &std::path::Path) -> Option<Value> {
    const SCRIPT: &str = r#"
import csv, json, sys
result = {}
for delimiter in [",", ";", "\t"]:
    with open(sys.argv[1], newline="", encoding="utf-8") as f:
        cells = [cell for row in csv.reader(f, delimiter=delimiter) for cell in row]
    def formula(cell):
        if cell[:1] not in ("=", "+", "-", "@", "\t", "\r"):
            return False
        try:
            float(cell)
            return False
        except ValueError:
            return True
    result[delimiter] = {"cells": cells, "formulas": [c for c in cells if formula(c)]}
print(json.dumps(result))
"#;
    let output = match std::process::Command::new("python3")
        .arg("-c")
        .arg(SCRIPT)
        .arg(csv_file)
        .output()
    {
        Ok(output) => output,
        Err(error) => {
            eprintln!("note: python3 cannot run ({error}); skipping the spreadsheet-reader check");
            return None;
        }
    };
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(serde_json::from_slice(&output.stdout).unwrap())
}

#[test]
fn claims_csv_starts_no_formula_for_a_comma_semicolon_or_tab_reader() {
    let dir = build_site(&["csv-delimiters"], None);
    let csv_file = dir.path().join("public/claims.csv");
    let Some(readers) = python_csv_cells(&csv_file) else {
        return;
    };
    for delimiter in [",", ";", "\t"] {
        let reader = &readers[delimiter];
        assert_eq!(
            reader["formulas"],
            json!([]),
            "cells a {delimiter:?} reader would run"
        );
        assert!(
            list(reader, "cells").len() > 5,
            "{delimiter:?} read the file"
        );
    }
    let cells = |delimiter: &str| -> Vec<String> {
        list(&readers[delimiter], "cells")
            .iter()
            .map(|cell| cell.as_str().unwrap().to_string())
            .collect()
    };
    let comma = cells(",");
    for expected in [
        "Acme;'=1+1;'@SUM(2+2)",
        "Disputed;'@SUM(1+1)",
        "Lab;'-2+3\t'+4",
        "Tab\t'=1+1\tthen a line\n'@SUM(3+3) and a quote;'\"=2+2\" and a comma,'-3+3",
        "Share;'+1",
        "pts\t'=1",
        "https://example.org/lab/a;'=1+1",
        "-5",
    ] {
        assert!(
            comma.iter().any(|cell| cell == expected),
            "a comma reader gets the text back, a quote before each formula: {expected:?}"
        );
    }
    assert!(
        cells(";").iter().any(|cell| cell.starts_with("'=1+1")),
        "a semicolon reader splits the title where the formula was"
    );
    assert!(
        cells("\t").iter().any(|cell| cell.starts_with("'=1+1")),
        "a tab reader splits the summary where the formula was"
    );
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

/// The names of the fields of the one BibTeX entry in `bibtex`, checking as
/// BibTeX counts braces (every brace, escaped or not) that the entry opens
/// once, never closes early and ends at its last character.
fn bibtex_field_names(bibtex: &str) -> Vec<String> {
    let entry = bibtex
        .strip_prefix("@misc{")
        .unwrap_or_else(|| panic!("starts one entry: {bibtex}"));
    let mut depth = 1;
    let mut fields = vec![String::new()];
    for (at, c) in entry.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            '@' => assert!(depth > 1, "an `@` outside a field at {at}: {bibtex}"),
            ',' if depth == 1 => {
                fields.push(String::new());
                continue;
            }
            _ => {}
        }
        if depth == 0 {
            assert_eq!(at, entry.len() - 1, "the entry closes early: {bibtex}");
        }
        if let Some(field) = fields.last_mut() {
            field.push(c);
        }
    }
    assert_eq!(depth, 0, "the entry is closed: {bibtex}");
    fields
        .iter()
        .skip(1) // the citation key
        .map(|field| {
            field
                .split('=')
                .next()
                .unwrap_or_default()
                .trim()
                .to_string()
        })
        .collect()
}

#[test]
fn bibtex_fields_hold_titles_that_try_to_close_them() {
    let dir = build_site(&["bibtex-breakout"], None);
    let page = common::page(dir.path(), "claims/brace-title/index.html");
    let selector = scraper::Selector::parse("details pre code").unwrap();
    let bibtex: String = page
        .select(&selector)
        .find(|code| code.text().any(|text| text.starts_with("@misc")))
        .unwrap()
        .text()
        .collect();
    assert_eq!(
        bibtex_field_names(&bibtex),
        ["title", "author", "year", "date", "url", "note"]
    );
    assert!(
        bibtex.contains("  title = {Acme {\\textbackslash}{\\textbraceright} wins{\\textbraceright}, note = {\\textbraceleft}forged{\\textbraceright}{\\textbraceright} {@}misc"),
        "the title is kept, its braces spelt out: {bibtex}"
    );
    assert!(
        bibtex.contains("  url = {https://example.org/tracker%7D/claims/brace-title/},"),
        "{bibtex}"
    );
    assert_eq!(bibtex.lines().count(), 8, "one line per field: {bibtex}");
}
