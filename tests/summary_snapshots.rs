//! Snapshot tests of `abridge summarize --format json` over the story clusters in
//! `tests/fixtures/clusters/<story>/` (each a handful of articles about one event from different
//! outlets: republished wire copy, page furniture, hard-wrapped wire text), plus plain assertions
//! that hold for every summary: no sentence twice, nothing from page furniture, the budget kept,
//! and every sentence traceable to its document's body sentence at `index`.
//!
//! Every cluster gets two snapshots in the top-level `snapshots/` folder:
//! - `summary_<story>_words_60.snap`: `--words 60`;
//! - `summary_<story>_sentences_3_rank.snap`: `--sentences 3 --order rank`.
//!
//! Regenerate with `INSTA_UPDATE=always cargo test --test summary_snapshots` and review every
//! changed snapshot.

mod common;

use abridge::corpus::Document;
use abridge::summary::{summarize, Algorithm, Budget, Order, Summary, SummaryOptions};
use common::snapshot_settings;
use serde_json::Value;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Page furniture written into the fixtures: TRENDING and "most read" headlines, menus, share,
/// subscribe and copyright lines, image disclaimers. None of it may reach a summary.
const FURNITURE: &[&str] = &[
    // TRENDING / most read / related headlines
    "Harbour Festival Returns",
    "Council Tax Rise Approved",
    "Dunmore Rovers Sign",
    "Cheese Makers Win Gold",
    "Solar Farm Tender",
    "Coastal Railway Reopens",
    "Teenage Chess Prodigy",
    "Lifeboat Crew Honoured",
    "Seafront Cinema Plans",
    "Ferry timetable cut",
    "New head teacher",
    "Road resurfacing",
    "Flood defence funding bid",
    "Rail operator warns",
    "How weather satellites changed",
    "Why our market towns",
    "quiet decline of the village post office",
    "next decade of small satellites",
    // menus, share, subscribe, legal lines
    "TRENDING",
    "Subscribe",
    "Sign up for",
    "Share this",
    "Share on",
    "Copyright",
    "©",
    "All rights reserved",
    "Privacy",
    "Skip to content",
    "Left Menu",
    "Follow us",
    "Advertisement",
    "Read more",
    "Most read",
    "Related stories",
    "Connect us on",
    "Give Feedback",
    "OPINION",
    "Latest News",
    // bylines, image disclaimers, wire credits
    "Updated:",
    "News Desk",
    "Image for illustration",
    "AI-generated",
    "fictional representation",
    "With inputs from",
    "Reporting by",
];

fn clusters_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clusters")
}

/// The story directories, sorted.
fn stories() -> Vec<String> {
    let mut stories: Vec<String> = std::fs::read_dir(clusters_dir())
        .expect("tests/fixtures/clusters exists")
        .map(|e| e.expect("readable entry"))
        .filter(|e| e.file_type().map(|t| t.is_dir()).unwrap_or(false))
        .map(|e| e.file_name().into_string().expect("UTF-8 story name"))
        .collect();
    stories.sort();
    stories
}

/// The articles of a story, as the CLI names them when run from the clusters directory.
fn articles(story: &str) -> Vec<Document> {
    let mut names: Vec<String> = std::fs::read_dir(clusters_dir().join(story))
        .expect("story directory")
        .map(|e| {
            e.expect("readable entry")
                .file_name()
                .into_string()
                .unwrap()
        })
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            // Decoded as the CLI decodes it: `binary_and_library_agree` compares the two.
            let source = format!("{story}/{name}");
            let text = common::load_as(&clusters_dir().join(story).join(&name), source.clone());
            Document { source, text }
        })
        .collect()
}

