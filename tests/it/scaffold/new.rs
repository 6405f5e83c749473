//! `claimtrail new`: new files carry placeholders that `check` flags until
//! filled, and ids in use, invalid or reserved by Windows are refused.

use super::*;

#[test]
fn a_new_claim_is_flagged_until_its_placeholders_are_filled() {
    let dir = common::site(&[]);
    let path =
        claimtrail::new::new_file(dir.path(), Kind::Claim, "acme-model-3-speed", TODAY).unwrap();
    assert_eq!(
        path,
        dir.path().join("content/claims/acme-model-3-speed.md")
    );
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("date = 2026-11-25"), "{text}");
    assert!(text.contains("# [quantity]") && text.contains("# [[history]]"));
    assert_comments_line_up(&text);

    let file = "content/claims/acme-model-3-speed.md";
    let errors = errors_in(dir.path(), file);
    let expected: Vec<String> = ["title", "claimant", "url", "title", "quote", "the body"]
        .iter()
        .map(|what| format!("{what} is still a placeholder (TODO): fill it in"))
        .collect();
    // Each placeholder once: no second "unknown source" or "not a URL" message about it.
    assert_eq!(errors, expected);

    fill(
        &path,
        &[
            (
                "TODO: the claim in one sentence, as its claimant made it",
                "Acme Model 3 is fast",
            ),
            (
                "TODO: the source id of whoever first made the claim",
                "acme-blog",
            ),
            (
                "TODO: https://... the document's address",
                "https://example.org/acme-3",
            ),
            ("TODO: the document's title", "Acme Model 3"),
            (
                "TODO: the sentence that makes the claim, quoted exactly",
                "It is fast.",
            ),
            ("TODO: context, analysis", "Context, analysis"),
        ],
    );
    assert_eq!(errors_in(dir.path(), file), Vec::<String>::new());
}

#[test]
fn a_new_source_and_entity_pass_check_once_filled() {
    let dir = common::site(&[]);
    let source = claimtrail::new::new_file(dir.path(), Kind::Source, "new-press", TODAY).unwrap();
    let entity = claimtrail::new::new_file(dir.path(), Kind::Entity, "initech", TODAY).unwrap();
    let expected: Vec<String> = ["name", "kind", "the body"]
        .iter()
        .map(|what| format!("{what} is still a placeholder (TODO): fill it in"))
        .collect();
    assert_eq!(
        errors_in(dir.path(), "content/sources/new-press.md"),
        expected
    );
    assert_eq!(
        errors_in(dir.path(), "content/entities/initech.md"),
        expected
    );
    fill(
        &source,
        &[
            ("TODO: the publisher's name", "New Press"),
            (
                "TODO: official | press | blog | research | social | other",
                "press",
            ),
            ("TODO: who publishes", "Who publishes"),
        ],
    );
    fill(
        &entity,
        &[
            (
                "TODO: the organization's, model's, product's or person's name",
                "Initech",
            ),
            (
                "TODO: organization | model | product | person | other",
                "organization",
            ),
            ("TODO: what this is", "What this is"),
        ],
    );
    assert_eq!(
        errors_in(dir.path(), "content/sources/new-press.md"),
        Vec::<String>::new()
    );
    assert_eq!(
        errors_in(dir.path(), "content/entities/initech.md"),
        Vec::<String>::new()
    );
}

#[test]
fn new_refuses_an_id_in_use_in_any_sub_folder_and_leaves_it_alone() {
    let dir = common::site(&[]);
    let existing = dir
        .path()
        .join("content/claims/2025/acme-model-1-launch.md");
    let before = fs::read(&existing).unwrap();
    let message = usage_message(claimtrail::new::new_file(
        dir.path(),
        Kind::Claim,
        "acme-model-1-launch",
        TODAY,
    ));
    assert!(message.contains("already exists"), "{message}");
    assert!(message.contains("acme-model-1-launch.md"), "{message}");
    assert_eq!(fs::read(&existing).unwrap(), before);
    assert!(
        !dir.path()
            .join("content/claims/acme-model-1-launch.md")
            .exists()
    );
}

