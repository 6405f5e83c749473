//! `/claims.csv`: one row per claim, for spreadsheets.
//!
//! Quoting follows RFC 4180 (the `csv` crate, CRLF line ends). Text that a
//! spreadsheet would run as a formula is neutralised; the columns are
//! documented in docs/data.md.

use super::OutputFile;
use super::viewer::Viewer;
use crate::diagnostic::Diagnostic;
use crate::ids::tag_slug;
use crate::model::Claim;
use crate::parse::Stance;

/// The header row; docs/data.md describes each column.
pub const COLUMNS: &[&str] = &[
    "id",
    "url",
    "title",
    "date",
    "status",
    "status_label",
    "claimant",
    "claimant_name",
    "entities",
    "tags",
    "summary",
    "quantity_label",
    "quantity_value",
    "quantity_unit",
    "citations",
    "supporting",
    "contradicting",
    "citation_urls",
    "last_updated",
];

/// `/claims.csv`.
pub fn file(viewer: &Viewer) -> Result<OutputFile, Diagnostic> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(COLUMNS).map_err(problem)?;
    for claim in &viewer.site.claims {
        writer.write_record(row(viewer, claim)).map_err(problem)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|error| problem(csv::Error::from(error.into_error())))?;
    Ok(OutputFile {
        path: "claims.csv".into(),
        bytes,
    })
}

fn problem(error: csv::Error) -> Diagnostic {
    Diagnostic::error("claims.csv", format!("cannot write claims.csv: {error}"))
}

fn row(viewer: &Viewer, claim: &Claim) -> Vec<String> {
    let count = |stance: Stance| {
        let n = claim
            .citations
            .iter()
            .filter(|c| c.stance == stance)
            .count();
        n.to_string()
    };
    let quantity = claim.quantity.as_ref();
    let urls: Vec<&str> = claim
        .citations
        .iter()
        .filter_map(|c| c.url.as_deref().or(c.archive.as_deref()))
        .collect();
    let tags: Vec<String> = claim.tags.iter().map(|t| tag_slug(t)).collect();
    vec![
        claim.id.clone(),
        viewer.urls.absolute(&format!("claims/{}/", claim.id)),
        neutralise_formula(&claim.title),
        claim.date.to_string(),
        claim.status.clone(),
        neutralise_formula(&viewer.status(&claim.status).label),
        claim.claimant.clone(),
        neutralise_formula(&viewer.source_link(&claim.claimant).name),
        claim.entities.join(" "),
        tags.join(" "),
        neutralise_formula(claim.summary.as_deref().unwrap_or_default()),
        neutralise_formula(quantity.map_or("", |q| q.label.as_str())),
        quantity.map_or_else(String::new, |q| q.value.to_string()),
        neutralise_formula(quantity.map_or("", |q| q.unit.as_str())),
        claim.citations.len().to_string(),
        count(Stance::Supports),
        count(Stance::Contradicts),
        neutralise_formula(&urls.join(" ")),
        claim.last_updated().to_string(),
    ]
}

/// A text cell a spreadsheet cannot run: one starting with `=`, `+`, `-`, `@`,
/// a tab or a carriage return gets a leading `'`, which spreadsheets show as text.
///
/// ```
/// use claimtrail::render::neutralise_formula;
/// assert_eq!(neutralise_formula("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
/// assert_eq!(neutralise_formula("Acme"), "Acme");
/// ```
pub fn neutralise_formula(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_plain_text_is_not() {
        for risky in ["=1+1", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1"] {
            assert_eq!(neutralise_formula(risky), format!("'{risky}"));
        }
        for plain in ["Acme", "35% cheaper", "", "a=b", "'quoted"] {
            assert_eq!(neutralise_formula(plain), plain);
        }
    }
}
