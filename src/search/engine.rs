//! Runs Pagefind in process over the records and returns its files in memory.
//!
//! Pagefind's API is async (tokio) and takes records one at a time through
//! `&mut self`, so they are fed in order on a small runtime of our own; the
//! index itself is then built on Pagefind's rayon threads.

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Component, Path, PathBuf};

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use super::records::Record;
use crate::output_file::OutputFile;

/// The folder of the output that holds the index and Pagefind's scripts.
pub(crate) const FOLDER: &str = crate::output_file::SEARCH_FOLDER;

/// The Pagefind release the index is built with; `pagefind-entry.json` says
/// the same (a unit test checks), and it is part of the reuse fingerprint.
pub(crate) const PAGEFIND_VERSION: &str = "1.6.0";

/// The language code Pagefind gets for a site's `language`: its primary subtag
/// (`en` for `en-GB`), lowercase, or `unknown` when that is not two or three
/// ASCII letters. Pagefind stems by the primary subtag only, and puts the code
/// into file names and slices hashes by its length, so nothing else is passed.
pub(crate) fn language_code(language: &str) -> String {
    let primary = language.split(['-', '_']).next().unwrap_or_default();
    let letters = primary.chars().all(|c| c.is_ascii_alphabetic());
    if letters && (2..=3).contains(&primary.len()) {
        primary.to_ascii_lowercase()
    } else {
        "unknown".to_string()
    }
}

/// How many bundles are indexed at once: the memory bound is this many
/// bundles' records. Fixed rather than one per core, so the memory a build
/// takes does not depend on the machine (the output never does).
const CONCURRENT_BUNDLES: usize = 2;

/// How many bundles an index of `records` records is split into, at most
/// `bundle_records` each (`[search] bundle_records`).
///
/// Pagefind keeps every record of a bundle in memory (30 to 45 KB each) until
/// it writes the bundle, and scans all earlier URLs of the bundle on each
/// insert, so a big site is split into bundles, indexed
/// [`CONCURRENT_BUNDLES`] at a time, that the search page merges (Pagefind's
/// `mergeIndex`).
pub(crate) fn bundle_count(records: usize, bundle_records: usize) -> usize {
    records.div_ceil(bundle_records.max(1)).max(1)
}

/// The folder of bundle `n` (from 0) in the output: [`FOLDER`] for the first,
/// which also holds Pagefind's scripts, `pagefind/bundle-2/` and so on after it.
pub(crate) fn bundle_folder(n: usize) -> String {
    match n {
        0 => format!("{FOLDER}/"),
        n => format!("{FOLDER}/bundle-{}/", n + 1),
    }
}

/// Indexes `records` in `language` (from [`language_code`]) and returns
/// Pagefind's files under [`FOLDER`], sorted by path, in [`bundle_count`]
/// bundles of consecutive records. Errors are sentences.
pub(crate) fn index(
    records: Vec<Record>,
    language: &str,
    bundle_records: usize,
) -> Result<Vec<OutputFile>, String> {
    // Pagefind reads the working folder when it starts, and panics without one.
    std::env::current_dir()
        .map_err(|e| format!("the working folder cannot be read ({e}), and Pagefind needs it"))?;
    let queue = std::sync::Mutex::new(bundles(records, bundle_records).into_iter().enumerate());
    let next = || queue.lock().ok().and_then(|mut bundles| bundles.next());
    let mut files = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..CONCURRENT_BUNDLES)
            .map(|_| {
                scope.spawn(|| {
                    let mut files = Vec::new();
                    while let Some((n, records)) = next() {
                        files.extend(index_bundle(n, records, language)?);
                    }
                    Ok::<_, String>(files)
                })
            })
            .collect();
        let mut files = Vec::new();
        for worker in workers {
            let done = worker
                .join()
                .unwrap_or_else(|panic| Err(format!("Pagefind stopped: {}", message(&*panic))));
            files.extend(done?);
        }
        Ok::<_, String>(files)
    })?;
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// `records` cut into [`bundle_count`] runs of consecutive records whose sizes differ by at most one.
fn bundles(mut records: Vec<Record>, bundle_records: usize) -> Vec<Vec<Record>> {
    let count = bundle_count(records.len(), bundle_records);
    let mut bundles = Vec::with_capacity(count);
    for n in (0..count).rev() {
        let size = records.len() / (n + 1);
        bundles.push(records.split_off(records.len() - size));
    }
    bundles.reverse();
    bundles
}

/// Bundle `n`'s files: all of Pagefind's for the first, just the index data for the others,
/// which the search page loads with the first bundle's scripts.
fn index_bundle(n: usize, records: Vec<Record>, language: &str) -> Result<Vec<OutputFile>, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the indexing runtime: {e}"))?;
    let run = AssertUnwindSafe(|| runtime.block_on(run(records, language)));
    let files = catch_unwind(run)
        .unwrap_or_else(|panic| Err(format!("Pagefind stopped: {}", message(&*panic))))?;
    let folder = bundle_folder(n);
    files
        .into_iter()
        .filter(|(name, _)| n == 0 || is_index_data(name))
        .map(|(name, bytes)| {
            Ok(OutputFile {
                path: output_path(&folder, &name)?,
                bytes,
            })
        })
        .collect()
}

