//! Helpers shared by the integration tests: fixture sites copied into temp dirs.

use std::fs;
use std::path::{Path, PathBuf};

use claimtrail::{BuildOptions, Format};

pub mod fake_web;
pub mod html;
pub mod html_safety;
pub mod server;

/// The folder holding the test fixtures.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Copies `from` into `to`, merging folders (later copies overwrite files).
/// What a build leaves in a fixture built in place (its gitignored history
/// cache `.claimtrail/` and spare output `.claimtrail-spare-*`) is not
/// copied: every test starts from the committed fixture alone.
pub fn copy_tree(from: &Path, to: &Path) {
    let built = |entry: &walkdir::DirEntry| {
        let name = entry.file_name().to_string_lossy();
        entry.depth() > 0 && (name == ".claimtrail" || name.starts_with(".claimtrail-spare-"))
    };
    for entry in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_entry(|e| !built(e))
    {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A temp dir holding the base fixture site with each named overlay laid over it.
pub fn site(overlays: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("base"), dir.path());
    for overlay in overlays {
        copy_tree(&fixtures().join(overlay), dir.path());
    }
    dir
}

/// One diagnostic flattened for comparison: (severity, file, line, column, message).
pub type Flat = (String, String, Option<usize>, Option<usize>, String);

/// The check results of the site at `root`, as JSON values.
pub fn check_json(root: &Path) -> Vec<serde_json::Value> {
    let checked = claimtrail::check(root, false).unwrap();
    serde_json::from_str(&checked.diagnostics.render(Format::Json)).unwrap()
}

/// The check results of the site at `root`, flattened.
pub fn check_flat(root: &Path) -> Vec<Flat> {
    flat(&claimtrail::check(root, false).unwrap().diagnostics)
}

/// `diagnostics` flattened, in report order.
pub fn flat(diagnostics: &claimtrail::Diagnostics) -> Vec<Flat> {
    let json: Vec<serde_json::Value> =
        serde_json::from_str(&diagnostics.render(Format::Json)).unwrap();
    json.into_iter()
        .map(|d| {
            (
                d["severity"].as_str().unwrap().to_string(),
                d["file"].as_str().unwrap().to_string(),
                d["line"].as_u64().map(|n| n as usize),
                d["column"].as_u64().map(|n| n as usize),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// An expected error at `file:line:column`.
pub fn error(file: &str, line: usize, column: usize, message: &str) -> Flat {
    (
        "error".into(),
        file.into(),
        Some(line),
        Some(column),
        message.into(),
    )
}

/// An expected warning in `file`, at `(line, column)` if it has a position.
pub fn warning(file: &str, line: Option<(usize, usize)>, message: &str) -> Flat {
    (
        "warning".into(),
        file.into(),
        line.map(|l| l.0),
        line.map(|l| l.1),
        message.into(),
    )
}

/// Build options for the site at `root`, writing to `root/public`.
pub fn options(root: &Path) -> BuildOptions {
    BuildOptions {
        root: root.to_path_buf(),
        output: None,
        base_url: None,
        drafts: false,
        force: false,
        search: true,
    }
}

/// Reads a built file as text.
pub fn read(root: &Path, relative: &str) -> String {
    let path = root.join(relative);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every file under `dir` with its bytes, sorted by path.
pub fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (relative, fs::read(e.path()).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// Builds the base fixture with `overlays` at `base_url` (or site.toml's), into `<dir>/public`.
pub fn build_site(overlays: &[&str], base_url: Option<&str>) -> tempfile::TempDir {
    let dir = site(overlays);
    claimtrail::build(&BuildOptions {
        base_url: base_url.map(str::to_string),
        ..options(dir.path())
    })
    .unwrap();
    dir
}

/// The base fixture with the `paged` overlay (`page_size = 2`,
/// `agreement_threshold = 2`), built: its lists span several pages.
pub fn built() -> tempfile::TempDir {
    build_site(&["paged"], None)
}

/// The built JSON data file `file` (e.g. `claims.json`) under `<root>/public`, parsed.
pub fn data(root: &Path, file: &str) -> serde_json::Value {
    serde_json::from_str(&read(root, &format!("public/{file}"))).unwrap()
}

/// A CSV file's header and its rows, each row keyed by column name.
pub fn csv_table(text: &str) -> (Vec<String>, Vec<std::collections::BTreeMap<String, String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|record| {
            header
                .iter()
                .cloned()
                .zip(record.unwrap().iter().map(str::to_string))
                .collect()
        })
        .collect();
    (header, rows)
}

/// The built page at `path` under `<dir>/public`, parsed as HTML.
pub fn page(dir: &Path, path: &str) -> scraper::Html {
    scraper::Html::parse_document(&read(dir, &format!("public/{path}")))
}

/// A parsed XML element: qualified name, attributes, child elements and text.
#[derive(Debug, Clone, Default)]
pub struct Xml {
    /// The element name as written, e.g. `feed` or `xhtml:div`.
    pub name: String,
    /// Attributes with entities resolved.
    pub attributes: std::collections::BTreeMap<String, String>,
    /// Child elements in order.
    pub children: Vec<Xml>,
    /// The element's own text (not its children's), entities resolved.
    pub text: String,
}

impl Xml {
    /// Parses a whole document with quick-xml and returns its root element;
    /// panics on anything that is not well-formed, including undefined entities.
    pub fn parse(text: &str) -> Xml {
        use quick_xml::events::Event;
        let mut reader = quick_xml::Reader::from_str(text);
        let mut stack = vec![Xml::default()];
        loop {
            match reader.read_event().unwrap() {
                Event::Start(start) => stack.push(Xml::element(&start)),
                Event::Empty(empty) => stack
                    .last_mut()
                    .unwrap()
                    .children
                    .push(Xml::element(&empty)),
                Event::End(_) => {
                    let done = stack.pop().unwrap();
                    stack.last_mut().unwrap().children.push(done);
                }
                Event::Text(text) => stack
                    .last_mut()
                    .unwrap()
                    .text
                    .push_str(&text.xml10_content()),
                Event::CData(data) => stack
                    .last_mut()
                    .unwrap()
                    .text
                    .push_str(&data.xml10_content()),
                Event::GeneralRef(reference) => {
                    let resolved = match reference.resolve_char_ref().unwrap() {
                        Some(c) => c.to_string(),
                        None => {
                            let name = reference.xml10_content();
                            quick_xml::escape::resolve_predefined_entity(&name)
                                .unwrap_or_else(|| panic!("undefined entity &{name};"))
                                .to_string()
                        }
                    };
                    stack.last_mut().unwrap().text.push_str(&resolved);
                }
                Event::Eof => break,
                _ => {}
            }
        }
        let mut document = stack.pop().unwrap();
        assert!(stack.is_empty(), "unclosed elements");
        assert_eq!(document.children.len(), 1, "one root element");
        document.children.pop().unwrap()
    }

    fn element(start: &quick_xml::events::BytesStart) -> Xml {
        let attributes = start
            .attributes()
            .map(|attribute| {
                let attribute = attribute.unwrap();
                let key = attribute.key.as_ref().to_string();
                let value = attribute
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .unwrap()
                    .into_owned();
                (key, value)
            })
            .collect();
        Xml {
            name: start.name().as_ref().to_string(),
            attributes,
            ..Xml::default()
        }
    }

    /// The child elements named `name`.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Xml> + 'a {
        self.children.iter().filter(move |child| child.name == name)
    }

    /// The one child element named `name`; panics if there is none or several.
    pub fn one<'a>(&'a self, name: &'a str) -> &'a Xml {
        let found: Vec<&Xml> = self.all(name).collect();
        assert_eq!(found.len(), 1, "<{}> needs exactly one <{name}>", self.name);
        found[0]
    }

    /// An attribute's value; panics if it is missing.
    pub fn attr(&self, name: &str) -> &str {
        self.attributes
            .get(name)
            .unwrap_or_else(|| panic!("<{}> has no {name}", self.name))
    }
}

/// Maps an absolute URL under `base_url` to the built file that serves it, if any.
pub fn served_file(output: &Path, base_url: &url::Url, target: &url::Url) -> Option<PathBuf> {
    let base_path = base_url.path();
    if target.origin() != base_url.origin() {
        return None;
    }
    // Ids and slugs are plain `a-z0-9-`, so generated paths need no decoding.
    let relative = target.path().strip_prefix(base_path)?;
    let file = if relative.is_empty() || relative.ends_with('/') {
        output.join(relative).join("index.html")
    } else {
        output.join(relative)
    };
    file.is_file().then_some(file)
}
