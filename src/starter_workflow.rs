//! The GitHub Pages workflow `init` writes for a new tracker, derived from the
//! repository's own so the two never drift apart, and where it installs
//! claimtrail from: the released binary through claimtrail's GitHub Action
//! when the repository is known, else crates.io.

use url::Url;

use crate::error::Error;

/// The repository's own Pages workflow, adjusted by [`workflow`] for a tracker repository.
const REPO_WORKFLOW: &str = include_str!("../.github/workflows/pages.yml");

/// The step of the repository's workflow that caches cargo's builds of claimtrail.
const REPO_CACHE_STEP: &str = "      - name: Cache cargo builds
        uses: actions/cache@v5
        with:
          path: |
            ~/.cargo/registry/index/
            ~/.cargo/registry/cache/
            ~/.cargo/git/db/
            target/
          key: cargo-${{ runner.os }}-${{ hashFiles('Cargo.lock') }}
          restore-keys: cargo-${{ runner.os }}-
";

/// The step of the repository's workflow that builds claimtrail from its source.
const REPO_BUILD_STEP: &str = "      - name: Build claimtrail
        run: cargo build --release --locked
";

/// When the repository's own workflow refreshes its archive each week.
const REPO_ARCHIVE_SCHEDULE: &str = "- cron: \"17 4 * * 1\"";

/// Where a tracker's workflow gets claimtrail from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Install {
    /// The released binary, through the GitHub Action at the root of claimtrail's
    /// repository `repository` (`owner/name` on GitHub), at the release tag `tag`.
    Action {
        /// The GitHub repository, as `owner/name`.
        repository: String,
        /// The release tag, such as `v0.1.0`.
        tag: String,
    },
    /// `cargo install claimtrail` at `version` from crates.io: built from source
    /// on the first run, then cached.
    CratesIo {
        /// The crate version, such as `0.1.0`.
        version: String,
    },
}

impl Install {
    /// Where to install from: `repository` and `version` when given (flags),
    /// else this binary's own metadata (`repository` and `version` in
    /// Cargo.toml). Without a repository URL it is crates.io.
    pub fn choose(repository: Option<&str>, version: Option<&str>) -> Result<Install, Error> {
        let version = match version {
            Some(version) => checked_version(version)?,
            None => env!("CARGO_PKG_VERSION").to_string(),
        };
        let repository = match repository {
            Some(url) => Some(github_repository(url)?),
            None => option_env!("CARGO_PKG_REPOSITORY")
                .filter(|url| !url.is_empty())
                .and_then(|url| github_repository(url).ok()),
        };
        Ok(match repository {
            Some(repository) => Install::Action {
                repository,
                tag: format!("v{version}"),
            },
            None => Install::CratesIo { version },
        })
    }

    /// What to tell the person who ran `init` about this choice, if anything.
    pub fn note(&self) -> Option<String> {
        match self {
            Install::Action { .. } => None,
            Install::CratesIo { .. } => Some(
                "this claimtrail was built without a GitHub repository URL, so the workflow \
                 installs claimtrail from crates.io (compiled on the first run, then cached); \
                 pass --repository https://github.com/OWNER/NAME to install the released \
                 binary with claimtrail's GitHub Action instead"
                    .to_string(),
            ),
        }
    }
}

/// `version` without a leading `v`, refused unless it is made of the
/// characters of a semantic version (it is written into the workflow).
fn checked_version(version: &str) -> Result<String, Error> {
    let bare = version.strip_prefix('v').unwrap_or(version);
    let allowed = |c: char| c.is_ascii_alphanumeric() || ".-+".contains(c);
    if bare.starts_with(|c: char| c.is_ascii_digit()) && bare.chars().all(allowed) {
        Ok(bare.to_string())
    } else {
        Err(Error::Usage(format!(
            "`{version}` is not a release version; give one such as 0.1.0"
        )))
    }
}

