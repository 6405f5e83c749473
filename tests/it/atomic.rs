//! Nothing lost: a build that fails at any stage leaves the previous output
//! complete, and the output folder is never one that holds anything else.
//!
//! Failures are injected for real: a content error, a template error, a write
//! that collides with a folder, a disk that refuses to grow (a file-size limit
//! set with `ulimit -f`) and a build killed with SIGKILL while it writes.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use claimtrail::{BuildOptions, Error, build};
use common::{copy_tree, fixtures, options, tree};

type Tree = Vec<(String, Vec<u8>)>;

/// A temp folder holding `site/`, built once into `site/public`.
fn built_site() -> (tempfile::TempDir, PathBuf, Tree) {
    let parent = tempfile::tempdir().unwrap();
    let root = parent.path().join("site");
    copy_tree(&fixtures().join("base"), &root);
    build(&options(&root)).unwrap();
    let before = tree(&root.join("public"));
    (parent, root, before)
}

/// The names in `folder` that a build leaves behind when it fails to clean up.
fn leftovers(folder: &Path) -> Vec<String> {
    fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".claimtrail-staging-") || name.contains(".old-"))
        .collect()
}

fn assert_previous_output_intact(root: &Path, before: &Tree) {
    assert_eq!(
        &tree(&root.join("public")),
        before,
        "the previous output changed"
    );
    assert_eq!(leftovers(root), Vec::<String>::new());
}

#[test]
fn a_content_error_keeps_the_previous_output() {
    let (_parent, root, before) = built_site();
    copy_tree(&fixtures().join("hostile-refused"), &root);
    assert!(matches!(build(&options(&root)), Err(Error::Content(_))));
    assert_previous_output_intact(&root, &before);
}

#[test]
fn a_template_error_at_render_time_keeps_the_previous_output() {
    let (_parent, root, before) = built_site();
    fs::create_dir_all(root.join("templates")).unwrap();
    // Compiles, but fails while rendering: the variable does not exist.
    fs::write(
        root.join("templates/tag.html"),
        "{{ no_such_variable.field }}",
    )
    .unwrap();
    let Err(Error::Content(diagnostics)) = build(&options(&root)) else {
        panic!("a render error must fail the build");
    };
    assert!(diagnostics.has_errors());
    assert_previous_output_intact(&root, &before);
}

/// Puts a static file under `root` whose path fits the system's limit on
/// path length (4,095 bytes) inside `static/` but not inside the staging
/// folder, whose name is longer: copying it fails after every page is
/// written. Returns the file's name.
#[cfg(unix)]
fn static_file_too_long_for_staging(root: &Path) -> String {
    const LONGEST_PATH: usize = 4095;
    let static_dir = root.join("static");
    let mut name = "n".repeat(200);
    // The file's path ends 9 bytes under the limit; in the staging folder
    // (`.claimtrail-staging-public-XXXXXX` for `static`) it is 19 over.
    let mut left = LONGEST_PATH - 9 - static_dir.as_os_str().len() - (1 + name.len());
    let mut folder = static_dir;
    while left > 201 {
        folder.push("d".repeat(200));
        left -= 201;
    }
    match left {
        0 => {}
        1 => name.push('n'),
        _ => folder.push("d".repeat(left - 1)),
    }
    fs::create_dir_all(&folder).unwrap();
    fs::write(folder.join(&name), "x").unwrap();
    assert_eq!(folder.join(&name).as_os_str().len(), LONGEST_PATH - 9);
    name
}

#[cfg(unix)]
#[test]
fn a_write_failure_midway_keeps_the_previous_output_and_cleans_up() {
    let (_parent, root, before) = built_site();
    let name = static_file_too_long_for_staging(&root);
    let Err(Error::Io { path, source }) = build(&options(&root)) else {
        panic!("a write failure must fail the build");
    };
    assert!(path.ends_with(&name), "{}: {source}", path.display());
    assert_previous_output_intact(&root, &before);
}

#[test]
fn a_successful_rebuild_replaces_the_output_and_leaves_nothing_behind() {
    let (parent, root, before) = built_site();
    fs::write(
        root.join("content/pages/about.md"),
        "+++\ntitle = \"Changed\"\n+++\nNew text.\n",
    )
    .unwrap();
    build(&options(&root)).unwrap();
    let after = tree(&root.join("public"));
    assert_ne!(after, before);
    assert!(common::read(&root, "public/pages/about/index.html").contains("New text."));
    assert_eq!(leftovers(&root), Vec::<String>::new());
    assert_eq!(leftovers(parent.path()), Vec::<String>::new());
}

