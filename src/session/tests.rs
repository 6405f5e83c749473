//! A session that follows a series of edits ends up where a fresh `check`
//! of the same tree starts: one load path for `build`, `check` and `serve`.

use std::fs;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::*;
use crate::diagnostic::Format;

/// Where the session publishes; a fresh check's site gets it too before the two are compared.
const BASE_URL: &str = "http://127.0.0.1:1111/";

/// A copy of `tests/fixtures/base` at `<dir>/site`, so `<dir>` is outside the site.
fn fixture(dir: &Path) -> PathBuf {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base");
    let root = dir.join("site");
    for entry in WalkDir::new(&base) {
        let entry = entry.unwrap();
        let to = root.join(entry.path().strip_prefix(&base).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&to).unwrap();
        } else {
            fs::copy(entry.path(), &to).unwrap();
        }
    }
    root
}

/// Asserts that the session's model says what a fresh `check` of `root` says:
/// the same diagnostics, in both formats, and the same site when there are no errors.
fn assert_same_as_check(session: &Session, root: &Path, step: &str) {
    let checked = crate::check(root, false).unwrap_or_else(|e| panic!("{step}: {e}"));
    let (site, diagnostics) = match session.model() {
        Ok(model) => (Some(model.site), model.diagnostics),
        Err(diagnostics) => (None, diagnostics),
    };
    for format in [Format::Human, Format::Json] {
        assert_eq!(
            diagnostics.render(format),
            checked.diagnostics.render(format),
            "{step}"
        );
    }
    let fresh = checked.site.map(|mut site| {
        site.config.set_base_url(BASE_URL);
        site
    });
    assert_eq!(format!("{site:?}"), format!("{fresh:?}"), "{step}");
}

