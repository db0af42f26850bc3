#![no_main]
//! Sentence splitting: no panic; each sentence is its span of the input, trimmed and non-empty;
//! spans in order and not overlapping.

use abridge::text as sentences;
use abridge_fuzz::*;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = text(data);
    let found = sentences::split(&text);
    let mut last_end = 0;
    for s in &found {
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
    assert_eq!(sentences::split_spans(&text).len(), found.len());
});
