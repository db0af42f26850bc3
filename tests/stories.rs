//! `abridge stories`: the fixture folder of mixed stories end to end (snapshots of the JSON and
//! text outputs), the grouping it must find, the edge cases, and properties of the library's
//! grouping (every document in exactly one story; the same partition for any input order).

mod common;

use abridge::corpus::Document;
use abridge::stories::{stories_of, StoryOptions};
use proptest::prelude::*;
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

fn stories_dir() -> std::path::PathBuf {
    common::fixture_path(&["stories"])
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Each story's document file names.
fn membership(json: &serde_json::Value) -> Vec<Vec<String>> {
    json["stories"]
        .as_array()
        .expect("stories")
        .iter()
        .map(|s| {
            s["documents"]
                .as_array()
                .expect("documents")
                .iter()
                .map(|d| {
                    let source = d["source"].as_str().expect("source");
                    source.rsplit('/').next().unwrap_or(source).to_string()
                })
                .collect()
        })
        .collect()
}

#[test]
fn mixed_folder_json_snapshot_and_grouping() {
    let out = abridge(
        &["stories", "mixed", "--words", "40", "--format", "json"],
        &stories_dir(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    common::snapshot_settings().bind(|| insta::assert_snapshot!("stories@mixed.json", text));
    let json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let groups = membership(&json);
    // Largest first; within a story by date, then path (the copy shares the first one's date).
    assert_eq!(
        groups,
        [
            vec![
                "barrier-1-harbour-herald.txt",
                "barrier-2-coast-wire.txt",
                "barrier-4-valley-post-copy.txt",
                "barrier-3-kellport-today.txt"
            ],
            vec![
                "launch-1-orbit-desk.txt",
                "launch-2-launchpad-weekly.txt",
                "launch-3-southern-courier.txt"
            ],
            // The same mayor in two stories: a bridge opening and a budget revolt stay apart.
            vec![
                "mayor-bridge-1-city-echo.txt",
                "mayor-bridge-2-brenna-news.txt"
            ],
            vec![
                "mayor-schools-1-city-echo.txt",
                "mayor-schools-2-teachers-voice.txt"
            ],
            vec!["recipe-alone.txt"],
        ]
    );
    let first = &json["stories"][0];
    assert_eq!(
        first["title"],
        "Kellport Council Backs Movable Flood Barrier for the Dunmere Estuary"
    );
    assert_eq!(
        first["dates"],
        serde_json::json!(["2025-04-02", "2025-04-03"])
    );
    assert_eq!(json["stories"][4]["dates"], serde_json::Value::Null);
    // The republished copy counts once: its sentences never reach the summary.
    for story in json["stories"].as_array().unwrap() {
        assert!(story["summary"]["words"].as_u64().unwrap() <= 40);
        for s in story["summary"]["sentences"].as_array().unwrap() {
            assert!(!s["source"].as_str().unwrap().contains("copy"), "{s}");
        }
    }
    assert!(stderr(&out).contains("12 documents in 5 stories (1 of one document)"));
}

#[test]
fn mixed_folder_text_snapshot() {
    let out = abridge(&["stories", "mixed", "--words", "40"], &stories_dir());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    common::snapshot_settings().bind(|| insta::assert_snapshot!("stories@mixed.txt", text));
    assert!(text.starts_with("Story 1: Kellport Council Backs Movable Flood Barrier"));
}

#[test]
fn jsonl_markdown_and_min_documents() {
    let dir = stories_dir();
    let out = abridge(
        &[
            "stories",
            "mixed",
            "--format",
            "jsonl",
            "--min-documents",
            "3",
        ],
        &dir,
    );
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["id"], 2);
    assert!(
        stderr(&out).contains("3 stories of fewer than 3 documents hidden"),
        "{}",
        stderr(&out)
    );
    let md = abridge(&["stories", "mixed", "--format", "markdown"], &dir);
    let md = stdout(&md);
    assert!(md.starts_with("## 1. Kellport Council"), "{md}");
    assert!(md.contains("*2025-04-02 to 2025-04-03 · 4 documents*"));
}

#[test]
fn same_bytes_for_any_thread_count_and_argument_order() {
    let dir = stories_dir().join("mixed");
    let mut files: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    let run = |threads: &str, files: &[String]| {
        let mut args = vec!["--threads", threads, "stories", "--format", "json"];
        args.extend(files.iter().map(String::as_str));
        let out = abridge(&args, &dir);
        assert!(out.status.success());
        out.stdout
    };
    let one = run("1", &files);
    assert_eq!(one, run("2", &files));
    files.reverse();
    assert_eq!(one, run("2", &files));
}

#[test]
fn summarize_warns_about_several_stories_and_keeps_its_output() {
    let dir = stories_dir();
    let out = abridge(&["summarize", "mixed", "--words", "60"], &dir);
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("the input holds 2 stories of 3 or more documents")
            && stderr(&out).contains("abridge stories"),
        "{}",
        stderr(&out)
    );
    let quiet = abridge(&["-q", "summarize", "mixed", "--words", "60"], &dir);
    assert_eq!(out.stdout, quiet.stdout);
    assert!(quiet.stderr.is_empty());
    // One story: no warning.
    let one = abridge(
        &[
            "summarize",
            "mixed/launch-1-orbit-desk.txt",
            "mixed/launch-2-launchpad-weekly.txt",
            "mixed/launch-3-southern-courier.txt",
        ],
        &dir,
    );
    assert!(!stderr(&one).contains("stories"), "{}", stderr(&one));
}

#[test]
fn edge_cases_give_sensible_output() {
    let tmp = tempfile::tempdir().unwrap();
    let empty = tmp.path().join("empty");
    fs::create_dir(&empty).unwrap();
    let out = abridge(&["stories", "empty", "--format", "json"], tmp.path());
    assert!(out.status.success());
    assert_eq!(stdout(&out), "{\n  \"stories\": []\n}\n");
    assert!(stderr(&out).contains("no document to group into stories"));

    let one = tmp.path().join("one");
    fs::create_dir(&one).unwrap();
    fs::write(
        one.join("a.txt"),
        "The Heron-2 rocket launch was scrubbed on Sunday after a fuel valve failed. Engineers will inspect the valve.\n",
    )
    .unwrap();
    let out = abridge(&["stories", "one", "--format", "json"], tmp.path());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(membership(&json), [vec!["a.txt"]]);
    assert_eq!(json["stories"][0]["documents"][0]["similarity"], 1.0);
    assert!(json["stories"][0]["title"]
        .as_str()
        .unwrap()
        .starts_with("The Heron-2 rocket launch"));

    // Identical documents: one story, each sentence once in its summary.
    let same = tmp.path().join("same");
    fs::create_dir(&same).unwrap();
    let text = "Mayor Ilse Brandvik opened the Tarrow footbridge on Friday. The bridge cost 9 million pounds to build.\n";
    for name in ["a.txt", "b.txt", "c.txt"] {
        fs::write(same.join(name), text).unwrap();
    }
    let out = abridge(&["stories", "same", "--format", "json"], tmp.path());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(membership(&json), [vec!["a.txt", "b.txt", "c.txt"]]);
    let sentences = json["stories"][0]["summary"]["sentences"]
        .as_array()
        .unwrap();
    assert_eq!(sentences.len(), 2);
    assert!(sentences
        .iter()
        .all(|s| s["source"].as_str().unwrap().ends_with("a.txt")));

    // A document with no sentences (only page furniture) is a story of its own, empty summary;
    // a missing file is named, and the other documents still come out (exit status 1).
    let furniture = tmp.path().join("furniture");
    fs::create_dir(&furniture).unwrap();
    fs::write(furniture.join("menu.txt"), "Home | News | Sport\n").unwrap();
    fs::write(furniture.join("story.txt"), text).unwrap();
    let out = abridge(
        &["stories", "furniture", "missing.txt", "--format", "json"],
        tmp.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("missing.txt"), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut groups = membership(&json);
    groups.sort();
    assert_eq!(groups, [vec!["menu.txt"], vec!["story.txt"]]);
    let menu = json["stories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| {
            s["documents"][0]["source"]
                .as_str()
                .unwrap()
                .ends_with("menu.txt")
        })
        .unwrap();
    assert_eq!(menu["summary"]["words"], 0);

    let bad = abridge(&["stories", "one", "--threshold", "0"], tmp.path());
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("--threshold must be in (0, 1]"));
}

