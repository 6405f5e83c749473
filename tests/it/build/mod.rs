//! Building fixture sites into temp dirs and inspecting the output.

use crate::common;

use std::fs;
use std::path::Path;

use claimtrail::{BuildOptions, Error, build};
use common::{options, read, site, tree};

/// (file, line) of each diagnostic.
fn places(found: &[common::Flat]) -> Vec<(&str, Option<usize>)> {
    found.iter().map(|d| (d.1.as_str(), d.2)).collect()
}

mod output_folder;
mod pages;
mod static_files;
mod templates;
