//! The `claimtrail` command line: parses flags, runs the library, prints diagnostics.

use std::io::{IsTerminal, Write};
use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use claimtrail::diagnostic::plural;
use claimtrail::load::Kind;
use claimtrail::serve::ServeOptions;
use claimtrail::{BuildOptions, Diagnostics, Error, Format};

// mimalloc instead of the system allocator: a build and its search index make
// many small, short-lived strings, and glibc's malloc took about a fifth of
// the search stage's time (README § Performance). The library leaves the
// choice to the program, so examples/search-time.rs names it too.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
        /// Skip the search index (pagefind/), for quicker local builds.
        #[arg(long)]
        no_search: bool,
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
    /// Write a new claim, source or entity file with placeholders to fill in.
    New {
        /// What to create.
        #[arg(value_enum)]
        kind: NewKind,
        /// The new id, which becomes the file name and the URL (a-z, 0-9 and `-`).
        id: String,
        /// The site folder, holding site.toml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Serve the site locally, rebuilding it and reloading the browser on every save.
    Serve {
        /// The site folder, holding site.toml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The port to listen on (0 picks a free one).
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// The address to listen on; 0.0.0.0 makes the site reachable from other machines.
        #[arg(long, default_value = "127.0.0.1")]
        interface: IpAddr,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
        /// Include claims marked `draft = true`.
        #[arg(long)]
        drafts: bool,
        /// Serve as if published at this URL; the site is mounted under its path [default: http://<interface>:<port>/].
        #[arg(long)]
        base_url: Option<String>,
        /// Do not build the search index (it is built in the background, 2 s after the last save).
        #[arg(long)]
        no_search: bool,
    },
    /// Start a new tracker: site.toml, example content, .gitignore and the GitHub Pages workflow.
    Init {
        /// The folder to create the tracker in.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Add the starter files to a folder that is not empty (existing files are never overwritten).
        #[arg(long)]
        force: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum NewKind {
    Claim,
    Source,
    Entity,
}

impl From<NewKind> for Kind {
    fn from(kind: NewKind) -> Kind {
        match kind {
            NewKind::Claim => Kind::Claim,
            NewKind::Source => Kind::Source,
            NewKind::Entity => Kind::Entity,
        }
    }
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
            no_search,
        } => build(BuildOptions {
            root,
            output,
            base_url,
            drafts,
            force,
            search: !no_search,
        }),
        Command::Check { root, format } => check(&root, format.into()),
        Command::Serve {
            root,
            port,
            interface,
            open,
            drafts,
            base_url,
            no_search,
        } => serve(&ServeOptions {
            root,
            interface,
            port,
            open,
            drafts,
            base_url,
            search: !no_search,
        }),
        Command::New { kind, id, root } => new(&root, kind.into(), &id),
        Command::Init { dir, force } => init(&dir, force),
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
                "built {} claims: {} files ({}) written to {}, {} {}, in {} ms",
                report.claims,
                report.files_written,
                claimtrail::write::size_text(report.bytes_written),
                report.output.display(),
                report.diagnostics.warning_count(),
                plural(report.diagnostics.warning_count(), "warning", "warnings"),
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

fn serve(options: &ServeOptions) -> ExitCode {
    match claimtrail::serve::serve(options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => report_error(error, "the server did not start"),
    }
}

fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

fn new(root: &std::path::Path, kind: Kind, id: &str) -> ExitCode {
    match claimtrail::new::new_file(root, kind, id, today()) {
        Ok(path) => {
            println!("created {}", path.display());
            println!("fill in every TODO; `claimtrail check` lists the ones left");
            ExitCode::SUCCESS
        }
        Err(error) => report_error(error, "nothing was written"),
    }
}

fn init(dir: &std::path::Path, force: bool) -> ExitCode {
    match claimtrail::init::init(dir, force, today()) {
        Ok(report) => {
            for path in &report.created {
                println!("created {path}");
            }
            for path in &report.kept {
                println!("kept    {path} (it already exists)");
            }
            println!("next: cd {} && claimtrail serve --open", dir.display());
            ExitCode::SUCCESS
        }
        Err(error) => report_error(error, "the tracker was not created"),
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
