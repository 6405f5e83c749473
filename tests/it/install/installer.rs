//! scripts/install.sh, the install step of the GitHub Action, run against a
//! local HTTP server standing in for GitHub's release downloads.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Command, Output};

use sha2::{Digest, Sha256};

use super::{repo_file, yaml};

const TAG: &str = "v9.8.7";
const ASSET: &str = "claimtrail-v9.8.7-x86_64-unknown-linux-musl.tar.gz";

/// Serves `files` (URL path to body) on 127.0.0.1 from a thread, 404 for any
/// other path; returns the base URL. The thread ends with the test process.
fn serve(files: BTreeMap<String, Vec<u8>>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = String::new();
            let _ = reader.read_line(&mut request);
            let mut header = String::new();
            while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                header.clear();
            }
            let path = request.split(' ').nth(1).unwrap_or("").to_string();
            let (status, body) = match files.get(&path) {
                Some(body) => ("200 OK", body.clone()),
                None => ("404 Not Found", b"not found".to_vec()),
            };
            let head = format!(
                "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    });
    format!("http://{address}/releases")
}

/// A release archive like the release workflow's, whose `claimtrail` is a
/// script that prints each of its arguments in brackets, one a line.
fn fake_archive(dir: &Path) -> Vec<u8> {
    let folder = dir.join(ASSET.trim_end_matches(".tar.gz"));
    std::fs::create_dir_all(&folder).unwrap();
    let binary = folder.join("claimtrail");
    std::fs::write(&binary, "#!/bin/sh\nprintf '[%s]\\n' \"$@\"\n").unwrap();
    let made = Command::new("chmod")
        .arg("+x")
        .arg(&binary)
        .status()
        .unwrap();
    assert!(made.success());
    std::fs::write(folder.join("README.md"), "stub\n").unwrap();
    let archive = dir.join(ASSET);
    let made = Command::new("tar")
        .arg("-czf")
        .arg(&archive)
        .arg("-C")
        .arg(dir)
        .arg(folder.file_name().unwrap())
        .status()
        .unwrap();
    assert!(made.success());
    std::fs::read(archive).unwrap()
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// Runs the installer as the action does on an x86_64 Linux runner.
fn install(base_url: &str, install_dir: &Path, github_path: &Path) -> Output {
    Command::new("sh")
        .arg(repo_file("scripts/install.sh"))
        .env("RUNNER_OS", "Linux")
        .env("RUNNER_ARCH", "X64")
        .env("CLAIMTRAIL_VERSION", "")
        .env("CLAIMTRAIL_ACTION_REF", TAG)
        .env("CLAIMTRAIL_REPOSITORY", "")
        .env("CLAIMTRAIL_BASE_URL", base_url)
        .env("CLAIMTRAIL_INSTALL_DIR", install_dir)
        .env("GITHUB_PATH", github_path)
        .env_remove("GITHUB_OUTPUT")
        .output()
        .unwrap()
}

/// A release of [`ASSET`] whose SHA256SUMS gives `sum` for it.
fn release(dir: &Path, sum: Option<&str>) -> String {
    let archive = fake_archive(dir);
    let sum = sum.map_or_else(|| sha256_hex(&archive), str::to_string);
    let sums = format!("{}  other-file.zip\n{sum}  {ASSET}\n", "0".repeat(64));
    serve(BTreeMap::from([
        (format!("/releases/download/{TAG}/{ASSET}"), archive),
        (
            format!("/releases/download/{TAG}/SHA256SUMS"),
            sums.into_bytes(),
        ),
    ]))
}

#[test]
fn the_installer_puts_the_checked_release_binary_on_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let base = release(dir.path(), None);
    let bin = dir.path().join("bin");
    let github_path = dir.path().join("github_path");
    let output = install(&base, &bin, &github_path);
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("installed claimtrail v9.8.7 (x86_64-unknown-linux-musl)"),
        "{stdout}"
    );
    let ran = Command::new(bin.join("claimtrail"))
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&ran.stdout), "[check]\n");
    assert_eq!(
        std::fs::read_to_string(&github_path).unwrap(),
        format!("{}\n", bin.display())
    );
}

#[test]
fn the_installer_refuses_an_archive_whose_checksum_differs() {
    let dir = tempfile::tempdir().unwrap();
    let wrong = sha256_hex(b"something else");
    let base = release(dir.path(), Some(&wrong));
    let bin = dir.path().join("bin");
    let output = install(&base, &bin, &dir.path().join("github_path"));
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "but SHA256SUMS says {wrong}; nothing was installed"
        )),
        "{stderr}"
    );
    assert!(!bin.join("claimtrail").exists());
    assert!(!dir.path().join("github_path").exists());
}

#[test]
fn the_installer_says_which_download_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let base = serve(BTreeMap::new());
    let output = install(
        &base,
        &dir.path().join("bin"),
        &dir.path().join("github_path"),
    );
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("could not download {base}/download/{TAG}/{ASSET}")),
        "{stderr}"
    );
}

