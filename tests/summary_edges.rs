//! Edge cases of `abridge summarize`, run through the binary: inputs without sentences, one
//! sentence, one sentence many times, one enormous sentence, a very large input, the JSON schema,
//! budgets at their limits, usage errors and byte-for-byte determinism.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tempfile::TempDir;

fn abridge(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_abridge"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn summarize(paths: &[&Path], flags: &[&str]) -> Output {
    let mut args: Vec<&str> = vec!["summarize"];
    args.extend(paths.iter().map(|p| p.to_str().expect("UTF-8 path")));
    args.extend(flags);
    abridge(&args)
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Exit 0 and the JSON summary.
fn summary_json(paths: &[&Path], flags: &[&str]) -> Value {
    let mut flags = flags.to_vec();
    flags.extend(["--format", "json"]);
    let out = summarize(paths, &flags);
    assert_eq!(
        out.status.code(),
        Some(0),
        "summarize {flags:?}: {}",
        stderr(&out)
    );
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

fn sentences(summary: &Value) -> Vec<&str> {
    summary["sentences"]
        .as_array()
        .expect("sentences array")
        .iter()
        .map(|s| s["text"].as_str().expect("text"))
        .collect()
}

fn words(summary: &Value) -> usize {
    summary["words"].as_u64().expect("words") as usize
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("temp file written");
    path
}

fn cluster(story: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/clusters")
        .join(story)
}

/// A small seeded PRNG (xorshift64*), so generated inputs are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const STOP: &[&str] = &[
    "the", "of", "and", "in", "to", "was", "for", "on", "with", "by", "at", "from", "that", "a",
];

/// A vocabulary of about 2,700 pronounceable made-up content words.
fn vocabulary() -> Vec<String> {
    let onsets = [
        "b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "w",
    ];
    let vowels = ["a", "e", "i", "o", "u", "ai"];
    let codas = ["n", "r", "l", "st", "m", "nd", "ck", "rt", "sh", "t"];
    let mut words = Vec::new();
    for o in onsets {
        for v in vowels {
            for c in codas {
                for tail in ["", "er", "ing"] {
                    words.push(format!("{o}{v}{c}{tail}"));
                }
            }
        }
    }
    words
}

/// A prose-like sentence of `len` words: content words with stop words between, capitalised,
/// ending with a period unless `period` is false.
fn sentence(rng: &mut Rng, vocabulary: &[String], len: usize, period: bool) -> String {
    let mut out: Vec<String> = Vec::with_capacity(len);
    for i in 0..len {
        let w = if i % 3 == 1 {
            STOP[rng.below(STOP.len())].to_string()
        } else {
            vocabulary[rng.below(vocabulary.len())].clone()
        };
        out.push(w);
    }
    let mut s = out.join(" ");
    if let Some(first) = s.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    if period {
        s.push('.');
    }
    s
}

// --- inputs without sentences ---

fn assert_empty_summary_with_warning(paths: &[&Path]) {
    for format in ["text", "json", "markdown"] {
        let out = summarize(paths, &["--format", format]);
        assert_eq!(out.status.code(), Some(0), "{format}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("warning"),
            "{format}: no warning on stderr: {:?}",
            stderr(&out)
        );
        let stdout = String::from_utf8(out.stdout).unwrap();
        if format == "json" {
            let v: Value = serde_json::from_str(&stdout).expect("JSON");
            assert_eq!(v["sentences"], Value::Array(vec![]), "{stdout}");
            assert_eq!(v["words"], 0, "{stdout}");
            let sources: Vec<&str> = v["sources"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().unwrap())
                .collect();
            let expected: Vec<&str> = paths.iter().map(|p| p.to_str().unwrap()).collect();
            assert_eq!(sources, expected);
        } else {
            assert!(stdout.trim().is_empty(), "{format}: {stdout:?}");
        }
    }
}

#[test]
fn empty_file_gives_an_empty_summary_and_a_warning() {
    let dir = TempDir::new().unwrap();
    let empty = write(dir.path(), "empty.txt", "");
    assert_empty_summary_with_warning(&[&empty]);
}

#[test]
fn punctuation_only_file_gives_an_empty_summary_and_a_warning() {
    let dir = TempDir::new().unwrap();
    let file = write(
        dir.path(),
        "punctuation.txt",
        "...\n\n--- *** ---\n\n!!! ??? ;;;\n\n| | |\n|---|---|\n\n• • •\n\n“” ‘’ — – …\n",
    );
    assert_empty_summary_with_warning(&[&file]);
}

#[test]
fn page_furniture_only_file_gives_an_empty_summary_and_a_warning() {
    let dir = TempDir::new().unwrap();
    let file = write(
        dir.path(),
        "furniture.txt",
        "Skip to content\nHome | News | Weather | Sport | Business\nMENU\n\nTRENDING\n\n1\n\
         Harbour Festival Returns With Record Ticket Sales\n\n Local\n2\n\
         Council Tax Rise Approved After Late-Night Debate\n\n Westmarch\n\n\
         Share this story\nFacebook | X | WhatsApp | Email\nSubscribe to our Newsletter\n\n\
         About us | Contact | Advertise | Privacy Policy | Terms of use\n\n\
         © Copyright 2025 Westmarch Herald\n",
    );
    assert_empty_summary_with_warning(&[&file]);
}

#[test]
fn several_files_without_sentences_give_an_empty_summary() {
    let dir = TempDir::new().unwrap();
    let a = write(dir.path(), "a.txt", "");
    let b = write(dir.path(), "b.txt", "\n\n   \n");
    let c = write(dir.path(), "c.txt", "***\n");
    assert_empty_summary_with_warning(&[&a, &b, &c]);
}

// --- tiny inputs ---

#[test]
fn one_sentence_is_its_own_summary() {
    let dir = TempDir::new().unwrap();
    let text = "The ferry company suspended all crossings to the island after a gale damaged the landing stage.";
    let file = write(dir.path(), "one.txt", &format!("{text}\n"));
    for flags in [
        &["--words", "100"][..],
        &["--sentences", "3"],
        &["--ratio", "0.5"],
        &["--sentences", "1", "--order", "rank"],
        &["--algorithm", "lexrank"],
    ] {
        let v = summary_json(&[&file], flags);
        assert_eq!(sentences(&v), [text], "{flags:?}");
        assert_eq!(v["sentences"][0]["index"], 0);
        assert_eq!(words(&v), 16);
    }
    // A budget smaller than the sentence: the sentence, cut to the budget.
    let v = summary_json(&[&file], &["--words", "5"]);
    assert_eq!(sentences(&v), ["The ferry company suspended all"]);
    assert_eq!(words(&v), 5);
}

/// A document that is one short plain sentence (8 words, long enough to be picked) is still
/// a document with a sentence.
#[test]
fn one_short_sentence_is_still_summarised() {
    let dir = TempDir::new().unwrap();
    let text = "The mayor of the town resigned on Monday.";
    let file = write(dir.path(), "short.txt", &format!("{text}\n"));
    let v = summary_json(&[&file], &[]);
    assert_eq!(sentences(&v), [text]);
}

#[test]
fn identical_sentences_appear_once() {
    let dir = TempDir::new().unwrap();
    let text = "The regional water company lifted its hosepipe ban after a week of heavy rain.";
    let paragraph = [text; 10].join(" ");
    let files: Vec<PathBuf> = (0..5)
        .map(|i| {
            write(
                dir.path(),
                &format!("copy-{i}.txt"),
                &format!("{paragraph}\n"),
            )
        })
        .collect();
    let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    for flags in [
        &[][..],
        &["--words", "100"],
        &["--words", "500"],
        &["--sentences", "3"],
        &["--sentences", "50"],
        &["--ratio", "1"],
        &["--ratio", "0.5", "--algorithm", "lexrank"],
        // `--truncate` fills the budget with the next best sentence: that must not be another
        // copy of the sentence already in the summary.
        &["--words", "20", "--truncate"],
        &["--words", "100", "--truncate"],
    ] {
        let v = summary_json(&paths, flags);
        assert_eq!(sentences(&v), [text], "{flags:?}");
    }
    // The directory, as one input.
    let v = summary_json(&[dir.path()], &[]);
    assert_eq!(sentences(&v), [text]);
}

// --- enormous inputs ---

#[test]
fn one_enormous_sentence_is_cut_to_the_budget() {
    let dir = TempDir::new().unwrap();
    let vocabulary = vocabulary();
    let mut rng = Rng(0x5EED_0001);
    let giant = sentence(&mut rng, &vocabulary, 3000, false);
    assert_eq!(giant.split_whitespace().count(), 3000);
    // One line, and the same text hard-wrapped at 70 columns.
    let mut wrapped = String::new();
    let mut column = 0;
    for w in giant.split_whitespace() {
        if column > 0 && column + 1 + w.len() > 70 {
            wrapped.push('\n');
            column = 0;
        } else if column > 0 {
            wrapped.push(' ');
            column += 1;
        }
        wrapped.push_str(w);
        column += w.len();
    }
    let one_line = write(dir.path(), "giant-line.txt", &format!("{giant}\n"));
    let hard_wrapped = write(dir.path(), "giant-wrapped.txt", &format!("{wrapped}\n"));
    for file in [&one_line, &hard_wrapped] {
        for flags in [&["--words", "100"][..], &["--words", "100", "--truncate"]] {
            let v = summary_json(&[file], flags);
            let s = sentences(&v);
            assert!(
                !s.is_empty(),
                "{}: {flags:?}: empty summary",
                file.display()
            );
            // A lone sentence over the budget is cut to exactly the budget.
            assert_eq!(words(&v), 100, "{}: {flags:?}", file.display());
            assert_eq!(s.len(), 1, "{}: {flags:?}: {s:?}", file.display());
            assert!(
                giant.starts_with(s[0]),
                "{}: the summary is the start of the sentence",
                file.display()
            );
        }
    }
}

#[test]
fn twenty_thousand_sentences_are_summarised_within_budget() {
    let dir = TempDir::new().unwrap();
    let vocabulary = vocabulary();
    let mut rng = Rng(0x2000_0000_5EED);
    for f in 0..400 {
        let mut text = String::new();
        for p in 0..10 {
            let paragraph: Vec<String> = (0..5)
                .map(|_| {
                    let len = 8 + rng.below(13);
                    sentence(&mut rng, &vocabulary, len, true)
                })
                .collect();
            if p > 0 {
                text.push_str("\n\n");
            }
            text.push_str(&paragraph.join(" "));
        }
        text.push('\n');
        write(dir.path(), &format!("article-{f:03}.txt"), &text);
    }
    let out = summarize(&[dir.path()], &["--words", "100", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["sources"].as_array().unwrap().len(), 400);
    assert!(!sentences(&v).is_empty(), "empty summary");
    assert!(words(&v) <= 100, "{} words", words(&v));
}

// --- output and budgets ---

#[test]
fn json_schema() {
    let v = summary_json(&[&cluster("kestrel-launch-scrub")], &["--words", "80"]);
    let top = v.as_object().expect("an object");
    let mut keys: Vec<&str> = top.keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(keys, ["sentences", "sources", "words"]);
    let sources = v["sources"].as_array().expect("sources is an array");
    assert_eq!(sources.len(), 4);
    assert!(sources.iter().all(Value::is_string));
    assert!(v["words"].is_u64());
    let sentences = v["sentences"].as_array().expect("sentences is an array");
    assert!(!sentences.is_empty());
    let mut total = 0;
    for s in sentences {
        let s = s.as_object().expect("sentence objects");
        let mut keys: Vec<&str> = s.keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(keys, ["index", "score", "source", "text"]);
        assert!(s["text"].is_string());
        assert!(
            sources.contains(&s["source"]),
            "source is one of the sources"
        );
        assert!(s["index"].is_u64());
        assert!(s["score"].is_f64() || s["score"].is_u64());
        total += s["text"].as_str().unwrap().split_whitespace().count();
    }
    assert_eq!(v["words"], total);
}

#[test]
fn tiny_ratio_gives_at_least_one_sentence() {
    for story in ["keld-river-flood", "port-merrow-free-buses"] {
        let v = summary_json(&[&cluster(story)], &["--ratio", "0.01"]);
        assert!(!sentences(&v).is_empty(), "{story}");
    }
}

/// `--truncate` fills the budget by cutting one more sentence, unless fewer than three words
/// would be left of it (a stub such as `CHICAGO` tells a reader nothing); the cut sentence is
/// always printed last, in every order.
#[test]
fn truncate_fills_the_budget_and_the_cut_sentence_comes_last() {
    let ends_whole = |t: &str| {
        t.trim_end_matches(['"', '\'', ')', ']', '”', '’'])
            .ends_with(['.', '!', '?', '…'])
    };
    for story in [
        "keld-river-flood",
        "kestrel-launch-scrub",
        "port-merrow-free-buses",
    ] {
        for n in [1usize, 7, 37, 60, 100, 250] {
            for order in ["source", "rank"] {
                let budget = n.to_string();
                let flags = ["--words", &budget, "--truncate", "--order", order];
                let v = summary_json(&[&cluster(story)], &flags);
                let got = words(&v);
                assert!(
                    got <= n && got + 2 >= n,
                    "{story} --words {n} --truncate --order {order}: {got} words"
                );
                let texts = sentences(&v);
                if let Some((_, before)) = texts.split_last() {
                    for t in before {
                        assert!(
                            ends_whole(t),
                            "{story} {n} {order}: cut sentence {t:?} is not last"
                        );
                    }
                }
                // The text output has the same words.
                let out = summarize(&[&cluster(story)], &flags);
                let text = String::from_utf8(out.stdout).unwrap();
                assert_eq!(text.split_whitespace().count(), got, "{story}: text output");
            }
        }
    }
}

#[test]
fn usage_errors_exit_2() {
    let path = cluster("keld-river-flood");
    for flags in [
        &["--truncate", "--sentences", "3"][..],
        &["--truncate", "--ratio", "0.5"],
        &["--words", "0"],
        &["--sentences", "0"],
        &["--ratio", "0"],
        &["--ratio", "1.5"],
        &["--words", "10", "--sentences", "3"],
    ] {
        let out = summarize(&[&path], flags);
        assert_eq!(out.status.code(), Some(2), "{flags:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty(), "{flags:?}: output on a usage error");
        assert!(!stderr(&out).is_empty(), "{flags:?}: no message");
    }
}

#[test]
fn same_directory_twice_gives_identical_bytes() {
    for story in [
        "keld-river-flood",
        "kestrel-launch-scrub",
        "port-merrow-free-buses",
    ] {
        for flags in [
            &["--format", "json"][..],
            &["--format", "text", "--sentences", "4", "--order", "rank"],
            &["--format", "markdown", "--algorithm", "lexrank"],
            &["--format", "json", "--words", "70", "--truncate"],
        ] {
            let first = summarize(&[&cluster(story)], flags);
            let second = summarize(&[&cluster(story)], flags);
            assert_eq!(first.status.code(), Some(0));
            assert!(!first.stdout.is_empty());
            assert_eq!(first.stdout, second.stdout, "{story} {flags:?}");
        }
    }
}

/// A question steers the summary: over two stories' articles at once, asking about one story
/// fills the summary with that story, asking about the other with the other; every sentence
/// reports its relevance, and a question of stop words only is a usage error.
#[test]
fn a_query_focuses_the_summary_on_its_story() {
    let flood = cluster("keld-river-flood");
    let rocket = cluster("kestrel-launch-scrub");
    let about = |query: &str| {
        let v = summary_json(&[&flood, &rocket], &["--words", "60", "--query", query]);
        let list = v["sentences"].as_array().unwrap().clone();
        assert!(!list.is_empty(), "{query}");
        for s in &list {
            let r = s["relevance"].as_f64().expect("relevance in query mode");
            assert!((0.0..=1.0).contains(&r), "{r}");
        }
        list.iter()
            .map(|s| s["source"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    let flood_sources = about("How many homes were evacuated when the river flooded?");
    assert!(
        flood_sources.iter().all(|s| s.contains("keld-river-flood")),
        "{flood_sources:?}"
    );
    let rocket_sources = about("Why was the rocket launch scrubbed?");
    assert!(
        rocket_sources
            .iter()
            .all(|s| s.contains("kestrel-launch-scrub")),
        "{rocket_sources:?}"
    );
    // At 200 words and more the default selection is concept coverage, weighted by relevance:
    // the question's story gets most of the summary.
    for (query, story) in [
        (
            "How many homes were evacuated when the river flooded?",
            "keld-river-flood",
        ),
        (
            "Why was the rocket launch scrubbed?",
            "kestrel-launch-scrub",
        ),
    ] {
        let v = summary_json(&[&flood, &rocket], &["--words", "200", "--query", query]);
        let words_from = |wanted: bool| -> usize {
            v["sentences"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|s| s["source"].as_str().unwrap().contains(story) == wanted)
                .map(|s| s["text"].as_str().unwrap().split_whitespace().count())
                .sum()
        };
        assert!(words_from(true) > 2 * words_from(false), "{query}: {v}");
    }
    // Without a query there is no relevance field.
    let generic = summary_json(&[&flood], &["--words", "30"]);
    assert!(generic["sentences"][0].get("relevance").is_none());
    let out = summarize(&[&flood], &["--query", "what is it about?"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("--query has no content word"),
        "{}",
        stderr(&out)
    );
}

/// No printed summary sentence starts with a wire dateline.
#[test]
fn summary_sentences_do_not_start_with_datelines() {
    for story in [
        "keld-river-flood",
        "kestrel-launch-scrub",
        "port-merrow-free-buses",
    ] {
        let v = summary_json(&[&cluster(story)], &["--words", "250"]);
        for t in sentences(&v) {
            assert_eq!(abridge::text::strip_dateline(t), t, "{story}: {t:?}");
        }
    }
}