/// Documents drawn from a few stories, each with its own words.
fn corpus() -> impl Strategy<Value = Vec<(usize, Vec<usize>)>> {
    prop::collection::vec((0usize..4, prop::collection::vec(0usize..12, 4..12)), 0..14)
}

const STORY_WORDS: [[&str; 12]; 4] = [
    [
        "harbour", "barrier", "estuary", "gates", "surge", "council", "levy", "flood", "traders",
        "steel", "Kellport", "Dunmere",
    ],
    [
        "rocket",
        "launch",
        "valve",
        "countdown",
        "satellite",
        "orbit",
        "engineers",
        "spaceport",
        "fuel",
        "stage",
        "Heron",
        "Skarda",
    ],
    [
        "bridge",
        "footbridge",
        "river",
        "park",
        "station",
        "cyclists",
        "ribbon",
        "walkers",
        "lamps",
        "handrail",
        "Tarrow",
        "Brenna",
    ],
    [
        "school",
        "roofs",
        "classrooms",
        "budget",
        "teachers",
        "repairs",
        "rain",
        "revolt",
        "cuts",
        "vote",
        "Brandvik",
        "primary",
    ],
];

fn documents(layout: &[(usize, Vec<usize>)]) -> Vec<Document> {
    layout
        .iter()
        .enumerate()
        .map(|(i, (story, words))| {
            let w = &STORY_WORDS[*story];
            let sentences: Vec<String> = words
                .chunks(3)
                .map(|c| {
                    let picked: Vec<&str> = c.iter().map(|&k| w[k]).collect();
                    format!("The {} were in the news again today.", picked.join(" and "))
                })
                .collect();
            Document {
                source: format!("doc-{i:02}.txt"),
                text: sentences.join(" "),
            }
        })
        .collect()
}

