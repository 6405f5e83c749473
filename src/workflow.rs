//! The placeholder that `init` of claimtrail 0.1.0 and earlier left in a
//! tracker's GitHub workflow (today's `init` leaves none: see
//! `starter_workflow`), and the rule that flags it until the maintainer fills it in.

use crate::diagnostic::Diagnostic;
use crate::load::WORKFLOW_FILE;
use crate::placeholders::MARKER;

/// The workflow variable naming claimtrail's git repository.
pub(crate) const REPOSITORY_VARIABLE: &str = "CLAIMTRAIL_REPOSITORY";

/// A warning for each placeholder repository URL `init` wrote that is still in
/// `text`, a site's workflow.
pub(crate) fn workflow_placeholders(text: &str) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(value) = trimmed.strip_prefix(REPOSITORY_VARIABLE)
            && let Some(value) = value.trim_start().strip_prefix(':')
            && value.trim().trim_matches(['"', '\'']).starts_with(MARKER)
        {
            let at = start + (line.len() - trimmed.len());
            found.push(
                Diagnostic::warning(
                    WORKFLOW_FILE,
                    "the workflow does not say where to install claimtrail from yet",
                )
                .at(at..at + trimmed.trim_end().len())
                .hint("set CLAIMTRAIL_REPOSITORY to the URL of claimtrail's git repository; until then the workflow cannot install claimtrail"),
            );
        }
        start += line.len();
    }
    found
}
