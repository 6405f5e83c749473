//! Measures `serve`'s edit-to-reload time: `cargo run --release --example reload-time -- DIR [EDITS]`.
//!
//! Starts the release `claimtrail serve` on the site in DIR (e.g. one made by
//! `gen-corpus`), listens for reloads like a browser tab, then edits one claim
//! at a time and prints how long each save took to reach the tab, and the median.

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
    let binary = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/claimtrail");
    let started = Instant::now();
    let mut child = Command::new(&binary)
        .args(["serve", "--port", "0", "--root"])
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
        let edited = text.replacen("title = \"", &format!("title = \"Edit {i}: "), 1);
        std::thread::sleep(Duration::from_millis(300));
        let saved = Instant::now();
        std::fs::write(path, edited).map_err(|e| e.to_string())?;
        reloads.recv_timeout(LIMIT).map_err(|_| "no reload event")?;
        let elapsed = saved.elapsed();
        println!("edit {i}: {} ms ({})", elapsed.as_millis(), path.display());
        times.push(elapsed);
        // Drain the rebuild's own log line.
        while lines.try_recv().is_ok() {}
    }
    times.sort();
    if let Some(median) = times.get(times.len() / 2) {
        println!(
            "median edit-to-reload over {} edits: {} ms",
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
