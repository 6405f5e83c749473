//! `site.toml`: the site's title, address, statuses and publishing settings.

use serde::Serialize;
use toml::de::DeTable;

use crate::diagnostic::{Diagnostic, Diagnostics, cap_per_file};
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
    "page_size",
    "agreement_threshold",
    "statuses",
    "publisher",
    "feed_entries",
    "custom_domain",
    "html",
];
const STATUS_KEYS: &[&str] = &["label", "color", "description", "rating"];
const PUBLISHER_KEYS: &[&str] = &["name", "url", "kind"];

/// The worst (most false) rating on the ClaimReview scale.
pub const WORST_RATING: u8 = 1;
/// The best (most true) rating on the ClaimReview scale.
pub const BEST_RATING: u8 = 5;
/// How many entries a feed holds when `feed_entries` is not set.
pub const DEFAULT_FEED_ENTRIES: usize = 50;
const MAX_FEED_ENTRIES: usize = 1000;

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
    /// Where the status sits on the ClaimReview scale, from [`WORST_RATING`]
    /// (false) to [`BEST_RATING`] (true); `None` for a status that is no
    /// verdict on truth, such as `unverified`.
    pub rating: Option<u8>,
}

/// Whether the publisher is an organization or a person (schema.org `@type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PublisherKind {
    /// A newsroom, lab or other group.
    Organization,
    /// One person.
    Person,
}

impl PublisherKind {
    /// The schema.org type name: `Organization` or `Person`.
    pub fn schema_type(self) -> &'static str {
        match self {
            PublisherKind::Organization => "Organization",
            PublisherKind::Person => "Person",
        }
    }
}

/// Who publishes the tracker's verdicts: the `author` of every ClaimReview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Publisher {
    /// Display name; defaults to the site title.
    pub name: String,
    /// Homepage; defaults to the base URL.
    pub url: String,
    /// Organization or person.
    pub kind: PublisherKind,
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
    /// Items per page of a long list (claims of a status, tag or year).
    pub page_size: usize,
    /// Fewest judged citations before a source's agreement rate is shown.
    pub agreement_threshold: usize,
    /// `[publisher]`, with defaults filled in.
    pub publisher: Publisher,
    /// How many entries each Atom feed holds.
    pub feed_entries: usize,
    /// A custom domain for GitHub Pages, written to `CNAME`, e.g. `claims.example.org`.
    pub custom_domain: Option<String>,
    /// What HTML in Markdown may keep (`[html]`).
    pub html: HtmlPolicy,
}

/// Default items per page.
pub const DEFAULT_PAGE_SIZE: usize = 50;
/// Default fewest judged citations for an agreement rate.
pub const DEFAULT_AGREEMENT_THRESHOLD: usize = 3;

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
    // Only verdicts on truth get a number: unverified, retracted and outdated
    // say nothing about whether the claim is true (see docs/content-format.md).
    [
        (
            "unverified",
            "Unverified",
            "#6b7280",
            "Made, not yet confirmed or contradicted by independent evidence.",
            None,
        ),
        (
            "supported",
            "Supported",
            "#15803d",
            "Independent evidence confirms it.",
            Some(BEST_RATING),
        ),
        (
            "disputed",
            "Disputed",
            "#b45309",
            "Credible sources conflict.",
            Some(3),
        ),
        (
            "refuted",
            "Refuted",
            "#b91c1c",
            "Evidence contradicts it.",
            Some(WORST_RATING),
        ),
        (
            "retracted",
            "Retracted",
            "#7c3aed",
            "The claimant withdrew or corrected it.",
            None,
        ),
        (
            "outdated",
            "Outdated",
            "#475569",
            "Later events made the claim moot (a spec replaced, a plan abandoned).",
            None,
        ),
    ]
    .into_iter()
    .map(|(id, label, color, description, rating)| StatusDef {
        id: id.into(),
        label: label.into(),
        color: color.into(),
        description: description.into(),
        rating,
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
    let page_size = read_count(&mut fields, "page_size", 1..=10_000);
    let agreement_threshold = read_count(&mut fields, "agreement_threshold", 1..=1_000_000);
    let statuses = read_statuses(&mut fields);
    let publisher = read_publisher(&mut fields);
    let feed_entries = read_feed_entries(&mut fields);
    let custom_domain = read_custom_domain(&mut fields);
    let html = html_policy::read(&mut fields);
    let problems = fields.finish();
    let ok = !problems
        .iter()
        .any(|d| d.severity == crate::Severity::Error);
    diagnostics.extend(cap_per_file(CONFIG_FILE, text.len(), problems));
    if !ok {
        return None;
    }
    let title = title?.value;
    let base_url = with_trailing_slash(&base_url?.value);
    if let Some(domain) = &custom_domain {
        diagnostics.extend(check_domain_matches(&base_url, domain));
    }
    Some(Config {
        publisher: publisher.finish(&title, &base_url),
        title,
        base_url,
        description: description.map(|d| d.value).unwrap_or_default(),
        repo_url: repo_url.map(|r| r.value.trim_end_matches('/').to_string()),
        language: language.map_or_else(|| "en".to_string(), |l| l.value),
        statuses,
        page_size: page_size.unwrap_or(DEFAULT_PAGE_SIZE),
        agreement_threshold: agreement_threshold.unwrap_or(DEFAULT_AGREEMENT_THRESHOLD),
        feed_entries: feed_entries.unwrap_or(DEFAULT_FEED_ENTRIES),
        custom_domain: custom_domain.map(|d| d.value),
        html,
    })
}

/// A whole number within `range`, or `None` (with a diagnostic if it was given but wrong).
fn read_count(
    fields: &mut Fields,
    key: &str,
    range: std::ops::RangeInclusive<usize>,
) -> Option<usize> {
    let number = fields.optional_number(key)?;
    let whole = number.value.fract() == 0.0 && number.value >= 0.0;
    if whole && range.contains(&(number.value as usize)) {
        return Some(number.value as usize);
    }
    let message = format!(
        "`{key}` must be a whole number from {} to {}",
        range.start(),
        range.end()
    );
    fields.error(number.span, message, None);
    None
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
        let rating = read_rating(&mut entry);
        let index = match statuses.iter().position(|s| s.id == id) {
            Some(index) => index,
            None => {
                statuses.push(StatusDef {
                    id: id.clone(),
                    label: id.clone(),
                    color: "#6b7280".into(),
                    description: String::new(),
                    rating: None,
                });
                statuses.len() - 1
            }
        };
        let status = &mut statuses[index];
        status.label = label.unwrap_or_else(|| status.label.clone());
        status.color = color.unwrap_or_else(|| status.color.clone());
        status.description = description.unwrap_or_else(|| status.description.clone());
        if let Some(rating) = rating {
            status.rating = rating;
        }
        merge(&mut table, entry);
    }
    merge(fields, table);
    statuses
}

