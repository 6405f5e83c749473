//! How a command's outcome reaches the terminal: diagnostics on the stream
//! their format belongs to, an error with what it left undone, and the exit
//! codes (docs/commands.md, "Exit codes").

use std::hash::{BuildHasher, RandomState};
use std::io::Write;
use std::process::ExitCode;

use claimtrail::diagnostic::{HumanStyle, Warnings, visible_line};
use claimtrail::{Diagnostics, Error, Format};

/// Exit code for content errors.
pub(crate) const CONTENT_ERRORS: u8 = 1;
/// Exit code for usage and I/O errors.
pub(crate) const USAGE_ERRORS: u8 = 2;
/// Exit code for warnings under `--deny-warnings` (and no errors).
const DENIED_WARNINGS: u8 = 3;

/// Success, unless there are warnings and `--deny-warnings` was given: then
/// says so on stderr and exits with [`DENIED_WARNINGS`].
pub(crate) fn judge_warnings(
    diagnostics: &Diagnostics,
    deny_warnings: bool,
    style: HumanStyle,
) -> ExitCode {
    if deny_warnings && diagnostics.warning_count() > 0 {
        let unseen = if style.warnings == Warnings::Hidden {
            " (run without --quiet to see them)"
        } else {
            ""
        };
        eprintln!(
            "{}: {}, denied by --deny-warnings{unseen}",
            error_prefix(style.color),
            diagnostics.warnings_text()
        );
        ExitCode::from(DENIED_WARNINGS)
    } else {
        ExitCode::SUCCESS
    }
}

/// Prints `diagnostics` in `format`: machine formats to stdout, the human one to stderr.
pub(crate) fn print_diagnostics(diagnostics: &Diagnostics, format: Format, style: HumanStyle) {
    let text = diagnostics.render_with(format, style);
    match format {
        // Machine formats go to stdout, to be piped or read by the CI runner.
        Format::Json | Format::Github => print!("{text}"),
        Format::Human => eprint!("{}", for_the_log(text)),
    }
    let _ = std::io::stdout().flush();
}

pub(crate) fn report_error(error: Error, consequence: &str, style: HumanStyle) -> ExitCode {
    let prefix = error_prefix(style.color);
    match error {
        Error::Content(diagnostics) => {
            eprint!(
                "{}",
                for_the_log(diagnostics.render_with(Format::Human, style))
            );
            eprintln!("{prefix}: {consequence}");
            ExitCode::from(CONTENT_ERRORS)
        }
        other => {
            eprintln!("{prefix}: {}", visible_line(&other.to_string()));
            ExitCode::from(USAGE_ERRORS)
        }
    }
}

/// A human report, which quotes content lines, as the GitHub runner should
/// read it: in a GitHub Actions job, between `::stop-commands::` and its
/// resuming line, with a token no pull request can know. Without it the
/// runner takes `##[error]…` anywhere in a quoted line for a workflow
/// command (the legacy form is not anchored to the line's start), so a
/// pull request could forge annotations or mask the log.
pub(crate) fn for_the_log(text: String) -> String {
    if text.is_empty() || std::env::var_os("GITHUB_ACTIONS").is_none_or(|v| v != "true") {
        return text;
    }
    // RandomState is seeded from the system's randomness, once per thread.
    let token = format!("{:016x}", RandomState::new().hash_one(&text));
    format!("::stop-commands::{token}\n{text}::{token}::\n")
}

/// "error", in bold red when `color` is on.
fn error_prefix(color: bool) -> &'static str {
    if color {
        "\x1b[1;31merror\x1b[0m"
    } else {
        "error"
    }
}
