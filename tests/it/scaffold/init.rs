//! `claimtrail init`: a new tracker checks clean and builds at once, its
//! workflow installs claimtrail with nothing left to fill in, and files
//! already there are never overwritten.

use super::*;

use claimtrail::init::Install;

#[test]
fn init_makes_a_site_that_checks_clean_and_builds() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("my-tracker");
    let report = claimtrail::init::init(&dir, false, TODAY).unwrap();
    assert!(report.kept.is_empty());
    for path in [
        "site.toml",
        ".gitignore",
        ".github/workflows/pages.yml",
        "content/claims/example-lab-model-twice-as-fast.md",
        "content/sources/example-lab-blog.md",
        "content/entities/example-lab.md",
    ] {
        assert!(
            report.created.iter().any(|p| p == path),
            "{path} not created"
        );
    }
    let ignored = fs::read_to_string(dir.join(".gitignore")).unwrap();
    let patterns: Vec<&str> = ignored.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(patterns, ["public/", ".claimtrail-*/", ".claimtrail/"]);
    assert!(common::read(&dir, "site.toml").contains("https://example.github.io/my-tracker/"));

    let checked = claimtrail::check(&dir, false).unwrap();
    assert_eq!(
        checked.diagnostics.error_count(),
        0,
        "{:?}",
        checked.diagnostics
    );
    assert_eq!(
        checked.diagnostics.warning_count(),
        0,
        "nothing is left to fill in: {:?}",
        checked.diagnostics
    );

    claimtrail::build(&common::options(&dir)).unwrap();
    assert!(
        common::read(
            &dir,
            "public/claims/example-lab-model-twice-as-fast/index.html"
        )
        .contains("answers questions twice as fast")
    );
}

/// The workflow `init` writes with `install`, parsed, and its text.
fn init_workflow(install: &Install) -> (serde_yaml_ng::Value, String) {
    let dir = tempfile::tempdir().unwrap();
    claimtrail::init::init_with(dir.path(), false, TODAY, install).unwrap();
    let text = common::read(dir.path(), ".github/workflows/pages.yml");
    (serde_yaml_ng::from_str(&text).unwrap(), text)
}

/// The steps of `jobs` in `workflow`.
fn steps_of<'a>(
    workflow: &'a serde_yaml_ng::Value,
    jobs: &[&str],
) -> Vec<&'a serde_yaml_ng::Value> {
    jobs.iter()
        .flat_map(|job| workflow["jobs"][job]["steps"].as_sequence().unwrap())
        .collect()
}

fn runs_of<'a>(steps: &[&'a serde_yaml_ng::Value]) -> Vec<&'a str> {
    steps
        .iter()
        .filter_map(|step| step["run"].as_str())
        .collect()
}

/// What every tracker workflow runs, whichever way claimtrail is installed.
fn assert_runs_the_installed_claimtrail(workflow: &serde_yaml_ng::Value, text: &str) {
    let runs = runs_of(&steps_of(workflow, &["check", "build", "archive"]));
    for run in [
        r#"claimtrail check --format github --base "$BASE""#,
        r#"claimtrail diff "$BASE" HEAD --format markdown >> "$GITHUB_STEP_SUMMARY""#,
        "claimtrail archive",
    ] {
        assert!(runs.contains(&run), "{run} not in {runs:#?}");
    }
    assert!(
        runs.iter()
            .all(|run| !run.contains("cargo build") && !run.contains("target/")),
        "{runs:#?}"
    );
    assert!(!text.contains("TODO"), "a placeholder is left:\n{text}");
    assert!(!text.contains("hashFiles('Cargo.lock')"));
}

