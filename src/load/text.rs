//! Bytes as text: UTF-8 accepted, UTF-16 and binary files told apart from
//! it, and every refusal located with the text to quote where there is one.

use super::Unreadable;
use crate::diagnostic::Diagnostic;

/// The file `display`'s `bytes` as UTF-8 text, or why they are not: UTF-16
/// text, a binary file (a NUL byte; `binary` names the text the file should
/// hold, such as `Markdown`, and says where text is expected) or invalid
/// UTF-8 (located at the first bad byte), with the text to quote where there
/// is one.
pub(super) fn decode(
    display: &str,
    bytes: Vec<u8>,
    (language, binary_hint): (&str, String),
) -> Result<String, Unreadable> {
    if let Some(order) = utf16_byte_order(&bytes) {
        let text = decode_utf16(&bytes, order);
        let diagnostic = Diagnostic::error(display, "the file is UTF-16 text, not UTF-8")
            .at(0..0)
            .hint("save the file with UTF-8 encoding in your editor");
        return Err(Box::new((diagnostic, Some(text))));
    }
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        let message = format!("this is a binary file, not {language} text");
        let hint = format!("found a NUL byte at byte {nul}; {binary_hint}");
        return Err(Box::new((
            Diagnostic::error(display, message).hint(hint),
            None,
        )));
    }
    String::from_utf8(bytes).map_err(|error| {
        let offset = error.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
        let lossy_offset = String::from_utf8_lossy(&error.as_bytes()[..offset]).len();
        let diagnostic = Diagnostic::error(display, "the file is not valid UTF-8 text")
            .at(lossy_offset..lossy_offset + '\u{fffd}'.len_utf8())
            .hint("save the file with UTF-8 encoding in your editor");
        Box::new((diagnostic, Some(text)))
    })
}

/// The order of the bytes of a UTF-16 character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ByteOrder {
    LittleEndian,
    BigEndian,
}

/// How many bytes from the start [`utf16_byte_order`] looks at without a byte-order mark.
const UTF16_SAMPLE: usize = 1024;

/// The byte order if `bytes` look like UTF-16: they start with a byte-order
/// mark (`FF FE` or `FE FF`), or, without one, a NUL is every other byte of
/// at least half the start and never one of the bytes between, as text in a
/// Latin script has in UTF-16.
fn utf16_byte_order(bytes: &[u8]) -> Option<ByteOrder> {
    match bytes {
        [0xff, 0xfe, ..] => return Some(ByteOrder::LittleEndian),
        [0xfe, 0xff, ..] => return Some(ByteOrder::BigEndian),
        _ => {}
    }
    let sample = &bytes[..bytes.len().min(UTF16_SAMPLE) & !1];
    let pairs = sample.len() / 2;
    let nuls_at = |first: usize| {
        sample
            .iter()
            .skip(first)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    match (nuls_at(0), nuls_at(1)) {
        (0, odd) if pairs > 0 && odd * 2 >= pairs => Some(ByteOrder::LittleEndian),
        (even, 0) if pairs > 0 && even * 2 >= pairs => Some(ByteOrder::BigEndian),
        _ => None,
    }
}

/// UTF-16 `bytes` as text, without a byte-order mark; what is not UTF-16
/// becomes U+FFFD. Only to quote the file in its diagnostic.
fn decode_utf16(bytes: &[u8], order: ByteOrder) -> String {
    let units = bytes.chunks_exact(2).map(|pair| match order {
        ByteOrder::LittleEndian => u16::from_le_bytes([pair[0], pair[1]]),
        ByteOrder::BigEndian => u16::from_be_bytes([pair[0], pair[1]]),
    });
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .skip_while(|&c| c == '\u{feff}')
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_is_told_from_utf8_and_from_binary_files() {
        let le: Vec<u8> = "+++\ntitle"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "+++\ntitle"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(utf16_byte_order(&le), Some(ByteOrder::LittleEndian));
        assert_eq!(utf16_byte_order(&be), Some(ByteOrder::BigEndian));
        assert_eq!(
            utf16_byte_order(b"\xff\xfeA"),
            Some(ByteOrder::LittleEndian)
        );
        assert_eq!(utf16_byte_order(b"\xfe\xff"), Some(ByteOrder::BigEndian));
        assert_eq!(decode_utf16(&le, ByteOrder::LittleEndian), "+++\ntitle");
        assert_eq!(decode_utf16(b"\xfe\xff\x00A", ByteOrder::BigEndian), "A");
        let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00";
        for not_utf16 in [&b""[..], b"+", b"+++\ntitle", "café".as_bytes(), png] {
            assert_eq!(utf16_byte_order(not_utf16), None, "{not_utf16:?}");
        }
    }
}
