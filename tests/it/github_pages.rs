//! Publishing on GitHub Pages: the workflow (parsed as YAML), `.nojekyll` and `CNAME`.

use crate::common;

use std::fs;
use std::path::Path;

use common::{build_site, site};
use serde_yaml_ng::Value;

fn workflow() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(".github/workflows/pages.yml");
    serde_yaml_ng::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

fn steps(job: &Value) -> &Vec<Value> {
    job["steps"].as_sequence().unwrap()
}

/// The step that uses `action` (e.g. `actions/configure-pages`), if any.
fn uses<'a>(job: &'a Value, action: &str) -> Option<&'a Value> {
    steps(job).iter().find(|step| {
        step["uses"]
            .as_str()
            .is_some_and(|u| u.split('@').next() == Some(action))
    })
}

/// Every `run:` command of a job, in order.
fn runs(job: &Value) -> Vec<&str> {
    steps(job)
        .iter()
        .filter_map(|s| s["run"].as_str())
        .collect()
}

fn assert_caches_cargo(job: &Value) {
    let cache = uses(job, "actions/cache").expect("a cargo cache step");
    let paths = cache["with"]["path"].as_str().unwrap();
    assert!(
        paths.contains("~/.cargo/registry") && paths.contains("target"),
        "{paths}"
    );
    assert!(
        cache["with"]["key"]
            .as_str()
            .unwrap()
            .contains("hashFiles('Cargo.lock')")
    );
}

#[test]
fn the_workflow_uses_the_current_official_pages_actions() {
    let workflow = workflow();
    let jobs = &workflow["jobs"];
    assert_eq!(
        uses(&jobs["build"], "actions/configure-pages").unwrap()["uses"],
        "actions/configure-pages@v6"
    );
    let upload = uses(&jobs["build"], "actions/upload-pages-artifact").unwrap();
    assert_eq!(upload["uses"], "actions/upload-pages-artifact@v5");
    assert_eq!(
        upload["with"]["path"], "public",
        "the default output folder"
    );
    assert_eq!(
        uses(&jobs["deploy"], "actions/deploy-pages").unwrap()["uses"],
        "actions/deploy-pages@v5"
    );
    let permissions = &workflow["permissions"];
    assert_eq!(permissions["contents"], "read");
    assert_eq!(permissions["pages"], "write");
    assert_eq!(permissions["id-token"], "write");
    assert_eq!(jobs["deploy"]["environment"]["name"], "github-pages");
    assert_eq!(jobs["deploy"]["concurrency"]["group"], "pages");
    assert_eq!(jobs["deploy"]["concurrency"]["cancel-in-progress"], false);
    assert_eq!(jobs["deploy"]["needs"], "build");
}

#[test]
fn pull_requests_from_forks_are_checked_and_built_without_pages_access() {
    let workflow = workflow();
    assert!(
        workflow["on"]
            .as_mapping()
            .unwrap()
            .contains_key("pull_request")
    );
    let check = &workflow["jobs"]["check"];
    assert_eq!(check["if"], "github.event_name == 'pull_request'");
    assert_eq!(
        check["permissions"].as_mapping().unwrap().len(),
        1,
        "only contents: read, the most a fork's token has"
    );
    assert_eq!(check["permissions"]["contents"], "read");
    for action in [
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ] {
        assert!(uses(check, action).is_none(), "{action} needs Pages access");
    }
    let commands = runs(check);
    let check_at = commands
        .iter()
        .position(|c| c.contains("claimtrail check --format github"))
        .expect("problems shown inline on the diff");
    let build_at = commands
        .iter()
        .position(|c| c.contains("claimtrail build"))
        .expect("the site is built");
    assert!(check_at < build_at);
    assert_caches_cargo(check);
}

