//! `import csv`: a spreadsheet through a column mapping, every bad row
//! reported at its row and column, nothing written unless all are good.

use std::fs;
use std::path::PathBuf;

use claimtrail::import::{ImportOptions, Input, import};

use super::{check_passes, empty_site, input, run, stdout};
use crate::common::{error, flat, read, tree};

fn options(root: &std::path::Path, csv: &str) -> ImportOptions {
    ImportOptions {
        root: root.to_path_buf(),
        file: PathBuf::from(input(csv)),
        input: Input::Csv {
            map: PathBuf::from(input("map.toml")),
        },
        dry_run: false,
    }
}

#[test]
fn three_bad_rows_are_each_reported_at_row_and_column_and_nothing_is_written() {
    let dir = empty_site();
    let root = dir.path();
    let before = tree(root);
    let Err(claimtrail::Error::Content(diagnostics)) = import(&options(root, "claims-bad.csv"))
    else {
        panic!("the bad rows are content errors");
    };
    let file = input("claims-bad.csv");
    assert_eq!(
        flat(&diagnostics),
        [
            error(
                &file,
                3,
                1,
                "column \"Link\": the address uses the `javascript:` scheme; only http and https links are allowed"
            ),
            error(
                &file,
                4,
                1,
                "column \"date\": \"31/02/2026\" is not a date (YYYY-MM-DD)"
            ),
            error(
                &file,
                5,
                1,
                "column \"Claim\": empty; every claim needs its text"
            ),
        ]
    );
    assert_eq!(
        tree(root),
        before,
        "nothing written, not even the good rows"
    );
}

#[test]
fn a_good_spreadsheet_imports_into_a_site_that_checks_and_builds() {
    let dir = empty_site();
    let root = dir.path();
    let map = input("map.toml");
    let assert = run(
        root,
        &["import", "csv", &input("claims.csv"), "--map", &map],
    )
    .success();
    assert_eq!(
        stdout(&assert),
        "\
created content/sources/acme-blog.md
created content/documents/introducing-acme-model-2.md
created content/claims/acme-model-2-is-over-30-cheaper-per-token-than-acme-model-1.md (rated \"false\" → refuted)
created content/claims/acme-model-2-reads-a-million-tokens-at-once.md
created content/sources/jane-example.md
created content/claims/acme-model-3-ships-in-2027.md
imported 3 claims: 6 files created, 0 items skipped
"
    );
    assert_eq!(check_passes(root), Vec::<String>::new());
    let claim = read(
        root,
        "content/claims/acme-model-2-is-over-30-cheaper-per-token-than-acme-model-1.md",
    );
    assert!(
        claim.contains("tags = [\"inference cost\", \"pricing\"]"),
        "{claim}"
    );
    let supported = read(root, "content/claims/acme-model-3-ships-in-2027.md");
    assert!(supported.contains("status = \"supported\""), "{supported}");
    claimtrail::build(&crate::common::options(root)).unwrap();
    assert!(root.join("public/tags/inference-cost/index.html").is_file());
}

#[test]
fn a_mapping_that_names_a_missing_column_is_refused_with_the_columns_there_are() {
    let dir = empty_site();
    let root = dir.path();
    let map = root.join("map.toml");
    fs::write(
        &map,
        "text = \"Claim\"\nclaimant = \"Who\"\ndate = \"date\"\n",
    )
    .unwrap();
    let assert = run(
        root,
        &[
            "import",
            "csv",
            &input("claims.csv"),
            "--map",
            map.to_str().unwrap(),
        ],
    )
    .code(2);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("`claimant` names the column \"Who\", which the file's header row does not have; its columns are: Claim, Who said it, date"),
        "{err}"
    );
    fs::write(
        &map,
        "text = \"Claim\"\nclaimant = \"Who said it\"\ndate = \"date\"\nverdict = \"Verdict\"\n",
    )
    .unwrap();
    let assert = run(
        root,
        &[
            "import",
            "csv",
            &input("claims.csv"),
            "--map",
            map.to_str().unwrap(),
        ],
    )
    .code(2);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(err.contains("unknown field `verdict`"), "{err}");
}