/// `owner/name` of a GitHub repository URL such as `https://github.com/owner/name`
/// (a trailing `.git` or `/` is allowed); anything else is refused, since the
/// action and the release binaries live on GitHub.
fn github_repository(url: &str) -> Result<String, Error> {
    let refuse = || {
        Error::Usage(format!(
            "`{url}` is not a GitHub repository URL; give one such as https://github.com/OWNER/NAME"
        ))
    };
    let parsed = Url::parse(url).map_err(|_| refuse())?;
    if parsed.scheme() != "https" || parsed.host_str() != Some("github.com") {
        return Err(refuse());
    }
    let segments: Vec<&str> = parsed
        .path()
        .trim_matches('/')
        .trim_end_matches(".git")
        .split('/')
        .collect();
    let allowed = |s: &&str| {
        !s.is_empty()
            && !s.starts_with('.')
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
    };
    match segments[..] {
        [owner, name] if [owner, name].iter().all(allowed) => Ok(format!("{owner}/{name}")),
        _ => Err(refuse()),
    }
}

/// The comment at the top of a tracker's workflow that says where claimtrail
/// comes from, and the variables the steps read.
fn header(install: &Install) -> String {
    match install {
        Install::Action { repository, tag } => format!(
            "\n# claimtrail is installed from its release {tag} on GitHub by the\n\
             # `uses: {repository}@{tag}` steps (its GitHub Action downloads the\n\
             # binary for the runner and checks its SHA-256). To move to a newer\n\
             # release, change the tag in every such step.\n"
        ),
        Install::CratesIo { version } => format!(
            "\n# claimtrail is installed from crates.io at the version below (compiled\n\
             # on the first run, then cached). Change it to move to a newer release.\n\
             env:\n  CLAIMTRAIL_VERSION: \"{version}\"\n"
        ),
    }
}

/// The steps that take the place of the repository's cache step and build step.
fn install_steps(install: &Install) -> (String, String) {
    match install {
        Install::Action { repository, tag } => (
            String::new(),
            format!("      - name: Install claimtrail\n        uses: {repository}@{tag}\n"),
        ),
        Install::CratesIo { .. } => (
            "      - name: Cache the claimtrail binary
        id: claimtrail-cache
        uses: actions/cache@v5
        with:
          path: ~/.cargo/bin/claimtrail
          key: claimtrail-${{ runner.os }}-${{ env.CLAIMTRAIL_VERSION }}
"
            .to_string(),
            "      - name: Install claimtrail
        if: steps.claimtrail-cache.outputs.cache-hit != 'true'
        run: cargo install --locked claimtrail --version \"$CLAIMTRAIL_VERSION\"
"
            .to_string(),
        ),
    }
}