/// Runs the binary from the clusters directory and parses its JSON output.
fn run_json(args: &[&str]) -> Value {
    let output = Command::new(env!("CARGO_BIN_EXE_abridge"))
        .current_dir(clusters_dir())
        .arg("summarize")
        .args(args)
        .args(["--format", "json"])
        .output()
        .expect("the binary runs");
    assert!(
        output.status.success(),
        "abridge summarize {args:?} failed ({:?}): {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "{args:?}: not JSON ({e}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}

/// The body sentences of a document on one line each, exactly as summaries quote them.
fn body_sentences(text: &str) -> Vec<String> {
    abridge::article::body_sentences(text, &abridge::article::clean(text))
        .iter()
        .map(|s| abridge::text::flatten(s.text))
        .collect()
}

/// Facts every summary of a cluster must satisfy, whatever the budget: the problems found.
fn problems(label: &str, summary: &Value, docs: &[Document]) -> Vec<String> {
    let mut problems = Vec::new();
    let sources: Vec<&str> = summary["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    let expected: Vec<&str> = docs.iter().map(|d| d.source.as_str()).collect();
    if sources != expected {
        problems.push(format!(
            "{label}: sources {sources:?}, expected {expected:?}"
        ));
    }
    let sentences = summary["sentences"].as_array().expect("sentences");
    if sentences.is_empty() {
        problems.push(format!("{label}: empty summary"));
    }
    let mut seen = HashSet::new();
    let mut total = 0;
    for s in sentences {
        let text = s["text"].as_str().expect("text");
        if !seen.insert(text.to_string()) {
            problems.push(format!("{label}: sentence twice in the summary: {text:?}"));
        }
        let source = s["source"].as_str().expect("source");
        let index = s["index"].as_u64().expect("index") as usize;
        match docs.iter().find(|d| d.source == source) {
            None => problems.push(format!("{label}: unknown source {source:?}")),
            Some(doc) => {
                let body = body_sentences(&doc.text);
                // The printed sentence is the indexed one, its wire dateline left out.
                // A compressed sentence keeps the whole one in `original`.
                let whole = s["original"].as_str().unwrap_or(text);
                let printed = body.get(index).map(|b| abridge::text::strip_dateline(b));
                if printed != Some(whole) {
                    problems.push(format!(
                        "{label}: sentence {index} of {source} is {:?}, not the summary's {whole:?}",
                        body.get(index)
                    ));
                }
                if s.get("original").is_some()
                    && abridge::summary::compress(whole, abridge::summary::Compression::default())
                        .as_deref()
                        != Some(text)
                {
                    problems.push(format!(
                        "{label}: {text:?} is not the compressed form of {whole:?}"
                    ));
                }
            }
        }
        if !s["score"].as_f64().expect("score").is_finite() {
            problems.push(format!("{label}: score {}", s["score"]));
        }
        total += text.split_whitespace().count();
    }
    if summary["words"].as_u64() != Some(total as u64) {
        problems.push(format!(
            "{label}: words {} but the sentences have {total}",
            summary["words"]
        ));
    }
    problems
}

/// Page furniture quoted by a summary: (sentence, message) pairs.
fn furniture_problems(label: &str, summary: &Value) -> Vec<(String, String)> {
    let mut problems = Vec::new();
    for s in summary["sentences"].as_array().expect("sentences") {
        let text = s["text"].as_str().expect("text");
        for f in FURNITURE {
            if text.contains(f) {
                problems.push((
                    text.to_string(),
                    format!("{label}: page furniture {f:?} in summary sentence {text:?}"),
                ));
            }
        }
    }
    problems
}

/// Text the segmenter broke, quoted by a summary: a dateline cut off mid-sentence, a word
/// hyphenated at a line end left as `city- centre`. (sentence, message) pairs.
fn broken_sentences(label: &str, summary: &Value) -> Vec<(String, String)> {
    let mut problems = Vec::new();
    for s in summary["sentences"].as_array().expect("sentences") {
        let text = s["text"].as_str().expect("text");
        if !text.ends_with(['.', '!', '?', '"', '\u{201d}', ')']) {
            problems.push((
                text.to_string(),
                format!("{label}: not a whole sentence: {text:?}"),
            ));
        }
        let chars: Vec<char> = text.chars().collect();
        if chars
            .windows(4)
            .any(|w| w[0].is_alphabetic() && w[1] == '-' && w[2] == ' ' && w[3].is_lowercase())
        {
            problems.push((
                text.to_string(),
                format!("{label}: broken hyphenation in {text:?}"),
            ));
        }
    }
    problems
}

#[test]
fn clusters_are_well_formed() {
    let stories = stories();
    assert!(stories.len() >= 3, "at least three clusters: {stories:?}");
    for story in &stories {
        let docs = articles(story);
        assert!(
            (3..=6).contains(&docs.len()),
            "{story}: {} articles",
            docs.len()
        );
        for d in &docs {
            let n = body_sentences(&d.text).len();
            assert!((5..=15).contains(&n), "{}: {n} body sentences", d.source);
        }
    }
}

#[test]
fn summary_snapshots() {
    let mut all = Vec::new();
    for story in stories() {
        let docs = articles(&story);
        let words = run_json(&[&story, "--words", "60"]);
        let rank = run_json(&[&story, "--sentences", "3", "--order", "rank"]);
        snapshot_settings().bind(|| {
            insta::assert_json_snapshot!(format!("summary_{story}_words_60"), words);
            insta::assert_json_snapshot!(format!("summary_{story}_sentences_3_rank"), rank);
        });

        let label = format!("{story} --words 60");
        all.extend(problems(&label, &words, &docs));
        all.extend(
            furniture_problems(&label, &words)
                .into_iter()
                .map(|(_, m)| m),
        );
        if words["words"].as_u64().unwrap() > 60 {
            all.push(format!("{label}: {} words", words["words"]));
        }

        let label = format!("{story} --sentences 3 --order rank");
        all.extend(problems(&label, &rank, &docs));
        all.extend(
            furniture_problems(&label, &rank)
                .into_iter()
                .map(|(_, m)| m),
        );
        let n = rank["sentences"].as_array().unwrap().len();
        if n != 3 {
            all.push(format!("{label}: {n} sentences"));
        }
    }
    assert!(all.is_empty(), "{}", all.join("\n"));
}

/// `--order rank` is documented (CLI help and `Order::Rank`) as "by score, best first": the
/// printed scores must not increase down the summary.
#[test]
fn order_rank_is_best_first() {
    let mut problems = Vec::new();
    for story in stories() {
        for k in ["3", "5"] {
            let rank = run_json(&[&story, "--sentences", k, "--order", "rank"]);
            let scores: Vec<f64> = rank["sentences"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["score"].as_f64().unwrap())
                .collect();
            if !scores.windows(2).all(|w| w[0] >= w[1]) {
                problems.push(format!("{story} --sentences {k}: scores {scores:?}"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "--order rank is not best first:\n{}",
        problems.join("\n")
    );
}

/// The library gives what the binary prints.
#[test]
fn binary_and_library_agree() {
    for story in stories() {
        let docs = articles(&story);
        let library = summarize(
            &docs,
            &SummaryOptions::default().with_budget(Budget::Words(60)),
        );
        let binary = run_json(&[&story, "--words", "60"]);
        assert_eq!(serde_json::to_value(&library).unwrap(), binary, "{story}");
    }
}

/// Every budget, algorithm and order over every cluster.
fn each_summary(mut f: impl FnMut(&str, &str, &Summary, &[Document])) {
    let budgets = [
        Budget::Words(60),
        Budget::Words(100),
        Budget::Words(200),
        Budget::Words(400),
        Budget::Sentences(1),
        Budget::Sentences(3),
        Budget::Sentences(6),
        Budget::Sentences(12),
        Budget::Sentences(30),
        Budget::Ratio(0.5),
        Budget::Ratio(1.0),
    ];
    let algorithms = [
        Algorithm::TextRank,
        Algorithm::LexRank {
            threshold: Some(0.1),
        },
        Algorithm::LexRank { threshold: None },
    ];
    for story in stories() {
        let docs = articles(&story);
        for budget in budgets {
            for algorithm in algorithms {
                for order in [Order::Source, Order::Rank] {
                    let options = SummaryOptions::default()
                        .with_budget(budget)
                        .with_algorithm(algorithm)
                        .with_order(order);
                    let summary = summarize(&docs, &options);
                    if let Budget::Words(w) = budget {
                        assert!(
                            summary.words <= w,
                            "{story} {options:?}: {} words",
                            summary.words
                        );
                    }
                    let label = format!("{story} {budget:?} {algorithm:?} {order:?}");
                    f(&story, &label, &summary, &docs);
                }
            }
        }
    }
}

/// The Keld cluster carries the same Northwire story at two sites; however large the summary,
/// none of its sentences may be picked twice. No summary of any cluster repeats a sentence,
/// and every sentence is its document's body sentence at `index`.
#[test]
fn republished_wire_copy_is_never_repeated() {
    let keld = articles("keld-river-flood");
    let herald = body_sentences(&keld[0].text);
    let post = body_sentences(&keld[1].text);
    let shared: Vec<&String> = post.iter().filter(|s| herald.contains(s)).collect();
    assert!(
        shared.len() >= 6,
        "the two republications share their body: {shared:?}"
    );
    let mut all = Vec::new();
    each_summary(|story, label, summary, docs| {
        all.extend(problems(
            label,
            &serde_json::to_value(summary).unwrap(),
            docs,
        ));
        if story == "keld-river-flood" {
            for s in &shared {
                let n = summary
                    .sentences
                    .iter()
                    .filter(|x| x.original.as_ref().unwrap_or(&x.text) == *s)
                    .count();
                if n > 1 {
                    all.push(format!("{label}: {s:?} appears {n} times"));
                }
            }
        }
    });
    assert!(
        all.is_empty(),
        "{} problems:\n{}",
        all.len(),
        all.join("\n")
    );
}

/// Runs `check` over every summary of [`each_summary`] and fails with one line per offending
/// sentence (the first summary that shows it).
fn assert_no_sentence(check: fn(&str, &Value) -> Vec<(String, String)>) {
    let mut seen = HashSet::new();
    let mut lines = Vec::new();
    each_summary(|_, label, summary, _| {
        for (sentence, message) in check(label, &serde_json::to_value(summary).unwrap()) {
            if seen.insert(sentence) {
                lines.push(message);
            }
        }
    });
    assert!(
        lines.is_empty(),
        "{} sentences:\n{}",
        lines.len(),
        lines.join("\n")
    );
}

/// However large the budget, no summary quotes page furniture. (Large budgets take nearly every
/// body sentence, so this checks what the cleaner leaves in.)
#[test]
fn no_page_furniture_in_any_summary() {
    assert_no_sentence(furniture_problems);
}

/// However large the budget, summary sentences are whole sentences as written.
#[test]
fn summary_sentences_are_whole_and_unbroken() {
    assert_no_sentence(broken_sentences);
}

/// The hard-wrapped wire stories (no blank lines between paragraphs) keep every sentence, the
/// dateline stays with its sentence, and words hyphenated at line ends are rejoined.
#[test]
fn hard_wrapped_wire_stories_keep_every_sentence() {
    let cases = [
        ("keld-river-flood/04-coastline-wire.txt", 7, "ASHBY CROSS, England, March 10 (Coastline News Agency) - Army engineers"),
        ("kestrel-launch-scrub/03-coastline-wire.txt", 6, "TALCOTT POINT, Meridia, March 12 (Coastline News Agency) - The Meridian Space Agency scrubbed"),
        ("port-merrow-free-buses/04-northwire-wire.txt", 7, "PORT MERROW, March 5 (Northwire) - The city council"),
    ];
    let mut all = Vec::new();
    for (file, count, first) in cases {
        let text = std::fs::read_to_string(clusters_dir().join(file)).unwrap();
        let body = body_sentences(&text);
        if body.len() != count {
            all.push(format!(
                "{file}: {} body sentences, expected {count}: {body:#?}",
                body.len()
            ));
        }
        if !body.first().is_some_and(|s| s.starts_with(first)) {
            all.push(format!(
                "{file}: first sentence {:?}, expected it to start {first:?}",
                body.first()
            ));
        }
        for s in &body {
            if s.contains("city- centre") || s.contains("citycentre") {
                all.push(format!("{file}: line-end hyphen not rejoined: {s:?}"));
            }
        }
        // The one wire story broken at "city-": the word comes back whole, hyphen kept.
        if file.starts_with("port-merrow")
            && !body.iter().any(|s| s.contains("city-centre parking"))
        {
            all.push(format!(
                "{file}: \"city-centre parking\" not rejoined: {body:#?}"
            ));
        }
    }
    assert!(all.is_empty(), "{}", all.join("\n"));
}