/// Whether a bundle file holds index data (entry, metadata, words, filters,
/// fragments) rather than Pagefind's scripts, styles or WebAssembly.
fn is_index_data(name: &Path) -> bool {
    let first = name.components().next();
    let top = first
        .and_then(|c| c.as_os_str().to_str())
        .unwrap_or_default();
    matches!(top, "pagefind-entry.json" | "index" | "filter" | "fragment")
        || top.ends_with(".pf_meta")
}

async fn run(records: Vec<Record>, language: &str) -> Result<Vec<(PathBuf, Vec<u8>)>, String> {
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
    Ok(files
        .into_iter()
        .map(|file| (file.filename, file.contents))
        .collect())
}

/// `<folder><name>` for a file name Pagefind gives relative to its bundle `folder`.
fn output_path(folder: &str, name: &Path) -> Result<String, String> {
    let mut path = folder.trim_end_matches('/').to_string();
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
        let files = index(records(), "en", 10).unwrap();
        assert_eq!(files, index(records(), "en", 10).unwrap());
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
        let files = index(records(), "en", 10).unwrap();
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
        let files = index(records(), "unknown", 10).unwrap();
        assert!(
            files
                .iter()
                .any(|f| f.path == "pagefind/pagefind-entry.json")
        );
    }

    #[test]
    fn bundles_split_records_evenly_in_order() {
        assert_eq!(bundle_count(0, 5), 1);
        assert_eq!(bundle_count(5, 5), 1);
        assert_eq!(bundle_count(6, 5), 2);
        assert_eq!(bundle_count(100_100, 20_000), 6);
        let many: Vec<Record> = (0..7).flat_map(|_| records()).take(13).collect();
        let urls: Vec<String> = many.iter().map(|r| r.url.clone()).collect();
        let split = bundles(many, 5);
        let sizes: Vec<usize> = split.iter().map(Vec::len).collect();
        assert_eq!(sizes, [5, 4, 4]);
        let rejoined: Vec<String> = split.into_iter().flatten().map(|r| r.url).collect();
        assert_eq!(rejoined, urls, "consecutive records, in order");
        assert_eq!(bundle_folder(0), "pagefind/");
        assert_eq!(bundle_folder(2), "pagefind/bundle-3/");
    }

    #[test]
    fn a_split_index_has_one_bundle_of_data_per_part_and_the_scripts_once() {
        let files = index(records(), "en", 1).unwrap();
        assert_eq!(files, index(records(), "en", 1).unwrap());
        assert!(files.windows(2).all(|w| w[0].path < w[1].path));
        let has = |path: &str| files.iter().any(|f| f.path == path);
        assert!(has("pagefind/pagefind.js") && has("pagefind/wasm.en.pagefind"));
        assert!(has("pagefind/pagefind-entry.json"));
        assert!(has("pagefind/bundle-2/pagefind-entry.json"));
        assert!(
            !files
                .iter()
                .any(|f| f.path.starts_with("pagefind/bundle-3/"))
        );
        let second: Vec<&str> = files
            .iter()
            .filter_map(|f| f.path.strip_prefix("pagefind/bundle-2/"))
            .collect();
        assert!(second.iter().any(|p| p.ends_with(".pf_meta")), "{second:?}");
        assert!(second.iter().any(|p| p.starts_with("index/")), "{second:?}");
        assert!(
            second.iter().any(|p| p.starts_with("fragment/")),
            "{second:?}"
        );
        assert!(
            second
                .iter()
                .all(|p| !p.ends_with(".js") && !p.contains("wasm")),
            "scripts only in the first bundle: {second:?}"
        );
        // Each bundle indexes its own records: one fragment each.
        for folder in ["pagefind/fragment/", "pagefind/bundle-2/fragment/"] {
            let fragments = files.iter().filter(|f| f.path.starts_with(folder)).count();
            assert_eq!(fragments, 1, "{folder}");
        }
    }

    #[test]
    fn odd_file_names_are_refused() {
        assert_eq!(
            output_path("pagefind/", Path::new("index/a.pf_index")).unwrap(),
            "pagefind/index/a.pf_index"
        );
        assert_eq!(
            output_path(&bundle_folder(1), Path::new("index/a.pf_index")).unwrap(),
            "pagefind/bundle-2/index/a.pf_index"
        );
        assert!(output_path("pagefind/", Path::new("../a")).is_err());
        assert!(output_path("pagefind/", Path::new("/a")).is_err());
    }
}
