//! The site threads: one builds models, one per version of the site renders it.
//!
//! After each save the [`Builder`] re-reads the changed files and checks the
//! site into a [`Model`]; nothing is rendered. Each good model gets a thread
//! of its own, which builds a [`Renderer`] over it (the renderer borrows the
//! model, so it lives inside [`render::with_renderer`] on that thread),
//! publishes it, and renders each page when a browser first asks for it. When
//! the next version is published its channel closes, the old thread ends and
//! frees its model there, off the path of the new version. Until then the old
//! version keeps answering, and a broken save keeps it for everything but pages.

use std::path::PathBuf;
use std::sync::{Arc, mpsc};
use std::time::Instant;

use bytes::Bytes;
use tokio::sync::oneshot;

use super::error_page;
use super::indexer::Indexer;
use super::state::{Answer, Shared};
use super::watch::Watcher;
use crate::diagnostic::{Diagnostics, Format, HumanStyle, plural};
use crate::render::{self, Renderer};
use crate::session::{Model, Session};

/// Rebuilds the model after each batch of changes and starts a thread to serve it.
pub(super) struct Builder {
    session: Session,
    indexer: Option<Indexer>,
    shared: Arc<Shared>,
    changes: mpsc::Receiver<Vec<PathBuf>>,
    watcher: Watcher,
    style: HumanStyle,
}

impl Builder {
    /// A builder for `session`, told about changes by `changes` (which `watcher` feeds).
    /// With an `indexer`, every version also gets its search index in the background.
    pub(super) fn new(
        session: Session,
        shared: Arc<Shared>,
        changes: mpsc::Receiver<Vec<PathBuf>>,
        watcher: Watcher,
        indexer: Option<Indexer>,
    ) -> Builder {
        Builder {
            session,
            indexer,
            shared,
            changes,
            watcher,
            style: HumanStyle::default(),
        }
    }

    /// Shows problems in `style` (in the terminal; the error page takes which warnings to show).
    pub(super) fn reporting(mut self, style: HumanStyle) -> Builder {
        self.style = style;
        self
    }

    /// Builds and serves the site, then rebuilds it after every change until
    /// the watcher stops. `started` is when serving was asked for; `ready`
    /// hears once the first version (or its error page) is served.
    pub(super) fn run(mut self, started: Instant, ready: oneshot::Sender<()>) {
        self.rebuild(started);
        let _ = ready.send(());
        while let Ok(first) = self.changes.recv() {
            let started = Instant::now();
            // Saves that arrived during the last rebuild are handled by one rebuild.
            let mut changed = first;
            changed.extend(self.changes.try_iter().flatten());
            self.watcher.notice(&changed);
            if let Err(error) = self.session.update(&changed) {
                eprintln!("error: {error}");
            }
            self.rebuild(started);
        }
    }

    /// Checks the site and serves the result: a new version, or the error page.
    fn rebuild(&self, started: Instant) {
        match self.session.model() {
            Ok(model) => {
                if model.diagnostics.warning_count() > 0 {
                    eprint!(
                        "{}",
                        model.diagnostics.render_with(Format::Human, self.style)
                    );
                }
                self.serve(model, started);
            }
            Err(diagnostics) => self
                .shared
                .show_error(report_errors(&diagnostics, self.style)),
        }
    }

    /// Starts a thread serving `model` and waits until it is published, so
    /// versions are published in the order they were built.
    fn serve(&self, model: Model, started: Instant) {
        let shared = Arc::clone(&self.shared);
        let indexer = self.indexer.clone();
        let style = self.style;
        let (published, is_published) = mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("claimtrail-site".into())
            .spawn(move || serve_version(model, &shared, indexer, started, style, &published));
        match spawned {
            // An error ends the thread before it publishes: nothing to wait for then.
            Ok(_) => drop(is_published.recv()),
            Err(error) => eprintln!("error: cannot start a thread to serve the site: {error}"),
        }
    }
}

/// Builds the renderer over `model`, publishes it, and answers requests until
/// a newer version replaces it; a page that fails to render shows its problem in `style`.
fn serve_version(
    model: Model,
    shared: &Shared,
    indexer: Option<Indexer>,
    started: Instant,
    style: HumanStyle,
    published: &mpsc::Sender<()>,
) {
    let Model {
        site,
        theme,
        statics,
        static_entries,
        diagnostics: _,
    } = model;
    let site = Arc::new(site);
    let merged_bundles = crate::search::merged_bundles(&site);
    render::with_renderer(&site, theme, &merged_bundles, |renderer| {
        // As `check` refuses it: a static file in a generated file's place.
        let collisions = crate::pipeline::static_collisions(renderer, &static_entries);
        if !collisions.is_empty() {
            let mut diagnostics = Diagnostics::new();
            diagnostics.extend(collisions);
            shared.show_error(report_errors(&diagnostics, style));
            return;
        }
        let (requests, fetches) = mpsc::channel();
        let files = renderer.len() + statics.len();
        let version = shared.publish(statics, requests);
        let claims = site.claims.len();
        println!(
            "built {claims} {}, {files} {} in {} ms (pages render when first requested)",
            plural(claims, "claim", "claims"),
            plural(files, "file", "files"),
            started.elapsed().as_millis()
        );
        let _ = published.send(());
        if let Some(indexer) = &indexer {
            indexer.request(version, Arc::clone(&site));
        }
        for (path, reply) in fetches {
            let answer = render_one(renderer, &path, style);
            shared.remember(version, &path, &answer);
            // The browser may have gone away meanwhile.
            let _ = reply.send(answer);
        }
    });
}

/// Renders the file at `path`; a template problem becomes an error page (and goes to the terminal).
fn render_one(renderer: &Renderer, path: &str, style: HumanStyle) -> Answer {
    match renderer.render_path(path) {
        None => Answer::Missing,
        Some(Ok(file)) => Answer::File(Bytes::from(file.bytes)),
        Some(Err(problem)) => {
            let mut diagnostics = Diagnostics::new();
            diagnostics.push(problem);
            Answer::Broken(Bytes::from(report_errors(&diagnostics, style)))
        }
    }
}

/// Prints `diagnostics` in `style` and returns the error page that shows them.
fn report_errors(diagnostics: &Diagnostics, style: HumanStyle) -> String {
    eprint!("{}", diagnostics.render_with(Format::Human, style));
    eprintln!("error: the site has errors; the browser shows them until the next good save");
    error_page::render(diagnostics, style.warnings)
}
