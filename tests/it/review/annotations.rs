//! How `diff` flags what `check --base` refuses: a claim removed outright or
//! renamed without keeping its address is a `::warning`, and the Markdown
//! says the address is lost; a changed claimed value sits on its `value` line.

use super::diff::rename;
use super::{CLAIM_FILE, Tracker};

/// `diff main HEAD` in `format`, which must succeed.
fn diff(tracker: &Tracker, format: &str) -> String {
    let run = tracker.run(&["diff", "main", "HEAD", "--format", format]);
    assert_eq!(run.code, Some(0), "{run:?}");
    run.stdout
}

#[test]
fn a_removed_claim_is_a_warning_and_its_lost_address_is_named() {
    let tracker = Tracker::new();
    std::fs::remove_file(tracker.root().join(CLAIM_FILE)).unwrap();
    tracker.commit("Remove the claim");
    assert_eq!(
        diff(&tracker, "github"),
        format!("::warning file={CLAIM_FILE},title=claim twice-as-fast::claim removed\n")
    );
    assert_eq!(
        diff(&tracker, "markdown"),
        "## Content changes\n\nFrom `main` to `HEAD`: **1 claim removed**.\n\n### Removed\n\n\
         - claim `twice-as-fast`: Example Lab says its model answers twice as fast; \
         **its address `/claims/twice-as-fast/` is lost**, unless another claim lists `twice-as-fast` in `aliases`\n"
    );
}

#[test]
fn a_rename_is_a_warning_only_when_the_address_is_lost() {
    for (alias, level) in [(false, "warning"), (true, "notice")] {
        let tracker = Tracker::new();
        rename(&tracker, alias);
        tracker.commit("Rename the claim");
        let github = diff(&tracker, "github");
        assert!(
            github.starts_with(&format!(
                "::{level} file=content/claims/faster.md,line=1,title=claim faster::renamed from twice-as-fast"
            )),
            "{github}"
        );
    }
}

#[test]
fn a_changed_claimed_value_is_annotated_at_its_value_line() {
    let tracker = Tracker::new();
    let quantity =
        "status = \"unverified\"\n\n[quantity]\nlabel = \"Speed-up\"\nvalue = 2\nunit = \"×\"\n";
    tracker.on_base("Add the quantity", |base| {
        base.edit(CLAIM_FILE, "status = \"unverified\"\n", quantity);
    });
    tracker.edit(CLAIM_FILE, "value = 2\n", "value = 3\n");
    tracker.commit("Correct the value");
    let text = std::fs::read_to_string(tracker.root().join(CLAIM_FILE)).unwrap();
    let line = text.lines().position(|l| l == "value = 3").unwrap() + 1;
    assert_eq!(line, 9);
    assert_eq!(
        diff(&tracker, "github"),
        format!(
            "::notice file={CLAIM_FILE},line={line},title=claim twice-as-fast::value changed from 2 to 3\n"
        )
    );
}

#[test]
fn annotations_name_files_from_the_working_folder_when_the_site_is_in_a_subfolder() {
    let tracker = Tracker::new();
    std::fs::remove_file(tracker.root().join(CLAIM_FILE)).unwrap();
    tracker.commit("Remove the claim");
    let (above, folder) = (
        tracker.root().parent().unwrap(),
        tracker.root().file_name().unwrap(),
    );
    let folder = folder.to_str().unwrap();
    let run = super::run_in(
        above,
        &[
            "diff", "main", "HEAD", "--format", "github", "--root", folder,
        ],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.stdout,
        format!("::warning file={folder}/{CLAIM_FILE},title=claim twice-as-fast::claim removed\n")
    );
}
