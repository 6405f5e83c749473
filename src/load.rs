//! The load stage: find every content file and read it as text.
//!
//! This is the only stage that reads content from disk. Files that cannot be
//! read as UTF-8 text become diagnostics, never panics.

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, Diagnostics, display_path};
use crate::{disk_threads, symlinks};

/// Largest content or settings file accepted. A long claim is about 10 KiB;
/// 2 MiB leaves room for thousands of citations while keeping the worst-case
/// Markdown render of one file to a few seconds.
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;

/// Folders besides `content/` whose files the build reads or copies.
const OTHER_FOLDERS: [&str; 2] = ["static", "templates"];

/// The kinds of content file, by the folder they live in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// `content/claims/**/*.md`
    Claim,
    /// `content/sources/*.md`
    Source,
    /// `content/entities/*.md`
    Entity,
    /// `content/pages/*.md`
    Page,
}

impl Kind {
    /// Every kind, in load order.
    pub const ALL: [Kind; 4] = [Kind::Claim, Kind::Source, Kind::Entity, Kind::Page];

    /// The folder under `content/` holding this kind.
    pub fn folder(self) -> &'static str {
        match self {
            Kind::Claim => "claims",
            Kind::Source => "sources",
            Kind::Entity => "entities",
            Kind::Page => "pages",
        }
    }

    /// The singular noun, for messages.
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Claim => "claim",
            Kind::Source => "source",
            Kind::Entity => "entity",
            Kind::Page => "page",
        }
    }
}

/// One content file read as text.
#[derive(Debug, Clone)]
pub struct RawFile {
    /// Which folder it came from.
    pub kind: Kind,
    /// Path relative to the site root, `/`-separated.
    pub path: String,
    /// The file stem, which is the content's id.
    pub id: String,
    /// The whole file.
    pub text: String,
}

/// Everything the load stage found.
#[derive(Debug, Default)]
pub struct Loaded {
    /// `site.toml`, if present.
    pub config_text: Option<String>,
    /// Readable content files, sorted by kind and path.
    pub files: Vec<RawFile>,
    /// Files that could not be read, and skipped entries.
    pub diagnostics: Diagnostics,
}

/// Reads `site.toml` and every content file under `root`, and checks the
/// other folders the build reads for symbolic links.
pub fn load(root: &Path) -> std::io::Result<Loaded> {
    let (config_text, config_problem) = read_config(root)?.unzip();
    let mut loaded = Loaded {
        config_text,
        ..Loaded::default()
    };
    if let Some(Some(problem)) = config_problem {
        loaded.diagnostics.push(problem);
    }
    let mut paths = Vec::new();
    let content = root.join("content");
    if symlinks::is_symlink(&content) {
        loaded
            .diagnostics
            .push(symlinks::diagnostic(root, &content));
    } else {
        for kind in Kind::ALL {
            let folder = content.join(kind.folder());
            paths.extend(
                walk(root, &folder, true, &mut loaded.diagnostics)
                    .into_iter()
                    .filter_map(|path| markdown_file(root, kind, path, &mut loaded.diagnostics)),
            );
        }
    }
    for folder in OTHER_FOLDERS {
        // Hidden files such as `.nojekyll` are published too, so they are checked.
        walk(root, &root.join(folder), false, &mut loaded.diagnostics);
    }
    for result in read_all(root, &paths) {
        match result {
            Ok(file) => loaded.files.push(file),
            Err(unreadable) => {
                let (diagnostic, text) = *unreadable;
                if let Some(text) = text {
                    loaded.diagnostics.add_source(&diagnostic.file, &text);
                }
                loaded.diagnostics.push(diagnostic);
            }
        }
    }
    Ok(loaded)
}

/// Reads every file of `paths` on the disk threads, in the order given.
fn read_all(root: &Path, paths: &[(Kind, PathBuf)]) -> Vec<Result<RawFile, Unreadable>> {
    disk_threads::install(|| {
        paths
            .par_iter()
            .map(|(kind, path)| read_file(root, *kind, path))
            .collect()
    })
}

