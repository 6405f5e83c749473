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

/// The repository's workflow and the one `init` writes.
fn both_workflows() -> [String; 2] {
    let repo = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(".github/workflows/pages.yml"),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let today = time::Date::from_calendar_date(2026, time::Month::May, 3).unwrap();
    claimtrail::init::init(dir.path(), false, today).unwrap();
    let starter = std::fs::read_to_string(dir.path().join(".github/workflows/pages.yml")).unwrap();
    [repo, starter]
}

#[test]
fn the_repository_and_starter_workflows_check_and_build_with_full_history() {
    for text in &both_workflows() {
        for job in ["check", "build"] {
            assert_eq!(fetch_depth(text, job), Value::from(0), "{job}");
        }
    }
}

#[test]
fn a_pull_request_whose_check_fails_still_gets_its_site_preview() {
    let after_a_failure = [
        "Check the content",
        "Keep the git history claimtrail read, for the next build",
        "Build the site",
        "Upload the site for reviewers",
    ];
    for text in &both_workflows() {
        let workflow: Value = serde_yaml_ng::from_str(text).unwrap();
        let steps = workflow["jobs"]["check"]["steps"].as_sequence().unwrap();
        let named = |name: &str| {
            let step = steps.iter().find(|step| step["name"] == name);
            step.unwrap_or_else(|| panic!("no step {name:?}"))
        };
        for name in after_a_failure {
            assert_eq!(named(name)["if"], "${{ !cancelled() }}", "{name}");
        }
        assert!(
            steps
                .iter()
                .all(|step| step.get("continue-on-error").is_none()),
            "a failed check or summary still fails the job"
        );
        let check = named("Check the content")["run"].as_str().unwrap();
        assert!(
            check.ends_with(r#"check --format github --base "$BASE""#),
            "{check}"
        );
    }
}
