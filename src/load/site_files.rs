//! The site's files besides its content: `site.toml`, the GitHub workflow,
//! `archive.lock`, the templates of `templates/` and the listing of
//! `static/`. The load stage owns the site's layout, so these names live here.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use bytes::Bytes;

use super::entry::{CONTENT_FOLDER, other_folder};
use super::lock_file::{ARCHIVE_LOCK_FILE, LockText, read_lock};
use super::releases::{ReleaseFolder, read_releases};
use super::text::decode;
use super::{MAX_FILE_BYTES, symlinks};
use crate::diagnostic::{Diagnostic, Diagnostics};

/// The name of the settings file at the site root.
pub(crate) const CONFIG_FILE: &str = "site.toml";

/// Where a tracker's workflow installs claimtrail from, relative to the site.
pub(crate) const WORKFLOW_FILE: &str = ".github/workflows/pages.yml";

/// The folder of the site's own templates, laid over the built-in ones.
pub(crate) const TEMPLATES_FOLDER: &str = "templates";

pub(crate) use crate::i18n::TRANSLATIONS_FOLDER;

/// The folder copied into the output as it is.
pub(crate) const STATIC_FOLDER: &str = "static";

/// The parts of a site the load stage reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Area {
    /// `site.toml`.
    Config,
    /// `content/`.
    Content,
    /// `templates/`.
    Templates,
    /// `static/`.
    Static,
    /// The GitHub workflow.
    Workflow,
    /// `archive.lock`.
    ArchiveLock,
    /// `translations/`.
    Translations,
    /// `data/releases/`.
    Releases,
}

impl Area {
    /// Every area; what `serve` watches.
    pub(crate) const ALL: [Area; 8] = [
        Area::Config,
        Area::Content,
        Area::Templates,
        Area::Static,
        Area::Workflow,
        Area::ArchiveLock,
        Area::Translations,
        Area::Releases,
    ];

    /// Its path from the site root.
    pub(crate) fn path(self) -> &'static str {
        match self {
            Area::Config => CONFIG_FILE,
            Area::Content => CONTENT_FOLDER,
            Area::Templates => TEMPLATES_FOLDER,
            Area::Static => STATIC_FOLDER,
            Area::Workflow => WORKFLOW_FILE,
            Area::ArchiveLock => ARCHIVE_LOCK_FILE,
            Area::Translations => TRANSLATIONS_FOLDER,
            Area::Releases => super::RELEASES_FOLDER,
        }
    }

    /// The area a change at `relative` (a path from the site root) touches:
    /// the area itself, something inside it, or a folder on its way (a
    /// removed `.github/` removes the workflow).
    pub(crate) fn of(relative: &Path) -> Option<Area> {
        if relative.as_os_str().is_empty() {
            return None;
        }
        Area::ALL.into_iter().find(|area| {
            let path = Path::new(area.path());
            relative.starts_with(path) || path.starts_with(relative)
        })
    }
}

/// One file of the site's `templates/` folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TemplateFile {
    /// Its path inside `templates/`, `/`-separated: the template's name.
    pub name: String,
    /// Its bytes, or why they could not be read.
    pub bytes: Result<Vec<u8>, String>,
}

/// An entry of `static/`: its `/`-separated path inside the folder, and
/// whether it is a folder.
pub(crate) type StaticEntry = (String, bool);

/// Everything of a site besides its content, as the load stage found it.
#[derive(Debug, Default)]
pub(crate) struct SiteFiles {
    /// `site.toml` as text, if the site has one.
    pub config: Option<String>,
    /// The GitHub workflow as text, if the site has one that is a readable text file.
    pub workflow: Option<String>,
    /// `archive.lock`, what `claimtrail archive` recorded about the cited addresses.
    pub archive_lock: LockText,
    /// The files of `templates/`, by name.
    pub templates: Vec<TemplateFile>,
    /// The files and folders of `static/` to copy, in walk order (a folder
    /// before what it holds).
    pub statics: Vec<StaticEntry>,
    /// The folders of `data/releases/`, with their files' bytes.
    pub releases: Vec<ReleaseFolder>,
    /// The site's own translation tables, `translations/<language>.toml`:
    /// each file's path from the site root and its text.
    pub translations: Vec<(String, String)>,
    /// A settings file that is not UTF-8, and the links and refused names in
    /// `templates/` and `static/`.
    pub diagnostics: Diagnostics,
}

impl SiteFiles {
    /// The text of the site's own template `name`, if it has one that is text.
    pub(crate) fn template_text(&self, name: &str) -> Option<&str> {
        let file = self.templates.iter().find(|file| file.name == name)?;
        std::str::from_utf8(file.bytes.as_ref().ok()?).ok()
    }
}

