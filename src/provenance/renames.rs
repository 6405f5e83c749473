//! The files a commit removed, indexed so that each file it added finds the
//! one it replaces (if any) without scanning them all: a commit that removes
//! 10,000 files and adds 10,000 others is matched in linear time.

use super::positions::Positions;
use super::version::FileVersion;
use crate::load::Kind;

/// The removed files, in path order, with the indexes of those not yet taken.
pub(super) struct Removed {
    /// Each removed file, `None` once taken.
    versions: Vec<Option<FileVersion>>,
    /// Positions by kind and id.
    by_id: Positions<(Kind, String)>,
    /// Positions by kind and fingerprint (the whole text).
    by_print: Positions<(Kind, u64)>,
    /// Positions by kind and title, for the files that have one.
    by_title: Positions<(Kind, String)>,
}

impl Removed {
    /// The removed files, sorted by path.
    pub(super) fn new(versions: Vec<FileVersion>) -> Removed {
        let mut removed = Removed {
            versions: Vec::with_capacity(versions.len()),
            by_id: Positions::default(),
            by_print: Positions::default(),
            by_title: Positions::default(),
        };
        for (at, version) in versions.into_iter().enumerate() {
            let kind = version.kind;
            removed.by_id.add((kind, version.id.clone()), at);
            removed.by_print.add((kind, version.fingerprint), at);
            if let Some(title) = version.title() {
                removed.by_title.add((kind, title.to_string()), at);
            }
            removed.versions.push(Some(version));
        }
        removed
    }

    /// Takes the removed file that `new` replaces, best evidence first: the
    /// same id, an id `new` names in `aliases`, the same text, the same
    /// title; among several, the first by path. Of the same kind always.
    pub(super) fn take_match(&mut self, new: &FileVersion) -> Option<FileVersion> {
        let kind = new.kind;
        let by_alias = (new.aliases().into_iter())
            .filter_map(|alias| self.by_id.first(&(kind, alias.to_string())))
            .min();
        let at = (self.by_id.first(&(kind, new.id.clone())))
            .or(by_alias)
            .or_else(|| self.by_print.first(&(kind, new.fingerprint)))
            .or_else(|| self.by_title.first(&(kind, new.title()?.to_string())))?;
        self.take(at)
    }

    /// Takes the file at `at` out of the list and every index.
    fn take(&mut self, at: usize) -> Option<FileVersion> {
        let version = self.versions.get_mut(at)?.take()?;
        let kind = version.kind;
        self.by_id.forget(&(kind, version.id.clone()), at);
        self.by_print.forget(&(kind, version.fingerprint), at);
        if let Some(title) = version.title() {
            self.by_title.forget(&(kind, title.to_string()), at);
        }
        Some(version)
    }

    /// The files no added file replaced, in path order.
    pub(super) fn rest(self) -> impl Iterator<Item = FileVersion> {
        self.versions.into_iter().flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::Removed;
    use crate::load::{Kind, RawFile};
    use crate::provenance::FileVersion;

    fn version(kind: Kind, id: &str, title: &str, aliases: &str) -> FileVersion {
        let text = format!("+++\ntitle = \"{title}\"\nname = \"{title}\"\n{aliases}+++\n");
        let file = RawFile {
            kind,
            path: format!("content/{}/{id}.md", kind.folder()),
            id: id.to_string(),
            text,
        };
        FileVersion::parse(&file, &["unverified"])
    }

    #[test]
    fn the_best_evidence_wins_then_the_first_by_path_and_the_kind_must_match() {
        let removed = || {
            Removed::new(vec![
                version(Kind::Claim, "a", "Same title", ""),
                version(Kind::Claim, "b", "Same title", ""),
                version(Kind::Source, "c", "Other", ""),
                version(Kind::Claim, "c", "Other", ""),
            ])
        };
        let taken =
            |removed: &mut Removed, new: FileVersion| removed.take_match(&new).map(|v| v.id);
        let mut all = removed();
        let by_alias = version(Kind::Claim, "new", "Same title", "aliases = [\"c\"]\n");
        assert_eq!(
            taken(&mut all, by_alias),
            Some("c".into()),
            "an alias before a title"
        );
        let by_title = version(Kind::Claim, "new", "Same title", "");
        assert_eq!(taken(&mut all, by_title.clone()), Some("a".into()));
        assert_eq!(taken(&mut all, by_title.clone()), Some("b".into()));
        assert_eq!(taken(&mut all, by_title), None, "each is taken once");
        let rest: Vec<(Kind, String)> = all.rest().map(|v| (v.kind, v.id)).collect();
        assert_eq!(rest, [(Kind::Source, "c".to_string())]);
        let mut all = removed();
        let entity = version(Kind::Entity, "a", "Same title", "");
        assert_eq!(taken(&mut all, entity), None, "never across kinds");
        let same_id = version(Kind::Claim, "b", "Reworded", "");
        assert_eq!(
            taken(&mut all, same_id),
            Some("b".into()),
            "the id before the title"
        );
    }
}
