//! `CITATION.cff` (Citation File Format 1.2.0) at the site root: written on
//! the first release, and on later ones its `version` and `date-released`
//! updated, every other field kept as the maintainer left it.

use serde_yaml_ng::{Mapping, Value};

use crate::config::Config;

/// The file's name at the site root.
pub const CITATION_FILE: &str = "CITATION.cff";

/// The new text of `CITATION.cff`: `existing` (its text, if the file exists)
/// with this release's version and date, or a new file from `config`.
/// Fails when the existing file is not a YAML mapping.
pub(crate) fn citation(
    existing: Option<&str>,
    config: &Config,
    version: &str,
    date: &str,
) -> Result<String, String> {
    let mut cff = match existing {
        Some(text) => match serde_yaml_ng::from_str::<Value>(text) {
            Ok(Value::Mapping(mapping)) => mapping,
            Ok(_) => return Err(format!("{CITATION_FILE} is not a YAML mapping of fields")),
            Err(error) => return Err(format!("{CITATION_FILE} is not valid YAML: {error}")),
        },
        None => new_citation(config),
    };
    set(&mut cff, "version", version);
    set(&mut cff, "date-released", date);
    serde_yaml_ng::to_string(&Value::Mapping(cff)).map_err(|error| error.to_string())
}

fn set(cff: &mut Mapping, key: &str, value: &str) {
    cff.insert(Value::from(key), Value::from(value));
}

/// The fields a first `CITATION.cff` has: what CFF requires (`cff-version`,
/// `message`, `title`, `authors`) and what the site knows.
fn new_citation(config: &Config) -> Mapping {
    let mut cff = Mapping::new();
    set(&mut cff, "cff-version", "1.2.0");
    set(
        &mut cff,
        "message",
        "If you use this data, please cite it using these metadata.",
    );
    set(&mut cff, "type", "dataset");
    set(&mut cff, "title", &config.title);
    let mut author = Mapping::new();
    set(&mut author, "name", &config.publisher.name);
    cff.insert(
        Value::from("authors"),
        Value::Sequence(vec![Value::Mapping(author)]),
    );
    if !config.description.is_empty() {
        set(&mut cff, "abstract", &config.description);
    }
    set(&mut cff, "url", &config.base_url);
    if let Some(repo) = &config.repo_url {
        set(&mut cff, "repository-code", repo);
    }
    if let Some(license) = &config.license {
        set(&mut cff, "license-url", license);
    }
    cff
}
