//! `[statuses.<id>]` in `site.toml`: the verdicts a claim can carry.

use serde::Serialize;

use crate::colour::{self, ColourProblem};
use crate::fields::{Fields, Located, merge};
use crate::i18n::Translations;
use crate::ids::{MAX_ID_LEN, is_valid_id, suggest_id};

const STATUS_KEYS: &[&str] = &["label", "color", "description", "rating"];

/// The worst (most false) rating on the ClaimReview scale.
pub(crate) const WORST_RATING: u8 = 1;
/// The best (most true) rating on the ClaimReview scale.
pub(crate) const BEST_RATING: u8 = 5;

/// The middle of the ClaimReview scale: neither true nor false.
const MIDDLE_RATING: u8 = (WORST_RATING + BEST_RATING) / 2;

/// What a status says about a claim's truth, read from its `rating`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Rated above the middle of the scale: the claim holds (or mostly holds).
    True,
    /// Rated below the middle of the scale: the claim does not hold.
    False,
}

/// A verdict a claim can carry, such as `supported`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusDef {
    /// The id used in frontmatter, e.g. `supported`.
    pub id: String,
    /// The label readers see, e.g. "Supported".
    pub label: String,
    /// A CSS colour for the badge.
    pub color: String,
    /// What the status means.
    pub description: String,
    /// Where the status sits on the ClaimReview scale, from [`WORST_RATING`]
    /// (false) to [`BEST_RATING`] (true); `None` for a status that is no
    /// verdict on truth, such as `unverified`.
    pub rating: Option<u8>,
}

impl StatusDef {
    /// Whether this status calls a claim true or false, by its `rating`:
    /// `None` for the middle of the scale (such as `disputed`) and for a
    /// status with no rating. Agreement rates count only statuses with a verdict.
    pub fn verdict(&self) -> Option<Verdict> {
        match self.rating? {
            rating if rating > MIDDLE_RATING => Some(Verdict::True),
            rating if rating < MIDDLE_RATING => Some(Verdict::False),
            _ => None,
        }
    }
}

/// The statuses every site has unless `site.toml` redefines them.
pub(crate) fn default_statuses() -> Vec<StatusDef> {
    // Only verdicts on truth get a number: unverified, retracted and outdated
    // say nothing about whether the claim is true (see docs/content-format.md).
    [
        (
            "unverified",
            "Unverified",
            "#6b7280",
            "Made, not yet confirmed or contradicted by independent evidence.",
            None,
        ),
        (
            "supported",
            "Supported",
            "#15803d",
            "Independent evidence confirms it.",
            Some(BEST_RATING),
        ),
        (
            "disputed",
            "Disputed",
            "#b45309",
            "Credible sources conflict.",
            Some(3),
        ),
        (
            "refuted",
            "Refuted",
            "#b91c1c",
            "Evidence contradicts it.",
            Some(WORST_RATING),
        ),
        (
            "retracted",
            "Retracted",
            "#7c3aed",
            "The claimant withdrew or corrected it.",
            None,
        ),
        (
            "outdated",
            "Outdated",
            "#1d4ed8",
            "Later events made the claim moot (a spec replaced, a plan abandoned).",
            None,
        ),
    ]
    .into_iter()
    .map(|(id, label, color, description, rating)| StatusDef {
        id: id.into(),
        label: label.into(),
        color: color.into(),
        description: description.into(),
        rating,
    })
    .collect()
}

/// Gives each default status whose label or description the site left as
/// built in its words from `translations` (`status_<id>`,
/// `status_<id>_description`).
pub(super) fn translate_defaults(statuses: &mut [StatusDef], translations: &Translations) {
    for default in default_statuses() {
        let Some(status) = statuses.iter_mut().find(|s| s.id == default.id) else {
            continue;
        };
        if status.label == default.label {
            status.label = translations
                .text(&format!("status_{}", default.id))
                .to_string();
        }
        if status.description == default.description {
            let key = format!("status_{}_description", default.id);
            status.description = translations.text(&key).to_string();
        }
    }
}

/// A status id becomes the folder `/status/<id>/`, so it follows the id rules.
fn check_status_id(entry: &mut Fields, id: &str) {
    if is_valid_id(id) {
        return;
    }
    let message = format!(
        "`{id}` is not a valid status id: ids use only lowercase letters a-z, digits 0-9 and `-`, start with a letter or digit, and are at most {MAX_ID_LEN} characters"
    );
    let suggestion = suggest_id(id);
    let hint = (!suggestion.is_empty()).then(|| format!("name it `[statuses.{suggestion}]`"));
    let span = entry.span();
    entry.error(span.start..span.start, message, hint);
}

