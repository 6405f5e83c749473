//! `check`'s rule on releases: every file of `data/releases/<version>/` is
//! the one `claimtrail release` wrote, as its `SHA256SUMS` records.

use super::checksums::{CHECKSUMS_FILE, parse_line};
use super::version;
use crate::archive_lock::sha256_hex;
use crate::diagnostic::Diagnostic;
use crate::load::{RELEASES_FOLDER, ReleaseFolder};

/// Every problem with `releases`: a folder that is not a release name, a
/// release without `SHA256SUMS`, a file that changed, went missing or was
/// added since the release. Each is an error at the file.
pub(crate) fn verify(releases: &[ReleaseFolder]) -> Vec<(Diagnostic, Option<String>)> {
    releases.iter().flat_map(verify_one).collect()
}

fn verify_one(release: &ReleaseFolder) -> Vec<(Diagnostic, Option<String>)> {
    let folder = format!("{RELEASES_FOLDER}/{}", release.name);
    if let Err(message) = version::parse(&release.name) {
        let problem = Diagnostic::error(format!("{folder}/"), message).hint(
            "data/releases/ holds the folders `claimtrail release` writes; move this one out",
        );
        return vec![(problem, None)];
    }
    let Some((_, sums)) = release
        .files
        .iter()
        .find(|(name, _)| name == CHECKSUMS_FILE)
    else {
        let problem = Diagnostic::error(
            format!("{folder}/"),
            format!(
                "release {} has no {CHECKSUMS_FILE}, so its files cannot be verified",
                release.name
            ),
        )
        .hint("restore it from git: a release is never edited");
        return vec![(problem, None)];
    };
    let sums_path = format!("{folder}/{CHECKSUMS_FILE}");
    let sums = String::from_utf8_lossy(sums);
    let mut problems = Vec::new();
    let mut listed = Vec::new();
    let mut offset = 0;
    for line in sums.split_inclusive('\n') {
        let span = offset..offset + line.trim_end().len();
        offset += line.len();
        let Some((hash, name)) = parse_line(line.trim_end()) else {
            let problem =
                Diagnostic::error(&sums_path, "not a checksum line (`<sha256>  <file name>`)")
                    .at(span);
            problems.push((problem, Some(sums.to_string())));
            continue;
        };
        listed.push(name.to_string());
        let path = format!("{folder}/{name}");
        match release.files.iter().find(|(file, _)| file == name) {
            None => {
                let problem = Diagnostic::error(
                    &sums_path,
                    format!(
                        "{name} is part of release {}, but it is missing",
                        release.name
                    ),
                )
                .at(span)
                .hint(format!("restore it from git: `git checkout -- {path}`"));
                problems.push((problem, Some(sums.to_string())));
            }
            Some((_, bytes)) if !sha256_hex(bytes).eq_ignore_ascii_case(hash) => {
                let message = format!(
                    "this file was released in {} and has been edited since: its SHA-256 no longer matches {CHECKSUMS_FILE}",
                    release.name
                );
                let hint = format!(
                    "released files never change, so that whoever cites the release gets what they cited: restore it (`git checkout -- {path}`) and publish corrections in a new release (`claimtrail release <next version>`)"
                );
                problems.push((Diagnostic::error(path, message).hint(hint), None));
            }
            Some(_) => {}
        }
    }
    for (name, _) in &release.files {
        if name != CHECKSUMS_FILE && !listed.contains(name) {
            let message = format!(
                "this file is not part of release {}: {CHECKSUMS_FILE} does not list it",
                release.name
            );
            let problem = Diagnostic::error(format!("{folder}/{name}"), message)
                .hint("a release is never changed: remove the file, or make a new release");
            problems.push((problem, None));
        }
    }
    problems
}
