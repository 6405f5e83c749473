//! The `claimtrail` command line: parses flags, runs the library, prints diagnostics.

mod archive_command;
mod cli;
mod generate;
mod outcome;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use claimtrail::diagnostic::{HumanStyle, Warnings, annotation_folder, plural, visible_line};
use claimtrail::link_check::LinkOptions;
use claimtrail::load::Kind;
use claimtrail::review::DiffFormat;
use claimtrail::serve::ServeOptions;
use claimtrail::{BuildOptions, Format};

use cli::{Cli, Command, ImportKind, ImportTarget, LinkFlags, Report};
use outcome::{
    CONTENT_ERRORS, USAGE_ERRORS, for_the_log, judge_warnings, print_diagnostics, report_error,
};

// mimalloc instead of the system allocator: a build and its search index make
// many small, short-lived strings, which glibc's malloc handles more slowly
// (docs/performance.md). The library leaves the
// choice to the program, so examples/search-time.rs names it too.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
            report,
            deny_warnings,
        } => build(
            BuildOptions {
                root,
                output,
                base_url,
                drafts,
                force,
                search: !no_search,
            },
            report,
            deny_warnings,
        ),
        Command::Check {
            root,
            format,
            report,
            deny_warnings,
            links,
            base,
        } => check(
            &root,
            format.into(),
            report.style(),
            deny_warnings,
            (links, base.as_deref()),
        ),
        Command::Diff {
            base,
            head,
            root,
            format,
        } => diff(&root, &base, head.as_deref(), format.into()),
        Command::Serve {
            root,
            port,
            interface,
            open,
            drafts,
            base_url,
            no_search,
            report,
        } => serve(&ServeOptions {
            root,
            interface,
            port,
            open,
            drafts,
            base_url,
            search: !no_search,
            report: report.style(),
        }),
        Command::Archive {
            root,
            only,
            concurrency,
            dry_run,
            save,
        } => archive_command::run(root, only, concurrency.into(), dry_run, save),
        Command::New { kind, id, root } => new(&root, kind.into(), &id),
        Command::Init {
            dir,
            force,
            repository,
            version,
        } => init(&dir, force, repository.as_deref(), version.as_deref()),
        Command::Completions { shell } => generate::completions(shell),
        Command::Man => generate::man(),
        Command::Import { what } => import(what),
        Command::Release { version, root } => release(&root, &version),
    }
}

fn import(what: ImportKind) -> ExitCode {
    use claimtrail::import::{Event, ImportOptions, Input};
    let (file, input, target) = match what {
        ImportKind::Claimreview { file, target } => (file, Input::ClaimReview, target),
        ImportKind::Csv { file, map, target } => (file, Input::Csv { map }, target),
    };
    let ImportTarget { root, dry_run } = target;
    let options = ImportOptions {
        root,
        file,
        input,
        dry_run,
    };
    let style = Report::default().style();
    match claimtrail::import::import(&options) {
        Ok(imported) => {
            let verb = if dry_run { "would create" } else { "created" };
            let mut created = 0;
            let mut skipped = 0;
            for event in &imported.events {
                match event {
                    Event::Created { path, note } if note.is_empty() => {
                        created += 1;
                        println!("{verb} {path}");
                    }
                    Event::Created { path, note } => {
                        created += 1;
                        println!("{verb} {path} ({})", visible_line(note));
                    }
                    Event::Skipped { label, reason } => {
                        skipped += 1;
                        println!("skipped {label}: {}", visible_line(reason));
                    }
                }
            }
            println!(
                "{} {} {}: {created} {} {}, {skipped} {} skipped{}",
                if dry_run { "would import" } else { "imported" },
                imported.claims,
                plural(imported.claims, "claim", "claims"),
                plural(created, "file", "files"),
                if dry_run { "to create" } else { "created" },
                plural(skipped, "item", "items"),
                if dry_run {
                    " (dry run: nothing written)"
                } else {
                    ""
                }
            );
            ExitCode::SUCCESS
        }
        Err(error) => report_error(error, "nothing was imported", style),
    }
}

fn release(root: &std::path::Path, version: &str) -> ExitCode {
    let style = Report::default().style();
    match claimtrail::release::release(root, version) {
        Ok(released) => {
            for path in &released.written {
                println!("wrote {path}");
            }
            println!(
                "released {version}: {} {}, dated {} ({})",
                released.claims,
                plural(released.claims, "claim", "claims"),
                released.date,
                released.changes
            );
            ExitCode::SUCCESS
        }
        Err(error) => report_error(error, "nothing was released", style),
    }
}

