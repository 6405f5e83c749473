//! `SHA256SUMS`: one `<sha256>  <name>` line per file, as `sha256sum` writes
//! it, so `sha256sum -c SHA256SUMS` checks a downloaded release.

use crate::archive_lock::sha256_hex;

/// The checksum file of a release.
pub const CHECKSUMS_FILE: &str = "SHA256SUMS";

/// The `SHA256SUMS` text for `files` (name and bytes), sorted by name.
pub fn checksums_text(files: &[(String, Vec<u8>)]) -> String {
    let mut lines: Vec<String> = files
        .iter()
        .filter(|(name, _)| name != CHECKSUMS_FILE)
        .map(|(name, bytes)| format!("{}  {name}\n", sha256_hex(bytes)))
        .collect();
    lines.sort_by(|a, b| a[66..].cmp(&b[66..]));
    lines.concat()
}

/// One line of `SHA256SUMS`: the hash and the name, or `None` when it is not
/// such a line (`*` before the name, binary mode, is accepted).
pub(super) fn parse_line(line: &str) -> Option<(&str, &str)> {
    let (hash, rest) = line.split_once(' ')?;
    let name = rest.strip_prefix(' ').or_else(|| rest.strip_prefix('*'))?;
    let hex = hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit());
    (hex && !name.is_empty()).then_some((hash, name))
}
