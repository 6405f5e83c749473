//! Reading a chain in parallel runs gives what one pass gives.

use std::path::Path;
use std::process::Command;

use super::*;
use crate::load::RawFile;
use crate::provenance::FileVersion;
use crate::provenance::chain::read_runs;

const STATUSES: [&str; 3] = ["unverified", "disputed", "refuted"];

/// Runs `git args` in `dir` with fixed names and the commit date `day`.
fn git(dir: &Path, args: &[&str], day: u32) {
    let date = format!("2026-03-{day:02}T12:00:00Z");
    let status = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Editor")
        .env("GIT_AUTHOR_EMAIL", "editor@example.org")
        .env("GIT_COMMITTER_NAME", "Editor")
        .env("GIT_COMMITTER_EMAIL", "editor@example.org")
        .env("GIT_AUTHOR_DATE", &date)
        .env("GIT_COMMITTER_DATE", &date)
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

fn claim(title: &str, status: &str) -> String {
    format!(
        "+++\ntitle = \"{title}\"\nclaimant = \"acme\"\ndate = 2026-01-05\nstatus = \"{status}\"\n+++\nText.\n"
    )
}

/// A repository whose commits add claims, change verdicts and titles, rename
/// one, remove one, revert one to an earlier text, and one that leaves
/// `content/` alone.
fn scripted_repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let claims = root.join("content/claims");
    std::fs::create_dir_all(&claims).unwrap();
    git(root, &["init", "-q", "-b", "main"], 1);
    let write = |name: &str, text: String| std::fs::write(claims.join(name), text).unwrap();
    let commit = |subject: &str, day: u32| {
        git(root, &["add", "-A"], day);
        git(root, &["commit", "-q", "--allow-empty", "-m", subject], day);
    };
    // Claims that never change, so that the folder's tree is large enough
    // for git to store its versions as deltas when the repository is packed.
    for filler in 0..40 {
        write(
            &format!("filler-{filler:02}.md"),
            claim(&format!("Filler {filler}"), "unverified"),
        );
    }
    for day in 1..=6 {
        write(
            &format!("claim-{day}.md"),
            claim(&format!("Claim {day}"), "unverified"),
        );
        if day > 1 {
            write(
                &format!("claim-{}.md", day - 1),
                claim(&format!("Claim {}", day - 1), "disputed"),
            );
        }
        commit(&format!("Add claim {day} (#{day})"), day);
    }
    commit("Nothing in content", 7);
    write("claim-2.md", claim("Claim two, reworded", "refuted"));
    commit("Reword claim 2", 8);
    std::fs::rename(claims.join("claim-3.md"), claims.join("claim-three.md")).unwrap();
    commit("Rename claim 3", 9);
    std::fs::remove_file(claims.join("claim-4.md")).unwrap();
    commit("Remove claim 4", 10);
    // Back to the very text (the same blob) claim 2 had after day 3.
    write("claim-2.md", claim("Claim 2", "disputed"));
    commit("Revert claim 2", 11);
    dir
}

/// The history of `repo`'s whole chain, read in runs of `run_length` commits.
fn history_in_runs(repo: &Repo, run_length: usize) -> History {
    let head = repo.repo.head_id().unwrap().detach();
    let (chain, _) = first_parent_chain(repo, head, None).unwrap();
    let (deltas, last) = read_runs(repo, &chain, None, &STATUSES, run_length).unwrap();
    assert_eq!(
        last,
        repo.content_tree(head).unwrap(),
        "the last tree is HEAD's"
    );
    let mut history = History::default();
    let mut lineages = Lineages::default();
    lineages.apply_all(&mut history, deltas);
    history.follow(lineages.current);
    history
}

#[test]
fn runs_of_any_length_give_the_history_of_one_pass() {
    let dir = scripted_repository();
    let repo = crate::provenance::open(dir.path()).unwrap();
    let one_pass = history_in_runs(&repo, usize::MAX);
    assert_eq!(one_pass.records.len(), 46, "{:#?}", one_pass.records);
    let renamed = one_pass.record(Kind::Claim, "claim-three").unwrap();
    assert_eq!(renamed.revisions.len(), 3, "added, disputed, renamed");
    assert!(
        one_pass
            .records
            .iter()
            .any(|r| r.id == "claim-4" && r.removed)
    );
    for run_length in [1, 2, 3, 4, 7, 10] {
        assert_eq!(
            history_in_runs(&repo, run_length),
            one_pass,
            "runs of {run_length}"
        );
    }
}

