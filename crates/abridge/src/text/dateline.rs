//! Wire datelines at the start of a sentence: `WASHINGTON (AP) --`, `PINE RIDGE, S.D. (AP) --`,
//! `PHNOM PENH, Oct 5 (AFP) -`, `PHOENIX _`, and the pieces a segmenter leaves when it splits a
//! dateline at a state abbreviation (`TOPPENISH, Wash.` then `(AP) -- At Tiny's Tavern...`).
//! Readers never want them in a summary, and human summaries never have them.
//!
//! The rule is shape, not vocabulary: a place written in capitals (every word of at least two
//! letters upper-case), optionally a comma and up to four short words (a state abbreviation, a
//! month and a day), optionally an agency in parentheses, then a dash, a double dash or an
//! underscore; or, at the very start, an agency in parentheses or a dash/underscore alone (the
//! rest of a dateline cut off by the segmenter). A single hyphen counts only after an agency, so
//! `AIDS - a disease...` keeps its first word.

/// `sentence` without its leading dateline (a suffix of it), or all of it when it has none.
///
/// ```
/// use abridge::text::strip_dateline;
/// assert_eq!(strip_dateline("WASHINGTON (AP) -- The Senate voted."), "The Senate voted.");
/// assert_eq!(strip_dateline("PINE RIDGE, S.D. (AP) -- Clinton went."), "Clinton went.");
/// assert_eq!(strip_dateline("(AP) -- At Tiny's Tavern, beer."), "At Tiny's Tavern, beer.");
/// assert_eq!(strip_dateline("PHOENIX _ Victoria Molina wants."), "Victoria Molina wants.");
/// assert_eq!(strip_dateline("NATO leaders met on Monday."), "NATO leaders met on Monday.");
/// ```
pub fn strip_dateline(sentence: &str) -> &str {
    // A slug may come first (`CUBA-ELIAN _ MIAMI _ As both sides...`): strip up to three.
    let mut rest = sentence;
    for _ in 0..3 {
        match dateline_len(rest) {
            Some(n) => rest = &rest[n..],
            None => break,
        }
    }
    rest
}

/// Whether `sentence` is only the place of a dateline cut off by the segmenter
/// (`TOPPENISH, Wash.`, `PINE RIDGE, S.D.`): no reader wants it as a sentence.
///
/// ```
/// assert!(abridge::text::is_dateline_place("CROW AGENCY, Mont."));
/// assert!(!abridge::text::is_dateline_place("Crow Agency, Mont."));
/// ```
pub fn is_dateline_place(sentence: &str) -> bool {
    // A place of at most four words and one or two after its comma, ending with a full stop:
    // a longer sentence (most) is turned away before its words are collected.
    if !sentence.trim_end().ends_with('.') || super::count_words(sentence) > 6 {
        return false;
    }
    is_place_by_words(sentence)
}

/// [`is_dateline_place`] by its definition, on the sentence's words.
fn is_place_by_words(sentence: &str) -> bool {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let Some(comma) = words.iter().position(|w| w.ends_with(',')) else {
        return false;
    };
    let place = &words[..=comma];
    let after = &words[comma + 1..];
    !place.is_empty()
        && place.len() <= 4
        && place
            .iter()
            .all(|w| is_capital_word(w.trim_end_matches(',')))
        && (1..=2).contains(&after.len())
        && after.iter().all(|w| is_short_qualifier(w))
        && sentence.trim_end().ends_with('.')
}

/// Byte length of the dateline (and the space after it) at the start of `s`.
fn dateline_len(s: &str) -> Option<usize> {
    // A dateline opens with a place in capitals, an agency in brackets or a dash: a sentence
    // whose first word is none of these (most) has none, and is not tokenised.
    let first = s.split_whitespace().next()?;
    if !(is_capital_word(first.trim_end_matches(','))
        || first.starts_with('(')
        || STRONG_SEPARATORS.contains(&first))
    {
        return None;
    }
    dateline_len_by_tokens(s)
}

