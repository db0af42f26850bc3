//! Sentences on one line: whitespace runs collapsed, words hyphenated across a line break joined.

/// A sentence on one line: whitespace runs become one space, and a word hyphenated across a line
/// break (`city-\ncentre`) keeps its hyphen without the break.
///
/// ```
/// assert_eq!(abridge::text::flatten("the city-\n  centre  and\n the port"), "the city-centre and the port");
/// ```
pub fn flatten(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut after_break = false;
    let mut pending_space = false;
    let mut rest = text;
    for word in text.split_whitespace() {
        // Where does this word sit, and was the whitespace before it a line break?
        if let Some(at) = rest.find(word) {
            after_break = rest[..at].contains(['\n', '\r']);
            rest = &rest[at + word.len()..];
        }
        let glued = after_break && joins_hyphenated(&out, word);
        if pending_space && !glued {
            out.push(' ');
        }
        out.push_str(word);
        pending_space = true;
    }
    out
}

/// Whether `next`, the first word of a line, continues a word hyphenated at the end of `before`
/// (`city-` + `centre`, `post-` + `iPhone`): then the two are joined without a space, the
/// hyphen kept. Shared by the cleaner's paragraphs and [`flatten`], so both agree.
pub(crate) fn joins_hyphenated(before: &str, next: &str) -> bool {
    before
        .strip_suffix('-')
        .is_some_and(|b| b.ends_with(char::is_alphabetic))
        && next.starts_with(char::is_lowercase)
}
