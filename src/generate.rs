//! `claimtrail completions <shell>` and `claimtrail man`: the shell completion
//! scripts and the man page, generated from the command-line grammar so they
//! never fall behind it. Both print to stdout, for a package or the release
//! workflow to redirect into a file.

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;

/// Prints the completion script for `shell` to stdout.
pub(crate) fn completions(shell: Shell) -> ExitCode {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "claimtrail", &mut script);
    print_bytes(&script)
}

/// Prints the man page, in roff, to stdout.
pub(crate) fn man() -> ExitCode {
    let mut page = Vec::new();
    match clap_mangen::Man::new(Cli::command()).render(&mut page) {
        Ok(()) => print_bytes(&page),
        Err(error) => {
            eprintln!("error: the man page could not be written: {error}");
            ExitCode::from(crate::outcome::USAGE_ERRORS)
        }
    }
}

/// Writes `bytes` to stdout; a closed pipe or full disk is reported, not a panic.
fn print_bytes(bytes: &[u8]) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: could not write to stdout: {error}");
            ExitCode::from(crate::outcome::USAGE_ERRORS)
        }
    }
}
