//! The theme's templates, embedded in the binary, compiled with a site's own overrides.

use tera::Tera;

use super::compile_errors;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::{TEMPLATES_FOLDER, TemplateFile};

/// The built-in templates, by name (the theme's table names them).
pub(crate) use super::theme::names::TEMPLATES as DEFAULT_TEMPLATES;

/// Compiles the default templates with the site's own `files` (its
/// `templates/` folder, as the load stage read it) laid over them. A template
/// that does not compile is reported, located, and set aside (the
/// built-in one takes its place, or none) and the rest are compiled again, so
/// that `check` reports every broken template in one run and can still render
/// with the others. `None` when what is left does not compile either.
pub(crate) fn load_what_compiles(files: &[TemplateFile]) -> (Option<Tera>, Diagnostics) {
    let mut problems = Vec::new();
    let overrides = site_templates(files, &mut problems);
    if !problems.is_empty() {
        return (None, located(files, problems));
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
    (tera, located(files, problems))
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
        // The theme's words in English until the site's language is set.
        super::words::register(&mut tera, &crate::i18n::Translations::default());
        // Tera's own list, and `.svg`: the badges are XML too.
        tera.autoescape_on(vec![".html", ".htm", ".xml", ".svg"]);
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
/// can quote the line: the site's own template (one of `files`), or else the
/// built-in one.
pub(crate) fn located(files: &[TemplateFile], problems: Vec<Diagnostic>) -> Diagnostics {
    let mut diagnostics = Diagnostics::new();
    for problem in &problems {
        let Some(name) = problem.file.strip_prefix("templates/") else {
            continue;
        };
        let own = files
            .iter()
            .find(|file| file.name == name)
            .and_then(|file| template_text(file).ok());
        let text = own.or_else(|| {
            DEFAULT_TEMPLATES
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, text)| text.to_string())
        });
        if let Some(text) = text {
            diagnostics.add_source(&problem.file, &text);
        }
    }
    diagnostics.extend(problems);
    diagnostics
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
