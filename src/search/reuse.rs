//! Reusing the previous build's index when the records have not changed.
//!
//! The index is a pure function of the records, the Pagefind release and its
//! options, so their fingerprint names it. The fingerprint and the list of
//! index files (with sizes) go into [`STAMP`]; the next build reads them back
//! from the output folder and, if the fingerprint matches and every file is
//! there with its size, copies those files instead of indexing again.

use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::Path;

use sha1::{Digest, Sha1};

use super::Layout;
use super::engine::PAGEFIND_VERSION;
use super::records::Record;
use crate::render::OutputFile;
use crate::write::{is_output_folder, safe_join};

/// The file, inside the output, that names the index it sits beside.
pub const STAMP: &str = "pagefind/claimtrail-search.hash";

/// Pagefind's one setting read from the environment; it changes the index chunks.
const CHUNK_SIZE_VARIABLE: &str = "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE";

/// A hex SHA-1 of everything the index depends on.
pub fn fingerprint(records: &[Record], layout: &Layout) -> String {
    let mut hasher = Sha1::new();
    let chunk_size = std::env::var(CHUNK_SIZE_VARIABLE).unwrap_or_default();
    let header = format!(
        "claimtrail {} pagefind {PAGEFIND_VERSION} language {} bundle {} chunk {chunk_size}\n",
        env!("CARGO_PKG_VERSION"),
        layout.language,
        layout.bundle_records,
    );
    hasher.update(header.as_bytes());
    // Writing to a hasher cannot fail; serialising plain strings and maps cannot either.
    let _ = serde_json::to_writer(HashWriter(&mut hasher), records);
    hasher
        .finalize()
        .iter()
        .fold(String::with_capacity(40), |mut hex, byte| {
            let _ = write!(hex, "{byte:02x}");
            hex
        })
}

struct HashWriter<'a>(&'a mut Sha1);

impl std::io::Write for HashWriter<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.update(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The stamp for an index made of `files`: the fingerprint, then one `<bytes> <path>` line per file.
pub fn stamp(fingerprint: &str, files: &[OutputFile]) -> OutputFile {
    let mut text = Vec::new();
    let _ = writeln!(text, "{fingerprint}");
    for file in files {
        let _ = writeln!(text, "{} {}", file.bytes.len(), file.path);
    }
    OutputFile {
        path: STAMP.to_string(),
        bytes: text,
    }
}

/// The index files of the claimtrail output at `output`, stamp included, if
/// its stamp carries `fingerprint` and every file it lists is there, whole.
pub fn previous(output: &Path, fingerprint: &str) -> Option<Vec<OutputFile>> {
    let folder = fs::symlink_metadata(output.join(super::engine::FOLDER)).ok()?;
    if !is_output_folder(output) || !folder.is_dir() {
        return None;
    }
    let stamp = fs::read(output.join(STAMP)).ok()?;
    let text = std::str::from_utf8(&stamp).ok()?;
    let mut lines = text.lines();
    if lines.next()? != fingerprint {
        return None;
    }
    let mut files = lines
        .map(|line| read_listed(output, line))
        .collect::<Option<Vec<_>>>()?;
    files.push(OutputFile {
        path: STAMP.to_string(),
        bytes: stamp,
    });
    Some(files)
}

/// One `<bytes> <path>` line of a stamp, read back from the output folder.
fn read_listed(output: &Path, line: &str) -> Option<OutputFile> {
    let (size, path) = line.split_once(' ')?;
    let size: usize = size.parse().ok()?;
    if !path.starts_with("pagefind/") || path == STAMP {
        return None;
    }
    let full = safe_join(output, path).ok()?;
    // Only plain files: a link planted in the old output is never followed.
    if !fs::symlink_metadata(&full).ok()?.is_file() {
        return None;
    }
    let bytes = fs::read(&full).ok()?;
    (bytes.len() == size).then(|| OutputFile {
        path: path.to_string(),
        bytes,
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::write::MARKER;

    fn record(content: &str) -> Record {
        Record {
            url: "/claims/x/".to_string(),
            content: content.to_string(),
            meta: BTreeMap::new(),
            filters: BTreeMap::new(),
        }
    }

    fn layout(language: &str, bundle_records: usize) -> Layout {
        Layout {
            language: language.to_string(),
            bundle_records,
        }
    }

    #[test]
    fn the_fingerprint_follows_records_language_and_bundle_size() {
        let a = fingerprint(&[record("one")], &layout("en", 10));
        assert_eq!(a.len(), 40);
        assert_eq!(a, fingerprint(&[record("one")], &layout("en", 10)));
        assert_ne!(a, fingerprint(&[record("two")], &layout("en", 10)));
        assert_ne!(a, fingerprint(&[record("one")], &layout("de", 10)));
        assert_ne!(a, fingerprint(&[record("one")], &layout("en", 11)));
    }

    /// An output folder holding one index file and its stamp.
    fn output(fingerprint: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(MARKER), "").unwrap();
        fs::create_dir_all(dir.path().join("pagefind/index")).unwrap();
        let file = OutputFile {
            path: "pagefind/index/en_1.pf_index".to_string(),
            bytes: b"index".to_vec(),
        };
        fs::write(dir.path().join(&file.path), &file.bytes).unwrap();
        let stamp = stamp(fingerprint, &[file]);
        fs::write(dir.path().join(STAMP), stamp.bytes).unwrap();
        dir
    }

    #[test]
    fn a_matching_whole_index_is_reused() {
        let dir = output("abc");
        let files = previous(dir.path(), "abc").unwrap();
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["pagefind/index/en_1.pf_index", STAMP]);
        assert_eq!(files[0].bytes, b"index");
    }

    #[test]
    fn anything_else_is_indexed_again() {
        let dir = output("abc");
        assert!(previous(dir.path(), "abd").is_none(), "other records");
        fs::write(
            dir.path().join("pagefind/index/en_1.pf_index"),
            "longer now",
        )
        .unwrap();
        assert!(previous(dir.path(), "abc").is_none(), "a file changed size");
        let dir = output("abc");
        fs::remove_file(dir.path().join("pagefind/index/en_1.pf_index")).unwrap();
        assert!(previous(dir.path(), "abc").is_none(), "a file is missing");
        let dir = output("abc");
        fs::remove_file(dir.path().join(MARKER)).unwrap();
        assert!(
            previous(dir.path(), "abc").is_none(),
            "not claimtrail's output"
        );
        let dir = output("abc");
        fs::write(dir.path().join(STAMP), "abc\n5 ../../etc/passwd\n").unwrap();
        assert!(
            previous(dir.path(), "abc").is_none(),
            "a path outside pagefind/"
        );
    }
}
