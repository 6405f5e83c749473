//! The spare output is written over and pruned; staging folders of killed
//! builds are taken over, and folders claimtrail did not make, or that a running
//! build holds, are left alone.

use super::*;

#[cfg(unix)]
fn inode(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(path).unwrap().ino()
}

#[cfg(unix)]
#[test]
fn a_rebuild_writes_over_the_spare_output_and_prunes_what_is_gone() {
    let (parent, root, _) = built_site();
    let spare = root.join(".claimtrail-spare-public");
    build(&options(&root)).unwrap();
    // Builds alternate between two trees: the third writes over the first
    // (now the spare), the fourth over the second, which is the output now.
    let page = "claims/acme-model-2-cost/index.html";
    assert!(spare.join(page).is_file(), "no spare was kept");
    let second_inode = inode(&root.join("public").join(page));
    let claim = root.join("content/claims/acme-model-2-cost.md");
    assert!(
        claim.is_file(),
        "the base fixture changed: pick another claim"
    );
    fs::rename(&claim, parent.path().join("removed.md")).unwrap();
    fs::write(root.join("public/stray.txt"), "made by hand").unwrap();
    build(&options(&root)).unwrap();
    assert!(
        !root.join("public").join(page).exists(),
        "a removed claim's page survived"
    );
    fs::rename(parent.path().join("removed.md"), &claim).unwrap();
    build(&options(&root)).unwrap();
    let output = root.join("public");
    assert_eq!(
        inode(&output.join(page)),
        second_inode,
        "the spare was not reused"
    );
    // The reused tree holds exactly what a build into an empty folder holds.
    let fresh = parent.path().join("fresh");
    build(&BuildOptions {
        output: Some(fresh.clone()),
        ..options(&root)
    })
    .unwrap();
    assert_eq!(tree(&output), tree(&fresh));
    assert_eq!(leftovers(&root), Vec::<String>::new());
}

#[test]
fn a_folder_at_the_spare_name_that_claimtrail_did_not_make_is_left_alone() {
    let (_parent, root, _) = built_site();
    let spare = root.join(".claimtrail-spare-public");
    fs::create_dir_all(&spare).unwrap();
    fs::write(spare.join("notes.txt"), "mine").unwrap();
    build(&options(&root)).unwrap();
    build(&options(&root)).unwrap();
    assert_eq!(fs::read_to_string(spare.join("notes.txt")).unwrap(), "mine");
    assert_eq!(fs::read_dir(&spare).unwrap().count(), 1);
    assert_eq!(leftovers(&root), Vec::<String>::new());
}

/// A staging folder as a build of `public` leaves it: marked (with the
/// marker of the built `public`), half written.
fn staging_folder(root: &Path, random: &str) -> PathBuf {
    let folder = root.join(format!(".claimtrail-staging-public-{random}"));
    fs::create_dir_all(folder.join("claims")).unwrap();
    fs::copy(
        root.join("public/.claimtrail-output"),
        folder.join(".claimtrail-output"),
    )
    .unwrap();
    fs::write(folder.join("claims/half.html"), "<p>half").unwrap();
    folder
}

#[test]
fn staging_folders_of_killed_builds_are_taken_over_by_the_next_build() {
    let (_parent, root, _) = built_site();
    build(&options(&root)).unwrap();
    let spare = root.join(".claimtrail-spare-public");
    assert!(spare.is_dir(), "the second build kept no spare");
    let killed = [
        staging_folder(&root, "aaaaaa"),
        staging_folder(&root, "bbbbbb"),
    ];
    // Named like another output's staging folders, or not marked: not ours to take.
    let other_output = root.join(".claimtrail-staging-preview-cccccc");
    fs::create_dir_all(&other_output).unwrap();
    fs::write(other_output.join(".claimtrail-output"), "marker").unwrap();
    let unmarked = root.join(".claimtrail-staging-public-dddddd");
    fs::create_dir_all(&unmarked).unwrap();
    fs::write(unmarked.join("notes.txt"), "mine").unwrap();
    // Killed while marking a new staging folder: only the marker's draft.
    let draft_only = root.join(".claimtrail-staging-public-gggggg");
    fs::create_dir_all(&draft_only).unwrap();
    fs::write(draft_only.join(".claimtrail-output.new"), "").unwrap();

    build(&options(&root)).unwrap();
    for folder in killed.iter().chain([&draft_only]) {
        assert!(!folder.exists(), "{} was left behind", folder.display());
    }
    assert!(spare.is_dir());
    assert!(
        !spare.join("claims/half.html").exists(),
        "a half-written tree became the output"
    );
    assert!(other_output.join(".claimtrail-output").is_file());
    assert_eq!(
        fs::read_to_string(unmarked.join("notes.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn an_abandoned_staging_folder_becomes_the_spare_when_there_is_none() {
    let (_parent, root, before) = built_site();
    let killed = staging_folder(&root, "eeeeee");
    build(&options(&root)).unwrap();
    assert!(!killed.exists());
    // It was written over and swapped in: the output is a complete site, and
    // nothing of the half-written tree is left in it.
    let output = tree(&root.join("public"));
    assert_eq!(output, before);
    assert!(root.join(".claimtrail-spare-public").is_dir());
}

#[test]
fn a_staging_folder_that_a_running_build_holds_is_left_alone() {
    let (_parent, root, _) = built_site();
    let running = staging_folder(&root, "ffffff");
    // What a running build holds: a lock on its marker.
    let marker = fs::File::open(running.join(".claimtrail-output")).unwrap();
    marker.try_lock().unwrap();
    build(&options(&root)).unwrap();
    assert!(running.join("claims/half.html").is_file());
    drop(marker);
    build(&options(&root)).unwrap();
    assert!(!running.exists(), "once released, it is abandoned");
}
