//! Files in `static/` that would take the place of what the build writes.
//!
//! `static/` is copied into the output as it is, so a file there could
//! replace a generated page, feed or data file, the search bundle (a script of
//! its author's choosing on the search page) or the output marker. Each such
//! file is an error of `check`, and [`super::Staging::finish`] never copies
//! one even if it slipped through.

use std::collections::{BTreeSet, HashSet};

use super::MARKER;
use super::hold::DRAFT;
use crate::diagnostic::Diagnostic;
use crate::load::StaticEntry;
use crate::output_file::SEARCH_FOLDER;

/// What a static entry would take the place of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Clash {
    /// The output marker (or its draft): only the build writes it.
    Marker,
    /// The search bundle's folder, reserved whether or not search is built.
    SearchBundle,
    /// A generated file at the same path.
    File,
    /// A folder the build writes files into.
    Folder,
}

/// The paths the build generates: its files and every folder above them.
pub(super) struct Generated<'a> {
    files: HashSet<&'a str>,
    folders: HashSet<&'a str>,
}

impl<'a> Generated<'a> {
    /// The generated files `paths` (`/`-separated, relative to the output) and their folders.
    pub(super) fn new(paths: impl Iterator<Item = &'a str>) -> Generated<'a> {
        let mut generated = Generated {
            files: HashSet::new(),
            folders: HashSet::new(),
        };
        for path in paths {
            generated.files.insert(path);
            let mut rest = path;
            // Stops at the first folder already known: its parents are known too.
            while let Some((parent, _)) = rest.rsplit_once('/')
                && generated.folders.insert(parent)
            {
                rest = parent;
            }
        }
        generated
    }

    /// What the static file or folder at `relative` would replace, if anything.
    pub(super) fn clash(&self, relative: &str, is_dir: bool) -> Option<Clash> {
        if relative == MARKER || relative == DRAFT {
            return Some(Clash::Marker);
        }
        if relative.split('/').next() == Some(SEARCH_FOLDER) {
            // Its folders are reported through their files.
            return (!is_dir).then_some(Clash::SearchBundle);
        }
        if self.files.contains(relative) {
            return Some(Clash::File);
        }
        (!is_dir && self.folders.contains(relative)).then_some(Clash::Folder)
    }
}

/// One error for every static entry (relative path, and whether it is a
/// folder) that would take the place of a `generated` file, the marker or the
/// search bundle. `template_of` names the template that makes a generated
/// file, if one does, for the hint.
pub(crate) fn collisions_with<'a>(
    entries: &[StaticEntry],
    generated: impl Iterator<Item = &'a str>,
    template_of: impl Fn(&str) -> Option<&'static str>,
) -> Vec<Diagnostic> {
    let generated = Generated::new(generated);
    entries
        .iter()
        .filter_map(|(relative, is_dir)| {
            let clash = generated.clash(relative, *is_dir)?;
            Some(collision(relative, *is_dir, &clash, &template_of))
        })
        .collect()
}

/// The `entries` of `static/` to copy into the output: every one but those
/// that clash with the `generated` files (and what is inside such a folder),
/// each of which gets a warning. `check` has refused them already; this
/// catches a file added since.
pub(super) fn static_to_copy(
    entries: &[StaticEntry],
    generated: &BTreeSet<&str>,
) -> (Vec<StaticEntry>, Vec<Diagnostic>) {
    let mut entries = entries.to_vec();
    if entries.is_empty() {
        return (entries, Vec::new());
    }
    let generated = Generated::new(generated.iter().copied());
    let mut skipped_folders: Vec<String> = Vec::new();
    let mut warnings = Vec::new();
    entries.retain(|(relative, is_dir)| {
        // Entries come folder first, then what is inside it.
        if skipped_folders
            .iter()
            .any(|folder| relative.starts_with(&format!("{folder}/")))
        {
            return false;
        }
        let Some(clash) = generated.clash(relative, *is_dir) else {
            return true;
        };
        if *is_dir {
            skipped_folders.push(relative.clone());
        }
        warnings.push(Diagnostic::warning(
            format!("static/{relative}"),
            format!(
                "{}; it was not copied",
                clash_text(relative, *is_dir, &clash)
            ),
        ));
        false
    });
    (entries, warnings)
}

