//! Whether a quote occurs in a capture's text, and if not, the passage most
//! like it.
//!
//! Both are compared in normal form ([`normalise`]). Finding is a substring
//! search; a quote that leaves words out with an ellipsis is found when its
//! passages occur in its order ([`crate::elision`]). The nearest passage is
//! looked for only around the quote's rarest words: windows of the quote's
//! length in words that start where one of them sits, so the work stays near
//! linear in the text however long it is.

use std::collections::{HashMap, HashSet};

use super::normalise::{Normalised, normalise};
use crate::archive_lock::{QuoteCheck, quote_sha256};
use crate::elision::{find_in_order, passages};

/// How many of the quote's rarest words anchor candidate passages.
const ANCHOR_WORDS: usize = 4;
/// How many places of one anchor word are tried.
const PLACES_PER_ANCHOR: usize = 16;
/// Above this many chars (quote and passage together) passages are compared
/// word by word instead of char by char, which is quadratic in chars.
const CHAR_COMPARISON_LIMIT: usize = 1200;
/// Word by word, only this many first words of each are compared: the
/// comparison is quadratic in words too, and a quote may fill a 2 MiB file
/// (4,000 words took 30 s per quote, half a million would take hours).
const COMPARED_WORDS: usize = 200;

/// Checks `quote` (as written in content) against `text` (the normal form of
/// the capture's text).
pub(crate) fn check_quote(quote: &str, text: &Normalised) -> QuoteCheck {
    let sha256 = quote_sha256(quote);
    let wanted = normalise(quote).text;
    let elided = passages(&wanted).filter(|passages| !passages.is_empty());
    let found = (text.text.find(&wanted).filter(|_| !wanted.is_empty()))
        .or_else(|| (elided.as_deref()).and_then(|passages| find_in_order(passages, &text.text)));
    if let Some(byte) = found {
        let index = text.text[..byte].chars().count();
        return QuoteCheck {
            sha256,
            found: true,
            offset: text.origins.get(index).map(|&origin| origin as u64),
            nearest: None,
            similarity: None,
        };
    }
    let compared = elided.map_or_else(|| wanted.clone(), |passages| passages.join(" "));
    let (nearest, similarity) = nearest_passage(&compared, &text.text);
    QuoteCheck {
        sha256,
        found: false,
        offset: None,
        nearest: Some(nearest),
        similarity: Some((similarity * 100.0).round() / 100.0),
    }
}

/// The passage of `text` most like `quote`, and how alike they are (0 to 1).
fn nearest_passage(quote: &str, text: &str) -> (String, f64) {
    let quote_words: Vec<&str> = quote.split(' ').filter(|w| !w.is_empty()).collect();
    let words: Vec<(usize, &str)> = word_starts(text);
    if quote_words.is_empty() || words.is_empty() {
        return (String::new(), 0.0);
    }
    let length = quote_words.len();
    let mut best: Option<(f64, usize)> = None;
    for start in candidate_starts(&quote_words, &words) {
        let passage = passage(text, &words, start, length);
        let score = similarity(quote, passage);
        if best.is_none_or(|(top, at)| score > top || (score == top && start < at)) {
            best = Some((score, start));
        }
    }
    let (score, start) = best.unwrap_or((0.0, 0));
    (passage(text, &words, start, length).to_string(), score)
}

/// Each word of `text` (split at single spaces, as normal form has them) with its byte offset.
fn word_starts(text: &str) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    let mut offset = 0;
    for word in text.split(' ') {
        if !word.is_empty() {
            words.push((offset, word));
        }
        offset += word.len() + 1;
    }
    words
}

/// Word indexes of `words` where a passage like the quote might start: for
/// each of the quote's rarest words found in the text, its first places, shifted
/// back by its position in the quote. The text's start when no word is shared.
fn candidate_starts(quote_words: &[&str], words: &[(usize, &str)]) -> Vec<usize> {
    let wanted: HashSet<&str> = quote_words.iter().copied().collect();
    let mut places: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, (_, word)) in words.iter().enumerate() {
        if wanted.contains(word) {
            places.entry(word).or_default().push(index);
        }
    }
    let mut anchors: Vec<(&str, &Vec<usize>)> = places.iter().map(|(w, p)| (*w, p)).collect();
    anchors.sort_by(|a, b| a.1.len().cmp(&b.1.len()).then(a.0.cmp(b.0)));
    let mut starts: Vec<usize> = Vec::new();
    for (word, at) in anchors.into_iter().take(ANCHOR_WORDS) {
        let in_quote = quote_words.iter().position(|w| *w == word).unwrap_or(0);
        let shifted = at.iter().take(PLACES_PER_ANCHOR);
        starts.extend(shifted.map(|&place| place.saturating_sub(in_quote)));
    }
    if starts.is_empty() {
        starts.push(0);
    }
    starts.sort_unstable();
    starts.dedup();
    starts
}