#[test]
fn refuses_output_folders_that_hold_something_else() {
    let (_parent, root, _before) = built_site();
    fs::create_dir_all(root.join(".git/objects")).unwrap();
    fs::write(root.join(".git/HEAD"), "ref: refs/heads/main\n").unwrap();
    for output in [
        ".",
        "..",
        "content",
        "static/assets",
        ".git",
        ".git/objects",
        "/",
    ] {
        let result = build(&BuildOptions {
            output: Some(root.join(output)),
            force: true,
            ..options(&root)
        });
        let Err(Error::Usage(message)) = result else {
            panic!("--output {output} --force was accepted");
        };
        assert!(
            message.starts_with("refusing to write the site to"),
            "{message}"
        );
    }
    assert!(root.join(".git/HEAD").is_file());
    assert!(root.join("content/claims/acme-model-2-cost.md").is_file());
}

#[cfg(unix)]
#[test]
fn a_symlinked_parent_cannot_lead_the_output_into_the_site() {
    let (parent, root, before) = built_site();
    let clink = parent.path().join("clink");
    let slink = parent.path().join("slink");
    std::os::unix::fs::symlink(root.join("content"), &clink).unwrap();
    std::os::unix::fs::symlink(&root, &slink).unwrap();
    let refusal = |output: PathBuf| {
        let result = build(&BuildOptions {
            output: Some(output.clone()),
            force: true,
            ..options(&root)
        });
        match result {
            Err(Error::Usage(message)) => message,
            other => panic!("--output {} was not refused: {other:?}", output.display()),
        }
    };
    let direct = refusal(root.join("content/newdir"));
    assert!(direct.contains("it is inside content/"), "{direct}");
    assert_eq!(refusal(clink.join("newdir")), direct);
    assert_eq!(refusal(slink.join("content/newdir")), direct);
    assert_eq!(refusal(clink.join("a/../newdir")), direct);
    assert_eq!(
        refusal(slink.join("static/img")),
        refusal(root.join("static/img"))
    );
    let itself = refusal(root.clone());
    assert!(itself.contains("it holds the site itself"), "{itself}");
    assert_eq!(refusal(slink.clone()), itself);
    assert!(!root.join("content/newdir").exists());
    assert_previous_output_intact(&root, &before);
    assert_eq!(fs::read_dir(root.join("content")).unwrap().count(), 4);
}

#[cfg(target_os = "linux")]
#[test]
fn system_folders_are_refused_even_with_force() {
    let (parent, root, _) = built_site();
    // Folders that do not exist and that nobody, root included, can make: a
    // broken check could neither move nor write anything there.
    let link = parent.path().join("proc-link");
    std::os::unix::fs::symlink("/proc", &link).unwrap();
    for output in [
        PathBuf::from("/proc/claimtrail-no-such-folder"),
        PathBuf::from("/sys/claimtrail-no-such-folder"),
        link.join("claimtrail-no-such-folder"),
    ] {
        let result = build(&BuildOptions {
            output: Some(output.clone()),
            force: true,
            ..options(&root)
        });
        let Err(Error::Usage(message)) = result else {
            panic!("--output {} --force was accepted", output.display());
        };
        assert!(message.contains("it is a system folder"), "{message}");
    }
}

#[cfg(unix)]
mod process {
    use super::*;
    use std::process::{Command, Stdio};

    fn binary() -> PathBuf {
        PathBuf::from(env!("CARGO_BIN_EXE_claimtrail"))
    }

