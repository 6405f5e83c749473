//! `/claims.csv`: one row per claim, for spreadsheets.
//!
//! Quoting follows RFC 4180 (the `csv` crate, CRLF line ends). Text that a
//! spreadsheet would run as a formula is neutralised; the columns are
//! documented in docs/data.md.

use super::OutputFile;
use super::amount_fields::AmountFields;
use super::viewer::Viewer;
use crate::amount::round_trip;
use crate::diagnostic::Diagnostic;
use crate::ids::tag_slug;
use crate::model::Claim;
use crate::parse::Stance;

/// The header row; docs/data.md describes each column.
pub(super) const COLUMNS: &[&str] = &[
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
    "quantity_qualifier",
    "quantity_min",
    "quantity_max",
    "quantity_display",
    "appearance_urls",
];

/// `/claims.csv`.
pub(super) fn file(viewer: &Viewer) -> Result<OutputFile, Diagnostic> {
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
    let amount = AmountFields::of(
        quantity.map(|q| &q.amount),
        quantity.map_or("", |q| &q.unit),
    );
    let raw = |number: Option<f64>| number.map(round_trip).unwrap_or_default();
    let urls: Vec<&str> = claim
        .citations
        .iter()
        .filter_map(|c| c.url.as_deref().or(c.archive.as_deref()))
        .collect();
    let appearance_urls: Vec<&str> = claim
        .appearances
        .iter()
        .filter_map(|a| a.url.as_deref().or(a.archive.as_deref()))
        .collect();
    let tags: Vec<String> = claim.tags.iter().map(|t| tag_slug(t)).collect();
    let cells = [
        claim.id.clone(),
        viewer.urls.absolute(&format!("claims/{}/", claim.id)),
        claim.title.clone(),
        claim.date.to_string(),
        claim.status.clone(),
        viewer.status(&claim.status).label.clone(),
        claim.claimant.clone(),
        viewer.source_link(&claim.claimant).name,
        claim.entities.join(" "),
        tags.join(" "),
        claim.summary.clone().unwrap_or_default(),
        quantity.map_or_else(String::new, |q| q.label.clone()),
        raw(amount.value),
        quantity.map_or_else(String::new, |q| q.unit.clone()),
        claim.citations.len().to_string(),
        count(Stance::Supports),
        count(Stance::Contradicts),
        urls.join(" "),
        claim.last_updated().to_string(),
        amount
            .qualifier
            .map_or_else(String::new, |q| q.as_str().to_string()),
        raw(amount.min),
        raw(amount.max),
        amount.display.unwrap_or_default(),
        appearance_urls.join(" "),
    ];
    // Every cell but the numbers, which a spreadsheet should read as numbers
    // (`-5`, `2e25`), goes through the neutraliser, ids, dates and URLs too:
    // a URL may hold `;=`, and checking a cell that needs nothing changes nothing.
    COLUMNS
        .iter()
        .zip(cells)
        .map(|(column, cell)| match NUMBER_COLUMNS.contains(column) {
            true => cell,
            false => neutralise_formula(&cell),
        })
        .collect()
}

/// The columns holding numbers rather than text, written as the shortest
/// text that reads back as the same number (`35`, `0.0004`, `2e25`).
const NUMBER_COLUMNS: [&str; 3] = ["quantity_value", "quantity_min", "quantity_max"];

/// Characters that make a spreadsheet read a cell as a formula (OWASP's list).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Characters at which some reader may start a new cell or row: the comma, the
/// semicolon and the tab that spreadsheets split on, and line breaks, which
/// end a row for a reader that has lost track of the quoting.
const CELL_BREAKS: [char; 5] = [',', ';', '\t', '\r', '\n'];

/// A text cell a spreadsheet cannot run, whichever delimiter it splits on.
///
/// A `'` goes before the cell when it starts with `=`, `+`, `-`, `@`, a tab
/// or a carriage return, and after every comma, semicolon, tab or line break
/// inside it that one of those follows (past any `"`, which a reader splitting
/// on another delimiter takes as an opening quote). Spreadsheets show such a
/// cell as text; the rest of the text is kept as it was.
///
/// ```
/// use claimtrail::render::neutralise_formula;
/// assert_eq!(neutralise_formula("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
/// assert_eq!(neutralise_formula("Acme;=1+1;@SUM(2+2)"), "Acme;'=1+1;'@SUM(2+2)");
/// assert_eq!(neutralise_formula("Acme"), "Acme");
/// ```
pub fn neutralise_formula(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len() + 1);
    let mut cell_may_start = true;
    for (at, c) in cell.char_indices() {
        if cell_may_start && starts_formula(&cell[at..]) {
            out.push('\'');
        }
        out.push(c);
        cell_may_start = CELL_BREAKS.contains(&c);
    }
    out
}

/// Whether a cell that begins with `rest` would be read as a formula, counting
/// the quotes a reader may strip first.
fn starts_formula(rest: &str) -> bool {
    rest.trim_start_matches('"').starts_with(FORMULA_STARTS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_plain_text_is_not() {
        for risky in ["=1+1", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx", "\"=1"] {
            assert_eq!(neutralise_formula(risky), format!("'{risky}"));
        }
        for plain in [
            "Acme",
            "35% cheaper",
            "",
            "a=b",
            "'quoted",
            "a, b",
            "a; b",
            "x-y",
        ] {
            assert_eq!(neutralise_formula(plain), plain);
        }
    }

    #[test]
    fn a_formula_after_any_delimiter_or_line_break_is_neutralised_too() {
        let cases = [
            ("Acme;=1+1;@SUM(2+2)", "Acme;'=1+1;'@SUM(2+2)"),
            ("a\t=1\t+2", "a\t'=1\t'+2"),
            ("a,-1", "a,'-1"),
            ("a\n@b\r\n=c", "a\n'@b\r\n'=c"),
            ("a;\"=1", "a;'\"=1"),
            ("a;\"\"\"+1", "a;'\"\"\"+1"),
            ("a\t\t=1", "a\t'\t'=1"),
            ("=a;=b", "'=a;'=b"),
            ("a; =1", "a; =1"),
        ];
        for (cell, safe) in cases {
            assert_eq!(neutralise_formula(cell), safe, "{cell:?}");
        }
    }

    /// Splits `cell` as a reader with `delimiter` would and finds no piece
    /// that starts a formula, for every short cell over a small alphabet.
    #[test]
    fn no_split_of_a_neutralised_cell_starts_a_formula() {
        let alphabet = [
            'a', '=', '+', '-', '@', '\t', '\r', '\n', ',', ';', '"', ' ',
        ];
        let mut cells = vec![String::new()];
        for _ in 0..4 {
            cells = cells
                .iter()
                .flat_map(|cell| alphabet.iter().map(move |c| format!("{cell}{c}")))
                .collect();
        }
        for cell in &cells {
            let safe = neutralise_formula(cell);
            assert_eq!(safe.replace('\'', ""), *cell, "only quotes are added");
            for piece in safe.split(CELL_BREAKS) {
                assert!(
                    !starts_formula(piece),
                    "{cell:?} became {safe:?}, whose piece {piece:?} is a formula"
                );
            }
        }
    }
}
