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

/// Three paragraphs of an article, then `extra` inside the same `<article>`.
fn article_with(extra: &str) -> String {
    format!(
        "<!doctype html><html><head><title>Harbour plan approved</title></head><body><article>\
         <p>The council approved the new harbour plan on Monday after a long debate about the \
         costs and the schedule of the works.</p>\
         <p>Work on the new quay will start in the spring and should take about two years, the \
         harbour board said in a statement.</p>{extra}\
         <p>Residents of the old town said they were glad the plan had passed at last and hoped \
         the works would not close the beach.</p></article></body></html>"
    )
}

fn body_of(html: &str) -> String {
    article::read(&Document::new("page.html", html.to_string())).body_text()
}

#[test]
fn excerpts_cut_short_with_a_link_to_the_rest_are_teasers() {
    let excerpt = |n: usize| {
        format!(
            "<p>Story {n} of another day: the mayor of the town across the bay said the ferry \
             would run again from the summer, and that the fares would ... <a href=\"/s{n}\">Read \
             More</a></p>"
        )
    };
    let run: String = (1..=3).map(excerpt).collect();
    let body = body_of(&article_with(&run));
    assert!(!body.contains("Story 2"), "{body}");
    assert!(body.contains("Residents of the old town"), "{body}");
    // One paragraph that trails off before a link is the article's own: kept.
    let body = body_of(&article_with(&excerpt(1)));
    assert!(body.contains("Story 1"), "{body}");
    // Without the ellipsis it is no excerpt either.
    let whole: String = (1..=3)
        .map(|n| {
            format!(
                "<p>Story {n} of the day: the mayor said the ferry would run again from the \
                 summer, as the board had hoped for years. <a href=\"/s{n}\">Read more</a></p>"
            )
        })
        .collect();
    let body = body_of(&article_with(&whole));
    assert!(body.contains("Story 2"), "{body}");
}

#[test]
fn paragraphs_ending_in_a_picture_credit_are_captions() {
    let caption = "<p>The old quay seen from the lighthouse at dusk (Image: A. Person)</p>";
    let body = body_of(&article_with(caption));
    assert!(!body.contains("lighthouse at dusk"), "{body}");
    let label = "<p>Photo: the old quay seen from the lighthouse at dusk</p>";
    assert!(!body_of(&article_with(label)).contains("lighthouse at dusk"));
    // A sentence that speaks of an image without a credit is prose.
    let prose = "<p>The board showed an image of the old quay seen from the lighthouse at dusk \
                 to the meeting.</p>";
    assert!(body_of(&article_with(prose)).contains("lighthouse at dusk"));
}

#[test]
fn text_straight_inside_a_furniture_element_is_furniture() {
    let caption = "<div class=\"caption\">An artist's impression of the new quay seen from the \
                   lighthouse at dusk.</div>";
    let body = body_of(&article_with(caption));
    assert!(!body.contains("artist's impression"), "{body}");
    // The same text in a plain `div` is a paragraph of the article.
    let plain = caption.replace("caption", "note");
    assert!(body_of(&article_with(&plain)).contains("artist's impression"));
}

#[test]
fn small_print_is_furniture() {
    let boiler = |style: &str| {
        format!(
            "<p style=\"{style}\">Harbourco is a global provider of quay and pier solutions, \
             headquartered in a port town, with offices in ten countries and some 1,300 people.</p>"
        )
    };
    for small in [
        "font-size: 12.0px;line-height: 16.0px",
        "font-size:8pt",
        "font-size: 0.7em",
        "font-size-adjust: 0.5; FONT-SIZE: 11px",
    ] {
        let body = body_of(&article_with(&boiler(small)));
        assert!(!body.contains("Harbourco"), "{small}: {body}");
    }
    // Body-sized text stays, whatever its style says otherwise.
    for normal in [
        "font-size: 16px",
        "font-size:10.5pt",
        "color: grey",
        "font-size: 1em",
        "font-size-adjust: 0.5",
    ] {
        let body = body_of(&article_with(&boiler(normal)));
        assert!(body.contains("Harbourco"), "{normal}: {body}");
    }
}

#[test]
fn a_line_break_inside_a_link_after_preformatted_spaces_is_no_panic() {
    // `<br>` drops the spaces before it after the link opened, so the link's offset may fall
    // inside a later multi-byte character.
    for tail in [
        "...  <a href=\"x\"><br>éé more</a>",
        "...   <a href=\"x\"><br>é more</a>",
        "... <a href=\"x\">  <br>é more</a>",
    ] {
        let html = format!(
            "<html><body><article><pre>aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk \
             {tail}</pre></article></body></html>"
        );
        let a = article::clean_html(&html);
        assert!(a.body_text().contains("more"), "{tail}");
    }
}