/// `site.toml`, if present, as text, and the problem with it if it is not
/// UTF-8 (UTF-16, binary, an invalid byte): then the text is read as well as
/// it can be, so the rest of the file is still checked, and the problem (an
/// error) stops the build. A link to outside the site or a huge file is
/// refused outright.
pub fn read_config(root: &Path) -> std::io::Result<Option<(String, Option<Diagnostic>)>> {
    let path = root.join(crate::config::CONFIG_FILE);
    let refuse = |why: String| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("{}: {why}", path.display()),
        )
    };
    if symlinks::is_symlink(&path) && symlinks::leads_outside(root, &path) {
        return Err(refuse(
            "a symbolic link to outside the site; refusing to read it".into(),
        ));
    }
    if !path.is_file() {
        return Ok(None);
    }
    let size = fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        return Err(refuse(format!(
            "{size} bytes; settings files may be at most {MAX_FILE_BYTES} bytes"
        )));
    }
    let bytes = fs::read(&path).map_err(|e| refuse(e.to_string()))?;
    let binary = ("TOML", "the settings file must be text".to_string());
    Ok(Some(
        match decode(crate::config::CONFIG_FILE, bytes.clone(), binary) {
            Ok(text) => (text, None),
            Err(unreadable) => {
                let (problem, text) = *unreadable;
                let text = text.unwrap_or_else(|| String::from_utf8_lossy(&bytes).into_owned());
                (text, Some(problem))
            }
        },
    ))
}

/// Every regular file under `folder`, with a diagnostic for each symbolic
/// link, which is never followed. With `skip_hidden`, entries whose name
/// starts with a dot are skipped, with a warning for each Markdown file among
/// them (see [`hidden_markdown`]).
fn walk(
    root: &Path,
    folder: &Path,
    skip_hidden: bool,
    diagnostics: &mut Diagnostics,
) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let walker = WalkDir::new(folder)
        .follow_links(false)
        .follow_root_links(false)
        .sort_by_file_name();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) if error.depth() == 0 => break, // the folder does not exist
            Err(error) => {
                let path = error
                    .path()
                    .map(|p| display_path(root, p))
                    .unwrap_or_default();
                diagnostics.push(Diagnostic::error(
                    path,
                    format!("cannot read this entry: {error}"),
                ));
                continue;
            }
        };
        if skip_hidden && hidden_part(entry.path(), folder).is_some() {
            diagnostics.extend(hidden_markdown(root, folder, entry.path()));
        } else if entry.path_is_symlink() {
            diagnostics.push(symlinks::diagnostic(root, entry.path()));
        } else if entry.file_name().to_string_lossy().contains('\\') {
            diagnostics.push(backslash(root, entry.path()));
        } else if entry.file_type().is_file() {
            found.push(entry.into_path());
        }
    }
    found
}

/// A backslash is a folder separator on Windows: such a name cannot be
/// checked out there, and would write somewhere else if it were.
fn backslash(root: &Path, path: &Path) -> Diagnostic {
    Diagnostic::error(
        display_path(root, path),
        "this name contains a backslash, which Windows reads as a folder separator",
    )
    .hint("rename it using only letters, digits, `-`, `_` and `.`")
}

/// Keeps `.md` files as content of `kind`; warns about anything else.
fn markdown_file(
    root: &Path,
    kind: Kind,
    path: PathBuf,
    diagnostics: &mut Diagnostics,
) -> Option<(Kind, PathBuf)> {
    if path.extension().is_some_and(|e| e == "md") {
        return Some((kind, path));
    }
    diagnostics.push(
        Diagnostic::warning(
            display_path(root, &path),
            "not a Markdown file, so it is ignored",
        )
        .hint("content files end in `.md`"),
    );
    None
}

/// The first name below `folder` on `path` that starts with a dot, if any.
fn hidden_part<'p>(path: &'p Path, folder: &Path) -> Option<&'p str> {
    path.strip_prefix(folder)
        .ok()?
        .iter()
        .filter_map(|part| part.to_str())
        .find(|part| part.starts_with('.'))
}

/// Names that editors and operating systems leave beside a file and that are
/// never content: an Emacs lock (`.#claim.md`) and a macOS resource fork
/// (`._claim.md`). Other such files (`.claim.md.swp`, `.DS_Store`) do not end
/// in `.md`, and are skipped like every hidden file that is not Markdown.
const EDITOR_LEFTOVERS: [&str; 2] = [".#", "._"];

