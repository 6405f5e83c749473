//! Embeddable verdict badges: `/claims/<id>/badge.svg` (the `badge.svg`
//! template, autoescaped as XML), and the snippet the claim page offers for
//! embedding it.

use serde::Serialize;
use tera::Context;

use super::pages::Job;
use super::theme;
use super::viewer::Viewer;
use crate::model::Claim;

/// The badge's file name, in its claim's folder.
const FILE: &str = "badge.svg";

/// One badge per claim; none when `item_api = false`.
pub(super) fn jobs<'v>(viewer: &'v Viewer) -> impl Iterator<Item = Job<'v>> + 'v {
    let claims = if viewer.site.config.item_api {
        &viewer.site.claims[..]
    } else {
        &[]
    };
    claims.iter().map(move |claim| {
        let path = format!("claims/{}/{FILE}", claim.id);
        Job::file(&path, theme::BADGE, move || {
            let mut context = Context::new();
            context.insert("status", &viewer.status(&claim.status));
            context.insert("title", &claim.title);
            context
        })
    })
}

/// What the claim page shows for embedding its badge.
#[derive(Serialize)]
pub(super) struct Embed {
    /// The badge's path on the site, for the page's own preview of it.
    path: String,
    /// The snippet to copy: a link to the claim page around the badge, as
    /// HTML text (the template escapes it again to show it).
    snippet: String,
}

/// The badge of `claim` and its embed snippet, with absolute addresses;
/// `None` when the site has no badges.
pub(super) fn embed(viewer: &Viewer, claim: &Claim) -> Option<Embed> {
    if !viewer.site.config.item_api {
        return None;
    }
    let page = viewer.urls.absolute(&format!("claims/{}/", claim.id));
    let badge = format!("claims/{}/{FILE}", claim.id);
    let image = viewer.urls.absolute(&badge);
    let alt = format!("{}: {}", claim.title, viewer.status(&claim.status).label);
    let snippet = format!(
        r#"<a href="{}"><img src="{}" alt="{}"></a>"#,
        escaped(&page),
        escaped(&image),
        escaped(&alt)
    );
    Some(Embed {
        path: viewer.urls.path(&badge),
        snippet,
    })
}

/// `text` escaped for an HTML attribute value, by Tera's own escaper.
fn escaped(text: &str) -> String {
    let mut bytes = Vec::with_capacity(text.len());
    // Writing to memory cannot fail; what was written is kept either way.
    let _ = tera::escape_html(text, &mut bytes);
    String::from_utf8(bytes).unwrap_or_default()
}
