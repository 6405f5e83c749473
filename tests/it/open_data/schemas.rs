//! The published JSON Schemas: every JSON file a site publishes names its
//! schema in `$schema` and validates against the schema the site serves
//! (with the `jsonschema` crate, resolving `$ref`s in the built site only);
//! the schemas are closed, so output and schema cannot drift apart; and
//! docs/data.md names every field of them.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use jsonschema::{Retrieve, Uri};
use serde_json::Value;

use crate::common;
use crate::provenance::repo::scripted;

/// Serves the schemas of a built site to the validator from its output
/// folder: `<base_url>schema/<name>` is `<public>/schema/<name>`.
struct BuiltSchemas {
    public: PathBuf,
}

impl Retrieve for BuiltSchemas {
    fn retrieve(
        &self,
        uri: &Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let path = uri.path().as_str();
        let name = path
            .rsplit_once("/schema/")
            .map(|(_, name)| name)
            .ok_or_else(|| format!("{uri} is not a schema of the site"))?;
        let text = std::fs::read_to_string(self.public.join("schema").join(name))?;
        Ok(serde_json::from_str(&text)?)
    }
}

/// Whether `relative` (a path in the output) is a JSON file the site publishes
/// as open data: not Pagefind's index, nor a list's `filter.json`, which only
/// the list's own script reads.
fn is_published_json(relative: &str) -> bool {
    relative.ends_with(".json")
        && !relative.starts_with("pagefind/")
        && !relative.starts_with("schema/")
        && !relative.ends_with("/filter.json")
        // Releases are frozen copies: they keep the address and shape of their day.
        && !relative.starts_with("data/releases/")
}