/// A status's `rating`: 1 to 5 on the ClaimReview scale, or 0 for "no rating".
/// `None` when absent or invalid (the problem is recorded).
fn read_rating(entry: &mut Fields) -> Option<Option<u8>> {
    let rating = entry.optional_number("rating")?;
    let whole = rating.value.fract() == 0.0;
    match rating.value as i64 {
        0 if whole => Some(None),
        n if whole && (i64::from(WORST_RATING)..=i64::from(BEST_RATING)).contains(&n) => {
            u8::try_from(n).ok().map(Some)
        }
        _ => {
            entry.error(
                rating.span,
                format!(
                    "`rating` must be a whole number from {WORST_RATING} (false) to {BEST_RATING} (true), or 0 for no rating"
                ),
                Some("for example `rating = 2` for a mostly false verdict".to_string()),
            );
            None
        }
    }
}

/// `[publisher]` as written; defaults are filled in by [`PublisherDoc::finish`].
#[derive(Default)]
struct PublisherDoc {
    name: Option<String>,
    url: Option<String>,
    kind: Option<PublisherKind>,
}

impl PublisherDoc {
    fn finish(self, title: &str, base_url: &str) -> Publisher {
        Publisher {
            name: self.name.unwrap_or_else(|| title.to_string()),
            url: self.url.unwrap_or_else(|| base_url.to_string()),
            kind: self.kind.unwrap_or(PublisherKind::Organization),
        }
    }
}

fn read_publisher(fields: &mut Fields) -> PublisherDoc {
    let Some(mut table) = fields.table("publisher", PUBLISHER_KEYS) else {
        return PublisherDoc::default();
    };
    let name = table.required_str("name").map(|n| n.value);
    let url = table.optional_str("url");
    if let Some(url) = &url {
        check_url_field(&mut table, url, "url");
    }
    let kind = table
        .optional_str("kind")
        .and_then(|kind| match kind.value.as_str() {
            "organization" => Some(PublisherKind::Organization),
            "person" => Some(PublisherKind::Person),
            other => {
                table.error(
                    kind.span,
                    format!("unknown publisher kind `{other}`"),
                    Some("write `kind = \"organization\"` or `kind = \"person\"`".to_string()),
                );
                None
            }
        });
    merge(fields, table);
    PublisherDoc {
        name,
        url: url.map(|u| u.value),
        kind,
    }
}

fn read_feed_entries(fields: &mut Fields) -> Option<usize> {
    let count = fields.optional_number("feed_entries")?;
    let whole = count.value.fract() == 0.0;
    match count.value as i64 {
        n if whole && (1..=MAX_FEED_ENTRIES as i64).contains(&n) => usize::try_from(n).ok(),
        _ => {
            fields.error(
                count.span,
                format!("`feed_entries` must be a whole number from 1 to {MAX_FEED_ENTRIES}"),
                Some(format!(
                    "the default is `feed_entries = {DEFAULT_FEED_ENTRIES}`"
                )),
            );
            None
        }
    }
}

/// `custom_domain`: a bare host name such as `claims.example.org`.
fn read_custom_domain(fields: &mut Fields) -> Option<Located<String>> {
    let domain = fields.optional_str("custom_domain")?;
    let is_domain = matches!(
        url::Host::parse(&domain.value),
        Ok(url::Host::Domain(ref host)) if host.contains('.') && *host == domain.value
    );
    if is_domain {
        return Some(domain);
    }
    fields.error(
        domain.span.clone(),
        format!(
            "`custom_domain` must be a bare domain name, not `{}`",
            domain.value
        ),
        Some(
            "write only the lowercase domain, without `https://` or a path: `custom_domain = \"claims.example.org\"`"
                .to_string(),
        ),
    );
    None
}

/// A warning when `base_url` is on another host than `custom_domain`: links would
/// point at the old address.
fn check_domain_matches(base_url: &str, domain: &Located<String>) -> Option<Diagnostic> {
    let host = url::Url::parse(base_url).ok()?.host_str()?.to_string();
    (host != domain.value).then(|| {
        Diagnostic::warning(
            CONFIG_FILE,
            format!(
                "`custom_domain` is `{}` but `base_url` is on `{host}`",
                domain.value
            ),
        )
        .at(domain.span.clone())
        .hint(format!(
            "set `base_url = \"https://{}/\"` so links and feeds use the custom domain",
            domain.value
        ))
    })
}
