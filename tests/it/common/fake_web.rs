//! `FakeWeb`: an axum server on a free loopback port standing in for an
//! archive or an origin site, logging every request it receives, stopped
//! when dropped.

use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::Router;
use axum::extract::Request;
use axum::middleware::{self, Next};
use tokio::sync::oneshot;

/// One request the server received.
#[derive(Debug, Clone)]
pub struct Hit {
    pub method: String,
    /// Path and query, e.g. `/cdx?url=…`.
    pub target: String,
    pub at: Instant,
}

/// A running fake server.
pub struct FakeWeb {
    /// `http://127.0.0.1:<port>`.
    pub origin: String,
    hits: Arc<Mutex<Vec<Hit>>>,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl FakeWeb {
    /// Serves `router` until dropped.
    pub fn start(router: Router) -> FakeWeb {
        let hits = Arc::new(Mutex::new(Vec::new()));
        let log = hits.clone();
        let router = router.layer(middleware::from_fn(move |request: Request, next: Next| {
            let log = log.clone();
            async move {
                log.lock().unwrap().push(Hit {
                    method: request.method().to_string(),
                    target: request.uri().to_string(),
                    at: Instant::now(),
                });
                next.run(request).await
            }
        }));
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let origin = format!("http://{}", listener.local_addr().unwrap());
        let (stop, stopped) = oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                tokio::select! {
                    _ = axum::serve(listener, router) => {}
                    _ = stopped => {}
                }
            });
            // Requests still sleeping in a handler are dropped, not awaited.
            runtime.shutdown_background();
        });
        FakeWeb {
            origin,
            hits,
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    /// The full address of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.origin)
    }

    /// Every request received so far, in order.
    pub fn hits(&self) -> Vec<Hit> {
        self.hits.lock().unwrap().clone()
    }

    /// How many requests were received so far.
    pub fn count(&self) -> usize {
        self.hits.lock().unwrap().len()
    }
}

impl Drop for FakeWeb {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
