//! The GitHub Action and the workflows, parsed and cross-checked: what cannot
//! run here (GitHub itself) at least refers to inputs, steps and files that
//! exist, and the release makes the archives the action asks for.

use std::collections::BTreeSet;
use std::os::unix::fs::PermissionsExt;
use std::process::Command;

use serde_yaml_ng::Value;

use super::{repo_file, yaml};

/// Every string inside `value`, keys included.
fn strings(value: &Value) -> Vec<String> {
    match value {
        Value::String(text) => vec![text.clone()],
        Value::Sequence(items) => items.iter().flat_map(strings).collect(),
        Value::Mapping(map) => map
            .iter()
            .flat_map(|(key, value)| strings(key).into_iter().chain(strings(value)))
            .collect(),
        Value::Tagged(tagged) => strings(&tagged.value),
        _ => Vec::new(),
    }
}

/// The names after each `prefix` (e.g. `inputs.`) in `texts`.
fn references(texts: &[String], prefix: &str) -> BTreeSet<String> {
    let name = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    texts
        .iter()
        .flat_map(|text| {
            text.match_indices(prefix)
                .map(|(at, _)| &text[at + prefix.len()..])
        })
        .map(|rest| rest[..rest.find(|c| !name(c)).unwrap_or(rest.len())].to_string())
        .collect()
}

