//! Hostile inputs: nesting past `markup::MAX_NESTING` is kept as text and reported, and strict
//! cells full of unclosed brackets come out as written. (The work done on such cells is counted,
//! and asserted linear, by the unit tests of `markup::inline`.)

use abridge::markup::{self, List, Mode, MAX_NESTING};
use std::process::Command;

/// A list whose item `k` is indented `k` columns: `levels` levels deep.
fn nested(levels: usize) -> String {
    (0..levels)
        .map(|k| format!("{}- x{k}\n", " ".repeat(k)))
        .collect()
}

fn depth(list: &List<'_>) -> usize {
    1 + list
        .items
        .iter()
        .flat_map(|i| &i.children)
        .map(depth)
        .max()
        .unwrap_or(0)
}

#[test]
fn lists_nest_at_most_max_nesting_levels() {
    let text = nested(MAX_NESTING);
    let found = markup::extract(&text, Mode::Article);
    assert!(!found.nesting_capped);
    assert_eq!(depth(&found.lists[0]), MAX_NESTING);

    let text = nested(5_000);
    let found = markup::extract(&text, Mode::Article);
    assert!(found.nesting_capped);
    assert_eq!(found.lists.len(), 1);
    assert_eq!(depth(&found.lists[0]), MAX_NESTING);
    assert_eq!(found.lists[0].lines, [1, 5_000]);
}

#[test]
fn block_quotes_nest_at_most_max_nesting_levels() {
    let text = format!("{}a | b\n", ">".repeat(100_000));
    let found = markup::extract(&text, Mode::Strict);
    assert!(found.nesting_capped);
    assert!(found.tables.is_empty());
}

#[test]
fn unclosed_brackets_in_strict_cells_stay_as_written() {
    for unit in ["[", "![", "[a](", "<"] {
        let cell = unit.repeat(64_000 / unit.len());
        let text = format!("a|\n-|\n{cell}\n");
        let tables = markup::tables(&text, Mode::Strict);
        assert_eq!(tables[0].rows, [[cell.as_str()]], "{unit:?}");
    }
}

#[test]
fn dense_lines_give_the_same_tables() {
    let table = "Caps by region:\na | b\n-|-\n1 | 2\n";
    let sparse = markup::tables(table, Mode::Article);
    let dense = format!("{}{table}", "\n".repeat(100_000));
    let found = markup::tables(&dense, Mode::Article);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].header, sparse[0].header);
    assert_eq!(found[0].caption, sparse[0].caption);
    assert_eq!(found[0].lines, [100_002, 100_004]);
}

#[test]
fn the_cli_names_the_file_that_nests_too_deep() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep.txt");
    std::fs::write(&path, nested(MAX_NESTING + 1)).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_abridge"))
        .args(["lists", "--format", "jsonl"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("deep.txt"), "{stderr}");
    assert!(
        stderr.contains(&format!("nested deeper than {MAX_NESTING} levels")),
        "{stderr}"
    );
    let quiet = Command::new(env!("CARGO_BIN_EXE_abridge"))
        .args(["lists", "-q"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(quiet.stderr.is_empty());
}

/// A wide header over many one-cell rows: every row would be padded to the header's width
/// (8,192 × 16,384 = 134 million cells for 64 KB of input). The padding is capped: the table
/// ends before the row that would pass `MAX_PADDED_CELLS`, in both modes.
#[test]
fn padding_a_wide_header_is_capped() {
    let cols = 8 * 1024;
    let mut text = "a|".repeat(cols) + "\n" + &"-|".repeat(cols) + "\n";
    for _ in 0..16 * 1024 {
        text.push_str("x|\n");
    }
    for mode in [Mode::Article, Mode::Strict] {
        let tables = markup::tables(&text, mode);
        assert_eq!(tables.len(), 1, "{mode:?}");
        let t = &tables[0];
        assert_eq!(t.header.len(), cols);
        let padded = t.rows.len() * (cols - 1);
        assert!(
            padded <= markup::MAX_PADDED_CELLS,
            "{mode:?}: {padded} padded cells"
        );
        assert!(
            !t.rows.is_empty(),
            "{mode:?}: the rows before the cap are kept"
        );
    }
    // A table with few missing cells is untouched.
    let small = "a|b|c\n-|-|-\nx\ny|z\n";
    assert_eq!(markup::tables(small, Mode::Strict)[0].rows.len(), 2);
}

/// Long runs of pipe lines that are no table (a column repeating the header's text, or empty
/// cells) are judged once, from their first line, not again from each line: 20,000 of them took
/// minutes when every line started a new look (the scan was quadratic in the run).
#[test]
fn long_refused_pipe_runs_are_judged_once() {
    let runs = [
        (0..20_000)
            .map(|k| format!("Site | page {k}\n"))
            .collect::<String>(),
        "|  |  |\n".repeat(20_000),
        format!("|  |  |\n|---|---|\n{}", "|  |  |\n".repeat(20_000)),
    ];
    for text in &runs {
        let start = std::time::Instant::now();
        let found = markup::extract(text, Mode::Article);
        assert!(found.tables.is_empty());
        // Linear work takes well under a second even unoptimised; the quadratic scan took minutes.
        assert!(
            start.elapsed() < std::time::Duration::from_secs(20),
            "{:?}",
            start.elapsed()
        );
    }
}