/// What `git args` prints in `dir`.
fn git_output(dir: &Path, args: &[&str]) -> String {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(output.status.success(), "git {args:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// The paths whose version before `commit` went (modified or deleted) and
/// whose version after it came (added or modified), as git lists them.
fn changed_paths(root: &Path, commit: &str) -> (Vec<String>, Vec<String>) {
    let listing = [
        "diff-tree",
        "-r",
        "--root",
        "--no-commit-id",
        "--name-status",
    ];
    let changed = git_output(root, &[&listing[..], &[commit]].concat());
    let (mut went, mut came) = (Vec::new(), Vec::new());
    for line in changed.lines() {
        let (status, path) = line.split_once('\t').unwrap();
        if status != "A" {
            went.push(path.to_string());
        }
        if status != "D" {
            came.push(path.to_string());
        }
    }
    (went, came)
}

#[test]
fn each_delta_holds_the_versions_of_its_changed_files() {
    let dir = scripted_repository();
    let root = dir.path();
    let repo = crate::provenance::open(root).unwrap();
    let head = repo.repo.head_id().unwrap().detach();
    let (chain, _) = first_parent_chain(&repo, head, None).unwrap();
    let (deltas, _) = read_runs(&repo, &chain, None, &STATUSES, usize::MAX).unwrap();
    assert_eq!(deltas.len(), 10, "every commit but the one without content");
    let fingerprint = |revision: String| {
        let text = git_output(root, &["show", &revision]);
        let file = RawFile {
            kind: Kind::Claim,
            path: String::new(),
            id: String::new(),
            text,
        };
        FileVersion::parse(&file, &STATUSES).fingerprint
    };
    let mut shared = 0;
    for (delta, (before, after)) in &deltas {
        let commit = delta.commit.to_string();
        let (removed, added) = changed_paths(root, &commit);
        let paths = |side: &[FileVersion]| side.iter().map(|v| v.path.clone()).collect::<Vec<_>>();
        assert_eq!(paths(before), removed, "before {commit}");
        assert_eq!(paths(after), added, "after {commit}");
        for version in before {
            let earlier = fingerprint(format!("{commit}^:{}", version.path));
            assert_eq!(
                version.fingerprint, earlier,
                "{} before {commit}",
                version.path
            );
            shared += usize::from(deltas.iter().any(|(_, (_, a))| {
                a.iter()
                    .any(|v| v.path == version.path && v.fingerprint == earlier)
            }));
        }
        for version in after {
            let text = fingerprint(format!("{commit}:{}", version.path));
            assert_eq!(version.fingerprint, text, "{} after {commit}", version.path);
        }
    }
    assert_eq!(
        shared, 9,
        "the versions before edits that an earlier delta made"
    );
}

/// How many trees the repository's packs store as deltas.
fn packed_tree_deltas(root: &Path) -> usize {
    let packs = root.join(".git/objects/pack");
    let index = std::fs::read_dir(&packs)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .find(|path| path.extension().is_some_and(|e| e == "idx"))
        .expect("a pack");
    let listing = Command::new("git")
        .args(["verify-pack", "-v"])
        .arg(index)
        .output()
        .unwrap();
    String::from_utf8(listing.stdout)
        .unwrap()
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>())
        .filter(|fields| fields.get(1) == Some(&"tree") && fields.len() >= 7)
        .count()
}

#[test]
fn a_packed_repository_reads_as_its_loose_objects() {
    let dir = scripted_repository();
    let loose = history_in_runs(&crate::provenance::open(dir.path()).unwrap(), usize::MAX);
    git(dir.path(), &["repack", "-adfq"], 12);
    assert!(
        packed_tree_deltas(dir.path()) >= 3,
        "the claims folder's versions are deltas (whose bases the delta cache keeps)"
    );
    let repo = crate::provenance::open(dir.path()).unwrap();
    for run_length in [usize::MAX, 3] {
        assert_eq!(
            history_in_runs(&repo, run_length),
            loose,
            "runs of {run_length}"
        );
    }
}

#[test]
fn pull_request_numbers_start_at_one() {
    assert_eq!(pull_request("Merge pull request #12 from a/b"), Some(12));
    assert_eq!(pull_request("Support it (#7)"), Some(7));
    assert_eq!(pull_request("Merge pull request #0 from a/b"), None);
    assert_eq!(pull_request("Merge pull request #000 from a/b"), None);
    assert_eq!(pull_request("Support it (#0)"), None);
}
