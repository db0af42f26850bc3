//! Re-joining hard-wrapped paragraphs and finding the paragraph breaks that blank lines do not mark.
//!
//! A run of consecutive non-blank lines is either *wrapped prose* (newswire text cut at a fixed
//! width, one paragraph over many lines) or *one block per line* (scraped pages, where each line is
//! a paragraph, a menu item or a headline). The run is wrapped when its lines, the last one aside,
//! are of similar length under a typical wrap width ([`MIN_WRAP`] to [`MAX_WRAP`] columns) and
//! breaks fall inside sentences often enough that the next line starts with a lower-case word
//! ([`MIN_LOWER_STARTS`]) — a list of headlines has lines of similar length too, but every one of
//! them starts with a capital.
//!
//! Inside wrapped prose a line break is a paragraph break only where a sentence ends *and* the line
//! is short: the next line's first word would have fitted on it within the shortest typical line
//! of the run (the 10th percentile of the lengths of the lines cut inside a sentence, which the
//! wrapper cut; 4/5 of the longest line when there are too few), so the wrapper did not cut there. A
//! sentence end followed by an indented line or an opening quote also starts a paragraph. A break
//! is never made where no sentence ends, so no sentence is split across blocks.
//!
//! In one-block-per-line text, a line that ends without sentence punctuation and is followed by a
//! line starting with an all-lower-case word is still the same sentence, and is joined — unless
//! the line has no lower-case word at all (a heading in title case).

use crate::markup::lines::indent_width;
use crate::markup::Line;
use crate::text::{self, is_cjk, is_cjk_or_mark, joins_hyphenated, joins_unspaced, EndMarks};
use std::ops::Range;

/// Narrowest and widest wrap widths (columns) recognised.
const MIN_WRAP: usize = 30;
const MAX_WRAP: usize = 110;
/// Wrapped lines (the last aside) are at least this share of the run's typical width.
const MIN_FILL: f32 = 0.6;
/// Share of wrapped lines that must reach [`MIN_FILL`].
const FILLED_SHARE: f32 = 0.75;
/// Share of line breaks followed by a lower-case word in wrapped prose.
const MIN_LOWER_STARTS: f32 = 0.25;

/// True when `text` ends a sentence: `.`, `!`, `?` or `…` (or the full-width `。！？`), possibly
/// followed by closing quotes or brackets ([`EndMarks::PAGE`], the cleaner's marks).
pub fn ends_sentence(text: &str) -> bool {
    text::ends_sentence(text, EndMarks::PAGE)
}

/// The first word of `text`, and whether it is all lower-case letters (`iPhone` is not).
fn first_word(text: &str) -> (&str, bool) {
    let t = text.trim_start();
    let end = t.find(char::is_whitespace).unwrap_or(t.len());
    let w = &t[..end];
    let lower = w.chars().next().is_some_and(char::is_lowercase)
        && w.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_lowercase);
    (w, lower)
}

/// True when some word of `text` starts with a lower-case letter (a heading in title case has
/// none, and is not continued by the next line).
fn has_lower_word(text: &str) -> bool {
    text.split_whitespace()
        .any(|w| w.chars().next().is_some_and(char::is_lowercase))
}

fn starts_with_quote(text: &str) -> bool {
    text.trim_start()
        .starts_with(['"', '“', '‘', '\'', '`', '«', '('])
}

fn width(text: &str) -> usize {
    text.trim().chars().count()
}

