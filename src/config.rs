//! `site.toml`: the site's title, address and statuses.

use serde::Serialize;
use toml::de::DeTable;

use crate::diagnostic::{Diagnostics, cap_per_file};
use crate::fields::{Fields, Located, merge};
use crate::html_policy::{self, HtmlPolicy};
use crate::ids::{MAX_ID_LEN, is_valid_id, suggest_id};
use crate::links::check_web_url;

/// The name of the settings file at the site root.
pub const CONFIG_FILE: &str = "site.toml";

const SITE_KEYS: &[&str] = &[
    "title",
    "base_url",
    "description",
    "repo_url",
    "language",
    "statuses",
    "html",
];
const STATUS_KEYS: &[&str] = &["label", "color", "description"];

/// A verdict a claim can carry, such as `supported`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusDef {
    /// The id used in frontmatter, e.g. `supported`.
    pub id: String,
    /// The label readers see, e.g. "Supported".
    pub label: String,
    /// A CSS colour for the badge.
    pub color: String,
    /// What the status means.
    pub description: String,
}

/// The validated contents of `site.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The site's name.
    pub title: String,
    /// Absolute URL the site is published at, always ending in `/`.
    pub base_url: String,
    /// One-sentence description for the home page and feeds.
    pub description: String,
    /// Repository URL for "edit this claim" links, if any.
    pub repo_url: Option<String>,
    /// The content language, e.g. `en`.
    pub language: String,
    /// Statuses in display order.
    pub statuses: Vec<StatusDef>,
    /// What HTML in Markdown may keep (`[html]`).
    pub html: HtmlPolicy,
}

impl Config {
    /// Looks up a status by id.
    pub fn status(&self, id: &str) -> Option<&StatusDef> {
        self.statuses.iter().find(|s| s.id == id)
    }

    /// The path part of the base URL, e.g. `/` or `/ai-claims/`.
    pub fn base_path(&self) -> String {
        base_path_of(&self.base_url)
    }

    /// Replaces the base URL (from `--base-url`), normalised to end in `/`.
    pub fn set_base_url(&mut self, base_url: &str) {
        self.base_url = with_trailing_slash(base_url);
    }
}

/// The path part of an absolute URL, ending in `/`.
pub fn base_path_of(base_url: &str) -> String {
    match url::Url::parse(base_url) {
        Ok(url) => with_trailing_slash(url.path()),
        Err(_) => "/".to_string(),
    }
}

fn with_trailing_slash(text: &str) -> String {
    if text.ends_with('/') {
        text.to_string()
    } else {
        format!("{text}/")
    }
}

/// The statuses every site has unless `site.toml` redefines them.
pub fn default_statuses() -> Vec<StatusDef> {
    [
        (
            "unverified",
            "Unverified",
            "#6b7280",
            "Made, not yet confirmed or contradicted by independent evidence.",
        ),
        (
            "supported",
            "Supported",
            "#15803d",
            "Independent evidence confirms it.",
        ),
        (
            "disputed",
            "Disputed",
            "#b45309",
            "Credible sources conflict.",
        ),
        ("refuted", "Refuted", "#b91c1c", "Evidence contradicts it."),
        (
            "retracted",
            "Retracted",
            "#7c3aed",
            "The claimant withdrew or corrected it.",
        ),
        (
            "outdated",
            "Outdated",
            "#475569",
            "Later events made the claim moot (a spec replaced, a plan abandoned).",
        ),
    ]
    .into_iter()
    .map(|(id, label, color, description)| StatusDef {
        id: id.into(),
        label: label.into(),
        color: color.into(),
        description: description.into(),
    })
    .collect()
}

