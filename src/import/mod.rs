//! `claimtrail import`: claims from elsewhere become content files.
//!
//! `import claimreview` reads a schema.org ClaimReview `DataFeed` or a Google
//! Fact Check Tools API response ([`claimreview`]); `import csv` reads a
//! spreadsheet through a column mapping ([`csv_rows`]). Both read into
//! [`item::Item`]s, which [`plan::Planner`] turns into claim, source and
//! document files ([`files`]), never replacing a file that exists. Verdicts
//! are mapped through `[import.ratings]` in `site.toml`. See docs/import.md.

mod claimreview;
mod csv_rows;
mod files;
mod item;
mod plan;

use std::fs;
use std::path::{Path, PathBuf};

use crate::config::{self, Config};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::error::Error;
use crate::load::{self, CONFIG_FILE};
pub(crate) use files::markdown_text;
use plan::{Planner, Refusal};

/// The largest input file read (a feed of some 100,000 claims).
const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// What to import from.
#[derive(Debug, Clone)]
pub enum Input {
    /// A ClaimReview DataFeed or a Fact Check Tools `claims:search` response (JSON).
    ClaimReview,
    /// A CSV file with a header row, read through the column mapping at `map`.
    Csv {
        /// The mapping file (TOML).
        map: PathBuf,
    },
}

/// Settings for [`import`].
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The site folder (holding `site.toml`).
    pub root: PathBuf,
    /// The file to import.
    pub file: PathBuf,
    /// What kind of file it is.
    pub input: Input,
    /// Say what would be written, writing nothing.
    pub dry_run: bool,
}

/// What happened to one item of the input, in input order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A file was written (or would be, with `--dry-run`).
    Created {
        /// Its path from the site root.
        path: String,
        /// For a claim: how its status was found (`rated "False" → refuted`).
        note: String,
    },
    /// An item was not imported.
    Skipped {
        /// How the input names it: `item 3`, `row 4`.
        label: String,
        /// Why.
        reason: String,
    },
}

/// What [`import`] did.
#[derive(Debug, Clone, Default)]
pub struct Imported {
    /// Every file created and item skipped, in input order.
    pub events: Vec<Event>,
    /// How many claims were imported.
    pub claims: usize,
}

/// Imports the file `options.file` into the site at `options.root`.
///
/// Items that cannot be imported are skipped with a reason (for a CSV, a
/// bad row is an error instead, and then nothing is written). Fails for a
/// site without `site.toml` or with errors in it, an input that cannot be
/// read, and (for ClaimReview) a `site.toml` without `[import.ratings]`.
pub fn import(options: &ImportOptions) -> Result<Imported, Error> {
    let config = site_config(&options.root)?;
    let name = display_name(&options.file);
    let text = read_input(&options.file)?;
    let input_name = options
        .file
        .file_name()
        .map_or_else(|| name.clone(), |n| n.to_string_lossy().into_owned());
    let mut planner = Planner::new(&options.root, &config, &input_name);
    let mut events = Vec::new();
    let mut refused = Vec::new();
    let mut claims = 0;
    let mut plan = |label: &str, item: Result<&item::Item, &str>| {
        let before = planner.files.len();
        let outcome = match item {
            Ok(item) => planner.add(item),
            Err(reason) => Err(Refusal::Bad(reason.to_string())),
        };
        match outcome {
            Ok(()) => {
                claims += 1;
                events.extend(planner.files[before..].iter().map(|file| Event::Created {
                    path: file.path.clone(),
                    note: file.note.clone(),
                }));
            }
            Err(refusal) => {
                if let Refusal::Bad(reason) = &refusal {
                    refused.push(format!("{label}: {reason}"));
                }
                events.push(Event::Skipped {
                    label: label.to_string(),
                    reason: refusal.reason().to_string(),
                });
            }
        }
    };
    match &options.input {
        Input::ClaimReview => {
            require_ratings(&config)?;
            for item in claim_review_items(&name, &text)? {
                match &item {
                    Ok(item) => plan(&item.label, Ok(item)),
                    Err(skipped) => plan(&skipped.label, Err(&skipped.reason)),
                }
            }
        }
        Input::Csv { map } => {
            let map_text = fs::read_to_string(map).map_err(|e| Error::io(map, e))?;
            let items = csv_rows::items((&name, &text), (&display_name(map), &map_text), &config)?;
            for item in &items {
                plan(&item.label, Ok(item));
            }
            csv_refusals(&name, &text, &refused)?;
        }
    }
    if !options.dry_run {
        write(&options.root, &planner.files)?;
    }
    Ok(Imported { events, claims })
}

