//! `claimtrail serve`: the site over HTTP from memory, rebuilt and reloaded on every save.
//!
//! Nothing here writes to disk: the rendered site lives in a map that the HTTP
//! handlers read and the watcher thread replaces after each rebuild.

mod error_page;
pub mod http;
mod state;
mod watch;

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use crate::diagnostic::{Diagnostics, Format};
use crate::session::{Rendered, Session};
use crate::{Error, config, links};
use state::Shared;

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
    publish(&shared, session.build(), started);
    watch::start(session, Arc::clone(&shared))?;
    let local = format!("http://{address}{base_path}");
    println!(
        "serving {} at {local} (Ctrl-C to stop)",
        options.root.display()
    );
    if options.open
        && let Err(error) = open::that_detached(&local)
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

/// Serves a rebuild's result: the new site, or the error page; says so in the terminal.
fn publish(shared: &Shared, result: Result<Rendered, Diagnostics>, started: Instant) {
    match result {
        Ok(rendered) => {
            if rendered.diagnostics.warning_count() > 0 {
                eprint!("{}", rendered.diagnostics.render(Format::Human));
            }
            let files = rendered.files.len();
            shared.publish(rendered.files);
            println!(
                "built {} claims, {files} files in {} ms",
                rendered.claims,
                started.elapsed().as_millis()
            );
        }
        Err(diagnostics) => {
            eprint!("{}", diagnostics.render(Format::Human));
            eprintln!(
                "error: the site has errors; the browser shows them until the next good save"
            );
            shared.show_error(error_page::render(&diagnostics));
        }
    }
}
