//! Snapshot tests of the table and list parsers over the article fixtures in
//! `tests/fixtures/markup/`, plus explicit assertions of the key facts of some fixtures.
//!
//! Every fixture gets three snapshots in the top-level `snapshots/` folder, each wrapped like the
//! record the CLI prints for one document:
//! - `markup_tables_article@<file>.snap`: `abridge tables` (article mode);
//! - `markup_tables_strict@<file>.snap`: `abridge tables --strict`;
//! - `markup_lists@<file>.snap`: `abridge lists`.
//!
//! Regenerate with `INSTA_UPDATE=always cargo test --test markup_snapshots` (or
//! `cargo insta test --test markup_snapshots`) and review every changed snapshot.

mod common;

use abridge::markup::{self, Alignment, List, Mode, Table};
use abridge::output::{ListsRecord, TablesRecord};
use common::{file_name, fixture_path, load, snapshot_settings};

#[test]
fn markup_fixture_snapshots() {
    snapshot_settings().bind(|| {
        insta::glob!("fixtures/markup/*", |path| {
            let source = file_name(path);
            let text = load(path);
            insta::assert_json_snapshot!(
                "markup_tables_article",
                TablesRecord {
                    source: &source,
                    tables: markup::tables(&text, Mode::Article),
                }
            );
            insta::assert_json_snapshot!(
                "markup_tables_strict",
                TablesRecord {
                    source: &source,
                    tables: markup::tables(&text, Mode::Strict),
                }
            );
            insta::assert_json_snapshot!(
                "markup_lists",
                ListsRecord {
                    source: &source,
                    lists: markup::lists(&text),
                }
            );
        });
    });
}

// --- explicit assertions ---

fn fixture(name: &str) -> String {
    load(&fixture_path(&["markup", name]))
}

