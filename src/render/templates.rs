//! The theme's templates, embedded in the binary, compiled with a site's own overrides.

use tera::Tera;

use crate::diagnostic::Diagnostic;
use crate::load::{TEMPLATES_FOLDER, TemplateFile};

/// The built-in templates, by name (the theme's table names them).
pub use super::theme::names::TEMPLATES as DEFAULT_TEMPLATES;

/// Compiles the default templates with the site's own `files` (its
/// `templates/` folder, as the load stage read it) laid over them.
pub fn load(files: &[TemplateFile]) -> Result<Tera, Vec<Diagnostic>> {
    let mut sources: Vec<(String, String)> = DEFAULT_TEMPLATES
        .iter()
        .map(|(name, text)| (name.to_string(), text.to_string()))
        .collect();
    let mut problems = Vec::new();
    for (name, text) in site_templates(files, &mut problems) {
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

/// The site's templates as text; each one that is not becomes a problem.
fn site_templates(files: &[TemplateFile], problems: &mut Vec<Diagnostic>) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for file in files {
        match template_text(file) {
            Ok(text) => found.push((file.name.clone(), text)),
            Err(error) => problems.push(Diagnostic::error(
                format!("{TEMPLATES_FOLDER}/{}", file.name),
                format!("cannot read this template: {error}"),
            )),
        }
    }
    found
}

/// A template file's text, or why it has none.
fn template_text(file: &TemplateFile) -> Result<String, String> {
    let bytes = file.bytes.clone()?;
    String::from_utf8(bytes).map_err(|_| "stream did not contain valid UTF-8".to_string())
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
