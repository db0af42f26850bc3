//! Table captions in article text: an explicit `Table:`/`Table N:` line next to the table, or the
//! last sentence of the paragraph right before it when that sentence introduces it (ends with a
//! colon, or mentions a table).

use super::grammar;
use super::lines::LineSource;
use std::borrow::Cow;

/// True for a `Table:` or `Table N:` label line (see [`grammar::table_label`]).
pub(crate) fn is_table_label(line: &str) -> bool {
    grammar::table_label(line).is_ok()
}

/// The caption a paragraph gives the table right after it, if its last sentence introduces one.
pub(crate) fn from_paragraph<'a>(
    paragraph: &(impl LineSource<'a> + ?Sized),
) -> Option<Cow<'a, str>> {
    let last = paragraph.last_line()?;
    let sentence: Cow<'a, str> = match last_sentence_start(last.text.trim_end()) {
        Some(start) => Cow::Borrowed(last.text[start..].trim()),
        None if paragraph.count() == 1 => Cow::Borrowed(last.text.trim()),
        None => {
            let mut joined = String::new();
            for k in 0..paragraph.count() {
                let Some(l) = paragraph.line(k) else { break };
                if k > 0 {
                    joined.push(' ');
                }
                joined.push_str(l.text.trim());
            }
            let start = last_sentence_start(&joined).unwrap_or(0);
            Cow::Owned(joined[start..].trim().to_string())
        }
    };
    introduces_table(&sentence).then_some(sentence)
}

fn introduces_table(sentence: &str) -> bool {
    sentence.ends_with(':')
        || sentence
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.eq_ignore_ascii_case("table") || w.eq_ignore_ascii_case("tables"))
}

/// Byte offset where the last sentence of `text` starts, when `text` holds more than one.
/// A boundary is `.`, `!` or `?` (closing quotes and brackets may follow) then whitespace or,
/// as scrapers glue sentences together (`resolution.Below`), directly an uppercase letter.
fn last_sentence_start(text: &str) -> Option<usize> {
    let body = text.trim_end();
    // The final terminator belongs to the last sentence itself.
    let body = body.trim_end_matches(['.', '!', '?', ':', '"', '\'', ')', '”', '’']);
    let bytes = body.as_bytes();
    let mut end = bytes.len();
    // Only the last boundary matters: walk the terminators backwards and stop at the first valid one.
    while let Some(k) = memchr::memrchr3(b'.', b'!', b'?', &bytes[..end]) {
        end = k;
        let rest = body[k + 1..].trim_start_matches(['"', '\'', ')', '”', '’']);
        let Some(next) = rest.chars().next() else {
            continue;
        };
        let glued = next.is_uppercase();
        if !(next.is_whitespace() || glued) || (bytes[k] == b'.' && is_abbreviation(body, k)) {
            continue;
        }
        let rest = rest.trim_start_matches(char::is_whitespace);
        if let Some(first) = rest.chars().next() {
            if first.is_uppercase() || first.is_numeric() || matches!(first, '"' | '“' | '\'') {
                return Some(body.len() - rest.len());
            }
        }
    }
    None
}

/// A period after a single capital (an initial) or a common title does not end a sentence.
fn is_abbreviation(text: &str, dot: usize) -> bool {
    let word_start = text[..dot]
        .rfind(|c: char| !c.is_alphabetic())
        .map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &text[word_start..dot];
    let single_capital = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    single_capital
        || matches!(
            word,
            "Mr" | "Mrs"
                | "Ms"
                | "Dr"
                | "Prof"
                | "St"
                | "Gen"
                | "No"
                | "Inc"
                | "Co"
                | "Corp"
                | "Ltd"
                | "Jr"
                | "Sr"
                | "vs"
                | "etc"
                | "e.g"
                | "i.e"
                | "Fig"
                | "approx"
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::lines::lines;

    fn caption(text: &str) -> Option<String> {
        let ls: Vec<_> = lines(text).collect();
        from_paragraph(ls.as_slice()).map(|c| c.into_owned())
    }

    #[test]
    fn colon_sentence_is_a_caption() {
        assert_eq!(
            caption("Prices rose. Below are the prices by city:").as_deref(),
            Some("Below are the prices by city:")
        );
    }

    #[test]
    fn glued_sentences_are_split() {
        assert_eq!(
            caption("It ended.Below is a table of the votes").as_deref(),
            Some("Below is a table of the votes")
        );
    }

    #[test]
    fn a_plain_last_sentence_is_not_a_caption() {
        assert_eq!(caption("Talks went on. Nobody left the room."), None);
        assert_eq!(caption("Mr. Smith set the table aside. He left."), None);
    }

    #[test]
    fn abbreviations_do_not_end_the_sentence() {
        assert_eq!(
            caption("The U.S. figures per Dr. Lee are in this table.").as_deref(),
            Some("The U.S. figures per Dr. Lee are in this table.")
        );
    }

    #[test]
    fn caption_sentence_may_span_wrapped_lines() {
        assert_eq!(
            caption("Sales fell. The figures\nbelow compare the quarters:").as_deref(),
            Some("The figures below compare the quarters:")
        );
    }

    #[test]
    fn table_labels() {
        assert!(is_table_label("Table: Seats"));
        assert!(is_table_label("Table 2: Seats by region"));
        assert!(is_table_label("TABLE 3.1 : x"));
        assert!(!is_table_label("Tables were set: yes"));
        assert!(!is_table_label("Table tennis results were announced: x"));
        assert!(!is_table_label("Tab"));
    }
}