/// [`dateline_len`] by its definition, on the first tokens of `s`.
fn dateline_len_by_tokens(s: &str) -> Option<usize> {
    let tokens = tokens(s);
    let mut i = 0;
    let mut place = 0;
    while i < tokens.len() && place < 5 && is_capital_word(tokens[i].1.trim_end_matches(',')) {
        place += 1;
        i += 1;
        if tokens[i - 1].1.ends_with(',') {
            break;
        }
    }
    // A comma after the place: a state, a date (`Oct 5`, `Oct. 5`), at most four words.
    if place > 0 && tokens[i - 1].1.ends_with(',') {
        let mut extra = 0;
        while i < tokens.len() && extra < 4 && is_short_qualifier(tokens[i].1) {
            i += 1;
            extra += 1;
        }
    }
    let mut agency = false;
    // `(AP)--`: the agency with the dash glued to it.
    if let Some(&(_, t)) = tokens.get(i) {
        let glued = ["--", "_", "-", "\u{2014}", "\u{2013}"]
            .iter()
            .find_map(|sep| t.strip_suffix(sep).filter(|a| a.ends_with(')')));
        if let Some(agency_token) = glued {
            let inner = agency_token.trim_start_matches('(').trim_end_matches(')');
            let named = agency_token.starts_with('(')
                && inner.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && inner
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '.' || c == '-');
            if named && (place > 0 || i == 0) {
                let rest_at = tokens.get(i + 1).map(|t| t.0)?;
                return Some(rest_at);
            }
        }
    }
    if i < tokens.len() && tokens[i].1.starts_with('(') {
        // `(AP)`, `(Xinhua)`, `(Agence France-Presse)`: up to three words, closed.
        let mut j = i;
        while j < tokens.len() && j < i + 3 && !tokens[j].1.ends_with(')') {
            j += 1;
        }
        if j < tokens.len() && tokens[j].1.ends_with(')') {
            let inner: String = tokens[i..=j]
                .iter()
                .map(|t| t.1)
                .collect::<Vec<_>>()
                .join(" ");
            let inner = inner.trim_start_matches('(').trim_end_matches(')');
            if !inner.is_empty()
                && inner.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && inner
                    .chars()
                    .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '.')
            {
                agency = true;
                i = j + 1;
            }
        }
    }
    let separator = tokens.get(i).map(|t| t.1)?;
    let strong = STRONG_SEPARATORS.contains(&separator);
    let weak = separator == "-" && agency;
    if !(strong || weak) || (place == 0 && !agency && i != 0) {
        return None;
    }
    let rest_at = tokens.get(i + 1).map(|t| t.0)?;
    let rest = &s[rest_at..];
    // Something a sentence starts with must follow.
    rest.chars()
        .next()
        .filter(|c| c.is_alphanumeric() || "\"'`\u{2018}\u{201c}$(".contains(*c))?;
    Some(rest_at)
}

/// The separators that end a dateline alone (a single hyphen ends one only after an agency).
const STRONG_SEPARATORS: &[&str] = &["--", "---", "_", "__", "\u{2014}", "\u{2013}"];

/// Whitespace-separated tokens with their byte offsets.
fn tokens(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(st)) => {
                out.push((st, &s[st..i]));
                start = None;
                if out.len() > 16 {
                    return out;
                }
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

/// A word of a place in capitals: letters all upper-case, at least two of them (`WASHINGTON`,
/// `S.D.`, `O'HARE`), nothing but letters, dots, hyphens and apostrophes.
fn is_capital_word(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && w.chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '-' || c == '\'' || c == '&')
}

