//! `claimtrail completions <shell>` and `claimtrail man`.

use assert_cmd::Command;

/// Every subcommand name, from `claimtrail --help`.
fn subcommands() -> Vec<String> {
    let help = Command::cargo_bin("claimtrail")
        .unwrap()
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    let commands: Vec<String> = help
        .split("Commands:\n")
        .nth(1)
        .unwrap()
        .split("\n\n")
        .next()
        .unwrap()
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_string)
        .collect();
    for name in ["build", "check", "init", "completions", "man"] {
        assert!(commands.iter().any(|c| c == name), "{commands:?}");
    }
    commands
}

fn stdout_of(args: &[&str]) -> String {
    let run = Command::cargo_bin("claimtrail")
        .unwrap()
        .args(args)
        .assert()
        .success();
    String::from_utf8(run.get_output().stdout.clone()).unwrap()
}

#[test]
fn completions_for_every_shell_name_every_subcommand() {
    let commands = subcommands();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = stdout_of(&["completions", shell]);
        for command in &commands {
            assert!(script.contains(command.as_str()), "{shell} lacks {command}");
        }
    }
    assert!(stdout_of(&["completions", "bash"]).contains("complete -F _claimtrail"));
    assert!(stdout_of(&["completions", "zsh"]).starts_with("#compdef claimtrail"));
    Command::cargo_bin("claimtrail")
        .unwrap()
        .args(["completions", "tcsh"])
        .assert()
        .code(2);
}

#[test]
fn the_man_page_is_roff_naming_every_subcommand() {
    let page = stdout_of(&["man"]);
    let header = format!(
        ".TH claimtrail 1  \"claimtrail {}\"",
        env!("CARGO_PKG_VERSION")
    );
    assert!(
        page.lines()
            .any(|line| line.trim_end() == header.trim_end()),
        "{page}"
    );
    assert!(page.contains("\n.SH NAME\n") && page.contains("\n.SH SYNOPSIS\n"));
    for command in subcommands() {
        assert!(
            page.contains(&format!("claimtrail\\-{command}")),
            "man lacks {command}"
        );
    }
}
