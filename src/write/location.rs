//! Where the site may be written: refusals of folders that hold something
//! else, and joining generated paths without ever leaving the output.
//!
//! Every refusal compares real paths: the requested output's symbolic links
//! are resolved in every part of it that exists, so a link cannot lead a build
//! into `content/` or onto a system folder under another name.

use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::error::Error;

/// Refuses output folders that hold something else, with or without
/// `--force`: the root itself, a folder above it, the
/// content/templates/static/.git folders, the home folder or the working
/// folder or a folder above them, and the system's own folders.
pub(crate) fn check_output_location(root: &Path, output: &Path) -> Result<(), Error> {
    let places = Places::here(root)?;
    let output = resolve(output)?;
    match places.refusal(&output) {
        None => Ok(()),
        Some(why) => Err(Error::Usage(format!(
            "refusing to write the site to {}: {why}; choose a folder of its own, such as {}",
            output.display(),
            places.root.join("public").display()
        ))),
    }
}

/// The folders an output may not replace or hold, resolved.
struct Places {
    root: PathBuf,
    home: Option<PathBuf>,
    working: Option<PathBuf>,
}

impl Places {
    /// The places of this process: the site at `root`, `$HOME` and the working
    /// folder (each as written when it cannot be resolved: a broken `$HOME`
    /// is no reason to refuse a build).
    fn here(root: &Path) -> Result<Places, Error> {
        let home = std::env::var_os("HOME").filter(|home| !home.is_empty());
        let resolved = |path: PathBuf| resolve(&path).unwrap_or(path);
        Ok(Places {
            root: resolve(root)?,
            home: home.map(PathBuf::from).map(resolved),
            working: std::env::current_dir().ok().map(resolved),
        })
    }

    /// Why `output` (resolved) may not be the output folder, if it may not.
    fn refusal(&self, output: &Path) -> Option<String> {
        if self.root.starts_with(output) {
            return Some("it holds the site itself".into());
        }
        for folder in ["content", "templates", "static", ".git"] {
            let inside = self.root.join(folder);
            let real = resolve(&inside).unwrap_or(inside);
            if output.starts_with(real) {
                return Some(format!("it is inside {folder}/"));
            }
        }
        if self
            .home
            .as_ref()
            .is_some_and(|home| home.starts_with(output))
        {
            return Some("it is your home folder or holds it".into());
        }
        if self.working.as_ref().is_some_and(|w| w.starts_with(output)) {
            return Some("it is the working folder or holds it".into());
        }
        is_system_folder(output).then(|| "it is a system folder".into())
    }
}

// The operating system's folders (Linux, the BSDs, macOS). An output folder
// is replaced, or moved aside by `--force`: never one of these.

/// System folders, refused themselves (what is inside may be a site's).
const SYSTEM_FOLDERS: [&str; 20] = [
    "/home",
    "/media",
    "/mnt",
    "/opt",
    "/root",
    "/snap",
    "/srv",
    "/tmp",
    "/usr",
    "/usr/local",
    "/usr/share",
    "/var",
    "/var/lock",
    "/var/run",
    "/var/tmp",
    "/Applications",
    "/Library",
    "/Users",
    "/Volumes",
    "/private",
];

/// System folders refused with everything inside them.
const SYSTEM_TREES: [&str; 18] = [
    "/bin",
    "/boot",
    "/dev",
    "/etc",
    "/proc",
    "/run",
    "/sbin",
    "/sys",
    "/usr/bin",
    "/usr/include",
    "/usr/sbin",
    "/var/cache",
    "/var/lib",
    "/var/log",
    "/var/mail",
    "/var/spool",
    "/System",
    "/private/etc",
];

/// Folders whose every direct subfolder is refused: other users' home
/// folders, `/usr/local/bin` and its like, mounted disks.
const SYSTEM_PARENTS: [&str; 7] = [
    "/home",
    "/media",
    "/mnt",
    "/usr",
    "/usr/local",
    "/Users",
    "/Volumes",
];

