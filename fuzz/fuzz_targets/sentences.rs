#![no_main]
//! Sentence splitting: no panic; each sentence is its span of the input, trimmed and non-empty;
//! spans in order and not overlapping. The English rules, then the rules of a language picked by
//! the input's first byte (every language's data: clause terminals, colons, wrapped CJK lines),
//! whose sentences also go through `join_unspaced_lines` (what `sentences --raw` prints).

use abridge::text as sentences;
use abridge::text::lang::Language;
use abridge_fuzz::*;
use libfuzzer_sys::fuzz_target;

fn check(text: &str, found: &[sentences::Sentence<'_>]) {
    let mut last_end = 0;
    for s in found {
        let (start, end) = (s.span.start, s.span.end);
        assert!(
            last_end <= start && start < end,
            "spans in order: {:?}",
            s.span
        );
        assert_eq!(text.get(start..end), Some(s.text), "text is the span");
        assert_eq!(s.text.trim(), s.text, "trimmed");
        last_end = end;
    }
}

fuzz_target!(|data: &[u8]| {
    let text = text(data);
    let found = sentences::split(&text);
    check(&text, &found);
    assert_eq!(sentences::split_spans(&text).len(), found.len());
    let Some(&first) = data.first() else {
        return;
    };
    let (lang, _) = Language::ALL[usize::from(first) % Language::ALL.len()];
    let found = sentences::split_in(&text, lang);
    check(&text, &found);
    for s in &found {
        let joined = sentences::join_unspaced_lines(s.text);
        assert!(!joined.trim().is_empty(), "a sentence keeps its text");
    }
});
