//! Every file of the theme, named once: the templates, rendered through Tera,
//! and the assets, copied as they are. Job constructors use these constants.

/// Defines a constant for each theme file's name, and the tables of the
/// built-in files: `TEMPLATES` (text, rendered) and `ASSETS` (bytes, copied).
macro_rules! theme {
    (
        templates: [$($template:ident = $template_name:literal),* $(,)?],
        assets: [$($asset:ident = $asset_name:literal),* $(,)?] $(,)?
    ) => {
        $(
            #[doc = concat!("The template `", $template_name, "`.")]
            #[allow(dead_code, reason = "every theme file is named, whether or not code refers to it")]
            pub(crate) const $template: &str = $template_name;
        )*
        $(
            #[doc = concat!("The asset `", $asset_name, "`, copied as it is.")]
            #[allow(dead_code, reason = "every theme file is named, whether or not code refers to it")]
            pub(crate) const $asset: &str = $asset_name;
        )*
        /// The built-in templates, by name. A site's `templates/<name>` replaces one.
        pub(crate) const TEMPLATES: &[(&str, &str)] = &[
            $(($template_name, include_str!(concat!("../../../templates/", $template_name)))),*
        ];
        /// The built-in assets, by name (which is also their output path).
        /// A site's `templates/<name>` replaces one.
        pub(crate) const ASSETS: &[(&str, &[u8])] = &[
            $(($asset_name, include_bytes!(concat!("../../../templates/", $asset_name)))),*
        ];
    };
}

theme! {
    templates: [
        BASE = "base.html",
        META = "meta.html",
        COMPONENTS = "components.html",
        HOME = "index.html",
        CLAIM = "claim.html",
        TIMELINE = "timeline.html",
        ENTITIES = "entities.html",
        ENTITY = "entity.html",
        SOURCES = "sources.html",
        SOURCE = "source.html",
        CITED = "cited.html",
        CITED_LIST = "cited_list.html",
        DOCUMENTS = "documents.html",
        DOCUMENT = "document.html",
        LIST = "list.html",
        TAGS = "tags.html",
        TAG = "tag.html",
        STATUS = "status.html",
        STATUSES = "statuses.html",
        DATA = "data.html",
        CONTESTED = "contested.html",
        CHANGES = "changes.html",
        CHANGES_FEED = "changes_feed.xml",
        PAGE = "page.html",
        SEARCH = "search.html",
        NOT_FOUND = "404.html",
        REDIRECT = "redirect.html",
        FEED = "feed.xml",
        SITEMAP = "sitemap.xml",
        SITEMAP_INDEX = "sitemap_index.xml",
        ROBOTS = "robots.txt",
        LIST_DATA = "list_data.json",
        BADGE = "badge.svg",
    ],
    assets: [
        STYLE = "style.css",
        FAVICON = "favicon.svg",
        FILTER_JS = "filter.js",
        SEARCH_JS = "search.js",
    ],
}

/// Whether the theme file `name` is an asset (copied) rather than a template (rendered).
pub(crate) fn is_asset(name: &str) -> bool {
    ASSETS.iter().any(|(asset, _)| *asset == name)
}
