//! A git repository scripted commit by commit with the `git` command line,
//! with fixed names and dates so every run makes the same commits.

use std::ffi::{OsStr, OsString};
use std::fs;
use std::path::Path;
use std::process::Command;

use crate::common;

/// A fixture site inside a git repository that tests commit to.
pub struct GitSite {
    /// The repository, which is also the site's root.
    pub dir: tempfile::TempDir,
}

impl GitSite {
    /// The base fixture in a new repository on branch `main`, nothing committed.
    pub fn new() -> GitSite {
        let site = GitSite {
            dir: common::site(&[]),
        };
        site.git(&["init", "-q", "-b", "main"], "2026-01-01T00:00:00Z");
        site
    }

    /// The base fixture committed on 3 May 2026 as "Add the first claims".
    pub fn committed() -> GitSite {
        let site = GitSite::new();
        site.commit("Add the first claims", "2026-05-03T09:00:00Z");
        site
    }

    /// The site's root.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Runs `git args` in the repository with the given commit date; panics if it fails.
    pub fn git(&self, args: &[&str], date: &str) -> String {
        let mut command = Command::new("git");
        command.args(args);
        let output = self.with_identity(&mut command, date).output().unwrap();
        assert!(
            output.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    }

    /// Runs `git args` (which may hold names that are not UTF-8); panics if it fails.
    pub fn git_os(&self, args: &[&OsStr], date: &str) -> String {
        let mut command = Command::new("git");
        command.args(args);
        let output = self.with_identity(&mut command, date).output().unwrap();
        assert!(output.status.success(), "git {args:?}: {output:?}");
        String::from_utf8(output.stdout).unwrap()
    }

    /// Runs `git args` with `input` on its standard input; panics if it fails.
    pub fn git_with_input(&self, args: &[&str], input: &[u8]) {
        let mut command = Command::new("git");
        command.args(args).stdin(std::process::Stdio::piped());
        let date = "2026-01-01T00:00:00Z";
        let mut child = self.with_identity(&mut command, date).spawn().unwrap();
        std::io::Write::write_all(&mut child.stdin.take().unwrap(), input).unwrap();
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "git {args:?}: {output:?}");
    }

    /// Fixed names and dates for a git command run in the repository.
    fn with_identity<'c>(&self, command: &'c mut Command, date: &str) -> &'c mut Command {
        command
            .current_dir(self.root())
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "Editor")
            .env("GIT_AUTHOR_EMAIL", "editor@example.org")
            .env("GIT_COMMITTER_NAME", "Editor")
            .env("GIT_COMMITTER_EMAIL", "editor@example.org")
            .env("GIT_AUTHOR_DATE", date)
            .env("GIT_COMMITTER_DATE", date)
    }

    /// Writes an object of `kind` (`blob`, `commit`) holding `bytes`, unchecked
    /// (`--literally`), as no checkout could; its id.
    pub fn object(&self, kind: &str, bytes: &[u8]) -> String {
        let scratch = self.root().join(".git/claimtrail-test-object");
        fs::write(&scratch, bytes).unwrap();
        let path = scratch.to_str().unwrap();
        let args = ["hash-object", "-w", "--literally", "-t", kind, path];
        self.git(&args, "2026-01-01T00:00:00Z").trim().to_string()
    }

    /// Puts an entry of `mode` (`160000` a submodule, `120000` a link) with
    /// object `id` at `path` in the index, without touching the files.
    pub fn stage(&self, mode: &str, id: &str, path: &OsStr) {
        let info = format!("{mode},{id},");
        let mut entry = OsString::from(info);
        entry.push(path);
        let args = [OsStr::new("update-index"), OsStr::new("--add")];
        let cache = [OsStr::new("--cacheinfo"), entry.as_os_str()];
        self.git_os(&[&args[..], &cache[..]].concat(), "2026-01-01T00:00:00Z");
    }

    /// Takes `path` out of the index only.
    pub fn unstage(&self, path: &OsStr) {
        let args = [
            OsStr::new("update-index"),
            OsStr::new("--force-remove"),
            path,
        ];
        self.git_os(&args, "2026-01-01T00:00:00Z");
    }

    /// Commits the index as it is (nothing added from the files).
    pub fn commit_index(&self, subject: &str, date: &str) {
        self.git(&["commit", "-q", "--no-verify", "-m", subject], date);
    }

    /// Commits everything with `subject` at `date`.
    pub fn commit(&self, subject: &str, date: &str) {
        self.git(&["add", "-A"], date);
        self.git(&["commit", "-q", "-m", subject], date);
    }

    /// Replaces `from` with `to` in the file at `path` (relative to the root); panics if absent.
    pub fn edit(&self, path: &str, from: &str, to: &str) {
        let full = self.root().join(path);
        let text = fs::read_to_string(&full).unwrap();
        assert!(text.contains(from), "{path} has no {from:?}");
        fs::write(full, text.replacen(from, to, 1)).unwrap();
    }

    /// Every file of a build (without search) into `<root>/<folder>`.
    pub fn build_into(&self, folder: &str) -> Vec<(String, Vec<u8>)> {
        let output = self.root().join(folder);
        claimtrail::build(&claimtrail::BuildOptions {
            output: Some(output.clone()),
            search: false,
            ..common::options(self.root())
        })
        .unwrap();
        common::tree(&output)
    }

    /// Changes the cost claim's verdict from disputed to refuted, with a
    /// `[[history]]` entry and note dated 10 June 2026 (not committed).
    pub fn refute_the_cost_claim(&self) {
        self.edit(COST, "status = \"disputed\"", "status = \"refuted\"");
        self.edit(
            COST,
            "+++\n## What",
            "\n[[history]]\ndate = 2026-06-10\nstatus = \"refuted\"\nnote = \"The price sheet settles it.\"\n+++\n## What",
        );
    }

    /// Moves the file at `from` to `to` with `git mv`.
    pub fn rename(&self, from: &str, to: &str) {
        self.git(&["mv", from, to], "2026-01-01T00:00:00Z");
    }
}

