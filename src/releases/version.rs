//! Release names: a semantic version (`1.2.0`, `2026.12.0`, `1.0.0-rc.1`) or
//! a date (`2026-12-05`). Each names a folder and an address, so nothing
//! else is accepted.

use std::cmp::Ordering;

use time::Date;

/// A valid release name, ordered: dates before semantic versions, each by
/// its own order (semantic version precedence, calendar order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// The name as written.
    pub name: String,
    key: Key,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Date(Date),
    Semantic(semver::Version),
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key
            .cmp(&other.key)
            .then_with(|| self.name.cmp(&other.name))
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// What a release name may be, for messages.
pub const VERSION_RULE: &str = "a release name is a semantic version such as `1.0.0`, `2026.12.0` or `1.1.0-rc.1` (no `v`, no `+build`), or a date such as `2026-12-05`";

/// Parses a release name, or says why it is not one.
pub fn parse(name: &str) -> Result<Version, String> {
    let refuse = || format!("`{name}` is not a valid release name: {VERSION_RULE}");
    if name.len() > 64 {
        return Err(refuse());
    }
    let format = time::macros::format_description!("[year]-[month]-[day]");
    if name.len() == 10
        && name.as_bytes()[4] == b'-'
        && let Ok(date) = Date::parse(name, format)
    {
        return Ok(Version {
            name: name.to_string(),
            key: Key::Date(date),
        });
    }
    match semver::Version::parse(name) {
        Ok(version) if version.build.is_empty() => Ok(Version {
            name: name.to_string(),
            key: Key::Semantic(version),
        }),
        _ => Err(refuse()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_and_dates_are_names_and_others_are_not() {
        for good in ["1.0.0", "2026.12.0", "1.1.0-rc.1", "2026-12-05"] {
            assert!(parse(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "v1.0.0",
            "1.0",
            "1.0.0+build",
            "2026-02-30",
            "../x",
            "1.0.0/x",
            "latest",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn versions_are_ordered_by_precedence() {
        let order = [
            "2026-01-31",
            "2026-12-05",
            "1.0.0-rc.1",
            "1.0.0",
            "1.2.0",
            "2026.12.0",
        ];
        let parsed: Vec<Version> = order.iter().map(|v| parse(v).unwrap()).collect();
        let mut sorted = parsed.clone();
        sorted.reverse();
        sorted.sort();
        assert_eq!(sorted, parsed);
    }
}
