//! The theme's words in templates: the global `t` (the translation table,
//! `{{ t.claimed_by }}`), the function `tr(key, ...)` (the same, for
//! components, which do not see globals), the function `plural(key, n, ...)` for strings with
//! a count (`{{ plural(key="n_claims", n=claim_total) }}`, other keyword
//! arguments fill `{name}` placeholders), and the filter `local_date` for an
//! ISO date (`{{ claim.date.iso | local_date }}`).

use tera::{Kwargs, State, Tera, TeraResult};

use crate::i18n::Translations;

/// Registers `plural` and `local_date` for `translations` on `tera` (again
/// when the site's language is known: the last registration wins).
pub(super) fn register(tera: &mut Tera, translations: &Translations) {
    let t = translations.clone();
    tera.register_function("tr", move |kwargs: Kwargs, _: &State| tr(&t, &kwargs));
    let t = translations.clone();
    tera.register_function("plural", move |kwargs: Kwargs, _: &State| {
        plural(&t, &kwargs)
    });
    let t = translations.clone();
    tera.register_filter("local_date", move |iso: &str, _: Kwargs, _: &State| {
        local_date(&t, iso)
    });
}

/// Sets the global `t` to the table of `translations`.
pub(super) fn set_table(tera: &mut Tera, translations: &Translations) {
    tera.global_context().insert("t", translations.entries());
}

/// `tr(key, ...)`: the string `key` with the other arguments filled in
/// (components, which do not see the global `t`, use it).
fn tr(t: &Translations, kwargs: &Kwargs) -> TeraResult<String> {
    let key = kwargs.must_get::<&str>("key")?;
    let values = placeholders(kwargs);
    let values: Vec<(&str, &str)> = values
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    Ok(t.fill(key, &values))
}

/// `plural(key, n, ...)`: the form of `key` for `n`, `{n}` and the other
/// arguments filled in.
fn plural(t: &Translations, kwargs: &Kwargs) -> TeraResult<String> {
    let key = kwargs.must_get::<&str>("key")?;
    let n = kwargs.must_get::<i64>("n")?;
    let n = usize::try_from(n).unwrap_or_default();
    let values = placeholders(kwargs);
    let values: Vec<(&str, &str)> = values
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    Ok(t.count(key, n, &values))
}

/// The keyword arguments besides `key` and `n`, as text.
fn placeholders(kwargs: &Kwargs) -> Vec<(String, String)> {
    kwargs
        .iter()
        .map(|(name, value)| (name.to_string(), value))
        .filter(|(name, _)| name != "key" && name != "n")
        .map(|(name, value)| {
            let text = value
                .as_str()
                .map_or_else(|| value.to_string(), str::to_string);
            (name, text)
        })
        .collect()
}

/// `2026-05-03` as `May 3, 2026` (or `3. Mai 2026`); any other text as it is.
fn local_date(t: &Translations, iso: &str) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(iso.get(..10).unwrap_or(iso), format)
        .map_or_else(|_| iso.to_string(), |date| t.date(date))
}
