//! Planning an import: every item becomes a claim file and the source and
//! document files it needs, with ids made from its text, none of them
//! replacing a file that exists. Each file planned is read back by the
//! parser `check` uses, so an item whose files would not pass is skipped.

use std::collections::{HashMap, HashSet};
use std::path::Path;

mod ids;

use super::files::{
    AppearanceEntry, CitationEntry, ClaimFile, DocumentFile, SourceFile, content_file,
    markdown_text, toml_date,
};
use super::item::{Appearance, Item, Party, Review, Verdict};
use crate::config::Config;
use crate::links::check_web_url;
use crate::load::{CONTENT_FOLDER, Kind, RawFile};
use ids::{ids_on_disk, short_id};

/// The longest text an import accepts for a claim (its title); a longer one
/// is not a claim in one sentence.
const MAX_CLAIM_TEXT: usize = 1_000;

/// The longest of any other text (a quote, a name, a title, an address).
const MAX_TEXT: usize = 10_000;

/// Why an item is not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// Its claim file exists already (imported before?): skipped, never an error.
    Exists(String),
    /// Something in it cannot be imported.
    Bad(String),
}

impl Refusal {
    /// The reason, for messages.
    pub(crate) fn reason(&self) -> &str {
        match self {
            Refusal::Exists(reason) | Refusal::Bad(reason) => reason,
        }
    }
}

impl From<String> for Refusal {
    fn from(reason: String) -> Self {
        Refusal::Bad(reason)
    }
}

impl From<&str> for Refusal {
    fn from(reason: &str) -> Self {
        Refusal::Bad(reason.to_string())
    }
}

/// One file to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Planned {
    /// Its path from the site root, `/`-separated.
    pub path: String,
    /// Its whole text.
    pub text: String,
    /// What to say beside it (a claim's verdict mapping), or empty.
    pub note: String,
}

/// The files planned so far, and the ids they and the site's files take.
pub(crate) struct Planner<'c> {
    config: &'c Config,
    /// The input's file name, named in each claim's body.
    input_name: String,
    /// The ids of each kind that files on disk hold.
    on_disk: HashMap<Kind, HashSet<String>>,
    /// The ids of each kind planned, committed or pending.
    planned: HashMap<Kind, HashSet<String>>,
    /// Document ids by address, so two claims made in one document share it.
    documents_by_url: HashMap<String, String>,
    /// Files of the item being planned.
    pending: Vec<(Kind, String, Planned, Option<String>)>,
    /// Files of the items planned.
    pub files: Vec<Planned>,
}

impl<'c> Planner<'c> {
    /// A planner for the site at `root` with `config`, importing `input_name`.
    pub(crate) fn new(root: &Path, config: &'c Config, input_name: &str) -> Self {
        let on_disk = (Kind::ALL.iter())
            .map(|&kind| {
                (
                    kind,
                    ids_on_disk(&root.join(CONTENT_FOLDER).join(kind.folder())),
                )
            })
            .collect();
        Planner {
            config,
            input_name: input_name.to_string(),
            on_disk,
            planned: HashMap::new(),
            documents_by_url: HashMap::new(),
            pending: Vec::new(),
            files: Vec::new(),
        }
    }

    /// Plans `item`'s files, or says why it is skipped (then nothing of it is planned).
    pub(crate) fn add(&mut self, item: &Item) -> Result<(), Refusal> {
        let result = self.plan(item);
        let pending = std::mem::take(&mut self.pending);
        match result {
            Ok(()) => {
                for (kind, id, file, url) in pending {
                    self.files.push(file);
                    if let (Kind::Document, Some(url)) = (kind, url) {
                        self.documents_by_url.entry(url).or_insert(id);
                    }
                }
            }
            Err(_) => {
                for (kind, id, _, _) in pending {
                    if let Some(ids) = self.planned.get_mut(&kind) {
                        ids.remove(&id);
                    }
                }
            }
        }
        result
    }

