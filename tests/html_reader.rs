//! The HTML reader on pages written for these tests (`tests/fixtures/html/`): the article, its
//! metadata, its tables and lists, and what never reaches the text.

mod common;

use abridge::article::{self, BlockKind, Content};
use abridge::corpus::{Document, Format};
use common::{fixture_path, load, snapshot_settings};

fn page(name: &str) -> Document {
    let path = fixture_path(&["html", name]);
    Document::new(name, load(&path))
}

#[test]
fn the_article_and_its_metadata_come_out_and_the_furniture_does_not() {
    let doc = page("article.html");
    assert_eq!(doc.format(), Format::Html);
    let a = article::read(&doc);
    assert_eq!(a.title.as_deref(), Some("Council Approves Tidal Barrier"));
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2024-03-12"));
    assert_eq!(a.author.as_deref(), Some("Mara Lindqvist"));
    assert_eq!(a.site.as_deref(), Some("Harbor Herald"));
    let text = a.to_text();
    assert!(
        text.contains("Port Almsey\u{2019}s council voted 9 to 2"),
        "{text}"
    );
    assert!(
        text.contains("\u{a3}41 million"),
        "entities decoded: {text}"
    );
    assert!(text.contains("a public meeting is planned for April"));
    for never in [
        "tracking",
        "injected",
        "font-family",
        "enable JavaScript",
        "Template text",
        "hidden and never read",
        "Neither is this one",
        "commented-out",
        "Copyright",
        "Sport",
        "Related stories",
        "Share on",
    ] {
        assert!(!text.contains(never), "{never:?} leaked into:\n{text}");
    }
    let kinds: Vec<BlockKind> = a.blocks.iter().map(|b| b.kind()).collect();
    assert!(kinds.contains(&BlockKind::Heading));
    // The pipe table written as <br> lines and the list in a <pre> go through the grammar.
    let table = a
        .blocks
        .iter()
        .find_map(|b| match &b.content {
            Content::Table(t) => Some(t),
            _ => None,
        })
        .expect("the pipe table in the paragraph");
    assert_eq!(table.header, ["Route", "Fare"]);
    assert_eq!(table.rows.len(), 2);
    assert!(a
        .blocks
        .iter()
        .any(|b| matches!(&b.content, Content::List(l) if l.items.len() == 2)));
}

#[test]
fn blocks_point_at_their_source_lines() {
    let doc = page("article.html");
    let a = article::read(&doc);
    let first = &a.blocks[0];
    let source = &doc.text[first.span.range()];
    assert!(
        source.contains("<p>Port Almsey&rsquo;s council"),
        "{source}"
    );
    let line = doc
        .text
        .lines()
        .position(|l| l.contains("Port Almsey&rsquo;s"))
        .unwrap()
        + 1;
    assert_eq!(first.lines, [line, line]);
}

#[test]
fn sentences_come_from_the_blocks_text_not_the_markup() {
    let doc = page("article.html");
    let a = article::read(&doc);
    let sentences = article::sentences(&doc.text, &a);
    assert!(sentences
        .iter()
        .any(|s| s.text.starts_with("The barrier will cost \u{a3}41 million")));
    assert!(sentences.iter().all(|s| !s.text.contains('<')));
    // The text path would have sliced markup: it gives nothing for an HTML article.
    assert!(article::body_sentences(&doc.text, &a).is_empty());
}

