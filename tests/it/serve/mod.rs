//! `claimtrail serve`: the real binary on a free loopback port, fetched over HTTP.
//!
//! Every wait is bounded: a test that sees no reload within the limit fails,
//! it never hangs. Nothing here times how fast a rebuild is.

use crate::common;

use std::fs;
use std::path::Path;
use std::process::Command;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::server::{LIMIT, Server, wait_for};

const CLAIM: &str = "content/claims/acme-model-2-cost.md";
const TITLE: &str = "Acme Model 2 cuts per-token inference cost by 35% versus Acme Model 1";

fn expect_reload(events: &mpsc::Receiver<String>) {
    let event = events.recv_timeout(LIMIT).expect("no reload event in time");
    assert_eq!(event, "reload");
}

fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} has no {from:?}");
    fs::write(&path, text.replace(from, to)).unwrap();
}

mod browser;
mod error_page;
mod http;
mod reload;
mod search;