fn keys(value: &Value) -> BTreeSet<String> {
    value
        .as_mapping()
        .map(|map| {
            map.keys()
                .filter_map(|k| k.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn workflow_files() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(repo_file(".github/workflows"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".yml"))
        .map(|name| format!(".github/workflows/{name}"))
        .collect();
    names.sort();
    names
}

#[test]
fn the_action_uses_only_its_own_inputs_and_files_that_exist() {
    let action = yaml("action.yml");
    assert_eq!(action["runs"]["using"], "composite");
    let inputs = keys(&action["inputs"]);
    for name in ["version", "command", "args", "root", "base-url"] {
        assert!(inputs.contains(name), "no input {name}");
    }
    let used = strings(&action["runs"])
        .into_iter()
        .chain(strings(&action["outputs"]))
        .collect::<Vec<_>>();
    let referenced = references(&used, "inputs.");
    assert!(referenced.contains("command") && referenced.contains("base-url"));
    for name in &referenced {
        assert!(
            inputs.contains(name),
            "action.yml uses undeclared inputs.{name}"
        );
    }
    let scripts: Vec<String> = used
        .iter()
        .flat_map(|text| text.split_whitespace())
        .filter_map(|word| word.trim_matches('"').strip_prefix("$GITHUB_ACTION_PATH/"))
        .map(str::to_string)
        .collect();
    assert_eq!(scripts, ["scripts/install.sh"]);
    for script in &scripts {
        assert!(repo_file(script).is_file(), "{script} does not exist");
    }
    let steps = action["runs"]["steps"].as_sequence().unwrap();
    let ids: BTreeSet<&str> = steps.iter().filter_map(|s| s["id"].as_str()).collect();
    for id in references(&used, "steps.") {
        assert!(ids.contains(id.as_str()), "no step with id {id}");
    }
    for step in steps {
        assert!(step["shell"].is_string(), "a composite step needs a shell");
        for value in strings(&step["run"]) {
            assert!(
                !value.contains("${{ inputs."),
                "an input pasted into a script: {value}"
            );
        }
    }
}

#[test]
fn every_workflow_uses_only_declared_inputs_and_existing_local_actions() {
    let files = workflow_files();
    assert!(files.contains(&".github/workflows/release.yml".to_string()));
    for file in files {
        let workflow = yaml(&file);
        let declared = keys(&workflow["on"]["workflow_dispatch"]["inputs"]);
        for name in references(&strings(&workflow["jobs"]), "inputs.") {
            assert!(
                declared.contains(&name),
                "{file} uses undeclared inputs.{name}"
            );
        }
        for (name, job) in workflow["jobs"].as_mapping().unwrap() {
            assert!(job["runs-on"].is_string(), "{file}: {name:?} has no runner");
            for step in job["steps"].as_sequence().unwrap() {
                let Some(uses) = step["uses"].as_str() else {
                    continue;
                };
                if let Some(local) = uses.strip_prefix("./") {
                    assert!(repo_file(local).exists(), "{file}: {uses} does not exist");
                    continue;
                }
                let version = uses.split('@').nth(1).unwrap_or("");
                assert!(
                    version.starts_with('v'),
                    "{file}: {uses} is not pinned to a version"
                );
            }
        }
    }
}

/// The archive the installer picks for a runner of `os` and `arch`, at release `tag`.
fn installer_asset(os: &str, arch: &str, tag: &str) -> String {
    let output = Command::new("sh")
        .arg(repo_file("scripts/install.sh"))
        .arg("--asset")
        .env("RUNNER_OS", os)
        .env("RUNNER_ARCH", arch)
        .env("CLAIMTRAIL_VERSION", tag)
        .output()
        .unwrap();
    assert!(output.status.success(), "{os} {arch}: {output:?}");
    String::from_utf8(output.stdout).unwrap().trim().to_string()
}

#[test]
fn the_release_builds_the_archive_the_action_asks_for_on_every_runner() {
    let release = yaml(".github/workflows/release.yml");
    assert_eq!(release["on"]["push"]["tags"][0], "v*");
    let build = &release["jobs"]["build"];
    assert_eq!(
        build["env"]["ARCHIVE"],
        "claimtrail-${{ github.ref_name }}-${{ matrix.target }}"
    );
    let made: BTreeSet<String> = build["strategy"]["matrix"]["include"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|entry| {
            let (target, kind) = (
                entry["target"].as_str().unwrap(),
                entry["archive"].as_str().unwrap(),
            );
            format!("claimtrail-v1.2.3-{target}.{kind}")
        })
        .collect();
    let runners = [
        ("Linux", "X64"),
        ("Linux", "ARM64"),
        ("macOS", "X64"),
        ("macOS", "ARM64"),
        ("Windows", "X64"),
    ];
    let asked: BTreeSet<String> = runners
        .iter()
        .map(|(os, arch)| installer_asset(os, arch, "v1.2.3"))
        .collect();
    assert_eq!(made, asked);
    assert!(asked.contains("claimtrail-v1.2.3-aarch64-unknown-linux-musl.tar.gz"));
    assert!(asked.contains("claimtrail-v1.2.3-x86_64-pc-windows-msvc.zip"));
    assert_eq!(
        installer_asset("Linux", "X64", "1.2.3"),
        "claimtrail-v1.2.3-x86_64-unknown-linux-musl.tar.gz"
    );

    let text = std::fs::read_to_string(repo_file(".github/workflows/release.yml")).unwrap();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        assert!(
            text.contains(&format!("completions {shell} >")),
            "no {shell} completions"
        );
    }
    assert!(text.contains("man > extras/man/claimtrail.1"));
    assert!(text.contains("sha256sum claimtrail-* > SHA256SUMS"));
    assert_eq!(
        release["jobs"]["release"]["permissions"]["contents"],
        "write"
    );
}

#[test]
fn the_installer_refuses_a_runner_without_a_release_and_a_bad_version() {
    for (os, arch, version, message) in [
        (
            "Windows",
            "ARM64",
            "v1.0.0",
            "no claimtrail release is built for Windows on ARM64",
        ),
        ("Linux", "X64", "main; rm -rf /", "is not a release"),
        ("Linux", "X64", "nightly", "is not a release"),
    ] {
        let output = Command::new("sh")
            .arg(repo_file("scripts/install.sh"))
            .arg("--asset")
            .env("RUNNER_OS", os)
            .env("RUNNER_ARCH", arch)
            .env("CLAIMTRAIL_VERSION", version)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            !output.status.success() && stderr.contains(message),
            "{stderr}"
        );
        assert!(output.stdout.is_empty(), "{output:?}");
    }
}

/// Runs the release job's upload step with a fake `gh` that knows the
/// release exists or not; returns the `gh` calls it saw.
fn upload_step_calls(release_exists: bool) -> Vec<String> {
    let release = yaml(".github/workflows/release.yml");
    let steps = release["jobs"]["release"]["steps"].as_sequence().unwrap();
    let step = steps
        .iter()
        .find(|step| step["name"] == "Attach the archives to the release")
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("calls");
    let fake = format!(
        "#!/bin/sh\necho \"$*\" >> '{}'\n[ \"$1 $2\" != 'release view' ] || exit {}\n",
        log.display(),
        if release_exists { 0 } else { 1 }
    );
    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    std::fs::write(bin.join("gh"), fake).unwrap();
    std::fs::set_permissions(bin.join("gh"), std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    let status = Command::new("bash")
        .args(["-e", "-c", step["run"].as_str().unwrap()])
        .current_dir(dir.path())
        .env("PATH", path)
        .env("TAG", "v1.2.3")
        .env("GITHUB_REPOSITORY", "owner/name")
        .status()
        .unwrap();
    assert!(status.success());
    let calls = std::fs::read_to_string(log).unwrap();
    calls
        .lines()
        .map(|line| line.split(" --repo").next().unwrap().to_string())
        .collect()
}

#[test]
fn the_release_job_creates_the_release_once_and_a_rerun_replaces_its_files() {
    assert_eq!(
        upload_step_calls(false),
        ["release view v1.2.3", "release create v1.2.3"]
    );
    assert_eq!(
        upload_step_calls(true),
        ["release view v1.2.3", "release upload v1.2.3"]
    );
}
