//! The first half of validation: each file on its own.
//!
//! Splits the frontmatter, parses the TOML with spans, reads every field with
//! its type, and checks the rules that need no other file (URLs, dates in
//! order, a citation present, the status matching the history). What cannot be
//! read stays `None`, so cross-file checks still run on the rest.

use toml::de::DeTable;

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::fields::{Fields, Located, control_character, merge};
use crate::frontmatter;
use crate::ids::{MAX_ID_LEN, is_valid_id, suggest_id, tag_slug};
use crate::links::check_web_url;
use crate::load::{Kind, RawFile};
use crate::markdown;
use crate::nesting::{Excess, MAX_DEPTH, MAX_ELEMENTS};
use crate::placeholders::is_placeholder;

pub use crate::doc::{
    CitationDoc, ClaimDoc, Doc, EntityDoc, HistoryDoc, PageDoc, QuantityDoc, SourceDoc,
};

const CLAIM_KEYS: &[&str] = &[
    "title",
    "date",
    "claimant",
    "status",
    "entities",
    "tags",
    "summary",
    "draft",
    "aliases",
    "quantity",
    "citations",
    "history",
];
const QUANTITY_KEYS: &[&str] = &["label", "value", "unit"];
const CITATION_KEYS: &[&str] = &[
    "source", "url", "title", "date", "stance", "quote", "value", "archive",
];
const HISTORY_KEYS: &[&str] = &["date", "status", "note"];
const SOURCE_KEYS: &[&str] = &["name", "kind", "url", "entity"];
const ENTITY_KEYS: &[&str] = &["name", "kind", "parent", "url", "aliases"];
const PAGE_KEYS: &[&str] = &["title"];

/// Most tags one claim may have: each becomes a page.
pub const MAX_TAGS: usize = 50;
/// Most former ids one claim may have: each becomes a redirect page.
pub const MAX_ALIASES: usize = 50;

/// Citation stances.
pub const STANCES: &[&str] = &["supports", "contradicts", "neutral"];
/// Source kinds.
pub const SOURCE_KINDS: &[&str] = &["official", "press", "blog", "research", "social", "other"];
/// Entity kinds.
pub const ENTITY_KINDS: &[&str] = &["organization", "model", "product", "person", "other"];

