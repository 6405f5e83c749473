//! Amounts in claims.json (JSON numbers at full precision, qualifier, range
//! ends, display text) and claims.csv (appended columns, shortest numbers).

use serde_json::{Value, json};

use super::built;
use crate::common::{csv_table, data, read};

fn claim<'a>(claims: &'a Value, id: &str) -> &'a Value {
    claims["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no claim {id}"))
}

fn quantity(value: Value, qualifier: &str, range: Option<(f64, f64)>, display: &str) -> Value {
    json!({
        "value": value,
        "qualifier": qualifier,
        "min": range.map(|r| r.0),
        "max": range.map(|r| r.1),
        "display": display,
    })
}

#[test]
fn claims_json_keeps_full_precision_and_states_the_qualifier() {
    let dir = built();
    let claims = data(dir.path(), "claims.json");
    let cases = [
        ("exact", quantity(json!(35.0), "exact", None, "35%")),
        (
            "over",
            quantity(json!(100000.0), "over", None, "over 100,000 GB200 chips"),
        ),
        (
            "nearly",
            quantity(json!(2.0), "nearly", None, "nearly 2 petabytes"),
        ),
        (
            "at-least",
            quantity(json!(10.0), "at-least", None, "at least 10x"),
        ),
        (
            "range",
            quantity(Value::Null, "exact", Some((20.0, 25.0)), "20 to 25%"),
        ),
        (
            "about-range",
            quantity(Value::Null, "about", Some((20.0, 25.0)), "about 20 to 25%"),
        ),
        (
            "tiny-price",
            quantity(json!(0.0004), "exact", None, "0.0004 USD per token"),
        ),
        (
            "huge-compute",
            quantity(json!(2e25), "exact", None, "2 × 10²⁵ FLOP"),
        ),
        (
            "negative",
            quantity(json!(-3.5), "exact", None, "−3.5 points"),
        ),
    ];
    for (id, expected) in cases {
        let q = &claim(&claims, id)["quantity"];
        for key in ["value", "qualifier", "min", "max", "display"] {
            assert_eq!(q[key], expected[key], "{id}: {key}");
        }
        assert_eq!(q["label"], "The measured quantity");
    }
    let text = read(dir.path(), "public/claims.json");
    assert!(text.contains("\"value\": 0.0004"), "not rounded");
    assert!(
        !text.contains("20000000000000000000000000"),
        "2e25 is no 26-digit number"
    );
    let log = claim(&claims, "log-plot");
    let reported: Vec<Value> = log["citations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| json!([c["value"], c["qualifier"], c["min"], c["max"], c["display"]]))
        .collect();
    assert_eq!(
        reported,
        [
            json!([null, "exact", 2e12, 5e12, "2 trillion to 5 trillion tokens"]),
            json!([9e10, "about", null, null, "about 90 billion tokens"]),
        ]
    );
    let silent = &claim(&claims, "exact")["citations"][0];
    for key in ["value", "qualifier", "min", "max", "display"] {
        assert_eq!(
            silent[key],
            Value::Null,
            "a citation reporting no value: {key}"
        );
    }
}

#[test]
fn claims_csv_appends_qualifier_range_and_display_and_writes_shortest_numbers() {
    let dir = built();
    let text = read(dir.path(), "public/claims.csv");
    let (header, rows) = csv_table(&text);
    assert_eq!(
        header[19..23],
        [
            "quantity_qualifier",
            "quantity_min",
            "quantity_max",
            "quantity_display"
        ],
        "new columns come last, so earlier positions stay"
    );
    assert_eq!(header[12], "quantity_value");
    let cells = |id: &str| {
        let row = rows.iter().find(|row| row["id"] == id).unwrap();
        [
            "quantity_value",
            "quantity_qualifier",
            "quantity_min",
            "quantity_max",
            "quantity_display",
        ]
        .map(|column| row[column].clone())
    };
    let expected = [
        ("exact", ["35", "exact", "", "", "35%"]),
        (
            "over",
            ["100000", "over", "", "", "over 100,000 GB200 chips"],
        ),
        ("about-range", ["", "about", "20", "25", "about 20 to 25%"]),
        (
            "tiny-price",
            ["0.0004", "exact", "", "", "0.0004 USD per token"],
        ),
        ("huge-compute", ["2e25", "exact", "", "", "2 × 10²⁵ FLOP"]),
        ("negative", ["-3.5", "exact", "", "", "−3.5 points"]),
        (
            "log-plot",
            ["15000000000000", "over", "", "", "over 15 trillion tokens"],
        ),
    ];
    for (id, row) in expected {
        assert_eq!(
            cells(id),
            row,
            "{id}: numbers below 10¹⁵ in plain digits, above as `2e25`"
        );
    }
}
