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
pub use crate::starter_workflow::Install;
use crate::starter_workflow::workflow;

/// What `init` did.
#[derive(Debug, Default)]
pub struct InitReport {
    /// Files written, relative to the new site's folder.
    pub created: Vec<String>,
    /// Files left alone because they already existed.
    pub kept: Vec<String>,
    /// What the person who ran `init` should know (such as where the workflow
    /// installs claimtrail from, when this binary does not know its repository).
    pub notes: Vec<String>,
}

/// Creates a tracker in `dir`; refuses a non-empty folder unless `force`. Its
/// workflow installs claimtrail from where this binary's metadata says
/// ([`Install::choose`] without flags).
pub fn init(dir: &Path, force: bool, today: Date) -> Result<InitReport, Error> {
    init_with(dir, force, today, &Install::choose(None, None)?)
}

/// [`init`], with the workflow installing claimtrail from `install`.
pub fn init_with(
    dir: &Path,
    force: bool,
    today: Date,
    install: &Install,
) -> Result<InitReport, Error> {
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
    let mut report = InitReport {
        notes: install.note().into_iter().collect(),
        ..InitReport::default()
    };
    for (relative, text) in starter_files(dir, today, install) {
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
fn starter_files(dir: &Path, today: Date, install: &Install) -> Vec<(String, String)> {
    let today = today.to_string();
    let slug = site_slug(dir);
    let site = include_str!("starter/site.toml")
        .replace("__TITLE__", "AI Claims Tracker")
        .replace("__SLUG__", &slug);
    let dated = |text: &str| text.replace("__TODAY__", &today);
    [
        ("site.toml", site),
        (".gitignore", include_str!("starter/gitignore").to_string()),
        (WORKFLOW_FILE, workflow(&slug, install)),
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
