//! `summarize` on larger inputs: the stage report of `--timings`, and the story check's sample
//! above its size limit (the summary itself unchanged by either).

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn abridge(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_abridge"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("abridge runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn timings_name_every_stage_and_leave_the_summary_alone() {
    let dir = common::fixture_path(&["stories"]);
    let plain = abridge(&["-q", "summarize", "mixed", "--words", "60"], &dir);
    let timed = abridge(
        &["-q", "summarize", "mixed", "--words", "60", "--timings"],
        &dir,
    );
    assert!(plain.status.success() && timed.status.success());
    assert_eq!(plain.stdout, timed.stdout);
    let report = stderr(&timed);
    for stage in [
        "read",
        "clean+sentences",
        "look up terms",
        "intern terms",
        "term bags",
        "graph",
        "rank",
        "relevance",
        "select",
        "write",
        "total",
        "one-thread stages",
        "alone",
    ] {
        common::stage_line(&report, stage);
    }
    assert!(report.contains("every thread") && report.contains("one thread"));
    assert!(
        report.contains("one thread, beside clean+sentences"),
        "the interning runs beside the analysis:\n{report}"
    );
    // Without the flag, nothing on stderr under -q.
    assert!(plain.stderr.is_empty(), "{}", stderr(&plain));
    // Without -q the story check runs too: its vectors on every thread, its sample and its
    // clustering on one, beside the ranking.
    let loud = abridge(&["summarize", "mixed", "--words", "60", "--timings"], &dir);
    assert!(loud.status.success());
    assert_eq!(plain.stdout, loud.stdout);
    let report = stderr(&loud);
    let line = |stage: &str| common::stage_line(&report, stage);
    assert!(line("story vectors").ends_with("every thread"), "{report}");
    for stage in ["story sample", "story clusters"] {
        assert!(
            line(stage).ends_with("one thread, beside graph/rank/select"),
            "{report}"
        );
    }
}

#[test]
fn above_the_limit_the_story_check_reads_a_sample() {
    // 1,100 documents: each article of the mixed fixture folder republished under many names.
    let source = common::fixture_path(&["stories", "mixed"]);
    let tmp = std::env::temp_dir().join(format!("abridge-story-sample-{}", std::process::id()));
    let _ = fs::remove_dir_all(&tmp);
    fs::create_dir_all(&tmp).expect("temp dir");
    let mut articles: Vec<_> = fs::read_dir(&source)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    articles.sort();
    let mut written = 0;
    'outer: for copy in 0.. {
        for article in &articles {
            if written == 1100 {
                break 'outer;
            }
            let name = format!(
                "{copy:03}-{}",
                article.file_name().unwrap().to_string_lossy()
            );
            fs::copy(article, tmp.join(name)).expect("copy");
            written += 1;
        }
    }
    let out = abridge(&["summarize", ".", "--words", "60"], &tmp);
    let quiet = abridge(&["-q", "summarize", ".", "--words", "60"], &tmp);
    let _ = fs::remove_dir_all(&tmp);
    assert!(out.status.success(), "{}", stderr(&out));
    let message = stderr(&out);
    assert!(
        message.contains("a sample of 550 of the input's 1100 documents holds")
            && message.contains("abridge stories"),
        "{message}"
    );
    assert_eq!(out.stdout, quiet.stdout);
}