/// Parses `site.toml` text; problems go to `diagnostics`, and `None` means unusable.
pub fn parse(text: &str, diagnostics: &mut Diagnostics) -> Option<Config> {
    diagnostics.add_source(CONFIG_FILE, text);
    let (table, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        let problems = errors
            .iter()
            .map(|error| crate::parse::toml_error(CONFIG_FILE, 0, error))
            .collect();
        diagnostics.extend(cap_per_file(CONFIG_FILE, text.len(), problems));
        return None;
    }
    let mut fields = Fields::new(CONFIG_FILE, 0, table.get_ref(), table.span(), SITE_KEYS);
    let title = fields.required_str("title");
    let base_url = fields.required_str("base_url");
    if let Some(url) = &base_url {
        check_url_field(&mut fields, url, "base_url");
    }
    let description = fields.optional_str("description");
    let repo_url = fields.optional_str("repo_url");
    if let Some(url) = &repo_url {
        check_url_field(&mut fields, url, "repo_url");
    }
    let language = fields.optional_str("language");
    let statuses = read_statuses(&mut fields);
    let html = html_policy::read(&mut fields);
    let problems = fields.finish();
    let ok = !problems
        .iter()
        .any(|d| d.severity == crate::Severity::Error);
    diagnostics.extend(cap_per_file(CONFIG_FILE, text.len(), problems));
    if !ok {
        return None;
    }
    Some(Config {
        title: title?.value,
        base_url: with_trailing_slash(&base_url?.value),
        description: description.map(|d| d.value).unwrap_or_default(),
        repo_url: repo_url.map(|r| r.value.trim_end_matches('/').to_string()),
        language: language.map_or_else(|| "en".to_string(), |l| l.value),
        statuses,
        html,
    })
}

fn check_url_field(fields: &mut Fields, url: &Located<String>, key: &str) {
    if let Err(problem) = check_web_url(&url.value) {
        fields.error(
            url.span.clone(),
            format!("`{key}` {}", problem.message),
            Some(problem.hint),
        );
    }
}

/// A status id becomes the folder `/status/<id>/`, so it follows the id rules.
fn check_status_id(entry: &mut Fields, id: &str) {
    if is_valid_id(id) {
        return;
    }
    let message = format!(
        "`{id}` is not a valid status id: ids use only lowercase letters a-z, digits 0-9 and `-`, start with a letter or digit, and are at most {MAX_ID_LEN} characters"
    );
    let suggestion = suggest_id(id);
    let hint = (!suggestion.is_empty()).then(|| format!("name it `[statuses.{suggestion}]`"));
    let span = entry.span();
    entry.error(span.start..span.start, message, hint);
}

/// A badge colour lands in a `style` attribute, so only plain colours pass:
/// `#rgb`, `#rrggbb` (with optional alpha) or a colour keyword such as `teal`.
fn check_color(entry: &mut Fields, color: &Located<String>) {
    let value = color.value.as_str();
    let hex = value.strip_prefix('#').is_some_and(|digits| {
        matches!(digits.len(), 3 | 4 | 6 | 8) && digits.chars().all(|c| c.is_ascii_hexdigit())
    });
    let keyword =
        !value.is_empty() && value.len() <= 32 && value.chars().all(|c| c.is_ascii_lowercase());
    if !hex && !keyword {
        entry.error(
            color.span.clone(),
            format!("`color` must be a hex colour or a colour name, not `{value}`"),
            Some("for example `color = \"#15803d\"` or `color = \"teal\"`".into()),
        );
    }
}

/// Defaults, with each `[statuses.<id>]` table overriding or adding one status.
fn read_statuses(fields: &mut Fields) -> Vec<StatusDef> {
    let mut statuses = default_statuses();
    let Some(mut table) = fields.table("statuses", &[]) else {
        return statuses;
    };
    for (id, mut entry) in table.entries(STATUS_KEYS) {
        check_status_id(&mut entry, &id);
        let label = entry.optional_str("label").map(|l| l.value);
        let color = entry.optional_str("color");
        if let Some(color) = &color {
            check_color(&mut entry, color);
        }
        let color = color.map(|c| c.value);
        let description = entry.optional_str("description").map(|d| d.value);
        let index = match statuses.iter().position(|s| s.id == id) {
            Some(index) => index,
            None => {
                statuses.push(StatusDef {
                    id: id.clone(),
                    label: id.clone(),
                    color: "#6b7280".into(),
                    description: String::new(),
                });
                statuses.len() - 1
            }
        };
        let status = &mut statuses[index];
        status.label = label.unwrap_or_else(|| status.label.clone());
        status.color = color.unwrap_or_else(|| status.color.clone());
        status.description = description.unwrap_or_else(|| status.description.clone());
        merge(&mut table, entry);
    }
    merge(fields, table);
    statuses
}
