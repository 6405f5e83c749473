//! The `claimtrail` command line: parses flags, runs the library, prints diagnostics.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use claimtrail::{BuildOptions, Diagnostics, Error, Format};

/// Build and check a public tracker of claims made about AI.
#[derive(Parser)]
#[command(name = "claimtrail", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (default: public/).
    Build {
        /// The site folder, holding site.toml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site [default: <root>/public].
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Publish under this URL instead of site.toml's base_url (e.g. for GitHub Pages).
        #[arg(long)]
        base_url: Option<String>,
        /// Include claims marked `draft = true`.
        #[arg(long)]
        drafts: bool,
        /// Replace an output folder that claimtrail did not create (it is moved aside, not deleted).
        #[arg(long)]
        force: bool,
    },
    /// Check every content file and report all problems, without building.
    Check {
        /// The site folder, holding site.toml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// How to print problems: human, json, or github (workflow commands for pull requests).
        #[arg(long, value_enum, default_value_t = FormatArg::Human)]
        format: FormatArg,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Human,
    Json,
    Github,
}

impl From<FormatArg> for Format {
    fn from(format: FormatArg) -> Format {
        match format {
            FormatArg::Human => Format::Human,
            FormatArg::Json => Format::Json,
            FormatArg::Github => Format::Github,
        }
    }
}

/// Exit code for content errors.
const CONTENT_ERRORS: u8 = 1;
/// Exit code for usage and I/O errors.
const USAGE_ERRORS: u8 = 2;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() {
                ExitCode::from(USAGE_ERRORS)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            drafts,
            force,
        } => build(BuildOptions {
            root,
            output,
            base_url,
            drafts,
            force,
        }),
        Command::Check { root, format } => check(&root, format.into()),
    }
}

fn build(options: BuildOptions) -> ExitCode {
    match claimtrail::build(&options) {
        Ok(report) => {
            if report.diagnostics.warning_count() > 0 {
                eprint!("{}", report.diagnostics.render(Format::Human));
            }
            if let Some(aside) = &report.moved_aside {
                eprintln!(
                    "note: the previous {} was moved to {}",
                    report.output.display(),
                    aside.display()
                );
            }
            println!(
                "built {} claims: {} files written to {}, {} warnings, in {} ms",
                report.claims,
                report.files_written,
                report.output.display(),
                report.diagnostics.warning_count(),
                report.elapsed.as_millis()
            );
            ExitCode::SUCCESS
        }
        Err(error) => report_error(
            error,
            "the build failed; the previous output was left as it was",
        ),
    }
}

fn check(root: &std::path::Path, format: Format) -> ExitCode {
    match claimtrail::check(root, false) {
        Ok(checked) => {
            print_diagnostics(&checked.diagnostics, format);
            if checked.diagnostics.has_errors() {
                ExitCode::from(CONTENT_ERRORS)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(error) => report_error(error, "the check could not run"),
    }
}

fn print_diagnostics(diagnostics: &Diagnostics, format: Format) {
    let text = diagnostics.render(format);
    match format {
        // Machine formats go to stdout, to be piped or read by the CI runner.
        Format::Json | Format::Github => print!("{text}"),
        Format::Human => eprint!("{text}"),
    }
    let _ = std::io::stdout().flush();
}

fn report_error(error: Error, consequence: &str) -> ExitCode {
    match error {
        Error::Content(diagnostics) => {
            eprint!("{}", diagnostics.render(Format::Human));
            eprintln!("error: {consequence}");
            ExitCode::from(CONTENT_ERRORS)
        }
        other => {
            let prefix = if std::io::stderr().is_terminal() {
                "\x1b[1;31merror\x1b[0m"
            } else {
                "error"
            };
            eprintln!("{prefix}: {other}");
            ExitCode::from(USAGE_ERRORS)
        }
    }
}
