//! scripts/install.sh, the install step of the GitHub Action, run against a
//! local HTTP server standing in for GitHub's release downloads.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Command, Output};

use sha2::{Digest, Sha256};

use super::repo_file;

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
/// script that says it is the stub.
fn fake_archive(dir: &Path) -> Vec<u8> {
    let folder = dir.join(ASSET.trim_end_matches(".tar.gz"));
    std::fs::create_dir_all(&folder).unwrap();
    let binary = folder.join("claimtrail");
    std::fs::write(&binary, "#!/bin/sh\necho \"stub claimtrail $*\"\n").unwrap();
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
    assert_eq!(
        String::from_utf8_lossy(&ran.stdout),
        "stub claimtrail check\n"
    );
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
