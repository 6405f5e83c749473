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