/// A badge colour is any CSS colour (`csscolorparser`) on which black or white
/// badge text reaches WCAG AA; otherwise a located error with a colour that does.
fn check_color(entry: &mut Fields, color: &Located<String>) {
    let value = color.value.as_str();
    match colour::badge(value) {
        Ok(_) => {}
        Err(ColourProblem::NotAColour(_)) => entry.error(
            color.span.clone(),
            format!("`color` must be a CSS colour, not `{value}`"),
            Some(
                "for example `color = \"#15803d\"`, `color = \"teal\"` or `color = \"hsl(140 70% 30%)\"`"
                    .into(),
            ),
        ),
        Err(ColourProblem::LowContrast { best, suggestion }) => entry.error(
            color.span.clone(),
            format!(
                "badge text on `{value}` cannot be read: neither black nor white text reaches the {} : 1 contrast of WCAG AA (best {best:.2} : 1)",
                colour::AA_CONTRAST
            ),
            Some(format!("a close colour that passes: `color = \"{suggestion}\"`")),
        ),
    }
}

/// Defaults, with each `[statuses.<id>]` table overriding or adding one status.
pub(super) fn read_statuses(fields: &mut Fields) -> Vec<StatusDef> {
    let mut statuses = default_statuses();
    let Some(mut table) = fields.table("statuses", &[]) else {
        return statuses;
    };
    for (id, mut entry) in table.entries(STATUS_KEYS) {
        check_status_id(&mut entry, &id);
        let label = entry.optional_str("label").map(|l| l.value);
        let color = entry.optional_str("color");
        if let Some(color) = &color {
            check_color(&mut entry, color);
        }
        let color = color.map(|c| c.value);
        let description = entry.optional_text("description").map(|d| d.value);
        let rating = read_rating(&mut entry);
        let index = match statuses.iter().position(|s| s.id == id) {
            Some(index) => index,
            None => {
                statuses.push(StatusDef {
                    id: id.clone(),
                    label: id.clone(),
                    color: "#6b7280".into(),
                    description: String::new(),
                    rating: None,
                });
                statuses.len() - 1
            }
        };
        let status = &mut statuses[index];
        status.label = label.unwrap_or_else(|| status.label.clone());
        status.color = color.unwrap_or_else(|| status.color.clone());
        status.description = description.unwrap_or_else(|| status.description.clone());
        if let Some(rating) = rating {
            status.rating = rating;
        }
        merge(&mut table, entry);
    }
    merge(fields, table);
    statuses
}

/// A status's `rating`: 1 to 5 on the ClaimReview scale, or 0 for "no rating".
/// `None` when absent or invalid (the problem is recorded).
fn read_rating(entry: &mut Fields) -> Option<Option<u8>> {
    let rating = entry.optional_number("rating")?;
    let whole = rating.value.fract() == 0.0;
    match rating.value as i64 {
        0 if whole => Some(None),
        n if whole && (i64::from(WORST_RATING)..=i64::from(BEST_RATING)).contains(&n) => {
            u8::try_from(n).ok().map(Some)
        }
        _ => {
            entry.error(
                rating.span,
                format!(
                    "`rating` must be a whole number from {WORST_RATING} (false) to {BEST_RATING} (true), or 0 for no rating"
                ),
                Some("for example `rating = 2` for a mostly false verdict".to_string()),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rated(rating: Option<u8>) -> StatusDef {
        StatusDef {
            id: "custom".into(),
            label: "Custom".into(),
            color: "teal".into(),
            description: String::new(),
            rating,
        }
    }

    #[test]
    fn a_verdict_is_read_from_the_rating_either_side_of_the_middle() {
        let verdicts: Vec<Option<Verdict>> = [None, Some(1), Some(2), Some(3), Some(4), Some(5)]
            .into_iter()
            .map(|rating| rated(rating).verdict())
            .collect();
        let (t, f) = (Some(Verdict::True), Some(Verdict::False));
        assert_eq!(verdicts, [None, f, f, None, t, t]);
    }

    #[test]
    fn the_default_statuses_keep_their_verdicts() {
        let verdicts: Vec<(String, Option<Verdict>)> = default_statuses()
            .iter()
            .map(|status| (status.id.clone(), status.verdict()))
            .collect();
        let expected = [
            ("unverified", None),
            ("supported", Some(Verdict::True)),
            ("disputed", None),
            ("refuted", Some(Verdict::False)),
            ("retracted", None),
            ("outdated", None),
        ]
        .map(|(id, verdict)| (id.to_string(), verdict));
        assert_eq!(verdicts, expected);
    }
}