/// `length` words of `text` from word `start` (fewer at the end).
fn passage<'t>(text: &'t str, words: &[(usize, &str)], start: usize, length: usize) -> &'t str {
    let Some(&(from, _)) = words.get(start) else {
        return "";
    };
    let last = (start + length).min(words.len()) - 1;
    let (at, word) = words[last];
    &text[from..at + word.len()]
}

/// How alike two passages are, 0 to 1: by chars when short, by words when
/// long (their first [`COMPARED_WORDS`] words).
fn similarity(a: &str, b: &str) -> f64 {
    if a.len() + b.len() <= CHAR_COMPARISON_LIMIT {
        return strsim::normalized_levenshtein(a, b);
    }
    let a_words: Vec<&str> = a.split(' ').take(COMPARED_WORDS).collect();
    let b_words: Vec<&str> = b.split(' ').take(COMPARED_WORDS).collect();
    let longest = a_words.len().max(b_words.len()).max(1);
    let distance = strsim::generic_levenshtein(&a_words, &b_words);
    1.0 - distance as f64 / longest as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(quote: &str, text: &str) -> QuoteCheck {
        check_quote(quote, &normalise(text))
    }

    #[test]
    fn a_quote_with_straight_marks_is_found_in_curly_text() {
        let text =
            "Intro.\n\nThe lab said \u{201C}the model\u{2019}s error rate fell by half\u{201D}.";
        let result = check("\"the model's error rate fell by half\"", text);
        assert!(result.found);
        // The opening curly quote, after "Intro.", two line breaks and "The lab said ".
        assert_eq!(result.offset, Some(21));
        assert_eq!(
            result.sha256,
            quote_sha256("\"the model's error rate fell by half\"")
        );
    }

    #[test]
    fn a_quote_that_leaves_words_out_is_found_when_its_passages_are_in_order() {
        let text = "Intro. Costs fell, the lab said, by a third in \u{2018}25 across every region.";
        let found = check(
            "Costs fell [\u{2026}] by a third \u{2026} every region.",
            text,
        );
        assert!(found.found);
        assert_eq!(found.offset, Some(7));
        let swapped = check("by a third ... Costs fell", text);
        assert!(!swapped.found, "the passages are in the other order");
        assert_eq!(swapped.nearest.as_deref(), Some("by a third in '25"));
        let changed = check("Costs rose \u{2026} by a third", text);
        assert!(!changed.found, "a passage is not in the text");
    }

    #[test]
    fn a_changed_word_gives_the_nearest_passage() {
        let text = "Other words here. The system answered nine of ten questions correctly in the trial. More text.";
        let result = check("The system answered eight of ten questions correctly", text);
        assert!(!result.found);
        assert_eq!(
            result.nearest.as_deref(),
            Some("The system answered nine of ten questions correctly")
        );
        // "eight" to "nine" is 4 edits in 52 chars.
        assert_eq!(result.similarity, Some(0.92));
    }

    #[test]
    fn nothing_in_common_still_gives_a_passage_and_a_score() {
        let result = check("zebra quokka", "alpha beta gamma");
        assert!(!result.found);
        assert_eq!(result.nearest.as_deref(), Some("alpha beta"));
        assert!(result.similarity.unwrap() < 0.3);
        let empty = check("anything", "");
        assert_eq!(
            (empty.nearest.as_deref(), empty.similarity),
            (Some(""), Some(0.0))
        );
    }

    #[test]
    fn long_texts_are_searched_around_rare_words_only() {
        let filler = "the cat sat on the mat ".repeat(50_000);
        let text = format!("{filler} a rare platypus appeared {filler}");
        let result = check("a rare platypus emerged", &text);
        assert_eq!(result.nearest.as_deref(), Some("a rare platypus appeared"));
        assert!(!result.found);
    }
}
