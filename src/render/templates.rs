//! The default theme, embedded in the binary, and a site's own overrides.

use std::path::Path;

use tera::Tera;
use walkdir::WalkDir;

use super::compile_errors;
use crate::diagnostic::{Diagnostic, Diagnostics, display_path};

/// Embeds each named file of `templates/` as `(name, contents)`.
macro_rules! embed {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../templates/", $name)))),*]
    };
}

/// The built-in templates, by name. A site's `templates/<name>` replaces one.
pub const DEFAULT_TEMPLATES: &[(&str, &str)] = embed![
    "base.html",
    "meta.html",
    "components.html",
    "index.html",
    "claim.html",
    "timeline.html",
    "entities.html",
    "entity.html",
    "sources.html",
    "source.html",
    "cited.html",
    "cited_list.html",
    "list.html",
    "tags.html",
    "tag.html",
    "status.html",
    "contested.html",
    "page.html",
    "search.html",
    "404.html",
    "redirect.html",
    "feed.xml",
    "sitemap.xml",
    "sitemap_index.xml",
    "robots.txt",
    "style.css",
    "favicon.svg",
    "filter.js",
    "search.js",
];

/// Compiles the default templates with the site's `templates/` folder laid
/// over them. Every template that does not compile is reported, located, with
/// the text the report quotes.
pub fn load(root: &Path) -> Result<Tera, Diagnostics> {
    match load_what_compiles(root) {
        (Some(tera), problems) if !problems.has_errors() => Ok(tera),
        (_, problems) => Err(problems),
    }
}

/// Like [`load`], but a template that does not compile is set aside (the
/// built-in one takes its place, or none) and the rest are compiled again, so
/// that `check` reports every broken template in one run and can still render
/// with the others. `None` when what is left does not compile either.
pub fn load_what_compiles(root: &Path) -> (Option<Tera>, Diagnostics) {
    let mut problems = Vec::new();
    let overrides = site_templates(root, &mut problems);
    if !problems.is_empty() {
        return (None, located(root, problems));
    }
    let mut sources: Vec<(String, String)> = DEFAULT_TEMPLATES
        .iter()
        .map(|(name, text)| (name.to_string(), text.to_string()))
        .collect();
    for (name, text) in overrides {
        match sources.iter_mut().find(|(existing, _)| *existing == name) {
            Some(slot) => slot.1 = text,
            None => sources.push((name, text)),
        }
    }
    let (tera, problems) = compile(sources);
    (tera, located(root, problems))
}

/// Compiles `sources`, setting aside each template a problem points into
/// until the rest compile. Once one was set aside, only problems that cannot
/// follow from that are reported (an include of it, a block or component it
/// defined can): they wait for the run after the fix.
fn compile(mut sources: Vec<(String, String)>) -> (Option<Tera>, Vec<Diagnostic>) {
    let mut problems: Vec<Diagnostic> = Vec::new();
    loop {
        let mut tera = Tera::new();
        // Tera's own `range()`, but stopped by the render's deadline.
        tera.register_function("range", super::bounded::bounded_range);
        let texts = sources.iter().map(|(name, text)| (name, text));
        let Err(error) = tera.add_raw_templates(texts) else {
            return (Some(tera), problems);
        };
        let found = compile_errors::diagnostics(&error, &sources);
        let broken: Vec<String> = found
            .iter()
            .filter_map(|d| d.file.strip_prefix("templates/").map(str::to_string))
            .collect();
        let first_round = problems.is_empty();
        problems.extend(
            found
                .into_iter()
                .filter(|d| first_round || compile_errors::stands_alone(d)),
        );
        let mut progress = false;
        for name in broken {
            progress |= set_aside(&mut sources, &name);
        }
        if !progress {
            return (None, problems);
        }
    }
}

/// Puts the built-in template named `name` back in place of the site's, or
/// drops the site's own when there is no built-in one. False when there was
/// nothing to set aside.
fn set_aside(sources: &mut Vec<(String, String)>, name: &str) -> bool {
    let built_in = DEFAULT_TEMPLATES.iter().find(|(n, _)| *n == name);
    let Some(position) = sources.iter().position(|(n, _)| n == name) else {
        return false;
    };
    match built_in {
        Some((_, text)) if sources[position].1 != *text => {
            sources[position].1 = text.to_string();
            true
        }
        Some(_) => false,
        None => {
            sources.remove(position);
            true
        }
    }
}

/// `problems` with the text of each template they point into, so a report
/// can quote the line: the site's own template, or else the built-in one.
pub fn located(root: &Path, problems: Vec<Diagnostic>) -> Diagnostics {
    let mut diagnostics = Diagnostics::new();
    for problem in &problems {
        let Some(name) = problem.file.strip_prefix("templates/") else {
            continue;
        };
        let own = root.join("templates").join(name);
        // Links were never loaded as templates, so they are not quoted either.
        let is_own = std::fs::symlink_metadata(&own).is_ok_and(|m| m.is_file());
        let text = match is_own.then(|| std::fs::read_to_string(&own)) {
            Some(Ok(text)) => Some(text),
            _ => DEFAULT_TEMPLATES
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, text)| text.to_string()),
        };
        if let Some(text) = text {
            diagnostics.add_source(&problem.file, &text);
        }
    }
    diagnostics.extend(problems);
    diagnostics
}

fn site_templates(root: &Path, problems: &mut Vec<Diagnostic>) -> Vec<(String, String)> {
    let folder = root.join("templates");
    let mut found = Vec::new();
    // Links are never followed, not even a linked templates/ itself: the load
    // stage has reported each one.
    for entry in WalkDir::new(&folder)
        .follow_root_links(false)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        if !entry.file_type().is_file() {
            continue;
        }
        let name = display_path(&folder, entry.path());
        match std::fs::read_to_string(entry.path()) {
            Ok(text) => found.push((name, text)),
            Err(error) => problems.push(Diagnostic::error(
                display_path(root, entry.path()),
                format!("cannot read this template: {error}"),
            )),
        }
    }
    found
}
