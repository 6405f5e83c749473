//! Reading a spreadsheet of claims (CSV, with a header row) through a
//! mapping file that names the column of each field. Every bad cell is
//! reported, with its row and column, in one run.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Deserialize;

use super::item::{Appearance, Item, Party, Verdict, date_of, one_line};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::links::check_web_url;

/// The mapping file: for each field, the header of its column.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Mapping {
    /// The claim, in one sentence (its title). Required.
    text: String,
    /// Who made it: a name (the source is found or created by name). Required.
    claimant: String,
    /// When it was made, `YYYY-MM-DD`. Required.
    date: String,
    status: Option<String>,
    url: Option<String>,
    title: Option<String>,
    quote: Option<String>,
    tags: Option<String>,
    summary: Option<String>,
    /// What separates the tags in one cell; default `;`.
    tag_separator: Option<String>,
}

/// Reads the mapping file's `text` (named `name` in messages).
fn mapping(name: &str, text: &str) -> Result<Mapping, Error> {
    toml::from_str(text).map_err(|error| {
        Error::Usage(format!(
            "{name}: {}; a mapping names the column of each field: text, claimant and date (required), status, url, title, quote, tags, summary, tag_separator (see docs/import.md)",
            error.message()
        ))
    })
}

/// The index of every mapped column in `headers`.
struct Columns {
    by_field: BTreeMap<&'static str, (usize, String)>,
    tag_separator: String,
}

impl Columns {
    fn new(map_name: &str, mapping: Mapping, headers: &csv::StringRecord) -> Result<Self, Error> {
        let fields = [
            ("text", Some(mapping.text)),
            ("claimant", Some(mapping.claimant)),
            ("date", Some(mapping.date)),
            ("status", mapping.status),
            ("url", mapping.url),
            ("title", mapping.title),
            ("quote", mapping.quote),
            ("tags", mapping.tags),
            ("summary", mapping.summary),
        ];
        let mut by_field = BTreeMap::new();
        for (field, header) in fields {
            let Some(header) = header else { continue };
            let index = (headers.iter().position(|h| h.trim() == header.trim())).ok_or_else(|| {
                let found: Vec<&str> = headers.iter().collect();
                Error::Usage(format!(
                    "{map_name}: `{field}` names the column {header:?}, which the file's header row does not have; its columns are: {}",
                    found.join(", ")
                ))
            })?;
            by_field.insert(field, (index, header));
        }
        Ok(Columns {
            by_field,
            tag_separator: mapping.tag_separator.unwrap_or_else(|| ";".into()),
        })
    }

    /// The cell of `field` in `record`, in one line; `None` when unmapped or empty.
    fn cell(&self, record: &csv::StringRecord, field: &str) -> Option<(String, &str)> {
        let (index, header) = self.by_field.get(field)?;
        let text = one_line(record.get(*index)?);
        (!text.is_empty()).then_some((text, header.as_str()))
    }

    fn header<'s>(&'s self, field: &'s str) -> &'s str {
        self.by_field.get(field).map_or(field, |(_, h)| h.as_str())
    }
}

/// The claims of the CSV `text` (named `name`), mapped by `map_text`; or
/// every problem, each at its row and column.
pub(crate) fn items(
    (name, text): (&str, &str),
    (map_name, map_text): (&str, &str),
    config: &Config,
) -> Result<Vec<Item>, Error> {
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|error| Error::Usage(format!("{name}: cannot read the header row: {error}")))?
        .clone();
    let columns = Columns::new(map_name, mapping(map_name, map_text)?, &headers)?;
    let mut items = Vec::new();
    let mut problems = Vec::new();
    for record in reader.records() {
        match record {
            Ok(record) => {
                let (line, span) = row_place(text, &record);
                match row(&columns, &record, line, config) {
                    Ok(item) => items.push(item),
                    Err(found) => problems.extend(
                        found
                            .into_iter()
                            .map(|message| Diagnostic::error(name, message).at(span.clone())),
                    ),
                }
            }
            Err(error) => {
                let span = error.position().map_or(0..0, |p| {
                    let at = usize::try_from(p.byte()).unwrap_or(0).min(text.len());
                    at..at
                });
                problems.push(Diagnostic::error(name, format!("not a CSV row: {error}")).at(span));
            }
        }
    }
    if problems.is_empty() {
        Ok(items)
    } else {
        let mut diagnostics = crate::diagnostic::Diagnostics::new();
        diagnostics.add_source(name, text);
        diagnostics.extend(problems);
        Err(Error::Content(diagnostics))
    }
}

