//! The addresses of the site's released claims
//! (`data/releases/<version>/claims.json`, read with the loader `check` and
//! `build` use), and the rules of `check --base` that keep them: a released
//! address still leads to a claim, and never to another one
//! ([`release_rules`]).

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::rules::{Identity, address_holders, addresses};
use crate::diagnostic::Diagnostic;
use crate::doc::ClaimDoc;
use crate::load::{RELEASES_FOLDER, ReleaseFolder, read_releases};
use crate::releases::version;

/// The released file that lists a release's claims.
const CLAIMS_FILE: &str = "claims.json";

/// The parts of a released `claims.json` the rules read.
#[derive(Deserialize)]
struct ClaimsFile<'a> {
    #[serde(borrow)]
    claims: Vec<ReleasedClaim<'a>>,
}

/// One released claim: its id (as written, to say where it is), aliases and
/// what makes it the claim it is.
#[derive(Deserialize)]
struct ReleasedClaim<'a> {
    #[serde(borrow)]
    id: &'a RawValue,
    title: Option<String>,
    date: Option<String>,
    claimant: Option<Reference>,
    aliases: Option<Vec<String>>,
}

/// A reference (`{ "id", "name", "url" }`), of which only the id is read.
#[derive(Deserialize)]
struct Reference {
    id: String,
}

/// The released claims of a site: their addresses, and the text of each
/// release's `claims.json` they were read from, to quote in diagnostics.
pub(crate) struct Releases {
    /// Every address, newest release first.
    pub addresses: Vec<Released>,
    /// The text of each release's `claims.json`, by its path from the site root.
    pub texts: BTreeMap<String, String>,
}

/// Every address of every released claim under `root`, newest release first
/// (releases with names that are not release names left out: plain `check`
/// reports them, as it reports a released file that was edited).
pub(crate) fn released_addresses(root: &Path) -> Releases {
    let (folders, _) = read_releases(root);
    let mut named: Vec<(version::Version, ReleaseFolder)> = (folders.into_iter())
        .filter_map(|folder| Some((version::parse(&folder.name).ok()?, folder)))
        .collect();
    named.sort_by(|a, b| b.0.cmp(&a.0));
    let mut releases = Releases {
        addresses: Vec::new(),
        texts: BTreeMap::new(),
    };
    for (version, folder) in named {
        let file = folder
            .files
            .into_iter()
            .find(|(name, _)| name == CLAIMS_FILE);
        let Some(text) = file.and_then(|(_, bytes)| String::from_utf8(bytes).ok()) else {
            continue;
        };
        let path = format!("{RELEASES_FOLDER}/{}/{CLAIMS_FILE}", version.name);
        releases
            .addresses
            .extend(addresses_in(&version.name, &path, &text));
        releases.texts.insert(path, text);
    }
    releases
}

/// The addresses of the claims of one release, whose `claims.json` at `path`
/// reads `text`; none when it is unreadable.
fn addresses_in(version: &str, path: &str, text: &str) -> Vec<Released> {
    let Ok(file) = serde_json::from_str::<ClaimsFile>(text) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for claim in file.claims {
        let Ok(id) = serde_json::from_str::<String>(claim.id.get()) else {
            return Vec::new();
        };
        let identity = Identity {
            title: claim.title,
            claimant: claim.claimant.map(|c| c.id),
            date: claim.date,
        };
        let span = span_in(text, claim.id.get());
        let aliases = claim.aliases.unwrap_or_default();
        for address in std::iter::once(&id).chain(&aliases) {
            found.push(Released {
                address: address.clone(),
                id: id.clone(),
                version: version.to_string(),
                file: path.to_string(),
                span: span.clone(),
                claim: identity.clone(),
            });
        }
    }
    found
}

