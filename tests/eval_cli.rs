//! `abridge eval` end to end, on small references and summaries whose ROUGE scores were worked
//! out by hand.

use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A references directory and a summaries directory in a temporary directory.
struct Case {
    dir: tempfile::TempDir,
}

impl Case {
    fn new() -> Self {
        let case = Case {
            dir: tempfile::tempdir().expect("a temporary directory"),
        };
        fs::create_dir(case.refs()).expect("references dir");
        fs::create_dir(case.sums()).expect("summaries dir");
        case
    }

    fn refs(&self) -> PathBuf {
        self.dir.path().join("refs")
    }

    fn sums(&self) -> PathBuf {
        self.dir.path().join("sums")
    }

    fn reference(self, name: &str, text: &str) -> Self {
        fs::write(self.refs().join(name), text).expect("write a reference");
        self
    }

    fn summary(self, name: &str, text: &str) -> Self {
        fs::write(self.sums().join(name), text).expect("write a summary");
        self
    }

    fn run(&self, extra: &[&str]) -> Output {
        eval_cmd(&self.refs(), &self.sums())
            .args(extra)
            .output()
            .expect("abridge runs")
    }

    fn json(&self, extra: &[&str]) -> Value {
        let mut args = vec!["--format", "json"];
        args.extend_from_slice(extra);
        let out = self.run(&args);
        assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
        serde_json::from_slice(&out.stdout).expect("stdout is JSON")
    }
}

