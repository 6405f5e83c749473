//! `claimtrail init`: a new tracker checks clean and builds at once, its
//! workflow installs claimtrail, and files already there are never overwritten.

use super::*;

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
    let warnings: Vec<(&str, &str)> = checked
        .diagnostics
        .sorted()
        .into_iter()
        .map(|d| (d.file.as_str(), d.message.as_str()))
        .collect();
    assert_eq!(
        warnings,
        [(
            ".github/workflows/pages.yml",
            "the workflow does not say where to install claimtrail from yet"
        )],
        "only the workflow's repository URL is left to fill in"
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

#[test]
fn the_init_workflow_installs_claimtrail_instead_of_building_it() {
    let dir = tempfile::tempdir().unwrap();
    claimtrail::init::init(dir.path(), false, TODAY).unwrap();
    let text = common::read(dir.path(), ".github/workflows/pages.yml");
    let workflow: serde_yaml_ng::Value = serde_yaml_ng::from_str(&text).unwrap();
    let steps: Vec<&serde_yaml_ng::Value> = ["check", "build"]
        .iter()
        .flat_map(|job| workflow["jobs"][job]["steps"].as_sequence().unwrap())
        .collect();
    let runs: Vec<&str> = steps
        .iter()
        .filter_map(|step| step["run"].as_str())
        .collect();
    let install = r#"cargo install --locked --git "$CLAIMTRAIL_REPOSITORY" --tag "$CLAIMTRAIL_TAG" claimtrail"#;
    assert_eq!(
        runs.iter().filter(|run| **run == install).count(),
        2,
        "{runs:#?}"
    );
    assert!(
        !text.contains("cargo install claimtrail"),
        "crates.io has no claimtrail"
    );
    assert!(
        runs.contains(&r#"claimtrail check --format github --base "$BASE""#),
        "{runs:#?}"
    );
    assert!(
        runs.contains(
            &r#"claimtrail diff "$BASE" HEAD --format markdown >> "$GITHUB_STEP_SUMMARY""#
        ),
        "{runs:#?}"
    );
    assert!(
        runs.iter()
            .all(|run| !run.contains("cargo build") && !run.contains("target/"))
    );
    // One place to say where from and which release, at the top.
    let env = &workflow["env"];
    assert_eq!(
        env["CLAIMTRAIL_TAG"].as_str(),
        Some(format!("v{}", env!("CARGO_PKG_VERSION")).as_str())
    );
    assert!(
        env["CLAIMTRAIL_REPOSITORY"]
            .as_str()
            .unwrap()
            .starts_with("TODO")
    );
    let header = text.split("\njobs:").next().unwrap();
    assert!(
        header.contains("# Where this workflow installs claimtrail from"),
        "{header}"
    );
    // A cached binary is used as is; only a cache miss installs.
    for step in steps
        .iter()
        .filter(|step| step["run"].as_str() == Some(install))
    {
        assert_eq!(
            step["if"].as_str(),
            Some("steps.claimtrail-cache.outputs.cache-hit != 'true'")
        );
    }
}

#[test]
fn the_init_workflow_refreshes_the_archive_weekly_with_the_installed_claimtrail() {
    let dir = tempfile::tempdir().unwrap();
    claimtrail::init::init(dir.path(), false, TODAY).unwrap();
    let text = common::read(dir.path(), ".github/workflows/pages.yml");
    let workflow: serde_yaml_ng::Value = serde_yaml_ng::from_str(&text).unwrap();
    assert!(workflow["on"]["schedule"][0]["cron"].is_string());
    let archive = &workflow["jobs"]["archive"];
    let steps = archive["steps"].as_sequence().unwrap();
    let runs: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    assert_eq!(
        runs,
        [
            r#"cargo install --locked --git "$CLAIMTRAIL_REPOSITORY" --tag "$CLAIMTRAIL_TAG" claimtrail"#,
            "claimtrail archive",
        ]
    );
    assert!(steps.iter().any(|s| {
        s["uses"]
            .as_str()
            .is_some_and(|u| u.starts_with("peter-evans/create-pull-request@"))
    }));
    assert_eq!(archive["permissions"]["pull-requests"], "write");
    assert!(text.contains("Allow GitHub Actions to create and approve pull requests"));
}

#[test]
fn check_flags_the_workflow_until_its_repository_is_filled_in() {
    let dir = tempfile::tempdir().unwrap();
    claimtrail::init::init(dir.path(), false, TODAY).unwrap();
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
    assert!(stderr.contains(".github/workflows/pages.yml:"), "{stderr}");

    fill(
        &dir.path().join(".github/workflows/pages.yml"),
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
