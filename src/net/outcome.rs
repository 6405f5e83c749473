//! What one request comes back with: a [`Fetched`] response or a [`NetError`].

use std::fmt;
use std::time::Duration;

/// A response that arrived whole: any status (a 404 is an answer, not an error).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The HTTP status of the last response, after redirects.
    pub status: u16,
    /// The address that answered, after redirects.
    pub final_url: String,
    /// The media type from `Content-Type`, lowercased, without parameters (`text/html`).
    pub content_type: Option<String>,
    /// The `charset` parameter of `Content-Type`, as sent.
    pub charset: Option<String>,
    /// The body bytes (empty for `HEAD`), at most the configured maximum.
    pub body: Vec<u8>,
}

impl Fetched {
    /// True for a 2xx status.
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// Why a request got no usable answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NetError {
    /// The address is not an absolute http(s) URL.
    BadUrl(String),
    /// The request (body included) took longer than the timeout.
    Timeout(Duration),
    /// The body was longer than the maximum; reading stopped there.
    TooLarge(u64),
    /// A redirect led back to an address already visited.
    RedirectLoop(String),
    /// More redirects than the limit.
    TooManyRedirects(u32),
    /// A redirect without a usable `Location` (missing, or not http(s)).
    BadRedirect(String),
    /// Still 429 or 503 after the retries, or the server asked for a longer
    /// wait than allowed (`wait`).
    RateLimited {
        /// 429 or 503.
        status: u16,
        /// The wait the server asked for, when it was too long to honour.
        wait: Option<Duration>,
    },
    /// The host name did not resolve.
    HostNotFound(String),
    /// No connection could be made (refused, unreachable, reset).
    Connection(String),
    /// The TLS handshake or certificate check failed.
    Tls(String),
    /// Anything else the transport reported.
    Other(String),
}

impl NetError {
    /// True when trying again later may well succeed: the network or the
    /// server was unavailable, rather than the address being wrong.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            NetError::Timeout(_)
                | NetError::RateLimited { .. }
                | NetError::HostNotFound(_)
                | NetError::Connection(_)
                | NetError::Other(_)
        )
    }
}

impl fmt::Display for NetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NetError::BadUrl(url) => write!(f, "not an http(s) address: {url}"),
            NetError::Timeout(limit) => write!(f, "timed out after {} s", limit.as_secs()),
            NetError::TooLarge(limit) => write!(f, "the body is over {limit} bytes"),
            NetError::RedirectLoop(url) => write!(f, "redirect loop at {url}"),
            NetError::TooManyRedirects(limit) => write!(f, "more than {limit} redirects"),
            NetError::BadRedirect(why) => write!(f, "unusable redirect: {why}"),
            NetError::RateLimited { status, wait: None } => {
                write!(f, "rate limited: still {status} after the retries")
            }
            NetError::RateLimited {
                status,
                wait: Some(wait),
            } => write!(
                f,
                "rate limited: {status}, asked to wait {} s, longer than max_wait_seconds",
                wait.as_secs()
            ),
            NetError::HostNotFound(host) => write!(f, "host not found: {host}"),
            NetError::Connection(why) => write!(f, "could not connect: {why}"),
            NetError::Tls(why) => write!(f, "TLS failed: {why}"),
            NetError::Other(why) => write!(f, "{why}"),
        }
    }
}

impl std::error::Error for NetError {}
