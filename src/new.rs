//! `claimtrail new`: writes a new claim, source, entity or document file with every
//! required field present and placeholders that `check` flags until filled.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use time::Date;
use walkdir::WalkDir;

use crate::config;
use crate::diagnostic::Diagnostics;
use crate::error::Error;
use crate::ids::{is_valid_id, suggest_id, windows_device_problem};
use crate::load::{self, CONFIG_FILE, Kind};

const CLAIM: &str = include_str!("starter/new-claim.md");
const SOURCE: &str = include_str!("starter/new-source.md");
const ENTITY: &str = include_str!("starter/new-entity.md");
const DOCUMENT: &str = include_str!("starter/new-document.md");

/// Writes `content/<kind folder>/<id>.md` under `root` and returns its path.
///
/// Refuses a root without `site.toml`, an invalid id (suggesting a valid one),
/// an id already used by a file of that kind in any sub-folder, and a page.
pub fn new_file(root: &Path, kind: Kind, id: &str, today: Date) -> Result<PathBuf, Error> {
    let config_path = root.join(CONFIG_FILE);
    if !config_path.is_file() {
        return Err(Error::Usage(format!(
            "{} is not a claimtrail site (it has no {CONFIG_FILE}); run `claimtrail init` to start one, or pass --root DIR",
            root.display()
        )));
    }
    check_id(kind, id)?;
    let folder = root.join("content").join(kind.folder());
    if let Some(existing) = find_existing(&folder, id) {
        return Err(Error::Usage(format!(
            "a {} with the id `{id}` already exists: {}; choose another id",
            kind.noun(),
            existing.display()
        )));
    }
    let text = starter_text(kind, root, today)?;
    fs::create_dir_all(&folder).map_err(|e| Error::io(&folder, e))?;
    let path = folder.join(format!("{id}.md"));
    write_new(&path, &text)?;
    Ok(path)
}

fn check_id(kind: Kind, id: &str) -> Result<(), Error> {
    if is_valid_id(id) {
        return match windows_device_problem(id, kind.noun()) {
            Some((message, longer)) => Err(Error::Usage(format!("{message}; try `{longer}`"))),
            None => Ok(()),
        };
    }
    let suggestion = suggest_id(id);
    let hint = if suggestion.is_empty() {
        "use only a-z, 0-9 and `-`".to_string()
    } else {
        format!("try `{suggestion}`")
    };
    Err(Error::Usage(format!(
        "`{id}` is not a valid {} id: ids use only lowercase letters a-z, digits 0-9 and `-`, and start with a letter or digit; {hint}",
        kind.noun()
    )))
}

/// The first file named `<id>.md` anywhere under `folder`.
fn find_existing(folder: &Path, id: &str) -> Option<PathBuf> {
    let name = format!("{id}.md");
    WalkDir::new(folder)
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .find(|entry| entry.file_name().to_string_lossy() == name)
        .map(walkdir::DirEntry::into_path)
}

fn starter_text(kind: Kind, root: &Path, today: Date) -> Result<String, Error> {
    let template = match kind {
        Kind::Claim => CLAIM,
        Kind::Source => SOURCE,
        Kind::Entity => ENTITY,
        Kind::Document => DOCUMENT,
        Kind::Page => {
            return Err(Error::Usage(
                "`claimtrail new` writes claims, sources, entities and documents; write a page by hand in content/pages/".into(),
            ));
        }
    };
    Ok(template
        .replace("__TODAY__", &today.to_string())
        .replace("__STATUS__", &first_status(root)))
}

/// The site's first status id (its "not yet judged" one by convention), or
/// `unverified`. `site.toml` is read as the load stage reads it.
fn first_status(root: &Path) -> String {
    let text = match load::read_config(root) {
        Ok(Some((text, _))) => text,
        _ => String::new(),
    };
    config::parse(&text, &mut Diagnostics::new())
        .and_then(|config| config.statuses.first().map(|s| s.id.clone()))
        .unwrap_or_else(|| "unverified".to_string())
}

/// Creates `path` with `text`, failing rather than replacing a file that appeared meanwhile.
pub(crate) fn write_new(path: &Path, text: &str) -> Result<(), Error> {
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| Error::io(path, e))?;
    file.write_all(text.as_bytes())
        .map_err(|e| Error::io(path, e))
}