/// Validates every published JSON file under `public` against the schema its
/// `$schema` names, served by the site itself. Returns the schemas used, by
/// file name, and every document validated.
fn validate_site(public: &Path, base_url: &str) -> (BTreeSet<String>, Vec<(String, Value)>) {
    let mut used = BTreeSet::new();
    let mut documents = Vec::new();
    let mut problems = Vec::new();
    for (relative, bytes) in common::tree(public) {
        if !is_published_json(&relative) {
            continue;
        }
        let document: Value = serde_json::from_slice(&bytes).unwrap();
        let schema_url = document["$schema"]
            .as_str()
            .unwrap_or_else(|| panic!("{relative} has no $schema"))
            .to_string();
        let name = schema_url
            .strip_prefix(&format!("{base_url}schema/"))
            .unwrap_or_else(|| panic!("{relative}: $schema {schema_url} is not on the site"));
        let schema: Value =
            serde_json::from_str(&common::read(public, &format!("schema/{name}"))).unwrap();
        let validator = jsonschema::options()
            .with_base_uri(schema_url.clone())
            .with_retriever(BuiltSchemas {
                public: public.to_path_buf(),
            })
            .build(&schema)
            .unwrap_or_else(|e| panic!("schema {name}: {e}"));
        for error in validator.iter_errors(&document) {
            problems.push(format!(
                "{relative}: {} at {}",
                error,
                error.instance_path()
            ));
        }
        used.insert(name.to_string());
        documents.push((relative, document));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    (used, documents)
}

/// Builds the base fixture with `overlays` and validates it.
fn validate_fixture(overlays: &[&str]) -> (BTreeSet<String>, Vec<(String, Value)>) {
    let dir = common::build_site(overlays, Some("https://example.org/valid/"));
    validate_site(&dir.path().join("public"), "https://example.org/valid/")
}

/// Every dotted path (array indices left out) at which `value` holds
/// something other than null, e.g. `claims.quantity.min`.
fn non_null_paths(value: &Value, prefix: &str, paths: &mut BTreeSet<String>) {
    match value {
        Value::Null => {}
        Value::Array(items) => items.iter().for_each(|v| non_null_paths(v, prefix, paths)),
        Value::Object(map) => {
            for (key, v) in map {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                non_null_paths(v, &path, paths);
            }
        }
        _ => {
            paths.insert(prefix.to_string());
        }
    }
}

#[test]
fn every_json_file_of_the_example_site_validates_against_its_schema() {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    claimtrail::build(&claimtrail::BuildOptions {
        output: Some(public.clone()),
        base_url: Some("https://example.org/example/".into()),
        search: false,
        ..common::options(Path::new(env!("CARGO_MANIFEST_DIR")))
    })
    .unwrap();
    let (used, _) = validate_site(&public, "https://example.org/example/");
    for name in [
        "claims.schema.json",
        "sources.schema.json",
        "entities.schema.json",
        "documents.schema.json",
        "claim.schema.json",
        "source.schema.json",
        "entity.schema.json",
        "document.schema.json",
        "claimreview-feed.schema.json",
    ] {
        assert!(used.contains(name), "the example has no file of {name}");
    }
}

#[test]
fn fixtures_with_every_optional_field_validate_against_their_schemas() {
    let mut filled = BTreeSet::new();
    for overlays in [
        &[][..],
        &["documents"],
        &["evidence-lock"],
        &["quantities"],
        &["publishing"],
        &["statuses"],
    ] {
        let (_, documents) = validate_fixture(overlays);
        for (relative, document) in documents {
            let file = relative.rsplit('/').next().unwrap_or_default().to_string();
            let mut paths = BTreeSet::new();
            non_null_paths(&document, "", &mut paths);
            filled.extend(paths.into_iter().map(|p| format!("{file}:{p}")));
        }
    }
    // The optional fields were there to validate, not null everywhere.
    for path in [
        "claims.json:claims.summary",
        "claims.json:claims.quantity.value",
        "claims.json:claims.quantity.min",
        "claims.json:claims.quantity.max",
        "claims.json:claims.appearances.document",
        "claims.json:claims.appearances.archived.url",
        "claims.json:claims.appearances.archived.date",
        "claims.json:claims.citations.value",
        "claims.json:claims.citations.quote_check.state",
        "claims.json:claims.citations.quote_check.similarity",
        "claims.json:claims.citations.quote_check.nearest",
        "claims.json:claims.history.note",
        "claims.json:statuses.rating",
        "sources.json:sources.entity.id",
        "sources.json:sources.homepage",
        "entities.json:entities.parent.id",
        "documents.json:documents.archived.url",
        "documents.json:documents.date",
        "documents.json:documents.link",
        "index.json:claim.quantity.display",
        "claimreview-feed.json:dataFeedElement.reviewRating.ratingValue",
        "claimreview-feed.json:dataFeedElement.itemReviewed.firstAppearance.url",
    ] {
        assert!(filled.contains(path), "no fixture fills {path}");
    }
}

#[test]
fn the_history_files_of_a_git_site_validate_against_their_schemas() {
    let site = scripted();
    let public = site.root().join("public");
    claimtrail::build(&claimtrail::BuildOptions {
        search: false,
        ..common::options(site.root())
    })
    .unwrap();
    let (used, documents) = validate_site(&public, "https://example.org/tracker/");
    assert!(used.contains("changes.schema.json"));
    let (_, claim) = documents
        .iter()
        .find(|(path, _)| path == "claims/acme-model-2-price/index.json")
        .unwrap();
    let changes = &claim["changes"];
    assert_eq!(changes["id"], "acme-model-2-price");
    assert_eq!(
        changes["title"],
        "Acme Model 2 cuts per-token inference cost by 35% versus Acme Model 1"
    );
    let kinds: BTreeSet<&str> = changes["revisions"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["changes"].as_array().unwrap())
        .map(|c| c["change"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains("verdict") && kinds.contains("renamed"),
        "{kinds:?}"
    );
}

/// Every schema file of the repository, parsed, by name.
fn schemas() -> Vec<(String, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas");
    let mut schemas: Vec<(String, Value)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (
                name,
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap(),
            )
        })
        .collect();
    schemas.sort_by(|a, b| a.0.cmp(&b.0));
    schemas
}