    fn plan(&mut self, item: &Item) -> Result<(), Refusal> {
        check_length("the claim's text", &item.text, MAX_CLAIM_TEXT)?;
        let (status, note) = self.status(item)?;
        let claimant = self.source(&item.claimant)?;
        let mut appearances = Vec::new();
        for appearance in &item.appearances {
            appearances.push(self.appearance(appearance, &claimant)?);
        }
        let mut citations = Vec::new();
        for review in &item.reviews {
            citations.push(self.citation(review)?);
        }
        if appearances.is_empty() && citations.is_empty() {
            return Err(
                "it has no appearance (where the claim was made) and no review to cite".into(),
            );
        }
        if let Some(summary) = &item.summary {
            check_length("the summary", summary, MAX_TEXT)?;
        }
        for tag in &item.tags {
            check_length("a tag", tag, MAX_CLAIM_TEXT)?;
        }
        let id = self.claim_id(&item.text)?;
        let claim = ClaimFile {
            title: item.text.clone(),
            date: toml_date(item.date),
            claimant,
            status,
            tags: item.tags.clone(),
            summary: item.summary.clone(),
            appearances,
            citations,
        };
        let body = self.claim_body(&item.reviews);
        Ok(self.push(Kind::Claim, id, &claim, &body, note, None)?)
    }

    /// The item's status and the note saying how it was found.
    fn status(&self, item: &Item) -> Result<(String, String), String> {
        let import = &self.config.import;
        let rating = match &item.verdict {
            Verdict::Given(given) => {
                let id = given.trim().to_lowercase();
                if self.config.status(&id).is_some() {
                    return Ok((id, String::new()));
                }
                Some(given.as_str())
            }
            Verdict::FromReviews => item.reviews.iter().find_map(|r| r.rating.as_deref()),
        };
        let Some(rating) = rating else {
            let fallback = import.fallback.clone().ok_or("it has no rating")?;
            let note = format!("no rating → {fallback}, the fallback");
            return Ok((fallback, note));
        };
        check_length("the rating", rating, MAX_CLAIM_TEXT)?;
        match import.status_for(rating) {
            Some((status, true)) => {
                Ok((status.to_string(), format!("rated {rating:?} → {status}")))
            }
            Some((status, false)) => Ok((
                status.to_string(),
                format!("rated {rating:?} → {status}, the fallback"),
            )),
            None => Err(format!("its rating {rating:?} is not in [import.ratings]")),
        }
    }

