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

/// The error for `status = "suported"` on line 5 of `file`, with its blank line after.
fn misspelled_status(file: &str) -> String {
    format!(
        "error: unknown status `suported`\n  \
         --> {file}:5:10\n  \
         |\n\
         5 | status = \"suported\"\n  \
         |          ^^^^^^^^^^\n  \
         |\n  \
         = hint: did you mean `supported`?\n"
    )
}

#[test]
fn check_exits_1_and_shows_the_line_with_a_caret() {
    let dir = common::site(&["invalid/misspelled-status"]);
    claimtrail()
        .args(["check", "--root"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(format!(
            "{}\n1 error, 0 warnings\n",
            misspelled_status("content/claims/typo-status.md")
        ));
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
fn github_annotations_name_files_from_the_working_folder_when_the_site_is_in_a_subfolder() {
    // A workflow runs at the repository's top; with the site in `tracker/`
    // (the action's `root` input), an annotation on `content/…` would miss.
    let site = common::site(&["invalid/misspelled-status"]);
    let repository = tempfile::tempdir().unwrap();
    common::copy_tree(site.path(), &repository.path().join("tracker"));
    let annotated = |root: &str| {
        let output = claimtrail()
            .current_dir(repository.path())
            .args(["check", "--format", "github", "--root", root])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1));
        String::from_utf8(output.stdout).unwrap()
    };
    for root in ["tracker", "./tracker/"] {
        let out = annotated(root);
        assert!(
            out.starts_with("::error file=tracker/content/claims/typo-status.md,line=5,col=10,"),
            "{root}: {out}"
        );
    }
    let absolute = repository.path().join("tracker");
    assert!(annotated(absolute.to_str().unwrap()).starts_with("::error file=tracker/content/"));
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
            &[
                "--root",
                "--output",
                "--base-url",
                "--drafts",
                "--force",
                "--quiet",
                "--verbose",
                "--deny-warnings",
            ][..],
        ),
        (
            "check",
            &[
                "--root",
                "--format",
                "--quiet",
                "--verbose",
                "--deny-warnings",
            ][..],
        ),
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

/// Runs claimtrail with `args`, then `--root root`.
fn run(root: &std::path::Path, args: &[&str]) -> assert_cmd::assert::Assert {
    claimtrail().args(args).arg("--root").arg(root).assert()
}

/// The grouped report of the `unlinked-citations` fixture: five alike warnings on one line.
const FIVE_UNLINKED: &str = "warning: 5 citations have no url or archive: \
     content/claims/unlinked-a.md:7, content/claims/unlinked-b.md:7, \
     content/claims/unlinked-c.md:7 and 2 more (show all with --verbose)\n \
     = hint: add `url = \"https://...\"` for the document, or an `archive` link\n\
     \n";

#[test]
fn alike_warnings_print_as_one_line_naming_the_first_places() {
    let dir = common::site(&["unlinked-citations"]);
    run(dir.path(), &["check"])
        .code(0)
        .stderr(format!("{FIVE_UNLINKED}0 errors, 5 warnings\n"));
}

#[test]
fn verbose_prints_every_warning_in_full() {
    let dir = common::site(&["unlinked-citations"]);
    let output = run(dir.path(), &["check", "--verbose"]).code(0);
    let stderr = String::from_utf8(output.get_output().stderr.clone()).unwrap();
    for file in ["a", "b", "c", "d", "e"] {
        assert!(
            stderr.contains(&format!(
                "warning: this citation has neither `url` nor `archive`, so readers cannot check it\n  \
                 --> content/claims/unlinked-{file}.md:7:1\n  \
                 |\n\
                 7 | [[citations]]\n  \
                 | ^\n"
            )),
            "{stderr}"
        );
    }
    assert!(!stderr.contains("show all with --verbose"), "{stderr}");
    assert!(stderr.ends_with("\n0 errors, 5 warnings\n"), "{stderr}");
}

#[test]
fn quiet_prints_no_warnings_and_exits_0() {
    let dir = common::site(&["unlinked-citations"]);
    run(dir.path(), &["check", "--quiet"])
        .code(0)
        .stdout("")
        .stderr("");
    run(dir.path(), &["build", "--no-search", "-q"])
        .code(0)
        .stdout("")
        .stderr("");
    assert!(dir.path().join("public/index.html").is_file());
}

#[test]
fn quiet_still_prints_every_error_and_the_count() {
    let dir = common::site(&["unlinked-citations", "invalid/misspelled-status"]);
    run(dir.path(), &["check", "--quiet"]).code(1).stderr(
        predicate::str::starts_with("error: unknown status `suported`\n").and(
            predicate::str::ends_with(
                "= hint: did you mean `supported`?\n\n1 error (5 warnings not shown: --quiet)\n",
            ),
        ),
    );
}

#[test]
fn deny_warnings_exits_3_on_warnings_and_0_on_a_clean_site() {
    let dir = common::site(&["unlinked-citations"]);
    run(dir.path(), &["check", "--deny-warnings"])
        .code(3)
        .stderr(format!(
            "{FIVE_UNLINKED}0 errors, 5 warnings\nerror: 5 warnings, denied by --deny-warnings\n"
        ));
    run(
        dir.path(),
        &["build", "--no-search", "--deny-warnings", "--quiet"],
    )
    .code(3)
    .stderr("error: 5 warnings, denied by --deny-warnings (run without --quiet to see them)\n");
    let clean = common::site(&[]);
    for command in ["check", "build"] {
        run(clean.path(), &[command, "--deny-warnings"]).code(0);
    }
}

#[test]
fn errors_are_printed_before_warnings() {
    let dir = common::site(&["unlinked-citations"]);
    let last = dir.path().join("content/claims/unlinked-e.md");
    let text = std::fs::read_to_string(&last).unwrap();
    std::fs::write(&last, text.replace("\"unverified\"", "\"suported\"")).unwrap();
    run(dir.path(), &["check"]).code(1).stderr(format!(
        "{}\n{FIVE_UNLINKED}1 error, 5 warnings\n",
        misspelled_status("content/claims/unlinked-e.md")
    ));
}

#[test]
fn github_annotations_stay_one_per_warning_and_respect_quiet() {
    let dir = common::site(&["unlinked-citations"]);
    let output = run(dir.path(), &["check", "--format", "github"]).code(0);
    let stdout = String::from_utf8(output.get_output().stdout.clone()).unwrap();
    let files: Vec<&str> = stdout
        .lines()
        .map(|line| {
            assert!(line.starts_with("::warning file="), "{line}");
            line.split(',').next().unwrap()
        })
        .collect();
    assert_eq!(
        files,
        ["a", "b", "c", "d", "e"].map(|f| format!("::warning file=content/claims/unlinked-{f}.md"))
    );
    run(dir.path(), &["check", "--format", "github", "--quiet"])
        .code(0)
        .stdout("");
}

#[test]
fn a_one_claim_site_says_claim_not_claims() {
    let dir = common::site(&[]);
    let claims = dir.path().join("content/claims");
    for file in [
        "acme-secret-plan.md",
        "globex-beats-acme.md",
        "2025/acme-model-1-launch.md",
    ] {
        std::fs::remove_file(claims.join(file)).unwrap();
    }
    run(dir.path(), &["build", "--no-search"])
        .code(0)
        .stdout(predicate::str::starts_with("built 1 claim: "));
}

#[test]
fn a_template_loop_that_cannot_be_stopped_ends_check_and_build_with_an_error() {
    let dir = common::site(&[]);
    claimtrail()
        .args(["build", "--no-search", "--root"])
        .arg(dir.path())
        .assert()
        .success();
    let before = common::tree(&dir.path().join("public"));
    // Loops that neither write nor call anything: only the watchdog ends them.
    let runaway = common::fixtures().join("runaway");
    std::fs::copy(runaway.join("site.toml"), dir.path().join("site.toml")).unwrap();
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    std::fs::copy(
        runaway.join("silent-list-loop.html"),
        dir.path().join("templates/tag.html"),
    )
    .unwrap();
    for command in ["check", "build"] {
        let stopped = predicate::str::contains("templates/tag.html")
            .and(predicate::str::contains("cannot render tags/"))
            .and(predicate::str::contains(
                "it ran past twice the 1 s limit (`render_seconds` in [limits] of site.toml)",
            ))
            .and(predicate::str::contains("claimtrail stopped"));
        claimtrail()
            .args([command, "--root"])
            .arg(dir.path())
            .assert()
            .code(1)
            .stderr(stopped);
    }
    assert_eq!(common::tree(&dir.path().join("public")), before);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|name| name.to_string_lossy().starts_with(".claimtrail-staging"))
        .collect();
    assert_eq!(leftovers, Vec::<std::ffi::OsString>::new());
}
