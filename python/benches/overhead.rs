//! The Rust work behind one `abridge.clean` and one `abridge.extract` call on a 2 KB page
//! (tests/fixtures/pages/cookie-newsletter.txt, 2,048 bytes), without Python: the document
//! copied in, the record built and serialised to JSON, as the binding does. Subtracted from the
//! Python call's time (python/bench/bench_python.py) it gives the binding's per-call overhead.
//!
//!   cargo bench -p abridge-python --bench overhead
//!
//! Prints the median time per call of 31 batches of 2,000 calls after a warm-up.

use abridge::corpus::Document;
use abridge::output::ArticleRecord;
use std::hint::black_box;
use std::time::Instant;

fn clean(text: &str) -> Vec<u8> {
    let doc = Document::new("-", text);
    let record = ArticleRecord {
        source: &doc.source,
        language: None,
        article: abridge::article::read(&doc),
    };
    serde_json::to_vec(&record).expect("records serialise")
}

fn extract(text: &str) -> Vec<u8> {
    let doc = Document::new("-", text);
    serde_json::to_vec(&abridge::extract::extract(&doc, 60)).expect("records serialise")
}

fn median_per_call(f: fn(&str) -> Vec<u8>, text: &str) -> f64 {
    const CALLS: usize = 2000;
    for _ in 0..CALLS {
        black_box(f(black_box(text)));
    }
    let mut batches: Vec<f64> = (0..31)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..CALLS {
                black_box(f(black_box(text)));
            }
            start.elapsed().as_secs_f64() / CALLS as f64
        })
        .collect();
    batches.sort_by(f64::total_cmp);
    batches[batches.len() / 2]
}

fn main() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/pages/cookie-newsletter.txt"
    );
    let text = std::fs::read_to_string(path).expect("the 2 KB page");
    for (name, f) in [
        ("clean", clean as fn(&str) -> Vec<u8>),
        ("extract", extract),
    ] {
        let t = median_per_call(f, &text);
        println!("rust {name} {} bytes: {:.1} us/call", text.len(), t * 1e6);
    }
}
