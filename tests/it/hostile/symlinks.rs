use super::*;
use std::os::unix::fs::symlink;

fn outside(file: &str, target: &Path) -> Flat {
    (
        "error".into(),
        file.into(),
        None,
        None,
        format!(
            "this symbolic link leads outside the site (to `{}`); it is refused, not followed",
            target.display()
        ),
    )
}

#[test]
fn links_leading_outside_the_site_are_refused_and_never_read() {
    let (parent, root) = site_in_parent(&[]);
    let secret = parent.path().join("secret.txt");
    fs::write(&secret, "+++\ntitle = \"SECRET\"\n+++\nSECRET\n").unwrap();
    fs::create_dir_all(root.join("static")).unwrap();
    fs::create_dir_all(root.join("templates")).unwrap();
    symlink(&secret, root.join("content/claims/leak.md")).unwrap();
    symlink(&secret, root.join("static/leak.txt")).unwrap();
    symlink(parent.path(), root.join("static/up")).unwrap();
    symlink("../../secret.txt", root.join("templates/page.html")).unwrap();
    symlink("../site.toml", root.join("static/inside.toml")).unwrap();
    assert_eq!(
        check_flat(&root),
        vec![
            outside("content/claims/leak.md", &secret),
            warning(
                "static/inside.toml",
                None,
                "symbolic links are not followed; this entry is skipped"
            ),
            outside("static/leak.txt", &secret),
            outside("static/up", parent.path()),
            outside("templates/page.html", Path::new("../../secret.txt")),
        ]
    );
    assert!(matches!(build(&options(&root)), Err(Error::Content(_))));
    assert!(!root.join("public").exists());
}

#[test]
fn links_inside_the_site_are_skipped_not_followed() {
    let dir = common::site(&[]);
    fs::create_dir_all(dir.path().join("static")).unwrap();
    symlink("../site.toml", dir.path().join("static/settings.toml")).unwrap();
    symlink("about.md", dir.path().join("content/pages/about-again.md")).unwrap();
    fs::create_dir_all(dir.path().join("theme")).unwrap();
    fs::write(dir.path().join("theme/page.html"), "LINKED THEME").unwrap();
    symlink("theme", dir.path().join("templates")).unwrap();
    let report = build(&options(dir.path())).unwrap();
    assert_eq!(report.diagnostics.warning_count(), 3);
    assert!(!dir.path().join("public/settings.toml").exists());
    assert!(!dir.path().join("public/pages/about-again").exists());
    let about = read(dir.path(), "public/pages/about/index.html");
    assert!(
        !about.contains("LINKED THEME"),
        "a linked templates/ is not used"
    );
}

#[test]
fn linked_folders_are_not_walked() {
    let (parent, root) = site_in_parent(&[]);
    let elsewhere = parent.path().join("elsewhere");
    copy_tree(&root.join("content"), &elsewhere);
    fs::rename(root.join("content"), parent.path().join("moved")).unwrap();
    symlink(&elsewhere, root.join("content")).unwrap();
    symlink(&elsewhere, root.join("static")).unwrap();
    assert_eq!(
        check_flat(&root),
        vec![
            outside("content", &elsewhere),
            outside("static", &elsewhere)
        ]
    );
}

#[test]
fn names_with_a_windows_separator_are_refused() {
    let (parent, root) = site_in_parent(&[]);
    fs::create_dir_all(root.join("static")).unwrap();
    fs::write(root.join("static/..\\..\\evil.txt"), "x").unwrap();
    fs::write(
        root.join("content/pages/x\\..\\evil.md"),
        "+++\ntitle = \"x\"\n+++\n",
    )
    .unwrap();
    let message = "this name contains a backslash, which Windows reads as a folder separator";
    let refused = |file: &str| {
        (
            "error".to_string(),
            file.to_string(),
            None,
            None,
            message.to_string(),
        )
    };
    assert_eq!(
        check_flat(&root),
        vec![
            refused("content/pages/x\\..\\evil.md"),
            refused("static/..\\..\\evil.txt")
        ]
    );
    let before = tree(parent.path());
    assert!(matches!(build(&options(&root)), Err(Error::Content(_))));
    assert_eq!(tree(parent.path()), before);
}

#[test]
fn a_settings_file_linked_from_outside_is_refused() {
    let (parent, root) = site_in_parent(&[]);
    let real = parent.path().join("real-site.toml");
    fs::rename(root.join("site.toml"), &real).unwrap();
    symlink(&real, root.join("site.toml")).unwrap();
    let Err(Error::Io { source, .. }) = build(&options(&root)) else {
        panic!("a site.toml from outside the site must be refused");
    };
    assert!(
        source
            .to_string()
            .contains("a symbolic link to outside the site"),
        "{source}"
    );
}