/// The record's line number (from 1) and the bytes of its first line.
fn row_place(text: &str, record: &csv::StringRecord) -> (u64, Range<usize>) {
    let Some(position) = record.position() else {
        return (0, 0..0);
    };
    let start = usize::try_from(position.byte())
        .unwrap_or(0)
        .min(text.len());
    let end = text[start..].find('\n').map_or(text.len(), |n| start + n);
    (position.line(), start..end.max(start))
}

/// One row as a claim, or every problem with its cells.
fn row(
    columns: &Columns,
    record: &csv::StringRecord,
    line: u64,
    config: &Config,
) -> Result<Item, Vec<String>> {
    let mut problems = Vec::new();
    let mut required = |field: &str, what: &str| {
        let cell = columns.cell(record, field).map(|(text, _)| text);
        if cell.is_none() {
            problems.push(format!(
                "column {:?}: empty; every claim needs {what}",
                columns.header(field)
            ));
        }
        cell
    };
    let text = required("text", "its text");
    let claimant = required("claimant", "its claimant");
    let date_text = required("date", "the date it was made");
    let date = date_text.as_ref().and_then(|written| {
        let date = date_of(written).filter(|_| written.len() == 10);
        if date.is_none() {
            problems.push(format!(
                "column {:?}: {written:?} is not a date (YYYY-MM-DD)",
                columns.header("date")
            ));
        }
        date
    });
    let url = columns.cell(record, "url");
    if let Some((url, header)) = &url
        && let Err(problem) = check_web_url(url)
    {
        problems.push(format!(
            "column {header:?}: the address {}",
            problem.message
        ));
    }
    let quote = columns.cell(record, "quote").map(|(q, _)| q);
    if url.is_none() && quote.is_none() {
        problems.push(format!(
            "column {:?}: empty, and no quote either; every claim needs where it was made (an address) or the words that make it",
            columns.header("url")
        ));
    }
    let verdict = status(columns, record, config, &mut problems);
    let (Some(text), Some(claimant), Some(date), true) =
        (text, claimant, date, problems.is_empty())
    else {
        return Err(problems);
    };
    let tags = columns
        .cell(record, "tags")
        .map_or_else(Vec::new, |(cell, _)| {
            (cell.split(columns.tag_separator.as_str()))
                .map(one_line)
                .filter(|tag| !tag.is_empty())
                .collect()
        });
    Ok(Item {
        label: format!("row {line}"),
        text,
        date,
        claimant: Party {
            name: claimant,
            url: None,
        },
        appearances: vec![Appearance {
            url: url.map(|(u, _)| u),
            title: columns.cell(record, "title").map(|(t, _)| t),
            date: Some(date),
            publisher: None,
            quote,
        }],
        reviews: Vec::new(),
        verdict,
        tags,
        summary: columns.cell(record, "summary").map(|(s, _)| s),
    })
}

/// The row's status: a status id of the site, else a rating for
/// `[import.ratings]`; empty, the fallback or the site's first status.
fn status(
    columns: &Columns,
    record: &csv::StringRecord,
    config: &Config,
    problems: &mut Vec<String>,
) -> Verdict {
    let first = || {
        (config.import.fallback.clone())
            .or_else(|| config.statuses.first().map(|s| s.id.clone()))
            .unwrap_or_default()
    };
    let Some((written, header)) = columns.cell(record, "status") else {
        return Verdict::Given(first());
    };
    if config.status(&written.to_lowercase()).is_some() || config.import.has_ratings {
        return Verdict::Given(written);
    }
    let ids: Vec<&str> = config.statuses.iter().map(|s| s.id.as_str()).collect();
    problems.push(format!(
        "column {header:?}: {written:?} is not a status of this site ({}), and site.toml has no [import.ratings] to map it",
        ids.join(", ")
    ));
    Verdict::Given(written)
}
