//! Text fragments (`#:~:text=`): a link that takes a browser to a passage
//! of a page, as the Text Fragments specification defines them
//! (<https://wicg.github.io/scroll-to-text-fragment/>).

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use crate::elision::passages;

/// What a term of a text directive keeps as it is: letters, digits, `.`,
/// `_` and `~`. Everything else is percent-encoded, the directive's own
/// syntax (`-`, `,` and `&`) included.
const TERM: &AsciiSet = &NON_ALPHANUMERIC.remove(b'.').remove(b'_').remove(b'~');

/// Quotes of at most this many words are matched whole.
const WHOLE_QUOTE_WORDS: usize = 10;

/// How many words a longer quote's start and end each have: `text=start,end`
/// matches from the first words to the last, whatever lies between.
const EDGE_WORDS: usize = 4;

/// Marks around a quote that a page does not show: quotation marks and ellipses.
const AROUND_A_QUOTE: [char; 6] = ['"', '“', '”', '‘', '’', '…'];

/// `url` with a text fragment pointing at `quote`, or `None` for a quote
/// with no words. A quote that leaves words out (`…`) is matched from its
/// first passage's first words to its last passage's last words.
pub(super) fn with_text_fragment(url: &str, quote: &str) -> Option<String> {
    let quote = quote.trim_matches(|c: char| c.is_whitespace() || AROUND_A_QUOTE.contains(&c));
    let passages = passages(quote).unwrap_or_else(|| vec![quote]);
    let directive = match passages.as_slice() {
        [] => return None,
        [only] => match words(only).as_slice() {
            [] => return None,
            few if few.len() <= WHOLE_QUOTE_WORDS => term(few),
            many => edges(many, many),
        },
        [first, .., last] => edges(&words(first), &words(last)),
    };
    // A fragment the address already has stays; the directive follows it.
    let separator = if url.contains('#') { "" } else { "#" };
    Some(format!("{url}{separator}:~:text={directive}"))
}

/// `text=start,end`: the first words of `first` to the last words of `last`,
/// whatever lies between.
fn edges(first: &[&str], last: &[&str]) -> String {
    format!(
        "{},{}",
        term(&first[..first.len().min(EDGE_WORDS)]),
        term(&last[last.len().saturating_sub(EDGE_WORDS)..])
    )
}

fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

/// `words` joined by spaces, percent-encoded as one term of a text directive.
fn term(words: &[&str]) -> String {
    utf8_percent_encode(&words.join(" "), TERM).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_quote_is_matched_whole_with_its_syntax_characters_encoded() {
        assert_eq!(
            with_text_fragment("https://example.org/a", "“Fast, cheap & state-of-the-art.”")
                .unwrap(),
            "https://example.org/a#:~:text=Fast%2C%20cheap%20%26%20state%2Dof%2Dthe%2Dart."
        );
        assert_eq!(
            with_text_fragment("https://example.org/a#part", "café  au\nlait").unwrap(),
            "https://example.org/a#part:~:text=caf%C3%A9%20au%20lait"
        );
        assert_eq!(with_text_fragment("https://example.org/a", " … "), None);
    }

    #[test]
    fn a_quote_that_leaves_words_out_is_matched_from_its_first_to_its_last_passage() {
        assert_eq!(
            with_text_fragment(
                "https://example.org/a",
                "“Costs fell by a third this year […] as the new chips arrived in every region.”"
            )
            .unwrap(),
            "https://example.org/a#:~:text=Costs%20fell%20by%20a,arrived%20in%20every%20region"
        );
        assert_eq!(
            with_text_fragment("https://example.org/a", "… costs fell …").unwrap(),
            "https://example.org/a#:~:text=costs%20fell"
        );
    }

    #[test]
    fn a_long_quote_is_matched_by_its_first_and_last_words() {
        let quote = "one two three four five six seven eight nine ten eleven";
        assert_eq!(
            with_text_fragment("https://example.org/a", quote).unwrap(),
            "https://example.org/a#:~:text=one%20two%20three%20four,eight%20nine%20ten%20eleven"
        );
    }
}
