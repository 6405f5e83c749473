//! Measures the search stage alone: `cargo run --release --example search-time -- DIR`.
//!
//! Checks the site in DIR (e.g. one made by `gen-corpus`), then builds its
//! search index in memory with `claimtrail::search::index_files`, the call
//! `serve` can make from a background thread, and prints the records, the
//! time, the memory the stage added to the process's peak, and the index size.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

// The allocator the claimtrail binary uses (src/main.rs), so the figures match a build's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let Some(root) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: search-time DIR");
        return ExitCode::FAILURE;
    };
    match measure(&root) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn measure(root: &std::path::Path) -> Result<(), String> {
    let checked = claimtrail::check(root, false).map_err(|e| e.to_string())?;
    let site = checked
        .site
        .ok_or_else(|| "the site has errors; run claimtrail check".to_string())?;
    let records = claimtrail::search::records::records(&site).len();
    let before = peak_kib();
    let started = Instant::now();
    let files = claimtrail::search::index_files(&site).map_err(|d| d.message)?;
    let elapsed = started.elapsed();
    let after = peak_kib();
    let bytes: usize = files.iter().map(|f| f.bytes.len()).sum();
    println!(
        "{records} records: indexed in {} ms, peak memory +{} MiB (process peak {} MiB), {} files, {} bytes",
        elapsed.as_millis(),
        after.saturating_sub(before) / 1024,
        after / 1024,
        files.len(),
        bytes
    );
    Ok(())
}

/// The process's peak resident memory in KiB (Linux), or 0 where unknown.
fn peak_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|line| line.strip_prefix("VmHWM:"))
                .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}
