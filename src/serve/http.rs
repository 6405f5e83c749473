//! The HTTP side of `serve`: files from memory, the live-reload stream, 404s.
//!
//! Request paths are percent-decoded and looked up in the in-memory site
//! (static files, pages already rendered, or else the site thread renders the
//! page now); a
//! path that tries to leave the site (`..`, `.`, a backslash, an absolute path
//! after the base path) is answered like any missing file.

use std::convert::Infallible;
use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use bytes::Bytes;
use percent_encoding::percent_decode_str;
use tokio_stream::Stream;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;

use super::state::{Answer, Shared, Signal};

/// Where browsers listen for reloads (outside any base path, so it never clashes with the site).
pub(crate) const RELOAD_PATH: &str = "/__claimtrail/reload";

/// The script `serve` adds to every HTML page it sends; `build` output never has it.
const RELOAD_SCRIPT: &str = concat!(
    "<script>new EventSource(\"",
    "/__claimtrail/reload",
    "\").addEventListener(\"reload\", () => location.reload());</script>"
);

/// The routes: the reload stream, and every other GET answered from the in-memory site.
pub(crate) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route(RELOAD_PATH, get(reload_events))
        .fallback(get(site_file))
        .with_state(shared)
}

async fn reload_events(
    State(shared): State<Arc<Shared>>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let events = BroadcastStream::new(shared.subscribe())
        .take_while(|signal| !matches!(signal, Ok(Signal::Stop)))
        // A lagging tab missed some rebuilds: one reload covers them all.
        .map(|signal| {
            let version = match signal {
                Ok(Signal::Reload(version)) => version.to_string(),
                _ => "lagged".to_string(),
            };
            Ok(Event::default().event("reload").data(version))
        });
    Sse::new(events).keep_alive(KeepAlive::default())
}

/// Where a request path leads in the site.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Target {
    /// The file at this output path.
    File(String),
    /// A folder requested without its trailing `/`: redirect, as GitHub Pages does.
    Folder(String),
    /// Nothing the site serves.
    Missing,
}

/// Maps a raw (still percent-encoded) request path to an output path under `base_path`.
pub(crate) fn resolve(base_path: &str, raw_path: &str) -> Target {
    let Some(rest) = raw_path.strip_prefix(base_path) else {
        return if format!("{raw_path}/") == base_path {
            Target::Folder(base_path.to_string())
        } else {
            Target::Missing
        };
    };
    let Ok(decoded) = percent_decode_str(rest).decode_utf8() else {
        return Target::Missing;
    };
    if decoded.starts_with('/') || decoded.contains(['\\', '\0']) {
        return Target::Missing;
    }
    let segments: Vec<&str> = decoded.split('/').collect();
    let last = segments.len() - 1;
    let unsafe_segment = segments
        .iter()
        .enumerate()
        .any(|(i, s)| *s == ".." || *s == "." || (s.is_empty() && i != last));
    if unsafe_segment {
        return Target::Missing;
    }
    if decoded.is_empty() || decoded.ends_with('/') {
        Target::File(format!("{decoded}index.html"))
    } else {
        Target::File(decoded.into_owned())
    }
}

async fn site_file(State(shared): State<Arc<Shared>>, uri: Uri) -> Response {
    let base_path = shared.base_path();
    let path = match resolve(base_path, uri.path()) {
        Target::File(path) => path,
        Target::Folder(folder) => return Redirect::permanent(&folder).into_response(),
        Target::Missing => return not_found(&shared).await,
    };
    if let Some(error_page) = shared.error_page().filter(|_| is_page(&path)) {
        return html(StatusCode::INTERNAL_SERVER_ERROR, &error_page);
    }
    match shared.file(&path).await {
        Answer::File(bytes) => respond(StatusCode::OK, &path, bytes),
        Answer::Broken(page) => html(StatusCode::INTERNAL_SERVER_ERROR, &page),
        Answer::Missing if is_folder(&shared, &path).await => {
            Redirect::permanent(&format!("{base_path}{path}/")).into_response()
        }
        Answer::Missing => not_found(&shared).await,
    }
}

/// Whether `path` names a folder with a page in it, asked for without its `/`.
async fn is_folder(shared: &Shared, path: &str) -> bool {
    let page = format!("{path}/index.html");
    !matches!(shared.file(&page).await, Answer::Missing)
}

fn is_page(path: &str) -> bool {
    path.ends_with(".html")
}

async fn not_found(shared: &Shared) -> Response {
    if let Some(error_page) = shared.error_page() {
        return html(StatusCode::NOT_FOUND, &error_page);
    }
    match shared.file("404.html").await {
        Answer::File(page) | Answer::Broken(page) => html(StatusCode::NOT_FOUND, &page),
        Answer::Missing => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

fn respond(status: StatusCode, path: &str, bytes: Bytes) -> Response {
    if is_page(path) {
        return html(status, &bytes);
    }
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let content_type = match mime.type_() {
        mime_guess::mime::TEXT => format!("{mime}; charset=utf-8"),
        _ if mime.subtype() == "json" || mime.subtype() == "xml" => {
            format!("{mime}; charset=utf-8")
        }
        _ => mime.to_string(),
    };
    with_type(status, &content_type, bytes)
}

/// An HTML page with the reload script added before `</body>` (or at the end).
fn html(status: StatusCode, page: &[u8]) -> Response {
    let text = String::from_utf8_lossy(page);
    let with_script = match text.rfind("</body>") {
        Some(at) => format!("{}{RELOAD_SCRIPT}{}", &text[..at], &text[at..]),
        None => format!("{text}{RELOAD_SCRIPT}"),
    };
    with_type(status, "text/html; charset=utf-8", Bytes::from(with_script))
}

fn with_type(status: StatusCode, content_type: &str, body: Bytes) -> Response {
    let mut response = (status, body).into_response();
    if let Ok(value) = HeaderValue::from_str(content_type) {
        response.headers_mut().insert(header::CONTENT_TYPE, value);
    }
    // Every rebuild changes what a URL holds: never let the browser reuse an old copy.
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_pages_files_and_folders() {
        let file = |p: &str| Target::File(p.to_string());
        assert_eq!(resolve("/", "/"), file("index.html"));
        assert_eq!(resolve("/", "/claims/x/"), file("claims/x/index.html"));
        assert_eq!(resolve("/", "/style.css"), file("style.css"));
        assert_eq!(resolve("/", "/claims/x"), file("claims/x"));
        assert_eq!(
            resolve("/ai/", "/ai/claims/x/"),
            file("claims/x/index.html")
        );
        assert_eq!(resolve("/ai/", "/ai"), Target::Folder("/ai/".into()));
        assert_eq!(resolve("/ai/", "/claims/x/"), Target::Missing);
    }

    #[test]
    fn refuses_every_way_out_of_the_site() {
        for path in [
            "/../site.toml",
            "/claims/../../etc/passwd",
            "/%2e%2e/site.toml",
            "/%2E%2E%2Fsite.toml",
            "/claims/%2e%2e/%2e%2e/x",
            "//etc/passwd",
            "/%2fetc/passwd",
            "/./index.html",
            "/claims//x",
            "/a%5c..%5cb",
            "/a%00b",
            "/%ff",
        ] {
            assert_eq!(resolve("/", path), Target::Missing, "{path}");
        }
    }
}