fn partition(stories: &[abridge::stories::Story]) -> Vec<Vec<String>> {
    let mut groups: Vec<Vec<String>> = stories
        .iter()
        .map(|s| {
            let mut g: Vec<String> = s.documents.iter().map(|d| d.source.clone()).collect();
            g.sort();
            g
        })
        .collect();
    groups.sort();
    groups
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    /// Every input document is in exactly one story, and the stories (partition and bytes) are
    /// the same for any order of the input documents.
    #[test]
    fn every_document_in_one_story_for_any_order(layout in corpus(), seed in any::<u64>()) {
        let docs = documents(&layout);
        let options = StoryOptions::default();
        let stories = stories_of(&docs, &options).unwrap();
        let mut seen: Vec<String> = stories
            .iter()
            .flat_map(|s| s.documents.iter().map(|d| d.source.clone()))
            .collect();
        seen.sort();
        let mut expected: Vec<String> = docs.iter().map(|d| d.source.clone()).collect();
        expected.sort();
        prop_assert_eq!(&seen, &expected);
        let mut shuffled = docs.clone();
        let mut state = seed;
        for i in (1..shuffled.len()).rev() {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (state >> 33) as usize % (i + 1));
        }
        let again = stories_of(&shuffled, &options).unwrap();
        prop_assert_eq!(partition(&stories), partition(&again));
        prop_assert_eq!(
            serde_json::to_string(&stories).unwrap(),
            serde_json::to_string(&again).unwrap()
        );
    }
}

