//! `site.toml`: the site's title, address, statuses and publishing settings.

use toml::de::DeTable;

use crate::diagnostic::{Diagnostics, cap_per_file};
use crate::fields::{Fields, Located};
use crate::html_policy::{self, HtmlPolicy};
use crate::links::check_web_url;

mod archive;
mod import;
mod limits;
mod publishing;
mod search;
mod statuses;

pub use archive::{ArchiveSettings, LinkSettings};
use archive::{read_archive, read_links};
use import::read_import;
pub use import::{FALLBACK_KEY, ImportSettings};
pub(crate) use limits::RenderLimits;
use limits::read_limits;
pub(crate) use publishing::{DEFAULT_FEED_ENTRIES, Publisher};
use publishing::{check_domain_matches, read_custom_domain, read_feed_entries, read_publisher};
pub(crate) use search::SearchSettings;
use search::read_search;
pub use statuses::StatusDef;
use statuses::read_statuses;
pub(crate) use statuses::{BEST_RATING, Verdict, WORST_RATING, default_statuses};

pub(crate) use crate::load::CONFIG_FILE;

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
    "item_api",
    "custom_domain",
    "html",
    "search",
    "limits",
    "archive",
    "links",
    "import",
    "license",
];

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
    /// Whether each claim, document, source and entity gets its own JSON
    /// file (`<folder>/<id>/index.json`) and each claim a badge (`item_api`).
    pub item_api: bool,
    /// A custom domain for GitHub Pages, written to `CNAME`, e.g. `claims.example.org`.
    pub custom_domain: Option<String>,
    /// What HTML in Markdown may keep (`[html]`).
    pub html: HtmlPolicy,
    /// What the search index holds (`[search]`).
    pub search: SearchSettings,
    /// How big one rendered file may grow and how long it may take (`[limits]`).
    pub limits: RenderLimits,
    /// Where `claimtrail archive` finds captures and how politely it fetches (`[archive]`).
    pub archive: ArchiveSettings,
    /// The result cache of `check --links` (`[links]`).
    pub links: LinkSettings,
    /// How `claimtrail import` maps other fact-checkers' ratings (`[import]`).
    pub import: ImportSettings,
    /// The address of the data's licence (`license`), named in the `/data/`
    /// page's Dataset description and in `CITATION.cff`.
    pub license: Option<String>,
    /// The theme's strings in `language` (set from the site's files after parsing).
    pub translations: crate::i18n::Translations,
}

/// Default items per page.
pub(crate) const DEFAULT_PAGE_SIZE: usize = 50;
/// Default fewest judged citations for an agreement rate.
pub(crate) const DEFAULT_AGREEMENT_THRESHOLD: usize = 3;

impl Config {
    /// Takes the theme's strings for the site's language, with the site's own
    /// `translations/<language>.toml` among `site_files` (path, text) laid
    /// over them, and gives the default statuses the site did not relabel
    /// their words in that language.
    pub(crate) fn translate(
        &mut self,
        site_files: &[(String, String)],
        diagnostics: &mut Diagnostics,
    ) {
        let own = format!(
            "{}/{}.toml",
            crate::i18n::TRANSLATIONS_FOLDER,
            self.language
        );
        let file = site_files
            .iter()
            .find(|(path, _)| *path == own)
            .map(|(path, text)| (path.as_str(), text.as_str()));
        self.translations =
            crate::i18n::Translations::for_language(&self.language, file, diagnostics);
        statuses::translate_defaults(&mut self.statuses, &self.translations);
    }

    /// Looks up a status by id.
    pub fn status(&self, id: &str) -> Option<&StatusDef> {
        self.statuses.iter().find(|s| s.id == id)
    }

    /// The path part of the base URL, e.g. `/` or `/ai-claims/`.
    pub fn base_path(&self) -> String {
        base_path_of(&self.base_url)
    }

    /// Replaces the base URL (from `--base-url`), normalised to end in `/`,
    /// and the publisher's URL with it when that is the site's own address.
    pub fn set_base_url(&mut self, base_url: &str) {
        let base_url = with_trailing_slash(base_url.trim());
        if self.publisher.url == self.base_url {
            self.publisher.url.clone_from(&base_url);
        }
        self.base_url = base_url;
    }
}