fn captions<'a>(tables: &'a [Table<'_>]) -> Vec<Option<&'a str>> {
    tables.iter().map(|t| t.caption.as_deref()).collect()
}

fn item_texts<'a>(list: &'a List<'_>) -> Vec<&'a str> {
    list.items.iter().map(|i| i.text.as_ref()).collect()
}

fn terms<'a>(list: &'a List<'_>) -> Vec<Option<&'a str>> {
    list.items.iter().map(|i| i.term.as_deref()).collect()
}

#[test]
fn caption_glued_to_header_without_leading_pipe() {
    let text = fixture("caption-colon-glued.txt");
    let tables = markup::tables(&text, Mode::Article);
    assert_eq!(tables.len(), 1, "the byline is not a table");
    let t = &tables[0];
    assert_eq!(
        t.caption.as_deref(),
        Some("The breakdown of the approved spending is below:")
    );
    assert_eq!(t.header, ["Program", "2024 (millions)", "2025 (millions)"]);
    assert_eq!(t.rows.len(), 3);
    assert_eq!(t.lines, [4, 8]);
    assert!(text[t.span.range()].starts_with("Program |"));
    assert!(text[t.span.range()].ends_with("Bike lanes | 2.0 | 2.4 |"));
    // GFM never lets a header without a leading pipe interrupt a paragraph.
    assert!(markup::tables(&text, Mode::Strict).is_empty());
}

#[test]
fn captions_from_sentences_and_labels() {
    let text = fixture("caption-this-table.txt");
    let tables = markup::tables(&text, Mode::Article);
    assert_eq!(
        captions(&tables),
        [Some(
            "Prices at the three largest exchanges are compared in this table"
        )]
    );
    let text = fixture("caption-wrapped-sentence.txt");
    let tables = markup::tables(&text, Mode::Article);
    assert_eq!(
        captions(&tables),
        [Some(
            "Below are the four fastest-growing towns, ranked by the change since the last census:"
        )]
    );
    let text = fixture("table-label-before.txt");
    for mode in [Mode::Article, Mode::Strict] {
        let tables = markup::tables(&text, mode);
        assert_eq!(
            captions(&tables),
            [Some("Table 2: Median emergency wait, in minutes")]
        );
    }
    let text = fixture("table-label-after.txt");
    let tables = markup::tables(&text, Mode::Article);
    assert_eq!(
        captions(&tables),
        [Some("Table 3: Share of departures, June to August")]
    );
    assert_eq!(
        tables[0].alignments,
        [Alignment::Left, Alignment::Right, Alignment::Right]
    );
    assert_eq!(tables[0].lines, [5, 9]);
    let text = fixture("label-between-tables.txt");
    let tables = markup::tables(&text, Mode::Article);
    assert_eq!(
        captions(&tables),
        [
            Some("Table 1: Primary schools by rating"),
            Some("Table 2: Secondary schools by rating")
        ]
    );
    let text = fixture("caption-none.txt");
    assert_eq!(
        captions(&markup::tables(&text, Mode::Article)),
        [None, None]
    );
}

#[test]
fn bylines_are_not_tables() {
    let text = fixture("byline-not-table.txt");
    assert!(markup::tables(&text, Mode::Article).is_empty());
    assert!(markup::tables(&text, Mode::Strict).is_empty());
    let text = fixture("byline-above-header.txt");
    let tables = markup::tables(&text, Mode::Article);
    assert_eq!(tables.len(), 1);
    assert_eq!(tables[0].header, ["Party", "Seats", "Change"]);
    assert_eq!(tables[0].caption, None);
    assert_eq!(tables[0].lines, [3, 7]);
}

#[test]
fn tables_end_at_prose_and_headings_and_split_back_to_back() {
    let text = fixture("table-then-heading.txt");
    let tables = markup::tables(&text, Mode::Article);
    assert_eq!(tables.len(), 2);
    assert_eq!(tables[0].lines, [5, 9]);
    assert_eq!(tables[1].lines, [12, 15]);
    assert_eq!(tables[1].caption.as_deref(), Some("Costs by category:"));

    let text = fixture("back-to-back-tables.txt");
    let tables = markup::tables(&text, Mode::Article);
    let shape: Vec<(&str, [usize; 2], usize)> = tables
        .iter()
        .map(|t| (t.header[1].as_ref(), t.lines, t.rows.len()))
        .collect();
    assert_eq!(
        shape,
        [
            ("Schools (m)", [5, 8], 2),
            ("Roads (m)", [9, 12], 2),
            ("Weekday buses", [14, 17], 2),
            ("Weekend buses", [18, 21], 2),
        ]
    );
    // GFM has no such split: the second header and delimiter become body rows.
    let strict = markup::tables(&text, Mode::Strict);
    assert_eq!(strict.len(), 1);
    assert_eq!(strict[0].lines, [14, 22]);
}

#[test]
fn delimiters_drawn_with_typographic_dashes() {
    let text = fixture("delimiter-typographic-dashes.txt");
    let tables = markup::tables(&text, Mode::Article);
    assert_eq!(tables.len(), 1);
    assert_eq!(tables[0].rows.len(), 3);
    assert_eq!(tables[0].alignments, [Alignment::None; 3]);
    assert!(markup::tables(&text, Mode::Strict).is_empty());
    assert!(markup::lists(&text).is_empty(), "-5 degrees is not an item");
}

#[test]
fn cells_are_split_fitted_and_unescaped() {
    let text = fixture("ragged-rows.txt");
    let tables = markup::tables(&text, Mode::Article);
    assert_eq!(tables.len(), 2);
    assert_eq!(
        tables[0].rows,
        [
            ["Tomas Brenner", "Aldport", "Kingsbridge", "18.5"],
            ["Ravi Menon", "Eastfield", "", ""],
            ["Luca Ferri", "Portvale", "Hollins", "7.0"],
            ["Sam Achterberg", "", "Aldport", ""],
            ["", "Westmoor", "Kingsbridge", "undisclosed"],
        ]
    );
    assert_eq!(tables[1].alignments.len(), 3);
    assert_eq!(tables[1].rows[2], ["Ferri", "", "4"]);

    let text = fixture("escaped-pipes.txt");
    let tables = markup::tables(&text, Mode::Article);
    assert_eq!(tables.len(), 1);
    let first_column: Vec<&str> = tables[0].rows.iter().map(|r| r[0].as_ref()).collect();
    assert_eq!(
        first_column,
        ["NX|2019|04", "AB | remix", "Pipe (|) in titles"]
    );
    assert_eq!(
        tables[0].lines,
        [5, 9],
        "a line with only `\\|` ends the table"
    );

    let text = fixture("unicode-cells.txt");
    let tables = markup::tables(&text, Mode::Article);
    assert_eq!(tables[0].rows.len(), 5);
    assert_eq!(tables[0].rows[1][1], "Тихая гавань");
    assert_eq!(tables[0].rows[0][3], "日本 🇯🇵");
}

#[test]
fn line_endings_and_bom() {
    let text = fixture("crlf-line-endings.txt");
    let tables = markup::tables(&text, Mode::Article);
    assert_eq!(tables.len(), 1);
    assert_eq!(tables[0].lines, [5, 9]);
    assert!(tables[0]
        .rows
        .iter()
        .flatten()
        .all(|cell| !cell.contains('\r')));
    let lists = markup::lists(&text);
    assert_eq!(lists.len(), 1);
    assert_eq!(
        terms(&lists[0]),
        [Some("Web basics"), Some("Data skills"), Some("Security")]
    );
    assert_eq!(lists[0].lines, [11, 13]);

    let text = fixture("lone-cr-line-endings.txt");
    let tables = markup::tables(&text, Mode::Article);
    assert_eq!(tables.len(), 1);
    assert_eq!(tables[0].lines, [5, 9]);
    assert_eq!(
        tables[0].caption.as_deref(),
        Some("Ticket prices for the first season:")
    );
    let lists = markup::lists(&text);
    assert_eq!(lists.len(), 1);
    assert!(lists[0].ordered);
    assert_eq!(lists[0].lines, [11, 13]);

    let text = fixture("bom-utf8.txt");
    assert!(!text.starts_with('\u{feff}'));
    let tables = markup::tables(&text, Mode::Article);
    assert_eq!(tables[0].header, ["Index", "Close", "Change"]);
    assert_eq!(tables[0].lines, [1, 4]);
    let lists = markup::lists(&text);
    assert_eq!(
        terms(&lists[0]),
        [Some("Weaker chip orders"), Some("A stronger currency")]
    );
}

#[test]
fn fenced_code_hides_tables() {
    let text = fixture("fenced-code-pipe-table.md");
    for mode in [Mode::Article, Mode::Strict] {
        let tables = markup::tables(&text, mode);
        assert_eq!(tables.len(), 1, "{mode:?}");
        assert_eq!(tables[0].header, ["Account", "Balance", "Currency"]);
        assert_eq!(
            tables[0].caption.as_deref(),
            Some("The new exporter adds a currency column:")
        );
    }
}

#[test]
fn lists_glued_to_paragraphs_with_terms() {
    let text = fixture("list-glued-to-paragraphs.txt");
    let lists = markup::lists(&text);
    assert_eq!(lists.len(), 2);
    assert_eq!(lists[0].lines, [5, 7]);
    assert_eq!(terms(&lists[0]), [None, None, None]);
    assert_eq!(lists[1].lines, [9, 11]);
    assert_eq!(
        terms(&lists[1]),
        [Some("Hospitals"), Some("Schools"), Some("Farms")]
    );

    let text = fixture("list-terms-traps.txt");
    let lists = markup::lists(&text);
    assert_eq!(lists.len(), 1);
    assert_eq!(
        terms(&lists[0]),
        [
            Some("Broadband"),
            Some("Online identity"),
            None,
            None,
            Some("Full text"),
            None,
            None,
            None,
            Some("Timeline"),
        ]
    );
    assert_eq!(
        lists[0].items[8].description.as_deref(),
        Some("phase one starts in January; phase two: 2027")
    );
}

#[test]
fn nesting_and_continuation() {
    let text = fixture("nested-lists.txt");
    let lists = markup::lists(&text);
    assert_eq!(lists.len(), 1);
    let top = &lists[0];
    assert_eq!(top.lines, [5, 14]);
    assert_eq!(
        item_texts(top),
        [
            "Blue bin",
            "Green bin",
            "Grey bin: everything that cannot be recycled, including nappies"
        ]
    );
    let blue = &top.items[0].children[0];
    assert_eq!(blue.lines, [6, 9]);
    let caps = &blue.items[1].children[0];
    assert!(caps.ordered);
    assert_eq!(caps.lines, [8, 9]);
    assert_eq!(item_texts(caps), ["Remove the caps", "Rinse them first"]);
    assert_eq!(top.items[2].term.as_deref(), Some("Grey bin"));

    let text = fixture("list-continuation-lines.txt");
    let lists = markup::lists(&text);
    assert_eq!(lists.len(), 1);
    assert_eq!(lists[0].lines, [5, 14]);
    assert_eq!(
        terms(&lists[0]),
        [Some("Rent increases"), Some("Empty homes"), None, None]
    );
}

#[test]
fn markers_breaks_and_false_items() {
    let text = fixture("changed-marker.txt");
    let lists = markup::lists(&text);
    let shape: Vec<(bool, [usize; 2])> = lists.iter().map(|l| (l.ordered, l.lines)).collect();
    assert_eq!(
        shape,
        [
            (false, [5, 6]),
            (false, [7, 8]),
            (true, [10, 11]),
            (true, [12, 13])
        ]
    );

    let text = fixture("bullet-glyphs.txt");
    let lists = markup::lists(&text);
    assert_eq!(lists.len(), 3);
    let shuttle = &lists[0].items[0].children[0];
    assert_eq!(shuttle.items.len(), 2);
    assert_eq!(
        item_texts(&shuttle.items[1].children[0]),
        ["Wristbands are checked at the door"]
    );
    assert_eq!(
        terms(&lists[2]),
        [Some("Step-free routes"), Some("Quiet zone")]
    );

    let text = fixture("hard-wrapped-year.txt");
    let lists = markup::lists(&text);
    assert_eq!(lists.len(), 1, "1975. and 2031. are not list items");
    assert_eq!(lists[0].lines, [9, 11]);

    let text = fixture("thematic-breaks.txt");
    let lists = markup::lists(&text);
    assert_eq!(lists.len(), 1);
    assert_eq!(
        item_texts(&lists[0]),
        [
            "Carry a head torch and spare batteries",
            "Tell someone your route"
        ]
    );
}
