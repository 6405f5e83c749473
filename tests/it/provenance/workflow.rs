//! The shipped workflows fetch the whole history, so provenance is not skipped.

use std::path::Path;

use serde_yaml_ng::Value;

/// `fetch-depth` of the checkout step of `job` in the workflow `text`.
fn fetch_depth(text: &str, job: &str) -> Value {
    let workflow: Value = serde_yaml_ng::from_str(text).unwrap();
    let steps = workflow["jobs"][job]["steps"].as_sequence().unwrap();
    let checkout = steps
        .iter()
        .find(|step| {
            step["uses"]
                .as_str()
                .is_some_and(|uses| uses.starts_with("actions/checkout@"))
        })
        .unwrap();
    checkout["with"]["fetch-depth"].clone()
}

#[test]
fn the_repository_and_starter_workflows_check_and_build_with_full_history() {
    let repo = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(".github/workflows/pages.yml"),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let today = time::Date::from_calendar_date(2026, time::Month::May, 3).unwrap();
    claimtrail::init::init(dir.path(), false, today).unwrap();
    let starter = std::fs::read_to_string(dir.path().join(".github/workflows/pages.yml")).unwrap();
    for text in [&repo, &starter] {
        for job in ["check", "build"] {
            assert_eq!(fetch_depth(text, job), Value::from(0), "{job}");
        }
    }
}