/// The path part of an absolute URL, ending in `/`, with runs of `/` folded
/// into one.
///
/// Every site-relative link starts with this path, so it must never start
/// with `//`: `https:ps://host/x` is host `ps` with path `//host/x`, and a
/// browser reads `//host/x/search.js` as a script on another host.
pub(crate) fn base_path_of(base_url: &str) -> String {
    let Ok(url) = url::Url::parse(base_url) else {
        return "/".to_string();
    };
    let mut path = String::with_capacity(url.path().len() + 1);
    for c in url.path().chars() {
        if !(c == '/' && path.ends_with('/')) {
            path.push(c);
        }
    }
    with_trailing_slash(&path)
}

fn with_trailing_slash(text: &str) -> String {
    if text.ends_with('/') {
        text.to_string()
    } else {
        format!("{text}/")
    }
}

/// Parses `site.toml` text; problems go to `diagnostics`, and `None` means unusable.
pub fn parse(text: &str, diagnostics: &mut Diagnostics) -> Option<Config> {
    diagnostics.add_source(CONFIG_FILE, text);
    let (table, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        let problems = errors
            .iter()
            .map(|error| crate::parse::toml_error(CONFIG_FILE, text, 0, error))
            .collect();
        diagnostics.extend(cap_per_file(CONFIG_FILE, text.len(), problems));
        return None;
    }
    let mut fields = Fields::new(
        CONFIG_FILE,
        text,
        0,
        table.get_ref(),
        table.span(),
        SITE_KEYS,
    );
    let title = fields.required_str("title");
    let base_url = fields.required_str("base_url");
    if let Some(url) = &base_url {
        check_url_field(&mut fields, url, "base_url");
    }
    let description = fields.optional_text("description");
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
    let item_api = fields.optional_bool("item_api");
    let custom_domain = read_custom_domain(&mut fields);
    let html = html_policy::read(&mut fields);
    let search = read_search(&mut fields);
    let limits = read_limits(&mut fields);
    let archive = read_archive(&mut fields);
    let links = read_links(&mut fields);
    let import = read_import(&mut fields, &statuses);
    let license = fields.optional_str("license");
    if let Some(url) = &license {
        check_url_field(&mut fields, url, "license");
    }
    let problems = fields.finish();
    let ok = !problems
        .iter()
        .any(|d| d.severity == crate::diagnostic::Severity::Error);
    diagnostics.extend(cap_per_file(CONFIG_FILE, text.len(), problems));
    if !ok {
        return None;
    }
    let title = title?.value;
    let base_url = with_trailing_slash(base_url?.value.trim());
    if let Some(domain) = &custom_domain {
        diagnostics.extend(check_domain_matches(&base_url, domain));
    }
    let archive = archive.finish(&base_url);
    Some(Config {
        publisher: publisher.finish(&title, &base_url),
        title,
        base_url,
        description: description.map(|d| d.value).unwrap_or_default(),
        repo_url: repo_url.map(|r| r.value.trim_end_matches('/').to_string()),
        language: language.map_or_else(|| "en".to_string(), |l| l.value),
        translations: crate::i18n::Translations::default(),
        statuses,
        page_size: page_size.unwrap_or(DEFAULT_PAGE_SIZE),
        agreement_threshold: agreement_threshold.unwrap_or(DEFAULT_AGREEMENT_THRESHOLD),
        feed_entries: feed_entries.unwrap_or(DEFAULT_FEED_ENTRIES),
        item_api: item_api.unwrap_or(true),
        custom_domain: custom_domain.map(|d| d.value),
        html,
        search,
        limits,
        archive,
        links,
        import,
        license: license.map(|l| l.value),
    })
}

/// A whole number within `range`, or `None` (with a diagnostic if it was given but wrong).
pub(super) fn read_count(
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

pub(super) fn check_url_field(fields: &mut Fields, url: &Located<String>, key: &str) {
    if let Err(problem) = check_web_url(&url.value) {
        fields.error(
            url.span.clone(),
            format!("`{key}` {}", problem.message),
            Some(problem.hint),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::base_path_of;

    #[test]
    fn a_base_path_never_starts_a_link_to_another_host() {
        // Found by the fuzzer: host `ps`, path `//github.com/example/tracker`.
        assert_eq!(
            base_path_of("https:ps://github.com/example/tracker"),
            "/github.com/example/tracker/"
        );
        assert_eq!(base_path_of("https://example.org//a///b"), "/a/b/");
        assert_eq!(base_path_of("https://example.org"), "/");
        assert_eq!(
            base_path_of("https://user.github.io/ai-claims"),
            "/ai-claims/"
        );
    }
}