#[test]
fn tables_expand_spans_and_skip_layout_and_nested_tables() {
    let doc = page("tables.html");
    let (_, found) = article::read_extracted(&doc);
    let headers: Vec<Vec<String>> = found
        .tables
        .iter()
        .map(|t| t.header.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(
        headers,
        [
            vec!["Route", "Spring", "Summer"],
            vec!["Kind", "Count"],
            vec!["Quay", "Berth", "Length"],
            vec!["Vessel", "Toll"],
        ]
    );
    let passengers = &found.tables[0];
    assert_eq!(passengers.caption.as_deref(), Some("Passengers by route"));
    let berths = &found.tables[2];
    assert_eq!(berths.caption.as_deref(), Some("Berths and their lengths"));
    assert_eq!(berths.rows[1], ["North", "N2", "90 m"]);
    assert_eq!(
        berths.rows[2],
        ["South", "closed for repairs", "closed for repairs"]
    );
    assert!(found
        .tables
        .iter()
        .all(|t| t.rows.iter().all(|r| r.len() == t.header.len())));
    // The layout table's paragraph is prose of the article, and every data table (the one in a
    // figure too) is a block of it.
    let a = article::read(&doc);
    let tables = a
        .blocks
        .iter()
        .filter(|b| b.kind() == BlockKind::Table)
        .count();
    assert_eq!(tables, 4);
    assert!(a
        .to_text()
        .contains("This layout table holds a whole paragraph"));
    let mut settings = snapshot_settings();
    settings.set_snapshot_suffix("tables.html");
    settings.bind(|| insta::assert_json_snapshot!("html_tables", found.tables));
}

#[test]
fn lists_nest_and_split_terms() {
    let doc = page("tables.html");
    let (_, found) = article::read_extracted(&doc);
    assert_eq!(found.lists.len(), 3);
    let plans = &found.lists[0];
    assert!(!plans.ordered);
    assert_eq!(plans.items[0].text, "Dredge the north channel");
    assert_eq!(plans.items[0].children[0].items.len(), 2);
    assert_eq!(plans.items[2].text, "Tolls by vessel:");
    assert!(found.lists[1].ordered);
    let terms = &found.lists[2];
    assert_eq!(terms.items[0].term.as_deref(), Some("Berth"));
    assert_eq!(
        terms.items[0].description.as_deref(),
        Some("A place where a ship is moored.")
    );
    let mut settings = snapshot_settings();
    settings.set_snapshot_suffix("tables.html");
    settings.bind(|| insta::assert_json_snapshot!("html_lists", found.lists));
}

#[test]
fn the_clean_record_of_a_page() {
    let doc = page("article.html");
    let a = article::read(&doc);
    let record = abridge::output::ArticleRecord {
        source: &doc.source,
        language: None,
        article: a,
    };
    let mut settings = snapshot_settings();
    settings.set_snapshot_suffix("article.html");
    settings.bind(|| insta::assert_json_snapshot!("html_clean", record));
}

#[test]
fn malformed_and_truncated_markup_still_reads() {
    let html = "<html><body><div><p>Unclosed paragraph about the harbour barrier and its cost to the town council<p>Second <b>bold <i>crossed</b> tags</i> in a paragraph that talks about the ferry fares<table><tr><td>cell";
    let a = article::clean_html(html);
    let text = a.to_text();
    assert!(text.contains("Unclosed paragraph"), "{text}");
    assert!(text.contains("Second bold crossed tags"), "{text}");
}

#[test]
fn deep_nesting_does_not_overflow() {
    let depth = 100_000;
    let mut html = String::from("<html><body>");
    html.push_str(&"<div>".repeat(depth));
    html.push_str(
        "<p>The one paragraph at the bottom of a very deep page, long enough to be prose.</p>",
    );
    html.push_str(&"</div>".repeat(depth));
    let a = article::clean_html(&html);
    assert!(a.to_text().contains("The one paragraph at the bottom"));
}

#[test]
fn a_page_that_is_only_a_script_has_no_text() {
    let a = article::clean_html(
        "<html><head><script>for (;;) { console.log('x'); }</script></head></html>",
    );
    assert!(a.blocks.is_empty());
    assert_eq!(a.title, None);
}

#[test]
fn a_breadcrumb_trail_ending_in_the_headline_is_no_paragraph() {
    let body = "<p>The harbour board said on Monday that the new quay would not open until the \
                spring, two years later than it had planned.</p><p>Residents of the old town said \
                they were glad of the delay and hoped the board would rethink the plan.</p>";
    let page = |trail: &str| {
        format!(
            "<!doctype html><html><head><title>Harbour Board Puts Off The Opening Of Its New Quay Until The Spring</title></head>\
             <body><article><p>{trail}</p>{body}</article></body></html>"
        )
    };
    // A few navigation words glued to the headline: dropped.
    let doc = Document::new(
        "trail.html",
        page("HomeLocal NewsHarbour Board Puts Off The Opening Of Its New Quay Until The Spring"),
    );
    let a = article::read(&doc);
    assert_eq!(
        a.title.as_deref(),
        Some("Harbour Board Puts Off The Opening Of Its New Quay Until The Spring")
    );
    assert!(
        a.body_text().starts_with("The harbour board"),
        "{}",
        a.body_text()
    );
    // A sentence that ends with the headline's words is prose: kept.
    let sentence = "The council told everyone at the long meeting on the pier last night that the \
                    Harbour Board Puts Off The Opening Of Its New Quay Until The Spring";
    let doc = Document::new("prose.html", page(sentence));
    let a = article::read(&doc);
    assert!(
        a.body_text().starts_with("The council told"),
        "{}",
        a.body_text()
    );
}
