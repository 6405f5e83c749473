//! `CHANGES.md` of a release: the claims added, changed (verdict, evidence,
//! appearances, title) and withdrawn since the previous release, found by
//! comparing the two releases' `claims.json`.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::import::markdown_text;

/// What the release notes compare of one claim.
#[derive(Debug, Clone, PartialEq)]
struct Compared {
    title: String,
    status: String,
    evidence: Vec<Value>,
    appearances: Vec<Value>,
    aliases: Vec<String>,
}

/// The claims of a `claims.json`, by id; `None` when it is not one.
fn claims(json: &[u8]) -> Option<BTreeMap<String, Compared>> {
    let json: Value = serde_json::from_slice(json).ok()?;
    let list = json.get("claims")?.as_array()?;
    let text = |claim: &Value, key: &str| {
        claim
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    Some(
        list.iter()
            .filter_map(|claim| {
                let id = claim.get("id")?.as_str()?.to_string();
                let compared = Compared {
                    title: text(claim, "title"),
                    status: claim
                        .pointer("/status/id")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string(),
                    evidence: entries(
                        claim.get("citations"),
                        &[
                            "source",
                            "url",
                            "title",
                            "date",
                            "stance",
                            "quote",
                            "value",
                            "min",
                            "max",
                            "qualifier",
                            "document",
                        ],
                    ),
                    appearances: entries(
                        claim.get("appearances"),
                        &["source", "url", "title", "date", "quote", "document"],
                    ),
                    aliases: (claim.get("aliases").and_then(Value::as_array))
                        .map(|list| {
                            list.iter()
                                .filter_map(Value::as_str)
                                .map(str::to_string)
                                .collect()
                        })
                        .unwrap_or_default(),
                };
                Some((id, compared))
            })
            .collect(),
    )
}

/// The entries of a list with only `keys` kept (and a source by its id), so
/// that what the data file adds around them (addresses on the site, archive
/// records) does not count as a change.
fn entries(list: Option<&Value>, keys: &[&str]) -> Vec<Value> {
    let Some(list) = list.and_then(Value::as_array) else {
        return Vec::new();
    };
    list.iter()
        .map(|entry| {
            let kept = keys.iter().filter_map(|key| {
                let value = entry.get(*key)?;
                let value = match (*key, value.get("id")) {
                    ("source", Some(id)) => id.clone(),
                    _ => value.clone(),
                };
                Some((key.to_string(), value))
            });
            Value::Object(kept.collect())
        })
        .collect()
}

/// The release notes; `previous` is the previous release's name and its
/// `claims.json`, if there is one. Also returns a one-line summary.
pub(crate) fn notes(
    (title, version, date): (&str, &str, &str),
    previous: Option<(&str, &[u8])>,
    claims_json: &[u8],
) -> (String, String) {
    let now = claims(claims_json).unwrap_or_default();
    let before = previous
        .and_then(|(_, json)| claims(json))
        .unwrap_or_default();
    let mut added = Vec::new();
    let mut changed = Vec::new();
    for (id, claim) in &now {
        let old = before.get(id).map(|old| (id, old)).or_else(|| {
            // A renamed claim keeps its old id as an alias.
            claim
                .aliases
                .iter()
                .find_map(|alias| before.get_key_value(alias))
        });
        match old {
            None => added.push(format!("- `{id}`: {}", markdown_text(&claim.title))),
            Some((old_id, old)) => {
                let what = differences(old_id, id, old, claim);
                if !what.is_empty() {
                    changed.push(format!(
                        "- `{id}`: {}: {}",
                        markdown_text(&claim.title),
                        what.join("; ")
                    ));
                }
            }
        }
    }
    let kept: Vec<&String> = now.values().flat_map(|c| c.aliases.iter()).collect();
    let withdrawn: Vec<String> = (before.iter())
        .filter(|(id, _)| !now.contains_key(*id) && !kept.contains(id))
        .map(|(id, claim)| format!("- `{id}`: {}", markdown_text(&claim.title)))
        .collect();
    let mut text = format!("# {} data, release {version}\n\n", markdown_text(title));
    text.push_str(&format!("The data as of {date}: {} claims.", now.len()));
    match previous {
        Some((name, _)) => text.push_str(&format!(" Compared with release {name}.\n")),
        None => text.push_str(" The first release: every claim is new.\n"),
    }
    for (heading, list) in [
        ("Added", &added),
        ("Changed", &changed),
        ("Withdrawn", &withdrawn),
    ] {
        text.push_str(&format!("\n## {heading} ({})\n\n", list.len()));
        if list.is_empty() {
            text.push_str("None.\n");
        } else {
            text.push_str(&list.join("\n"));
            text.push('\n');
        }
    }
    let summary = format!(
        "{} added, {} changed, {} withdrawn",
        added.len(),
        changed.len(),
        withdrawn.len()
    );
    (text, summary)
}

fn differences(old_id: &str, id: &str, old: &Compared, now: &Compared) -> Vec<String> {
    let mut what = Vec::new();
    if old_id != id {
        what.push(format!("renamed from `{old_id}`"));
    }
    if old.status != now.status {
        what.push(format!("verdict {} → {}", old.status, now.status));
    }
    if old.evidence != now.evidence {
        what.push(format!(
            "evidence changed ({} → {} pieces)",
            old.evidence.len(),
            now.evidence.len()
        ));
    }
    if old.appearances != now.appearances {
        what.push("appearances or quotes changed".to_string());
    }
    if old.title != now.title {
        what.push("title reworded".to_string());
    }
    what
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(claims: &str) -> Vec<u8> {
        format!("{{\"claims\": [{claims}]}}").into_bytes()
    }

    #[test]
    fn added_changed_and_withdrawn_are_listed() {
        let before = json(
            r#"{"id": "a", "title": "A", "status": {"id": "unverified"}, "citations": []},
               {"id": "b", "title": "B", "status": {"id": "unverified"}},
               {"id": "c", "title": "C", "status": {"id": "unverified"}}"#,
        );
        let now = json(
            r#"{"id": "a", "title": "A", "status": {"id": "refuted"}, "citations": [{"source": {"id": "s", "url": "x"}, "stance": "contradicts"}]},
               {"id": "c2", "title": "C", "status": {"id": "unverified"}, "aliases": ["c"]},
               {"id": "d", "title": "D [new]", "status": {"id": "unverified"}}"#,
        );
        let (text, summary) = notes(("T", "1.1.0", "2026-12-01"), Some(("1.0.0", &before)), &now);
        assert_eq!(summary, "1 added, 2 changed, 1 withdrawn");
        assert!(text.contains("- `d`: D \\[new\\]"), "{text}");
        assert!(
            text.contains(
                "- `a`: A: verdict unverified → refuted; evidence changed (0 → 1 pieces)"
            ),
            "{text}"
        );
        assert!(text.contains("- `c2`: C: renamed from `c`"), "{text}");
        assert!(text.contains("## Withdrawn (1)\n\n- `b`: B"), "{text}");
    }
}
