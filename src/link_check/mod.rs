//! `claimtrail check --links`: the offline check, then a visit to every
//! cited URL (HEAD, then GET where HEAD is refused), each dead one reported
//! at every place it is written.
//!
//! Verdicts are kept in `[links] cache` for `ttl_hours`, so a CI run on
//! every pull request asks each server at most once a day. Plain `check`
//! and `build` never come here: they make no request.

use std::fmt;
use std::path::Path;

use time::OffsetDateTime;

use crate::diagnostic::{Diagnostic, Diagnostics, plural};
use crate::error::Error;
use crate::pipeline::{self, Checked};

mod cache;
mod cited;
mod health;
mod visit;

use cache::Cache;
use cited::CitedUrls;
use health::Health;

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LinkSummary {
    /// Every cited URL.
    pub links: usize,
    /// Those answering 404 or 410.
    pub dead: usize,
    /// Those that could not be checked.
    pub unreachable: usize,
    /// Those whose verdict came from the cache, without a request.
    pub from_cache: usize,
}

impl fmt::Display for LinkSummary {
    /// "200 links checked, 3 dead, 1 unreachable, 150 from cache".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} checked, {} dead, {} unreachable, {} from cache",
            self.links,
            plural(self.links, "link", "links"),
            self.dead,
            self.unreachable,
            self.from_cache
        )
    }
}

/// Checks the site at `root` like `check`, then, when it has no errors,
/// judges its cited URLs: from the cache when fresh, else with `visit`.
fn run(
    root: &Path,
    options: LinkOptions,
    visit: impl Fn(&str) -> Health + Sync,
) -> Result<LinksChecked, Error> {
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
    let settings = &site.config.links;
    let cache_file = root.join(&settings.cache);
    let (mut cache, unreadable) = Cache::read(&cache_file);
    if let Some(reason) = unreadable {
        let message =
            format!("the link cache could not be read ({reason}); every link is checked again");
        let hint = "it is rewritten at the end of this run; deleting it is safe";
        diagnostics.push(Diagnostic::warning(&settings.cache, message).hint(hint));
    }
    let now = OffsetDateTime::now_utc();
    let known: Vec<Option<Health>> = cited
        .iter()
        .map(|(url, _)| cache.fresh(url, now, settings.ttl).cloned())
        .collect();
    let from_cache = known.iter().flatten().count();
    let unknown: Vec<&str> = cited
        .iter()
        .zip(&known)
        .filter(|(_, known)| known.is_none())
        .map(|((url, _), _)| url)
        .collect();
    let mut visited = visit::visit_all(&unknown, options.concurrency, visit).into_iter();
    let verdicts: Vec<Health> = cited
        .iter()
        .zip(known)
        .map(|((url, _), known)| {
            known.unwrap_or_else(|| {
                let health = visited.next().unwrap_or_else(not_visited);
                cache.record(url, &health, now);
                health
            })
        })
        .collect();
    cache.keep_only(|url| cited.contains(url));
    if let Err(reason) = cache.write(&cache_file) {
        let message = format!("the link cache could not be saved: {reason}");
        let hint = "the next run checks every link again";
        diagnostics.push(Diagnostic::warning(&settings.cache, message).hint(hint));
    }
    let summary = summarise(&verdicts, from_cache);
    diagnostics.append(located_problems(cited, &verdicts, options.deny_dead));
    Ok(LinksChecked {
        diagnostics,
        summary: Some(summary),
    })
}

/// The verdict for a link the workers did not come back with (never
/// expected: each link is visited once).
fn not_visited() -> Health {
    Health::Unreachable {
        reason: "it was not visited".to_string(),
    }
}

fn summarise(verdicts: &[Health], from_cache: usize) -> LinkSummary {
    let count = |wanted: fn(&Health) -> bool| verdicts.iter().filter(|h| wanted(h)).count();
    LinkSummary {
        links: verdicts.len(),
        dead: count(|h| matches!(h, Health::Dead { .. })),
        unreachable: count(|h| matches!(h, Health::Unreachable { .. })),
        from_cache,
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