/// `--query`: the story the question is about comes first whatever its size, reports the
/// highest relevance, is summarised toward the question; the grouping itself does not change;
/// a question with no content word is refused with the library's message.
#[test]
fn query_orders_stories_by_relevance_and_focuses_their_summaries() {
    let plain = abridge(
        &["stories", "mixed", "--words", "40", "--format", "json"],
        &stories_dir(),
    );
    assert!(plain.status.success(), "{}", stderr(&plain));
    let plain: serde_json::Value = serde_json::from_str(&stdout(&plain)).unwrap();
    for (question, marker) in [
        ("rocket launch fuel valve", "launch-"),
        ("footbridge opening", "mayor-bridge-"),
    ] {
        let out = abridge(
            &[
                "stories", "mixed", "--words", "40", "--format", "json", "--query", question,
            ],
            &stories_dir(),
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        let groups = membership(&json);
        assert!(
            groups[0].iter().all(|name| name.starts_with(marker)),
            "{question}: first story {:?}",
            groups[0]
        );
        let mut sorted = groups.clone();
        sorted.sort();
        let mut expected = membership(&plain);
        expected.sort();
        assert_eq!(sorted, expected, "{question}: the grouping changed");
        let stories = json["stories"].as_array().unwrap();
        let relevance: Vec<f64> = stories
            .iter()
            .map(|s| s["relevance"].as_f64().expect("relevance"))
            .collect();
        assert!(relevance[0] > 0.0, "{question}: {relevance:?}");
        assert!(
            relevance.windows(2).all(|w| w[0] >= w[1]),
            "{question}: {relevance:?}"
        );
        let ids: Vec<u64> = stories.iter().map(|s| s["id"].as_u64().unwrap()).collect();
        assert_eq!(ids, (1..=ids.len() as u64).collect::<Vec<_>>());
        for s in stories[0]["summary"]["sentences"].as_array().unwrap() {
            assert!(s["relevance"].is_number(), "{question}: {s}");
        }
    }
    let bad = abridge(
        &["stories", "mixed", "--query", "the of and"],
        &stories_dir(),
    );
    assert_eq!(bad.status.code(), Some(2), "{}", stderr(&bad));
    assert!(
        stderr(&bad).contains("--query has no content word"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn timings_name_every_stage_and_leave_the_stories_alone() {
    let dir = stories_dir();
    let plain = abridge(&["-q", "stories", "mixed", "--format", "json"], &dir);
    let timed = abridge(
        &["-q", "stories", "mixed", "--format", "json", "--timings"],
        &dir,
    );
    assert!(plain.status.success() && timed.status.success());
    assert_eq!(plain.stdout, timed.stdout);
    assert!(plain.stderr.is_empty(), "{}", stderr(&plain));
    let report = stderr(&timed);
    let every = [
        "read",
        "clean+sentences",
        "look up terms",
        "term bags",
        "story vectors",
        "story pairs",
        "story cosines",
        "story members",
        "story summaries",
    ];
    let one = ["canonical terms", "story clusters", "story titles", "write"];
    for stage in every {
        let line = common::stage_line(&report, stage);
        assert!(line.ends_with("every thread"), "{line}");
    }
    for stage in one {
        let line = common::stage_line(&report, stage);
        assert!(line.ends_with("one thread"), "{line}");
    }
    for stage in ["intern terms", "total", "one-thread stages"] {
        common::stage_line(&report, stage);
    }
    // No question, no relevance stage; with one, it is reported.
    assert!(!report.contains("relevance"), "{report}");
    let asked = abridge(
        &[
            "-q",
            "stories",
            "mixed",
            "--query",
            "flood barrier",
            "--timings",
        ],
        &dir,
    );
    assert!(asked.status.success(), "{}", stderr(&asked));
    let line = common::stage_line(&stderr(&asked), "relevance");
    assert!(line.ends_with("every thread"), "{line}");
}