/// A warning for a Markdown file at `path` under the content `folder` that a
/// dot at the start of its name (or of a folder's on the way) keeps from being
/// published: such a file is skipped, but never without a word. `None` for a
/// path with no hidden part, a file that is not Markdown and an editor's
/// leftover ([`EDITOR_LEFTOVERS`]).
pub fn hidden_markdown(root: &Path, folder: &Path, path: &Path) -> Option<Diagnostic> {
    let hidden = hidden_part(path, folder)?;
    let name = path.file_name()?.to_str()?;
    let leftover = EDITOR_LEFTOVERS
        .iter()
        .any(|prefix| name.starts_with(prefix));
    if leftover || !name.ends_with(".md") || path.is_dir() {
        return None;
    }
    let noun = Kind::ALL
        .into_iter()
        .find(|kind| folder.ends_with(kind.folder()))
        .map_or("file", Kind::noun);
    let (message, hint) = if hidden == name {
        let id = crate::ids::suggest_id(name.trim_end_matches(".md"));
        let rename = if id.is_empty() {
            "rename it to a name of letters, digits and `-` ending in `.md`".to_string()
        } else {
            format!("rename it to `{id}.md`")
        };
        (
            format!("the name starts with a dot, so this {noun} is skipped and not published"),
            format!("{rename} to publish it, or delete it"),
        )
    } else {
        (
            format!(
                "the folder `{hidden}` starts with a dot, so this {noun} is skipped and not published"
            ),
            format!("move it out of `{hidden}/` to publish it, or delete it"),
        )
    };
    Some(Diagnostic::warning(display_path(root, path), message).hint(hint))
}

/// A file that could not be read as text: the problem, and the text to quote if there is any.
pub type Unreadable = Box<(Diagnostic, Option<String>)>;

/// Reads one content file of `kind` at `path` under `root` (also used by `serve` to re-read one file).
pub fn read_file(root: &Path, kind: Kind, path: &Path) -> Result<RawFile, Unreadable> {
    let display = display_path(root, path);
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let size = fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        let message = format!(
            "the file is {size} bytes; content files may be at most {MAX_FILE_BYTES} bytes ({} MiB)",
            MAX_FILE_BYTES / (1024 * 1024)
        );
        return Err(Box::new((
            Diagnostic::error(display, message).hint("split it or remove embedded data"),
            None,
        )));
    }
    let bytes = fs::read(path).map_err(|error| {
        Box::new((
            Diagnostic::error(&display, format!("cannot read the file: {error}")),
            None,
        ))
    })?;
    let binary = (
        "Markdown",
        format!("files in content/{}/ must be text", kind.folder()),
    );
    let text = decode(&display, bytes, binary)?;
    Ok(RawFile {
        kind,
        path: display,
        id,
        text,
    })
}

/// The file `display`'s `bytes` as UTF-8 text, or why they are not: UTF-16
/// text, a binary file (a NUL byte; `binary` names the text the file should
/// hold, such as `Markdown`, and says where text is expected) or invalid
/// UTF-8 (located at the first bad byte), with the text to quote where there
/// is one.
fn decode(
    display: &str,
    bytes: Vec<u8>,
    (language, binary_hint): (&str, String),
) -> Result<String, Unreadable> {
    if let Some(order) = utf16_byte_order(&bytes) {
        let text = decode_utf16(&bytes, order);
        let diagnostic = Diagnostic::error(display, "the file is UTF-16 text, not UTF-8")
            .at(0..0)
            .hint("save the file with UTF-8 encoding in your editor");
        return Err(Box::new((diagnostic, Some(text))));
    }
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        let message = format!("this is a binary file, not {language} text");
        let hint = format!("found a NUL byte at byte {nul}; {binary_hint}");
        return Err(Box::new((
            Diagnostic::error(display, message).hint(hint),
            None,
        )));
    }
    String::from_utf8(bytes).map_err(|error| {
        let offset = error.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
        let lossy_offset = String::from_utf8_lossy(&error.as_bytes()[..offset]).len();
        let diagnostic = Diagnostic::error(display, "the file is not valid UTF-8 text")
            .at(lossy_offset..lossy_offset + '\u{fffd}'.len_utf8())
            .hint("save the file with UTF-8 encoding in your editor");
        Box::new((diagnostic, Some(text)))
    })
}

/// The order of the bytes of a UTF-16 character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ByteOrder {
    LittleEndian,
    BigEndian,
}