    /// How a review bears on the claim, by the status its rating maps to: a
    /// status rated true (4, 5) supports, one rated false (1, 2)
    /// contradicts; others, and a review without a rating, are neutral.
    fn stance(&self, review: &Review) -> &'static str {
        let status = (review.rating.as_deref())
            .and_then(|rating| self.config.import.status_for(rating))
            .and_then(|(status, _)| self.config.status(status));
        match status.and_then(|s| s.rating) {
            Some(4..) => "supports",
            Some(1 | 2) => "contradicts",
            _ => "neutral",
        }
    }

    fn appearance(
        &mut self,
        found: &Appearance,
        claimant: &str,
    ) -> Result<AppearanceEntry, String> {
        let url = checked_url("an appearance's url", found.url.as_deref())?;
        if let Some(quote) = &found.quote {
            check_length("an appearance's quote", quote, MAX_TEXT)?;
        }
        let source = match &found.publisher {
            Some(publisher) => self.source(publisher)?,
            None => claimant.to_string(),
        };
        let date = found.date.map(toml_date);
        if let (Some(url), Some(title)) = (&url, &found.title) {
            check_length("an appearance's title", title, MAX_TEXT)?;
            let document = self.document(url, title, &source, found.date)?;
            return Ok(AppearanceEntry {
                document: Some(document),
                quote: found.quote.clone(),
                ..AppearanceEntry::default()
            });
        }
        Ok(AppearanceEntry {
            source: (source != claimant).then_some(source),
            url,
            title: found.title.clone(),
            date,
            quote: found.quote.clone(),
            ..AppearanceEntry::default()
        })
    }

    fn citation(&mut self, review: &Review) -> Result<CitationEntry, String> {
        if let Some(title) = &review.title {
            check_length("a review's title", title, MAX_TEXT)?;
        }
        Ok(CitationEntry {
            source: self.source(&review.publisher)?,
            url: checked_url("a review's url", review.url.as_deref())?,
            title: review.title.clone(),
            date: review.date.map(toml_date),
            stance: self.stance(review),
        })
    }

    /// The id of the source named like `party`: one on disk or already
    /// planned, else a new source file.
    fn source(&mut self, party: &Party) -> Result<String, String> {
        check_length("a name", &party.name, MAX_CLAIM_TEXT)?;
        let id = short_id(&party.name, Kind::Source)
            .ok_or_else(|| format!("the name {:?} gives no id", party.name))?;
        if self.has(Kind::Source, &id) {
            return Ok(id);
        }
        // A homepage that is not a web address is left out rather than refusing the claim.
        let url = (party.url.as_deref())
            .filter(|url| url.len() <= MAX_TEXT && check_web_url(url).is_ok())
            .map(str::to_string);
        let file = SourceFile {
            name: party.name.clone(),
            url,
        };
        self.push(Kind::Source, id.clone(), &file, "", String::new(), None)?;
        Ok(id)
    }

    /// The id of the document at `url`: one planned for that address, else a new file.
    fn document(
        &mut self,
        url: &str,
        title: &str,
        source: &str,
        date: Option<time::Date>,
    ) -> Result<String, String> {
        let pending = self
            .pending
            .iter()
            .find(|(kind, _, _, at)| *kind == Kind::Document && at.as_deref() == Some(url));
        if let Some(id) = (pending.map(|(_, id, _, _)| id)).or(self.documents_by_url.get(url)) {
            return Ok(id.clone());
        }
        let id = short_id(title, Kind::Document)
            .ok_or_else(|| format!("the document title {title:?} gives no id"))?;
        let id = self.free_id(Kind::Document, &id);
        let file = DocumentFile {
            title: title.to_string(),
            source: source.to_string(),
            date: date.map(toml_date),
            url: url.to_string(),
        };
        self.push(
            Kind::Document,
            id.clone(),
            &file,
            "",
            String::new(),
            Some(url.to_string()),
        )?;
        Ok(id)
    }

    fn claim_body(&self, reviews: &[Review]) -> String {
        let mut body = format!("Imported from {}.", markdown_text(&self.input_name));
        for review in reviews {
            if let Some(rating) = &review.rating {
                body.push_str(&format!(
                    "\n\n{} rated it “{}”.",
                    markdown_text(&review.publisher.name),
                    markdown_text(rating)
                ));
            }
        }
        body
    }

    /// Serialises a file of `kind` with id `id`, reads it back as `check`
    /// would, and keeps it pending until the item is whole.
    fn push<T: serde::Serialize>(
        &mut self,
        kind: Kind,
        id: String,
        frontmatter: &T,
        body: &str,
        note: String,
        url: Option<String>,
    ) -> Result<(), String> {
        let text = content_file(frontmatter, body).ok_or("it cannot be written as TOML")?;
        let path = format!("{CONTENT_FOLDER}/{}/{id}.md", kind.folder());
        let statuses: Vec<&str> = self.config.statuses.iter().map(|s| s.id.as_str()).collect();
        let raw = RawFile {
            kind,
            path: path.clone(),
            id: id.clone(),
            text,
        };
        let (_, problems) = crate::parse::parse_file(&raw, &statuses);
        if let Some(problem) = problems
            .iter()
            .find(|p| p.severity == crate::diagnostic::Severity::Error)
        {
            return Err(format!(
                "its {} would not pass check: {}",
                kind.noun(),
                problem.message
            ));
        }
        self.planned.entry(kind).or_default().insert(id.clone());
        let file = Planned {
            path,
            text: raw.text,
            note,
        };
        self.pending.push((kind, id, file, url));
        Ok(())
    }
}

/// An address, when given, checked to be an absolute http(s) one.
fn checked_url(what: &str, url: Option<&str>) -> Result<Option<String>, String> {
    let Some(url) = url else {
        return Ok(None);
    };
    check_length(what, url, MAX_TEXT)?;
    check_web_url(url).map_err(|problem| format!("{what} {}", problem.message))?;
    Ok(Some(url.trim().to_string()))
}

fn check_length(what: &str, text: &str, most: usize) -> Result<(), String> {
    let length = text.chars().count();
    if length > most {
        return Err(format!(
            "{what} is {length} characters long; at most {most} are imported"
        ));
    }
    Ok(())
}
