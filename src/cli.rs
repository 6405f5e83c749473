//! The command-line grammar: the subcommands, their flags, and how they map onto the library's types.

use std::io::IsTerminal;
use std::net::IpAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use claimtrail::Format;
use claimtrail::diagnostic::{HumanStyle, Warnings};
use claimtrail::load::Kind;
use claimtrail::review::DiffFormat;

/// Build and check a public tracker of claims made about AI.
#[derive(Parser)]
#[command(name = "claimtrail", version, about, long_about = None)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand)]
pub(crate) enum Command {
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
        #[command(flatten)]
        report: Report,
        /// Exit with code 3 when there are warnings (the site is still written), for CI.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Check every content file and report all problems, without building (offline, unless --links).
    Check {
        /// The site folder, holding site.toml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// How to print problems: human, json, or github (workflow commands for pull requests).
        #[arg(long, value_enum, default_value_t = FormatArg::Human)]
        format: FormatArg,
        #[command(flatten)]
        report: Report,
        /// Exit with code 3 when there are warnings, for CI.
        #[arg(long)]
        deny_warnings: bool,
        #[command(flatten)]
        links: LinkFlags,
        /// Also compare with this git revision (e.g. origin/main): a verdict change needs a history note, and a removed or renamed claim's address must be kept as an alias.
        #[arg(long, value_name = "REVISION", conflicts_with = "links")]
        base: Option<String>,
    },
    /// Say what the content changes between two git revisions: claims added, removed or renamed, verdicts changed, evidence, quotes and values edited.
    Diff {
        /// The revision to compare from: a branch, tag or commit (e.g. origin/main).
        base: String,
        /// The revision to compare to [default: the files on disk, committed or not].
        head: Option<String>,
        /// The site folder, holding site.toml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// markdown (for a pull request's job summary), json, or github (a notice on each changed line).
        #[arg(long, value_enum, default_value_t = DiffFormatArg::Markdown)]
        format: DiffFormatArg,
    },
    /// Find an archived copy of every cited URL and check each quote against it (writes archive.lock).
    Archive {
        /// The site folder, holding site.toml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Only the URLs these claims or documents cite (repeat the flag, or separate ids with commas).
        #[arg(long, value_delimiter = ',', value_name = "ID")]
        only: Vec<String>,
        /// How many URLs to visit at once (each host still gets at most [archive] per_host requests).
        #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=64))]
        concurrency: u16,
        /// Print which URLs would be visited and why, without sending any request.
        #[arg(long)]
        dry_run: bool,
        /// Ask Save Page Now for a capture when the archive has none (keys from CLAIMTRAIL_SPN_ACCESS and CLAIMTRAIL_SPN_SECRET).
        #[arg(long)]
        save: bool,
    },
    /// Write a new claim, source, entity or document file with placeholders to fill in.
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
        #[command(flatten)]
        report: Report,
    },
    /// Import claims from a ClaimReview feed, a Fact Check Tools response or a spreadsheet (never replaces a file).
    Import {
        #[command(subcommand)]
        what: ImportKind,
    },
    /// Freeze the data files into data/releases/<VERSION>/ with CHANGES.md and SHA256SUMS, and update CITATION.cff.
    Release {
        /// The release's name: a semantic version (1.2.0, 2026.12.0) or a date (2026-12-05).
        version: String,
        /// The site folder, holding site.toml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Start a new tracker: site.toml, example content, .gitignore and the GitHub Pages workflow.
    Init {
        /// The folder to create the tracker in.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Add the starter files to a folder that is not empty (existing files are never overwritten).
        #[arg(long)]
        force: bool,
        /// claimtrail's GitHub repository, whose action the workflow installs the released binary with [default: this binary's own; without one, crates.io].
        #[arg(long, value_name = "URL")]
        repository: Option<String>,
        /// The claimtrail release the workflow installs [default: this binary's version].
        #[arg(long, value_name = "VERSION")]
        version: Option<String>,
    },
    /// Print a shell completion script to stdout (e.g. `claimtrail completions bash > claimtrail.bash`).
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) to stdout (e.g. `claimtrail man > claimtrail.1`).
    Man,
}

/// What `claimtrail import` reads.
#[derive(Subcommand)]
pub(crate) enum ImportKind {
    /// A schema.org ClaimReview DataFeed, or a Google Fact Check Tools `claims:search` response (JSON).
    Claimreview {
        /// The JSON file.
        file: PathBuf,
        #[command(flatten)]
        target: ImportTarget,
    },
    /// A CSV file of claims with a header row, read through a column mapping.
    Csv {
        /// The CSV file.
        file: PathBuf,
        /// The mapping file (TOML) naming the column of each field.
        #[arg(long, value_name = "MAP.toml")]
        map: PathBuf,
        #[command(flatten)]
        target: ImportTarget,
    },
}

/// Where `claimtrail import` writes.
#[derive(Args, Clone)]
pub(crate) struct ImportTarget {
    /// The site folder, holding site.toml.
    #[arg(long, default_value = ".")]
    pub(crate) root: PathBuf,
    /// Print what would be created and skipped, writing nothing.
    #[arg(long)]
    pub(crate) dry_run: bool,
}

/// How much of the problems found to print.
#[derive(Args, Clone, Copy, Default)]
pub(crate) struct Report {
    /// Print errors only: no warnings, and no summary when all is well.
    #[arg(long, short, conflicts_with = "verbose")]
    pub(crate) quiet: bool,
    /// Print every warning in full with its line, instead of one line for each kind.
    #[arg(long, short)]
    pub(crate) verbose: bool,
}

/// `check --links` and its options.
#[derive(Args, Clone, Copy)]
pub(crate) struct LinkFlags {
    /// Also visit every cited URL and report the dead ones at the lines citing them (uses the network; verdicts are kept for [links] ttl_hours).
    #[arg(long)]
    pub(crate) links: bool,
    /// With --links: how many links to visit at once (each host still gets at most [archive] per_host).
    #[arg(long, requires = "links", default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub(crate) concurrency: u16,
    /// With --links: report dead links (404, 410) as errors, so the check fails with exit code 1.
    #[arg(long, requires = "links")]
    pub(crate) deny_dead_links: bool,
}

impl Report {
    /// The style of the human report on stderr: colour only on a terminal, and not under NO_COLOR.
    pub(crate) fn style(self) -> HumanStyle {
        let warnings = if self.quiet {
            Warnings::Hidden
        } else if self.verbose {
            Warnings::Full
        } else {
            Warnings::Grouped
        };
        HumanStyle {
            warnings,
            color: stderr_has_color(),
        }
    }
}

/// True when stderr is a terminal and `NO_COLOR` (https://no-color.org) is unset or empty.
fn stderr_has_color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum NewKind {
    Claim,
    Source,
    Entity,
    Document,
}

impl From<NewKind> for Kind {
    fn from(kind: NewKind) -> Kind {
        match kind {
            NewKind::Claim => Kind::Claim,
            NewKind::Source => Kind::Source,
            NewKind::Entity => Kind::Entity,
            NewKind::Document => Kind::Document,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum FormatArg {
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

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum DiffFormatArg {
    Markdown,
    Json,
    Github,
}

impl From<DiffFormatArg> for DiffFormat {
    fn from(format: DiffFormatArg) -> DiffFormat {
        match format {
            DiffFormatArg::Markdown => DiffFormat::Markdown,
            DiffFormatArg::Json => DiffFormat::Json,
            DiffFormatArg::Github => DiffFormat::Github,
        }
    }
}
