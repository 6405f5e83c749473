//! Lists, sub-tables and arrays of tables: the parts of a TOML table that hold other values.

use toml::de::DeValue;

use super::{Fields, Located, TextUse, article};

impl<'t, 'i> Fields<'t, 'i> {
    /// An optional list of strings; an absent key is an empty list.
    pub(crate) fn string_list(&mut self, key: &str) -> Vec<Located<String>> {
        let Some((value, span)) = self.lookup(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value else {
            self.wrong_type(key, "a list of strings", value, span);
            return Vec::new();
        };
        let mut list = Vec::new();
        for item in items.iter() {
            let item_span = self.shift(item.span());
            match item.get_ref() {
                DeValue::String(text) => {
                    let name = |fields: &Self| format!("an item of {}", fields.name(key));
                    self.check_characters(name, text, &item_span, TextUse::Line);
                    list.push(Located {
                        value: text.to_string(),
                        span: item_span,
                    });
                }
                other => {
                    let message = format!(
                        "every item of {} must be a string, not {}",
                        self.name(key),
                        article(other.type_str())
                    );
                    self.error(item_span, message, None);
                }
            }
        }
        list
    }

    /// An optional sub-table such as `[quantity]`, read with its own allowed keys.
    pub(crate) fn table(
        &mut self,
        key: &str,
        allowed: &'static [&'static str],
    ) -> Option<Fields<'t, 'i>> {
        let (value, span) = self.lookup(key)?;
        match value {
            DeValue::Table(table) => Some(self.nested(table, span, format!("[{key}]"), allowed)),
            other => {
                self.wrong_type(key, "a table", other, span);
                None
            }
        }
    }

    /// An optional array of tables such as `[[citations]]`, each read with `allowed` keys.
    pub(crate) fn tables(
        &mut self,
        key: &str,
        allowed: &'static [&'static str],
    ) -> Vec<Fields<'t, 'i>> {
        let Some((value, span)) = self.lookup(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value else {
            self.wrong_type(key, "a list of tables (`[[...]]`)", value, span);
            return Vec::new();
        };
        let mut tables = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let item_span = self.shift(item.span());
            match item.get_ref() {
                DeValue::Table(table) => {
                    let context = format!("[[{key}]] #{}", index + 1);
                    tables.push(self.nested(table, item_span, context, allowed));
                }
                other => {
                    let message = format!(
                        "every entry of {} must be a table, not {}",
                        self.name(key),
                        article(other.type_str())
                    );
                    self.error(
                        item_span,
                        message,
                        Some(format!("write each entry as a `[[{key}]]` block")),
                    );
                }
            }
        }
        tables
    }

    /// Every key of this table as a named sub-table (e.g. `[statuses.<id>]`).
    pub(crate) fn entries(
        &mut self,
        allowed: &'static [&'static str],
    ) -> Vec<(String, Fields<'t, 'i>)> {
        self.open = true;
        let mut entries = Vec::new();
        for (key, value) in self.table.iter() {
            let name = key.get_ref().to_string();
            let span = self.shift(value.span());
            match value.get_ref() {
                DeValue::Table(table) => {
                    let context = format!("[{}.{name}]", self.context.trim_matches(['[', ']']));
                    entries.push((name, self.nested(table, span, context, allowed)));
                }
                other => {
                    let message = format!(
                        "{} must be a table, not {}",
                        self.name(&name),
                        article(other.type_str())
                    );
                    self.error(span, message, None);
                }
            }
        }
        entries
    }

    /// Every key of this table with its one-line string value (e.g.
    /// `[import.ratings]`); a value of another type is reported and left out.
    pub(crate) fn keyed_strings(&mut self) -> Vec<(Located<String>, Located<String>)> {
        self.open = true;
        let keys: Vec<Located<String>> = self
            .table
            .iter()
            .map(|(key, _)| Located {
                value: key.get_ref().to_string(),
                span: self.shift(key.span()),
            })
            .collect();
        keys.into_iter()
            .filter_map(|key| {
                let value = self.optional_str(&key.value)?;
                Some((key, value))
            })
            .collect()
    }

    /// Every key of this table as a list of strings (e.g. `[html.allow_attributes]`).
    pub(crate) fn keyed_string_lists(&mut self) -> Vec<(Located<String>, Vec<Located<String>>)> {
        self.open = true;
        let keys: Vec<Located<String>> = self
            .table
            .iter()
            .map(|(key, _)| Located {
                value: key.get_ref().to_string(),
                span: self.shift(key.span()),
            })
            .collect();
        keys.into_iter()
            .map(|key| {
                let list = self.string_list(&key.value);
                (key, list)
            })
            .collect()
    }
}
