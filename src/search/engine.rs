//! Runs Pagefind in process over the records and returns its files in memory.
//!
//! Pagefind's API is async (tokio) and takes records one at a time through
//! `&mut self`, so they are fed in order on a small runtime of our own; the
//! index itself is then built on Pagefind's rayon threads.

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Component, Path};

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use super::records::Record;
use crate::render::OutputFile;

/// The folder of the output that holds the index and Pagefind's scripts.
pub const FOLDER: &str = "pagefind";

/// The Pagefind release the index is built with; `pagefind-entry.json` says
/// the same (a unit test checks), and it is part of the reuse fingerprint.
pub const PAGEFIND_VERSION: &str = "1.6.0";

/// The language code Pagefind gets for a site's `language`: its primary subtag
/// (`en` for `en-GB`), lowercase, or `unknown` when that is not two or three
/// ASCII letters. Pagefind stems by the primary subtag only, and puts the code
/// into file names and slices hashes by its length, so nothing else is passed.
pub fn language_code(language: &str) -> String {
    let primary = language.split(['-', '_']).next().unwrap_or_default();
    let letters = primary.chars().all(|c| c.is_ascii_alphabetic());
    if letters && (2..=3).contains(&primary.len()) {
        primary.to_ascii_lowercase()
    } else {
        "unknown".to_string()
    }
}

/// Indexes `records` in `language` (from [`language_code`]) and returns
/// Pagefind's files under [`FOLDER`], sorted by path. Errors are sentences.
pub fn index(records: Vec<Record>, language: &str) -> Result<Vec<OutputFile>, String> {
    // Pagefind reads the working folder when it starts, and panics without one.
    std::env::current_dir()
        .map_err(|e| format!("the working folder cannot be read ({e}), and Pagefind needs it"))?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the indexing runtime: {e}"))?;
    let run = AssertUnwindSafe(|| runtime.block_on(run(records, language)));
    catch_unwind(run).unwrap_or_else(|panic| Err(format!("Pagefind stopped: {}", message(&*panic))))
}

async fn run(records: Vec<Record>, language: &str) -> Result<Vec<OutputFile>, String> {
    let options = PagefindServiceConfig::builder()
        .force_language(language.to_string())
        .write_playground(false)
        .build();
    let mut index =
        PagefindIndex::new(Some(options)).map_err(|e| format!("cannot start Pagefind: {e}"))?;
    for record in records {
        let url = record.url.clone();
        index
            .add_custom_record(
                record.url,
                record.content,
                language.to_string(),
                Some(record.meta),
                Some(record.filters),
                None,
            )
            .await
            .map_err(|e| format!("cannot index {url}: {e}"))?;
    }
    let files = index
        .get_files()
        .await
        .map_err(|e| format!("cannot build the index: {e}"))?;
    let mut files = files
        .into_iter()
        .map(|file| {
            Ok(OutputFile {
                path: output_path(&file.filename)?,
                bytes: file.contents,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// `pagefind/<name>` for a file name Pagefind gives relative to its bundle folder.
fn output_path(name: &Path) -> Result<String, String> {
    let mut path = String::from(FOLDER);
    for component in name.components() {
        match component {
            Component::Normal(part) => {
                path.push('/');
                path.push_str(part.to_str().ok_or_else(|| unexpected(name))?);
            }
            _ => return Err(unexpected(name)),
        }
    }
    Ok(path)
}

fn unexpected(name: &Path) -> String {
    format!(
        "Pagefind made a file with an unexpected name: {}",
        name.display()
    )
}

fn message(panic: &(dyn Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "an internal error".to_string())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn records() -> Vec<Record> {
        ["alpha beta", "beta gamma"]
            .iter()
            .enumerate()
            .map(|(i, content)| Record {
                url: format!("/claims/c{i}/"),
                content: content.to_string(),
                meta: BTreeMap::from([("title".to_string(), format!("Claim {i}"))]),
                filters: BTreeMap::from([("kind".to_string(), vec!["Claim".to_string()])]),
            })
            .collect()
    }

    #[test]
    fn the_index_is_deterministic_sorted_and_under_its_folder() {
        let files = index(records(), "en").unwrap();
        assert_eq!(files, index(records(), "en").unwrap());
        assert!(files.windows(2).all(|w| w[0].path < w[1].path));
        assert!(files.iter().all(|f| f.path.starts_with("pagefind/")));
        for name in [
            "pagefind/pagefind.js",
            "pagefind/pagefind-ui.js",
            "pagefind/wasm.en.pagefind",
        ] {
            assert!(files.iter().any(|f| f.path == name), "{name}");
        }
        assert!(files.iter().any(|f| f.path.ends_with(".pf_index")));
    }

    #[test]
    fn the_pinned_version_is_the_one_that_runs() {
        let files = index(records(), "en").unwrap();
        let entry = files
            .iter()
            .find(|f| f.path == "pagefind/pagefind-entry.json")
            .unwrap();
        let entry: serde_json::Value = serde_json::from_slice(&entry.bytes).unwrap();
        assert_eq!(entry["version"], PAGEFIND_VERSION);
    }

    #[test]
    fn language_codes_are_primary_subtags_or_unknown() {
        for (given, code) in [
            ("en", "en"),
            ("en-GB", "en"),
            ("PT_br", "pt"),
            ("ast", "ast"),
            ("", "unknown"),
            ("english", "unknown"),
            ("en\"><script>alert('lang')</script>", "unknown"),
            ("e/", "unknown"),
        ] {
            assert_eq!(language_code(given), code, "{given}");
        }
        let files = index(records(), "unknown").unwrap();
        assert!(
            files
                .iter()
                .any(|f| f.path == "pagefind/pagefind-entry.json")
        );
    }

    #[test]
    fn odd_file_names_are_refused() {
        assert_eq!(
            output_path(Path::new("index/a.pf_index")).unwrap(),
            "pagefind/index/a.pf_index"
        );
        assert!(output_path(Path::new("../a")).is_err());
        assert!(output_path(Path::new("/a")).is_err());
    }
}
