//! A claim file's own rules: its fields, quantity, citations and history, and
//! the status matching the last verdict.

use super::amount::{Needed, read_amount};
use super::appearance::{Publisher, read_appearances, read_document_ref};
use super::{MAX_ALIASES, MAX_TAGS, Stance, check_choice};
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::doc::{CitationDoc, ClaimDoc, HistoryDoc, QuantityDoc};
use crate::fields::{Fields, Located, merge};
use crate::ids::{MAX_ID_LEN, is_valid_id, suggest_id, tag_slug};
use crate::load::RawFile;
use crate::markdown::Inspection;

pub(super) const CLAIM_KEYS: &[&str] = &[
    "title",
    "date",
    "claimant",
    "status",
    "entities",
    "tags",
    "summary",
    "language",
    "draft",
    "aliases",
    "quantity",
    "appearances",
    "citations",
    "history",
];
const QUANTITY_KEYS: &[&str] = &["label", "value", "qualifier", "min", "max", "unit"];
const CITATION_KEYS: &[&str] = &[
    "document",
    "source",
    "url",
    "title",
    "date",
    "stance",
    "quote",
    "value",
    "qualifier",
    "min",
    "max",
    "archive",
];
const HISTORY_KEYS: &[&str] = &["date", "status", "note"];

/// Reads a claim from its frontmatter `fields`; its `body` was inspected.
pub(super) fn read_claim(
    mut fields: Fields,
    file: &RawFile,
    body: String,
    inspection: Inspection,
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
    let summary = fields.optional_text("summary").map(|s| s.value);
    let language = read_language(&mut fields);
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
    let appearances = read_appearances(&mut fields);
    let citations = read_citations(&mut fields);
    if appearances.is_empty()
        && citations.is_empty()
        && !fields.unreadable("appearances")
        && !fields.unreadable("citations")
    {
        let span = fields.span().start..fields.span().start;
        fields.error(
            span,
            "a claim needs at least one `[[appearances]]` or `[[citations]]` entry: a claim without a source is not a claim".into(),
            Some("add an `[[appearances]]` block with `document = \"<document id>\"`, or the `url` and `title` of where the claim was made".into()),
        );
    }
    if quantity.is_none() && !fields.unreadable("quantity") {
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
    if !fields.unreadable("history") {
        check_history(&mut fields, &history, status.as_ref());
    }
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
        language,
        draft,
        aliases,
        quantity,
        appearances,
        citations,
        history,
        excerpt: inspection.first_paragraph,
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

fn read_quantity(fields: &mut Fields) -> Option<QuantityDoc> {
    let mut table = fields.table("quantity", QUANTITY_KEYS)?;
    let label = table.required_str("label").map(|l| l.value);
    let amount = read_amount(&mut table, Needed::Required);
    let unit = table
        .optional_str("unit")
        .map(|u| u.value)
        .unwrap_or_default();
    merge(fields, table);
    Some(QuantityDoc {
        label,
        amount,
        unit,
    })
}

fn read_citations(fields: &mut Fields) -> Vec<CitationDoc> {
    let mut citations = Vec::new();
    for mut entry in fields.tables("citations", CITATION_KEYS) {
        let origin = read_document_ref(&mut entry, Publisher::Required);
        let stance = entry.optional_str("stance");
        let stance = check_choice::<Stance>(&mut entry, "stance", stance);
        citations.push(CitationDoc {
            span: entry.span(),
            origin,
            stance,
            quote: entry.optional_text("quote"),
            value: read_amount(&mut entry, Needed::Optional),
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
        let note = entry.optional_text("note").map(|n| n.value);
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
/// A claim's own `language` (a BCP 47 tag such as `en` or `pt-BR`), for a
/// claim written in another language than the site's theme; refused when it
/// is no language tag.
fn read_language(fields: &mut Fields) -> Option<String> {
    let language = fields.optional_str("language")?;
    if language.value.parse::<icu_locale_core::Locale>().is_ok() && !language.value.contains('_') {
        return Some(language.value);
    }
    fields.error(
        language.span,
        format!(
            "`language` must be a language tag such as `en` or `pt-BR`, not `{}`",
            language.value
        ),
        Some("see https://www.w3.org/International/articles/language-tags/".into()),
    );
    None
}
