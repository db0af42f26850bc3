#![no_main]
//! The HTML reader: no panic on any bytes read as a page; its blocks lie inside the page's text
//! (in DOM order, which is not always source order: HTML5 moves stray text out of a table, ahead
//! of it); its tables are as wide as their headers; the body sentences come out of any page.

use abridge::article::{self, body_sentences};
use abridge::corpus::Document;
use abridge_fuzz::*;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Every input is a page: the `.html` name skips the sniffing.
    let document = Document::new("page.html", text(data));
    let (page, extracted) = article::read_extracted(&document);
    for block in &page.blocks {
        assert!(block.span.start <= block.span.end, "a block's span is a range");
        assert!(block.span.end <= document.text.len(), "block inside the page");
    }
    for table in &extracted.tables {
        for row in &table.rows {
            assert_eq!(row.len(), table.header.len(), "rows as wide as the header");
        }
    }
    let _ = page.to_text();
    let _ = body_sentences(&document.text, &page);
});
