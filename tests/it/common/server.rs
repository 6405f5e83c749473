//! `Server`: the real `claimtrail serve` binary on a free loopback port,
//! fetched over HTTP, with every wait bounded by [`LIMIT`].

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Upper bound for anything the server must do in response to the test.
pub const LIMIT: Duration = Duration::from_secs(60);

/// A running `claimtrail serve`, killed when dropped.
pub struct Server {
    pub child: Child,
    pub url: String,
    pub stderr: mpsc::Receiver<String>,
}

impl Server {
    pub fn start(root: &Path, extra: &[&str]) -> Server {
        Server::start_with(root, extra, |_| {})
    }

    /// Starts the server after `setup` adjusts its command (environment, say).
    pub fn start_with(root: &Path, extra: &[&str], setup: impl FnOnce(&mut Command)) -> Server {
        let mut command = Command::new(assert_cmd::cargo::cargo_bin("claimtrail"));
        command.env_remove("BROWSER");
        setup(&mut command);
        let mut child = command
            .args(["serve", "--port", "0", "--root"])
            .arg(root)
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = read_lines(child.stdout.take().unwrap());
        let stderr = read_lines(child.stderr.take().unwrap());
        let mut server = Server {
            child,
            url: String::new(),
            stderr,
        };
        let line = wait_for(&stdout, "serve printed no URL", |l| {
            l.starts_with("serving ")
        });
        let url = line.split(" at ").nth(1).unwrap();
        server.url = url.split_whitespace().next().unwrap().to_string();
        server
    }

    /// The origin, e.g. `http://127.0.0.1:40123`.
    pub fn origin(&self) -> String {
        let after_scheme = &self.url["http://".len()..];
        let host = after_scheme.split('/').next().unwrap();
        format!("http://{host}")
    }

    /// GET a path on the origin: (status, content type, body).
    pub fn get(&self, path: &str) -> (u16, String, String) {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_global(Some(LIMIT))
            .build()
            .into();
        let response = agent
            .get(&format!("{}{path}", self.origin()))
            .call()
            .unwrap();
        let status = response.status().as_u16();
        let content_type = response
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default();
        let body = response.into_body().read_to_vec().unwrap();
        let body = String::from_utf8_lossy(&body).into_owned();
        (status, content_type, body)
    }

    /// Subscribes to the reload stream; returns once the server has accepted it.
    pub fn reloads(&self) -> mpsc::Receiver<String> {
        let url = format!("{}/__claimtrail/reload", self.origin());
        let (sender, events) = mpsc::channel();
        let (ready, is_ready) = mpsc::channel();
        std::thread::spawn(move || {
            let response = ureq::get(&url).call().unwrap();
            ready.send(()).unwrap();
            let reader = BufReader::new(response.into_body().into_reader());
            for line in reader.lines().map_while(Result::ok) {
                if let Some(event) = line.strip_prefix("event: ") {
                    let _ = sender.send(event.to_string());
                }
            }
        });
        is_ready
            .recv_timeout(LIMIT)
            .expect("the reload stream did not open");
        events
    }
}

/// The first line from `lines` that `wanted` accepts, within [`LIMIT`].
pub fn wait_for(
    lines: &mpsc::Receiver<String>,
    what: &str,
    wanted: impl Fn(&str) -> bool,
) -> String {
    let deadline = Instant::now() + LIMIT;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let line = lines.recv_timeout(left).expect(what);
        if wanted(&line) {
            return line;
        }
    }
}

/// Forwards each line of `stream` as it arrives, so the pipe never fills up.
fn read_lines(stream: impl std::io::Read + Send + 'static) -> mpsc::Receiver<String> {
    let (sender, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            let _ = sender.send(line);
        }
    });
    lines
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
