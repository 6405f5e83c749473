//! Open data: `/claims.json`, `/claims.csv` (read back with the `csv` crate),
//! `/sources.json` and `/entities.json`, checked against the content.

use crate::common::{self, data};

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

mod api;
mod badges;
mod bibtex;
mod claims_csv;
mod datafeed;
mod json;
mod schemas;