#[test]
fn pull_requests_get_a_summary_a_history_check_and_a_site_to_download() {
    let workflow = workflow();
    let check = &workflow["jobs"]["check"];
    let checkout = uses(check, "actions/checkout").unwrap();
    assert_eq!(
        checkout["with"]["fetch-depth"], 0,
        "diff and check --base need the base branch's history"
    );
    assert_eq!(check["env"]["BASE"], "origin/${{ github.base_ref }}");
    let commands = runs(check);
    let position = |wanted: &str| {
        commands
            .iter()
            .position(|c| *c == wanted)
            .unwrap_or_else(|| panic!("no step runs {wanted:?}: {commands:#?}"))
    };
    let diff = position(
        r#"./target/release/claimtrail diff "$BASE" HEAD --format markdown >> "$GITHUB_STEP_SUMMARY""#,
    );
    let check_base =
        position(r#"./target/release/claimtrail check --format github --base "$BASE""#);
    let build = position("./target/release/claimtrail build --base-url http://localhost:8000/");
    assert!(diff < check_base && check_base < build);
    let upload = uses(check, "actions/upload-artifact").expect("the built site is uploaded");
    assert_eq!(upload["uses"], "actions/upload-artifact@v6");
    assert_eq!(upload["with"]["path"], "public");
    assert_eq!(upload["with"]["name"], "site-preview");
    let upload_at = steps(check).iter().position(|s| s == upload).unwrap();
    let build_at = steps(check)
        .iter()
        .position(|s| s["run"].as_str() == Some(commands[build]))
        .unwrap();
    assert!(
        build_at < upload_at,
        "the site is uploaded after it is built"
    );
}

#[test]
fn pushes_to_main_build_at_the_pages_address_and_deploy() {
    let workflow = workflow();
    let branches = workflow["on"]["push"]["branches"].as_sequence().unwrap();
    assert!(branches.iter().any(|b| b == "main"));
    let build = &workflow["jobs"]["build"];
    let condition = build["if"].as_str().unwrap();
    assert!(
        condition.contains("github.event_name != 'pull_request'"),
        "{condition}"
    );
    assert!(condition.contains("refs/heads/main"), "{condition}");
    assert_eq!(
        uses(build, "actions/configure-pages").unwrap()["id"],
        "pages"
    );
    assert!(
        runs(build)
            .iter()
            .any(|c| c
                .ends_with("claimtrail build --base-url \"${{ steps.pages.outputs.base_url }}/\"")),
        "{:?}",
        runs(build)
    );
    assert_caches_cargo(build);
}

#[test]
fn the_output_has_nojekyll_and_a_cname_only_for_a_custom_domain() {
    let dir = build_site(&[], None);
    let output = dir.path().join("public");
    assert_eq!(fs::read(output.join(".nojekyll")).unwrap(), b"");
    assert!(!output.join("CNAME").exists(), "no custom_domain, no CNAME");

    let dir = build_site(&["publishing"], None);
    assert_eq!(
        fs::read_to_string(dir.path().join("public/CNAME")).unwrap(),
        "claims.example.org\n"
    );
}

#[test]
fn a_custom_domain_off_the_base_url_is_a_warning() {
    let dir = site(&["publishing"]);
    let config = dir.path().join("site.toml");
    let text = fs::read_to_string(&config).unwrap();
    fs::write(
        &config,
        text.replace(
            "https://claims.example.org/",
            "https://user.github.io/repo/",
        ),
    )
    .unwrap();
    let problems = common::check_flat(dir.path());
    assert!(
        problems.contains(&(
            "warning".into(),
            "site.toml".into(),
            Some(4),
            Some(17),
            "`custom_domain` is `claims.example.org` but `base_url` is on `user.github.io`".into(),
        )),
        "{problems:#?}"
    );
}

#[test]
fn a_weekly_job_refreshes_the_archive_and_opens_a_pull_request() {
    let workflow = workflow();
    let on = &workflow["on"];
    let cron = on["schedule"][0]["cron"].as_str().unwrap();
    assert_eq!(
        cron.split(' ').nth(4),
        Some("1"),
        "weekly, on Mondays: {cron}"
    );
    assert_eq!(
        on["workflow_dispatch"]["inputs"]["archive"]["type"],
        "boolean"
    );
    let archive = &workflow["jobs"]["archive"];
    let condition = archive["if"].as_str().unwrap();
    assert!(
        condition.contains("github.event_name == 'schedule'")
            && condition.contains("inputs.archive"),
        "{condition}"
    );
    let permissions = archive["permissions"].as_mapping().unwrap();
    assert_eq!(permissions.len(), 2, "{permissions:?}");
    assert_eq!(archive["permissions"]["contents"], "write");
    assert_eq!(archive["permissions"]["pull-requests"], "write");
    let steps = steps(archive);
    let refresh = steps
        .iter()
        .position(|s| {
            s["run"]
                .as_str()
                .is_some_and(|r| r.ends_with("claimtrail archive"))
        })
        .expect("an archive step");
    let pull_request = steps
        .iter()
        .position(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("peter-evans/create-pull-request@"))
        })
        .expect("a pull request step");
    assert!(refresh < pull_request);
    let with = &steps[pull_request]["with"];
    assert_eq!(with["add-paths"], "archive.lock", "only the lock file");
    assert_eq!(
        steps[pull_request]["if"], "${{ !cancelled() }}",
        "a run cut short still proposes what it finished"
    );
    assert_caches_cargo(archive);
}

#[test]
fn only_the_archive_job_touches_the_network_or_writes() {
    let workflow = workflow();
    let jobs = &workflow["jobs"];
    for job in ["check", "build"] {
        assert!(
            runs(&jobs[job])
                .iter()
                .all(|run| !run.contains("claimtrail archive")),
            "{job} stays offline"
        );
        assert!(uses(&jobs[job], "peter-evans/create-pull-request").is_none());
    }
    let build = jobs["build"]["if"].as_str().unwrap();
    assert!(
        build.contains("github.event_name != 'schedule'") && build.contains("!inputs.archive"),
        "the weekly run publishes nothing: {build}"
    );
    assert_eq!(workflow["permissions"]["contents"], "read");
}
