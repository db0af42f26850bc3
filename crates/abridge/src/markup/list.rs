//! Bullet and ordered lists in scraped article text.
//!
//! These are not CommonMark lists: a line that is not indented past the list ends it, so the
//! next paragraph is never swallowed, unless it goes on a sentence the item above left
//! unfinished (a lazy continuation, see below), a list may start
//! right after a paragraph line, and a changed marker always starts a new list. The rules:
//!
//! - An item marker is `-`, `*`, `+`, one of the bullets `•` `◦` `▪` `‣`, an en dash `–`, or
//!   `N.` / `N)` with 1 to 9 digits, after optional indentation and followed by at least one space
//!   or tab and some text. Thematic breaks (`---`, `* * *`) are never items.
//! - After a paragraph line an ordered list must start at 1 (`1998. The company said` in
//!   hard-wrapped news text is not a list).
//! - Nesting follows indentation; indented non-item lines continue the item above them.
//! - An unindented line continues the item on the line right above it only when the sentence
//!   runs on: that line ends with no sentence end or lead-in (`.` `:` `!` `?` `;`) and this one
//!   starts in lower case.
//! - Blank lines are crossed only when the list clearly goes on after them.
//! - An item shaped `Term: description` gets its `term` and `description` split out.
//! - A marker alone on its line takes the next line as its item's text (extractors write list
//!   items that way); a list made of one such item is not a list (a lone dash is a separator).
//! - A table indented under an item belongs to the item: it is reported with the tables, and the
//!   list goes on after it. A table at the list's own indentation ends the list. A layout table
//!   indented under an item (see `table.rs`), and a bullet item over a delimiter row (html2text's
//!   layout tables in list items), are read as list text, their delimiter rows kept in the list.
//! - An en dash item that is one line of a hard-wrapped paragraph (the line above does not end
//!   a sentence or a lead-in, the line below goes on in lower case) is no list: it is the
//!   sentence's dash.

use super::grammar::{self, Marker, MarkerKind as Kind};
use super::lines::{Line, LineSource};
use super::table::{self, starts_table};
use super::{Item, List, Table, MAX_NESTING};
use crate::Span;
use std::borrow::Cow;

pub(crate) use grammar::is_thematic_break;

/// The item that `text` starts, if any (see [`grammar::item`]).
fn parse_marker(text: &str) -> Option<Marker<'_>> {
    grammar::item(text).ok().map(|(_, marker)| marker)
}

/// The text of a line that starts a list item, without its marker (`- `, `• `, `1. `, `2) `)
/// and surrounding space; `None` when the line starts no item.
pub(crate) fn item_text(text: &str) -> Option<&str> {
    parse_marker(text).map(|m| m.text)
}

/// An item being built: its first line's text, its continuation lines, its nested lists.
#[derive(Debug)]
struct Draft<'a> {
    first: &'a str,
    /// The first line and the continuation lines joined by spaces, once there is one (so the
    /// memory is the text's, not a vector entry per line).
    joined: Option<String>,
    children: Vec<List<'a>>,
}

impl<'a> Draft<'a> {
    fn new(text: &'a str) -> Self {
        Draft {
            first: text,
            joined: None,
            children: Vec::new(),
        }
    }

    fn push(&mut self, part: &str) {
        let joined = self.joined.get_or_insert_with(|| self.first.to_owned());
        joined.push(' ');
        joined.push_str(part);
    }

    fn finish(self) -> Item<'a> {
        let Some(text) = self.joined else {
            let (term, description) = match split_term(self.first) {
                Some((term, description)) => {
                    (Some(Cow::Borrowed(term)), Some(Cow::Borrowed(description)))
                }
                None => (None, None),
            };
            return Item {
                text: Cow::Borrowed(self.first),
                term,
                description,
                children: self.children,
            };
        };
        let (term, description) = match split_term(&text) {
            Some((term, description)) => {
                // The text starts with the first line, so a term that ends within it is a slice of the input.
                let term = match self.first.get(..term.len()) {
                    Some(prefix) if prefix == term => Cow::Borrowed(prefix),
                    _ => Cow::Owned(term.to_owned()),
                };
                (Some(term), Some(Cow::Owned(description.to_owned())))
            }
            None => (None, None),
        };
        Item {
            text: Cow::Owned(text),
            term,
            description,
            children: self.children,
        }
    }
}

/// One open list: the top-level list or a nested list inside the last item of the level below.
#[derive(Debug)]
struct Level<'a> {
    kind: Kind,
    /// Marker indentation of the item that opened the level.
    indent: usize,
    /// Never empty.
    items: Vec<Draft<'a>>,
    /// Index (into the line slice) of the first and last line of the level.
    first: usize,
    last: usize,
}

impl<'a> Level<'a> {
    fn open(marker: &Marker<'a>, at: usize) -> Self {
        Level {
            kind: marker.kind,
            indent: marker.indent,
            items: vec![Draft::new(marker.text)],
            first: at,
            last: at,
        }
    }

