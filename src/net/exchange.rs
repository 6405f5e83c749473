//! One HTTP exchange through ureq: send, read the body within the limit, and
//! turn ureq's errors into [`NetError`]s. Redirects and retries are the
//! caller's ([`super::Client`]).

use std::io::ErrorKind;
use std::time::{Duration, SystemTime};

use ureq::Agent;
use ureq::http::{Response, header};

use super::outcome::{Fetched, NetError};
use super::retry::parse_retry_after;

/// What to send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Method<'a> {
    /// `GET`, keeping the body when `keep_body`.
    Get {
        /// Read and keep the body (false when only the status matters).
        keep_body: bool,
    },
    /// `HEAD`.
    Head,
    /// `POST` of a URL-encoded form, with extra headers.
    PostForm {
        /// The form's fields.
        form: &'a [(&'a str, &'a str)],
        /// Headers such as `Authorization`.
        headers: &'a [(&'a str, &'a str)],
    },
}

/// One response, before redirects and retries are considered.
pub(crate) struct Answer {
    pub(crate) fetched: Fetched,
    /// The `Location` header of a redirect.
    pub(crate) location: Option<String>,
    /// The wait `Retry-After` asks for.
    pub(crate) retry_after: Option<Duration>,
}

/// The limits one exchange keeps to.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    pub(crate) timeout: Duration,
    pub(crate) max_bytes: u64,
}

/// Sends `method` to `url` and reads the answer.
pub(crate) fn exchange(
    agent: &Agent,
    method: Method,
    url: &str,
    limits: Limits,
) -> Result<Answer, NetError> {
    let sent = match method {
        Method::Get { .. } => agent.get(url).call(),
        Method::Head => agent.head(url).call(),
        Method::PostForm { form, headers } => {
            let mut request = agent.post(url);
            for (name, value) in headers {
                request = request.header(*name, *value);
            }
            request.send_form(form.iter().copied())
        }
    };
    let response = sent.map_err(|error| net_error(error, url, limits))?;
    read_answer(response, method, url, limits)
}

fn read_answer(
    response: Response<ureq::Body>,
    method: Method,
    url: &str,
    limits: Limits,
) -> Result<Answer, NetError> {
    let status = response.status().as_u16();
    let header_text = |name: header::HeaderName| {
        response
            .headers()
            .get(name)
            .and_then(|value| value.to_str().ok())
            .map(str::to_string)
    };
    let location = header_text(header::LOCATION);
    let retry_after = header_text(header::RETRY_AFTER)
        .and_then(|value| parse_retry_after(&value, SystemTime::now()));
    let mut body = response.into_body();
    let content_type = body.mime_type().map(str::to_ascii_lowercase);
    let charset = body.charset().map(str::to_string);
    let is_redirect = (300..400).contains(&status) && location.is_some();
    let keep_body = match method {
        Method::Get { keep_body } => keep_body,
        Method::Head => false,
        Method::PostForm { .. } => true,
    };
    let bytes = if keep_body && !is_redirect {
        if body
            .content_length()
            .is_some_and(|length| length > limits.max_bytes)
        {
            return Err(NetError::TooLarge(limits.max_bytes));
        }
        body.with_config()
            .limit(limits.max_bytes)
            .read_to_vec()
            .map_err(|error| net_error(error, url, limits))?
    } else {
        Vec::new()
    };
    Ok(Answer {
        fetched: Fetched {
            status,
            final_url: url.to_string(),
            content_type,
            charset,
            body: bytes,
        },
        location,
        retry_after,
    })
}

/// ureq's error as a [`NetError`].
fn net_error(error: ureq::Error, url: &str, limits: Limits) -> NetError {
    match error {
        ureq::Error::Timeout(_) => NetError::Timeout(limits.timeout),
        ureq::Error::BodyExceedsLimit(_) => NetError::TooLarge(limits.max_bytes),
        ureq::Error::HostNotFound => NetError::HostNotFound(host_of(url)),
        ureq::Error::ConnectionFailed => NetError::Connection("the connection failed".into()),
        ureq::Error::BadUri(why) => NetError::BadUrl(why),
        ureq::Error::Tls(why) => NetError::Tls(why.to_string()),
        ureq::Error::Rustls(why) => NetError::Tls(why.to_string()),
        ureq::Error::Io(io) => io_error(&io, limits),
        other => NetError::Other(other.to_string()),
    }
}

fn io_error(io: &std::io::Error, limits: Limits) -> NetError {
    match io.kind() {
        ErrorKind::TimedOut | ErrorKind::WouldBlock => NetError::Timeout(limits.timeout),
        ErrorKind::ConnectionRefused
        | ErrorKind::ConnectionReset
        | ErrorKind::ConnectionAborted
        | ErrorKind::NotConnected
        | ErrorKind::BrokenPipe
        | ErrorKind::UnexpectedEof
        | ErrorKind::HostUnreachable
        | ErrorKind::NetworkUnreachable => NetError::Connection(io.to_string()),
        _ => NetError::Other(io.to_string()),
    }
}

fn host_of(url: &str) -> String {
    url::Url::parse(url)
        .ok()
        .and_then(|url| url.host_str().map(str::to_string))
        .unwrap_or_else(|| url.to_string())
}