/// Reads every file of the site at `root` besides its content. Fails only
/// for a `site.toml` that is refused outright (see [`read_config`]).
pub(crate) fn site_files(root: &Path) -> std::io::Result<SiteFiles> {
    let mut files = SiteFiles::default();
    if let Some((text, problem)) = read_config(root)? {
        files.config = Some(text);
        files.diagnostics.extend(problem);
    }
    files.workflow = read_workflow(root);
    files.translations = read_translations(root);
    files.archive_lock = read_lock(root);
    let templates = root.join(TEMPLATES_FOLDER);
    let (entries, problems) = other_folder(root, &templates);
    files.diagnostics.extend(problems);
    files.templates = entries
        .into_iter()
        .filter(|(_, is_dir)| !is_dir)
        .map(|(name, _)| TemplateFile {
            bytes: fs::read(templates.join(&name)).map_err(|e| e.to_string()),
            name,
        })
        .collect();
    let (statics, problems) = other_folder(root, &root.join(STATIC_FOLDER));
    files.diagnostics.extend(problems);
    files.statics = statics;
    let (releases, problems) = read_releases(root);
    files.diagnostics.extend(problems);
    files.releases = releases;
    Ok(files)
}

/// The text of each regular `.toml` file directly in `translations/`, by
/// path, sorted; links, folders, large and non-UTF-8 files are skipped.
fn read_translations(root: &Path) -> Vec<(String, String)> {
    let Ok(entries) = fs::read_dir(root.join(TRANSLATIONS_FOLDER)) else {
        return Vec::new();
    };
    let mut found: Vec<(String, String)> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_file()))
        .filter(|entry| entry.metadata().is_ok_and(|m| m.len() <= MAX_FILE_BYTES))
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            name.ends_with(".toml").then_some(())?;
            let text = fs::read_to_string(entry.path()).ok()?;
            Some((format!("{TRANSLATIONS_FOLDER}/{name}"), text))
        })
        .collect();
    found.sort();
    found
}

/// The workflow's text, when it is a regular file (a link is not followed) of text.
fn read_workflow(root: &Path) -> Option<String> {
    let path = root.join(WORKFLOW_FILE);
    if !fs::symlink_metadata(&path).ok()?.is_file() {
        return None;
    }
    fs::read_to_string(path).ok()
}

/// `site.toml`, if present, as text, and the problem with it if it is not
/// UTF-8 (UTF-16, binary, an invalid byte): then the text is read as well as
/// it can be, so the rest of the file is still checked, and the problem (an
/// error) stops the build. A link to outside the site or a huge file is
/// refused outright.
pub(crate) fn read_config(root: &Path) -> std::io::Result<Option<(String, Option<Diagnostic>)>> {
    let path = root.join(CONFIG_FILE);
    let refuse = |why: String| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("{}: {why}", path.display()),
        )
    };
    if symlinks::is_symlink(&path) && symlinks::leads_outside(root, &path) {
        return Err(refuse(
            "a symbolic link to outside the site; refusing to read it".into(),
        ));
    }
    if !path.is_file() {
        return Ok(None);
    }
    let size = fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        return Err(refuse(format!(
            "{size} bytes; settings files may be at most {MAX_FILE_BYTES} bytes"
        )));
    }
    let bytes = fs::read(&path).map_err(|e| refuse(e.to_string()))?;
    let binary = ("TOML", "the settings file must be text".to_string());
    Ok(Some(match decode(CONFIG_FILE, bytes.clone(), binary) {
        Ok(text) => (text, None),
        Err(unreadable) => {
            let (problem, text) = *unreadable;
            let text = text.unwrap_or_else(|| String::from_utf8_lossy(&bytes).into_owned());
            (text, Some(problem))
        }
    }))
}

/// The static files: output paths (`/`-separated, relative) to contents.
pub(crate) type Statics = HashMap<String, Bytes>;

/// The bytes of every file of the `statics` listing of the site at `root`,
/// for `serve`, which answers from memory. A file that cannot be read is
/// left out, as if it were gone.
pub(crate) fn read_statics(root: &Path, statics: &[StaticEntry]) -> Statics {
    let folder: PathBuf = root.join(STATIC_FOLDER);
    statics
        .iter()
        .filter(|(_, is_dir)| !is_dir)
        .filter_map(|(relative, _)| {
            let bytes = fs::read(folder.join(relative)).ok()?;
            Some((relative.clone(), Bytes::from(bytes)))
        })
        .collect()
}