    fn finish(self, lines: &(impl LineSource<'a> + ?Sized)) -> Option<List<'a>> {
        let first = lines.line(self.first)?;
        let last = lines.line(self.last)?;
        Some(List {
            ordered: matches!(self.kind, Kind::Ordered(_)),
            lines: [first.number, last.number],
            items: self.items.into_iter().map(Draft::finish).collect(),
            span: Span::new(first.start, last.end()),
        })
    }
}

/// What a non-blank line does to the open levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action<'a> {
    /// An item indented past the deepest open item: opens a nested list in that item.
    Nest(Marker<'a>),
    /// An item of the same marker as open level `.1`: closes the levels above it, joins it.
    Sibling(usize, Marker<'a>),
    /// An item of another marker landing on nested level `.1`: closes it and opens a new nested
    /// list beside it in the same parent item.
    Replace(usize, Marker<'a>),
    /// An indented non-item line: closes the levels above `.1`, joins that level's last item.
    Continue(usize, &'a str),
    /// An item that would nest deeper than [`MAX_NESTING`] levels: kept as text, a
    /// continuation of the deepest item (level `.1`).
    Capped(usize, &'a str),
    /// The list ends before the line.
    End,
}

impl Action<'_> {
    /// True when the list may cross blank lines to reach a line with this action.
    fn crosses_blank(&self) -> bool {
        matches!(
            self,
            Action::Nest(_) | Action::Sibling(..) | Action::Continue(..) | Action::Capped(..)
        )
    }
}

/// What the non-blank line `text`, whose item is `marker` (see [`item_at`]), does to the open
/// `levels` (never empty).
fn classify<'a>(text: &'a str, marker: Option<Marker<'a>>, levels: &[Level<'a>]) -> Action<'a> {
    let (Some(top), Some(deepest)) = (levels.first(), levels.last()) else {
        return Action::End;
    };
    if is_thematic_break(text) {
        return Action::End;
    }
    if let Some(marker) = marker {
        if marker.indent > deepest.indent {
            if levels.len() >= MAX_NESTING {
                return Action::Capped(levels.len() - 1, text.trim());
            }
            return Action::Nest(marker);
        }
        // The nearest open level whose marker indent is at most the item's; an item left of the
        // top-level marker still belongs to the top level (scraped indentation is uneven).
        let at = levels
            .iter()
            .rposition(|level| level.indent <= marker.indent)
            .unwrap_or(0);
        let same = levels
            .get(at)
            .is_some_and(|level| level.kind == marker.kind);
        return match (same, at) {
            (true, _) => Action::Sibling(at, marker),
            (false, 0) => Action::End,
            (false, _) => Action::Replace(at, marker),
        };
    }
    let Ok((_, (indent, text))) = grammar::continuation(top.indent)(text) else {
        return Action::End;
    };
    let at = levels
        .iter()
        .rposition(|level| level.indent < indent)
        .unwrap_or(0);
    Action::Continue(at, text)
}

/// Closes the levels above `depth`, each into the last item of the level below it.
fn close_to<'a>(levels: &mut Vec<Level<'a>>, depth: usize, lines: &(impl LineSource<'a> + ?Sized)) {
    while levels.len() > depth + 1 {
        let Some(level) = levels.pop() else { return };
        let list = level.finish(lines);
        if let (Some(list), Some(item)) = (
            list,
            levels.last_mut().and_then(|parent| parent.items.last_mut()),
        ) {
            item.children.push(list);
        }
    }
}

/// The item that starts at `lines[j]`, and the index of the line its text is on: the same line
/// for a marker followed by text, the next one for a marker alone on its line whose next line is
/// text (not blank, no item or lone marker of its own, no thematic break).
fn item_at<'a>(lines: &(impl LineSource<'a> + ?Sized), j: usize) -> Option<(Marker<'a>, usize)> {
    let line = lines.line(j)?;
    if let Some(marker) = parse_marker(line.text) {
        return Some((marker, j));
    }
    let (_, (indent, number, kind)) = grammar::lone_marker(line.text).ok()?;
    let next = lines.line(j + 1)?;
    if next.is_blank()
        || parse_marker(next.text).is_some()
        || grammar::lone_marker(next.text).is_ok()
        || is_thematic_break(next.text)
    {
        return None;
    }
    Some((
        Marker {
            indent,
            kind,
            number,
            text: next.text.trim(),
        },
        j + 1,
    ))
}

/// Parses a list starting at `lines[i]`. `after_paragraph` is true when `lines[i-1]` is a non-blank
/// paragraph line.
///
/// Returns the list and the index of the first line AFTER the list (trailing blank lines are not
/// consumed). `None` when `lines[i]` does not start a list.
/// `capped` is set when an item was kept as text because it would nest deeper than
/// [`MAX_NESTING`] levels. Tables indented under an item are not looked for (see
/// [`parse_with_tables`]).
#[cfg(test)]
pub(crate) fn parse_at<'a>(
    lines: &(impl LineSource<'a> + ?Sized),
    i: usize,
    after_paragraph: bool,
    capped: &mut bool,
) -> Option<(List<'a>, usize)> {
    parse_with_tables(lines, i, after_paragraph, capped, &mut Vec::new())
}