/// The claim file that the scripted histories change.
pub const COST: &str = "content/claims/acme-model-2-cost.md";
/// The second claim file they change.
pub const GLOBEX: &str = "content/claims/globex-beats-acme.md";

/// A history with every kind of change: a verdict changed with a note, one
/// without, a quote edited, a rename keeping an alias, one without, and a
/// merged branch adding a citation.
pub fn scripted() -> GitSite {
    let site = GitSite::committed();
    site.refute_the_cost_claim();
    site.commit("Refute the cost claim (#4)", "2026-06-10T12:00:00+02:00");
    site.edit(GLOBEX, "status = \"refuted\"", "status = \"disputed\"");
    site.edit(
        GLOBEX,
        "status = \"refuted\"\n+++",
        "status = \"refuted\"\n\n[[history]]\ndate = 2026-06-11\nstatus = \"disputed\"\n+++",
    );
    site.commit("Reopen the benchmark claim", "2026-06-11T08:00:00Z");
    site.edit(GLOBEX, "leads on four of seven", "leads on three of seven");
    site.commit("Fix a quote", "2026-06-12T08:00:00Z");
    site.rename(COST, "content/claims/acme-model-2-price.md");
    site.edit(
        "content/claims/acme-model-2-price.md",
        "aliases = [\"acme-2-cost\"]",
        "aliases = [\"acme-2-cost\", \"acme-model-2-cost\"]",
    );
    site.commit("Rename the cost claim", "2026-06-15T08:00:00Z");
    site.rename(GLOBEX, "content/claims/globex-leads.md");
    site.commit("Shorter id", "2026-06-16T08:00:00Z");
    site.git(
        &["checkout", "-q", "-b", "evidence"],
        "2026-06-17T08:00:00Z",
    );
    site.edit(
        "content/claims/globex-leads.md",
        "[[history]]",
        "[[citations]]\nsource = \"indie-lab\"\nurl = \"https://example.org/press/recount\"\nstance = \"supports\"\n\n[[history]]",
    );
    site.commit("Add the recount", "2026-06-18T08:00:00Z");
    site.git(&["checkout", "-q", "main"], "2026-06-19T08:00:00Z");
    site.git(
        &[
            "merge",
            "-q",
            "--no-ff",
            "-m",
            "Merge pull request #7 from editor/evidence",
            "evidence",
        ],
        "2026-06-20T08:00:00Z",
    );
    site
}
