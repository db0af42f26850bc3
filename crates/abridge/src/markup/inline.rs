//! The text a GFM renderer would display for a table cell, used by strict mode: code span
//! backticks, backslash escapes, HTML tags, link destinations and images are removed.
//! Emphasis markers are kept as written (deciding them needs the full delimiter algorithm, and
//! they carry no letters).

use std::borrow::Cow;

/// Rendered text of one inline fragment. Borrowed when nothing needed rendering.
pub fn plain_text(cell: &str) -> Cow<'_, str> {
    if !cell.contains(['`', '\\', '<', '[', '!']) {
        return Cow::Borrowed(cell);
    }
    let mut out = String::with_capacity(cell.len());
    render(cell, &mut out);
    Cow::Owned(out.trim().to_string())
}

fn render(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        let consumed = match c {
            '`' => code_span(rest, out),
            '\\' => escape(rest, out),
            '<' => html_or_autolink(rest, out),
            '!' if rest[1..].starts_with('[') => link(&rest[1..], out, true).map(|n| n + 1),
            '[' => link(rest, out, false),
            _ => None,
        };
        match consumed {
            Some(n) => rest = &rest[n..],
            None => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
}

/// A backtick run opens a code span closed by a run of the same length; its content is literal.
fn code_span(s: &str, out: &mut String) -> Option<usize> {
    let ticks = s.bytes().take_while(|&b| b == b'`').count();
    let body = &s[ticks..];
    let mut from = 0;
    while let Some(i) = body[from..].find('`') {
        let at = from + i;
        let run = body[at..].bytes().take_while(|&b| b == b'`').count();
        if run == ticks {
            let content = &body[..at];
            let content = if content.len() >= 2
                && content.starts_with(' ')
                && content.ends_with(' ')
                && !content.trim().is_empty()
            {
                &content[1..content.len() - 1]
            } else {
                content
            };
            out.push_str(content);
            return Some(ticks + at + run);
        }
        from = at + run;
    }
    out.push_str(&s[..ticks]);
    Some(ticks)
}

fn escape(s: &str, out: &mut String) -> Option<usize> {
    let next = s[1..].chars().next()?;
    if next.is_ascii_punctuation() {
        out.push(next);
        Some(1 + next.len_utf8())
    } else {
        None
    }
}

/// `<tag ...>` and `</tag>` vanish; `<scheme:...>` autolinks keep their address.
fn html_or_autolink(s: &str, out: &mut String) -> Option<usize> {
    let end = s.find('>')?;
    let inner = &s[1..end];
    let first = inner.chars().next()?;
    if inner.contains(':') && !inner.contains([' ', '<']) {
        out.push_str(inner);
        return Some(end + 1);
    }
    let is_tag = first.is_ascii_alphabetic() || matches!(first, '/' | '!' | '?');
    is_tag.then_some(end + 1)
}

/// `[text](destination "title")`: the text stays (rendered), the rest goes. Images render to
/// nothing, as their alt text is an attribute, not displayed text.
fn link(s: &str, out: &mut String, image: bool) -> Option<usize> {
    let close = matching(s, '[', ']')?;
    let after = &s[close + 1..];
    if !after.starts_with('(') {
        return None;
    }
    let paren = matching(after, '(', ')')?;
    if !image {
        render(&s[1..close], out);
    }
    Some(close + 1 + paren + 1)
}

/// Byte index of the bracket closing the one at the start of `s`, skipping escaped brackets and
/// quoted titles.
fn matching(s: &str, open: char, close: char) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '"' | '\'' if open == '(' => match quote {
                Some(q) if q == c => quote = None,
                None => quote = Some(c),
                _ => {}
            },
            _ if quote.is_some() => {}
            _ if c == open => depth += 1,
            _ if c == close => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::plain_text;

    #[test]
    fn tags_vanish() {
        assert_eq!(plain_text("<strong>hello</strong>"), "hello");
        assert_eq!(plain_text("ok <br> sure"), "ok  sure");
    }

    #[test]
    fn links_keep_their_text_and_images_vanish() {
        assert_eq!(plain_text("[test](first|second)"), "test");
        assert_eq!(
            plain_text(r#"[Moo](https://example.org "Example\|Link")"#),
            "Moo"
        );
        assert_eq!(plain_text("![Moo|Moo](image.png)"), "");
        assert_eq!(plain_text("[first|second]"), "[first|second]");
    }

    #[test]
    fn code_spans_and_escapes() {
        assert_eq!(plain_text("b `|` az"), "b | az");
        assert_eq!(plain_text(r"\_ and \a"), r"_ and \a");
        assert_eq!(plain_text("``a`b``"), "a`b");
        assert_eq!(plain_text("`open"), "`open");
    }

    #[test]
    fn autolinks_keep_the_address() {
        assert_eq!(plain_text("<https://x.org/a>"), "https://x.org/a");
    }
}