/// The error for the static entry at `relative` that clashes as `clash`.
fn collision(
    relative: &str,
    is_dir: bool,
    clash: &Clash,
    template_of: impl Fn(&str) -> Option<&'static str>,
) -> Diagnostic {
    let hint = match clash {
        Clash::Marker => "delete it: only the build writes the marker, which tells claimtrail \
                          that the output folder is its own"
            .to_string(),
        Clash::SearchBundle => format!(
            "move it out of static/{SEARCH_FOLDER}/: the folder is reserved for the search \
             index the build writes (even with --no-search)"
        ),
        Clash::File => match template_of(relative) {
            Some(template) => format!(
                "rename or delete it; to change /{relative}, override its template instead: \
                 a templates/{template} of the site's own replaces the built-in one (see \
                 docs/templates.md)"
            ),
            None => format!("rename or delete it: the build writes /{relative} itself"),
        },
        Clash::Folder => "rename or delete it".to_string(),
    };
    Diagnostic::error(
        format!("static/{relative}"),
        clash_text(relative, is_dir, clash),
    )
    .hint(hint)
}

/// What the static entry at `relative` would do, as `clash` says.
fn clash_text(relative: &str, is_dir: bool, clash: &Clash) -> String {
    let kind = if is_dir { "folder" } else { "file" };
    match clash {
        Clash::Marker => format!("this {kind} would replace the output marker /{MARKER}"),
        Clash::SearchBundle => {
            format!("this file would go into /{SEARCH_FOLDER}/, the search index's folder")
        }
        Clash::File => format!("this {kind} would replace the generated file /{relative}"),
        Clash::Folder => {
            format!("this file would stand where the build writes the folder /{relative}/")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_clash_with_a_generated_path_is_found() {
        let generated = Generated::new(
            [
                "index.html",
                "claims/x/index.html",
                "feed.xml",
                "claims.json",
            ]
            .into_iter(),
        );
        let clash = |path, is_dir| generated.clash(path, is_dir);
        assert_eq!(clash("feed.xml", false), Some(Clash::File));
        assert_eq!(clash("claims.json", false), Some(Clash::File));
        assert_eq!(clash("claims/x/index.html", false), Some(Clash::File));
        assert_eq!(clash("feed.xml", true), Some(Clash::File));
        assert_eq!(clash("claims/x", false), Some(Clash::Folder));
        assert_eq!(clash("claims", false), Some(Clash::Folder));
        assert_eq!(clash(MARKER, false), Some(Clash::Marker));
        assert_eq!(clash(MARKER, true), Some(Clash::Marker));
        assert_eq!(clash(DRAFT, false), Some(Clash::Marker));
        assert_eq!(clash("pagefind", false), Some(Clash::SearchBundle));
        assert_eq!(
            clash("pagefind/pagefind-ui.js", false),
            Some(Clash::SearchBundle)
        );
        assert_eq!(clash("pagefind/a/b.js", false), Some(Clash::SearchBundle));
        // Folders the build writes into, and files beside its own, are fine.
        for (path, is_dir) in [
            ("claims", true),
            ("claims/x", true),
            ("claims/x/photo.png", false),
            ("img/logo.png", false),
            ("pagefind", true),
            ("pagefind/a", true),
            ("feed.xml.bak", false),
            ("sub/.claimtrail-output", false),
        ] {
            assert_eq!(clash(path, is_dir), None, "{path}");
        }
    }

    #[test]
    fn what_slips_past_check_is_never_copied() {
        // A listing of static/ as the load stage makes it: folders first.
        let listing: Vec<StaticEntry> = [
            (MARKER, false),
            ("feed.xml", true),
            ("feed.xml/inside.txt", false),
            ("ok.txt", false),
            ("pagefind", true),
            ("pagefind/pagefind-ui.js", false),
        ]
        .map(|(path, is_dir)| (path.to_string(), is_dir))
        .to_vec();
        let generated = BTreeSet::from(["feed.xml", "pagefind/pagefind-ui.js"]);
        let (entries, warnings) = static_to_copy(&listing, &generated);
        let entries: Vec<(&str, bool)> = entries.iter().map(|(p, d)| (p.as_str(), *d)).collect();
        assert_eq!(entries, [("ok.txt", false), ("pagefind", true)]);
        let warned: Vec<&str> = warnings.iter().map(|w| w.file.as_str()).collect();
        assert_eq!(
            warned,
            [
                "static/.claimtrail-output",
                "static/feed.xml",
                "static/pagefind/pagefind-ui.js"
            ]
        );
        assert!(warnings[1].message.ends_with("; it was not copied"));
    }
}
