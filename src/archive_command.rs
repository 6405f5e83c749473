//! `claimtrail archive` on the command line: credentials from the
//! environment, Ctrl-C, a progress bar on a terminal (a line per URL
//! otherwise), and the summary and exit code.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use claimtrail::Error;
use claimtrail::archive::{
    self, ArchiveOptions, ArchiveReport, Progress, SaveCredentials, Visited,
};
use claimtrail::archive_lock::LockEntry;
use claimtrail::diagnostic::plural;

use crate::cli::Report;
use crate::outcome::report_error;

/// Exit code when there were URLs to visit and none could be recorded
/// (no network, the archive down or rate limiting).
const NOTHING_RECORDED: u8 = 4;
/// Exit code after Ctrl-C (128 + SIGINT), once the URLs under way are saved.
const INTERRUPTED: u8 = 130;

/// The environment variables Save Page Now's keys are read from.
const SPN_ACCESS: &str = "CLAIMTRAIL_SPN_ACCESS";
const SPN_SECRET: &str = "CLAIMTRAIL_SPN_SECRET";

pub(crate) fn run(
    root: PathBuf,
    only: Vec<String>,
    concurrency: usize,
    dry_run: bool,
    save: bool,
) -> ExitCode {
    let style = Report::default().style();
    let save = match save.then(credentials).transpose() {
        Ok(save) => save,
        Err(error) => return report_error(error, "nothing was archived", style),
    };
    let options = ArchiveOptions {
        root,
        only: only
            .into_iter()
            .map(|id| id.trim().to_string())
            .filter(|id| !id.is_empty())
            .collect(),
        concurrency,
        dry_run,
        save,
    };
    if dry_run {
        return match archive::plan(&options) {
            Ok((_, _, plan)) => {
                print_plan(&plan);
                ExitCode::SUCCESS
            }
            Err(error) => report_error(error, "nothing was planned", style),
        };
    }
    let stop = stop_on_ctrl_c();
    let mut progress = UrlProgress::new();
    match archive::archive(&options, &mut progress, &stop) {
        Ok(report) => summarise(&report, &archive::lock_path(&options)),
        Err(error) => report_error(error, "archive.lock keeps every entry saved so far", style),
    }
}

/// Save Page Now's keys, from the environment only.
fn credentials() -> Result<SaveCredentials, Error> {
    let read = |name: &str| {
        std::env::var(name)
            .ok()
            .filter(|value| !value.trim().is_empty())
    };
    match (read(SPN_ACCESS), read(SPN_SECRET)) {
        (Some(access), Some(secret)) => Ok(SaveCredentials { access, secret }),
        _ => Err(Error::Usage(format!(
            "--save needs Save Page Now keys in the environment: set {SPN_ACCESS} and {SPN_SECRET} (from https://archive.org/account/s3.php)"
        ))),
    }
}

fn print_plan(plan: &archive::Plan) {
    for (cited, reason) in &plan.visits {
        println!("would visit {} ({reason})", cited.url);
    }
    let unchanged = plan.selected - plan.visits.len();
    println!(
        "would visit {} of {} {}; {unchanged} unchanged{}; no request was sent",
        plan.visits.len(),
        plan.selected,
        scope_text(plan),
        dropped_text(plan.dropped),
    );
}

/// "cited URLs", or with `--only`, "selected URLs (of 13 cited)".
fn scope_text(plan: &archive::Plan) -> String {
    let urls = plural(plan.selected, "URL", "URLs");
    if plan.narrowed {
        format!("selected {urls} (of {} cited)", plan.cited)
    } else {
        format!("cited {urls}")
    }
}

fn dropped_text(dropped: usize) -> String {
    if dropped == 0 {
        String::new()
    } else {
        format!(
            "; {dropped} {} no longer cited",
            plural(dropped, "entry", "entries")
        )
    }
}

