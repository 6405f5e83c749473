//! What `check` prints for people reaches a terminal: escape sequences in a
//! content file, a file name or a value quoted in a message are shown as
//! symbols, never sent (they could clear the screen, retitle the window or
//! print a hyperlink to anywhere), and a line break in a quoted value as `␊`
//! (a line of its own could be a GitHub workflow command in CI).

use super::*;

/// Every character of `text` that a terminal would act on, but line breaks and tabs.
fn controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\t'))
        .collect()
}

#[test]
fn check_shows_escape_sequences_in_content_as_symbols() {
    let dir = common::site(&[]);
    let claims = dir.path().join("content/claims");
    let raw = "+++\ntitle = \"a \u{1b}]8;;https://evil.example/\u{7}click\u{1b}]8;;\u{7} \u{1b}[2J\"\n\
               date = 2026-05-01\nclaimant = \"acme-blog\"\nstatus = \"unverified\"\n+++\nBody \u{1b}c\u{9b}2J\n";
    fs::write(claims.join("raw-escapes.md"), raw).unwrap();
    let escaped = "+++\ntitle = \"Escaped\"\ndate = 2026-05-01\nclaimant = \"acme-blog\"\n\
                   status = \"\\u001b]0;retitled\\u0007\"\n+++\n";
    fs::write(claims.join("escaped.md"), escaped).unwrap();
    fs::write(claims.join("name-\u{1b}[2J.md"), "+++\n").unwrap();
    let commands = "+++\ntitle = \"Commands\"\ndate = 2026-05-01\nclaimant = \"acme-blog\"\n\
                    status = \"x\\n::error file=README.md,line=1::Fake\"\n+++\n";
    fs::write(claims.join("commands.md"), commands).unwrap();

    for args in [&["check"][..], &["check", "--format", "github"], &["build"]] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_claimtrail"))
            .args(args)
            .arg("--root")
            .arg(dir.path())
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}: {output:?}");
        let printed =
            String::from_utf8(output.stderr).unwrap() + &String::from_utf8(output.stdout).unwrap();
        assert_eq!(
            controls(&printed),
            Vec::<char>::new(),
            "{args:?}:\n{printed}"
        );
        let quotes_lines = !args.contains(&"github");
        assert_eq!(
            printed.contains("title = \"a \u{241b}]8;;https://evil.example/\u{2407}click"),
            quotes_lines,
            "{args:?}:\n{printed}"
        );
        assert!(
            printed.contains("content/claims/name-\u{241b}[2J.md"),
            "{args:?}:\n{printed}"
        );
        assert!(
            printed.contains("\u{241b}]0;retitled\u{2407}"),
            "{args:?}:\n{printed}"
        );
    }
}

#[test]
fn in_github_actions_a_human_report_cannot_hold_a_workflow_command() {
    // The runner takes `##[error]…` anywhere in a line for a command, so a
    // quoted content line could forge an annotation; the report is read
    // with commands stopped, under a token of the run's own.
    let dir = common::site(&[]);
    let claim = "+++\ntitle = \"Forged ##[error file=README.md;line=1]Fake annotation\"\nbad = 1\n\
                 date = 2026-05-01\nclaimant = \"acme-blog\"\nstatus = \"unverified\"\n+++\n";
    fs::write(dir.path().join("content/claims/forged.md"), claim).unwrap();
    let run = |args: &[&str], actions: bool| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_claimtrail"));
        command
            .args(args)
            .arg("--root")
            .arg(dir.path())
            .env("NO_COLOR", "1");
        match actions {
            true => command.env("GITHUB_ACTIONS", "true"),
            false => command.env_remove("GITHUB_ACTIONS"),
        };
        let output = command.output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}: {output:?}");
        String::from_utf8(output.stderr).unwrap()
    };
    let mut tokens = Vec::new();
    for args in [&["check"][..], &["check", "--verbose"], &["build"]] {
        let report = run(args, true);
        let lines: Vec<&str> = report.lines().collect();
        let token = lines[0]
            .strip_prefix("::stop-commands::")
            .unwrap_or_else(|| panic!("{report}"));
        assert!(
            token.len() == 16 && token.chars().all(|c| c.is_ascii_hexdigit()),
            "{token}"
        );
        let resumed = lines
            .iter()
            .position(|l| *l == format!("::{token}::"))
            .unwrap();
        let forged = lines.iter().position(|l| l.contains("##[error")).unwrap();
        assert!(forged < resumed, "{report}");
        tokens.push(token.to_string());
        assert!(
            !run(args, false).contains("::stop-commands::"),
            "only in GitHub Actions"
        );
    }
    tokens.dedup();
    assert_eq!(tokens.len(), 3, "each run has its own token: {tokens:?}");
}
