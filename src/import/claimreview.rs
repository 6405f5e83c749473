//! Reading ClaimReview: a schema.org `DataFeed` of `ClaimReview` items (the
//! feed fact-check aggregators ingest), a bare `ClaimReview` or a list of
//! them, or a Google Fact Check Tools API `claims:search` response.
//!
//! The JSON is read as a tree and every field looked up by hand, so that a
//! missing or mistyped field skips its item with a reason instead of
//! refusing the whole file.

use serde_json::Value;

use super::item::{Appearance, Item, Party, Review, Verdict, date_of, one_line};

/// An item that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Skipped {
    /// How messages name the item.
    pub label: String,
    /// Why it was skipped.
    pub reason: String,
}

/// The claims of a ClaimReview or Fact Check Tools document, in input order,
/// each read or skipped; `None` when the JSON is neither.
pub(crate) fn items(json: &Value) -> Option<Vec<Result<Item, Skipped>>> {
    if let Some(claims) = json.get("claims").and_then(Value::as_array) {
        return Some(numbered(claims, fact_check_claim));
    }
    let reviews = claim_reviews(json)?;
    Some(numbered(&reviews, |review, label| {
        claim_review(review, label)
    }))
}

fn numbered<T>(
    list: &[T],
    read: impl Fn(&T, &str) -> Result<Item, String>,
) -> Vec<Result<Item, Skipped>> {
    (list.iter().enumerate())
        .map(|(i, value)| {
            let label = format!("item {}", i + 1);
            read(value, &label).map_err(|reason| Skipped { label, reason })
        })
        .collect()
}

/// The ClaimReviews of a DataFeed (its `dataFeedElement`, each a
/// ClaimReview or a `DataFeedItem` holding one in `item`), of a list, or a
/// lone ClaimReview.
fn claim_reviews(json: &Value) -> Option<Vec<Value>> {
    let elements = match json {
        Value::Array(list) => list.clone(),
        Value::Object(_) => match json.get("dataFeedElement") {
            Some(Value::Array(list)) => list.clone(),
            Some(_) => return None,
            None if is_type(json, "ClaimReview") => vec![json.clone()],
            None => return None,
        },
        _ => return None,
    };
    Some(
        elements
            .into_iter()
            .flat_map(|element| match element.get("item") {
                Some(Value::Array(items)) if !is_type(&element, "ClaimReview") => items.clone(),
                Some(item) if !is_type(&element, "ClaimReview") => vec![item.clone()],
                _ => vec![element],
            })
            .collect(),
    )
}

fn is_type(value: &Value, name: &str) -> bool {
    match value.get("@type") {
        Some(Value::String(t)) => t == name,
        Some(Value::Array(types)) => types.iter().any(|t| t.as_str() == Some(name)),
        _ => false,
    }
}

/// The text of `key` in one line, when it is a non-empty string.
fn text(value: &Value, key: &str) -> Option<String> {
    let text = one_line(value.get(key)?.as_str()?);
    (!text.is_empty()).then_some(text)
}

/// A date field: absent is `Ok(None)`, a string that is not a date is an error.
fn date(value: &Value, key: &str) -> Result<Option<time::Date>, String> {
    match value.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) if text.trim().is_empty() => Ok(None),
        Some(Value::String(text)) => date_of(text)
            .map(Some)
            .ok_or_else(|| format!("`{key}` {} is not a date (YYYY-MM-DD)", shown(text))),
        Some(_) => Err(format!("`{key}` is not a date (YYYY-MM-DD)")),
    }
}

/// A value quoted for a message, cut to 60 characters.
pub(crate) fn shown(text: &str) -> String {
    let mut cut: String = text.chars().take(60).collect();
    if cut.len() < text.len() {
        cut.push('…');
    }
    format!("{cut:?}")
}