#[test]
fn the_init_workflow_installs_the_released_binary_with_the_action() {
    let install = Install::choose(
        Some("https://github.com/example-owner/claimtrail"),
        Some("1.2.3"),
    )
    .unwrap();
    let (workflow, text) = init_workflow(&install);
    assert_runs_the_installed_claimtrail(&workflow, &text);
    for job in ["check", "build", "archive"] {
        let steps = steps_of(&workflow, &[job]);
        let installs: Vec<&str> = steps
            .iter()
            .filter_map(|step| step["uses"].as_str())
            .filter(|uses| uses.contains("claimtrail@"))
            .collect();
        assert_eq!(installs, ["example-owner/claimtrail@v1.2.3"], "{job}");
        assert!(
            runs_of(&steps).iter().all(|run| !run.contains("cargo")),
            "{job} needs no Rust"
        );
        // Installed before the first step that runs claimtrail.
        let install_at = steps
            .iter()
            .position(|s| s["uses"] == "example-owner/claimtrail@v1.2.3");
        let first_run = steps.iter().position(|s| {
            s["run"]
                .as_str()
                .is_some_and(|r| r.starts_with("claimtrail "))
        });
        assert!(install_at < first_run, "{job}");
    }
    let header = text.split("\njobs:").next().unwrap();
    assert!(
        header.contains("# claimtrail is installed from its release v1.2.3"),
        "{header}"
    );
    assert!(workflow["env"].is_null());
}

#[test]
fn the_init_workflow_installs_from_crates_io_without_a_repository() {
    let install = Install::CratesIo {
        version: "1.2.3".into(),
    };
    let (workflow, text) = init_workflow(&install);
    assert_runs_the_installed_claimtrail(&workflow, &text);
    assert_eq!(workflow["env"]["CLAIMTRAIL_VERSION"], "1.2.3");
    let install = r#"cargo install --locked claimtrail --version "$CLAIMTRAIL_VERSION""#;
    for job in ["check", "build", "archive"] {
        let steps = steps_of(&workflow, &[job]);
        let step = steps.iter().find(|s| s["run"] == install).unwrap();
        // A cached binary is used as is; only a cache miss compiles.
        assert_eq!(
            step["if"].as_str(),
            Some("steps.claimtrail-cache.outputs.cache-hit != 'true'")
        );
        let cache = steps
            .iter()
            .find(|s| s["id"] == "claimtrail-cache")
            .unwrap();
        assert_eq!(cache["with"]["path"], "~/.cargo/bin/claimtrail");
        assert!(
            cache["with"]["key"]
                .as_str()
                .unwrap()
                .contains("env.CLAIMTRAIL_VERSION")
        );
    }
    assert!(!text.contains("--git"));
}

#[test]
fn the_init_workflow_refreshes_the_archive_weekly() {
    let (workflow, text) = init_workflow(&Install::CratesIo {
        version: "1.2.3".into(),
    });
    assert!(workflow["on"]["schedule"][0]["cron"].is_string());
    let archive = &workflow["jobs"]["archive"];
    let steps = archive["steps"].as_sequence().unwrap();
    assert!(steps.iter().any(|s| {
        s["uses"]
            .as_str()
            .is_some_and(|u| u.starts_with("peter-evans/create-pull-request@"))
    }));
    assert_eq!(archive["permissions"]["pull-requests"], "write");
    assert!(text.contains("Allow GitHub Actions to create and approve pull requests"));
}

#[test]
fn the_cli_init_workflow_needs_no_edit_and_says_where_claimtrail_comes_from() {
    let dir = tempfile::tempdir().unwrap();
    let plain = init_output(dir.path(), &["plain"]);
    let built_with_repository = !env!("CARGO_PKG_REPOSITORY").is_empty();
    assert_eq!(
        plain.contains("note: this claimtrail was built without a GitHub repository URL"),
        !built_with_repository,
        "{plain}"
    );
    if !built_with_repository {
        assert!(
            plain.contains("pass --repository https://github.com/OWNER/NAME"),
            "{plain}"
        );
    }
    Command::cargo_bin("claimtrail")
        .unwrap()
        .args(["check", "--deny-warnings", "--root"])
        .arg(dir.path().join("plain"))
        .assert()
        .code(0);

    let flagged = init_output(
        dir.path(),
        &[
            "flagged",
            "--repository",
            "https://github.com/example-owner/claimtrail.git",
            "--version",
            "v2.0.0",
        ],
    );
    assert!(!flagged.contains("note:"), "{flagged}");
    let text = common::read(&dir.path().join("flagged"), ".github/workflows/pages.yml");
    assert_eq!(
        text.matches("uses: example-owner/claimtrail@v2.0.0\n")
            .count(),
        3
    );

    for (flag, value, message) in [
        (
            "--repository",
            "https://git.example.org/claimtrail",
            "is not a GitHub repository URL",
        ),
        ("--version", "main", "is not a release version"),
    ] {
        Command::cargo_bin("claimtrail")
            .unwrap()
            .args(["init", "refused", flag, value])
            .current_dir(dir.path())
            .assert()
            .code(2)
            .stderr(predicate::str::contains(message));
        assert!(!dir.path().join("refused").exists());
    }
}

