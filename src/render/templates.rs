//! The default theme, embedded in the binary, and a site's own overrides.

use std::path::Path;

use tera::Tera;
use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, display_path};

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

/// Compiles the default templates with the site's `templates/` folder laid over them.
pub fn load(root: &Path) -> Result<Tera, Vec<Diagnostic>> {
    let mut sources: Vec<(String, String)> = DEFAULT_TEMPLATES
        .iter()
        .map(|(name, text)| (name.to_string(), text.to_string()))
        .collect();
    let mut problems = Vec::new();
    for (name, text) in site_templates(root, &mut problems) {
        match sources.iter_mut().find(|(existing, _)| *existing == name) {
            Some(slot) => slot.1 = text,
            None => sources.push((name, text)),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut tera = Tera::new();
    tera.add_raw_templates(sources).map_err(|error| {
        vec![
            Diagnostic::error(
                "templates",
                format!("a template does not compile: {}", error_chain(&error)),
            )
            .hint(
                "fix the template named in the message; delete it to fall back to the built-in one",
            ),
        ]
    })?;
    Ok(tera)
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

/// An error and all its causes on one line, since Tera keeps the useful part in the source.
pub fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}
