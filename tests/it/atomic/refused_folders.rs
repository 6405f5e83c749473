//! Output folders that hold something else, that a symlinked parent leads into
//! the site, or that are system folders are refused.

use super::*;

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
