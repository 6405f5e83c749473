use super::*;

fn fetched(content_type: Option<&str>, charset: Option<&str>, body: &[u8]) -> Fetched {
    Fetched {
        status: 200,
        final_url: "https://example.org/".to_string(),
        content_type: content_type.map(str::to_string),
        charset: charset.map(str::to_string),
        body: body.to_vec(),
    }
}

#[test]
fn html_is_reduced_to_its_readable_text() {
    let html = b"<!doctype html><html><head><title>T &amp; U</title><style>p{color:red}</style>\
        <script>if (a < b) { document.write('<p>no</p>') }</script></head>\
        <body><h1>Heading</h1><p>One <b>bold</b>   word,\n  then hyph-\nenation.</p>\
        <svg><text>drawn</text></svg><svg/><ul><li>first</li><li>second</li></ul>\
        <template><p>hidden</p></template><p>Last&nbsp;one</p></body></html>";
    let text = readable_text(&fetched(Some("text/html"), None, html)).unwrap();
    assert_eq!(
        text,
        "T & U\nHeading\nOne bold word,\nthen hyph-\nenation.\nfirst\nsecond\nLast one"
    );
}

#[test]
fn the_charset_comes_from_the_header_then_the_meta_tag_then_utf8() {
    let latin1 = b"<p>Caf\xe9 cr\xe8me</p>";
    let text = readable_text(&fetched(Some("text/html"), Some("ISO-8859-1"), latin1)).unwrap();
    assert_eq!(text, "Café crème");
    let meta = b"<html><head><meta charset=\"windows-1252\"></head><p>\x93quoted\x94</p>";
    let text = readable_text(&fetched(Some("text/html"), None, meta)).unwrap();
    assert_eq!(text, "\u{201c}quoted\u{201d}");
    let http_equiv =
        b"<meta http-equiv=Content-Type content='text/html; charset=iso-8859-1'><p>na\xefve</p>";
    let text = readable_text(&fetched(None, None, http_equiv)).unwrap();
    assert_eq!(text, "naïve");
    let utf8 = "<p>déjà</p>".as_bytes();
    assert_eq!(
        readable_text(&fetched(Some("text/html"), None, utf8)).unwrap(),
        "déjà"
    );
}

#[test]
fn plain_text_is_kept_and_other_types_say_why_there_is_no_text() {
    let plain = fetched(Some("text/plain"), None, b"line one  \n\n\n\nline two\n");
    assert_eq!(readable_text(&plain).unwrap(), "line one\n\nline two");
    let pdf = fetched(None, None, b"%PDF-1.7 ...");
    assert_eq!(readable_text(&pdf).unwrap_err(), "PDF text not extracted");
    let image = fetched(Some("image/png"), None, b"\x89PNG");
    assert_eq!(
        readable_text(&image).unwrap_err(),
        "no text extracted from image/png"
    );
}
