//! One invalid fixture per contributor mistake, each pinning its exact diagnostic and location.
//!
//! Each case lays `tests/fixtures/invalid/<case>/` over the clean base fixture,
//! so the expected list is every diagnostic the check reports, not a subset.

use crate::common::{self, error, warning};

use common::{check_flat, site};

/// The hint of each diagnostic of the site at `root`, in order ("" for none).
fn hints(root: &std::path::Path) -> Vec<String> {
    common::check_json(root)
        .iter()
        .map(|d| d["hint"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn assert_case(case: &str, expected: &[common::Flat]) {
    let dir = site(&[&format!("invalid/{case}")]);
    assert_eq!(check_flat(dir.path()), expected, "case {case}");
}

mod fields;
mod files;
mod ids;
mod invisible;
mod site_toml;
mod syntax_recovery;
