//! The site thread: keeps the model of the latest save and renders each page
//! when a browser first asks for it.
//!
//! A [`Renderer`] borrows the model it renders, so it lives on this thread,
//! inside [`render::with_renderer`]. The thread answers [`Message::Fetch`]
//! requests until a [`Message::Changed`] arrives, then leaves the renderer,
//! rebuilds the model from the changed files, and starts again. Rendered files
//! are kept in [`Shared`] until the next change, so each is rendered once.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, mpsc};
use std::time::Instant;

use bytes::Bytes;
use tokio::sync::oneshot;

use super::error_page;
use super::state::{Answer, Shared};
use super::watch::Watcher;
use crate::diagnostic::{Diagnostics, Format};
use crate::render::{self, Renderer};
use crate::session::{Model, Session};

/// What the site thread is asked to do.
pub enum Message {
    /// These files changed: rebuild the model.
    Changed(Vec<PathBuf>),
    /// Send back what this output path holds.
    Fetch(String, oneshot::Sender<Answer>),
}

/// A page request waiting for its answer.
type Fetch = (String, oneshot::Sender<Answer>);

/// The site thread's state.
pub struct SiteThread {
    session: Session,
    shared: Arc<Shared>,
    messages: mpsc::Receiver<Message>,
    watcher: Watcher,
    /// Requests that arrived while changes were being collected.
    pending: VecDeque<Fetch>,
    /// Told once the first version of the site is served.
    ready: Option<oneshot::Sender<()>>,
}

impl SiteThread {
    /// A site thread for `session`, answering `messages`; `ready` hears when the site is up.
    pub fn new(
        session: Session,
        shared: Arc<Shared>,
        messages: mpsc::Receiver<Message>,
        watcher: Watcher,
        ready: oneshot::Sender<()>,
    ) -> SiteThread {
        SiteThread {
            session,
            shared,
            messages,
            watcher,
            pending: VecDeque::new(),
            ready: Some(ready),
        }
    }

    /// Builds, serves and rebuilds the site until every sender is gone;
    /// `started` is when serving was asked for.
    pub fn run(mut self, started: Instant) {
        // The last model without errors: a broken save keeps serving its
        // non-page files (style sheet, feeds) under the error page.
        let mut good: Option<Model> = None;
        let mut started = started;
        loop {
            let error_page = match self.session.model() {
                Ok(model) => {
                    if model.diagnostics.warning_count() > 0 {
                        eprint!("{}", model.diagnostics.render(Format::Human));
                    }
                    good = Some(model);
                    None
                }
                Err(diagnostics) => Some(report_errors(&diagnostics)),
            };
            let changed = match &good {
                Some(model) => {
                    render::with_renderer(&model.site, model.tera.clone(), |renderer| {
                        let broken = error_page.is_some();
                        let statics = Arc::clone(&model.statics);
                        let version = self.publish(statics, error_page);
                        if !broken {
                            announce(model, renderer, started);
                        }
                        self.serve(Some(renderer), version)
                    })
                }
                None => {
                    let version = self.publish(Arc::default(), error_page);
                    self.serve(None, version)
                }
            };
            let Some(changed) = changed else {
                return;
            };
            started = Instant::now();
            if let Err(error) = self.session.update(&changed) {
                eprintln!("error: {error}");
            }
        }
    }

    fn publish(&mut self, statics: Arc<crate::session::Statics>, error: Option<String>) -> u64 {
        let version = self.shared.publish(statics, error);
        if let Some(ready) = self.ready.take() {
            let _ = ready.send(());
        }
        version
    }

    /// Answers requests with `renderer` until files change (returning them) or
    /// every sender is gone (`None`).
    fn serve(&mut self, renderer: Option<&Renderer>, version: u64) -> Option<Vec<PathBuf>> {
        while let Some((path, reply)) = self.pending.pop_front() {
            self.answer(renderer, version, &path, reply);
        }
        loop {
            match self.messages.recv().ok()? {
                Message::Fetch(path, reply) => self.answer(renderer, version, &path, reply),
                Message::Changed(paths) => return Some(self.collect(paths)),
            }
        }
    }

    /// `first` and every change already queued behind it: one rebuild covers them all.
    fn collect(&mut self, first: Vec<PathBuf>) -> Vec<PathBuf> {
        let mut changed = first;
        for message in self.messages.try_iter() {
            match message {
                Message::Changed(paths) => changed.extend(paths),
                Message::Fetch(path, reply) => self.pending.push_back((path, reply)),
            }
        }
        self.watcher.notice(&changed);
        changed
    }

    fn answer(
        &self,
        renderer: Option<&Renderer>,
        version: u64,
        path: &str,
        reply: oneshot::Sender<Answer>,
    ) {
        let answer = renderer.map_or(Answer::Missing, |renderer| render_one(renderer, path));
        self.shared.remember(version, path, &answer);
        // The browser may have gone away meanwhile.
        let _ = reply.send(answer);
    }
}

/// Renders the file at `path`; a template problem becomes an error page (and goes to the terminal).
fn render_one(renderer: &Renderer, path: &str) -> Answer {
    match renderer.render_path(path) {
        None => Answer::Missing,
        Some(Ok(file)) => Answer::File(Bytes::from(file.bytes)),
        Some(Err(problem)) => {
            let mut diagnostics = Diagnostics::new();
            diagnostics.push(problem);
            Answer::Broken(Bytes::from(report_errors(&diagnostics)))
        }
    }
}

/// Prints `diagnostics` and returns the error page that shows them.
fn report_errors(diagnostics: &Diagnostics) -> String {
    eprint!("{}", diagnostics.render(Format::Human));
    eprintln!("error: the site has errors; the browser shows them until the next good save");
    error_page::render(diagnostics)
}

fn announce(model: &Model, renderer: &Renderer, started: Instant) {
    println!(
        "built {} claims, {} files in {} ms (pages render when first requested)",
        model.site.claims.len(),
        renderer.len() + model.statics.len(),
        started.elapsed().as_millis()
    );
}
