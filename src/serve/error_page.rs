//! The page browsers see while the latest edit has errors: every error first,
//! in a red section of its own, then the warnings in an amber one.

use crate::diagnostic::{Diagnostics, HumanStyle, Warnings, plural};

const STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem}\
pre{background:#1f2937;color:#f9fafb;padding:1rem;overflow:auto;font-size:14px;border-left:.5rem solid}\
h1,.errors h2{color:#b91c1c}.errors pre{border-color:#dc2626}\
.warnings h2{color:#92400e}.warnings pre{border-color:#d97706;white-space:pre-wrap;overflow-wrap:anywhere}";

/// An HTML page listing `diagnostics` as the terminal shows them, errors
/// first; `warnings` says which warnings follow, and how.
pub(super) fn render(diagnostics: &Diagnostics, warnings: Warnings) -> String {
    let errors = diagnostics.error_count();
    let mut sections = section(
        "errors",
        &format!("{errors} {}", plural(errors, "error", "errors")),
        &diagnostics.render_errors(false),
    );
    let warning_text = diagnostics.render_warnings(HumanStyle {
        warnings,
        color: false,
    });
    if !warning_text.is_empty() {
        sections.push_str(&section(
            "warnings",
            &format!(
                "{}, which {} not stop the build",
                diagnostics.warnings_text(),
                plural(diagnostics.warning_count(), "does", "do")
            ),
            &warning_text,
        ));
    }
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>The site has errors · claimtrail serve</title>\n\
         <style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>The site has errors</h1>\n\
         <p>The last save could not be built. Fix the errors below and save again: \
         this page reloads by itself.</p>\n{sections}</body>\n</html>\n"
    )
}

/// A titled section holding `text` as preformatted lines. Errors keep their
/// lines whole (scrolling sideways) so carets stay under what they point at;
/// warnings wrap, since a grouped one is a long line of places.
fn section(class: &str, title: &str, text: &str) -> String {
    format!(
        "<section class=\"{class}\">\n<h2>{}</h2>\n<pre>{}</pre>\n</section>\n",
        escape(title),
        escape(text.trim_end())
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Diagnostic;

    #[test]
    fn lists_each_problem_escaped() {
        let mut diagnostics = Diagnostics::new();
        diagnostics.push(Diagnostic::error(
            "content/claims/x.md",
            "bad <script> value",
        ));
        let page = render(&diagnostics, Warnings::Grouped);
        assert!(page.contains("content/claims/x.md"));
        assert!(page.contains("bad &lt;script&gt; value"));
        assert!(!page.contains("<script>"));
    }

    #[test]
    fn errors_come_before_warnings_in_sections_of_their_own() {
        let mut diagnostics = Diagnostics::new();
        diagnostics.push(Diagnostic::warning(
            "content/claims/a.md",
            "a doubtful value",
        ));
        diagnostics.push(Diagnostic::error("content/claims/z.md", "the broken value"));
        let page = render(&diagnostics, Warnings::Grouped);
        let errors = page.find("<section class=\"errors\">").unwrap();
        let error = page.find("the broken value").unwrap();
        let warnings = page.find("<section class=\"warnings\">").unwrap();
        let warning = page.find("a doubtful value").unwrap();
        assert!(
            errors < error && error < warnings && warnings < warning,
            "{page}"
        );
        assert!(page.contains("<h2>1 error</h2>"), "{page}");
        assert!(
            page.contains("<h2>1 warning, which does not stop the build</h2>"),
            "{page}"
        );
        let quiet = render(&diagnostics, Warnings::Hidden);
        assert!(!quiet.contains("a doubtful value"), "{quiet}");
    }
}
