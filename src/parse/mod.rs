//! The first half of validation: each file on its own.
//!
//! Splits the frontmatter, parses the TOML with spans, reads every field with
//! its type, and checks the rules that need no other file (URLs, dates in
//! order, a citation present, the status matching the history). What cannot be
//! read stays `None`, so cross-file checks still run on the rest.

use toml::de::DeTable;

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::fields::{Fields, Located, control_character, direction_control_in_body};
use crate::frontmatter;
use crate::ids::{MAX_ID_LEN, is_valid_id, suggest_id, windows_device_problem};
use crate::links::check_web_url;
use crate::load::{Kind, RawFile};
use crate::markdown;
use crate::nesting::{Excess, MAX_DEPTH, MAX_ELEMENTS};
use crate::placeholders::is_placeholder;
use crate::toml_recovery::recover;

mod amount;
mod appearance;
mod claim;
mod document;
mod syntax_hint;
pub(crate) mod vocabulary;

pub use crate::doc::{ClaimDoc, Doc, DocumentDoc, EntityDoc, PageDoc, SourceDoc};
use claim::{CLAIM_KEYS, read_claim};
use document::{DOCUMENT_KEYS, read_document};
pub(crate) use vocabulary::Vocabulary;
pub use vocabulary::{DocumentKind, EntityKind, Qualifier, SourceKind, Stance};

const SOURCE_KEYS: &[&str] = &["name", "kind", "url", "entity"];
const ENTITY_KEYS: &[&str] = &["name", "kind", "parent", "url", "aliases"];
const PAGE_KEYS: &[&str] = &["title"];

/// Most tags one claim may have: each becomes a page.
pub(crate) const MAX_TAGS: usize = 50;
/// Most former ids one claim may have: each becomes a redirect page.
pub(crate) const MAX_ALIASES: usize = 50;

/// Parses one file. Returns `None` when its frontmatter cannot be read at all.
pub fn parse_file(file: &RawFile, statuses: &[&str]) -> (Option<Doc>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    if !is_valid_id(&file.id) {
        diagnostics.push(invalid_id(file));
    } else if let Some((message, longer)) = windows_device_problem(&file.id, file.kind.noun()) {
        let hint = format!("rename the file to a longer id, such as `{longer}.md`");
        diagnostics.push(Diagnostic::warning(&file.path, message).at(0..0).hint(hint));
    }
    if let Some((offset, c)) = control_character(&file.text) {
        let message = format!(
            "the file contains the control character U+{:04X}",
            u32::from(c)
        );
        diagnostics.push(
            Diagnostic::error(&file.path, message)
                .at(offset..offset + c.len_utf8())
                .hint(
                    "delete it: text files hold no control characters besides tabs and line breaks",
                ),
        );
    }
    let split = match frontmatter::split(&file.text) {
        Ok(split) => split,
        Err(error) => {
            let diagnostic = Diagnostic::error(&file.path, error.message)
                .at(error.span)
                .hint(error.hint);
            diagnostics.push(diagnostic);
            return (None, diagnostics);
        }
    };
    diagnostics.extend(direction_control_in_body(
        &file.path,
        &file.text,
        split.body.start,
    ));
    diagnostics.extend(crate::placeholders::find(file, &split));
    let toml_text = &file.text[split.toml.clone()];
    let recovered;
    let (mut table, errors) = DeTable::parse_recoverable(toml_text);
    let mut unreadable = None;
    if !errors.is_empty() {
        // Parse again with the broken statements blanked, to check the rest.
        recovered = recover(toml_text);
        let offset = split.toml.start;
        diagnostics.extend(
            (recovered.errors.iter()).map(|e| toml_error(&file.path, toml_text, offset, e)),
        );
        if !recovered.clean {
            return (None, diagnostics);
        }
        table = DeTable::parse_recoverable(&recovered.text).0;
        unreadable = Some(&recovered.unreadable);
    }
    let body = file.text[split.body.clone()].to_string();
    let inspection = markdown::inspect(&body);
    if let Err(excess) = &inspection.size {
        diagnostics.push(too_much_markup(file, split.body.start, *excess));
    }
    let span = table.span();
    let table = table.get_ref();
    let offset = split.toml.start;
    let (doc, problems) = match file.kind {
        Kind::Claim => {
            let fields = Fields::new(&file.path, &file.text, offset, table, span, CLAIM_KEYS)
                .with_unreadable(unreadable);
            let (claim, problems) = read_claim(fields, file, body, inspection, statuses);
            (Doc::Claim(Box::new(claim)), problems)
        }
        Kind::Source => {
            let fields = Fields::new(&file.path, &file.text, offset, table, span, SOURCE_KEYS)
                .with_unreadable(unreadable);
            read_source(fields, file, body)
        }
        Kind::Entity => {
            let fields = Fields::new(&file.path, &file.text, offset, table, span, ENTITY_KEYS)
                .with_unreadable(unreadable);
            read_entity(fields, file, body)
        }
        Kind::Document => {
            let fields = Fields::new(&file.path, &file.text, offset, table, span, DOCUMENT_KEYS);
            read_document(fields, file, body)
        }
        Kind::Page => {
            let mut fields = Fields::new(&file.path, &file.text, offset, table, span, PAGE_KEYS)
                .with_unreadable(unreadable);
            let title = fields.required_str("title").map(|t| t.value);
            let page = PageDoc {
                id: file.id.clone(),
                file: file.path.clone(),
                title,
                body,
            };
            (Doc::Page(page), fields.finish())
        }
    };
    diagnostics.extend(problems);
    (Some(doc), diagnostics)
}

