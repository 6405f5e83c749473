//! A page to render: its output path, its template, and the recipe that
//! makes its variables when it renders.

use tera::Context;

/// How a page's variables are made: only when the page renders, so the
/// contexts of fourteen thousand pages are never in memory at once.
pub(super) type Recipe<'v> = Box<dyn Fn() -> Context + Send + Sync + 'v>;

/// One page to render: where it goes, with which template and data.
pub(super) struct Job<'v> {
    /// Output path relative to the output folder, e.g. `claims/x/index.html`.
    pub path: String,
    /// The theme template that renders it, one of the names in `theme::names`.
    pub template: &'static str,
    /// Makes the page's variables.
    pub context: Recipe<'v>,
    /// Whether the page belongs in the sitemap.
    pub in_sitemap: bool,
}

impl<'v> Job<'v> {
    /// An HTML page at `dir` (ending in `/`, or empty for the home page),
    /// its variables made by `recipe` when it renders.
    pub(super) fn html(
        dir: &str,
        template: &'static str,
        recipe: impl Fn() -> Context + Send + Sync + 'v,
    ) -> Job<'v> {
        Job {
            path: format!("{dir}index.html"),
            template,
            context: Box::new(recipe),
            in_sitemap: true,
        }
    }

    /// A file that is not an HTML page (feed, sitemap, stylesheet, 404 page).
    pub(super) fn file(
        path: &str,
        template: &'static str,
        recipe: impl Fn() -> Context + Send + Sync + 'v,
    ) -> Job<'v> {
        Job {
            path: path.to_string(),
            template,
            context: Box::new(recipe),
            in_sitemap: false,
        }
    }

    /// The site-relative URL of an HTML page (its folder).
    pub(super) fn url_path(&self) -> &str {
        self.path.strip_suffix("index.html").unwrap_or(&self.path)
    }
}

/// The variables every HTML page has: its path under the base URL and its title.
pub(super) fn context(page_path: &str, title: &str) -> Context {
    let mut context = Context::new();
    context.insert("page_path", page_path);
    context.insert("title", title);
    context
}
