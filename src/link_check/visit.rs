//! Visiting one link with the shared client, and the order to visit many
//! in: hosts interleaved, so that the workers spread over the hosts instead
//! of queueing at one while the client keeps it to `per_host` requests.

use std::collections::BTreeMap;

use super::health::Health;
use crate::net::{Client, NetError};

/// The verdict on `url`: `HEAD`, then `GET` when the server refuses `HEAD`,
/// following redirects and honouring `Retry-After` (all in the client).
pub(crate) fn visit(client: &Client, url: &str) -> Health {
    match client.status(url) {
        Ok(answer) => Health::of_status(answer.status),
        Err(error) => Health::Unreachable {
            reason: reason(&error),
        },
    }
}

/// Why a link could not be checked, in the client's words.
fn reason(error: &NetError) -> String {
    error.to_string()
}

/// `urls` taken one host at a time in turn: a1, b1, c1, a2, c2, a3…
pub(crate) fn interleaved_by_host<'u>(urls: &[&'u str]) -> Vec<&'u str> {
    let mut by_host: BTreeMap<String, Vec<&'u str>> = BTreeMap::new();
    for url in urls {
        by_host.entry(host_of(url)).or_default().push(url);
    }
    let mut queues: Vec<_> = by_host.into_values().map(Vec::into_iter).collect();
    let mut order = Vec::with_capacity(urls.len());
    while !queues.is_empty() {
        queues.retain_mut(|queue| queue.next().map(|url| order.push(url)).is_some());
    }
    order
}

/// The host (and port) of `url`, or the whole text when it has none.
fn host_of(url: &str) -> String {
    url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(|host| format!("{host}:{:?}", u.port())))
        .unwrap_or_else(|| url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_take_turns() {
        let urls = [
            "https://a.test/1",
            "https://a.test/2",
            "https://a.test/3",
            "https://b.test/1",
            "https://c.test/1",
            "https://c.test/2",
        ];
        let order = interleaved_by_host(&urls);
        assert_eq!(
            order,
            [
                "https://a.test/1",
                "https://b.test/1",
                "https://c.test/1",
                "https://a.test/2",
                "https://c.test/2",
                "https://a.test/3"
            ]
        );
    }
}
