//! The network layer of `claimtrail archive` and `check --links`: a blocking
//! HTTP client (ureq, with rustls) that keeps to a timeout, a body size, a
//! redirect limit and per-host politeness, retrying 429 and 503 as the server
//! asks. `build`, `check` and `serve` never reach this module.
//!
//! Concurrency is by threads: [`for_each_parallel`] runs a job per item on a
//! fixed number of workers, and [`Client`] holds each worker back while its
//! host already has `per_host` requests in flight or has asked for a pause.

use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use crate::config::ArchiveSettings;

mod exchange;
mod hosts;
mod outcome;
mod pool;
mod retry;

use exchange::{Answer, Limits, Method, exchange};
use hosts::Hosts;
pub use outcome::{Fetched, NetError};
pub use pool::for_each_parallel;
pub use retry::Backoff;
use retry::{Next, is_retryable};

/// The most redirects followed from one address.
pub const DEFAULT_MAX_REDIRECTS: u32 = 10;

/// The first wait before retrying a 429 or 503 that names no time.
const BACKOFF_BASE: Duration = Duration::from_secs(1);

/// How every request of a [`Client`] behaves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetSettings {
    /// The `User-Agent` header.
    pub user_agent: String,
    /// The longest one request may take, body included.
    pub timeout: Duration,
    /// The most body bytes read; a longer body is [`NetError::TooLarge`].
    pub max_bytes: u64,
    /// The most redirects followed.
    pub max_redirects: u32,
    /// The most requests in flight to one host (host and port).
    pub per_host: usize,
    /// When to retry a 429 or 503.
    pub backoff: Backoff,
}

impl NetSettings {
    /// The settings `[archive]` gives.
    pub fn from_config(archive: &ArchiveSettings) -> NetSettings {
        NetSettings {
            user_agent: archive.user_agent.clone(),
            timeout: archive.timeout,
            max_bytes: archive.max_bytes,
            max_redirects: DEFAULT_MAX_REDIRECTS,
            per_host: archive.per_host,
            backoff: Backoff {
                retries: archive.retries,
                base: BACKOFF_BASE,
                max_wait: archive.max_wait,
            },
        }
    }
}

/// An HTTP client shared by every worker of a run.
pub struct Client {
    agent: ureq::Agent,
    settings: NetSettings,
    hosts: Hosts,
    requests: AtomicU64,
}

impl Client {
    /// A client keeping to `settings`.
    pub fn new(settings: NetSettings) -> Client {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_global(Some(settings.timeout))
            .user_agent(settings.user_agent.as_str())
            .build()
            .into();
        Client {
            agent,
            hosts: Hosts::new(settings.per_host),
            settings,
            requests: AtomicU64::new(0),
        }
    }

    /// `GET` with the body.
    pub fn get(&self, url: &str) -> Result<Fetched, NetError> {
        self.send(Method::Get { keep_body: true }, url)
    }

    /// `HEAD`.
    pub fn head(&self, url: &str) -> Result<Fetched, NetError> {
        self.send(Method::Head, url)
    }

    /// The status of `url`: `HEAD`, then `GET` (body unread) when the server
    /// refuses `HEAD` (400, 403, 405, 501) or drops the connection.
    pub fn status(&self, url: &str) -> Result<Fetched, NetError> {
        match self.head(url) {
            Ok(answer) if ![400, 403, 405, 501].contains(&answer.status) => Ok(answer),
            Err(error) if !matches!(error, NetError::Connection(_) | NetError::Other(_)) => {
                Err(error)
            }
            _ => self.send(Method::Get { keep_body: false }, url),
        }
    }

    /// `POST` of a URL-encoded form with extra `headers`.
    pub fn post_form(
        &self,
        url: &str,
        form: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Result<Fetched, NetError> {
        self.send(Method::PostForm { form, headers }, url)
    }

    /// How many HTTP requests this client has sent (retries and redirects included).
    pub fn requests_sent(&self) -> u64 {
        self.requests.load(Ordering::Relaxed)
    }

    /// Sends `method` to `url`, following redirects within the limit.
    fn send(&self, mut method: Method, url: &str) -> Result<Fetched, NetError> {
        let mut current = web_url(url)?;
        let mut visited = HashSet::from([current.to_string()]);
        for _ in 0..=self.settings.max_redirects {
            let answer = self.with_retries(method, &current)?;
            let Some(location) = redirect_location(&answer) else {
                return Ok(answer.fetched);
            };
            let next = current
                .join(location)
                .map_err(|error| NetError::BadRedirect(format!("{location}: {error}")))?;
            if !matches!(next.scheme(), "http" | "https") {
                return Err(NetError::BadRedirect(format!("to {next}")));
            }
            if !visited.insert(next.to_string()) {
                return Err(NetError::RedirectLoop(next.to_string()));
            }
            if answer.fetched.status == 303 && matches!(method, Method::PostForm { .. }) {
                method = Method::Get { keep_body: true };
            }
            current = next;
        }
        Err(NetError::TooManyRedirects(self.settings.max_redirects))
    }

    /// One request to `url`, retried on 429 and 503 as [`Backoff`] allows,
    /// in turn with the other requests to its host.
    fn with_retries(&self, method: Method, url: &url::Url) -> Result<Answer, NetError> {
        let host = host_key(url);
        let limits = Limits {
            timeout: self.settings.timeout,
            max_bytes: self.settings.max_bytes,
        };
        let backoff = self.settings.backoff;
        let mut attempt = 0;
        loop {
            let turn = self
                .hosts
                .turn(&host, backoff.max_wait)
                .map_err(|(wait, status)| NetError::RateLimited {
                    status,
                    wait: Some(wait),
                })?;
            self.requests.fetch_add(1, Ordering::Relaxed);
            let answer = exchange(&self.agent, method, url.as_str(), limits);
            drop(turn);
            let answer = answer?;
            let status = answer.fetched.status;
            if !is_retryable(status) {
                return Ok(answer);
            }
            match backoff.next(attempt, answer.retry_after) {
                Next::Wait(wait) => self.hosts.pause(&host, wait, status),
                Next::GiveUp(wait) => {
                    if let Some(wait) = wait {
                        self.hosts.pause(&host, wait, status);
                    }
                    return Err(NetError::RateLimited { status, wait });
                }
            }
            attempt += 1;
        }
    }
}

/// `url` parsed, when it is an absolute http(s) address.
fn web_url(url: &str) -> Result<url::Url, NetError> {
    match url::Url::parse(url) {
        Ok(parsed) if matches!(parsed.scheme(), "http" | "https") && parsed.has_host() => {
            Ok(parsed)
        }
        _ => Err(NetError::BadUrl(url.to_string())),
    }
}

/// The `Location` of a redirect answer.
fn redirect_location(answer: &Answer) -> Option<&str> {
    let redirect = matches!(answer.fetched.status, 301 | 302 | 303 | 307 | 308);
    answer.location.as_deref().filter(|_| redirect)
}

/// Host and port: the unit of politeness.
fn host_key(url: &url::Url) -> String {
    let host = url.host_str().unwrap_or_default();
    match url.port_or_known_default() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_string(),
    }
}
