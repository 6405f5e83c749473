//! Alike warnings gathered into one line, so that twenty of them do not bury an error.

use std::collections::HashMap;

use super::{Code, Diagnostic, Diagnostics};

/// How many places a grouped line names before "and N more".
const PLACES_NAMED: usize = 3;

/// What makes warnings alike: their code or, for those without one, their exact message.
#[derive(PartialEq, Eq, Hash)]
enum Likeness<'a> {
    Code(Code),
    Message(&'a str),
}

impl<'a> Likeness<'a> {
    fn of(diagnostic: &'a Diagnostic) -> Self {
        match diagnostic.code {
            Some(code) => Likeness::Code(code),
            None => Likeness::Message(&diagnostic.message),
        }
    }
}

/// Splits `diagnostics` (in report order) into runs of alike ones; each
/// group keeps report order and the groups are ordered by their first member.
pub(super) fn alike<'a>(diagnostics: &[&'a Diagnostic]) -> Vec<Vec<&'a Diagnostic>> {
    let mut groups: Vec<Vec<&Diagnostic>> = Vec::new();
    let mut index: HashMap<Likeness, usize> = HashMap::new();
    for &diagnostic in diagnostics {
        let slot = *index.entry(Likeness::of(diagnostic)).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        if let Some(group) = groups.get_mut(slot) {
            group.push(diagnostic);
        }
    }
    groups
}

impl Diagnostics {
    /// The one line standing for a group of alike warnings: how many, what
    /// they are, and where the first few are. `first` is `members[0]`.
    pub(super) fn group_line(&self, first: &Diagnostic, members: &[&Diagnostic]) -> String {
        let count = members.len();
        let what = match first.code {
            Some(code) => format!("{count} {}", code.plural()),
            None => format!("{} ({count} times)", first.message),
        };
        let places: Vec<String> = members
            .iter()
            .take(PLACES_NAMED)
            .map(|d| self.place(d))
            .collect();
        let more = match count.saturating_sub(PLACES_NAMED) {
            0 => String::new(),
            left => format!(" and {left} more"),
        };
        format!(
            "{what}: {}{more} (show all with --verbose)",
            places.join(", ")
        )
    }

    /// `file:line`, or the file alone when the problem has no position.
    fn place(&self, diagnostic: &Diagnostic) -> String {
        match self.position(diagnostic) {
            Some(position) => format!("{}:{}", diagnostic.file, position.line),
            None => diagnostic.file.clone(),
        }
    }
}

/// The hint for a whole group: the members' own when they all give the same
/// one, else the code's general hint, if it has one.
pub(super) fn group_hint<'a>(first: &'a Diagnostic, members: &[&'a Diagnostic]) -> Option<&'a str> {
    let shared = first.hint.as_deref();
    if members.iter().all(|d| d.hint.as_deref() == shared) {
        shared
    } else {
        first.code.and_then(Code::group_hint)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unlinked(file: &str) -> Diagnostic {
        Diagnostic::warning(file, "no link")
            .code(Code::CitationWithoutLink)
            .hint("add a link")
    }

    #[test]
    fn alike_warnings_share_a_group_in_order_of_first_appearance() {
        let a = unlinked("a.md");
        let odd = Diagnostic::warning("b.md", "odd");
        let c = unlinked("c.md");
        let odd_again = Diagnostic::warning("d.md", "odd");
        let groups = alike(&[&a, &odd, &c, &odd_again]);
        let files: Vec<Vec<&str>> = groups
            .iter()
            .map(|g| g.iter().map(|d| d.file.as_str()).collect())
            .collect();
        assert_eq!(files, [["a.md", "c.md"], ["b.md", "d.md"]]);
    }

    #[test]
    fn a_group_line_names_three_places_and_counts_the_rest() {
        let mut list = Diagnostics::new();
        let members: Vec<Diagnostic> = ["a.md", "b.md", "c.md", "d.md", "e.md"]
            .into_iter()
            .map(|file| {
                list.add_source(file, "+++\nx\n");
                unlinked(file).at(4..5)
            })
            .collect();
        let refs: Vec<&Diagnostic> = members.iter().collect();
        assert_eq!(
            list.group_line(&members[0], &refs),
            "5 citations have no url or archive: a.md:2, b.md:2, c.md:2 and 2 more \
             (show all with --verbose)"
        );
        assert_eq!(group_hint(&members[0], &refs), Some("add a link"));
    }

    #[test]
    fn differing_hints_give_way_to_the_codes_general_hint() {
        let one = Diagnostic::warning("a.md", "x")
            .code(Code::TagSpelledTwoWays)
            .hint("use `a`");
        let two = Diagnostic::warning("b.md", "y")
            .code(Code::TagSpelledTwoWays)
            .hint("use `b`");
        assert_eq!(
            group_hint(&one, &[&one, &two]),
            Some("use one spelling for each tag")
        );
    }
}