/// Where `part`, a slice of `text` (a value parsed from it), is in `text`.
fn span_in(text: &str, part: &str) -> Option<Range<usize>> {
    let start = (part.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    let span = start..start + part.len();
    (text.get(span.clone())? == part).then_some(span)
}

/// Gives `diagnostics` the text of each release `claims.json` in `releases`
/// that one of `found` points into, so reports quote its line.
pub(crate) fn add_sources(
    releases: &Releases,
    found: &[Diagnostic],
    diagnostics: &mut crate::diagnostic::Diagnostics,
) {
    for (path, text) in &releases.texts {
        if found.iter().any(|d| d.file == *path && d.span.is_some()) {
            diagnostics.add_source(path, text);
        }
    }
}

/// The releases of the base revision (`at_base`, their folder names) that
/// the site at `root` no longer has: a release is a permanent record, so
/// deleting one is an error on its folder.
pub(crate) fn deleted_releases(at_base: &[String], root: &Path, base: &str) -> Vec<Diagnostic> {
    let (folders, _) = read_releases(root);
    let present: BTreeSet<&str> = folders.iter().map(|folder| folder.name.as_str()).collect();
    (at_base.iter())
        .filter(|name| !present.contains(name.as_str()))
        .map(|name| {
            let folder = format!("{RELEASES_FOLDER}/{name}");
            Diagnostic::error(
                &folder,
                format!(
                    "the release `{name}` of `{base}` was deleted: a release is a permanent record"
                ),
            )
            .hint(format!(
                "restore it: run `git checkout {base} -- {folder}` in the site's folder"
            ))
        })
        .collect()
}

/// An address (id or alias) of a claim in a release's `claims.json`.
#[derive(Debug, Clone)]
pub(crate) struct Released {
    /// The address: `/claims/<address>/`.
    pub address: String,
    /// The id of the claim it led to in the release.
    pub id: String,
    /// The release's name.
    pub version: String,
    /// The release's `claims.json`, from the site root.
    pub file: String,
    /// Where the claim's id is in that file (its `"id"` value), if found.
    pub span: Option<Range<usize>>,
    /// The claim it led to.
    pub claim: Identity,
}

/// The problems with the released addresses `released` (newest release
/// first; the newest release of an address is the one compared) in `head`:
/// an address no claim keeps, or a released id that names another claim now.
/// A claim the base still has under the id is another claim when its title,
/// claimant and date all changed (as against the base); a file that takes
/// the id again after its claim was gone is when two of them did. What the
/// rules against the base already report is not reported twice.
pub(crate) fn release_rules(
    released: &[Released],
    base: &[ClaimDoc],
    head: &[ClaimDoc],
) -> Vec<Diagnostic> {
    let holders = address_holders(head);
    let mut published = BTreeMap::new();
    for claim in base.iter().filter(|claim| !claim.draft) {
        for address in addresses(claim) {
            published.entry(address).or_insert(claim);
        }
    }
    let mut seen = BTreeSet::new();
    let mut found = Vec::new();
    for release in released.iter().filter(|r| seen.insert(r.address.as_str())) {
        let address = release.address.as_str();
        match holders.get(address) {
            None if !published.contains_key(address) => found.push(released_lost(release)),
            Some(holder) if holder.id == address => {
                let now = Identity::of(holder);
                let changed = release.claim.changed(&now);
                let at_base = published.get(address).filter(|base| base.id == address);
                let reused = match at_base {
                    // Edited in place since the release: only a wholesale
                    // change is another claim, and when the base already
                    // had it, the rule against the base reports it.
                    Some(base) => changed.len() == 3 && !Identity::of(base).is_other(&now),
                    // The id taken again after its claim was gone: it must
                    // be the released claim, give or take one of the three.
                    None => changed.len() >= 2,
                };
                if reused {
                    found.push(released_reused(release, holder, &changed));
                }
            }
            _ => {}
        }
    }
    found
}

/// A released address that no claim holds now.
fn released_lost(release: &Released) -> Diagnostic {
    let (address, version) = (&release.address, &release.version);
    let message = if release.id == *address {
        format!(
            "the claim `{address}` was released in {version}, and no claim keeps its address /claims/{address}/"
        )
    } else {
        format!(
            "the address /claims/{address}/ of the claim `{}` was released in {version}, and no claim keeps it",
            release.id
        )
    };
    let diagnostic = Diagnostic::error(&release.file, message);
    let located = match release.span.clone() {
        Some(span) => diagnostic.at(span),
        None => diagnostic,
    };
    located.hint(format!(
        "keep the claim's file (a withdrawn claim keeps its page: change its status instead), or add `aliases = [\"{address}\"]` to the claim that replaced it"
    ))
}

/// A released id that `holder` now has, though it states another claim:
/// `changed` names what differs from the released claim.
fn released_reused(release: &Released, holder: &ClaimDoc, changed: &[&str]) -> Diagnostic {
    let changed = match changed {
        [first, second] => format!("{first} and {second} changed"),
        _ => "title, claimant and date all changed".to_string(),
    };
    Diagnostic::error(
        &holder.file,
        format!(
            "`{}` was released in {} as the address of another claim: it now states a different claim ({changed}); a released address is never reused",
            release.address, release.version
        ),
    )
    .at(0..0)
    .hint("give this claim a new id (rename its file), and keep the old claim's file under its own id")
}
