//! Visiting many links at once: `concurrency` workers take the links in
//! turn, hosts interleaved so that one busy host does not hold up the rest
//! (the client keeps each host to its `per_host` limit).

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// `visit` applied to every one of `urls` by `concurrency` threads; the
/// results come back in the order of `urls`.
pub(crate) fn visit_all<T: Send>(
    urls: &[&str],
    concurrency: usize,
    visit: impl Fn(&str) -> T + Sync,
) -> Vec<T> {
    let order = interleaved_by_host(urls);
    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<(usize, T)>> = Mutex::new(Vec::with_capacity(urls.len()));
    let workers = concurrency.clamp(1, urls.len().max(1));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                while let Some(&index) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let result = visit(urls[index]);
                    let mut done = done.lock().unwrap_or_else(|e| e.into_inner());
                    done.push((index, result));
                }
            });
        }
    });
    let mut done = done.into_inner().unwrap_or_else(|e| e.into_inner());
    done.sort_by_key(|(index, _)| *index);
    done.into_iter().map(|(_, result)| result).collect()
}

/// The indices of `urls` taken one host at a time in turn: a, b, c, a, b, a…
fn interleaved_by_host(urls: &[&str]) -> Vec<usize> {
    let mut by_host: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (index, url) in urls.iter().enumerate() {
        by_host.entry(host_of(url)).or_default().push(index);
    }
    let mut queues: Vec<std::vec::IntoIter<usize>> =
        by_host.into_values().map(Vec::into_iter).collect();
    let mut order = Vec::with_capacity(urls.len());
    while !queues.is_empty() {
        queues.retain_mut(|queue| match queue.next() {
            Some(index) => {
                order.push(index);
                true
            }
            None => false,
        });
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
        let order: Vec<&str> = interleaved_by_host(&urls)
            .into_iter()
            .map(|i| urls[i])
            .collect();
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

    #[test]
    fn every_url_is_visited_once_and_results_keep_their_order() {
        let urls: Vec<String> = (0..50)
            .map(|i| format!("https://h{}.test/{i}", i % 3))
            .collect();
        let urls: Vec<&str> = urls.iter().map(String::as_str).collect();
        let visits = AtomicUsize::new(0);
        let results = visit_all(&urls, 4, |url| {
            visits.fetch_add(1, Ordering::Relaxed);
            url.len()
        });
        assert_eq!(visits.into_inner(), 50);
        assert_eq!(results, urls.iter().map(|u| u.len()).collect::<Vec<_>>());
        assert!(visit_all(&[], 8, |url| url.len()).is_empty());
    }
}
