//! The command line as contributors and CI use it: exit codes, formats, help.

use crate::common;

use assert_cmd::Command;
use predicates::prelude::*;

fn claimtrail() -> Command {
    Command::cargo_bin("claimtrail").unwrap()
}

#[test]
fn check_exits_0_on_a_clean_site() {
    let dir = common::site(&[]);
    claimtrail()
        .args(["check", "--root"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stderr("0 errors, 0 warnings\n");
}

#[test]
fn check_exits_1_and_shows_the_line_with_a_caret() {
    let dir = common::site(&["invalid/misspelled-status"]);
    claimtrail()
        .args(["check", "--root"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(
            "error: unknown status `suported`\n  \
             --> content/claims/typo-status.md:5:10\n  \
             |\n\
             5 | status = \"suported\"\n  \
             |          ^^^^^^^^^^\n  \
             |\n  \
             = hint: did you mean `supported`?\n\
             \n\
             1 error, 0 warnings\n",
        );
}

#[test]
fn check_on_ten_mistakes_prints_ten_located_errors() {
    let dir = common::site(&["ten-mistakes"]);
    let output = claimtrail()
        .args(["check", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(
        stderr.matches("\nerror: ").count() + usize::from(stderr.starts_with("error: ")),
        10,
        "{stderr}"
    );
    assert_eq!(
        stderr.matches("  --> content/claims/").count(),
        10,
        "{stderr}"
    );
    assert!(stderr.ends_with("10 errors, 0 warnings\n"), "{stderr}");
}

#[test]
fn check_json_is_machine_readable() {
    let dir = common::site(&["invalid/dangling-reference"]);
    let output = claimtrail()
        .args(["check", "--format", "json", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let list: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(list[0]["file"], "content/claims/dangling.md");
    assert_eq!(list[0]["line"], 4);
    assert_eq!(list[0]["column"], 12);
    assert_eq!(list[0]["severity"], "error");
}

#[test]
fn check_github_prints_workflow_commands() {
    let dir = common::site(&["invalid/misspelled-status"]);
    claimtrail()
        .args(["check", "--format", "github", "--root"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(
            "::error file=content/claims/typo-status.md,line=5,col=10,endLine=5,endColumn=20,title=claimtrail::\
             unknown status `suported`%0Ahint: did you mean `supported`?\n",
        );
}

#[test]
fn build_prints_a_one_line_summary() {
    let dir = common::site(&[]);
    claimtrail()
        .args(["build", "--root"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(
            predicate::str::is_match(
                r"^built 3 claims: \d+ files \(\d+\.\d MB\) written to .*public, 0 warnings, in \d+ ms\n$",
            )
            .unwrap(),
        );
}

#[test]
fn build_no_search_skips_the_index() {
    let dir = common::site(&[]);
    claimtrail()
        .args(["build", "--no-search", "--root"])
        .arg(dir.path())
        .assert()
        .code(0);
    assert!(dir.path().join("public/index.html").is_file());
    assert!(!dir.path().join("public/pagefind").exists());
    claimtrail()
        .args(["build", "--root"])
        .arg(dir.path())
        .assert()
        .code(0);
    assert!(dir.path().join("public/pagefind/pagefind.js").is_file());
}

#[test]
fn build_with_content_errors_exits_1() {
    let dir = common::site(&["invalid/javascript-url"]);
    claimtrail()
        .args(["build", "--root"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "the previous output was left as it was",
        ));
    assert!(!dir.path().join("public").exists());
}

#[test]
fn usage_and_io_errors_exit_2() {
    let empty = tempfile::tempdir().unwrap();
    claimtrail()
        .args(["check", "--root"])
        .arg(empty.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("has no site.toml"));
    claimtrail()
        .args(["build", "--no-such-flag"])
        .assert()
        .code(2);
    claimtrail()
        .args(["check", "--format", "xml"])
        .assert()
        .code(2);
    let dir = common::site(&[]);
    claimtrail()
        .args(["build", "--output", "content", "--root"])
        .arg(dir.path())
        .current_dir(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("refusing to write the site"));
}

#[test]
fn every_command_has_help() {
    claimtrail()
        .arg("--help")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("build").and(predicate::str::contains("check")));
    for (command, flags) in [
        (
            "build",
            &["--root", "--output", "--base-url", "--drafts", "--force"][..],
        ),
        ("check", &["--root", "--format"][..]),
    ] {
        let output = claimtrail().args([command, "--help"]).output().unwrap();
        assert_eq!(output.status.code(), Some(0));
        let help = String::from_utf8(output.stdout).unwrap();
        for flag in flags {
            assert!(
                help.contains(flag),
                "{command} --help lacks {flag}:\n{help}"
            );
        }
    }
}
