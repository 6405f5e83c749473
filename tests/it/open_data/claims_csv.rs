//! `/claims.csv`, read back with the `csv` crate and Python's reader: the
//! claims, with no cell that a spreadsheet would start as a formula.

use super::*;

#[test]
fn claims_csv_reads_back_as_the_claims_with_formulas_neutralised() {
    let dir = build_site(&["publishing"], None);
    let bytes = read(dir.path(), "public/claims.csv");
    assert!(bytes.ends_with("\r\n"), "RFC 4180 line ends");
    let (header, rows) = crate::common::csv_table(&bytes);
    assert_eq!(header[..4], ["id", "url", "title", "date"]);
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
        let appearance_urls: Vec<&str> = list(claim, "appearances")
            .iter()
            .filter_map(|a| a["url"].as_str().or(a["archive"].as_str()))
            .collect();
        assert_eq!(row["appearance_urls"], appearance_urls.join(" "));
    }
    assert_eq!(
        header.last().unwrap(),
        "appearance_urls",
        "added at the end"
    );
    let cost = rows
        .iter()
        .find(|r| r["id"] == "acme-model-2-cost")
        .unwrap();
    assert_eq!(
        cost["appearance_urls"], "https://example.org/acme-model-2-launch",
        "where the claim was made, apart from the evidence's URLs"
    );
    assert!(!cost["citation_urls"].contains("acme-model-2-launch"));
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
