//! Throughput of the HTML reader (`article::clean_html`: parse, cut into blocks, find the
//! article, build tables and lists) in MB of HTML a second on one thread.
//!
//! The pages are the test fixtures and a generated news page (navigation, a long article with a
//! table and lists, related links, a footer, scripts and styles), so the benchmark needs no data
//! files; set `ABRIDGE_HTML_DIR` to a folder of `.html` pages to measure those instead (as
//! docs/performance.md does with the 91 boilerplate pages).
//!
//! Run with `cargo bench --bench html`.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

// The allocator the abridge binary runs with: the reader allocates a node per element.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::time::Duration;

/// A generated page of about 100 KB in the shape of a news site's.
fn generated_page() -> String {
    let mut page = String::from("<!doctype html><html><head><meta charset=utf-8><title>Council Approves Barrier | Herald</title><style>body{margin:0}.nav{display:flex}</style><script>window.dataLayer=[];function gtag(){dataLayer.push(arguments)}</script></head><body><header class=site-header><nav class=main-nav><ul>");
    for i in 0..40 {
        page.push_str(&format!("<li><a href=/section/{i}>Section {i}</a></li>"));
    }
    page.push_str("</ul></nav></header><main><article class=story><h1>Council Approves Barrier</h1><div class=share><a href=#>Share</a></div>");
    for i in 0..120 {
        page.push_str(&format!("<p>Paragraph {i}: the council voted on Tuesday to build a movable tidal barrier across the harbour mouth, and residents of the lower town, whose homes flooded twice last winter, <a href=/x>welcomed</a> the vote.</p>"));
        if i % 40 == 20 {
            page.push_str("<table><thead><tr><th>Route</th><th>Fare</th></tr></thead><tbody><tr><td>North</td><td>3</td></tr><tr><td>South</td><td>4</td></tr></tbody></table><ul><li>Gates: four</li><li>Height: 7 metres</li></ul>");
        }
    }
    page.push_str("</article></main><aside class=related><ul>");
    for i in 0..30 {
        page.push_str(&format!(
            "<li><a href=/story/{i}>Related story number {i} about the harbour</a></li>"
        ));
    }
    page.push_str("</ul></aside><footer class=site-footer><p>Copyright The Herald</p></footer><script>(function(){var s=document.createElement('script');s.src='//x.js';document.head.appendChild(s)})();</script></body></html>");
    page
}

fn pages() -> Vec<(String, String)> {
    if let Ok(dir) = std::env::var("ABRIDGE_HTML_DIR") {
        let mut pages: Vec<(String, String)> = std::fs::read_dir(&dir)
            .expect("ABRIDGE_HTML_DIR is a folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "html"))
            .map(|p| {
                let bytes = std::fs::read(&p).expect("a readable page");
                (
                    p.display().to_string(),
                    String::from_utf8_lossy(&bytes).into_owned(),
                )
            })
            .collect();
        pages.sort();
        return pages;
    }
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/html");
    let mut pages = vec![("generated".to_string(), generated_page())];
    for name in ["article.html", "tables.html"] {
        let text = std::fs::read_to_string(format!("{fixtures}/{name}")).expect("fixture");
        pages.push((name.to_string(), text));
    }
    pages
}

fn bench(c: &mut Criterion) {
    let pages = pages();
    let bytes: usize = pages.iter().map(|(_, p)| p.len()).sum();
    let mut group = c.benchmark_group("html");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.measurement_time(Duration::from_secs(5));
    group.sample_size(10);
    group.bench_function("clean_html", |b| {
        b.iter(|| {
            for (_, page) in &pages {
                black_box(abridge::article::clean_html(black_box(page)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