/// How many bytes from the start [`utf16_byte_order`] looks at without a byte-order mark.
const UTF16_SAMPLE: usize = 1024;

/// The byte order if `bytes` look like UTF-16: they start with a byte-order
/// mark (`FF FE` or `FE FF`), or, without one, a NUL is every other byte of
/// at least half the start and never one of the bytes between, as text in a
/// Latin script has in UTF-16.
fn utf16_byte_order(bytes: &[u8]) -> Option<ByteOrder> {
    match bytes {
        [0xff, 0xfe, ..] => return Some(ByteOrder::LittleEndian),
        [0xfe, 0xff, ..] => return Some(ByteOrder::BigEndian),
        _ => {}
    }
    let sample = &bytes[..bytes.len().min(UTF16_SAMPLE) & !1];
    let pairs = sample.len() / 2;
    let nuls_at = |first: usize| {
        sample
            .iter()
            .skip(first)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    match (nuls_at(0), nuls_at(1)) {
        (0, odd) if pairs > 0 && odd * 2 >= pairs => Some(ByteOrder::LittleEndian),
        (even, 0) if pairs > 0 && even * 2 >= pairs => Some(ByteOrder::BigEndian),
        _ => None,
    }
}

/// UTF-16 `bytes` as text, without a byte-order mark; what is not UTF-16
/// becomes U+FFFD. Only to quote the file in its diagnostic.
fn decode_utf16(bytes: &[u8], order: ByteOrder) -> String {
    let units = bytes.chunks_exact(2).map(|pair| match order {
        ByteOrder::LittleEndian => u16::from_le_bytes([pair[0], pair[1]]),
        ByteOrder::BigEndian => u16::from_be_bytes([pair[0], pair[1]]),
    });
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .skip_while(|&c| c == '\u{feff}')
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_is_told_from_utf8_and_from_binary_files() {
        let le: Vec<u8> = "+++\ntitle"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "+++\ntitle"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(utf16_byte_order(&le), Some(ByteOrder::LittleEndian));
        assert_eq!(utf16_byte_order(&be), Some(ByteOrder::BigEndian));
        assert_eq!(
            utf16_byte_order(b"\xff\xfeA"),
            Some(ByteOrder::LittleEndian)
        );
        assert_eq!(utf16_byte_order(b"\xfe\xff"), Some(ByteOrder::BigEndian));
        assert_eq!(decode_utf16(&le, ByteOrder::LittleEndian), "+++\ntitle");
        assert_eq!(decode_utf16(b"\xfe\xff\x00A", ByteOrder::BigEndian), "A");
        let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00";
        for not_utf16 in [&b""[..], b"+", b"+++\ntitle", "café".as_bytes(), png] {
            assert_eq!(utf16_byte_order(not_utf16), None, "{not_utf16:?}");
        }
    }

    /// More files than read threads, in several folders, one of them not UTF-8:
    /// every file comes back with its own text, sorted by kind and path, and the
    /// bad one as a diagnostic, whichever thread read it.
    #[test]
    fn many_files_load_in_path_order_each_with_its_own_text() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let mut expected = Vec::new();
        let mut write = |kind: Kind, path: String| {
            let full = root.join(&path);
            fs::create_dir_all(full.parent().unwrap()).unwrap();
            fs::write(full, format!("text of {path}")).unwrap();
            expected.push((kind, path.clone(), format!("text of {path}")));
        };
        for year in ["2024", "2025"] {
            for i in 0..disk_threads::DISK_THREADS * 4 {
                write(
                    Kind::Claim,
                    format!("content/claims/{year}/claim-{i:03}.md"),
                );
            }
        }
        write(Kind::Source, "content/sources/lab.md".to_string());
        fs::write(root.join("content/sources/latin1.md"), b"caf\xe9").unwrap();

        let loaded = load(root).unwrap();

        let found: Vec<(Kind, String, String)> = loaded
            .files
            .iter()
            .map(|file| (file.kind, file.path.clone(), file.text.clone()))
            .collect();
        assert_eq!(found, expected);
        let problems: Vec<&str> = loaded
            .diagnostics
            .sorted()
            .into_iter()
            .map(|d| d.file.as_str())
            .collect();
        assert_eq!(problems, ["content/sources/latin1.md"]);
    }
}