/// Whether `output` (resolved) is a system folder: a file system root, one of
/// [`SYSTEM_FOLDERS`], inside one of [`SYSTEM_TREES`] or a `/lib*` or
/// `/usr/lib*` folder, or directly inside one of [`SYSTEM_PARENTS`], under
/// its own name or the name its links resolve to.
fn is_system_folder(output: &Path) -> bool {
    let Some(parent) = output.parent() else {
        return true; // `/`, or a drive's root
    };
    SYSTEM_FOLDERS
        .into_iter()
        .flat_map(spellings)
        .any(|folder| output == folder)
        || SYSTEM_TREES
            .into_iter()
            .flat_map(spellings)
            .any(|tree| output.starts_with(tree))
        || SYSTEM_PARENTS
            .into_iter()
            .flat_map(spellings)
            .any(|folder| parent == folder)
        || is_in_a_library_tree(output)
}

/// `folder` as written and, where links lead elsewhere, as resolved.
fn spellings(folder: &str) -> impl Iterator<Item = PathBuf> {
    let written = PathBuf::from(folder);
    let real = resolve(&written).ok().filter(|real| *real != written);
    [Some(written), real].into_iter().flatten()
}

/// Whether `output` is or is inside `/lib*` or `/usr/lib*` (`/lib64`,
/// `/usr/libexec`, ...).
fn is_in_a_library_tree(output: &Path) -> bool {
    let mut names = output.components().filter_map(|component| match component {
        Component::Normal(name) => Some(name.to_string_lossy()),
        _ => None,
    });
    match (names.next(), names.next()) {
        (Some(first), _) if first.starts_with("lib") => true,
        (Some(first), Some(second)) => first == "usr" && second.starts_with("lib"),
        _ => false,
    }
}

/// `path` made absolute with its symbolic links resolved: each existing part
/// is replaced by its real path, and the parts that do not exist yet (which
/// cannot be links) are appended as written, `..` taken lexically, as the
/// folders will be created. A link that leads nowhere is an error: where it
/// would write cannot be known.
fn resolve(path: &Path) -> Result<PathBuf, Error> {
    let absolute = std::path::absolute(path).map_err(|e| Error::io(path, e))?;
    let mut resolved = PathBuf::new();
    for component in absolute.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                resolved.pop();
            }
            Component::Normal(name) => {
                resolved.push(name);
                let is_link = fs::symlink_metadata(&resolved).is_ok_and(|m| m.is_symlink());
                if is_link {
                    resolved = fs::canonicalize(&resolved).map_err(|e| {
                        Error::Usage(format!(
                            "refusing to write the site through {}: a symbolic link that cannot be followed ({e})",
                            resolved.display()
                        ))
                    })?;
                }
            }
            Component::Prefix(_) | Component::RootDir => resolved.push(component),
        }
    }
    Ok(resolved)
}

/// Longest file or folder name written, in bytes: the limit of common file systems.
pub(crate) const MAX_NAME_BYTES: usize = 255;

