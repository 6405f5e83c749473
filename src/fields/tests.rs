//! Unit tests of the field readers: character scans, typed reads and their diagnostics.

use super::*;

#[test]
fn control_characters_are_found_as_char_by_char_would() {
    let by_chars = |text: &str| {
        text.char_indices()
            .find(|&(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    };
    // Every character from U+0000 to U+0100 (the C0 and C1 controls, DEL,
    // and the non-controls that share a first UTF-8 byte with C1, such as
    // U+00A0), behind text with line breaks and other UTF-8.
    for code in 0..=0x100u32 {
        let Some(c) = char::from_u32(code) else {
            continue;
        };
        let text = format!("ok: é\tü\r\n\u{a0}{c}€ end\n");
        assert_eq!(control_character(&text), by_chars(&text), "U+{code:04X}");
    }
    assert_eq!(control_character("a\u{85}b"), Some((1, '\u{85}')));
    assert_eq!(control_character("\u{a0}\u{9f}"), Some((2, '\u{9f}')));
    assert_eq!(control_character("\u{a0}\u{ff}\u{7f}"), Some((4, '\u{7f}')));
    // At every offset across the first blocks, including a two-byte
    // character split between two blocks, behind a line of allowed text.
    for pad in 0..100 {
        let ascii = "-".repeat(pad);
        for tail in ["\u{85}", "\u{a0}x\u{1b}", "\u{a0}\n", "\u{7f}"] {
            let text = format!("{ascii}\u{a0}\t{ascii}{tail}");
            assert_eq!(control_character(&text), by_chars(&text), "{pad} {tail:?}");
        }
    }
}

fn read(toml: &str, allowed: &'static [&'static str], f: impl FnOnce(&mut Fields)) -> Vec<String> {
    let (table, errors) = DeTable::parse_recoverable(toml);
    assert!(errors.is_empty(), "{errors:?}");
    let mut fields = Fields::new("x.md", toml, 0, table.get_ref(), table.span(), allowed);
    f(&mut fields);
    fields.finish().into_iter().map(|d| d.message).collect()
}

#[test]
fn unknown_keys_get_a_suggestion() {
    let (table, _) = DeTable::parse_recoverable("staus = \"x\"\n");
    let fields = Fields::new(
        "x.md",
        "staus = \"x\"\n",
        0,
        table.get_ref(),
        table.span(),
        &["status", "title"],
    );
    let diagnostics = fields.finish();
    assert_eq!(diagnostics[0].message, "unknown field `staus`");
    assert_eq!(
        diagnostics[0].hint.as_deref(),
        Some("did you mean `status`?")
    );
}

#[test]
fn dates_must_be_unquoted_and_real() {
    let messages = read(
        "a = \"2026-01-01\"\nb = 2026-01-01T10:00:00\n",
        &["a", "b"],
        |f| {
            assert!(f.optional_date("a").is_none());
            assert!(f.optional_date("b").is_none());
        },
    );
    assert_eq!(
        messages,
        [
            "`a` must be a date, not a string",
            "`b` must be a plain date like 2026-04-23"
        ]
    );
    assert!(calendar_date(2028, 2, 29).is_some());
    assert!(calendar_date(2026, 2, 29).is_none());
}

#[test]
fn reads_typed_values() {
    read(
        "n = 3\nf = 2.5\nt = [\"a\", \"b\"]\n",
        &["n", "f", "t"],
        |f| {
            assert_eq!(f.optional_number("n").map(|n| n.value), Some(3.0));
            assert_eq!(f.optional_number("f").map(|n| n.value), Some(2.5));
            let list: Vec<String> = f.string_list("t").into_iter().map(|l| l.value).collect();
            assert_eq!(list, ["a", "b"]);
        },
    );
}
