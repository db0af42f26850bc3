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
    // The end of the previous word: the whitespace before a word runs from there to the word.
    let mut prev_end = 0;
    for word in text.split_whitespace() {
        // Where does this word sit (it is a slice of `text`: its offset is where `find` would
        // find it after the previous word, without building a searcher for each word), and was
        // the whitespace before it a line break?
        let at = word.as_ptr() as usize - text.as_ptr() as usize;
        if let Some(gap) = text.get(prev_end..at) {
            after_break = gap.contains(['\n', '\r']);
        }
        prev_end = at + word.len();
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