    /// Runs `command` (the binary, with its environment) as `build --force`
    /// of `root` into `output`, asserts that it was refused and returns stderr.
    fn refused_build(command: &mut Command, root: &Path, output: &Path) -> String {
        let result = command
            .args(["build", "--force", "--root"])
            .arg(root)
            .arg("--output")
            .arg(output)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&result.stderr).into_owned();
        assert_eq!(
            result.status.code(),
            Some(2),
            "{}: {stderr}",
            output.display()
        );
        stderr
    }

    #[test]
    fn the_home_folder_and_the_folders_above_it_are_refused() {
        let parent = tempfile::tempdir().unwrap();
        let root = parent.path().join("site");
        let home = parent.path().join("users/alice");
        copy_tree(&fixtures().join("base"), &root);
        fs::create_dir_all(home.join("Documents")).unwrap();
        let link = parent.path().join("home-link");
        std::os::unix::fs::symlink(&home, &link).unwrap();
        for output in [home.clone(), parent.path().join("users"), link] {
            let stderr = refused_build(Command::new(binary()).env("HOME", &home), &root, &output);
            assert!(stderr.contains("home folder"), "{stderr}");
        }
        assert!(home.join("Documents").is_dir());
    }

    #[test]
    fn the_working_folder_and_the_folders_above_it_are_refused() {
        let parent = tempfile::tempdir().unwrap();
        let root = parent.path().join("site");
        let work = parent.path().join("work");
        copy_tree(&fixtures().join("base"), &root);
        fs::create_dir_all(work.join("inner")).unwrap();
        fs::write(work.join("notes.txt"), "mine").unwrap();
        for output in [work.join("inner"), work.clone()] {
            let mut command = Command::new(binary());
            let stderr = refused_build(command.current_dir(work.join("inner")), &root, &output);
            assert!(
                stderr.contains("the working folder or holds it"),
                "{stderr}"
            );
        }
        assert_eq!(fs::read_to_string(work.join("notes.txt")).unwrap(), "mine");
        assert!(work.join("inner").is_dir());
    }

    #[test]
    fn a_full_disk_keeps_the_previous_output() {
        let (_parent, root, before) = built_site();
        // One page grows past the limit; the smaller ones are written first.
        let long = "Filler text for a long page. ".repeat(4000);
        fs::write(
            root.join("content/pages/long.md"),
            format!("+++\ntitle = \"Long\"\n+++\n{long}\n"),
        )
        .unwrap();
        // `ulimit -f 64`: no file may grow past 64 KiB (EFBIG, as on a full
        // disk); SIGXFSZ is ignored so the write fails instead of the process.
        let result = Command::new("bash")
            .arg("-c")
            .arg("ulimit -f 64; trap '' XFSZ; exec \"$0\" \"$@\"")
            .arg(binary())
            .args(["build", "--root"])
            .arg(&root)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&result.stderr);
        assert_eq!(result.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("File too large"), "{stderr}");
        assert_previous_output_intact(&root, &before);
    }

    /// Static files large enough that copying them takes a while.
    fn large_static_files(root: &Path) {
        let folder = root.join("static/data");
        fs::create_dir_all(&folder).unwrap();
        for n in 0..100u8 {
            fs::write(folder.join(format!("{n}.bin")), vec![n; 1 << 20]).unwrap();
        }
    }

    #[test]
    fn a_build_killed_while_writing_leaves_a_complete_output() {
        let (parent, root, before) = built_site();
        large_static_files(&root);
        // What a finished build of the new content looks like.
        let finished = parent.path().join("finished");
        build(&BuildOptions {
            output: Some(finished.clone()),
            ..options(&root)
        })
        .unwrap();
        let after = tree(&finished);

        let mut child = Command::new(binary())
            .args(["build", "--root"])
            .arg(&root)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut saw_staging = false;
        while child.try_wait().unwrap().is_none() {
            // Once it is marked: a build killed before that leaves an empty
            // folder at most.
            let staging = fs::read_dir(&root).unwrap().flatten().any(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with(".claimtrail-staging-")
                    && e.path().join(".claimtrail-output").is_file()
            });
            if staging {
                saw_staging = true;
                let _ = child.kill(); // SIGKILL: no destructor, no cleanup runs
                break;
            }
        }
        child.wait().unwrap();
        assert!(
            saw_staging,
            "the build finished before it could be interrupted; enlarge the site"
        );
        let output = tree(&root.join("public"));
        assert!(
            output == before || output == after,
            "the output is neither the old site nor the new one ({} files)",
            output.len()
        );
        let abandoned = leftovers(&root);
        assert_eq!(abandoned.len(), 1, "{abandoned:?}");
        // A later build succeeds and takes over the folder left behind: it
        // becomes the spare, or is removed when there already is one.
        build(&options(&root)).unwrap();
        assert_eq!(tree(&root.join("public")), after);
        assert_eq!(leftovers(&root), Vec::<String>::new());
        assert!(root.join(".claimtrail-spare-public").is_dir());
    }
}

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