/// For a CSV, a row refused for anything but an existing claim file
/// (`refused`, each "row N: why") is a bad row: every one is an error, and
/// nothing is written.
fn csv_refusals(name: &str, text: &str, refused: &[String]) -> Result<(), Error> {
    let mut diagnostics = Diagnostics::new();
    for problem in refused {
        diagnostics.push(Diagnostic::error(name, problem.clone()));
    }
    if diagnostics.has_errors() {
        diagnostics.add_source(name, text);
        return Err(Error::Content(diagnostics));
    }
    Ok(())
}

fn claim_review_items(
    name: &str,
    text: &str,
) -> Result<Vec<Result<item::Item, claimreview::Skipped>>, Error> {
    let json: serde_json::Value = serde_json::from_str(text).map_err(|error| {
        let mut diagnostics = Diagnostics::new();
        diagnostics.push(Diagnostic::error(name, format!("not JSON: {error}")));
        Error::Content(diagnostics)
    })?;
    claimreview::items(&json).ok_or_else(|| {
        Error::Usage(format!(
            "{name} is neither a ClaimReview DataFeed (with `dataFeedElement`), a ClaimReview, nor a Fact Check Tools response (with `claims`)"
        ))
    })
}

/// The site's settings; errors in `site.toml` stop the import.
fn site_config(root: &Path) -> Result<Config, Error> {
    let Some((text, problem)) = load::read_config(root).map_err(|e| Error::io(root, e))? else {
        return Err(Error::Usage(format!(
            "{} is not a claimtrail site (it has no {CONFIG_FILE}); run `claimtrail init` to start one, or pass --root DIR",
            root.display()
        )));
    };
    let mut diagnostics = Diagnostics::new();
    diagnostics.extend(problem);
    let config = config::parse(&text, &mut diagnostics);
    match config {
        Some(config) if !diagnostics.has_errors() => Ok(config),
        _ => Err(Error::Content(diagnostics)),
    }
}

fn require_ratings(config: &Config) -> Result<(), Error> {
    if config.import.has_ratings {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "{CONFIG_FILE} has no [import.ratings] table, which maps each rating (textualRating) to a status of this site; add one, e.g.\n\n[import.ratings]\n\"false\" = \"refuted\"\n\"true\" = \"supported\"\nfallback = \"unverified\"\n\n(see docs/import.md)"
    )))
}

fn display_name(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

fn read_input(path: &Path) -> Result<String, Error> {
    let size = fs::metadata(path).map_err(|e| Error::io(path, e))?.len();
    if size > MAX_INPUT_BYTES {
        return Err(Error::Usage(format!(
            "{} is {size} bytes; an import reads at most {MAX_INPUT_BYTES} bytes: split it",
            path.display()
        )));
    }
    let bytes = fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| Error::Usage(format!("{} is not UTF-8 text", path.display())))?;
    Ok(text
        .strip_prefix('\u{feff}')
        .map_or(text.clone(), str::to_string))
}

/// Writes every planned file, creating folders; a file that exists is never replaced.
fn write(root: &Path, files: &[plan::Planned]) -> Result<(), Error> {
    for file in files {
        let path = root.join(&file.path);
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder).map_err(|e| Error::io(folder, e))?;
        }
        crate::new::write_new(&path, &file.text)?;
    }
    Ok(())
}
