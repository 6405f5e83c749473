//! A build that fails at any stage (content, template, write) keeps the previous
//! output complete; a build that succeeds replaces it and leaves nothing behind.

use super::*;

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
