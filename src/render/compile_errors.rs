//! Tera's compile errors as located diagnostics: one per problem, each
//! pointing at its template and line.
//!
//! A syntax error comes with its template and span. The checks that run once
//! every template parsed (unknown filters, functions, tests, components and
//! includes, blocks a parent lacks) come as one message of text reports, each
//! starting `error: <what>` with a `--> <template>:<line>:<column>` line below;
//! those are read back into diagnostics. What cannot be located is reported
//! whole.

use tera::ErrorKind;

use crate::diagnostic::Diagnostic;

const HINT: &str =
    "fix the template named here; delete it from templates/ to fall back to the built-in one";

/// Whether `problem` is in its template alone, not the effect of another
/// template being set aside: a syntax error, or a filter, function or test
/// that does not exist. (An unknown include, component, parent or parent's
/// block may be one that a set-aside template provided.)
pub(super) fn stands_alone(problem: &Diagnostic) -> bool {
    let Some(what) = problem.message.strip_prefix(PREFIX) else {
        return false;
    };
    ![
        "Unknown template",
        "Unknown component",
        "Block `",
        "it extends `",
    ]
    .iter()
    .any(|effect| what.starts_with(effect))
}

/// One diagnostic per problem in `error`; `sources` holds each template's
/// `(name, text)`, to turn a line and column into a byte offset.
pub(super) fn diagnostics(error: &tera::Error, sources: &[(String, String)]) -> Vec<Diagnostic> {
    let reported = match error.kind() {
        ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report)
            if !report.filename().is_empty() =>
        {
            vec![problem(report.filename(), report.message()).at(report.span().range.clone())]
        }
        ErrorKind::Msg(text) => text_reports(text, sources),
        ErrorKind::MissingParent { current, parent } => vec![problem(
            current,
            &format!("it extends `{parent}`, which is not a template"),
        )],
        ErrorKind::CircularExtend { tpl, .. } => {
            vec![problem(
                tpl,
                "it extends itself, through the templates it extends",
            )]
        }
        ErrorKind::CircularInclude { tpl, .. } => {
            vec![problem(
                tpl,
                "it includes itself, through the templates it includes",
            )]
        }
        _ => Vec::new(),
    };
    if reported.is_empty() {
        let whole = format!("the templates do not compile: {}", error_chain(error));
        return vec![Diagnostic::error("templates", whole).hint(HINT)];
    }
    reported
}

/// How every located compile problem's message starts.
const PREFIX: &str = "this template does not compile: ";

fn problem(template: &str, message: &str) -> Diagnostic {
    Diagnostic::error(
        format!("templates/{template}"),
        format!("{PREFIX}{message}"),
    )
    .hint(HINT)
}

/// Reads the `error:` reports out of `text`; empty when any cannot be read.
fn text_reports(text: &str, sources: &[(String, String)]) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let Some(message) = line.strip_prefix("error: ") else {
            continue;
        };
        let place = lines
            .next()
            .and_then(|l| l.trim_start().strip_prefix("--> "));
        let Some((template, offset)) = place.and_then(|p| locate(p, sources)) else {
            return Vec::new();
        };
        // The report quotes the line, then underlines the name with `^`.
        let underline = lines.by_ref().take(3).find(|l| l.contains('^'));
        let width = underline.map_or(0, |l| l.matches('^').count());
        let end = (offset + width).min(template_len(template, sources));
        found.push(problem(template, message).at(offset..end));
    }
    found
}

fn template_len(name: &str, sources: &[(String, String)]) -> usize {
    sources
        .iter()
        .find(|(n, _)| n == name)
        .map_or(0, |(_, text)| text.len())
}

/// `<template>:<line>:<column>` (both from 1, the column in characters) as
/// the template's name and a byte offset into its text.
fn locate<'s>(place: &str, sources: &'s [(String, String)]) -> Option<(&'s str, usize)> {
    let (rest, column) = place.rsplit_once(':')?;
    let (name, line) = rest.rsplit_once(':')?;
    let (line, column): (usize, usize) = (line.parse().ok()?, column.parse().ok()?);
    let (name, text) = sources.iter().find(|(n, _)| n == name)?;
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.checked_sub(1)?)
        .map(str::len)
        .sum();
    let in_line = text[line_start..]
        .char_indices()
        .nth(column.checked_sub(1)?)
        .map_or(0, |(i, _)| i);
    Some((name, line_start + in_line))
}

/// An error and all its causes on one line, since Tera keeps the useful part in the source.
pub(super) fn error_chain(error: &dyn std::error::Error) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn compile(templates: &[(&str, &str)]) -> (tera::Error, Vec<(String, String)>) {
        let sources: Vec<(String, String)> = templates
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        let mut tera = tera::Tera::new();
        let error = tera
            .add_raw_templates(templates.iter().copied())
            .unwrap_err();
        (error, sources)
    }

    #[test]
    fn a_syntax_error_points_at_its_template_and_place() {
        let (error, sources) = compile(&[("a.html", "ok\n{% if %}")]);
        let found = diagnostics(&error, &sources);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].file, "templates/a.html");
        let span = found[0].span.clone().unwrap();
        assert!(span.start >= 3, "{found:?}");
    }

    #[test]
    fn every_unknown_name_is_its_own_located_diagnostic() {
        let (error, sources) = compile(&[
            ("a.html", "{{ x | no_such_filter }}"),
            ("b.html", "é\n  {{ no_such_function() }}"),
        ]);
        let found = diagnostics(&error, &sources);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].file, "templates/a.html");
        assert!(found[0].message.contains("no_such_filter"), "{found:?}");
        assert_eq!(found[0].span, Some(7..21));
        assert_eq!(found[1].file, "templates/b.html");
        assert!(found[1].message.contains("no_such_function"), "{found:?}");
        assert_eq!(found[1].span, Some(8..26), "{found:?}");
    }

    #[test]
    fn a_missing_parent_names_the_child() {
        let (error, sources) = compile(&[("a.html", "{% extends \"missing.html\" %}")]);
        let found = diagnostics(&error, &sources);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].file, "templates/a.html");
        assert!(found[0].message.contains("`missing.html`"), "{found:?}");
        assert!(!stands_alone(&found[0]));
    }

    #[test]
    fn only_problems_no_other_template_can_cause_stand_alone() {
        let (error, sources) = compile(&[(
            "a.html",
            "{{ x | no_such_filter }}{% include \"gone.html\" %}",
        )]);
        let found = diagnostics(&error, &sources);
        let alone: Vec<bool> = found.iter().map(stands_alone).collect();
        assert_eq!(alone, [true, false], "{found:?}");
    }
}