/// `text` with each `${{ inputs.NAME }}` and `${{ github.NAME }}` replaced by
/// its value; any other expression fails the test.
fn substitute(
    text: &str,
    inputs: &BTreeMap<&str, String>,
    github: &BTreeMap<&str, &str>,
) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("${{") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("}}").unwrap() + start;
        let expression = rest[start + 3..end].trim();
        let value = match expression.split_once('.') {
            Some(("inputs", name)) => inputs[name].clone(),
            Some(("github", name)) => github[name].to_string(),
            _ => panic!("unexpected expression {expression}"),
        };
        out.push_str(&value);
        rest = &rest[end + 2..];
    }
    out + rest
}

/// Runs the steps of action.yml the way a runner would (each `run` with bash,
/// its `env` evaluated, `GITHUB_PATH` applied between steps), with `inputs`
/// as given in a workflow and the action used at `@v9.8.7`; returns each
/// step's output.
fn run_action(dir: &Path, given: &[(&str, String)]) -> Vec<Output> {
    let action = yaml("action.yml");
    let mut inputs: BTreeMap<&str, String> = BTreeMap::new();
    for (name, input) in action["inputs"].as_mapping().unwrap() {
        let default = input["default"].as_str().unwrap_or("").to_string();
        inputs.insert(name.as_str().unwrap(), default);
    }
    for (name, value) in given {
        assert!(inputs.contains_key(name), "no input {name}");
        inputs.insert(name, value.clone());
    }
    let github = BTreeMap::from([("action_ref", TAG), ("action_repository", "")]);
    let (github_path, github_output) = (dir.join("github_path"), dir.join("github_output"));
    std::fs::write(&github_path, "").unwrap();
    std::fs::write(&github_output, "").unwrap();
    let mut outputs = Vec::new();
    for step in action["runs"]["steps"].as_sequence().unwrap() {
        if let Some(condition) = step["if"].as_str() {
            let name = condition
                .strip_prefix("inputs.")
                .unwrap()
                .strip_suffix(" != ''")
                .unwrap();
            if inputs[name].is_empty() {
                continue;
            }
        }
        assert_eq!(step["shell"], "bash");
        let added: Vec<String> = std::fs::read_to_string(&github_path)
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect();
        let path = added
            .into_iter()
            .chain([std::env::var("PATH").unwrap()])
            .collect::<Vec<_>>()
            .join(":");
        let mut command = Command::new("bash");
        command
            .args(["--noprofile", "--norc", "-eo", "pipefail", "-c"])
            .arg(step["run"].as_str().unwrap())
            .current_dir(dir)
            .env("PATH", path)
            .env("GITHUB_ACTION_PATH", repo_file(""))
            .env("GITHUB_PATH", &github_path)
            .env("GITHUB_OUTPUT", &github_output)
            .env("RUNNER_OS", "Linux")
            .env("RUNNER_ARCH", "X64")
            .env("RUNNER_TEMP", dir.join("runner-temp"));
        for (name, value) in step["env"].as_mapping().into_iter().flatten() {
            command.env(
                name.as_str().unwrap(),
                substitute(value.as_str().unwrap(), &inputs, &github),
            );
        }
        let output = command.output().unwrap();
        assert!(output.status.success(), "{output:?}");
        outputs.push(output);
    }
    outputs
}

#[test]
fn the_action_installs_the_release_of_its_own_tag_and_runs_the_command() {
    let dir = tempfile::tempdir().unwrap();
    let base = release(dir.path(), None);
    let ran = run_action(
        dir.path(),
        &[
            ("command", "build".into()),
            (
                "args",
                r#"--base-url "https://example.org/a b/" --quiet"#.into(),
            ),
            ("root", "my site".into()),
            ("base-url", base),
        ],
    );
    assert_eq!(ran.len(), 2);
    assert_eq!(
        String::from_utf8_lossy(&ran[1].stdout),
        "[build]\n[--root]\n[my site]\n[--base-url]\n[https://example.org/a b/]\n[--quiet]\n"
    );
    let installed = dir.path().join("runner-temp/claimtrail/bin/claimtrail");
    assert!(installed.is_file());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("github_output")).unwrap(),
        format!("version={TAG}\n")
    );

    // Without a command it only installs, for later steps to run claimtrail.
    let again = tempfile::tempdir().unwrap();
    let base = release(again.path(), None);
    let ran = run_action(again.path(), &[("base-url", base)]);
    assert_eq!(ran.len(), 1);
    let path = std::fs::read_to_string(again.path().join("github_path")).unwrap();
    assert_eq!(
        path.trim_end(),
        again
            .path()
            .join("runner-temp/claimtrail/bin")
            .display()
            .to_string()
    );
}
