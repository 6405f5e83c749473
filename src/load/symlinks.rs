//! Symbolic links inside a site: never followed, and refused when they lead outside it.
//!
//! A pull request can add a link such as `static/key -> ~/.ssh/id_ed25519`;
//! following it would publish whatever it points at. Links that stay inside
//! the site are skipped with a warning; links that leave it are errors.

use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::diagnostic::{Diagnostic, display_path};

/// True if `path` itself is a symbolic link (not followed).
pub(crate) fn is_symlink(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// True if the link at `link` resolves to somewhere outside `root`, or cannot be resolved.
pub(crate) fn leads_outside(root: &Path, link: &Path) -> bool {
    let Ok(root) = fs::canonicalize(root) else {
        return true;
    };
    match fs::canonicalize(link) {
        Ok(target) => !target.starts_with(&root),
        Err(_) => dangling_target(link).is_none_or(|target| !target.starts_with(&root)),
    }
}

/// Where a dangling link points, resolved as text from its (existing) folder.
fn dangling_target(link: &Path) -> Option<PathBuf> {
    let text = fs::read_link(link).ok()?;
    let folder = fs::canonicalize(link.parent()?).ok()?;
    let mut target = PathBuf::new();
    for component in folder.join(text).components() {
        match component {
            Component::ParentDir => {
                target.pop();
            }
            Component::CurDir => {}
            other => target.push(other),
        }
    }
    Some(target)
}

/// The diagnostic for a symbolic link found at `link` in the site at `root`:
/// an error if it leads outside the site, else a warning that it is skipped.
pub(crate) fn diagnostic(root: &Path, link: &Path) -> Diagnostic {
    let file = display_path(root, link);
    let hint = "copy the file into the site instead of linking to it";
    if leads_outside(root, link) {
        let target = fs::read_link(link)
            .map(|t| t.display().to_string())
            .unwrap_or_default();
        Diagnostic::error(
            file,
            format!(
                "this symbolic link leads outside the site (to `{target}`); it is refused, not followed"
            ),
        )
        .hint(hint)
    } else {
        Diagnostic::warning(
            file,
            "symbolic links are not followed; this entry is skipped",
        )
        .hint(hint)
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn links_are_judged_by_where_they_lead() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        fs::create_dir_all(root.join("static")).unwrap();
        fs::write(root.join("site.toml"), "").unwrap();
        fs::write(dir.path().join("secret"), "").unwrap();
        let cases = [
            ("inside", PathBuf::from("../site.toml"), false),
            ("outside", dir.path().join("secret"), true),
            ("up", PathBuf::from("../../secret"), true),
            ("dangling-inside", PathBuf::from("../gone"), false),
            ("dangling-outside", PathBuf::from("../../gone"), true),
            ("root", PathBuf::from("/"), true),
        ];
        for (name, target, outside) in cases {
            let link = root.join("static").join(name);
            symlink(&target, &link).unwrap();
            assert!(is_symlink(&link));
            assert_eq!(leads_outside(&root, &link), outside, "{name}");
            let severity = diagnostic(&root, &link).severity;
            assert_eq!(
                severity == crate::diagnostic::Severity::Error,
                outside,
                "{name}"
            );
        }
        assert!(!is_symlink(&root.join("site.toml")));
    }
}