/// The build line's account of reading the git history: ` (git history:
/// 3 commits read in 12 ms)`, counting only the commits since the history
/// the build before kept.
fn history_read_text(read: claimtrail::HistoryRead) -> String {
    format!(
        " (git history: {} {} read in {} ms)",
        read.commits,
        plural(read.commits, "commit", "commits"),
        read.elapsed.as_millis()
    )
}

fn build(options: BuildOptions, report: Report, deny_warnings: bool) -> ExitCode {
    let style = report.style();
    match claimtrail::build(&options) {
        Ok(built) => {
            let diagnostics = &built.diagnostics;
            if diagnostics.warning_count() > 0 {
                eprint!(
                    "{}",
                    for_the_log(diagnostics.render_with(Format::Human, style))
                );
            }
            if let (Some(skipped), false) = (&built.provenance_skipped, report.quiet) {
                eprintln!("note: {skipped}");
            }
            if let Some(aside) = &built.moved_aside {
                eprintln!(
                    "note: the previous {} was moved to {}",
                    built.output.display(),
                    aside.display()
                );
            }
            if !report.quiet {
                println!(
                    "built {} {}: {} {} ({}) written to {}, {}, in {} ms{}",
                    built.claims,
                    plural(built.claims, "claim", "claims"),
                    built.files_written,
                    plural(built.files_written, "file", "files"),
                    claimtrail::write::size_text(built.bytes_written),
                    built.output.display(),
                    diagnostics.warnings_text(),
                    built.elapsed.as_millis(),
                    built
                        .history_read
                        .map_or_else(String::new, history_read_text)
                );
            }
            judge_warnings(diagnostics, deny_warnings, style)
        }
        Err(error) => report_error(
            error,
            "the build failed; the previous output was left as it was",
            style,
        ),
    }
}

fn check(
    root: &std::path::Path,
    format: Format,
    style: HumanStyle,
    deny_warnings: bool,
    (links, base): (LinkFlags, Option<&str>),
) -> ExitCode {
    let checked = if let Some(base) = base {
        claimtrail::review::check_against(root, base).map(|checked| (checked.diagnostics, None))
    } else if links.links {
        let options = LinkOptions {
            concurrency: usize::from(links.concurrency),
            deny_dead: links.deny_dead_links,
        };
        claimtrail::link_check::check_links(root, options).map(|c| (c.diagnostics, c.summary))
    } else {
        claimtrail::check(root, false).map(|checked| (checked.diagnostics, None))
    };
    match checked {
        Ok((diagnostics, summary)) => {
            let diagnostics = match annotation_folder(root) {
                Some(folder) if format == Format::Github => diagnostics.under_folder(&folder),
                _ => diagnostics,
            };
            print_diagnostics(&diagnostics, format, style);
            if links.links {
                match summary {
                    Some(summary) if style.warnings != Warnings::Hidden => eprintln!("{summary}"),
                    Some(_) => {}
                    None => eprintln!("links were not checked: fix the errors first"),
                }
            }
            if diagnostics.has_errors() {
                ExitCode::from(CONTENT_ERRORS)
            } else {
                judge_warnings(&diagnostics, deny_warnings, style)
            }
        }
        Err(error) => report_error(error, "the check could not run", style),
    }
}

fn diff(root: &std::path::Path, base: &str, head: Option<&str>, format: DiffFormat) -> ExitCode {
    match claimtrail::review::diff(root, base, head) {
        Ok(review) => {
            let review = match annotation_folder(root) {
                Some(folder) if format == DiffFormat::Github => review.under_folder(&folder),
                _ => review,
            };
            print!("{}", review.render(format));
            let _ = std::io::stdout().flush();
            ExitCode::SUCCESS
        }
        Err(error) => report_error(error, "nothing was compared", Report::default().style()),
    }
}

fn serve(options: &ServeOptions) -> ExitCode {
    match claimtrail::serve::serve(options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => report_error(error, "the server did not start", options.report),
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
        Err(error) => report_error(error, "nothing was written", Report::default().style()),
    }
}

fn init(
    dir: &std::path::Path,
    force: bool,
    repository: Option<&str>,
    version: Option<&str>,
) -> ExitCode {
    let created = claimtrail::init::Install::choose(repository, version)
        .and_then(|install| claimtrail::init::init_with(dir, force, today(), &install));
    match created {
        Ok(report) => {
            for path in &report.created {
                println!("created {path}");
            }
            for path in &report.kept {
                println!("kept    {path} (it already exists)");
            }
            for note in &report.notes {
                println!("note: {note}");
            }
            println!("next: {}", claimtrail::init::next_command(dir));
            ExitCode::SUCCESS
        }
        Err(error) => report_error(
            error,
            "the tracker was not created",
            Report::default().style(),
        ),
    }
}
