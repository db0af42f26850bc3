#![no_main]
//! Cleaning: no panic; blocks inside the input and starting in order; the text rendering and the body
//! sentences come out of any article, inside the input.

use abridge::article;
use abridge::article::body_sentences;
use abridge_fuzz::*;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = text(data);
    let lines = line_count(&text);
    let article = article::clean(&text);
    let mut last = 0;
    for block in &article.blocks {
        check_lines(block.lines, lines, "block");
        check_span(&block.span.range(), &text, "block");
        // A table indented under a list item is a block within the list's span: blocks start in
        // order.
        assert!(last <= block.span.start, "blocks start in order");
        last = block.span.start;
    }
    let _ = article.to_text();
    for s in body_sentences(&text, &article) {
        assert!(s.span.start < s.span.end && s.span.end <= text.len());
    }
});