/// A flag set by the first Ctrl-C; a second one quits at once.
fn stop_on_ctrl_c() -> Arc<AtomicBool> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    std::thread::spawn(move || {
        let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .build()
        else {
            return; // without a handler, Ctrl-C ends the run; the lock on disk stays valid
        };
        runtime.block_on(async {
            if tokio::signal::ctrl_c().await.is_ok() {
                flag.store(true, Ordering::SeqCst);
                eprintln!("stopping: saving the URLs under way (Ctrl-C again to quit at once)");
            }
            if tokio::signal::ctrl_c().await.is_ok() {
                std::process::exit(i32::from(INTERRUPTED));
            }
        });
    });
    stop
}

/// The summary line, and the exit code.
fn summarise(report: &ArchiveReport, lock: &std::path::Path) -> ExitCode {
    let planned = report.plan.visits.len();
    for (url, reason) in &report.failed {
        eprintln!("not archived: {url}: {reason}");
    }
    println!(
        "{}: {} of {planned} {} recorded, {} unchanged{}; {} {} in {:.1} s",
        lock.display(),
        report.recorded,
        plural(planned, "URL", "URLs"),
        report.plan.selected - planned,
        dropped_text(report.plan.dropped),
        report.requests,
        plural(report.requests as usize, "request", "requests"),
        report.elapsed.as_secs_f64(),
    );
    if !report.failed.is_empty() {
        eprintln!(
            "{} {} could not be archived (the archive did not answer); run `claimtrail archive` again later",
            report.failed.len(),
            plural(report.failed.len(), "URL", "URLs"),
        );
    }
    if report.skipped > 0 {
        eprintln!(
            "interrupted: {} {} left for the next run",
            report.skipped,
            plural(report.skipped, "URL", "URLs")
        );
        return ExitCode::from(INTERRUPTED);
    }
    if planned > 0 && report.recorded == 0 {
        return ExitCode::from(NOTHING_RECORDED);
    }
    ExitCode::SUCCESS
}

/// A progress bar on a terminal, a line per URL otherwise.
enum UrlProgress {
    Bar(indicatif::ProgressBar),
    Lines { total: usize, done: usize },
}

impl UrlProgress {
    fn new() -> UrlProgress {
        if std::io::stderr().is_terminal() {
            let style = indicatif::ProgressStyle::with_template(
                "{bar:30} {pos}/{len} URLs, {elapsed} {wide_msg}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
            UrlProgress::Bar(indicatif::ProgressBar::new(0).with_style(style))
        } else {
            UrlProgress::Lines { total: 0, done: 0 }
        }
    }
}

impl Progress for UrlProgress {
    fn start(&mut self, total: usize) {
        match self {
            UrlProgress::Bar(bar) => bar.set_length(total as u64),
            UrlProgress::Lines { total: all, .. } => *all = total,
        }
    }

    fn visited(&mut self, visited: &Visited) {
        let line = match visited {
            Visited::Recorded(entry) => format!("{} {}", entry.url, entry_summary(entry)),
            Visited::Failed { url, reason } => format!("{url} not archived: {reason}"),
            Visited::Skipped => return,
        };
        match self {
            UrlProgress::Bar(bar) => {
                bar.inc(1);
                bar.set_message(line);
            }
            UrlProgress::Lines { total, done } => {
                *done += 1;
                println!("[{done}/{total}] {line}");
            }
        }
    }

    fn finish(&mut self) {
        if let UrlProgress::Bar(bar) = self {
            bar.finish_and_clear();
        }
    }
}

/// "200, captured 2026-05-12, 2 of 3 quotes found", and the problem if any.
fn entry_summary(entry: &LockEntry) -> String {
    let mut parts = vec![
        entry
            .status
            .map_or_else(|| "no status".to_string(), |s| s.to_string()),
    ];
    if let Some(captured) = entry.captured {
        let text = captured.to_string();
        parts.push(format!("captured {}", text.get(..10).unwrap_or(&text)));
    }
    if !entry.quotes.is_empty() {
        let found = entry.quotes.iter().filter(|q| q.found).count();
        parts.push(format!(
            "{found} of {} {} found",
            entry.quotes.len(),
            plural(entry.quotes.len(), "quote", "quotes")
        ));
    }
    if let Some(error) = &entry.error {
        parts.push(error.clone());
    }
    parts.join(", ")
}
