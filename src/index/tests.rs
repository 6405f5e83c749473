//! Agreement rates read from the statuses' ratings, on copies of the base fixture.

use std::fs;
use std::path::Path;

use walkdir::WalkDir;

use super::*;

/// Each default status id a claim of the fixture uses, and its new name.
const RENAMED: &[(&str, &str)] = &[
    ("supported", "confirmed"),
    ("refuted", "debunked"),
    ("disputed", "contested"),
    ("unverified", "pending"),
];

/// A copy of `tests/fixtures/base` in a temporary folder.
fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base");
    for entry in WalkDir::new(&base) {
        let entry = entry.unwrap();
        let to = dir.path().join(entry.path().strip_prefix(&base).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&to).unwrap();
        } else {
            fs::copy(entry.path(), &to).unwrap();
        }
    }
    dir
}

/// Defines the renamed statuses, with the default ones' ratings, and
/// moves every claim's status and history onto them.
fn rename_statuses(root: &Path) {
    let mut config = fs::read_to_string(root.join("site.toml")).unwrap();
    config.push_str(
        "\n[statuses.confirmed]\nrating = 5\n\n[statuses.debunked]\nrating = 1\n\n\
         [statuses.contested]\nrating = 3\n\n[statuses.pending]\n",
    );
    fs::write(root.join("site.toml"), config).unwrap();
    for entry in WalkDir::new(root.join("content/claims")) {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let mut text = fs::read_to_string(entry.path()).unwrap();
        for (old, new) in RENAMED {
            text = text.replace(&format!("\"{old}\""), &format!("\"{new}\""));
        }
        fs::write(entry.path(), text).unwrap();
    }
}

/// The checked site at `root`, which must have no errors.
fn site(root: &Path) -> Site {
    let checked = crate::check(root, false).unwrap();
    checked.site.expect("the fixture has no errors")
}

/// Each source's (agreeing, judged) citations.
fn agreement(site: &Site) -> BTreeMap<String, (usize, usize)> {
    let index = Index::new(site);
    let records = site.sources.keys().map(|id| {
        let record = index.source_record(id);
        (id.clone(), (record.agreeing, record.judged))
    });
    records.collect()
}

#[test]
fn renamed_statuses_give_the_same_agreement_figures() {
    let default = fixture();
    let renamed = fixture();
    rename_statuses(renamed.path());
    let (default, renamed) = (site(default.path()), site(renamed.path()));
    let new_names: Vec<&str> = RENAMED.iter().map(|(_, new)| *new).collect();
    for claim in &renamed.claims {
        assert!(new_names.contains(&claim.status.as_str()), "{}", claim.id);
        for change in &claim.history {
            assert!(new_names.contains(&change.status.as_str()), "{}", claim.id);
        }
    }
    let figures = agreement(&default);
    assert_eq!(figures["indie-lab"], (2, 2));
    assert_eq!(figures["example-press"], (0, 0));
    assert_eq!(agreement(&renamed), figures);
}

#[test]
fn a_status_rated_two_or_four_counts_toward_agreement() {
    let root = fixture();
    let mut config = fs::read_to_string(root.path().join("site.toml")).unwrap();
    // `disputed` sits in the middle of the scale, so it counts for nothing
    // until it leans one way.
    config.push_str("\n[statuses.disputed]\nrating = 4\n");
    fs::write(root.path().join("site.toml"), config).unwrap();
    let plain = fixture();
    let before = agreement(&site(plain.path()));
    let after = agreement(&site(root.path()));
    // acme-model-2-cost is disputed: indie-lab supports it, example-press
    // contradicts it (acme-blog made it, which is no evidence).
    assert_eq!(before["indie-lab"], (2, 2));
    assert_eq!(after["indie-lab"], (3, 3));
    assert_eq!(before["example-press"], (0, 0));
    assert_eq!(after["example-press"], (0, 1));
    assert_eq!(after["acme-blog"], (0, 0));
}
