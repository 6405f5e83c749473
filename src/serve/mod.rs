//! `claimtrail serve`: the site over HTTP from memory, rebuilt and reloaded on every save.
//!
//! Nothing here writes to disk. After each save the builder ([`site`])
//! rebuilds the model only; each page is rendered when a browser first asks
//! for it and kept in memory until the next save.

mod browser;
mod error_page;
pub(crate) mod http;
mod indexer;
mod site;
mod state;
mod watch;

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use crate::diagnostic::HumanStyle;
use crate::error::Error;
use crate::session::Session;
use crate::{config, links};
use site::Builder;
use state::Shared;
use watch::Watcher;

/// Settings for [`serve`].
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site folder (holding `site.toml`).
    pub root: PathBuf,
    /// The address to listen on (loopback by default).
    pub interface: IpAddr,
    /// The port; 0 lets the system choose a free one.
    pub port: u16,
    /// Open the site in the default browser once it is up.
    pub open: bool,
    /// Include claims marked `draft = true`.
    pub drafts: bool,
    /// Publish under this URL, mounting the site under its path; default `http://<interface>:<port>/`.
    pub base_url: Option<String>,
    /// Build the search index in the background after changes (off: the
    /// search page says the index was not built).
    pub search: bool,
    /// How problems are shown in the terminal and on the error page.
    pub report: HumanStyle,
}

/// Builds the site in memory, serves it, and rebuilds on every change until Ctrl-C.
pub fn serve(options: &ServeOptions) -> Result<(), Error> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Usage(format!("cannot start the server: {e}")))?;
    runtime.block_on(run(options))
}

async fn run(options: &ServeOptions) -> Result<(), Error> {
    let address = SocketAddr::new(options.interface, options.port);
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .map_err(|e| Error::Usage(format!("cannot listen on {address}: {e}")))?;
    let address = listener
        .local_addr()
        .map_err(|e| Error::Usage(format!("cannot listen on {address}: {e}")))?;
    let base_url = match &options.base_url {
        Some(url) => {
            links::check_web_url(url)
                .map_err(|problem| Error::Usage(format!("--base-url {}", problem.message)))?;
            url.clone()
        }
        None => format!("http://{address}/"),
    };
    let base_path = config::base_path_of(&base_url);
    let started = Instant::now();
    let session = Session::open(&options.root, options.drafts, &base_url)?;
    let shared = Arc::new(Shared::new(base_path.clone()));
    let (changes, changed) = std::sync::mpsc::channel();
    let watcher = Watcher::start(session.root(), changes)?;
    let indexer = if options.search {
        let indexer = indexer::Indexer::start(Arc::clone(&shared))
            .map_err(|e| Error::Usage(format!("cannot start the search indexer: {e}")))?;
        Some(indexer)
    } else {
        None
    };
    let builder = Builder::new(session, Arc::clone(&shared), changed, watcher, indexer)
        .reporting(options.report);
    let (ready, is_ready) = tokio::sync::oneshot::channel();
    std::thread::Builder::new()
        .name("claimtrail-build".into())
        .spawn(move || builder.run(started, ready))
        .map_err(|e| Error::Usage(format!("cannot start the site builder: {e}")))?;
    if is_ready.await.is_err() {
        return Err(Error::Usage("the site builder stopped".into()));
    }
    let local = format!("http://{address}{base_path}");
    println!(
        "serving {} at {local} (Ctrl-C to stop)",
        options.root.display()
    );
    if options.open
        && let Err(error) = browser::open(&local)
    {
        eprintln!("warning: cannot open a browser: {error}");
    }
    let app = http::router(Arc::clone(&shared));
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown(shared))
        .await
        .map_err(|e| Error::Usage(format!("the server stopped: {e}")))?;
    println!("stopped");
    Ok(())
}

async fn shutdown(shared: Arc<Shared>) {
    if tokio::signal::ctrl_c().await.is_err() {
        // Without a signal handler, run until killed.
        std::future::pending::<()>().await;
    }
    shared.stop();
}
