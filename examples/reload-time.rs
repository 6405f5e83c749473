//! Measures `serve`'s edit-to-reload time: `cargo run --release --example reload-time -- DIR [EDITS]`.
//!
//! Starts the release `claimtrail serve` (built next to this example) on the
//! site in DIR (e.g. one made by `gen-corpus`), listens for reloads like a
//! browser tab, then edits one claim at a time and times what a reader waits
//! for: file written → reload event received → the edited claim's page fetched
//! (and checked to show the edit), then puts the claim back as it was (untimed).
//! Prints each edit and the median.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const LIMIT: Duration = Duration::from_secs(120);

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(root) = args.next().map(PathBuf::from) else {
        eprintln!("usage: reload-time DIR [EDITS]");
        return ExitCode::FAILURE;
    };
    let edits = args.next().and_then(|n| n.parse().ok()).unwrap_or(9);
    match measure(&root, edits) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn measure(root: &Path, edits: usize) -> Result<(), String> {
    // target/<profile>/examples/reload-time → target/<profile>/claimtrail
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let binary = exe
        .parent()
        .and_then(Path::parent)
        .ok_or("cannot find the claimtrail binary")?
        .join("claimtrail");
    let started = Instant::now();
    let mut child = Command::new(&binary)
        // The background search index would compete for the two cores; it is
        // measured on its own (examples/search-time.rs, scripts/bench.sh).
        .args(["serve", "--no-search", "--port", "0", "--root"])
        .arg(root)
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{}: {e}", binary.display()))?;
    let result = run(&mut child, root, edits, started);
    let _ = child.kill();
    let _ = child.wait();
    result
}

fn run(
    child: &mut std::process::Child,
    root: &Path,
    edits: usize,
    started: Instant,
) -> Result<(), String> {
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let (sender, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = sender.send(line);
        }
    });
    let origin = loop {
        let line = lines
            .recv_timeout(LIMIT)
            .map_err(|_| "serve did not start")?;
        println!("serve: {line}");
        if let Some(at) = line.split(" at ").nth(1) {
            let url = at.split_whitespace().next().unwrap_or_default();
            break url.trim_end_matches('/').to_string();
        }
    };
    println!(
        "cold start to serving: {} ms",
        started.elapsed().as_millis()
    );
    let reloads = listen(&format!("{origin}/__claimtrail/reload"))?;
    let claims = claim_files(root);
    let mut times = Vec::new();
    for (i, path) in claims
        .iter()
        .step_by(claims.len() / edits.max(1))
        .take(edits)
        .enumerate()
    {
        let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
        let marker = format!("Edit {i} of reload-time: ");
        let edited = text.replacen("title = \"", &format!("title = \"{marker}"), 1);
        let page = claim_url(&origin, path)?;
        std::thread::sleep(Duration::from_millis(300));
        let saved = Instant::now();
        std::fs::write(path, edited).map_err(|e| e.to_string())?;
        reloads.recv_timeout(LIMIT).map_err(|_| "no reload event")?;
        let reloaded = saved.elapsed();
        let body = fetch(&page)?;
        let elapsed = saved.elapsed();
        if !body.contains(&marker) {
            return Err(format!("{page} does not show edit {i} after the reload"));
        }
        println!(
            "edit {i}: reload event after {} ms, page fetched after {} ms ({})",
            reloaded.as_millis(),
            elapsed.as_millis(),
            path.display()
        );
        times.push(elapsed);
        // Put the claim back, untimed, so the corpus is the same for the next run.
        std::fs::write(path, &text).map_err(|e| e.to_string())?;
        reloads.recv_timeout(LIMIT).map_err(|_| "no reload event")?;
        // Drain the rebuilds' own log lines.
        while lines.try_recv().is_ok() {}
    }
    times.sort();
    if let Some(median) = times.get(times.len() / 2) {
        println!(
            "median edit-to-reload (write → reload event → edited page fetched) over {} edits: {} ms",
            times.len(),
            median.as_millis()
        );
    }
    Ok(())
}

fn listen(url: &str) -> Result<mpsc::Receiver<()>, String> {
    let response = ureq::get(url).call().map_err(|e| e.to_string())?;
    let (sender, events) = mpsc::channel();
    std::thread::spawn(move || {
        let reader = BufReader::new(response.into_body().into_reader());
        for line in reader.lines().map_while(Result::ok) {
            if line.starts_with("event: reload") {
                let _ = sender.send(());
            }
        }
    });
    Ok(events)
}

/// The URL of the claim page made from `path` (its id is the file name).
fn claim_url(origin: &str, path: &Path) -> Result<String, String> {
    let id = path
        .file_stem()
        .and_then(|stem| stem.to_str())
        .ok_or_else(|| format!("{}: no claim id", path.display()))?;
    Ok(format!("{origin}/claims/{id}/"))
}

fn fetch(url: &str) -> Result<String, String> {
    let response = ureq::get(url).call().map_err(|e| format!("{url}: {e}"))?;
    response
        .into_body()
        .read_to_string()
        .map_err(|e| format!("{url}: {e}"))
}

fn claim_files(root: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(root.join("content/claims"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .collect();
    files.sort();
    files
}
