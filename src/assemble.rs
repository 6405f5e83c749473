//! The end of checking: each file's parse result and the cross-file rules
//! make the model.

use std::collections::HashMap;

use crate::archive_records::ArchiveRecords;
use crate::config::{self, Config};
use crate::diagnostic::{self, Diagnostic, Diagnostics};
use crate::load::RawFile;
use crate::model::Site;
use crate::parse::Doc;
use crate::validate::{self, Docs};

/// One file's parse result: its document, if readable, and its own problems.
pub(crate) type Parsed = (Option<Doc>, Vec<Diagnostic>);

/// The result of checking a site: all diagnostics and, when there were no errors, the model.
#[derive(Debug)]
pub struct Checked {
    /// The validated site, if it had no errors.
    pub site: Option<Site>,
    /// Every problem found.
    pub diagnostics: Diagnostics,
}

/// The status ids content may use: the site's own, or the defaults.
pub(crate) fn status_ids(config: Option<&Config>) -> Vec<String> {
    config
        .map_or_else(config::default_statuses, |c| c.statuses.clone())
        .into_iter()
        .map(|s| s.id)
        .collect()
}

/// Per-file results plus cross-file rules make the model, with what the
/// archive `lock` recorded about the cited addresses.
///
/// `files` and `parsed` are parallel; `diagnostics` holds what came before
/// (load, config, the lock file).
pub(crate) fn assemble(
    config: Option<Config>,
    files: &[&RawFile],
    parsed: Vec<Parsed>,
    (mut diagnostics, lock): (Diagnostics, &ArchiveRecords),
    include_drafts: bool,
) -> Checked {
    let mut docs = Vec::with_capacity(parsed.len());
    for (file, (doc, problems)) in files.iter().zip(parsed) {
        if !problems.is_empty() {
            diagnostics.add_source(&file.path, &file.text);
            diagnostics.extend(diagnostic::cap_per_file(
                &file.path,
                file.text.len(),
                problems,
            ));
        }
        docs.extend(doc);
    }
    let docs = Docs::from_docs(docs);
    let mut cross_file = validate::validate(&docs);
    cross_file.extend(validate::check_quotes(&docs, lock));
    if !cross_file.is_empty() {
        let texts: HashMap<&str, &str> = files
            .iter()
            .map(|f| (f.path.as_str(), f.text.as_str()))
            .collect();
        for problem in &cross_file {
            if let Some(text) = texts.get(problem.file.as_str()) {
                diagnostics.add_source(&problem.file, text);
            }
        }
    }
    diagnostics.extend(cross_file);
    let site = match config {
        Some(config) if !diagnostics.has_errors() => {
            Site::from_docs(config, docs, include_drafts).map(|site| site.with_archive(lock))
        }
        _ => None,
    };
    Checked { site, diagnostics }
}
