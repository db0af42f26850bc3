//! The seed articles of the shared corpus (`../shared/corpus/seeds`, beside the project), read
//! when they are there; the expectations are written as line numbers, not copied text.

use super::{clean, BlockKind};
use std::path::PathBuf;

fn seed(name: &str) -> Option<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/seeds");
    if !dir.exists() {
        // `.ci/run` sets ABRIDGE_REQUIRE_SHARED: there a missing ../shared fails.
        assert!(
            std::env::var_os("ABRIDGE_REQUIRE_SHARED").is_none(),
            "{} not found and ABRIDGE_REQUIRE_SHARED is set",
            dir.display()
        );
        eprintln!("skipped: {} not found", dir.display());
        return None;
    }
    let path = dir.join(name);
    Some(std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

fn line(text: &str, n: usize) -> &str {
    text.lines().nth(n - 1).unwrap_or("").trim()
}

/// Pages of one layout: menu, title (line 3), lead (line 5), byline, repeated title, image
/// disclaimer, country list, three body paragraphs (lines 13, 15, 17), then furniture.
fn check_news_page(name: &str, date: &str) {
    let Some(text) = seed(name) else {
        return;
    };
    let article = clean(&text);
    assert_eq!(
        article.title.as_deref(),
        Some(line(&text, 3)),
        "{name} title"
    );
    assert_eq!(
        article.date.map(|d| d.to_string()).as_deref(),
        Some(date),
        "{name} date"
    );
    let got: Vec<[usize; 2]> = article.blocks.iter().map(|b| b.lines).collect();
    assert_eq!(got, [[5, 5], [13, 13], [15, 15], [17, 17]], "{name} blocks");
    assert!(article
        .blocks
        .iter()
        .all(|b| b.kind() == BlockKind::Paragraph));
}

#[test]
fn seed_001_keeps_title_lead_and_body() {
    check_news_page("article-001.txt", "2025-02-28");
}

#[test]
fn seed_002_keeps_title_lead_and_body() {
    check_news_page("article-002.txt", "2025-02-19");
}

#[test]
fn seed_004_keeps_every_line() {
    let Some(text) = seed("article-004.txt") else {
        return;
    };
    let article = clean(&text);
    assert_eq!(article.title, None);
    let count = |k: BlockKind| article.blocks.iter().filter(|b| b.kind() == k).count();
    assert_eq!(count(BlockKind::Heading), 4);
    assert_eq!(count(BlockKind::List), 3);
    assert_eq!(count(BlockKind::Table), 3);
    let lines = text.lines().count();
    for n in 1..=lines {
        if line(&text, n).is_empty() {
            continue;
        }
        assert!(
            article
                .blocks
                .iter()
                .any(|b| b.lines[0] <= n && n <= b.lines[1]),
            "line {n} dropped"
        );
    }
}

/// `ARTICLE_EXPLAIN=FILE cargo test --lib article::seeds::explain -- --nocapture` prints every
/// block of FILE with its classes and signals (a tuning aid; does nothing without the variable).
#[test]
fn explain() {
    let Some(path) = std::env::var_os("ARTICLE_EXPLAIN") else {
        return;
    };
    let Ok(text) = std::fs::read_to_string(path) else {
        return;
    };
    let found = crate::markup::extract(&text, crate::markup::Mode::Article);
    for t in &found.tables {
        println!("table {:?}", t.lines);
    }
    for l in &found.lists {
        println!("list {:?}", l.lines);
    }
    let cands = super::classify::classify(
        super::segment::blocks(&text, &found),
        &super::Vocabulary::english(),
    );
    for c in &cands {
        let mark = if c.is_good() { "+" } else { "-" };
        let t: String = c.block.text().chars().take(110).collect();
        println!(
            "{mark} {:>4}-{:<4} {:<8} {:<16} d={:.2} n={:<4} {}",
            c.block.lines[0],
            c.block.lines[1],
            format!("{:?}", c.initial),
            c.reason,
            c.sig.density(),
            c.sig.chars,
            t.replace('\n', " / ")
        );
    }
    let a = clean(&text);
    println!("title: {:?}\ndate: {:?}", a.title, a.date);
}
