//! `claimtrail init`: a new tracker that `claimtrail build` can build at once.
//!
//! Files that already exist are never overwritten, even with `--force`.

use std::fs;
use std::path::Path;

use time::Date;

use crate::error::Error;
use crate::ids::suggest_id;
use crate::load::WORKFLOW_FILE;
use crate::new::write_new;
use crate::workflow::REPOSITORY_VARIABLE;

/// The repository's own Pages workflow, adjusted by [`workflow`] for a tracker repository.
const REPO_WORKFLOW: &str = include_str!("../.github/workflows/pages.yml");

/// What `init` did.
#[derive(Debug, Default)]
pub struct InitReport {
    /// Files written, relative to the new site's folder.
    pub created: Vec<String>,
    /// Files left alone because they already existed.
    pub kept: Vec<String>,
}

/// Creates a tracker in `dir`; refuses a non-empty folder unless `force`.
pub fn init(dir: &Path, force: bool, today: Date) -> Result<InitReport, Error> {
    if dir.exists() && !dir.is_dir() {
        return Err(Error::Usage(format!(
            "{} exists and is not a folder",
            dir.display()
        )));
    }
    if !force && !is_empty(dir)? {
        return Err(Error::Usage(format!(
            "{} is not empty; pass --force to add the starter files anyway (existing files are never overwritten)",
            dir.display()
        )));
    }
    let mut report = InitReport::default();
    for (relative, text) in starter_files(dir, today) {
        let path = dir.join(&relative);
        if fs::symlink_metadata(&path).is_ok() {
            report.kept.push(relative);
            continue;
        }
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        write_new(&path, &text)?;
        report.created.push(relative);
    }
    Ok(report)
}

/// The command to run after `init` in `dir`, from the folder `init` ran in:
/// `claimtrail serve --open`, after a `cd` unless `dir` is that folder.
///
/// ```
/// use std::path::Path;
/// use claimtrail::init::next_command;
/// assert_eq!(next_command(Path::new(".")), "claimtrail serve --open");
/// assert_eq!(next_command(Path::new("my tracker")), "cd 'my tracker' && claimtrail serve --open");
/// ```
pub fn next_command(dir: &Path) -> String {
    let serve = "claimtrail serve --open";
    let is_here = dir.components().all(|c| c == std::path::Component::CurDir)
        || std::env::current_dir().ok() == dir.canonicalize().ok();
    if is_here {
        return serve.to_string();
    }
    format!("cd {} && {serve}", shell_word(&dir.display().to_string()))
}

/// `word` as one shell word: as is when it holds only characters no shell
/// treats specially, else in single quotes.
fn shell_word(word: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "-_./~".contains(c);
    if !word.is_empty() && word.chars().all(plain) && !word.starts_with('~') {
        return word.to_string();
    }
    format!("'{}'", word.replace('\'', r"'\''"))
}

fn is_empty(dir: &Path) -> Result<bool, Error> {
    match fs::read_dir(dir) {
        Ok(mut entries) => Ok(entries.next().is_none()),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(true),
        Err(error) => Err(Error::io(dir, error)),
    }
}

/// Every starter file: its path relative to the site and its text.
fn starter_files(dir: &Path, today: Date) -> Vec<(String, String)> {
    let today = today.to_string();
    let slug = site_slug(dir);
    let site = include_str!("starter/site.toml")
        .replace("__TITLE__", "AI Claims Tracker")
        .replace("__SLUG__", &slug);
    let dated = |text: &str| text.replace("__TODAY__", &today);
    [
        ("site.toml", site),
        (".gitignore", include_str!("starter/gitignore").to_string()),
        (WORKFLOW_FILE, workflow(&slug)),
        (
            "content/claims/example-lab-model-twice-as-fast.md",
            dated(include_str!("starter/example-claim.md")),
        ),
        (
            "content/sources/example-lab-blog.md",
            include_str!("starter/example-source.md").to_string(),
        ),
        (
            "content/entities/example-lab.md",
            include_str!("starter/example-entity.md").to_string(),
        ),
        (
            "content/pages/about.md",
            include_str!("starter/about.md").to_string(),
        ),
    ]
    .into_iter()
    .map(|(path, text)| (path.to_string(), text))
    .collect()
}

/// The folder's name as a URL path segment, for the placeholder base URL.
fn site_slug(dir: &Path) -> String {
    let name = std::path::absolute(dir)
        .ok()
        .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_default();
    let slug = suggest_id(&name);
    if slug.is_empty() {
        "ai-claims".to_string()
    } else {
        slug
    }
}

/// The variables a tracker's workflow installs claimtrail with, at its top.
/// The repository URL is a placeholder: claimtrail has no public address we
/// can vouch for, so the maintainer fills it in and `check` warns until then.
fn install_variables() -> String {
    let version = env!("CARGO_PKG_VERSION");
    format!(
        "\n# Where this workflow installs claimtrail from (it is not on crates.io):\n\
         # the git repository and the release tag to build. Put the repository's\n\
         # URL in place of the TODO (`claimtrail check` warns until you do), make\n\
         # sure the tag exists there, and change the tag to move to a newer release.\n\
         env:\n  {REPOSITORY_VARIABLE}: \"{marker}: claimtrail's git repository URL\"\n\
         \x20 CLAIMTRAIL_TAG: \"v{version}\"\n",
        marker = crate::placeholders::MARKER,
    )
}

