//! The page browsers see while the latest edit has errors.

use crate::diagnostic::{Diagnostics, Format};

/// An HTML page listing `diagnostics` as the terminal shows them.
pub fn render(diagnostics: &Diagnostics) -> String {
    let text = escape(&diagnostics.render(Format::Human));
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>The site has errors · claimtrail serve</title>\n\
         <style>body{{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem}}\
         pre{{background:#1f2937;color:#f9fafb;padding:1rem;overflow:auto;font-size:14px}}\
         h1{{color:#b91c1c}}</style>\n</head>\n<body>\n\
         <h1>The site has errors</h1>\n\
         <p>The last save could not be built. Fix the problems below and save again: \
         this page reloads by itself.</p>\n<pre>{text}</pre>\n</body>\n</html>\n"
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
        let page = render(&diagnostics);
        assert!(page.contains("content/claims/x.md"));
        assert!(page.contains("bad &lt;script&gt; value"));
        assert!(!page.contains("<script>"));
    }
}
