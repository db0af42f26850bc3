#![no_main]
//! The HTML reader: no panic on any bytes read as a page; its blocks lie inside the page's text
//! and start in order (a table inside a list item is its own block within the list's span); its
//! tables are as wide as their headers; the body sentences come out of any page.

use abridge::article::{self, body_sentences};
use abridge::corpus::Document;
use abridge_fuzz::*;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Every input is a page: the `.html` name skips the sniffing.
    let document = Document::new("page.html", text(data));
    let (page, extracted) = article::read_extracted(&document);
    let mut last = 0;
    for block in &page.blocks {
        assert!(block.span.end <= document.text.len(), "block inside the page");
        assert!(last <= block.span.start, "blocks start in order");
        last = block.span.start;
    }
    for table in &extracted.tables {
        for row in &table.rows {
            assert_eq!(row.len(), table.header.len(), "rows as wide as the header");
        }
    }
    let _ = page.to_text();
    let _ = body_sentences(&document.text, &page);
});