fn too_much_markup(file: &RawFile, body_start: usize, excess: Excess) -> Diagnostic {
    let (message, hint) = match excess {
        Excess::Depth => (
            format!(
                "the Markdown body nests more than {MAX_DEPTH} levels deep (quotes, lists or HTML elements inside one another)"
            ),
            "flatten the structure: quotes and lists a few levels deep are plenty",
        ),
        Excess::Elements => (
            format!("the Markdown body makes more than {MAX_ELEMENTS} HTML elements"),
            "shorten it, or split it into several claims or pages",
        ),
    };
    Diagnostic::error(&file.path, message)
        .at(body_start..body_start)
        .hint(hint)
}

fn invalid_id(file: &RawFile) -> Diagnostic {
    // Pointing at line 1 lets GitHub show the problem on the file in a pull request.
    let suggestion = suggest_id(&file.id);
    let too_long = file.id.len() > MAX_ID_LEN && file.id.get(..MAX_ID_LEN).is_some_and(is_valid_id);
    let message = if too_long {
        format!(
            "`{}` is too long for a {} id: ids are at most {MAX_ID_LEN} characters",
            file.id,
            file.kind.noun()
        )
    } else {
        format!(
            "`{}` is not a valid {} id: ids use only lowercase letters a-z, digits 0-9 and `-`, and start with a letter or digit",
            file.id,
            file.kind.noun()
        )
    };
    let hint = if suggestion.is_empty() {
        "rename the file using only a-z, 0-9 and `-`".to_string()
    } else {
        format!("rename the file to `{suggestion}.md`")
    };
    Diagnostic::error(&file.path, message).at(0..0).hint(hint)
}

/// A located diagnostic for a TOML syntax error in `toml`, a text that starts
/// at `offset` of `file`.
pub(crate) fn toml_error(
    file: &str,
    toml: &str,
    offset: usize,
    error: &toml::de::Error,
) -> Diagnostic {
    let message = error
        .message()
        .trim()
        .trim_end_matches('.')
        .replace('\n', "; ");
    let (message, hint) = if let Some(detail) = message.strip_prefix("invalid date, ") {
        (
            format!("impossible date: {detail}"),
            "dates are written YYYY-MM-DD and must exist in the calendar",
        )
    } else {
        let explained = syntax_hint::explain(toml, error.span());
        let message = explained
            .message
            .unwrap_or_else(|| format!("invalid TOML: {message}"));
        (message, explained.hint)
    };
    let diagnostic = Diagnostic::error(file, message).hint(hint);
    match error.span() {
        Some(span) => diagnostic.at(span.start + offset..span.end + offset),
        None => diagnostic,
    }
}

/// [`check_url`], keeping where the URL was written (for `check --links`).
fn check_located_url(
    fields: &mut Fields,
    key: &str,
    url: Option<Located<String>>,
) -> Option<Located<String>> {
    let span = url.as_ref()?.span.clone();
    let value = check_url(fields, key, url)?;
    Some(Located { value, span })
}

fn check_url(fields: &mut Fields, key: &str, url: Option<Located<String>>) -> Option<String> {
    let url = url?;
    if is_placeholder(&url.value) {
        return None; // reported once, by the placeholder rule
    }
    match check_web_url(&url.value) {
        Ok(()) => Some(url.value.trim().to_string()),
        Err(problem) => {
            fields.error(
                url.span,
                format!("`{key}` {}", problem.message),
                Some(problem.hint),
            );
            None
        }
    }
}

/// The word `value` of the vocabulary `V`: its default when `value` is left
/// out, is a placeholder (reported elsewhere) or is not one of the words.
fn check_choice<V: Vocabulary>(
    fields: &mut Fields,
    key: &str,
    value: Option<Located<String>>,
) -> V {
    let Some(value) = value else {
        return V::DEFAULT;
    };
    if let Some(choice) = V::parse(&value.value) {
        return choice;
    }
    if is_placeholder(&value.value) {
        return V::DEFAULT; // reported once, by the placeholder rule
    }
    let words = V::ALL.iter().map(|choice| choice.as_str());
    let message = format!(
        "`{key}` must be one of {}, not `{}`",
        words.clone().collect::<Vec<_>>().join(", "),
        value.value
    );
    let hint = match V::synonym(&value.value) {
        Some(meant) => Some(format!("did you mean `{}`?", meant.as_str())),
        None => did_you_mean(&value.value, words),
    };
    fields.error(value.span, message, hint);
    V::DEFAULT
}

fn read_source(mut fields: Fields, file: &RawFile, body: String) -> (Doc, Vec<Diagnostic>) {
    let name = fields.required_str("name").map(|n| n.value);
    let kind = fields.optional_str("kind");
    let kind = check_choice::<SourceKind>(&mut fields, "kind", kind);
    let url = fields.optional_str("url");
    let url = check_url(&mut fields, "url", url);
    let entity = fields.optional_str("entity");
    let source = SourceDoc {
        id: file.id.clone(),
        file: file.path.clone(),
        name,
        kind,
        url,
        entity,
        body,
    };
    (Doc::Source(source), fields.finish())
}

fn read_entity(mut fields: Fields, file: &RawFile, body: String) -> (Doc, Vec<Diagnostic>) {
    let name = fields.required_str("name").map(|n| n.value);
    let kind = fields.optional_str("kind");
    let kind = check_choice::<EntityKind>(&mut fields, "kind", kind);
    let parent = fields.optional_str("parent");
    let url = fields.optional_str("url");
    let url = check_url(&mut fields, "url", url);
    let aliases = fields
        .string_list("aliases")
        .into_iter()
        .map(|a| a.value)
        .collect();
    let entity = EntityDoc {
        id: file.id.clone(),
        file: file.path.clone(),
        name,
        kind,
        parent,
        url,
        aliases,
        body,
    };
    (Doc::Entity(entity), fields.finish())
}