/// A short word after a dateline's comma: a capitalised abbreviation or name of at most nine
/// letters (`Wash.`, `Calif.`, `N.M.`, `October`), or a day number.
fn is_short_qualifier(w: &str) -> bool {
    let w = w.trim_end_matches(',');
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    let capitalised = w.chars().next().is_some_and(|c| c.is_uppercase());
    let digits = !w.is_empty() && w.len() <= 2 && w.chars().all(|c| c.is_ascii_digit());
    digits
        || (capitalised
            && (1..=9).contains(&letters)
            && w.chars().all(|c| c.is_alphabetic() || c == '.'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::XorShift;

    #[test]
    fn the_quick_refusals_agree_with_the_definitions() {
        // Random sentences of dateline pieces and ordinary words: turning a sentence away
        // before tokenising it never changes the answer.
        let pieces = [
            "WASHINGTON",
            "PINE",
            "RIDGE,",
            "S.D.",
            "Wash.",
            "Oct",
            "5",
            "(AP)",
            "(Agence",
            "France-Presse)",
            "(AP)--",
            "--",
            "-",
            "_",
            "\u{2014}",
            "The",
            "Senate",
            "voted.",
            "NATO",
            "leaders",
            "met.",
            "AIDS",
            "x",
            "O'HARE,",
            "Calif.",
            "",
            " ",
            "\u{a0}",
        ];
        let mut rng = XorShift::new(0x2545_F491_4F6C_DD1D);
        let (mut datelines, mut places) = (0, 0);
        for _ in 0..20_000 {
            let words = rng.pieces(&pieces, 9);
            let s = words.join(" ");
            let len = dateline_len(&s);
            assert_eq!(len, dateline_len_by_tokens(&s), "{s:?}");
            assert_eq!(is_dateline_place(&s), is_place_by_words(&s), "{s:?}");
            datelines += usize::from(len.is_some());
            places += usize::from(is_dateline_place(&s));
        }
        assert!(datelines > 100 && places > 10, "{datelines} {places}");
    }

    #[test]
    fn wire_datelines_are_stripped() {
        for (input, want) in [
            (
                "WASHINGTON (AP) -- American Indian reservations would get",
                "American Indian reservations would get",
            ),
            (
                "SYRACUSE, N.Y. (AP) - New York acted honorably.",
                "New York acted honorably.",
            ),
            (
                "PHNOM PENH, Oct 5 (AFP) - Cambodian leader Hun Sen said.",
                "Cambodian leader Hun Sen said.",
            ),
            ("BEIJING, October 5 (Xinhua) -- China said.", "China said."),
            ("ONONDAGA NATION _ The chiefs met.", "The chiefs met."),
            (
                "_ First the Crow were bullied by the Sioux.",
                "First the Crow were bullied by the Sioux.",
            ),
            (
                "(AP) - When American Indians began.",
                "When American Indians began.",
            ),
            ("NEW YORK \u{2014} Stocks fell.", "Stocks fell."),
            (
                "WASHINGTON _ ``We are ready,'' he said.",
                "``We are ready,'' he said.",
            ),
        ] {
            assert_eq!(strip_dateline(input), want, "{input:?}");
        }
    }

    #[test]
    fn sentences_that_only_start_in_capitals_are_kept() {
        for input in [
            "NATO leaders met on Monday.",
            "AIDS - a disease that kills millions - is spreading.",
            "The U.S. - Mexico border is closed.",
            "UN officials said the vote -- held on Monday -- was fair.",
            "I - and only I - decide.",
            "Washington (AP) -- lower-case place names are not datelines here.",
            "--",
            "WASHINGTON",
            "",
        ] {
            assert_eq!(strip_dateline(input), input, "{input:?}");
        }
    }

    #[test]
    fn dateline_places_cut_off_by_the_segmenter() {
        for yes in [
            "TOPPENISH, Wash.",
            "PINE RIDGE, S.D.",
            "CROW AGENCY, Mont.",
            "NEAH BAY, Wash.",
        ] {
            assert!(is_dateline_place(yes), "{yes:?}");
        }
        for no in [
            "Toppenish, Wash.",
            "He left, Mr.",
            "WASHINGTON",
            "THE END, said the long closing note of the page.",
        ] {
            assert!(!is_dateline_place(no), "{no:?}");
        }
    }
}