/// Edits that turn the repository's workflow into one for a tracker repository,
/// which has no claimtrail source to build: it installs claimtrail from its git
/// repository at a pinned tag (see [`install_variables`]) and caches the binary.
fn workflow_edits() -> [(&'static str, String); 8] {
    [
        ("\nname: Pages\n", format!("\nname: Pages\n{}", install_variables())),
        ("it builds claimtrail,", "it installs claimtrail,".into()),
        (
            "          key: cargo-${{ runner.os }}-${{ hashFiles('Cargo.lock') }}\n          restore-keys: cargo-${{ runner.os }}-\n",
            "          key: claimtrail-${{ runner.os }}-${{ env.CLAIMTRAIL_REPOSITORY }}-${{ env.CLAIMTRAIL_TAG }}\n".into(),
        ),
        (
            "            target/\n",
            "            ~/.cargo/bin/claimtrail\n".into(),
        ),
        (
            "      - name: Build claimtrail\n",
            "      - name: Install claimtrail\n        if: steps.claimtrail-cache.outputs.cache-hit != 'true'\n".into(),
        ),
        (
            "      - name: Cache cargo builds\n",
            "      - name: Cache the claimtrail binary\n        id: claimtrail-cache\n".into(),
        ),
        (
            "run: cargo build --release --locked",
            "run: cargo install --locked --git \"$CLAIMTRAIL_REPOSITORY\" --tag \"$CLAIMTRAIL_TAG\" claimtrail".into(),
        ),
        ("./target/release/claimtrail", "claimtrail".into()),
    ]
}

/// The GitHub Pages workflow for a new tracker named `slug`.
pub(crate) fn workflow(slug: &str) -> String {
    workflow_edits()
        .iter()
        .fold(REPO_WORKFLOW.to_string(), |text, (from, to)| {
            text.replace(from, to)
        })
        .replace(REPO_ARCHIVE_SCHEDULE, &archive_schedule(slug))
}

/// When the repository's own workflow refreshes its archive each week.
const REPO_ARCHIVE_SCHEDULE: &str = "- cron: \"17 4 * * 1\"";

/// A weekly time of its own for the tracker named `slug`, so that the
/// trackers `init` makes do not all ask the archive at once; the same name
/// always gets the same time (FNV-1a of the name picks minute, hour and day).
fn archive_schedule(slug: &str) -> String {
    let hash = slug.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    let (minute, hour, day) = (hash % 60, (hash / 60) % 24, (hash / 1440) % 7);
    format!("- cron: \"{minute} {hour} * * {day}\"")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workflow::workflow_placeholders;

    #[test]
    fn a_filled_in_repository_is_not_flagged() {
        let text = workflow("tracker").replace(
            "\"TODO: claimtrail's git repository URL\"",
            "https://git.example.org/claimtrail.git",
        );
        assert!(workflow_placeholders(&text).is_empty());
        assert!(workflow_placeholders("").is_empty());
    }

    #[test]
    fn each_tracker_refreshes_its_archive_at_a_weekly_time_of_its_own() {
        let times: std::collections::BTreeSet<String> =
            ["ai-claims", "model-watch", "tracker", "claims-2026"]
                .iter()
                .map(|slug| archive_schedule(slug))
                .collect();
        assert_eq!(times.len(), 4, "{times:?}");
        assert_eq!(archive_schedule("ai-claims"), archive_schedule("ai-claims"));
        for time in times {
            let fields: Vec<&str> = time
                .trim_start_matches("- cron: \"")
                .trim_end_matches('"')
                .split(' ')
                .collect();
            let [minute, hour, "*", "*", day] = fields[..] else {
                panic!("not weekly: {time}");
            };
            assert!(minute.parse::<u8>().unwrap() < 60 && hour.parse::<u8>().unwrap() < 24);
            assert!(day.parse::<u8>().unwrap() < 7, "{time}");
        }
    }

    #[test]
    fn every_workflow_edit_applies() {
        for (from, _) in workflow_edits() {
            assert!(
                REPO_WORKFLOW.contains(from),
                "pages.yml no longer has {from:?}"
            );
        }
        assert!(REPO_WORKFLOW.contains(REPO_ARCHIVE_SCHEDULE));
        let text = workflow("tracker");
        assert!(!text.contains("cargo build"));
        assert!(!text.contains(REPO_ARCHIVE_SCHEDULE));
        assert!(text.contains(&archive_schedule("tracker")));
        assert!(!text.contains("target/"));
        assert!(text.contains("cargo install --locked --git"));
        assert_eq!(workflow_placeholders(&text).len(), 1);
    }
}
