//! `abridge snapshot` end to end, in a temporary folder.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

const A: &str = "Council Approves Ferry Fares\n\nThe council approved new ferry fares on Monday after a long debate. Fares on the island routes rise by four percent in April. Councillors said the rise would pay for two new boats.\n";
const B: &str = "Harbour Works Delayed\n\nThe harbour works will finish a year late, the port authority said on Tuesday. The contractor ran out of steel in the spring. Residents welcomed the quieter summer.\n";

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_abridge"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("abridge runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn create_check_edit_update_add_remove() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    fs::create_dir(d.join("news")).unwrap();
    fs::write(d.join("news/a.txt"), A).unwrap();
    fs::write(d.join("news/b.txt"), B).unwrap();

    // First run writes one snapshot per document and one for the multi-document summary.
    let out = run(d, &["snapshot", "news", "--dir", "snaps"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let mut names: Vec<String> = fs::read_dir(d.join("snaps"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["@summary.json", "news__a.txt.json", "news__b.txt.json"]
    );
    let stored: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(d.join("snaps/news__a.txt.json")).unwrap())
            .unwrap();
    assert_eq!(stored["abridge"], env!("CARGO_PKG_VERSION"));
    assert_eq!(stored["options"]["words"], 60);
    assert_eq!(stored["record"]["title"], "Council Approves Ferry Fares");

    // Unchanged inputs: the check passes.
    let out = run(d, &["snapshot", "news", "--dir", "snaps"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("3 matched, 0 changed, 0 new, 0 removed"));

    // An edited input: a diff naming that document, exit 1, and nothing rewritten.
    fs::write(
        d.join("news/a.txt"),
        A.replace("four percent", "nine percent"),
    )
    .unwrap();
    let before = fs::read_to_string(d.join("snaps/news__a.txt.json")).unwrap();
    let out = run(d, &["snapshot", "news", "--dir", "snaps"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("--- snapshot news__a.txt.json"), "{text}");
    assert!(text.contains("+++ current news/a.txt"), "{text}");
    // The stored side lost the old words, the current side has the new ones.
    let removed = |l: &&str| l.starts_with('-') && !l.starts_with("---");
    let added = |l: &&str| l.starts_with('+') && !l.starts_with("+++");
    assert!(
        text.lines()
            .filter(removed)
            .any(|l| l.contains("four percent")),
        "{text}"
    );
    assert!(
        text.lines()
            .filter(added)
            .any(|l| l.contains("nine percent")),
        "{text}"
    );
    assert!(
        !text
            .lines()
            .filter(added)
            .any(|l| l.contains("four percent")),
        "{text}"
    );
    assert!(
        !text.contains("news__b.txt.json"),
        "b did not change: {text}"
    );
    assert_eq!(
        fs::read_to_string(d.join("snaps/news__a.txt.json")).unwrap(),
        before
    );

    // --update accepts it; the check passes again.
    assert_eq!(
        run(d, &["snapshot", "news", "--dir", "snaps", "--update"])
            .status
            .code(),
        Some(0)
    );
    let out = run(d, &["snapshot", "news", "--dir", "snaps"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));

    // A removed and an added input are both reported.
    fs::remove_file(d.join("news/b.txt")).unwrap();
    fs::write(d.join("news/c.txt"), B.replace("Harbour", "Airport")).unwrap();
    let out = run(d, &["snapshot", "news", "--dir", "snaps"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("new input without a snapshot: news/c.txt"),
        "{text}"
    );
    assert!(
        text.contains("snapshot without an input: news__b.txt.json"),
        "{text}"
    );

    // --update writes the new one and deletes the stale one.
    let out = run(d, &["snapshot", "news", "--dir", "snaps", "--update"]);
    assert!(stdout(&out).contains("removed news__b.txt.json"));
    assert!(
        d.join("snaps/news__c.txt.json").exists() && !d.join("snaps/news__b.txt.json").exists()
    );
    assert_eq!(
        run(d, &["snapshot", "news", "--dir", "snaps"])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn a_corrupt_snapshot_is_named_and_left_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    fs::write(d.join("a.txt"), A).unwrap();
    assert_eq!(
        run(d, &["snapshot", "a.txt", "--dir", "snaps"])
            .status
            .code(),
        Some(0)
    );
    fs::write(d.join("snaps/a.txt.json"), "{ not json").unwrap();
    let out = run(d, &["snapshot", "a.txt", "--dir", "snaps"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("a.txt.json"));
    assert_eq!(
        fs::read_to_string(d.join("snaps/a.txt.json")).unwrap(),
        "{ not json"
    );
    let leftovers: Vec<_> = fs::read_dir(d.join("snaps"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary files left: {leftovers:?}");
}

#[test]
fn extract_jsonl_streams_one_record_per_document() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    fs::write(d.join("a.txt"), A).unwrap();
    fs::write(d.join("b.txt"), B).unwrap();
    let out = run(d, &["extract", "--format", "jsonl", "--words", "20", "."]);
    assert_eq!(out.status.code(), Some(0));
    let records: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["source"], "a.txt");
    for r in &records {
        for key in [
            "title",
            "date",
            "sentences",
            "blocks",
            "tables",
            "lists",
            "summary",
        ] {
            assert!(r.get(key).is_some(), "{key} in {r}");
        }
        assert!(r["summary"]["words"].as_u64().unwrap() <= 20);
        assert_eq!(r["sentences"], 3);
    }
}