/// Parses one file. Returns `None` when its frontmatter cannot be read at all.
pub fn parse_file(file: &RawFile, statuses: &[&str]) -> (Option<Doc>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    if !is_valid_id(&file.id) {
        diagnostics.push(invalid_id(file));
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
    diagnostics.extend(crate::placeholders::find(file, &split));
    let toml_text = &file.text[split.toml.clone()];
    let (table, errors) = DeTable::parse_recoverable(toml_text);
    if !errors.is_empty() {
        diagnostics.extend(
            errors
                .iter()
                .map(|e| toml_error(&file.path, split.toml.start, e)),
        );
        return (None, diagnostics);
    }
    let body = file.text[split.body.clone()].to_string();
    if let Err(excess) = markdown::check_size(&body) {
        diagnostics.push(too_much_markup(file, split.body.start, excess));
    }
    let span = table.span();
    let table = table.get_ref();
    let offset = split.toml.start;
    let (doc, problems) = match file.kind {
        Kind::Claim => {
            let fields = Fields::new(&file.path, offset, table, span, CLAIM_KEYS);
            let (claim, problems) = read_claim(fields, file, body, statuses);
            (Doc::Claim(Box::new(claim)), problems)
        }
        Kind::Source => {
            let fields = Fields::new(&file.path, offset, table, span, SOURCE_KEYS);
            read_source(fields, file, body)
        }
        Kind::Entity => {
            let fields = Fields::new(&file.path, offset, table, span, ENTITY_KEYS);
            read_entity(fields, file, body)
        }
        Kind::Page => {
            let mut fields = Fields::new(&file.path, offset, table, span, PAGE_KEYS);
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

/// A located diagnostic for a TOML syntax error in a file whose TOML starts at `offset`.
pub fn toml_error(file: &str, offset: usize, error: &toml::de::Error) -> Diagnostic {
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
        (
            format!("invalid TOML: {message}"),
            "check quotes, `=` signs and brackets on this line; text values need double quotes",
        )
    };
    let diagnostic = Diagnostic::error(file, message).hint(hint);
    match error.span() {
        Some(span) => diagnostic.at(span.start + offset..span.end + offset),
        None => diagnostic,
    }
}

fn read_claim(
    mut fields: Fields,
    file: &RawFile,
    body: String,
    statuses: &[&str],
) -> (ClaimDoc, Vec<Diagnostic>) {
    let title = fields.required_str("title").map(|t| t.value);
    let date = fields.required_date("date");
    let claimant = fields.required_str("claimant");
    let status = fields.required_str("status");
    if let Some(status) = &status {
        check_status(&mut fields, status, statuses);
    }
    let entities = fields.string_list("entities");
    let tags = fields.string_list("tags");
    check_count(&mut fields, "tags", &tags, MAX_TAGS);
    for tag in &tags {
        let slug_len = tag_slug(&tag.value).len();
        if slug_len > MAX_ID_LEN {
            let message = format!(
                "the tag `{}` is too long: its URL slug would have {slug_len} characters, at most {MAX_ID_LEN} are allowed",
                tag.value.chars().take(40).collect::<String>() + "…"
            );
            fields.error(
                tag.span.clone(),
                message,
                Some("use a word or two, e.g. `inference-cost`".into()),
            );
        }
        if slug_len == 0 {
            let message = format!(
                "the tag `{}` has no letters or digits, so it has no URL",
                tag.value
            );
            fields.error(
                tag.span.clone(),
                message,
                Some("use a word, e.g. `inference-cost`".into()),
            );
        }
    }
    let summary = fields.optional_str("summary").map(|s| s.value);
    let draft = fields.optional_bool("draft").unwrap_or(false);
    let aliases = fields.string_list("aliases");
    check_count(&mut fields, "aliases", &aliases, MAX_ALIASES);
    for alias in &aliases {
        if !is_valid_id(&alias.value) {
            let message = format!("the alias `{}` is not a valid claim id", alias.value);
            let hint = format!(
                "former ids follow the id rules, e.g. `{}`",
                suggest_id(&alias.value)
            );
            fields.error(alias.span.clone(), message, Some(hint));
        }
    }
    let quantity = read_quantity(&mut fields);
    let citations = read_citations(&mut fields);
    if citations.is_empty() {
        let span = fields.span().start..fields.span().start;
        fields.error(
            span,
            "a claim needs at least one `[[citations]]` entry: a claim without a source is not a claim".into(),
            Some("add a `[[citations]]` block with `source = \"<source id>\"` for where the claim was made".into()),
        );
    }
    if quantity.is_none() {
        for citation in citations.iter().filter(|c| c.value.is_some()) {
            fields.error(
                citation.span.clone(),
                "this citation has a `value`, but the claim has no `[quantity]` to compare it with"
                    .into(),
                Some(
                    "add a `[quantity]` table with `label`, `value` and `unit`, or remove `value`"
                        .into(),
                ),
            );
        }
    }
    let history = read_history(&mut fields, statuses);
    check_history(&mut fields, &history, status.as_ref());
    let claim = ClaimDoc {
        id: file.id.clone(),
        file: file.path.clone(),
        title,
        date,
        claimant,
        status,
        entities,
        tags,
        summary,
        draft,
        aliases,
        quantity,
        citations,
        history,
        excerpt: crate::markdown::first_paragraph(&body),
        body,
    };
    (claim, fields.finish())
}

fn check_count(fields: &mut Fields, key: &str, list: &[Located<String>], max: usize) {
    if let Some(first_extra) = list.get(max) {
        let message = format!(
            "`{key}` has {} items; a claim may have at most {max}",
            list.len()
        );
        let hint = "keep the ones readers need".to_string();
        fields.error(first_extra.span.clone(), message, Some(hint));
    }
}

fn check_status(fields: &mut Fields, status: &Located<String>, statuses: &[&str]) {
    if !statuses.contains(&status.value.as_str()) {
        let message = format!("unknown status `{}`", status.value);
        let hint = did_you_mean(&status.value, statuses.iter().copied())
            .unwrap_or_else(|| format!("the statuses are: {}", statuses.join(", ")));
        fields.error(status.span.clone(), message, Some(hint));
    }
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

fn check_choice(
    fields: &mut Fields,
    key: &str,
    value: Option<Located<String>>,
    choices: &[&str],
    default: &str,
) -> String {
    let Some(value) = value else {
        return default.to_string();
    };
    if choices.contains(&value.value.as_str()) {
        return value.value;
    }
    if is_placeholder(&value.value) {
        return default.to_string(); // reported once, by the placeholder rule
    }
    let message = format!(
        "`{key}` must be one of {}, not `{}`",
        choices.join(", "),
        value.value
    );
    let hint = did_you_mean(&value.value, choices.iter().copied());
    fields.error(value.span, message, hint);
    default.to_string()
}

fn read_quantity(fields: &mut Fields) -> Option<QuantityDoc> {
    let mut table = fields.table("quantity", QUANTITY_KEYS)?;
    let label = table.required_str("label").map(|l| l.value);
    let value = table.required_number("value").map(|v| v.value);
    let unit = table
        .optional_str("unit")
        .map(|u| u.value)
        .unwrap_or_default();
    merge(fields, table);
    Some(QuantityDoc { label, value, unit })
}

fn read_citations(fields: &mut Fields) -> Vec<CitationDoc> {
    let mut citations = Vec::new();
    for mut entry in fields.tables("citations", CITATION_KEYS) {
        let source = entry.required_str("source");
        let url = entry.optional_str("url");
        let url = check_url(&mut entry, "url", url);
        let archive = entry.optional_str("archive");
        let archive = check_url(&mut entry, "archive", archive);
        let link_given = entry.has("url") || entry.has("archive");
        let stance = entry.optional_str("stance");
        let stance = check_choice(&mut entry, "stance", stance, STANCES, "neutral");
        citations.push(CitationDoc {
            span: entry.span(),
            source,
            url,
            title: entry.optional_str("title").map(|t| t.value),
            date: entry.optional_date("date").map(|d| d.value),
            stance,
            quote: entry.optional_str("quote").map(|q| q.value),
            value: entry.optional_number("value").map(|v| v.value),
            archive,
            link_given,
        });
        merge(fields, entry);
    }
    citations
}

fn read_history(fields: &mut Fields, statuses: &[&str]) -> Vec<HistoryDoc> {
    let mut history = Vec::new();
    for mut entry in fields.tables("history", HISTORY_KEYS) {
        let date = entry.required_date("date");
        let status = entry.required_str("status");
        if let Some(status) = &status {
            check_status(&mut entry, status, statuses);
        }
        let note = entry.optional_str("note").map(|n| n.value);
        history.push(HistoryDoc { date, status, note });
        merge(fields, entry);
    }
    history
}

fn check_history(fields: &mut Fields, history: &[HistoryDoc], status: Option<&Located<String>>) {
    for pair in history.windows(2) {
        if let (Some(earlier), Some(later)) = (&pair[0].date, &pair[1].date)
            && later.value < earlier.value
        {
            let message = format!(
                "history is out of date order: {} comes after {}",
                later.value, earlier.value
            );
            let hint = "list `[[history]]` entries oldest first".to_string();
            fields.error(later.span.clone(), message, Some(hint));
        }
    }
    let last = history.last().and_then(|h| h.status.as_ref());
    if let (Some(status), Some(last)) = (status, last)
        && status.value != last.value
    {
        let message = format!(
            "`status` is `{}`, but the last history entry says `{}`",
            status.value, last.value
        );
        let hint = format!(
            "set `status = \"{}\"`, or add a `[[history]]` entry for the change to `{}`",
            last.value, status.value
        );
        fields.error(status.span.clone(), message, Some(hint));
    }
}

fn read_source(mut fields: Fields, file: &RawFile, body: String) -> (Doc, Vec<Diagnostic>) {
    let name = fields.required_str("name").map(|n| n.value);
    let kind = fields.optional_str("kind");
    let kind = check_choice(&mut fields, "kind", kind, SOURCE_KINDS, "other");
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
    let kind = check_choice(&mut fields, "kind", kind, ENTITY_KINDS, "other");
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
