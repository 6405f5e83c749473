//! Quotes that leave words out: "costs fell … by a third" quotes two
//! passages of its source, in that order, with something between them.

/// The ellipses a quote marks left-out words with: the character, and three
/// full stops (what the character becomes in Unicode's compatibility form).
const ELLIPSES: [&str; 2] = ["…", "..."];

/// What may sit around an ellipsis and belongs to it, not to the quoted
/// words: the brackets of `[…]` and `(…)`, the stop of a sentence's end
/// (`….`), and spaces.
fn belongs_to_ellipsis(c: char) -> bool {
    c.is_whitespace() || matches!(c, '[' | ']' | '(' | ')' | '.')
}

/// The quoted passages of a quote with an ellipsis, in order and without
/// the marks around each ellipsis; `None` when the quote has no ellipsis
/// (it is one passage, as written).
pub(crate) fn passages(quote: &str) -> Option<Vec<&str>> {
    if !ELLIPSES.iter().any(|ellipsis| quote.contains(ellipsis)) {
        return None;
    }
    let mut passages = Vec::new();
    let mut rest = quote;
    loop {
        let next = ELLIPSES
            .iter()
            .filter_map(|ellipsis| rest.find(ellipsis).map(|at| (at, ellipsis.len())))
            .min();
        let (piece, after) = match next {
            Some((at, length)) => (&rest[..at], Some(&rest[at + length..])),
            None => (rest, None),
        };
        let piece = piece.trim_matches(belongs_to_ellipsis);
        if !piece.is_empty() {
            passages.push(piece);
        }
        match after {
            Some(after) => rest = after,
            None => return Some(passages),
        }
    }
}

/// Where the passages of a quote all occur in `text`, in order and apart:
/// the byte offset of the first one.
pub(crate) fn find_in_order(passages: &[&str], text: &str) -> Option<usize> {
    let mut from = 0;
    let mut start = None;
    for passage in passages {
        let at = from + text.get(from..)?.find(passage)?;
        start.get_or_insert(at);
        from = at + passage.len();
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_way_of_writing_an_ellipsis_splits_the_quote() {
        assert_eq!(passages("no ellipsis here."), None);
        assert_eq!(
            passages("Costs fell … by a third."),
            Some(vec!["Costs fell", "by a third"])
        );
        assert_eq!(
            passages("Costs fell [...] by a third (…) this year"),
            Some(vec!["Costs fell", "by a third", "this year"])
        );
        assert_eq!(
            passages("…the model is faster.... It is cheaper"),
            Some(vec!["the model is faster", "It is cheaper"])
        );
        assert_eq!(passages(" … "), Some(vec![]));
    }

    #[test]
    fn passages_are_found_only_in_their_order() {
        let text = "the model is faster. Later: it is also much cheaper.";
        assert_eq!(find_in_order(&["the model", "cheaper"], text), Some(0));
        assert_eq!(find_in_order(&["model", "cheaper"], text), Some(4));
        assert_eq!(find_in_order(&["cheaper", "the model"], text), None);
        assert_eq!(find_in_order(&["faster", "faster"], text), None);
        assert_eq!(find_in_order(&[], text), None);
    }
}
