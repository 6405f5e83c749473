//! The ids an import gives its files: slugs of the claim text and of names,
//! cut to a readable length, made unique against the files on disk and those
//! already planned.

use std::collections::HashSet;
use std::path::Path;

use walkdir::WalkDir;

use super::{Planner, Refusal};
use crate::ids::{suggest_id, windows_device_problem};
use crate::load::{CONTENT_FOLDER, Kind};

/// The longest id an import makes: ids are addresses, and a whole sentence is
/// too long for one.
const IMPORTED_ID_LEN: usize = 80;

impl Planner<'_> {
    /// The claim's id: the slug of its text, `-2`, `-3`… after one planned
    /// in this import; an id a file on disk holds means the claim is there already.
    pub(super) fn claim_id(&self, text: &str) -> Result<String, Refusal> {
        let id = short_id(text, Kind::Claim).ok_or("the claim's text gives no id")?;
        let id = self.free_id(Kind::Claim, &id);
        if self.on_disk[&Kind::Claim].contains(&id) {
            return Err(Refusal::Exists(format!(
                "{CONTENT_FOLDER}/claims/{id}.md already exists (imported before?)"
            )));
        }
        Ok(id)
    }

    /// `id`, or the first of `id-2`, `id-3`… that no planned file of `kind` holds.
    pub(super) fn free_id(&self, kind: Kind, id: &str) -> String {
        let planned = self.planned.get(&kind);
        let taken = |candidate: &str| {
            planned.is_some_and(|ids| ids.contains(candidate))
                || (kind != Kind::Claim && self.on_disk[&kind].contains(candidate))
        };
        if !taken(id) {
            return id.to_string();
        }
        (2..)
            .map(|n| format!("{id}-{n}"))
            .find(|candidate| !taken(candidate))
            .unwrap_or_default()
    }

    pub(super) fn has(&self, kind: Kind, id: &str) -> bool {
        self.on_disk[&kind].contains(id)
            || self.planned.get(&kind).is_some_and(|ids| ids.contains(id))
    }
}

/// The ids (file stems) of the `.md` files under `folder`, in sub-folders too.
pub(super) fn ids_on_disk(folder: &Path) -> HashSet<String> {
    WalkDir::new(folder)
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.path().extension().is_some_and(|e| e == "md"))
        .filter_map(|entry| Some(entry.path().file_stem()?.to_string_lossy().into_owned()))
        .collect()
}

/// The slug of `text` (the project's id rule, [`suggest_id`]), cut at a `-`
/// to at most [`IMPORTED_ID_LEN`] characters, lengthened when it is a
/// Windows device name; `None` when nothing of it makes an id.
pub(super) fn short_id(text: &str, kind: Kind) -> Option<String> {
    let mut id = suggest_id(text);
    if id.len() > IMPORTED_ID_LEN {
        let cut = id[..=IMPORTED_ID_LEN].rfind('-').unwrap_or(IMPORTED_ID_LEN);
        id.truncate(cut);
    }
    let id = id.trim_end_matches('-').to_string();
    if id.is_empty() {
        return None;
    }
    Some(match windows_device_problem(&id, kind.noun()) {
        Some((_, longer)) => longer,
        None => id,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_cut_at_a_word_and_never_a_device_name() {
        let long = "word ".repeat(40);
        let id = short_id(&long, Kind::Claim).unwrap();
        assert!(id.len() <= IMPORTED_ID_LEN && id.ends_with("word"), "{id}");
        assert_eq!(short_id("AUX", Kind::Source).as_deref(), Some("aux-source"));
        assert_eq!(short_id("!!!", Kind::Claim), None);
    }
}