/// Every object schema (one with `properties`) inside `value`.
fn object_schemas<'a>(value: &'a Value, found: &mut Vec<&'a Value>) {
    match value {
        Value::Object(map) => {
            if map.contains_key("properties") && map.get("type") == Some(&Value::from("object")) {
                found.push(value);
            }
            map.values().for_each(|v| object_schemas(v, found));
        }
        Value::Array(items) => items.iter().for_each(|v| object_schemas(v, found)),
        _ => {}
    }
}

#[test]
fn every_schema_is_closed_so_output_and_schema_cannot_drift() {
    for (name, schema) in schemas() {
        assert_eq!(
            schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{name}"
        );
        assert!(
            jsonschema::meta::is_valid(&schema),
            "{name} is not a valid schema"
        );
        let mut objects = Vec::new();
        object_schemas(&schema, &mut objects);
        for object in objects {
            // A field the output gains fails validation until the schema has it.
            assert_eq!(object["additionalProperties"], false, "{name}: {object}");
            // A field the output loses fails too: the data files write every
            // field, null when unset (the DataFeed leaves out what
            // schema.org has no value for, so some of its fields are optional).
            if name != "claimreview-feed.schema.json" {
                let properties: BTreeSet<&str> = object["properties"]
                    .as_object()
                    .unwrap()
                    .keys()
                    .map(String::as_str)
                    .collect();
                let required: BTreeSet<&str> = object["required"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_str().unwrap())
                    .collect();
                assert_eq!(properties, required, "{name}");
            }
        }
    }
}

#[test]
fn a_schema_missing_a_field_the_output_has_fails_validation() {
    let dir = common::build_site(&[], None);
    let claims = common::data(dir.path(), "claims.json");
    let mut schema: Value = serde_json::from_str(&common::read(
        dir.path(),
        "public/schema/claims.schema.json",
    ))
    .unwrap();
    schema["$defs"]["claim"]["properties"]
        .as_object_mut()
        .unwrap()
        .remove("aliases");
    let required = schema["$defs"]["claim"]["required"].as_array_mut().unwrap();
    required.retain(|v| v != "aliases");
    let validator = jsonschema::options()
        .with_base_uri("https://example.org/tracker/schema/claims.schema.json")
        .with_retriever(BuiltSchemas {
            public: dir.path().join("public"),
        })
        .build(&schema)
        .unwrap();
    assert!(!validator.is_valid(&claims));
}

/// Every property name in `value` (a schema), e.g. `claimReviewed`.
fn property_names(value: &Value, names: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Object(properties)) = map.get("properties") {
                names.extend(properties.keys().cloned());
            }
            map.values().for_each(|v| property_names(v, names));
        }
        Value::Array(items) => items.iter().for_each(|v| property_names(v, names)),
        _ => {}
    }
}

#[test]
fn docs_data_md_names_every_field_of_the_schemas_and_no_other() {
    let docs = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/data.md"))
        .unwrap();
    let mut names = BTreeSet::new();
    for (_, schema) in schemas() {
        property_names(&schema, &mut names);
    }
    for name in &names {
        // Named alone, or as the last part of a dotted name (`site.publisher`).
        assert!(
            docs.contains(&format!("`{name}`")) || docs.contains(&format!(".{name}`")),
            "docs/data.md does not name `{name}`"
        );
    }
    // The other way: the first cell of each row of the field tables of the
    // JSON sections names only fields the schemas have.
    let mut section = String::new();
    let mut field_table = false;
    for line in docs.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            section = heading.to_string();
            continue;
        }
        if !line.starts_with('|') {
            field_table = false;
            continue;
        }
        if line.starts_with("| field |") {
            field_table = true;
            continue;
        }
        let json_section = section.contains(".json") || section.contains("JSON file");
        let Some(cell) = line.strip_prefix("| `") else {
            continue;
        };
        if !json_section || !field_table {
            continue;
        }
        let cell = cell
            .split(" |")
            .next()
            .unwrap_or_default()
            .trim_end_matches('`');
        for field in cell.split(", ") {
            let field = field.trim_matches('`');
            let last = field.rsplit('.').next().unwrap_or(field);
            assert!(
                names.contains(last),
                "docs/data.md ({section}) documents `{field}`, which no schema has"
            );
        }
    }
}