/// `abridge eval` on two folders, blind to a ROUGE exceptions file set in the environment.
fn eval_cmd(references: &Path, summaries: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_abridge"));
    cmd.arg("eval")
        .arg("--references")
        .arg(references)
        .arg("--summaries")
        .arg(summaries)
        .env_remove("ABRIDGE_ROUGE_EXCEPTIONS");
    cmd
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Asserts recall, precision and F1 (percent) of one measure.
fn assert_prf(measure: &Value, recall: f64, precision: f64, f1: f64) {
    for (key, want) in [("recall", recall), ("precision", precision), ("f1", f1)] {
        let got = measure[key].as_f64().expect("a number");
        assert!(
            (got - want).abs() < 1e-3,
            "{key}: got {got}, want {want} in {measure}"
        );
    }
}

#[test]
fn an_identical_summary_scores_100() {
    let text = "The cat sat on the mat.\nIt was a sunny day in Paris.\n";
    let case = Case::new()
        .reference("t1.A", text)
        .reference("t1.B", text)
        .summary("t1", text);
    let v = case.json(&[]);
    assert_eq!(v["topics"], 1);
    for m in ["rouge1", "rouge2", "rougeL"] {
        assert_prf(&v[m], 100.0, 100.0, 100.0);
    }
}

#[test]
fn a_disjoint_summary_scores_0() {
    let case = Case::new()
        .reference("t1.A", "The cat sat on the mat.\n")
        .summary("t1.txt", "Dogs bark loudly.\n");
    let v = case.json(&[]);
    for m in ["rouge1", "rouge2", "rougeL"] {
        assert_prf(&v[m], 0.0, 0.0, 0.0);
    }
}

/// References "the cat sat on the mat" and "a cat lay on a mat" (6 words, 5 bigrams each);
/// summary "on the mat the cat lay down" (7 words, 6 bigrams).
/// - ROUGE-1: against A, the×2 cat on mat = 5; against B, cat lay on mat = 4. R = 9/12,
///   P = 9/(7·2) = 9/14, F = 2·9/(12+14) = 18/26.
/// - ROUGE-2: against A, "the cat" "on the" "the mat" = 3; against B, "cat lay" = 1. R = 4/10,
///   P = 4/(6·2) = 4/12, F = 8/22.
/// - ROUGE-L: LCS with A is "on the mat" (3), with B "cat lay" or "on mat" (2). R = 5/12,
///   P = 5/14, F = 10/26.
#[test]
fn a_small_case_worked_by_hand() {
    let case = Case::new()
        .reference("t1.m.A", "the cat sat on the mat\n")
        .reference("t1.m.B", "a cat lay on a mat\n")
        .summary("t1", "On the mat the cat lay down.\n");
    let v = case.json(&[]);
    assert_prf(&v["rouge1"], 75.0, 900.0 / 14.0, 1800.0 / 26.0);
    assert_prf(&v["rouge2"], 40.0, 400.0 / 12.0, 800.0 / 22.0);
    assert_prf(&v["rougeL"], 500.0 / 12.0, 500.0 / 14.0, 1000.0 / 26.0);
    let t = &v["per_topic"][0];
    assert_eq!(t["topic"], "t1");
    assert_eq!(t["summary"], true);
    assert_eq!(t["references"], 2);
    assert_eq!(t["rouge1"]["hits"], 9);
    assert_eq!(t["rouge1"]["reference_count"], 12);
    assert_eq!(t["rouge1"]["summary_count"], 14);
    assert_eq!(t["rouge2"]["hits"], 4);
    assert_eq!(t["rougeL"]["hits"], 5);

    let out = case.run(&["--per-topic"]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "t1 R1=75.00 P1=64.29 F1=69.23 R2=40.00 P2=33.33 F2=36.36 RL=41.67 PL=35.71 FL=38.46\n\
         ROUGE-1 R=75.00 P=64.29 F=69.23\n\
         ROUGE-2 R=40.00 P=33.33 F=36.36\n\
         ROUGE-L R=41.67 P=35.71 F=38.46\n\
         topics=1 mode=-l 100\n"
    );
}

#[test]
fn summary_lines_are_sentences_for_rouge_l() {
    // "b a" on one line shares one word in order with "a b"; on two lines each line's LCS
    // marks one of the two words, and their union covers both.
    let one = Case::new()
        .reference("t.A", "alpha beta\n")
        .summary("t", "beta alpha\n");
    let two = Case::new()
        .reference("t.A", "alpha beta\n")
        .summary("t", "beta\nalpha\n");
    assert_prf(&one.json(&[])["rougeL"], 50.0, 50.0, 50.0);
    assert_prf(&two.json(&[])["rougeL"], 100.0, 100.0, 100.0);
}

#[test]
fn truncation_at_n_words_applies_to_summaries_and_references() {
    let case = Case::new()
        .reference("t.A", "one two three four five\n")
        .summary("t", "one two\nthree six seven\n");
    // All of it: 3 of the 5 reference words.
    assert_prf(&case.json(&[])["rouge1"], 60.0, 60.0, 60.0);
    // The first 3 words of each: "one two three" both times.
    let v = case.json(&["--words", "3"]);
    assert_prf(&v["rouge1"], 100.0, 100.0, 100.0);
    assert_prf(&v["rouge2"], 100.0, 100.0, 100.0);
    assert_eq!(v["mode"]["unit"], "words");
    assert_eq!(v["mode"]["limit"], 3);
    assert_eq!(v["mode"]["rouge155"], "-n 2 -m -f A -l 3");
    // Four words: "one two three four" against "one two three six".
    assert_prf(&case.json(&["--words", "4"])["rouge1"], 75.0, 75.0, 75.0);
}

#[test]
fn truncation_at_n_bytes_counts_characters() {
    let case = Case::new()
        .reference("t.A", "abc def\n")
        .summary("t", "abc xyz\n");
    assert_prf(&case.json(&[])["rouge1"], 50.0, 50.0, 50.0);
    let v = case.json(&["--bytes", "3"]);
    assert_prf(&v["rouge1"], 100.0, 100.0, 100.0);
    assert_eq!(v["mode"]["unit"], "bytes");
    let out = case.run(&["--bytes", "3"]);
    assert!(stdout(&out).ends_with("topics=1 mode=-b 3\n"));
}

#[test]
fn a_topic_without_summary_scores_0_with_a_warning() {
    let text = "The cat sat on the mat.\n";
    let case = Case::new()
        .reference("t1.A", text)
        .reference("t2.A", text)
        .summary("t1", text)
        .summary("zz", text);
    let out = case.run(&["--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("1 of 2 topics have no summary") && err.contains("t2"),
        "stderr: {err}"
    );
    assert!(err.contains("match no reference topic") && err.contains("zz"));
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["topics"], 2);
    assert_prf(&v["rouge1"], 50.0, 50.0, 50.0);
    assert_eq!(v["per_topic"][1]["topic"], "t2");
    assert_eq!(v["per_topic"][1]["summary"], false);
    assert_prf(&v["per_topic"][1]["rougeL"], 0.0, 0.0, 0.0);
}

#[test]
fn missing_directories_fail_naming_the_path() {
    let case = Case::new().reference("t.A", "a b c\n");
    let missing = case.dir.path().join("nowhere");
    let (refs, sums) = (case.refs(), case.sums());
    for (flag, r, s) in [
        ("--references", &missing, &sums),
        ("--summaries", &refs, &missing),
    ] {
        let out = eval_cmd(r, s).output().expect("abridge runs");
        assert_eq!(out.status.code(), Some(1), "{flag}");
        let err = stderr(&out);
        assert!(
            err.contains(&missing.display().to_string()),
            "{flag}: {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn an_empty_reference_directory_is_an_error() {
    let case = Case::new().summary("t", "a b c\n");
    let out = case.run(&[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no reference summaries"));
}

#[test]
fn an_unreadable_summary_fails_naming_it() {
    let case = Case::new().reference("t.A", "a b c\n");
    // A dangling symlink: listed, but cannot be read.
    std::os::unix::fs::symlink(case.dir.path().join("gone"), case.sums().join("t"))
        .expect("symlink");
    let out = case.run(&[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(&case.sums().join("t").display().to_string()));
}

#[test]
fn zero_limits_are_usage_errors() {
    let case = Case::new().reference("t.A", "a\n").summary("t", "a\n");
    assert_eq!(case.run(&["--words", "0"]).status.code(), Some(2));
    assert_eq!(case.run(&["--bytes", "0"]).status.code(), Some(2));
}

fn exceptions_file(dir: &Path) -> PathBuf {
    let path = dir.join("exceptions.tsv");
    fs::write(&path, "children\tchild\nfeet\tfoot\n").expect("write exceptions");
    path
}

#[test]
fn the_exception_list_maps_forms_before_stemming() {
    // The base form replaces the word and is not stemmed further (ROUGE-1.5.5's MorphStem).
    let case = Case::new()
        .reference("t.A", "The child hurt a foot.\n")
        .summary("t", "The children hurt two feet.\n");
    let exc = exceptions_file(case.dir.path());
    let exc = exc.to_str().expect("UTF-8 path");

    // Without the list "children" and "feet" stay apart: "the" and "hurt", 2 of 5 words.
    let out = case.run(&["--format", "json"]);
    assert!(
        stderr(&out).contains("scores may differ slightly from ROUGE-1.5.5"),
        "stderr: {}",
        stderr(&out)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_prf(&v["rouge1"], 40.0, 40.0, 40.0);
    assert_eq!(v["mode"]["exceptions"], false);

    let v = case.json(&["--exceptions", exc]);
    assert_prf(&v["rouge1"], 80.0, 80.0, 80.0);
    assert_eq!(v["mode"]["exceptions"], true);

    // The environment variable stands in for the flag.
    let out = eval_cmd(&case.refs(), &case.sums())
        .args(["--format", "json"])
        .env("ABRIDGE_ROUGE_EXCEPTIONS", exc)
        .output()
        .expect("abridge runs");
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).is_empty(), "stderr: {}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_prf(&v["rouge1"], 80.0, 80.0, 80.0);
}

#[test]
fn a_bad_exception_list_fails_naming_it() {
    let case = Case::new().reference("t.A", "a\n").summary("t", "a\n");
    let bad = case.dir.path().join("bad.tsv");
    fs::write(&bad, "no tab on this line\n").expect("write");
    let out = case.run(&["--exceptions", bad.to_str().expect("UTF-8")]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("bad.tsv") && err.contains("line 1"), "{err}");
    let missing = case.dir.path().join("missing.tsv");
    let out = case.run(&["--exceptions", missing.to_str().expect("UTF-8")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("missing.tsv"));
}
