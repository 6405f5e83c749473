//! The claims of the site's releases (`data/releases/<version>/claims.json`,
//! read with the loader `check` and `build` use), for the rules of `check
//! --base` that keep a released address: see [`super::rules::release_rules`].

use std::path::Path;

use serde::Deserialize;

use super::rules::{Identity, Released};
use crate::load::{RELEASES_FOLDER, ReleaseFolder, read_releases};
use crate::releases::version;

/// The released file that lists a release's claims.
const CLAIMS_FILE: &str = "claims.json";

/// The parts of a released `claims.json` the rules read.
#[derive(Deserialize)]
struct ClaimsFile {
    claims: Vec<ReleasedClaim>,
}

/// One released claim: its id, aliases and what makes it the claim it is.
#[derive(Deserialize)]
struct ReleasedClaim {
    id: String,
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

/// Every address of every released claim under `root`, newest release first
/// (releases with names that are not release names left out: plain `check`
/// reports them, as it reports a released file that was edited).
pub(crate) fn released_addresses(root: &Path) -> Vec<Released> {
    let (folders, _) = read_releases(root);
    let mut named: Vec<(version::Version, &ReleaseFolder)> = (folders.iter())
        .filter_map(|folder| Some((version::parse(&folder.name).ok()?, folder)))
        .collect();
    named.sort_by(|a, b| b.0.cmp(&a.0));
    (named.into_iter())
        .flat_map(|(version, folder)| addresses_in(&version.name, folder))
        .collect()
}

/// The addresses of the claims of one release; none when its `claims.json`
/// is missing or unreadable.
fn addresses_in(version: &str, folder: &ReleaseFolder) -> Vec<Released> {
    let bytes = folder.files.iter().find(|(name, _)| name == CLAIMS_FILE);
    let Some(file) = bytes.and_then(|(_, bytes)| serde_json::from_slice::<ClaimsFile>(bytes).ok())
    else {
        return Vec::new();
    };
    let path = format!("{RELEASES_FOLDER}/{version}/{CLAIMS_FILE}");
    let mut found = Vec::new();
    for claim in file.claims {
        let identity = Identity {
            title: claim.title,
            claimant: claim.claimant.map(|c| c.id),
            date: claim.date,
        };
        let aliases = claim.aliases.unwrap_or_default();
        for address in std::iter::once(&claim.id).chain(&aliases) {
            found.push(Released {
                address: address.clone(),
                id: claim.id.clone(),
                version: version.to_string(),
                file: path.clone(),
                claim: identity.clone(),
            });
        }
    }
    found
}
