//! Reviewing a pull request: `claimtrail diff` and `check --base` on small
//! git repositories made in temp dirs with scripted commits (fixed names and
//! dates, so every output is pinned exactly).

mod annotations;
mod check_base;
mod diff;
mod errors;
mod history_record;
mod merge_base;
mod released;
mod unreadable;

use std::path::Path;
use std::process::{Command, Output};

use tempfile::TempDir;

/// The claim every tracker here starts with, at the base commit.
pub const CLAIM: &str = r#"+++
title = "Example Lab says its model answers twice as fast"
date = 2026-03-02
claimant = "example-lab-blog"
status = "unverified"

[[appearances]]
url = "https://example.org/blog/launch"
title = "Launch post"
date = 2026-03-02
quote = "Our model answers twice as fast."

[[citations]]
source = "example-press"
url = "https://example.org/press/review"
stance = "contradicts"
quote = "We measured 1.4 times as fast."

[[history]]
date = 2026-03-02
status = "unverified"
note = "Entered from the launch post."
+++
What would settle it: an independent benchmark.
"#;

/// Where [`CLAIM`] lives.
pub const CLAIM_FILE: &str = "content/claims/twice-as-fast.md";

/// A tracker in a git repository whose first commit (branch `main`) holds
/// one claim, two sources, and whose work happens on the branch `pr`.
pub struct Tracker {
    pub dir: TempDir,
}

impl Tracker {
    pub fn new() -> Tracker {
        let tracker = Tracker {
            dir: tempfile::tempdir().unwrap(),
        };
        tracker.git(&["init", "--quiet", "--initial-branch=main"]);
        tracker.write(
            "site.toml",
            "title = \"Test tracker\"\nbase_url = \"https://example.org/tracker/\"\n",
        );
        for (id, name) in [
            ("example-lab-blog", "Example Lab Blog"),
            ("example-press", "Example Press"),
        ] {
            let text = format!("+++\nname = \"{name}\"\nkind = \"press\"\n+++\n");
            tracker.write(&format!("content/sources/{id}.md"), &text);
        }
        tracker.write(CLAIM_FILE, CLAIM);
        tracker.commit("Add the first claim");
        tracker.git(&["checkout", "--quiet", "-b", "pr"]);
        tracker
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, relative: &str, text: &str) {
        let path = self.root().join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// Replaces `from` with `to` in the file at `relative`, which must hold it.
    pub fn edit(&self, relative: &str, from: &str, to: &str) {
        let text = std::fs::read_to_string(self.root().join(relative)).unwrap();
        assert!(text.contains(from), "{relative} has no {from:?}");
        self.write(relative, &text.replacen(from, to, 1));
    }

    /// Runs git in the tracker with fixed names and dates and no user settings.
    pub fn git(&self, args: &[&str]) -> Output {
        let output = Command::new("git")
            .args(args)
            .current_dir(self.root())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_AUTHOR_NAME", "Ada Contributor")
            .env("GIT_AUTHOR_EMAIL", "ada@example.org")
            .env("GIT_AUTHOR_DATE", "2026-06-01T12:00:00Z")
            .env("GIT_COMMITTER_NAME", "Ada Contributor")
            .env("GIT_COMMITTER_EMAIL", "ada@example.org")
            .env("GIT_COMMITTER_DATE", "2026-06-01T12:00:00Z")
            .output()
            .unwrap();
        assert!(output.status.success(), "git {args:?}: {output:?}");
        output
    }

    pub fn commit(&self, subject: &str) {
        self.git(&["add", "--all"]);
        self.git(&["commit", "--quiet", "--no-gpg-sign", "-m", subject]);
    }

    /// Makes a commit on `main` with what `change` does, and starts `pr` again from it.
    pub fn on_base(&self, subject: &str, change: impl FnOnce(&Tracker)) {
        self.git(&["checkout", "--quiet", "main"]);
        change(self);
        self.commit(subject);
        self.git(&["checkout", "--quiet", "-B", "pr"]);
    }

    /// Runs `claimtrail` in the tracker.
    pub fn run(&self, args: &[&str]) -> Run {
        run_in(self.root(), args)
    }
}

/// Runs `claimtrail` in the folder `dir`.
pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_claimtrail"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// What a run of `claimtrail` printed, and its exit code.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}
