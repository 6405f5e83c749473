//! Unit tests of the write stage: safe joins, the swap, and the marker guard.

use super::*;

#[test]
fn safe_join_keeps_paths_inside() {
    let base = Path::new("/out");
    assert_eq!(
        safe_join(base, "claims/x/index.html").unwrap(),
        Path::new("/out/claims/x/index.html")
    );
    let long = "a".repeat(MAX_NAME_BYTES + 1);
    for bad in [
        "",
        "..",
        "../x",
        "a/../../x",
        "/etc/passwd",
        "./x",
        "a\\..\\..\\x",
        "a\0b",
        long.as_str(),
    ] {
        assert!(safe_join(base, bad).is_err(), "{bad:?} was accepted");
    }
}

#[test]
fn swap_in_replaces_the_old_output_and_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("public");
    let staging = dir.path().join(".claimtrail-staging-x");
    fs::create_dir_all(&output).unwrap();
    fs::write(output.join(MARKER), "").unwrap();
    fs::write(output.join("old.html"), "old").unwrap();
    fs::create_dir_all(&staging).unwrap();
    fs::write(staging.join("new.html"), "new").unwrap();
    swap_in(staging, &output).unwrap();
    assert_eq!(fs::read_to_string(output.join("new.html")).unwrap(), "new");
    assert!(!output.join("old.html").exists());
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    // The old output waits beside the new one, to be written over next time.
    let spare = spare_path(&output);
    assert_eq!(fs::read_to_string(spare.join("old.html")).unwrap(), "old");
    assert!(!staging_exists(dir.path()));
}

fn staging_exists(folder: &Path) -> bool {
    fs::read_dir(folder).unwrap().flatten().any(|e| {
        e.file_name()
            .to_string_lossy()
            .starts_with(".claimtrail-staging-")
    })
}

#[test]
fn a_folder_without_the_marker_is_never_deleted_with_what_it_holds() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("public");
    let folder = dir.path().join("stood-at-the-output");
    fs::create_dir_all(&folder).unwrap();
    fs::write(folder.join("notes.txt"), "written after it was found empty").unwrap();
    keep_as_spare(folder.clone(), &output);
    assert!(folder.join("notes.txt").is_file());
    assert!(
        !spare_path(&output).exists(),
        "not ours: not a spare either"
    );
    fs::remove_file(folder.join("notes.txt")).unwrap();
    keep_as_spare(folder.clone(), &output);
    assert!(!folder.exists(), "an empty one is removed");
}

#[test]
fn wanted_folders_include_every_ancestor() {
    let mut wanted = Wanted::default();
    wanted.file("claims/x/index.html");
    wanted.folder("a/b/c");
    let folders: Vec<&str> = wanted.folders.iter().map(String::as_str).collect();
    assert_eq!(folders, ["a", "a/b", "a/b/c", "claims", "claims/x"]);
    assert!(wanted.files.contains("claims/x/index.html"));
}
