//! Rules for URLs that come from contributors' frontmatter.

/// Why a URL was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UrlProblem {
    /// Completes the sentence "`url` ...".
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

/// Accepts only absolute `http` and `https` URLs with a host, and without
/// a tab or line break inside: URL parsers (browsers' too) drop them, but a
/// plain-text output such as `robots.txt` would not.
pub(crate) fn check_web_url(text: &str) -> Result<(), UrlProblem> {
    let hint = "write the full address, starting with `https://`".to_string();
    if let Some(c) = text
        .trim()
        .chars()
        .find(|c| matches!(c, '\t' | '\n' | '\r'))
    {
        return Err(UrlProblem {
            message: format!("holds a {}", if c == '\t' { "tab" } else { "line break" }),
            hint: "write the address on one line".to_string(),
        });
    }
    match url::Url::parse(text.trim()) {
        Ok(url) if matches!(url.scheme(), "http" | "https") && url.host().is_some() => Ok(()),
        Ok(url) if matches!(url.scheme(), "http" | "https") => Err(UrlProblem {
            message: format!("has no host name: `{text}`"),
            hint,
        }),
        Ok(url) => Err(UrlProblem {
            message: format!(
                "uses the `{}:` scheme; only http and https links are allowed",
                url.scheme()
            ),
            hint: "link to a web page with an `https://` address".to_string(),
        }),
        Err(url::ParseError::RelativeUrlWithoutBase) => Err(UrlProblem {
            message: format!("must be an absolute http(s) URL, not the relative `{text}`"),
            hint,
        }),
        Err(error) => Err(UrlProblem {
            message: format!("is not a valid URL ({error}): `{text}`"),
            hint,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_absolute_web_urls_pass() {
        assert!(check_web_url("https://example.org/a?b#c").is_ok());
        assert!(check_web_url("http://example.org").is_ok());
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "/relative",
            "page.html",
            "https://",
            "ftp://x.org/",
            "https://example.org/\nDisallow: /",
            "https://exa\tmple.org/",
        ] {
            assert!(check_web_url(bad).is_err(), "{bad} passed");
        }
        assert_eq!(
            check_web_url("javascript:alert(1)").unwrap_err().message,
            "uses the `javascript:` scheme; only http and https links are allowed"
        );
    }
}