/// Joins a generated relative path, refusing anything that could leave `base`:
/// `..`, absolute paths, drive prefixes, backslashes, NUL and overlong names.
pub fn safe_join(base: &Path, relative: &str) -> Result<PathBuf, Error> {
    let path = Path::new(relative);
    let only_normal = path.components().all(|c| match c {
        Component::Normal(name) => name.len() <= MAX_NAME_BYTES,
        _ => false,
    });
    let forbidden = ['\\', '\0'];
    if relative.is_empty() || !only_normal || relative.contains(forbidden) {
        return Err(Error::Usage(format!(
            "refusing to write outside the output folder: {relative:?}"
        )));
    }
    Ok(base.join(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(path: &str) -> bool {
        is_system_folder(&resolve(Path::new(path)).unwrap())
    }

    #[test]
    fn system_folders_are_refused_under_any_spelling() {
        for path in [
            "/",
            "/usr",
            "/etc",
            "/bin",
            "/sbin",
            "/lib",
            "/lib64",
            "/libx32",
            "/var",
            "/opt",
            "/boot",
            "/dev",
            "/proc",
            "/sys",
            "/home",
            "/root",
            "/tmp",
            "/usr/local",
            "/usr/bin",
            "/usr/share",
            "/usr/local/bin",
            "/usr/lib/x86_64-linux-gnu",
            "/usr/libexec/x",
            "/lib/modules/6.1",
            "/etc/ssh",
            "/etc/nginx/sites",
            "/home/someone",
            "/var/lib",
            "/var/lib/docker",
            "/usr/",
            "//usr",
            "/usr/./",
            "/etc/../usr",
            "/usr/share/..",
            "/proc/claimtrail-no-such-folder",
        ] {
            assert!(refused(path), "{path} was not refused");
        }
        for path in [
            "/srv/www",
            "/var/www",
            "/var/www/html",
            "/opt/site",
            "/tmp/site",
            "/usr/share/nginx/html",
            "/usr/local/share/site",
            "/home/someone/site/public",
            "/var/libx",
        ] {
            assert!(!refused(path), "{path} was refused");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_a_system_folder_is_refused_like_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink("/usr", &link).unwrap();
        assert_eq!(resolve(&link).unwrap(), fs::canonicalize("/usr").unwrap());
        assert!(is_system_folder(&resolve(&link).unwrap()));
        // Through a link to `/`, then a folder name.
        let top = dir.path().join("top");
        std::os::unix::fs::symlink("/", &top).unwrap();
        assert!(is_system_folder(&resolve(&top.join("etc")).unwrap()));
        assert!(is_system_folder(&resolve(&top).unwrap()));
    }

    /// The places of a site at `root`, for a user whose home is `home`.
    fn places(root: &Path, home: &Path) -> Places {
        Places {
            root: resolve(root).unwrap(),
            home: Some(resolve(home).unwrap()),
            working: None,
        }
    }

    #[cfg(unix)]
    #[test]
    fn links_in_the_existing_part_of_a_path_are_followed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        let home = dir.path().join("home");
        fs::create_dir_all(root.join("content")).unwrap();
        fs::create_dir_all(&home).unwrap();
        let link = |target: &Path, name: &str| {
            std::os::unix::fs::symlink(target, dir.path().join(name)).unwrap();
            dir.path().join(name)
        };
        let clink = link(&root.join("content"), "clink");
        let slink = link(&root, "slink");
        let hlink = link(&home, "hlink");
        let places = places(&root, &home);
        let why = |output: PathBuf| places.refusal(&resolve(&output).unwrap());
        let inside_content = Some("it is inside content/".to_string());
        assert_eq!(why(root.join("content/newdir")), inside_content);
        assert_eq!(why(clink.join("newdir")), inside_content);
        assert_eq!(why(clink.join("new/../deeper/x")), inside_content);
        assert_eq!(why(slink.join("content/x")), inside_content);
        assert_eq!(why(slink.clone()), Some("it holds the site itself".into()));
        assert_eq!(
            why(slink.join("..")),
            Some("it holds the site itself".into())
        );
        let home_refusal = Some("it is your home folder or holds it".to_string());
        assert_eq!(why(hlink.clone()), home_refusal);
        assert_eq!(why(home.clone()), home_refusal);
        // `..` after a link leaves the folder the link leads to, as the system does.
        assert_eq!(why(clink.join("../public")), None);
        assert_eq!(why(slink.join("public")), None);
        assert_eq!(why(hlink.join("sites/tracker")), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_that_leads_nowhere_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("dangling");
        std::os::unix::fs::symlink(dir.path().join("missing"), &link).unwrap();
        let Err(Error::Usage(message)) = resolve(&link.join("public")) else {
            panic!("a dangling link was resolved");
        };
        assert!(
            message.contains("symbolic link that cannot be followed"),
            "{message}"
        );
    }
}