/// Replaces `from` with `to` in the file at `path`.
fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has no {from:?}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[cfg(unix)]
#[test]
fn a_session_after_each_edit_reports_what_a_fresh_check_reports() {
    use std::os::unix::fs::symlink;

    let dir = tempfile::tempdir().unwrap();
    let root = fixture(dir.path());
    let claims = root.join("content/claims");
    let config = root.join("site.toml");
    let original_config = fs::read_to_string(&config).unwrap();
    fs::write(
        dir.path().join("secret.md"),
        "+++\ntitle = \"secret\"\n+++\n",
    )
    .unwrap();
    let mut session = Session::open(&root, false, BASE_URL).unwrap();
    assert_same_as_check(&session, &root, "opened");
    let mut step = |name: &str, changed: &[&Path]| {
        let changed: Vec<PathBuf> = changed.iter().map(|path| path.to_path_buf()).collect();
        session.update(&changed).unwrap();
        assert_same_as_check(&session, &root, name);
    };

    let claim = claims.join("acme-model-2-cost.md");
    edit(&claim, "status = \"disputed\"", "status = \"dispted\"");
    step("a misspelled status", &[&claim]);
    edit(&claim, "status = \"dispted\"", "status = \"disputed\"");
    step("the status fixed", &[&claim]);

    let documents = root.join("content/documents");
    fs::create_dir_all(&documents).unwrap();
    let document = documents.join("acme-model-2-launch.md");
    let launch = "+++\ntitle = \"Introducing Acme Model 2\"\nsource = \"acme-blog\"\n\
                  url = \"https://example.org/acme-model-2-launch\"\n+++\n";
    fs::write(&document, launch).unwrap();
    step("a new document that no claim uses", &[&document]);
    let inline = "url = \"https://example.org/acme-model-2-launch\"\ntitle = \"Introducing Acme Model 2\"\ndate = 2026-04-23\n";
    edit(&claim, inline, "document = \"acme-model-2-launch\"\n");
    step("a claim pointing at it", &[&claim]);
    edit(
        &document,
        "source = \"acme-blog\"",
        "source = \"indie-lab\"",
    );
    step(
        "its publisher changed: no longer the claimant",
        &[&document],
    );
    fs::remove_file(&document).unwrap();
    step("the document removed", &[&document]);
    fs::write(&document, launch).unwrap();
    step("the document back", &[&documents]);

    let leak = claims.join("leak.md");
    symlink("../../../secret.md", &leak).unwrap();
    step("a link leading out of the site", &[&leak]);
    fs::remove_file(&leak).unwrap();
    step("the link removed", &[&leak]);

    let alias = root.join("content/sources/alias.md");
    symlink("acme-blog.md", &alias).unwrap();
    step("a link inside the site", &[&alias]);

    let backslash = claims.join("back\\slash.md");
    fs::copy(&claim, &backslash).unwrap();
    step("a backslash in a name", &[&backslash]);
    fs::remove_file(&backslash).unwrap();
    step("the backslash name removed", &[&backslash]);

    let latin1 = claims.join("latin1.md");
    fs::write(&latin1, b"+++\ntitle = \"caf\xe9\"\n+++\n").unwrap();
    step("a file that is not UTF-8", &[&latin1]);
    fs::remove_file(&latin1).unwrap();
    step("that file removed", &[&latin1]);

    let hidden = claims.join(".hidden.md");
    let notes = claims.join("notes.txt");
    fs::write(&hidden, "hidden").unwrap();
    fs::write(&notes, "notes").unwrap();
    step("a hidden claim and a text file", &[&hidden, &notes]);

    let year = claims.join("2026");
    fs::create_dir(&year).unwrap();
    fs::copy(&claim, year.join("x.md")).unwrap();
    step("a new folder, reported as a folder", &[&year]);
    fs::rename(&year, dir.path().join("2026")).unwrap();
    step("the folder moved out of the site", &[&year.join("x.md")]);

    edit(
        &config,
        "language = \"en\"",
        "language = \"en\"\n\n[statuses.retracted]\nlabel = \"Retracted\"\n",
    );
    step("a new status", &[&config]);
    fs::write(&config, &original_config).unwrap();
    step("the settings restored", &[&config]);

    let key = root.join("static/key");
    fs::create_dir_all(root.join("static")).unwrap();
    symlink(dir.path().join("secret.md"), &key).unwrap();
    step("a static link leading out of the site", &[&key]);
    fs::remove_file(&key).unwrap();
    step("the static link removed", &[&key]);

    let search_template = root.join("templates/search.html");
    fs::create_dir_all(root.join("templates")).unwrap();
    fs::write(&search_template, "<p>Search</p>\n").unwrap();
    fs::write(
        &config,
        format!("{original_config}\n[search]\nbundle_records = 1\n"),
    )
    .unwrap();
    step(
        "a search page without the other bundles",
        &[&search_template, &config],
    );

    let style = root.join("templates/style.css");
    fs::write(&style, "a::after { content: \"{{ site.title }}\" }\n").unwrap();
    step("a stylesheet of the site's own with a tag", &[&style]);

    let workflow = root.join(load::WORKFLOW_FILE);
    fs::create_dir_all(workflow.parent().unwrap()).unwrap();
    fs::write(
        &workflow,
        "env:\n  CLAIMTRAIL_REPOSITORY: \"TODO: claimtrail's git repository URL\"\n",
    )
    .unwrap();
    step("a workflow with a placeholder", &[&workflow]);

    let lock = root.join(load::ARCHIVE_LOCK_FILE);
    let entry = "version = 1\n[[entry]]\nurl = \"https://example.org/lab/acme-model-2-cost\"\n\
                 checked = 2026-12-05T19:00:00Z\nstatus = 200\n\
                 capture = \"https://archive.example.org/lab\"\n\
                 [[entry.quote]]\nsha256 = \"00\"\nfound = true\n";
    fs::write(&lock, entry).unwrap();
    step("a lock file whose quote changed since", &[&lock]);
    fs::write(&lock, "version = 1\n<<<<<<< HEAD\n").unwrap();
    step("a lock file with a merge conflict", &[&lock]);
    fs::remove_file(&lock).unwrap();
    step("the lock file removed", &[&lock]);

    let outside = dir.path().join("site.toml");
    fs::rename(&config, &outside).unwrap();
    symlink(&outside, &config).unwrap();
    let refused = crate::check(&root, false).unwrap_err().to_string();
    let error = session.update(std::slice::from_ref(&config)).unwrap_err();
    assert_eq!(error.to_string(), refused);
    let shown = session.model().err().unwrap().render(Format::Human);
    assert!(shown.contains(&refused), "{shown}");
    fs::remove_file(&config).unwrap();
    fs::rename(&outside, &config).unwrap();
    session.update(&[config]).unwrap();
    assert_same_as_check(&session, &root, "the settings back in place");
}
