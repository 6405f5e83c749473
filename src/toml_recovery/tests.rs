use super::*;

fn messages(recovered: &Recovered) -> Vec<(usize, String)> {
    (recovered.errors.iter())
        .map(|e| (e.span().map_or(0, |s| s.start), e.message().to_string()))
        .collect()
}

#[test]
fn a_clean_text_is_left_alone() {
    let text = "title = \"x\"\ndate = 2026-01-02\n";
    let recovered = recover(text);
    assert!(recovered.clean);
    assert!(recovered.errors.is_empty());
    assert_eq!(recovered.text, text);
}

#[test]
fn a_bad_date_is_blanked_and_its_key_remembered() {
    let text = "title = \"x\"\ndate = 2026-02-30\nstatus = \"a\"\n";
    let recovered = recover(text);
    assert!(recovered.clean);
    assert_eq!(recovered.text.len(), text.len(), "offsets are kept");
    assert_eq!(
        recovered.text,
        "title = \"x\"\n                 \nstatus = \"a\"\n"
    );
    assert_eq!(messages(&recovered).len(), 1);
    assert!(recovered.unreadable.contains("", "date"));
    assert!(!recovered.unreadable.contains("", "title"));
}

#[test]
fn one_error_per_broken_statement() {
    let text = "a = 1\nstatus = = 3\nb = 2\n";
    let recovered = recover(text);
    assert!(recovered.clean);
    assert_eq!(messages(&recovered).len(), 1, "{:?}", messages(&recovered));
    assert!(recovered.text.starts_with("a = 1\n            \nb = 2"));
}

#[test]
fn an_unclosed_multi_line_string_blanks_through_its_end() {
    let text = "title = \"\"\"Unclosed\ndate = 2026-04-23\n";
    let recovered = recover(text);
    assert!(recovered.clean);
    assert_eq!(recovered.errors.len(), 1);
    assert!(recovered.text.trim().is_empty());
    assert!(recovered.unreadable.contains("", "title"));
    assert!(
        recovered.unreadable.contains("", "date"),
        "swallowed by the string"
    );
}

#[test]
fn an_unclosed_list_blanks_the_lines_it_swallowed() {
    // The parser reads on to the end looking for the `]`: every line after is unknown.
    let text = "a = [1, 2\nb = 3\nc = 4\n";
    let recovered = recover(text);
    assert!(recovered.clean);
    assert_eq!(recovered.errors.len(), 1, "{:?}", messages(&recovered));
    assert!(recovered.text.trim().is_empty());
    assert!(recovered.unreadable.contains("", "b"));
    assert!(recovered.unreadable.contains("", "c"));
}

#[test]
fn a_broken_header_blanks_its_section_and_names_it() {
    let text = "title = \"x\"\n[[citations]\nsource = \"s\"\n[[history]]\ndate = 2026-01-01\n";
    let recovered = recover(text);
    assert!(recovered.clean);
    assert_eq!(recovered.errors.len(), 1, "{:?}", messages(&recovered));
    assert!(recovered.text.ends_with("[[history]]\ndate = 2026-01-01\n"));
    assert!(recovered.unreadable.contains("", "citations"));
    assert!(recovered.unreadable.contains("citations", "source"));
    assert!(!recovered.unreadable.contains("history", "date"));
}

#[test]
fn errors_in_separate_statements_are_all_kept_in_order() {
    let text = "title = 'x\ndate = 2026-02-30\nok = 1\n[[citations]]\nurl = \"a\nsource = 1\n";
    let recovered = recover(text);
    assert!(recovered.clean);
    let found = messages(&recovered);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(
        found.windows(2).all(|pair| pair[0].0 < pair[1].0),
        "{found:?}"
    );
    assert!(recovered.unreadable.contains("citations", "url"));
    assert!(!recovered.unreadable.contains("citations", "source"));
}

#[test]
fn many_broken_lines_take_few_rounds() {
    let text = "x = = 1\n".repeat(5_000);
    let recovered = recover(&text);
    assert!(recovered.clean);
    assert_eq!(recovered.errors.len(), 5_000);
}

#[test]
fn quoted_and_dotted_keys_are_read() {
    assert_eq!(key_of("\"my key\" = 1").as_deref(), Some("my key"));
    assert_eq!(key_of("a.b = 1").as_deref(), Some("a"));
    assert_eq!(key_of("no equals sign"), None);
    assert_eq!(key_of(" = 1"), None);
}
