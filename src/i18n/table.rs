//! Reading a translation table: the built-in ones, and a site's own file
//! with every key it cannot use located.

use std::collections::BTreeMap;

use toml::de::{DeTable, DeValue};

use super::Entry;
use crate::diagnostic::{Diagnostic, Diagnostics};

/// The folder of a site's own translation files, `translations/<language>.toml`.
pub(crate) const TRANSLATIONS_FOLDER: &str = "translations";

/// Lays the built-in table `text` over `entries`.
pub(super) fn merge_built_in(text: &str, entries: &mut BTreeMap<String, Entry>) {
    if let Ok(table) = DeTable::parse(text) {
        for (key, value) in table.get_ref() {
            if let Some(entry) = entry_of(value.get_ref()) {
                entries.insert(key.get_ref().to_string(), entry);
            }
        }
    }
}

/// Lays a site's own table over `entries`: only keys the English table has,
/// with a value of the same shape; every other key is a located warning.
pub(super) fn merge_site_file(
    path: &str,
    text: &str,
    entries: &mut BTreeMap<String, Entry>,
    diagnostics: &mut Diagnostics,
) {
    diagnostics.add_source(path, text);
    let table = match DeTable::parse(text) {
        Ok(table) => table,
        Err(error) => {
            let mut problem = Diagnostic::warning(
                path,
                format!(
                    "this translation file is not valid TOML, so it is not used: {}",
                    error.message()
                ),
            );
            if let Some(span) = error.span() {
                problem = problem.at(span);
            }
            diagnostics.push(problem);
            return;
        }
    };
    for (key, value) in table.get_ref() {
        let name = key.get_ref().as_ref();
        let known = entries.get(name);
        let entry = entry_of(value.get_ref());
        match (known, entry) {
            (None, _) => {
                let hint = closest_key(name, entries).map_or_else(
                    || "see the keys of the English table in docs/languages.md".to_string(),
                    |k| format!("did you mean `{k}`?"),
                );
                diagnostics.push(
                    Diagnostic::warning(
                        path,
                        format!("unknown translation key `{name}`: it is not used"),
                    )
                    .at(key.span())
                    .hint(hint),
                );
            }
            (Some(known), Some(entry)) if same_shape(known, &entry) => {
                entries.insert(name.to_string(), entry);
            }
            (Some(known), _) => {
                diagnostics.push(
                    Diagnostic::warning(
                        path,
                        format!(
                            "the translation `{name}` must be {}: it is not used",
                            shape(known)
                        ),
                    )
                    .at(value.span()),
                );
            }
        }
    }
}

/// A TOML value as an entry: a string, a table of strings or a list of strings.
fn entry_of(value: &DeValue) -> Option<Entry> {
    match value {
        DeValue::String(text) => Some(Entry::Text(text.to_string())),
        DeValue::Table(table) => {
            let forms = table.iter().map(|(k, v)| match v.get_ref() {
                DeValue::String(text) => Some((k.get_ref().to_string(), text.to_string())),
                _ => None,
            });
            forms.collect::<Option<BTreeMap<_, _>>>().map(Entry::Forms)
        }
        DeValue::Array(items) => {
            let texts = items.iter().map(|v| match v.get_ref() {
                DeValue::String(text) => Some(text.to_string()),
                _ => None,
            });
            texts.collect::<Option<Vec<_>>>().map(Entry::List)
        }
        _ => None,
    }
}

fn same_shape(a: &Entry, b: &Entry) -> bool {
    match (a, b) {
        (Entry::List(a), Entry::List(b)) => a.len() == b.len(),
        (Entry::Text(_), Entry::Text(_)) | (Entry::Forms(_), Entry::Forms(_)) => true,
        _ => false,
    }
}

fn shape(entry: &Entry) -> String {
    match entry {
        Entry::Text(_) => "a string".into(),
        Entry::Forms(_) => {
            "a table of plural forms such as `{ one = \"…\", other = \"…\" }`".into()
        }
        Entry::List(items) => format!("a list of {} strings", items.len()),
    }
}

/// The known key closest to `name`, when one is close.
fn closest_key<'e>(name: &str, entries: &'e BTreeMap<String, Entry>) -> Option<&'e str> {
    entries
        .keys()
        .map(|k| (strsim::jaro_winkler(name, k), k))
        .filter(|(score, _)| *score > 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k.as_str())
}