/// True when most characters of the run's lines (white space aside) are ideographs or kana.
fn cjk_run(lines: &[Line<'_>]) -> bool {
    // Most runs are ASCII: no character to look at.
    if lines.iter().all(|l| l.text.is_ascii()) {
        return false;
    }
    let (mut cjk, mut other) = (0usize, 0usize);
    for l in lines {
        for c in l.text.chars().filter(|c| !c.is_whitespace()) {
            if is_cjk(c) {
                cjk += 1;
            } else {
                other += 1;
            }
        }
    }
    cjk > other
}

/// Display columns of a CJK line: an ideograph, a kana or a full-width mark takes two.
fn columns(text: &str) -> usize {
    text.trim()
        .chars()
        .map(|c| if is_cjk_or_mark(c) { 2 } else { 1 })
        .sum()
}

/// The wrap width (columns) of Chinese or Japanese prose wrapped at a fixed width, or `None`
/// when the run is not that: text with no spaces is cut at any character, so a line the
/// wrapper cut comes within one character of the widest (a punctuation mark may not start a
/// line, which moves a character), between [`MIN_WRAP`] and [`MAX_WRAP`] columns, and ends
/// inside a sentence. Every line but the last is either such a full line or the end of a
/// paragraph (a sentence end), and at least half are cut inside a sentence. A menu or a list of
/// headlines, whose lines differ in length without ending sentences, is not wrapped; nor is a
/// page of one sentence a line.
fn cjk_wrap_width(lines: &[Line<'_>]) -> Option<usize> {
    let body = &lines[..lines.len() - 1];
    let widest = body.iter().map(|l| columns(l.text)).max().unwrap_or(0);
    if !(MIN_WRAP..=MAX_WRAP).contains(&widest) {
        return None;
    }
    let full = |l: &Line<'_>| columns(l.text) + 2 >= widest;
    let last = lines.last().map_or(0, |l| columns(l.text));
    let shaped = body.iter().all(|l| full(l) || ends_sentence(l.text));
    let cut = body
        .iter()
        .filter(|l| full(l) && !ends_sentence(l.text))
        .count();
    (shaped && last <= widest + 2 && cut * 2 >= body.len()).then_some(widest)
}

fn percentile(sorted: &[usize], p: f32) -> usize {
    if sorted.is_empty() {
        return 0;
    }
    let i = ((sorted.len() - 1) as f32 * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// True when the run of lines is hard-wrapped prose in a script written with spaces (a run of
/// Chinese or Japanese is read by [`cjk_wrap_width`]).
fn is_wrapped(lines: &[Line<'_>]) -> bool {
    if lines.len() < 2 {
        return false;
    }
    let body = &lines[..lines.len() - 1];
    let mut widths: Vec<usize> = body.iter().map(|l| width(l.text)).collect();
    widths.sort_unstable();
    let typical = percentile(&widths, 0.9);
    if !(MIN_WRAP..=MAX_WRAP).contains(&typical) {
        return false;
    }
    // The last line may be longer than the typical width only by a word or so.
    if lines.iter().any(|l| width(l.text) > typical + typical / 4) {
        return false;
    }
    let filled = widths
        .iter()
        .filter(|&&w| w as f32 >= MIN_FILL * typical as f32)
        .count();
    if (filled as f32) < FILLED_SHARE * widths.len() as f32 {
        return false;
    }
    let lower = lines[1..].iter().filter(|l| first_word(l.text).1).count();
    lower as f32 >= MIN_LOWER_STARTS * (lines.len() - 1) as f32
}

/// Splits a run of consecutive non-blank lines into paragraphs (ranges of indices into `lines`).
pub fn paragraphs(lines: &[Line<'_>]) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(lines.len().min(64));
    if lines.is_empty() {
        return out;
    }
    let wrapped = if lines.len() >= 2 && cjk_run(lines) {
        match cjk_wrap_width(lines) {
            Some(widest) => return cjk_paragraphs(lines, widest),
            None => false,
        }
    } else {
        is_wrapped(lines)
    };
    let (short, base_indent) = if wrapped {
        // The shortest typical line: lines cut inside a sentence were cut by the wrapper, so
        // their lengths show how short a wrapped line gets.
        let mut widths: Vec<usize> = lines[..lines.len() - 1]
            .iter()
            .filter(|l| !ends_sentence(l.text))
            .map(|l| width(l.text))
            .collect();
        widths.sort_unstable();
        let short = if widths.len() >= 3 {
            percentile(&widths, 0.1)
        } else {
            let max = lines.iter().map(|l| width(l.text)).max().unwrap_or(0);
            max * 4 / 5
        };
        let indent = lines.iter().map(|l| l.indent()).min().unwrap_or(0);
        (short, indent)
    } else {
        (0, 0)
    };
    let mut start = 0;
    for i in 0..lines.len() - 1 {
        let (cur, next) = (lines[i].text, lines[i + 1].text);
        let (word, lower) = first_word(next);
        let join = if wrapped {
            if !ends_sentence(cur) || lower {
                true
            } else {
                let fits = width(cur) + 1 + word.chars().count() <= short;
                let indented = indent_width(next) > base_indent;
                !(fits || indented || starts_with_quote(next))
            }
        } else {
            !ends_sentence(cur) && lower && !cur.trim_end().ends_with(':') && has_lower_word(cur)
        };
        if !join {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    out.push(start..lines.len());
    out
}

/// The paragraphs of Chinese or Japanese prose wrapped at `widest` columns: a line break is a
/// paragraph break where a sentence ends on a line shorter than that by more than a character
/// (the wrapper did not cut there), or before an indented line; every other break is the
/// wrapper's.
fn cjk_paragraphs(lines: &[Line<'_>], widest: usize) -> Vec<Range<usize>> {
    let base_indent = lines.iter().map(|l| l.indent()).min().unwrap_or(0);
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..lines.len() - 1 {
        let cur = lines[i].text;
        let short = columns(cur) + 2 < widest;
        let indented = indent_width(lines[i + 1].text) > base_indent;
        if ends_sentence(cur) && (short || indented) {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    out.push(start..lines.len());
    out
}

/// The text of a paragraph made of `lines`: trimmed lines joined by a space (a word hyphenated at
/// the end of a line is joined without one, and so is a line break between two ideographs or
/// kana: Chinese and Japanese put no space between words).
pub fn join(lines: &[Line<'_>]) -> String {
    let mut text = String::new();
    for l in lines {
        let t = l.text.trim();
        if t.is_empty() {
            continue;
        }
        if !text.is_empty()
            && !joins_unspaced(&text, t)
            && !joins_hyphenated(&text, first_word(t).0)
        {
            text.push(' ');
        }
        text.push_str(t);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::lines;

    fn split(text: &str) -> Vec<String> {
        let ls: Vec<Line<'_>> = lines(text).collect();
        paragraphs(&ls).into_iter().map(|r| join(&ls[r])).collect()
    }

    const WRAPPED: &str = "The harbour board said on Monday that the new quay would open in \n\
        the spring, two years later than planned, because the contractor had \n\
        run out of money. Work stopped in March. \n\
        Residents of the old town welcomed the delay. ``We have had enough \n\
        noise for one decade,'' said a shopkeeper whose windows face the \n\
        site. The board will meet again in June. \n";

    #[test]
    fn wrapped_prose_is_joined_and_split_at_short_sentence_ends() {
        let got = split(WRAPPED);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(
            got[0].starts_with("The harbour board") && got[0].ends_with("Work stopped in March.")
        );
        assert!(got[1].starts_with("Residents") && got[1].ends_with("again in June."));
        assert!(got[0].contains("open in the spring"));
    }

    #[test]
    fn a_full_line_ending_a_sentence_does_not_break() {
        let text = "The harbour board said on Monday that the new quay would open soon.\n\
            It gave no date, and the contractor did not answer calls on Monday or\n\
            on Tuesday, when the site was closed for the second day running now.\n\
            A spokesman said the work would go on.\n";
        assert_eq!(split(text).len(), 1);
    }

    #[test]
    fn indented_line_after_sentence_end_starts_a_paragraph() {
        let text = "The harbour board said on Monday that the new quay would open in the\n\
            spring, two years later than planned, because the contractor failed.\n   \
            Residents of the old town welcomed the delay, which gives them quiet\n\
            for one more summer, and said so at a meeting on Tuesday night.\n";
        assert_eq!(split(text).len(), 2);
    }

    #[test]
    fn one_block_per_line_is_not_joined() {
        let text = "Home\nWorld\nBusiness\nFloods close the coast road for a week\nMinisters meet on the budget\n";
        assert_eq!(split(text).len(), 5);
        let long = "The harbour board said on Monday that the new quay would open in the spring, two years later than planned.\nResidents welcomed the delay, saying that they had had enough noise for one decade and wanted a quiet summer.\n";
        assert_eq!(split(long).len(), 2);
    }

    /// Chinese wrapped at 32 columns (16 characters a line; a comma or full stop that would
    /// start a line stays at the end of the one before), as a fixed-width formatter cuts it.
    const ZH_WRAPPED: &str = "市政府今天上午宣布，地铁新线路将\n\
        于明年开通，沿线居民对此表示欢迎。\n\
        新线路全长二十公里，设有十二个车\n\
        站。\n\
        另外，新线路还将连接机场和火车站，\n\
        方便外地游客。\n";

    #[test]
    fn wrapped_chinese_is_joined_without_spaces_and_split_at_short_sentence_ends() {
        let got = split(ZH_WRAPPED);
        assert_eq!(
            got,
            [
                "市政府今天上午宣布，地铁新线路将于明年开通，沿线居民对此表示欢迎。新线路全长二十公里，设有十二个车站。",
                "另外，新线路还将连接机场和火车站，方便外地游客。",
            ]
        );
    }

    #[test]
    fn chinese_lines_of_different_widths_stay_apart() {
        // A menu and headlines: no terminal either, but not cut at one width.
        let text = "首页\n国内新闻\n地铁新线路明年开通\n市政府宣布新的公交票价\n天气\n";
        assert_eq!(split(text).len(), 5);
        // One line each, full sentences: a page of one paragraph a line.
        let text = "市政府今天上午宣布，地铁新线路将于明年开通。\n新线路全长二十公里，设有十二个车站，方便市民出行。\n";
        assert_eq!(split(text).len(), 2);
    }

    #[test]
    fn lower_case_continuation_is_joined_outside_wrapped_prose() {
        let text = "Floods closed the coast road on Monday and the harbour district on Tuesday, and the rain that fell overnight\nforced hundreds from their homes.\nNext Story\nThe Way Forward\nthe board will meet in June.\n";
        assert_eq!(
            split(text),
            [
                "Floods closed the coast road on Monday and the harbour district on Tuesday, and the rain that fell overnight forced hundreds from their homes.",
                "Next Story",
                "The Way Forward",
                "the board will meet in June."
            ]
        );
    }

    #[test]
    fn sentence_end_detection() {
        assert!(ends_sentence("He left."));
        assert!(ends_sentence("``Never,'' he said.''"));
        assert!(ends_sentence("Why? "));
        assert!(ends_sentence("“Go.”"));
        assert!(!ends_sentence("Latest News"));
        assert!(!ends_sentence("Country:"));
    }

    #[test]
    fn hyphenated_line_end_is_joined_without_space() {
        let ls: Vec<Line<'_>> = lines("the post-\nelection talks").collect();
        assert_eq!(join(&ls), "the post-election talks");
        // The same rule as text::flatten: a word starting lower-case continues the word.
        for text in [
            "an anti-\niPhone campaign",
            "the Franco-\nBritish talks",
            "in mid-\n2020 we",
        ] {
            let ls: Vec<Line<'_>> = lines(text).collect();
            assert_eq!(join(&ls), crate::text::flatten(text), "{text:?}");
        }
        let ls: Vec<Line<'_>> = lines("an anti-\niPhone campaign").collect();
        assert_eq!(join(&ls), "an anti-iPhone campaign");
    }
}