/// A person or organization: a name, an object with `name` (and `url` or
/// `sameAs`), or a list whose first entry is one.
fn party(value: Option<&Value>) -> Option<Party> {
    match value? {
        Value::String(name) => {
            let name = one_line(name);
            (!name.is_empty()).then_some(Party { name, url: None })
        }
        Value::Array(list) => party(list.first()),
        object @ Value::Object(_) => Some(Party {
            name: text(object, "name")?,
            url: text(object, "url").or_else(|| match object.get("sameAs") {
                Some(Value::Array(list)) => list.first().and_then(Value::as_str).map(one_line),
                Some(Value::String(url)) => Some(one_line(url)),
                _ => None,
            }),
        }),
        _ => None,
    }
}

/// A field holding one object or a list of them.
fn list_of(value: Option<&Value>) -> Vec<&Value> {
    match value {
        Some(Value::Array(list)) => list.iter().filter(|v| v.is_object()).collect(),
        Some(object @ Value::Object(_)) => vec![object],
        _ => Vec::new(),
    }
}

fn claim_review(review: &Value, label: &str) -> Result<Item, String> {
    let claimed = text(review, "claimReviewed").ok_or("it has no `claimReviewed` text")?;
    let publisher = party(review.get("author")).ok_or("it has no `author` (the fact-checker)")?;
    let rating = review.get("reviewRating");
    let rating = rating.and_then(|r| text(r, "alternateName").or_else(|| text(r, "name")));
    let reviewed = review.get("itemReviewed").unwrap_or(&Value::Null);
    let claimant = party(reviewed.get("author"))
        .ok_or("it has no claimant (`itemReviewed.author` with a `name`)")?;
    let mut appearances = Vec::new();
    for found in list_of(reviewed.get("appearance"))
        .into_iter()
        .chain(list_of(reviewed.get("firstAppearance")))
    {
        let appearance = appearance(found)?;
        if !appearances.contains(&appearance) {
            appearances.push(appearance);
        }
    }
    let review_date = date(review, "datePublished")?;
    let date = date(reviewed, "datePublished")?
        .or_else(|| appearances.iter().find_map(|a| a.date))
        .or(review_date)
        .ok_or("it has no date (`itemReviewed.datePublished`, an appearance's or the review's `datePublished`)")?;
    Ok(Item {
        label: label.to_string(),
        text: claimed,
        date,
        claimant,
        appearances,
        reviews: vec![Review {
            publisher,
            url: text(review, "url"),
            title: text(review, "headline").or_else(|| text(review, "name")),
            date: review_date,
            rating,
        }],
        verdict: Verdict::FromReviews,
        tags: Vec::new(),
        summary: None,
    })
}

fn appearance(found: &Value) -> Result<Appearance, String> {
    Ok(Appearance {
        url: text(found, "url"),
        title: text(found, "headline").or_else(|| text(found, "name")),
        date: date(found, "datePublished")?,
        publisher: party(found.get("author")),
        quote: text(found, "text"),
    })
}

/// A claim of a Fact Check Tools `claims:search` response.
fn fact_check_claim(claim: &Value, label: &str) -> Result<Item, String> {
    let claimed = text(claim, "text").ok_or("it has no `text`")?;
    let claimant = (claim.get("claimant").and_then(Value::as_str))
        .map(one_line)
        .filter(|name| !name.is_empty())
        .ok_or("it has no `claimant`")?;
    let mut reviews = Vec::new();
    for review in list_of(claim.get("claimReview")) {
        let publisher = review.get("publisher").unwrap_or(&Value::Null);
        let name = text(publisher, "name").or_else(|| text(publisher, "site"));
        let name = name.ok_or("a `claimReview` has no `publisher.name`")?;
        reviews.push(Review {
            publisher: Party { name, url: None },
            url: text(review, "url"),
            title: text(review, "title"),
            date: date(review, "reviewDate")?,
            rating: text(review, "textualRating"),
        });
    }
    let date = date(claim, "claimDate")?
        .or_else(|| reviews.iter().find_map(|r| r.date))
        .ok_or("it has no date (`claimDate` or a review's `reviewDate`)")?;
    Ok(Item {
        label: label.to_string(),
        text: claimed,
        date,
        claimant: Party {
            name: claimant,
            url: None,
        },
        appearances: Vec::new(),
        reviews,
        verdict: Verdict::FromReviews,
        tags: Vec::new(),
        summary: None,
    })
}