/// `parse_at`, with the tables indented under its items pushed to `tables` (in input order):
/// the list spans them and goes on after them.
pub(crate) fn parse_with_tables<'a>(
    lines: &(impl LineSource<'a> + ?Sized),
    i: usize,
    after_paragraph: bool,
    capped: &mut bool,
    tables: &mut Vec<Table<'a>>,
) -> Option<(List<'a>, usize)> {
    let (marker, first_end) = item_at(lines, i)?;
    if after_paragraph && matches!(marker.kind, Kind::Ordered(_)) && marker.number != 1 {
        return None;
    }
    let found_before = tables.len();
    let mut levels = vec![Level::open(&marker, i)];
    levels[0].last = first_end;
    let mut j = first_end + 1;
    while let Some(line) = lines.line(j) {
        if starts_table(lines, j) {
            if line.indent() > levels[0].indent {
                // A table indented under an item is part of it: the list goes on after it. (A
                // layout table there, header only or no cell with text, is list text.)
                let intro = intro_line(lines, i, j);
                if let Some((table, next)) = table::parse_at(lines, j, &intro) {
                    tables.push(table);
                    for level in &mut levels {
                        level.last = next - 1;
                    }
                    j = next;
                    continue;
                }
            } else if !lines
                .line(j + 1)
                .is_some_and(|d| table::is_bullet_item_over(line.text, d.text))
            {
                // A table at the list's own indentation ends it (the scan parses it next); a
                // bullet item over a delimiter row is an item (see `table.rs`).
                break;
            }
        }
        if line.is_blank() {
            let Some(next) =
                (j..lines.count()).find(|&k| lines.line(k).is_some_and(|l| !l.is_blank()))
            else {
                break;
            };
            let crosses = lines.line(next).is_some_and(|l| {
                let marker = item_at(lines, next).map(|(m, _)| m);
                classify(l.text, marker, &levels).crosses_blank()
            });
            if !crosses {
                break;
            }
            j = next;
            continue;
        }
        let (marker, mut end) = match item_at(lines, j) {
            Some((marker, end)) => (Some(marker), end),
            None => (None, j),
        };
        // The delimiter row of such a layout table, under a list line: kept in the list. (Items
        // are settled first: they are most of a list's lines, and none is a delimiter row.)
        if marker.is_none()
            && grammar::delimiter_row(grammar::Dashes::Lenient)(line.text).is_ok()
            && lines
                .line(j - 1)
                .is_some_and(|l| grammar::has_unescaped_pipe(l.text))
        {
            for level in &mut levels {
                level.last = j;
            }
            j += 1;
            continue;
        }
        let mut action = classify(line.text, marker, &levels);
        if action == Action::End && marker.is_none() && is_lazy_line(lines, j, line.text, &levels) {
            action = Action::Continue(levels.len() - 1, line.text.trim());
        }
        match action {
            Action::End => break,
            Action::Nest(marker) => levels.push(Level::open(&marker, j)),
            Action::Sibling(at, marker) => {
                close_to(&mut levels, at, lines);
                if let Some(level) = levels.last_mut() {
                    level.items.push(Draft::new(marker.text));
                }
            }
            Action::Replace(at, marker) => {
                close_to(&mut levels, at.saturating_sub(1), lines);
                levels.push(Level::open(&marker, j));
            }
            Action::Continue(at, text) | Action::Capped(at, text) => {
                *capped |= matches!(action, Action::Capped(..));
                // A capped lone marker is kept as text on its own; its next line is read anew.
                end = j;
                close_to(&mut levels, at, lines);
                if let Some(item) = levels.last_mut().and_then(|level| level.items.last_mut()) {
                    item.push(text);
                }
            }
        }
        for level in &mut levels {
            level.last = end;
        }
        j = end + 1;
    }
    close_to(&mut levels, 0, lines);
    let top = levels.pop()?;
    let next = top.last + 1;
    let single = top.items.len() == 1 && top.items[0].children.is_empty();
    // One item from a lone marker: a dash on a line of its own is a separator more often than
    // a list (a list of one item written that way cannot be told from one).
    let lone_separator = single && first_end > i;
    if lone_separator || (single && after_paragraph && is_wrapped_dash(lines, i, next, &top)) {
        tables.truncate(found_before);
        return None;
    }
    Some((top.finish(lines)?, next))
}

/// True when the one-line, one-item list at `lines[i]` is an en dash inside a hard-wrapped
/// sentence: the line above ends with neither a sentence end nor a lead-in colon, and the line
/// after the list goes on in lower case.
fn is_wrapped_dash<'a>(
    lines: &(impl LineSource<'a> + ?Sized),
    i: usize,
    next: usize,
    top: &Level<'a>,
) -> bool {
    if top.kind != Kind::Bullet('–') {
        return false;
    }
    let Some(above) = i.checked_sub(1).and_then(|k| lines.line(k)) else {
        return false;
    };
    // The line below the dash's line: after the list, or (lazily continued) inside it.
    let below = if top.last == i { next } else { i + 1 };
    ends_mid_sentence(above.text)
        && lines
            .line(below)
            .is_some_and(|l| l.indent() <= top.indent && starts_lower(l.text))
}

/// True when the unindented, unmarked line `lines[j]` (its text `text`) goes on the sentence that the deepest
/// open item left unfinished on the line right above it (a lazy continuation: extractors and
/// hand-written Markdown wrap an item's text without indenting it). The signal is the sentence,
/// not the layout: the item's line ends with no sentence end or lead-in and this line starts in
/// lower case, which a paragraph after a list never does.
fn is_lazy_line<'a>(
    lines: &(impl LineSource<'a> + ?Sized),
    j: usize,
    text: &str,
    levels: &[Level<'a>],
) -> bool {
    // The deepest item's last line is right above (not a blank line crossed to reach this one);
    // a blank line never ends mid-sentence, and a table row is no sentence.
    levels.last().is_some_and(|level| level.last + 1 == j)
        && j.checked_sub(1)
            .and_then(|k| lines.line(k))
            .is_some_and(|above| {
                !grammar::has_unescaped_pipe(above.text) && ends_mid_sentence(above.text)
            })
        && starts_lower(text)
}

/// True when `text` ends with neither a sentence end nor a lead-in (`.`, `:`, `!`, `?`, `;`,
/// looked for inside closing quotes, brackets and emphasis).
fn ends_mid_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '\'', ')', ']', '”', '’', '*', '_'])
        .chars()
        .next_back()
        .is_some_and(|c| !matches!(c, '.' | ':' | '!' | '?' | ';'))
}

/// True when `text` starts, after indentation, with a lower-case letter.
fn starts_lower(text: &str) -> bool {
    text.trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// The line that introduces a table met inside the list started at `lines[from]`: the last
/// non-blank line before `lines[j]`, its marker removed (`2. Pick a back end:` gives `Pick a back
/// end:`). The table's caption is taken from it as from a paragraph.
fn intro_line<'a>(lines: &(impl LineSource<'a> + ?Sized), from: usize, j: usize) -> Vec<Line<'a>> {
    let Some(line) = (from..j)
        .rev()
        .filter_map(|k| lines.line(k))
        .find(|l| !l.is_blank())
    else {
        return Vec::new();
    };
    let text = item_text(line.text).unwrap_or_else(|| line.text.trim());
    // `text` is a slice of the line's text: its offset there is the distance between them.
    let offset = (text.as_ptr() as usize).saturating_sub(line.text.as_ptr() as usize);
    vec![Line {
        number: line.number,
        start: line.start + offset,
        text,
    }]
}