/// Edits that turn the repository's workflow into one for a tracker
/// repository, which has no claimtrail source to build.
fn workflow_edits(install: &Install) -> [(&'static str, String); 5] {
    let (cache, step) = install_steps(install);
    [
        (
            "\nname: Pages\n",
            format!("\nname: Pages\n{}", header(install)),
        ),
        ("it builds claimtrail,", "it installs claimtrail,".into()),
        (REPO_CACHE_STEP, cache),
        (REPO_BUILD_STEP, step),
        ("./target/release/claimtrail", "claimtrail".into()),
    ]
}

/// The GitHub Pages workflow for a new tracker named `slug`.
pub(crate) fn workflow(slug: &str, install: &Install) -> String {
    workflow_edits(install)
        .iter()
        .fold(REPO_WORKFLOW.to_string(), |text, (from, to)| {
            text.replace(from, to)
        })
        .replace(REPO_ARCHIVE_SCHEDULE, &archive_schedule(slug))
}

/// A weekly time of its own for the tracker named `slug`, so that the
/// trackers `init` makes do not all ask the archive at once; the same name
/// always gets the same time (FNV-1a of the name picks minute, hour and day).
fn archive_schedule(slug: &str) -> String {
    let hash = slug.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    let (minute, hour, day) = (hash % 60, (hash / 60) % 24, (hash / 1440) % 7);
    format!("- cron: \"{minute} {hour} * * {day}\"")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workflow::workflow_placeholders;

    fn action() -> Install {
        Install::Action {
            repository: "example-owner/claimtrail".into(),
            tag: "v1.2.3".into(),
        }
    }

    fn crates_io() -> Install {
        Install::CratesIo {
            version: "1.2.3".into(),
        }
    }

    #[test]
    fn each_tracker_refreshes_its_archive_at_a_weekly_time_of_its_own() {
        let times: std::collections::BTreeSet<String> =
            ["ai-claims", "model-watch", "tracker", "claims-2026"]
                .iter()
                .map(|slug| archive_schedule(slug))
                .collect();
        assert_eq!(times.len(), 4, "{times:?}");
        assert_eq!(archive_schedule("ai-claims"), archive_schedule("ai-claims"));
        for time in times {
            let fields: Vec<&str> = time
                .trim_start_matches("- cron: \"")
                .trim_end_matches('"')
                .split(' ')
                .collect();
            let [minute, hour, "*", "*", day] = fields[..] else {
                panic!("not weekly: {time}");
            };
            assert!(minute.parse::<u8>().unwrap() < 60 && hour.parse::<u8>().unwrap() < 24);
            assert!(day.parse::<u8>().unwrap() < 7, "{time}");
        }
    }

    #[test]
    fn every_workflow_edit_applies() {
        for install in [action(), crates_io()] {
            for (from, _) in workflow_edits(&install) {
                assert!(
                    REPO_WORKFLOW.contains(from),
                    "pages.yml no longer has {from:?}"
                );
            }
            let text = workflow("tracker", &install);
            assert!(!text.contains("cargo build"));
            assert!(!text.contains(REPO_ARCHIVE_SCHEDULE));
            assert!(text.contains(&archive_schedule("tracker")));
            assert!(!text.contains("target/"));
            assert!(!text.contains("TODO"));
            assert!(workflow_placeholders(&text).is_empty());
        }
        assert!(REPO_WORKFLOW.contains(REPO_ARCHIVE_SCHEDULE));
        let uses = "uses: example-owner/claimtrail@v1.2.3\n";
        assert_eq!(workflow("tracker", &action()).matches(uses).count(), 3);
        let text = workflow("tracker", &crates_io());
        assert!(text.contains("CLAIMTRAIL_VERSION: \"1.2.3\""));
        assert_eq!(text.matches("cargo install --locked claimtrail").count(), 3);
    }

    #[test]
    fn only_a_github_repository_url_names_the_action() {
        for url in [
            "https://github.com/example-owner/claimtrail",
            "https://github.com/example-owner/claimtrail.git",
            "https://github.com/example-owner/claimtrail/",
        ] {
            assert_eq!(
                github_repository(url).unwrap(),
                "example-owner/claimtrail",
                "{url}"
            );
        }
        for url in [
            "http://github.com/example-owner/claimtrail",
            "https://git.example.org/example-owner/claimtrail",
            "https://github.com/example-owner",
            "https://github.com/example-owner/claimtrail/tree/main",
            "https://github.com/example-owner/claim trail",
            "https://github.com/example-owner/..",
            "github.com/example-owner/claimtrail",
        ] {
            assert!(github_repository(url).is_err(), "{url}");
        }
    }

    #[test]
    fn flags_override_the_metadata_and_versions_are_checked() {
        let chosen = Install::choose(
            Some("https://github.com/example-owner/claimtrail"),
            Some("v2.0.0"),
        );
        assert_eq!(
            chosen.unwrap(),
            Install::Action {
                repository: "example-owner/claimtrail".into(),
                tag: "v2.0.0".into()
            }
        );
        assert_eq!(checked_version("0.3.0-rc.1").unwrap(), "0.3.0-rc.1");
        for bad in ["latest", "1.0\"", "1.0 && x", ""] {
            assert!(checked_version(bad).is_err(), "{bad}");
        }
        let own = Install::choose(None, None).unwrap();
        match option_env!("CARGO_PKG_REPOSITORY").filter(|url| !url.is_empty()) {
            None => assert_eq!(
                own,
                Install::CratesIo {
                    version: env!("CARGO_PKG_VERSION").into()
                }
            ),
            Some(_) => assert!(matches!(own, Install::Action { .. })),
        }
        assert!(crates_io().note().unwrap().contains("--repository"));
        assert!(action().note().is_none());
    }
}
