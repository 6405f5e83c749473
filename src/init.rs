//! `claimtrail init`: a new tracker that `claimtrail build` can build at once.
//!
//! Files that already exist are never overwritten, even with `--force`.

use std::fs;
use std::path::Path;

use time::Date;

use crate::Error;
use crate::ids::suggest_id;
use crate::new::write_new;

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
        (".github/workflows/pages.yml", workflow()),
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

/// Edits that turn the repository's workflow into one for a tracker repository,
/// which has no claimtrail source to build: it installs the released crate,
/// pinned to the version that wrote the workflow, and caches the binary.
fn workflow_edits() -> [(&'static str, String); 7] {
    let version = env!("CARGO_PKG_VERSION");
    [
        ("it builds claimtrail,", "it installs claimtrail,".into()),
        (
            "          key: cargo-${{ runner.os }}-${{ hashFiles('Cargo.lock') }}\n          restore-keys: cargo-${{ runner.os }}-\n",
            format!("          key: claimtrail-${{{{ runner.os }}}}-{version}\n"),
        ),
        (
            "            target/\n",
            "            ~/.cargo/bin/claimtrail\n".into(),
        ),
        ("name: Build claimtrail", "name: Install claimtrail".into()),
        (
            "name: Cache cargo builds",
            "name: Cache the claimtrail binary".into(),
        ),
        (
            "run: cargo build --release --locked",
            format!("run: cargo install claimtrail --locked --version {version}"),
        ),
        ("./target/release/claimtrail", "claimtrail".into()),
    ]
}

/// The GitHub Pages workflow for a new tracker.
pub fn workflow() -> String {
    workflow_edits()
        .iter()
        .fold(REPO_WORKFLOW.to_string(), |text, (from, to)| {
            text.replace(from, to)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_workflow_edit_applies() {
        for (from, _) in workflow_edits() {
            assert!(
                REPO_WORKFLOW.contains(from),
                "pages.yml no longer has {from:?}"
            );
        }
        let text = workflow();
        assert!(!text.contains("cargo build"));
        assert!(!text.contains("target/"));
        assert!(text.contains("cargo install claimtrail --locked --version"));
    }
}
