//! The template globals every page sees: `site` (title, URLs, language,
//! publisher, revision date...), `statuses` and `nav_pages`, and the
//! translation functions and table.
//!
//! Set once on the theme's Tera before any page renders.

use serde::Serialize;
use tera::Tera;

use super::viewer::Viewer;
use super::{feeds, format, views, words};

/// The site as templates see it: the `site` global.
#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    base_url: &'a str,
    base_path: String,
    language: &'a str,
    /// Whether the language is written right to left (`dir="rtl"`).
    rtl: bool,
    repo_url: Option<&'a str>,
    generator: String,
    publisher: &'a crate::config::Publisher,
    link_rel: &'a str,
    citation_rel: &'a str,
    /// The content's revision date: the newest commit that changed it, else
    /// the newest date in it (`None` for a site without claims).
    updated: Option<format::DateView>,
    /// Whether the site has `/changes/` (its content's git history was read).
    changes: bool,
}

/// Sets the globals of `viewer`'s site on `tera`: `site`, `statuses`,
/// `nav_pages`, and the translation functions and table.
pub(super) fn set(tera: &mut Tera, viewer: &Viewer) {
    let config = &viewer.site.config;
    let site = SiteView {
        title: &config.title,
        description: &config.description,
        base_url: &config.base_url,
        base_path: config.base_path(),
        language: &config.language,
        rtl: config.translations.is_rtl(),
        repo_url: config.repo_url.as_deref(),
        generator: format!("claimtrail {}", env!("CARGO_PKG_VERSION")),
        publisher: &config.publisher,
        link_rel: &config.html.link_rel,
        citation_rel: &config.html.citation_rel,
        updated: feeds::newest_date(viewer.site).map(format::date_view),
        changes: viewer.site.provenance.is_some(),
    };
    let statuses: Vec<_> = config
        .statuses
        .iter()
        .map(|s| viewer.status(&s.id))
        .collect();
    let pages: Vec<_> = viewer
        .site
        .pages
        .values()
        .map(|p| views::Link {
            id: p.id.clone(),
            name: p.title.clone(),
            url: viewer.urls.path(&format!("pages/{}/", p.id)),
        })
        .collect();
    words::register(tera, &config.translations);
    words::set_table(tera, &config.translations);
    let globals = tera.global_context();
    globals.insert("site", &site);
    globals.insert("statuses", &statuses);
    globals.insert("nav_pages", &pages);
}
