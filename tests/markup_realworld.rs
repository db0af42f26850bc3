//! Assertions on the fixtures of the real-world table and list rules (issue 15), one test per
//! rule, each with the cases that must still hold next to it (a one-row data table is a table; a
//! two-line byline is not; a `-` list in a real list still works). The fixtures are written for
//! these tests in the shapes that extractors (html2text, trafilatura) and markdown docs produce;
//! their snapshots are in `markup_snapshots.rs`'s set.

mod common;

use abridge::markup::{self, List, Mode, Table};
use common::{fixture_path, load};

fn fixture(name: &str) -> String {
    load(&fixture_path(&["markup", name]))
}

fn headers<'a>(tables: &'a [Table<'_>]) -> Vec<Vec<&'a str>> {
    tables
        .iter()
        .map(|t| t.header.iter().map(|c| c.as_ref()).collect())
        .collect()
}

fn texts<'a>(list: &'a List<'_>) -> Vec<&'a str> {
    list.items.iter().map(|i| i.text.as_ref()).collect()
}

/// Every table row is as wide as its header, and every span lies inside the text, on the
/// lines the table reports.
fn well_formed(text: &str, tables: &[Table<'_>]) {
    for t in tables {
        assert!(t.rows.iter().all(|r| r.len() == t.header.len()));
        assert_eq!(t.alignments.len(), t.header.len());
        assert!(t.span.end <= text.len() && t.lines[0] <= t.lines[1]);
        let first = text[..t.span.start].matches('\n').count() + 1;
        assert_eq!(first, t.lines[0]);
    }
}

#[test]
fn rule_1_layout_tables_and_pull_quotes_are_not_data() {
    let text = fixture("layout-tables.txt");
    let tables = markup::tables(&text, Mode::Article);
    well_formed(&text, &tables);
    // The headline over `---|---`, the empty grid, the share-button row, the pull quote over
    // `| --- |` and the table of empty cells are layout; the one-row data table stays.
    assert_eq!(headers(&tables), [vec!["Route", "Departures"]]);
    assert_eq!(tables[0].rows, [["Kellport – Orsay", "4"]]);
    assert_eq!(
        tables[0].caption.as_deref(),
        Some("Crossings planned for the trial:")
    );
    // GFM keeps the ones it has always kept.
    assert_eq!(markup::tables(&text, Mode::Strict).len(), 4);
    assert!(markup::lists(&text).is_empty());
}

#[test]
fn rule_2_tables_inside_block_quotes() {
    let text = fixture("quoted-table.md");
    let tables = markup::tables(&text, Mode::Article);
    well_formed(&text, &tables);
    assert_eq!(
        headers(&tables),
        [vec!["Setting", "Old", "New"], vec!["Nested", "Depth"]]
    );
    assert_eq!(
        tables[0].rows,
        [["timeout", "30 s", "60 s"], ["retries", "3", "5"]]
    );
    assert_eq!(tables[0].lines, [6, 9]);
    // The span starts after the quote marker: the header's own text.
    assert!(text[tables[0].span.range()].starts_with("| Setting |"));
    assert_eq!(tables[1].rows, [["two", "2"]]);
    // The quoted pipe in prose is no table, nor is the quoted header without rows.
    assert!(tables.iter().all(|t| t.header[0] != "Only a header"));
}

#[test]
fn rule_3_a_table_inside_a_list_item_keeps_the_list_whole() {
    let text = fixture("table-in-list-item.md");
    let found = markup::extract(&text, Mode::Article);
    well_formed(&text, &found.tables);
    let sizes: Vec<usize> = found.lists.iter().map(|l| l.items.len()).collect();
    assert_eq!(sizes, [4, 2, 1]);
    let steps = &found.lists[0];
    assert!(steps.ordered);
    assert_eq!(steps.items[3].text, "Check the logs.");
    // The list spans its table, which is reported with the tables, captioned by its item.
    let inner = &found.tables[0];
    assert_eq!(inner.header, ["Back end", "Durable", "Notes"]);
    assert_eq!(inner.rows.len(), 2);
    assert!(steps.lines[0] < inner.lines[0] && inner.lines[1] < steps.lines[1]);
    assert_eq!(inner.caption.as_deref(), Some("Pick a storage back end:"));
    // A table at the list's own indentation still ends the list.
    let outer = &found.tables[1];
    assert_eq!(outer.header, ["Region", "Seats"]);
    assert!(found.lists[1].lines[1] < outer.lines[0]);
    assert!(found.lists[2].lines[0] > outer.lines[1]);
}

#[test]
fn rule_4_a_lone_marker_takes_the_next_line_as_its_text() {
    let text = fixture("lone-markers.txt");
    let lists = markup::lists(&text);
    assert_eq!(lists.len(), 3);
    assert_eq!(
        texts(&lists[0]),
        [
            "Longer opening hours at the weekend",
            "A second lifeguard on busy days",
            "Free parking after six"
        ]
    );
    assert_eq!(lists[0].lines, [2, 7]);
    // Mixed with ordinary items in one list.
    assert_eq!(
        texts(&lists[1]),
        ["a towel", "a padlock for the lockers", "a water bottle"]
    );
    // One dash on its own line over a score is a separator, not a list; numbers work too.
    assert!(lists
        .iter()
        .all(|l| !texts(l).contains(&"Kellport 2, Orsay 1")));
    // Typographic bullets alone on their lines are what is left of inline separators
    // (`A • B • C`): no list.
    assert!(lists
        .iter()
        .all(|l| !texts(l).contains(&"Lifeguards for the lido")));
    assert!(lists[2].ordered);
    assert_eq!(
        texts(&lists[2]),
        ["Shower before you swim", "No running on the deck"]
    );
}

#[test]
fn rule_5_an_en_dash_inside_a_hard_wrapped_sentence_is_no_list() {
    let text = fixture("en-dash-hard-wrap.txt");
    let lists = markup::lists(&text);
    // The two wrapped dashes are sentence text; the dash list after a colon and the one-item
    // list whose next line starts a new sentence stay lists.
    assert_eq!(lists.len(), 2);
    assert_eq!(
        texts(&lists[0]),
        ["a later last boat", "a second boat on Fridays"]
    );
    assert_eq!(texts(&lists[1]), ["Later boats on weekdays"]);
    // After a lead-in colon the dash is a list even when the next line goes on in lower case.
    let lists = markup::lists("It brings:\n– a later boat\nand more.\n");
    assert_eq!(lists.len(), 1);
}

#[test]
fn rule_6_pipe_rows_without_a_delimiter_row() {
    let text = fixture("pipe-rows-no-delimiter.txt");
    let tables = markup::tables(&text, Mode::Article);
    well_formed(&text, &tables);
    assert_eq!(
        headers(&tables),
        [
            vec!["Pos.", "Club", "Played", "Points"],
            vec!["Ticket", "Adult", "Child"],
            vec!["Item", "Cost"]
        ]
    );
    // The nav bar glued above the standings (no leading pipe) is not their header.
    assert_eq!(tables[0].lines, [4, 7]);
    assert_eq!(tables[0].rows[2], ["3", "Skerry United", "12", "19"]);
    assert_eq!(
        tables[1].caption.as_deref(),
        Some("Ferry fares for the summer:")
    );
    // The byline, the nav bar and the two-line credits are no table; one data row with its
    // delimiter row is.
    assert!(tables.iter().all(|t| !t
        .header
        .iter()
        .any(|c| c.contains("Desk") || c.contains("by"))));
    assert_eq!(tables[2].rows.len(), 1);
    assert_eq!(markup::tables(&text, Mode::Strict).len(), 1);
    // Neither are `Site | Page` link lines, whose first column repeats the header's.
    assert_eq!(tables.len(), 3);
}

#[test]
fn rule_7_hard_wrapped_rows_are_joined() {
    let text = fixture("hard-wrapped-rows.txt");
    let tables = markup::tables(&text, Mode::Article);
    well_formed(&text, &tables);
    assert_eq!(tables.len(), 2);
    let board = &tables[0];
    assert_eq!(
        board.rows,
        [
            ["Ana Ruiz", "Chair of the finance committee", "2019"],
            ["Tom Hale", "Member", "2020"],
            [
                "Li Wei",
                "Member of the planning and transport committee",
                "2022"
            ],
            ["Sam Osei", "Member", "2023"],
        ]
    );
    assert_eq!(board.lines, [2, 10]);
    // A short row that closes with its pipe is padded, not joined with the prose under it.
    assert_eq!(tables[1].rows[1], ["Orsay", "07:00", ""]);
    assert_eq!(tables[1].lines, [14, 17]);
}

#[test]
fn an_unindented_line_goes_on_an_unfinished_item_sentence() {
    let text = fixture("list-lazy-continuation.md");
    let lists = markup::lists(&text);
    // The numbered steps stay one list: step 2's wrapped lines, not indented, run on its
    // sentence (a trailing comma, then lower case).
    assert_eq!(lists.len(), 3, "{lists:#?}");
    assert_eq!(
        texts(&lists[0]),
        [
            "Clone the timetable repository and open it.",
            "Copy the sample settings file to `settings.json`, turn off the live feed while you \
             test, and point `harbour.url` at the local server.",
            "Start the server and open the status page.",
        ]
    );
    assert_eq!(
        texts(&lists[1]),
        [
            "the summer timetable must be checked against the harbour master's notice of closures",
            "Fares need no change this season.",
        ]
    );
    // A line in upper case after an item is the paragraph after the list; a line after a
    // finished sentence is not the item's either, even in lower case.
    assert_eq!(lists[1].lines, [12, 14]);
    assert_eq!(texts(&lists[2]), ["The night crossing was cancelled."]);
    assert_eq!(lists[2].lines, [17, 17]);
}