/// The `Term: description` split of an item's text (see [`grammar::term`]).
fn split_term(text: &str) -> Option<(&str, &str)> {
    grammar::term(text).ok().map(|(_, split)| split)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::markup::lines::lines;

    fn split(text: &str) -> Vec<crate::markup::Line<'_>> {
        lines(text).collect::<Vec<_>>()
    }

    /// `parse_at` on `text` from line index `i`.
    fn parse(text: &str, i: usize, after_paragraph: bool) -> Option<(List<'_>, usize)> {
        parse_at(&split(text), i, after_paragraph, &mut false)
    }

    /// The item texts of a list.
    fn texts<'a>(list: &'a List<'_>) -> Vec<&'a str> {
        list.items.iter().map(|item| item.text.as_ref()).collect()
    }

    /// Every list of `text`, the way the article scanner calls `parse_at`: lines holding a `|`
    /// are table lines and skipped; `after_paragraph` when the line before is non-blank.
    fn scan(text: &str) -> Vec<List<'_>> {
        let all = split(text);
        let mut found = Vec::new();
        let mut i = 0;
        while i < all.len() {
            if all[i].text.contains('|') {
                i += 1;
                continue;
            }
            let after_paragraph = i > 0 && !all[i - 1].is_blank();
            match parse_at(&all, i, after_paragraph, &mut false) {
                Some((list, next)) => {
                    assert!(next > i);
                    found.push(list);
                    i = next;
                }
                None => i += 1,
            }
        }
        found
    }

    // --- markers ---

    #[test]
    fn bullet_markers_start_items() {
        for marker in ["-", "*", "+", "•", "◦", "▪", "‣", "–"] {
            let text = format!("{marker} apples\n");
            assert!(item_text(&text).is_some(), "{marker}");
            let (list, next) = parse(&text, 0, false).expect(marker);
            assert!(!list.ordered);
            assert_eq!(texts(&list), ["apples"]);
            assert_eq!(next, 1);
        }
    }

    #[test]
    fn tab_after_marker_is_enough() {
        let (list, _) = parse("-\tapples\n1)\tpears", 0, false).unwrap();
        assert_eq!(texts(&list), ["apples"]);
        let (list, _) = parse("-\tapples\n1)\tpears", 1, false).unwrap();
        assert!(list.ordered);
        assert_eq!(texts(&list), ["pears"]);
    }

    #[test]
    fn ordered_markers_with_dot_or_paren() {
        let (list, next) = parse("1. one\n2. two\n10. ten\n", 0, false).unwrap();
        assert!(list.ordered);
        assert_eq!(texts(&list), ["one", "two", "ten"]);
        assert_eq!(next, 3);
        let (list, _) = parse("1) one\n2) two\n", 0, false).unwrap();
        assert!(list.ordered);
        assert_eq!(texts(&list), ["one", "two"]);
    }

    #[test]
    fn item_text_drops_the_marker() {
        assert_eq!(item_text("- Water: two litres"), Some("Water: two litres"));
        assert_eq!(item_text("12) Twelfth"), Some("Twelfth"));
        assert_eq!(item_text("-5 degrees"), None);
    }

    #[test]
    fn ordered_number_has_one_to_nine_digits() {
        assert_eq!(item_text("123456789. nine digits"), Some("nine digits"));
        assert_eq!(item_text("1234567890. ten digits"), None);
        assert_eq!(item_text(". no digits"), None);
        assert_eq!(item_text("a. a letter"), None);
        assert_eq!(item_text("1: colon"), None);
    }

    #[test]
    fn marker_needs_space_and_text() {
        assert_eq!(item_text("-5 degrees"), None);
        assert_eq!(item_text("--verbose"), None);
        assert_eq!(item_text("**bold** text"), None);
        assert_eq!(item_text("•Country"), None);
        assert_eq!(item_text("1.5 million"), None);
        assert_eq!(item_text("-"), None);
        assert_eq!(item_text("- "), None);
        assert_eq!(item_text("-  \t "), None);
        assert_eq!(item_text("3."), None);
        assert_eq!(item_text("3. "), None);
        assert_eq!(item_text(""), None);
        assert!(parse("-\n- \n", 0, false).is_none());
    }

    #[test]
    fn leading_indentation_is_allowed() {
        let text = "  • Country:\n  • Russian Federation\n";
        let (list, next) = parse(text, 0, false).unwrap();
        assert_eq!(texts(&list), ["Country:", "Russian Federation"]);
        assert_eq!(list.lines, [1, 2]);
        assert_eq!(list.span.range(), 0..text.trim_end().len());
        assert_eq!(next, 2);
        assert!(list.items.iter().all(|item| item.children.is_empty()));
    }

    #[test]
    fn item_text_is_trimmed() {
        let (list, _) = parse("-    spaced out   \t\n", 0, false).unwrap();
        assert_eq!(texts(&list), ["spaced out"]);
    }

    #[test]
    fn single_line_items_borrow_from_the_input() {
        let (list, _) = parse("- Water: two litres\n- A hat\n", 0, false).unwrap();
        let item = &list.items[0];
        assert!(matches!(item.text, Cow::Borrowed("Water: two litres")));
        assert!(matches!(item.term, Some(Cow::Borrowed("Water"))));
        assert!(matches!(
            item.description,
            Some(Cow::Borrowed("two litres"))
        ));
        assert!(matches!(list.items[1].text, Cow::Borrowed("A hat")));
    }

    // --- thematic breaks ---

    #[test]
    fn thematic_breaks() {
        for text in [
            "---", "***", "___", "* * *", "- - -", "_ _ _", "-----", "   ---", "---  ", "*\t*\t*",
        ] {
            assert!(is_thematic_break(text), "{text:?}");
            assert_eq!(item_text(text), None, "{text:?}");
        }
        for text in [
            "--", "- -", "-*-", "--- a", "    ---", "", "   ", "a---", "-- -x", "+++", "===",
        ] {
            assert!(!is_thematic_break(text), "{text:?}");
        }
    }

    #[test]
    fn thematic_break_is_not_a_list_and_ends_one() {
        assert!(parse("* * *\n", 0, false).is_none());
        assert!(parse("- - -\n", 0, false).is_none());
        let (list, next) = parse("- a\n- b\n---\n- c\n", 0, false).unwrap();
        assert_eq!(texts(&list), ["a", "b"]);
        assert_eq!(next, 2);
        let (list, next) = parse("- a\n  ***\n", 0, false).unwrap();
        assert_eq!(texts(&list), ["a"]);
        assert_eq!(next, 1);
    }

    // --- start conditions ---

    #[test]
    fn list_may_start_right_after_a_paragraph() {
        let text = "Bring:\n- Water: two litres\n- A hat\nThen go.\n";
        let (list, next) = parse(text, 1, true).unwrap();
        assert_eq!(texts(&list), ["Water: two litres", "A hat"]);
        assert_eq!(list.lines, [2, 3]);
        assert_eq!(next, 3);
    }

    #[test]
    fn ordered_list_after_paragraph_must_start_at_one() {
        let text = "The firm was founded in\n1998. The company said it would grow.\n";
        assert!(parse(text, 1, true).is_none());
        let text = "Steps:\n2. second\n3. third\n";
        assert!(parse(text, 1, true).is_none());
        let text = "Steps:\n1. first\n2. second\n";
        let (list, next) = parse(text, 1, true).unwrap();
        assert_eq!(texts(&list), ["first", "second"]);
        assert_eq!(next, 3);
        let text = "Steps:\n1) first\n";
        assert!(parse(text, 1, true).is_some());
    }

    #[test]
    fn ordered_list_not_after_paragraph_may_start_anywhere() {
        let (list, _) = parse("1998. The company said\n", 0, false).unwrap();
        assert!(list.ordered);
        assert_eq!(texts(&list), ["The company said"]);
        let (list, _) = parse("Intro\n\n3. three\n4. four\n", 2, false).unwrap();
        assert_eq!(texts(&list), ["three", "four"]);
    }

    #[test]
    fn bullets_after_paragraph_need_no_special_start() {
        assert!(parse("Text\n* starred\n", 1, true).is_some());
    }

    #[test]
    fn non_item_line_is_not_a_list() {
        assert!(parse("Plain text\n- a\n", 0, false).is_none());
        assert!(parse("- a\n", 1, false).is_none());
        assert!(parse("", 0, false).is_none());
        assert!(parse("\n- a\n", 0, false).is_none());
    }

    // --- continuation and ending ---

    #[test]
    fn indented_continuation_lines_join_with_a_space() {
        let text = "- first line\n  second line\n\tthird line  \n- next\n";
        let (list, next) = parse(text, 0, false).unwrap();
        assert_eq!(texts(&list), ["first line second line third line", "next"]);
        assert!(matches!(list.items[0].text, Cow::Owned(_)));
        assert!(matches!(list.items[1].text, Cow::Borrowed(_)));
        assert_eq!(list.lines, [1, 4]);
        assert_eq!(next, 4);
    }

    #[test]
    fn continuation_must_be_indented_past_the_marker() {
        let text = "  - item\n  Not more\n";
        let (list, next) = parse(text, 0, false).unwrap();
        assert_eq!(texts(&list), ["item"]);
        assert_eq!(next, 1);
        let text = "  - item\n   more\n";
        let (list, next) = parse(text, 0, false).unwrap();
        assert_eq!(texts(&list), ["item more"]);
        assert_eq!(next, 2);
    }

    #[test]
    fn non_indented_line_ends_the_list() {
        let text = "Key topics:\n- One: first\n- Two: second\nThe talks went on.\n- Three\n";
        let (list, next) = parse(text, 1, true).unwrap();
        assert_eq!(texts(&list), ["One: first", "Two: second"]);
        assert_eq!(list.lines, [2, 3]);
        let end = text.find("\nThe talks").unwrap();
        assert_eq!(list.span.range(), text.find("- One").unwrap()..end);
        assert_eq!(next, 3);
    }

    #[test]
    fn lazy_line_goes_on_an_unfinished_sentence() {
        let text = "1. Open the file.\n2. Set `fast` to `true`,\ndisable the cache\nand restart it.\n\n3. Run it.\n";
        let (list, next) = parse(text, 0, false).unwrap();
        assert_eq!(
            texts(&list),
            [
                "Open the file.",
                "Set `fast` to `true`, disable the cache and restart it.",
                "Run it."
            ]
        );
        assert_eq!(list.lines, [1, 6]);
        assert_eq!(next, 6);
        // The same under a nested item: the line joins the deepest item.
        let (list, _) = parse("- a\n  - the plan would\ngo ahead\n- b\n", 0, false).unwrap();
        assert_eq!(
            texts(&list.items[0].children[0]),
            ["the plan would go ahead"]
        );
        assert_eq!(texts(&list), ["a", "b"]);
    }

    #[test]
    fn lazy_line_needs_a_sentence_that_runs_on() {
        // The item ends a sentence, or the next line starts as a new one: the list ends.
        for text in [
            "- The plan was approved.\nofficials said later\n",
            "- The plan was approved\nOfficials said later\n",
            "- Key points:\nthe plan\n",
            "- a | b\nand more\n",
        ] {
            let (list, next) = parse(text, 0, false).unwrap();
            assert_eq!(list.items.len(), 1, "{text:?}");
            assert_eq!(next, 1, "{text:?}");
        }
        // Not after a blank line.
        let (list, next) = parse("- the plan would\n\ngo ahead\n", 0, false).unwrap();
        assert_eq!(texts(&list), ["the plan would"]);
        assert_eq!(next, 1);
    }

    #[test]
    fn continuation_joins_the_item_it_is_indented_under() {
        // "more" is not past the nested marker (indent 2), so it goes to the outer item and
        // closes the nested list.
        let text = "- a\n  - b\n  more\n  - c\n";
        let (list, next) = parse(text, 0, false).unwrap();
        assert_eq!(next, 4);
        assert_eq!(texts(&list), ["a more"]);
        let children = &list.items[0].children;
        assert_eq!(children.len(), 2);
        assert_eq!(texts(&children[0]), ["b"]);
        assert_eq!(children[0].lines, [2, 2]);
        assert_eq!(texts(&children[1]), ["c"]);
        assert_eq!(children[1].lines, [4, 4]);
        assert_eq!(list.lines, [1, 4]);
    }

    #[test]
    fn continuation_of_a_nested_item() {
        let text = "- a\n  - b\n    b2\n- c\n";
        let (list, next) = parse(text, 0, false).unwrap();
        assert_eq!(next, 4);
        assert_eq!(texts(&list), ["a", "c"]);
        assert_eq!(texts(&list.items[0].children[0]), ["b b2"]);
        assert_eq!(list.items[0].children[0].lines, [2, 3]);
    }

    // --- nesting ---

    #[test]
    fn nested_lists_by_indentation() {
        let text = "- fruit\n  - apple\n  - pear\n    1. conference\n    2. williams\n- veg\n";
        let (list, next) = parse(text, 0, false).unwrap();
        assert_eq!(next, 6);
        assert_eq!(list.lines, [1, 6]);
        assert_eq!(list.span.range(), 0..text.len() - 1);
        assert_eq!(texts(&list), ["fruit", "veg"]);
        let fruit = &list.items[0];
        assert_eq!(fruit.children.len(), 1);
        let kinds = &fruit.children[0];
        assert!(!kinds.ordered);
        assert_eq!(texts(kinds), ["apple", "pear"]);
        assert_eq!(kinds.lines, [2, 5]);
        let start = text.find("  - apple").unwrap();
        assert_eq!(kinds.span.range(), start..text.find("\n- veg").unwrap());
        assert!(kinds.items[0].children.is_empty());
        let pears = &kinds.items[1].children;
        assert_eq!(pears.len(), 1);
        assert!(pears[0].ordered);
        assert_eq!(texts(&pears[0]), ["conference", "williams"]);
        assert_eq!(pears[0].lines, [4, 5]);
        assert!(list.items[1].children.is_empty());
    }

    #[test]
    fn lower_indent_pops_to_the_nearest_open_level() {
        // "c" at indent 2 pops out of the indent-4 level into the indent-0 one (2 >= 0) as a
        // sibling of "a".
        let text = "- a\n    - b\n  - c\n";
        let (list, next) = parse(text, 0, false).unwrap();
        assert_eq!(next, 3);
        assert_eq!(texts(&list), ["a", "c"]);
        assert_eq!(texts(&list.items[0].children[0]), ["b"]);
        // Three levels, back to the middle one.
        let text = "- a\n  - b\n    - c\n  - d\n- e\n";
        let (list, _) = parse(text, 0, false).unwrap();
        assert_eq!(texts(&list), ["a", "e"]);
        let middle = &list.items[0].children[0];
        assert_eq!(texts(middle), ["b", "d"]);
        assert_eq!(middle.lines, [2, 4]);
        assert_eq!(texts(&middle.items[0].children[0]), ["c"]);
    }

    #[test]
    fn item_left_of_the_first_marker_stays_at_top_level() {
        let text = "  - a\n- b\n";
        let (list, next) = parse(text, 0, false).unwrap();
        assert_eq!(texts(&list), ["a", "b"]);
        assert_eq!(next, 2);
    }

    #[test]
    fn tabs_count_as_indentation() {
        let text = "- a\n\t- b\n- c\n";
        let (list, _) = parse(text, 0, false).unwrap();
        assert_eq!(texts(&list), ["a", "c"]);
        assert_eq!(texts(&list.items[0].children[0]), ["b"]);
    }

    // --- changed markers ---

    #[test]
    fn changed_bullet_ends_top_level_list() {
        let text = "- a\n- b\n* c\n* d\n";
        let (list, next) = parse(text, 0, false).unwrap();
        assert_eq!(texts(&list), ["a", "b"]);
        assert_eq!(list.lines, [1, 2]);
        assert_eq!(next, 2);
        let (list, next) = parse(text, next, true).unwrap();
        assert_eq!(texts(&list), ["c", "d"]);
        assert_eq!(list.lines, [3, 4]);
        assert_eq!(next, 4);
    }

    #[test]
    fn ordered_versus_bullet_and_delimiter_change_end_top_level_list() {
        let (list, next) = parse("1. a\n- b\n", 0, false).unwrap();
        assert_eq!(texts(&list), ["a"]);
        assert_eq!(next, 1);
        let (list, next) = parse("- a\n1. b\n", 0, false).unwrap();
        assert_eq!(texts(&list), ["a"]);
        assert_eq!(next, 1);
        let (list, next) = parse("1. a\n2) b\n", 0, false).unwrap();
        assert_eq!(texts(&list), ["a"]);
        assert_eq!(next, 1);
        let (list, next) = parse("• a\n◦ b\n", 0, false).unwrap();
        assert_eq!(texts(&list), ["a"]);
        assert_eq!(next, 1);
    }

    #[test]
    fn changed_marker_at_nested_level_starts_sibling_list() {
        let text = "- a\n  - b\n  * c\n  * d\n- e\n";
        let (list, next) = parse(text, 0, false).unwrap();
        assert_eq!(next, 5);
        assert_eq!(texts(&list), ["a", "e"]);
        let children = &list.items[0].children;
        assert_eq!(children.len(), 2);
        assert_eq!(texts(&children[0]), ["b"]);
        assert_eq!(children[0].lines, [2, 2]);
        assert_eq!(texts(&children[1]), ["c", "d"]);
        assert_eq!(children[1].lines, [3, 4]);
        let text = "- a\n  1. b\n  - c\n";
        let (list, _) = parse(text, 0, false).unwrap();
        let children = &list.items[0].children;
        assert_eq!(children.len(), 2);
        assert!(children[0].ordered);
        assert!(!children[1].ordered);
    }

    // --- blank lines ---

    #[test]
    fn blank_lines_between_items_of_the_same_marker() {
        let text = "- a\n\n- b\n\n\n- c\n";
        let (list, next) = parse(text, 0, false).unwrap();
        assert_eq!(texts(&list), ["a", "b", "c"]);
        assert_eq!(list.lines, [1, 6]);
        assert_eq!(next, 6);
    }

    #[test]
    fn trailing_blank_lines_are_not_consumed() {
        let text = "- a\n- b\n\n\nNext paragraph.\n";
        let (list, next) = parse(text, 0, false).unwrap();
        assert_eq!(texts(&list), ["a", "b"]);
        assert_eq!(list.lines, [1, 2]);
        assert_eq!(next, 2);
        let (list, next) = parse("- a\n\n\n", 0, false).unwrap();
        assert_eq!(list.lines, [1, 1]);
        assert_eq!(next, 1);
    }

    #[test]
    fn blank_then_other_marker_ends_the_list() {
        let (list, next) = parse("- a\n\n* b\n", 0, false).unwrap();
        assert_eq!(texts(&list), ["a"]);
        assert_eq!(next, 1);
        let (list, next) = parse("- a\n  - b\n\n  * c\n", 0, false).unwrap();
        assert_eq!(texts(&list.items[0].children[0]), ["b"]);
        assert_eq!(list.items[0].children.len(), 1);
        assert_eq!(next, 2);
    }

    #[test]
    fn blank_then_indented_continuation() {
        let text = "- a\n\n  more a\n- b\n";
        let (list, next) = parse(text, 0, false).unwrap();
        assert_eq!(texts(&list), ["a more a", "b"]);
        assert_eq!(list.lines, [1, 4]);
        assert_eq!(next, 4);
    }

    #[test]
    fn blank_then_item_at_an_open_level() {
        let text = "- a\n  - b\n\n- c\n";
        let (list, next) = parse(text, 0, false).unwrap();
        assert_eq!(texts(&list), ["a", "c"]);
        assert_eq!(texts(&list.items[0].children[0]), ["b"]);
        assert_eq!(next, 4);
    }

    #[test]
    fn blank_then_nested_item() {
        let text = "- a\n\n  - b\n";
        let (list, next) = parse(text, 0, false).unwrap();
        assert_eq!(texts(&list.items[0].children[0]), ["b"]);
        assert_eq!(list.items[0].children[0].lines, [3, 3]);
        assert_eq!(next, 3);
    }

    #[test]
    fn blank_line_of_spaces_counts_as_blank() {
        let (list, next) = parse("- a\n   \t\n- b\n", 0, false).unwrap();
        assert_eq!(texts(&list), ["a", "b"]);
        assert_eq!(next, 3);
    }

    // --- terms ---

    fn term_of(text: &str) -> (Option<String>, Option<String>) {
        let line = format!("- {text}\n");
        let (list, _) = parse(&line, 0, false).unwrap();
        let item = &list.items[0];
        (
            item.term.as_deref().map(str::to_owned),
            item.description.as_deref().map(str::to_owned),
        )
    }

    fn some(term: &str, description: &str) -> (Option<String>, Option<String>) {
        (Some(term.to_owned()), Some(description.to_owned()))
    }

    #[test]
    fn term_and_description() {
        assert_eq!(
            term_of("Mutual recognition: Addressing the legitimacy of operations."),
            some(
                "Mutual recognition",
                "Addressing the legitimacy of operations."
            )
        );
        assert_eq!(term_of("Water:\ttwo litres"), some("Water", "two litres"));
        assert_eq!(
            term_of("Note: meet at 10:30: sharp"),
            some("Note", "meet at 10:30: sharp")
        );
        assert_eq!(
            term_of("At 10:30 sharp: the meeting"),
            some("At 10:30 sharp", "the meeting")
        );
        assert_eq!(
            term_of("One two three four five six: x"),
            some("One two three four five six", "x")
        );
    }

    #[test]
    fn no_term_without_the_shape() {
        let none = (None, None);
        assert_eq!(term_of("Country:"), none);
        assert_eq!(term_of("Country:   "), none);
        assert_eq!(term_of("Note, however: x"), none);
        assert_eq!(term_of("http://x.y"), none);
        assert_eq!(term_of("No colon at all"), none);
        assert_eq!(term_of(": leading colon"), none);
        assert_eq!(term_of("One two three four five six seven: x"), none);
        assert_eq!(term_of("He said so. Then: more"), none);
        assert_eq!(term_of("Really? Yes: ok"), none);
        assert_eq!(term_of("Stop! Now: ok"), none);
        assert_eq!(term_of("a; b: c"), none);
        // Only the first `: ` counts.
        assert_eq!(term_of("The first, long one: a. Second: b"), none);
    }

    #[test]
    fn multi_line_term_items() {
        let text = "- Security Measures:\n  Enhancing safety protocols.\n";
        let (list, _) = parse(text, 0, false).unwrap();
        let item = &list.items[0];
        assert_eq!(item.text, "Security Measures: Enhancing safety protocols.");
        assert!(matches!(
            item.term,
            Some(Cow::Borrowed("Security Measures"))
        ));
        assert_eq!(
            item.description.as_deref(),
            Some("Enhancing safety protocols.")
        );
        let text = "- A long item\n  Term here: then\n";
        let (list, _) = parse(text, 0, false).unwrap();
        let item = &list.items[0];
        assert_eq!(item.term.as_deref(), Some("A long item Term here"));
        assert_eq!(item.description.as_deref(), Some("then"));
    }

    // --- spans and line numbers ---

    #[test]
    fn spans_and_lines_with_crlf() {
        let text = "Intro\r\n- a\r\n  b\r\n- c\r\nOutro\r\n";
        let (list, next) = parse(text, 1, true).unwrap();
        assert_eq!(list.lines, [2, 4]);
        let start = text.find("- a").unwrap();
        let end = text.find("\r\nOutro").unwrap();
        assert_eq!(list.span.range(), start..end);
        assert_eq!(&text[list.span.range()], "- a\r\n  b\r\n- c");
        assert_eq!(next, 4);
    }

    // --- seeds ---

    const ARTICLE_004: &str = "\
In a meaningful development in international diplomacy, talks are set.
US-Russia diplomatic Initiatives Take Center Stage in Turkey
In a significant move to ease escalating tensions. Key topics for discussion are expected to include:
- Mutual recognition: Addressing the legitimacy of each embassy\u{2019}s operations.
- Consular Services: Improving facilitation for citizens of each country.
- Security Measures: Enhancing safety protocols to protect embassy premises.
- Diplomatic Staffing: Resolving issues related to staffing levels and personnel presence.
The upcoming discussions are seen as a critical step. Below is a table summarizing the potential outcomes from the embassy discussions:
Outcome | Description |
---|---|
Increased Cooperation | Potential joint initiatives in security and trade. |
Analyzing the Impact of Fresh Embassy Talks on Bilateral Relations
The upcoming embassy talks in Turkey mark a crucial juncture, including:
- Security Cooperation: A renewed focus on arms control and nuclear non-proliferation.
- Trade Relations: Potential easing of economic sanctions and restoration of trade ties.
- Crisis Management: Improved interaction channels for managing geopolitical tensions.
While the stakes are high, the atmosphere surrounding these talks is one of cautious optimism.
Key Themes | Potential Outcomes |
---|---|
Security Cooperation | Enhanced arms control agreements |
Recommendations for enhancing Communication and Cooperation between the US and Russia
In light of the upcoming discussions, Key initiatives may include:
- Establishing a joint communication hotline for rapid response in crisis situations;
- Creating collaborative task forces focused on global issues such as climate change and cybersecurity;
- Encouraging cultural exchanges to foster understanding at the grassroots level.
Such measures could not only ease tensions but also pave the way for more comprehensive negotiations on pressing geopolitical matters.
The Way Forward
the upcoming talks between the United States and Russia in Turkey mark a significant step.";

    #[test]
    fn seed_article_004() {
        let lists = scan(ARTICLE_004);
        let shape: Vec<(usize, [usize; 2])> =
            lists.iter().map(|l| (l.items.len(), l.lines)).collect();
        assert_eq!(shape, [(4, [4, 7]), (3, [14, 16]), (3, [23, 25])]);
        assert!(lists.iter().all(|l| !l.ordered));
        let terms: Vec<Vec<Option<&str>>> = lists
            .iter()
            .map(|l| l.items.iter().map(|i| i.term.as_deref()).collect())
            .collect();
        assert_eq!(
            terms,
            [
                vec![
                    Some("Mutual recognition"),
                    Some("Consular Services"),
                    Some("Security Measures"),
                    Some("Diplomatic Staffing")
                ],
                vec![
                    Some("Security Cooperation"),
                    Some("Trade Relations"),
                    Some("Crisis Management")
                ],
                vec![None, None, None],
            ]
        );
        assert_eq!(
            lists[0].items[0].description.as_deref(),
            Some("Addressing the legitimacy of each embassy\u{2019}s operations.")
        );
        assert_eq!(
            lists[2].items[2].text,
            "Encouraging cultural exchanges to foster understanding at the grassroots level."
        );
        for list in &lists {
            assert!(ARTICLE_004[list.span.range()].starts_with("- "));
        }
    }

    #[test]
    fn seed_article_001_country_list() {
        let text = "This image is AI-generated.\n  \u{2022} Country:\n  \u{2022} Russian Federation\n\nIn a strategic move.\n\nTRENDING\n\n1\nAustralia's Housing Market\n";
        let lists = scan(text);
        assert_eq!(lists.len(), 1);
        assert_eq!(texts(&lists[0]), ["Country:", "Russian Federation"]);
        assert_eq!(lists[0].lines, [2, 3]);
        assert!(lists[0]
            .items
            .iter()
            .all(|i| i.term.is_none() && i.description.is_none()));
    }

    // --- robustness ---

    /// Levels of the chain of first children starting at `list`.
    fn depth(list: &List<'_>) -> usize {
        1 + list
            .items
            .last()
            .and_then(|item| item.children.first())
            .map_or(0, depth)
    }

    #[test]
    fn nesting_deeper_than_the_cap_is_kept_as_text() {
        let nested = |levels: usize| -> String {
            (0..levels)
                .map(|k| format!("{}- x{k}\n", " ".repeat(k)))
                .collect()
        };
        let text = nested(MAX_NESTING);
        let mut capped = false;
        let (list, next) = parse_at(&split(&text), 0, false, &mut capped).unwrap();
        assert!(!capped);
        assert_eq!((depth(&list), next), (MAX_NESTING, MAX_NESTING));
        let text = nested(MAX_NESTING + 50);
        let (list, next) = parse_at(&split(&text), 0, false, &mut capped).unwrap();
        assert!(capped);
        assert_eq!((depth(&list), next), (MAX_NESTING, MAX_NESTING + 50));
        let mut deepest = &list;
        while let Some(child) = deepest.items[0].children.first() {
            deepest = child;
        }
        let kept: Vec<String> = (MAX_NESTING..MAX_NESTING + 50)
            .map(|k| format!("- x{k}"))
            .collect();
        assert_eq!(
            deepest.items[0].text,
            format!("x{} {}", MAX_NESTING - 1, kept.join(" "))
        );
        assert_eq!(list.lines, [1, MAX_NESTING + 50]);
    }

    #[test]
    fn never_panics_on_odd_input() {
        let samples = [
            "",
            "\n",
            "\r",
            "-",
            "- ",
            "1.",
            "1. ",
            "•",
            "• ",
            "–\u{a0}x",
            "é- x",
            "- é",
            "\t\t- x\n-",
            "- a\n\t\n\t\t\t- b\n  c\n - d\n\n\n",
            "- :\n- : \n- a: \n- ::: x",
            "999999999. x\n1000000000. y",
            "- x\n    - y\n  - z\n - w\n- v\n        - u\n",
            "  1) a\n 2) b\n3) c\n    4) d\n\n   5) e",
        ];
        for text in samples {
            let all = split(text);
            for i in 0..=all.len() + 1 {
                for after in [false, true] {
                    if let Some((list, next)) = parse_at(&all, i, after, &mut false) {
                        assert!(next > i && next <= all.len());
                        assert!(list.span.end <= text.len());
                        assert!(list.lines[0] <= list.lines[1]);
                        let _ = &text[list.span.range()];
                    }
                }
            }
            let _ = scan(text);
        }
    }
}
