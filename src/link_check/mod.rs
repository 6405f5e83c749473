//! `claimtrail check --links`: the offline check, then a visit to every
//! cited URL (HEAD, then GET where HEAD is refused), each dead one reported
//! at every place it is written.
//!
//! Verdicts are kept in `[links] cache` for `ttl_hours`, so a CI run on
//! every pull request asks each server at most once a day. Plain `check`
//! and `build` never come here: they make no request.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::diagnostic::{Diagnostics, plural};
use crate::error::Error;
use crate::net::{Client, NetSettings, for_each_parallel};
use crate::pipeline::{self, Checked};

mod cache;
mod cited;
mod health;
mod saved;
mod visit;

use cited::CitedUrls;
use health::Health;
use saved::SavedVerdicts;

/// How `check --links` runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkOptions {
    /// The most links visited at once (each host still gets at most
    /// `[archive] per_host` requests in flight).
    pub concurrency: usize,
    /// Report dead links as errors rather than warnings (`--deny-dead-links`).
    pub deny_dead: bool,
}

/// What `check --links` found.
#[derive(Debug)]
pub struct LinksChecked {
    /// The offline check's problems, then one per place a dead or
    /// unreachable link is written.
    pub diagnostics: Diagnostics,
    /// The counts, or `None` when the site had errors and no link was visited.
    pub summary: Option<LinkSummary>,
}

/// The counts of one run, over distinct URLs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkSummary {
    /// Every cited URL.
    pub links: usize,
    /// Those answering 404 or 410.
    pub dead: usize,
    /// Those that could not be checked.
    pub unreachable: usize,
    /// Those whose verdict came from the cache, without a request.
    pub from_cache: usize,
    /// The HTTP requests sent (retries and redirects included).
    pub requests: u64,
    /// The wall time of the whole run, the offline check included.
    pub elapsed: Duration,
}

impl fmt::Display for LinkSummary {
    /// "200 links checked, 3 dead, 1 unreachable, 150 from cache (52 requests in 1.4 s)".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} checked, {} dead, {} unreachable, {} from cache ({} {} in {:.1} s)",
            self.links,
            plural(self.links, "link", "links"),
            self.dead,
            self.unreachable,
            self.from_cache,
            self.requests,
            plural(self.requests as usize, "request", "requests"),
            self.elapsed.as_secs_f64()
        )
    }
}

/// Checks the site at `root` like `check` and, when it has no errors,
/// judges each URL it cites: from the cache when fresh, else by visiting
/// it. Dead and unreachable links are reported at every place they are
/// written. Only this function of the crate sends requests to cited sites.
pub fn check_links(root: &Path, options: LinkOptions) -> Result<LinksChecked, Error> {
    let started = Instant::now();
    let mut cited = CitedUrls::default();
    let checked = pipeline::check_observing(root, false, |file, doc| cited.add(file, doc))?;
    let Checked {
        site,
        mut diagnostics,
    } = checked;
    let Some(site) = site else {
        return Ok(LinksChecked {
            diagnostics,
            summary: None,
        });
    };
    let client = Client::new(NetSettings::from_config(&site.config.archive));
    let mut saved = SavedVerdicts::open(root, &site.config.links, &mut diagnostics);
    let (verdicts, from_cache) = judge(&cited, &mut saved, &client, options.concurrency);
    saved.close(&cited, &mut diagnostics);
    let summary = LinkSummary {
        requests: client.requests_sent(),
        elapsed: started.elapsed(),
        ..summarise(&verdicts, from_cache)
    };
    diagnostics.append(located_problems(cited, &verdicts, options.deny_dead));
    Ok(LinksChecked {
        diagnostics,
        summary: Some(summary),
    })
}

/// Each cited URL's verdict, in the order of `cited`, and how many came
/// from the cache; the others are visited `concurrency` at a time.
fn judge(
    cited: &CitedUrls,
    saved: &mut SavedVerdicts,
    client: &Client,
    concurrency: usize,
) -> (Vec<Health>, usize) {
    let mut known: BTreeMap<&str, Health> = cited
        .iter()
        .filter_map(|(url, _)| Some((url, saved.fresh(url)?.clone())))
        .collect();
    let from_cache = known.len();
    let unknown: Vec<&str> = cited
        .iter()
        .map(|(url, _)| url)
        .filter(|url| !known.contains_key(url))
        .collect();
    let order = visit::interleaved_by_host(&unknown);
    let work = |url| (url, visit::visit(client, url));
    for_each_parallel(order, concurrency, work, |(url, health)| {
        saved.record(url, &health);
        known.insert(url, health);
    });
    let verdicts = cited
        .iter()
        .map(|(url, _)| known.remove(url).unwrap_or_else(not_visited))
        .collect();
    (verdicts, from_cache)
}

/// The verdict for a link the workers did not come back with (never
/// expected: each link is visited once).
fn not_visited() -> Health {
    Health::Unreachable {
        reason: "it was not visited".to_string(),
    }
}

/// The counts of `verdicts`; the requests and time are the caller's to fill in.
fn summarise(verdicts: &[Health], from_cache: usize) -> LinkSummary {
    let count = |wanted: fn(&Health) -> bool| verdicts.iter().filter(|h| wanted(h)).count();
    LinkSummary {
        links: verdicts.len(),
        dead: count(|h| matches!(h, Health::Dead { .. })),
        unreachable: count(|h| matches!(h, Health::Unreachable { .. })),
        from_cache,
        requests: 0,
        elapsed: Duration::ZERO,
    }
}

/// One problem at each place a dead or unreachable link is written;
/// `verdicts` is in the order of `cited`.
fn located_problems(cited: CitedUrls, verdicts: &[Health], deny_dead: bool) -> Diagnostics {
    let mut problems = Vec::new();
    for ((url, places), health) in cited.iter().zip(verdicts) {
        for place in places {
            if let Some(problem) = health.diagnostic(url, &place.file, deny_dead) {
                problems.push(problem.at(place.span.clone()));
            }
        }
    }
    let mut located = cited.into_diagnostics();
    located.extend(problems);
    located
}
