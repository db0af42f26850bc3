//! Spec-driven conformance tests, in the style of pulldown-cmark's `specs/*.txt`: every example of
//! the shared conformance files is a case, compared the way `../shared/conformance/check_*.py`
//! compare the binary's output, and every failing case is listed with its example number.
//!
//! - `gfm_tables.json`: the 64 GFM table examples of cmark-gfm's spec and extension tests and
//!   pulldown-cmark's table specs, against `--strict` tables (`check_tables.py`).
//! - `golden_rules_en.json`: the 52 English Golden Rules of sentence segmentation, against the raw
//!   sentence splitter (`check_sentences.py`).
//!
//! The files live outside the repository (`../shared/conformance`). When they are missing the
//! tests print a SKIPPED line — and fail under `ABRIDGE_REQUIRE_SHARED`, which `.ci/run` sets, so
//! CI never passes without running them.

use abridge::corpus::from_bytes;
use abridge::markup::{self, Mode};
use abridge::text::sentences;
use serde_json::Value;
use std::path::PathBuf;

/// Every example must pass: these are the counts the project reaches today.
const GFM_TABLE_EXAMPLES: usize = 64;
const GOLDEN_RULES: usize = 52;

/// The parsed conformance file, or `None` (after printing why) when it is absent and absence is
/// allowed.
fn spec(name: &str) -> Option<Value> {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "..",
        "shared",
        "conformance",
        name,
    ]
    .iter()
    .collect();
    let Ok(raw) = std::fs::read_to_string(&path) else {
        assert!(
            std::env::var_os("ABRIDGE_REQUIRE_SHARED").is_none(),
            "{} not found and ABRIDGE_REQUIRE_SHARED is set",
            path.display()
        );
        eprintln!(
            "SKIPPED {name}: {} not found; this test checked nothing (set ABRIDGE_REQUIRE_SHARED \
             to make that a failure)",
            path.display()
        );
        return None;
    };
    Some(serde_json::from_str(&raw).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

/// A cell as `check_tables.py` compares it: letters and digits only, lower case (the expected
/// side is rendered HTML, abridge returns cell source text).
fn norm_cell(cell: &Value) -> String {
    cell.as_str()
        .expect("a cell is a string")
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Header cells, alignments and rows of each table, normalised.
type Shape = Vec<(Vec<String>, Vec<Value>, Vec<Vec<String>>)>;

fn shape(tables: &Value) -> Shape {
    let cells = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|a| a.iter().map(norm_cell).collect())
            .unwrap_or_default()
    };
    tables
        .as_array()
        .expect("tables are an array")
        .iter()
        .map(|t| {
            let alignments = t["alignments"].as_array().cloned().unwrap_or_default();
            let rows = t["rows"]
                .as_array()
                .map(|rows| rows.iter().map(cells).collect())
                .unwrap_or_default();
            (cells(&t["header"]), alignments, rows)
        })
        .collect()
}

#[test]
fn gfm_table_examples() {
    let Some(spec) = spec("gfm_tables.json") else {
        return;
    };
    let cases: Vec<&Value> = spec
        .as_array()
        .expect("a list of examples")
        .iter()
        .filter(|c| !c["disabled"].as_bool().unwrap_or(false))
        .collect();
    let mut failures = Vec::new();
    for (number, case) in cases.iter().enumerate() {
        let markdown = case["markdown"].as_str().expect("markdown");
        // Decoded as the CLI decodes standard input.
        let text = from_bytes("-".into(), markdown.as_bytes().to_vec())
            .document
            .map(|d| d.text)
            .unwrap_or_default();
        let got = serde_json::to_value(markup::tables(&text, Mode::Strict)).expect("JSON");
        if shape(&got) != shape(&case["tables"]) {
            failures.push(format!(
                "example {} ({}):\n--- input\n{markdown}--- expected {}\n--- got {got}",
                number + 1,
                case["origin"].as_str().unwrap_or("?"),
                case["tables"]
            ));
        }
    }
    let passed = cases.len() - failures.len();
    println!("GFM tables: {passed} passed, {} failed", failures.len());
    assert!(
        failures.is_empty() && passed >= GFM_TABLE_EXAMPLES,
        "GFM tables: {passed} of {} passed (at least {GFM_TABLE_EXAMPLES} expected)\n\n{}",
        cases.len(),
        failures.join("\n\n")
    );
}

/// Whitespace runs collapsed to one space, as `check_sentences.py` compares sentences.
fn norm_sentence(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn english_golden_rules() {
    let Some(spec) = spec("golden_rules_en.json") else {
        return;
    };
    let rules = spec["rules"].as_array().expect("a list of rules");
    let mut failures = Vec::new();
    for rule in rules {
        let input = rule["input"].as_str().expect("input");
        let expected: Vec<String> = rule["expected"]
            .as_array()
            .expect("expected sentences")
            .iter()
            .map(|e| norm_sentence(e.as_str().expect("a sentence")))
            .collect();
        let got: Vec<String> = sentences::split(input)
            .iter()
            .map(|s| norm_sentence(s.text))
            .collect();
        if got != expected {
            failures.push(format!(
                "rule {} ({}):\n  input:    {input:?}\n  expected: {expected:?}\n  got:      {got:?}",
                rule["id"], rule["title"]
            ));
        }
    }
    let passed = rules.len() - failures.len();
    println!("Golden Rules: {passed} passed, {} failed", failures.len());
    assert!(
        failures.is_empty() && passed >= GOLDEN_RULES,
        "Golden Rules: {passed} of {} passed (at least {GOLDEN_RULES} expected)\n\n{}",
        rules.len(),
        failures.join("\n\n")
    );
}
