//! Knowing an input is HTML, and decoding it in the charset it declares.

use std::path::Path;

/// What a document's text is: how [`article::read`](crate::article::read) reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Format {
    /// Plain text or markdown: a text dump of a page, an article.
    #[default]
    Text,
    /// An HTML page.
    Html,
}

impl Format {
    /// The format of a document named `source` holding `text`: HTML by a `.html`/`.htm`
    /// extension, or (for other names and standard input) by [`sniff_html`].
    ///
    /// ```
    /// use abridge::corpus::Format;
    /// assert_eq!(Format::of("a/page.HTML", "anything"), Format::Html);
    /// assert_eq!(Format::of("-", "\u{feff} <!-- saved --> <!DOCTYPE html><p>x"), Format::Html);
    /// assert_eq!(Format::of("notes.txt", "<html>"), Format::Text);
    /// assert_eq!(Format::of("-", "Plain <b>text</b>"), Format::Text);
    /// ```
    pub fn of(source: &str, text: &str) -> Format {
        match html_extension(source) {
            Some(true) => Format::Html,
            Some(false) => Format::Text,
            None if sniff_html(text.as_bytes()) => Format::Html,
            None => Format::Text,
        }
    }
}

/// `Some(true)` for `.html`/`.htm`/`.xhtml` names, `Some(false)` for the text extensions
/// (`.txt`, `.md`, `.markdown`), `None` for other names and standard input.
fn html_extension(source: &str) -> Option<bool> {
    let ext = Path::new(source)
        .extension()?
        .to_str()?
        .to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" | "xhtml" | "shtml" => Some(true),
        "txt" | "md" | "markdown" | "text" => Some(false),
        _ => None,
    }
}

/// True when `bytes` start like an HTML page: `<!doctype html`, `<html`, `<head` or `<body`
/// after an optional BOM, whitespace and comments.
pub fn sniff_html(bytes: &[u8]) -> bool {
    let mut rest = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    loop {
        let skip = rest.iter().take_while(|b| b.is_ascii_whitespace()).count();
        rest = &rest[skip..];
        if rest.starts_with(b"<!--") {
            match memchr::memmem::find(rest, b"-->") {
                Some(end) => rest = &rest[end + 3..],
                None => return false,
            }
            continue;
        }
        break;
    }
    let starts = |tag: &[u8]| {
        rest.len() >= tag.len()
            && rest[..tag.len()].eq_ignore_ascii_case(tag)
            && rest
                .get(tag.len())
                .is_none_or(|&b| b.is_ascii_whitespace() || b == b'>' || b == b'/')
    };
    starts(b"<!doctype html") || starts(b"<html") || starts(b"<head") || starts(b"<body")
}

/// How many bytes of a page are searched for a `<meta charset>` (as browsers do).
const PRESCAN: usize = 4096;

/// The encoding the page declares: a BOM, `<meta charset=...>` or `<meta http-equiv=
/// "Content-Type" content="...; charset=...">` in its first bytes.
pub fn declared_encoding(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        return Some(enc);
    }
    let head = &bytes[..bytes.len().min(PRESCAN)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(at) = memchr::memmem::find(&lower[from..], b"charset") {
        let mut i = from + at + b"charset".len();
        from = i;
        while i < lower.len() && lower[i].is_ascii_whitespace() {
            i += 1;
        }
        if lower.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while i < lower.len()
            && (lower[i].is_ascii_whitespace() || lower[i] == b'"' || lower[i] == b'\'')
        {
            i += 1;
        }
        let end = lower[i..]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
            .map_or(lower.len(), |p| i + p);
        if let Some(enc) = encoding_rs::Encoding::for_label(&lower[i..end]) {
            return Some(enc);
        }
    }
    None
}

/// Decodes the bytes of an HTML page that are not valid UTF-8 in the charset it declares.
/// `None` when it declares none, or UTF-8 (then the UTF-8 decoder replaces what is invalid).
pub fn decode_declared(bytes: &[u8]) -> Option<(String, &'static str, bool)> {
    let enc = declared_encoding(bytes)?;
    if enc == encoding_rs::UTF_8 {
        return None;
    }
    let (text, _, lossy) = enc.decode(bytes);
    Some((text.into_owned(), enc.name(), lossy))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_and_http_equiv() {
        assert_eq!(
            declared_encoding(b"<html><head><meta charset=\"windows-1252\">"),
            Some(encoding_rs::WINDOWS_1252)
        );
        assert_eq!(
            declared_encoding(
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
            ),
            Some(encoding_rs::WINDOWS_1252)
        );
        assert_eq!(declared_encoding(b"<p>no charset</p>"), None);
    }

    #[test]
    fn windows_1252_bytes_are_decoded() {
        let page = b"<meta charset=windows-1252><p>caf\xE9 \x93quoted\x94</p>";
        let (text, name, lossy) = decode_declared(page).unwrap();
        assert!(text.contains("caf\u{e9} \u{201c}quoted\u{201d}"));
        assert_eq!(name, "windows-1252");
        assert!(!lossy);
    }

    #[test]
    fn sniffing_needs_a_tag_at_the_start() {
        assert!(sniff_html(b"  <!-- a --><!-- b -->\n<HTML lang=en>"));
        assert!(sniff_html(b"<body>"));
        assert!(!sniff_html(b"<htmlx>"));
        assert!(!sniff_html(b"Text about <html> tags"));
        assert!(!sniff_html(b"<!-- never closed <html>"));
    }
}
