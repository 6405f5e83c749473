//! `[publisher]`, `feed_entries` and `custom_domain` in `site.toml`: how the site is published.

use serde::Serialize;

use super::{CONFIG_FILE, check_url_field};
use crate::diagnostic::Diagnostic;
use crate::fields::{Fields, Located, merge};

const PUBLISHER_KEYS: &[&str] = &["name", "url", "kind"];

/// How many entries a feed holds when `feed_entries` is not set.
pub(crate) const DEFAULT_FEED_ENTRIES: usize = 50;
const MAX_FEED_ENTRIES: usize = 1000;

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

/// `[publisher]` as written; defaults are filled in by [`PublisherDoc::finish`].
#[derive(Default)]
pub(super) struct PublisherDoc {
    name: Option<String>,
    url: Option<String>,
    kind: Option<PublisherKind>,
}

impl PublisherDoc {
    pub(super) fn finish(self, title: &str, base_url: &str) -> Publisher {
        Publisher {
            name: self.name.unwrap_or_else(|| title.to_string()),
            url: self.url.unwrap_or_else(|| base_url.to_string()),
            kind: self.kind.unwrap_or(PublisherKind::Organization),
        }
    }
}

pub(super) fn read_publisher(fields: &mut Fields) -> PublisherDoc {
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

pub(super) fn read_feed_entries(fields: &mut Fields) -> Option<usize> {
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
pub(super) fn read_custom_domain(fields: &mut Fields) -> Option<Located<String>> {
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
pub(super) fn check_domain_matches(base_url: &str, domain: &Located<String>) -> Option<Diagnostic> {
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
