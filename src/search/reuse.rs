//! Reusing the previous build's index when the records have not changed.
//!
//! The index is a pure function of the records, the Pagefind release and its
//! options, so their fingerprint names it. The fingerprint and the list of
//! index files (with sizes) go into [`STAMP`]; the next build reads them back
//! from the previous output (through a reader the caller gives, so this stage
//! never opens the output folder itself) and, if the fingerprint matches and
//! every file is there with its size, reuses those files instead of indexing again.

use std::fmt::Write as _;
use std::io::Write as _;

use sha1::{Digest, Sha1};

use super::Layout;
use super::engine::PAGEFIND_VERSION;
use super::records::Record;
use crate::output_file::OutputFile;

/// The file, inside the output, that names the index it sits beside.
pub(crate) const STAMP: &str = "pagefind/claimtrail-search.hash";

/// Pagefind's one setting read from the environment; it changes the index chunks.
const CHUNK_SIZE_VARIABLE: &str = "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE";

/// A hex SHA-1 of everything the index depends on.
pub(crate) fn fingerprint(records: &[Record], layout: &Layout) -> String {
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
pub(crate) fn stamp(fingerprint: &str, files: &[OutputFile]) -> OutputFile {
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

/// The index files of the previous output, stamp included, if its stamp
/// carries `fingerprint` and every file it lists is there, whole. `read`
/// gives the bytes of a file of the previous output by its `/`-separated
/// path, or `None`; it alone decides what may be read (the build's reader,
/// `write::PreviousOutput`, reads only plain files inside the output folder).
pub(crate) fn previous(
    read: impl Fn(&str) -> Option<Vec<u8>>,
    fingerprint: &str,
) -> Option<Vec<OutputFile>> {
    let stamp = read(STAMP)?;
    let text = std::str::from_utf8(&stamp).ok()?;
    let mut lines = text.lines();
    if lines.next()? != fingerprint {
        return None;
    }
    let mut files = lines
        .map(|line| read_listed(&read, line))
        .collect::<Option<Vec<_>>>()?;
    files.push(OutputFile {
        path: STAMP.to_string(),
        bytes: stamp,
    });
    Some(files)
}

/// One `<bytes> <path>` line of a stamp, read back with `read`.
fn read_listed(read: impl Fn(&str) -> Option<Vec<u8>>, line: &str) -> Option<OutputFile> {
    let (size, path) = line.split_once(' ')?;
    let size: usize = size.parse().ok()?;
    if !path.starts_with("pagefind/") || path == STAMP {
        return None;
    }
    let bytes = read(path)?;
    (bytes.len() == size).then(|| OutputFile {
        path: path.to_string(),
        bytes,
    })
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, HashMap};

    use super::*;

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

    /// A previous output holding one index file and its stamp, by path.
    fn output(fingerprint: &str) -> HashMap<String, Vec<u8>> {
        let file = OutputFile {
            path: "pagefind/index/en_1.pf_index".to_string(),
            bytes: b"index".to_vec(),
        };
        let stamp = stamp(fingerprint, std::slice::from_ref(&file));
        HashMap::from([(file.path, file.bytes), (stamp.path, stamp.bytes)])
    }

    /// The reader over `files` that `previous` takes.
    fn reader(files: &HashMap<String, Vec<u8>>) -> impl Fn(&str) -> Option<Vec<u8>> + '_ {
        |path| files.get(path).cloned()
    }

    #[test]
    fn a_matching_whole_index_is_reused() {
        let files = output("abc");
        let reused = previous(reader(&files), "abc").unwrap();
        let paths: Vec<&str> = reused.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["pagefind/index/en_1.pf_index", STAMP]);
        assert_eq!(reused[0].bytes, b"index");
        assert_eq!(reused[1].bytes, files[STAMP], "the stamp as it was");
    }

    #[test]
    fn anything_else_is_indexed_again() {
        let files = output("abc");
        assert!(previous(reader(&files), "abd").is_none(), "other records");
        let mut changed = output("abc");
        changed.insert(
            "pagefind/index/en_1.pf_index".into(),
            b"longer now".to_vec(),
        );
        assert!(
            previous(reader(&changed), "abc").is_none(),
            "a file changed size"
        );
        let mut missing = output("abc");
        missing.remove("pagefind/index/en_1.pf_index");
        assert!(
            previous(reader(&missing), "abc").is_none(),
            "a file is missing"
        );
        assert!(previous(|_| None, "abc").is_none(), "no previous output");
        let mut outside = output("abc");
        outside.insert(STAMP.into(), b"abc\n6 ../../etc/passwd\n".to_vec());
        outside.insert("../../etc/passwd".into(), b"secret".to_vec());
        assert!(
            previous(reader(&outside), "abc").is_none(),
            "a path outside pagefind/"
        );
    }
}