#[test]
fn check_still_flags_the_placeholder_older_versions_of_init_wrote() {
    let dir = tempfile::tempdir().unwrap();
    claimtrail::init::init(dir.path(), false, TODAY).unwrap();
    let workflow = dir.path().join(".github/workflows/pages.yml");
    fs::write(
        &workflow,
        "name: Pages\nenv:\n  CLAIMTRAIL_REPOSITORY: \"TODO: claimtrail's git repository URL\"\n  CLAIMTRAIL_TAG: \"v0.1.0\"\n",
    )
    .unwrap();
    let output = Command::cargo_bin("claimtrail")
        .unwrap()
        .args(["check", "--root"])
        .arg(dir.path())
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&output.get_output().stderr).into_owned();
    assert!(
        stderr.contains("the workflow does not say where to install claimtrail from yet"),
        "{stderr}"
    );
    fill(
        &workflow,
        &[(
            "\"TODO: claimtrail's git repository URL\"",
            "https://git.example.org/claimtrail.git",
        )],
    );
    let checked = claimtrail::check(dir.path(), false).unwrap();
    assert_eq!(
        checked.diagnostics.warning_count(),
        0,
        "{:?}",
        checked.diagnostics
    );
}

#[test]
fn init_refuses_a_non_empty_folder_without_force() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    let message = usage_message(claimtrail::init::init(dir.path(), false, TODAY));
    assert!(message.contains("is not empty; pass --force"), "{message}");
    assert!(!dir.path().join("site.toml").exists());
}

#[test]
fn init_with_force_adds_missing_files_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let site = "title = \"Mine\"\nbase_url = \"https://example.org/\"\n";
    fs::write(dir.path().join("site.toml"), site).unwrap();
    fs::write(dir.path().join(".gitignore"), "target/\n").unwrap();
    let report = claimtrail::init::init(dir.path(), true, TODAY).unwrap();
    assert_eq!(report.kept, ["site.toml", ".gitignore"]);
    assert_eq!(common::read(dir.path(), "site.toml"), site);
    assert_eq!(common::read(dir.path(), ".gitignore"), "target/\n");
    assert!(
        dir.path()
            .join("content/claims/example-lab-model-twice-as-fast.md")
            .is_file()
    );
}

#[test]
fn the_cli_runs_init_then_new() {
    let dir = tempfile::tempdir().unwrap();
    Command::cargo_bin("claimtrail")
        .unwrap()
        .arg("init")
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("created site.toml"));
    Command::cargo_bin("claimtrail")
        .unwrap()
        .args(["new", "claim", "Bad Id", "--root"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("try `bad-id`"));
    Command::cargo_bin("claimtrail")
        .unwrap()
        .args(["new", "claim", "a-new-claim", "--root"])
        .arg(dir.path())
        .assert()
        .code(0);
    Command::cargo_bin("claimtrail")
        .unwrap()
        .args(["check", "--root"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("a-new-claim.md"));
}

/// What `claimtrail init <args>` prints when run in `dir`.
fn init_output(dir: &std::path::Path, args: &[&str]) -> String {
    let run = Command::cargo_bin("claimtrail")
        .unwrap()
        .arg("init")
        .args(args)
        .current_dir(dir)
        .assert()
        .code(0);
    String::from_utf8(run.get_output().stdout.clone()).unwrap()
}

#[test]
fn init_names_the_next_command_to_run_from_where_it_ran() {
    let dir = tempfile::tempdir().unwrap();
    let here = init_output(dir.path(), &[]);
    assert!(
        here.ends_with("\nnext: claimtrail serve --open\n"),
        "{here}"
    );
    let elsewhere = init_output(dir.path(), &["my tracker"]);
    assert!(
        elsewhere.ends_with("\nnext: cd 'my tracker' && claimtrail serve --open\n"),
        "{elsewhere}"
    );
}