#[test]
fn new_refuses_an_invalid_id_and_suggests_a_valid_one() {
    let dir = common::site(&[]);
    let message = usage_message(claimtrail::new::new_file(
        dir.path(),
        Kind::Entity,
        "Acme Model 3",
        TODAY,
    ));
    assert!(
        message.contains("`Acme Model 3` is not a valid entity id"),
        "{message}"
    );
    assert!(message.contains("try `acme-model-3`"), "{message}");
}

#[test]
fn new_refuses_a_windows_device_name_and_suggests_a_longer_id() {
    let dir = common::site(&[]);
    let message = usage_message(claimtrail::new::new_file(
        dir.path(),
        Kind::Claim,
        "nul",
        TODAY,
    ));
    assert!(
        message.contains("`nul` is a device name on Windows"),
        "{message}"
    );
    assert!(message.contains("try `nul-claim`"), "{message}");
    assert!(!dir.path().join("content/claims/nul.md").exists());
}

#[test]
fn new_refuses_a_folder_that_is_not_a_site() {
    let dir = tempfile::tempdir().unwrap();
    let message = usage_message(claimtrail::new::new_file(
        dir.path(),
        Kind::Claim,
        "x",
        TODAY,
    ));
    assert!(message.contains("is not a claimtrail site"), "{message}");
    assert!(!dir.path().join("content").exists());
}

/// The comments after a value start in one column, as the template lays
/// them out (the date's comment sat one further: `__TODAY__` is a character
/// shorter than a date).
fn assert_comments_line_up(text: &str) {
    let columns: std::collections::BTreeSet<usize> = text
        .lines()
        .filter(|line| !line.starts_with('#') && line.contains(" = "))
        .filter_map(|line| line.find("  # ").map(|at| at + 2))
        .collect();
    assert_eq!(columns.len(), 1, "{columns:?}\n{text}");
}

#[test]
fn a_new_document_is_flagged_until_filled_and_then_serves_a_claim() {
    let dir = common::site(&[]);
    Command::cargo_bin("claimtrail")
        .unwrap()
        .args(["new", "document", "acme-price-sheet", "--root"])
        .arg(dir.path())
        .assert()
        .code(0);
    let path = dir.path().join("content/documents/acme-price-sheet.md");
    let file = "content/documents/acme-price-sheet.md";
    let expected: Vec<String> = ["title", "source", "kind", "url", "the body"]
        .iter()
        .map(|what| format!("{what} is still a placeholder (TODO): fill it in"))
        .collect();
    // Each placeholder once: no "unknown source" or "not a URL" besides.
    assert_eq!(errors_in(dir.path(), file), expected);
    fill(
        &path,
        &[
            (
                "TODO: the document's own title, as published",
                "Acme price sheet",
            ),
            (
                "TODO: the source id of its publisher, from content/sources/",
                "acme-blog",
            ),
            (
                "TODO: article | paper | model-card | press-release | post | benchmark | other",
                "other",
            ),
            (
                "TODO: https://... the document's address",
                "https://example.org/acme/prices",
            ),
            ("TODO: what the document is", "What the document is"),
        ],
    );
    let claim = dir.path().join("content/claims/acme-model-2-cost.md");
    fill(
        &claim,
        &[(
            "[[citations]]\nsource = \"example-press\"",
            "[[citations]]\ndocument = \"acme-price-sheet\"\nstance = \"neutral\"\n\n[[citations]]\nsource = \"example-press\"",
        )],
    );
    let checked = claimtrail::check(dir.path(), false).unwrap();
    assert_eq!(checked.diagnostics.error_count(), 0);
    let site = checked.site.unwrap();
    assert_eq!(site.documents["acme-price-sheet"].title, "Acme price sheet");
}
