//! The theme's words in the site's `language`: a table of strings per
//! language (`translations/<language>.toml`), English built in, German too,
//! and a site's own `translations/<language>.toml` overriding single strings.
//! Every key falls back to English, so a partial table is never an error.

mod table;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::Arc;

use icu_locale_core::Locale;
use icu_plurals::{PluralCategory, PluralRules};
use serde::Serialize;

use crate::diagnostic::Diagnostics;
pub(crate) use table::TRANSLATIONS_FOLDER;

/// The built-in tables: English (the fallback of every key) and the other
/// complete languages, by language code.
const BUILT_IN: &[(&str, &str)] = &[
    ("en", include_str!("../../translations/en.toml")),
    ("de", include_str!("../../translations/de.toml")),
];

/// Primary language subtags written right to left.
const RIGHT_TO_LEFT: &[&str] = &[
    "ar", "arc", "ckb", "dv", "fa", "ha", "he", "khw", "ks", "ku", "ps", "sd", "ur", "yi",
];

/// One entry of a table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Entry {
    /// A string, with `{name}` placeholders.
    Text(String),
    /// Plural forms by CLDR category (`one`, `other`, ...).
    Forms(BTreeMap<String, String>),
    /// A list of strings, such as the month names.
    List(Vec<String>),
}

/// The theme's strings for one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translations {
    language: String,
    entries: Arc<BTreeMap<String, Entry>>,
}

impl Default for Translations {
    fn default() -> Self {
        Translations::for_language("en", None, &mut Diagnostics::new())
    }
}

impl Translations {
    /// The table for `language`: English, then the built-in table of the
    /// language (by its primary subtag) if there is one, then `site_file`
    /// (its path and text), each overriding the one before key by key.
    /// Problems with the site's file go to `diagnostics` as warnings.
    pub fn for_language(
        language: &str,
        site_file: Option<(&str, &str)>,
        diagnostics: &mut Diagnostics,
    ) -> Self {
        let mut entries = BTreeMap::new();
        let primary = primary_subtag(language);
        for (code, text) in BUILT_IN {
            if *code == "en" || *code == primary {
                table::merge_built_in(text, &mut entries);
            }
        }
        if let Some((path, text)) = site_file {
            table::merge_site_file(path, text, &mut entries, diagnostics);
        }
        Translations {
            language: language.to_string(),
            entries: Arc::new(entries),
        }
    }

    /// The language code, as `site.toml` gives it.
    pub fn language(&self) -> &str {
        &self.language
    }

    /// Whether the language is written right to left.
    pub fn is_rtl(&self) -> bool {
        RIGHT_TO_LEFT.contains(&primary_subtag(&self.language))
    }

    /// The string `key`, or the key itself when no table has it.
    pub fn text<'s>(&'s self, key: &'s str) -> &'s str {
        match self.entries.get(key) {
            Some(Entry::Text(text)) => text,
            Some(Entry::Forms(forms)) => forms.get("other").map_or(key, String::as_str),
            _ => key,
        }
    }

    /// The string `key` with each `{name}` of `values` filled in.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        fill(self.text(key), values)
    }

    /// The plural form of `key` for `n`, with `{n}` and `values` filled in.
    pub fn count(&self, key: &str, n: usize, values: &[(&str, &str)]) -> String {
        let form = match self.entries.get(key) {
            Some(Entry::Forms(forms)) => {
                let category = category_name(self.plural_category(n));
                forms
                    .get(category)
                    .or_else(|| forms.get("other"))
                    .map_or(key, String::as_str)
            }
            _ => self.text(key),
        };
        let number = n.to_string();
        let mut all = vec![("n", number.as_str())];
        all.extend_from_slice(values);
        fill(form, &all)
    }

    /// `April 3, 2026` in the language's words and order.
    pub fn date(&self, date: time::Date) -> String {
        let day = date.day().to_string();
        let year = date.year().to_string();
        let month = self.month_name(u8::from(date.month()));
        self.fill(
            "date_format",
            &[("day", &day), ("month", &month), ("year", &year)],
        )
    }

    /// `April 2026` in the language's words and order.
    pub fn month_label(&self, year: i32, month: u8) -> String {
        let year = year.to_string();
        let month = self.month_name(month);
        self.fill("month_format", &[("month", &month), ("year", &year)])
    }

    /// The name of month `month` (1 to 12).
    fn month_name(&self, month: u8) -> String {
        match self.entries.get("months") {
            Some(Entry::List(names)) => names
                .get(usize::from(month).wrapping_sub(1))
                .cloned()
                .unwrap_or_else(|| month.to_string()),
            _ => month.to_string(),
        }
    }

    /// Every entry, for templates (`{{ t.claimed_by }}`).
    pub fn entries(&self) -> &BTreeMap<String, Entry> {
        &self.entries
    }

    /// The CLDR plural category of `n` in the language (English rules when
    /// the language has none).
    fn plural_category(&self, n: usize) -> PluralCategory {
        thread_local! {
            /// The rules of the language asked for last on this thread:
            /// making them costs far more than using them, and a build asks
            /// for one language on every page.
            static RULES: RefCell<Option<(String, Option<PluralRules>)>> =
                const { RefCell::new(None) };
        }
        RULES.with_borrow_mut(|cached| {
            if cached
                .as_ref()
                .is_none_or(|(language, _)| *language != self.language)
            {
                let rules = PluralRules::try_new_cardinal(locale_of(&self.language).into());
                *cached = Some((self.language.clone(), rules.ok()));
            }
            (cached.as_ref())
                .and_then(|(_, rules)| rules.as_ref())
                .map_or(english_category(n), |rules| rules.category_for(n))
        })
    }

    /// The language as an ICU locale (`en` when it is not a valid one).
    pub fn locale(&self) -> Locale {
        locale_of(&self.language)
    }
}

/// `language` as an ICU locale, `en` when it is no valid language tag.
fn locale_of(language: &str) -> Locale {
    language
        .replace('_', "-")
        .parse::<Locale>()
        .unwrap_or(icu_locale_core::locale!("en"))
}

fn english_category(n: usize) -> PluralCategory {
    if n == 1 {
        PluralCategory::One
    } else {
        PluralCategory::Other
    }
}

fn category_name(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

/// `en` of `en-GB`.
fn primary_subtag(language: &str) -> &str {
    language.split(['-', '_']).next().unwrap_or_default()
}

/// `template` with each `{name}` of `values` replaced, in one pass (a value
/// holding `{other}` is not filled again), in time linear in `template`.
pub(crate) fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        // A name ends at the first `}`, unless another `{` comes first: then
        // this `{` is text. Looking no further keeps the work linear in
        // `{{{…}` (each `{` looked to the far `}`: 400,000 took minutes).
        let close = after
            .find(['{', '}'])
            .filter(|&at| after.as_bytes()[at] == b'}');
        let value = close.and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests;
