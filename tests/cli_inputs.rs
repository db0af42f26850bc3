//! The input contract, end to end: runs the `abridge` binary on temporary directories.

use std::fs;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const TABLE_ARTICLE: &str =
    "Seats by party are in this table:\nParty | Seats |\n---|---|\nGreens | 12 |\nThe count ended.\n";

fn abridge() -> Command {
    Command::new(env!("CARGO_BIN_EXE_abridge"))
}

fn run(args: &[&str], dir: &Path) -> Output {
    abridge()
        .args(args)
        .current_dir(dir)
        .output()
        .expect("abridge runs")
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

fn sources(value: &serde_json::Value) -> Vec<String> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .map(|d| d["source"].as_str().expect("a source").to_string())
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn bad_files_warn_and_the_rest_still_come_out() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("a-good.txt"), TABLE_ARTICLE).unwrap();
    fs::write(d.join("b-binary.txt"), b"PK\x03\x04\x00\x00\x10binary").unwrap();
    fs::write(
        d.join("c-latin1.txt"),
        b"Caf\xe9 | Price |\n---|---|\nTea | 2 |\n",
    )
    .unwrap();
    fs::write(d.join("d-empty.txt"), b"").unwrap();
    fs::write(d.join("e-crlf.txt"), TABLE_ARTICLE.replace('\n', "\r\n")).unwrap();

    let out = run(&["tables", "."], d);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let value = json(&out);
    assert_eq!(
        sources(&value),
        ["a-good.txt", "c-latin1.txt", "d-empty.txt", "e-crlf.txt"]
    );
    assert_eq!(value[0]["tables"][0]["rows"][0][0], "Greens");
    assert_eq!(value[1]["tables"][0]["header"][0], "Caf\u{FFFD}");
    assert_eq!(value[2]["tables"], serde_json::json!([]));
    assert_eq!(
        value[3]["tables"], value[0]["tables"],
        "CRLF gives the same table"
    );
    let err = stderr(&out);
    for name in ["b-binary.txt", "c-latin1.txt", "d-empty.txt"] {
        assert!(
            err.lines()
                .any(|l| l.contains("warning") && l.contains(name)),
            "no warning for {name} in: {err}"
        );
    }
    assert!(
        !err.contains("a-good.txt"),
        "no warning for a good file: {err}"
    );

    let quiet = run(&["tables", "--quiet", "."], d);
    assert!(quiet.stderr.is_empty(), "--quiet silences warnings");
}

#[test]
fn an_unreadable_file_is_named_and_exits_1_with_the_other_results() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::set_permissions(d, fs::Permissions::from_mode(0o755)).unwrap();
    fs::write(d.join("a.txt"), TABLE_ARTICLE).unwrap();
    fs::write(d.join("locked.txt"), TABLE_ARTICLE).unwrap();
    fs::write(d.join("z.txt"), TABLE_ARTICLE).unwrap();
    fs::set_permissions(d.join("locked.txt"), fs::Permissions::from_mode(0o000)).unwrap();

    // Root reads any file, so as root the binary runs as `nobody` to meet a real EACCES.
    let is_root = fs::metadata("/proc/self")
        .map(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0)
        .unwrap_or(false);
    let mut command = if is_root {
        if !Path::new("/usr/bin/setpriv").exists() {
            println!("permission-denied case: skipped (running as root without setpriv)");
            return;
        }
        let mut c = Command::new("/usr/bin/setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(env!("CARGO_BIN_EXE_abridge"));
        c
    } else {
        abridge()
    };
    let out = command
        .args(["tables", "."])
        .current_dir(d)
        .output()
        .unwrap();
    if out.status.code() == Some(0) && stderr(&out).is_empty() && !is_root {
        println!("permission-denied case: skipped (this user can read mode-000 files)");
        return;
    }
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("locked.txt") && err.to_lowercase().contains("permission denied"),
        "{err}"
    );
    assert_eq!(sources(&json(&out)), ["a.txt", "z.txt"]);
}

#[test]
fn a_missing_path_is_an_input_failure_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), TABLE_ARTICLE).unwrap();
    let out = run(&["lists", "nope.txt", "a.txt"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("nope.txt"));
    assert_eq!(sources(&json(&out)), ["a.txt"]);
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        run(&["tables", "--format", "xml", "."], dir.path())
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        run(&["tables", "--glob", "[", "."], dir.path())
            .status
            .code(),
        Some(2)
    );
    assert_eq!(run(&["frobnicate"], dir.path()).status.code(), Some(2));
}

#[test]
fn walks_are_sorted_recursive_filtered_and_skip_hidden_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir_all(d.join("b/sub")).unwrap();
    fs::create_dir_all(d.join(".hidden")).unwrap();
    for name in [
        "b/sub/z.md",
        "b/a.txt",
        "c.markdown",
        "a.txt",
        "notes.rtf",
        ".dot.txt",
        ".hidden/x.txt",
    ] {
        fs::write(d.join(name), "- one\n- two\n").unwrap();
    }
    let out = run(&["lists", "."], d);
    assert_eq!(
        sources(&json(&out)),
        ["a.txt", "b/a.txt", "b/sub/z.md", "c.markdown"]
    );
    let out = run(&["lists", "--glob", "*.rtf", "."], d);
    assert_eq!(sources(&json(&out)), ["notes.rtf"]);
}

#[test]
fn symlink_loops_are_reported_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir(d.join("docs")).unwrap();
    fs::write(d.join("docs/a.txt"), "- one\n").unwrap();
    std::os::unix::fs::symlink(".", d.join("docs/loop")).unwrap();
    std::os::unix::fs::symlink("a.txt", d.join("docs/same.txt")).unwrap();
    let out = run(&["lists", "docs"], d);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(sources(&json(&out)), ["docs/a.txt"]);
    assert!(stderr(&out).contains("loop"));
}

#[test]
fn a_dangling_link_in_a_walk_is_named_and_the_other_files_come_out() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir_all(d.join("docs/sub")).unwrap();
    fs::write(d.join("docs/a.txt"), "- one\n").unwrap();
    fs::write(d.join("docs/sub/c.txt"), "- three\n").unwrap();
    std::os::unix::fs::symlink("gone.txt", d.join("docs/b.txt")).unwrap();
    // A link to a directory is walked as the directory.
    std::os::unix::fs::symlink("sub", d.join("docs/linked")).unwrap();
    let out = run(&["lists", "docs"], d);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("error: docs/b.txt: No such file or directory"),
        "{}",
        stderr(&out)
    );
    // docs/linked/c.txt is docs/sub/c.txt reached again: read once, under the first name.
    assert_eq!(sources(&json(&out)), ["docs/a.txt", "docs/linked/c.txt"]);
}

#[test]
fn stdin_is_read_for_dash_and_when_no_path_is_given() {
    for args in [
        &["tables", "--format", "jsonl", "-"][..],
        &["tables", "--format", "jsonl"],
    ] {
        let mut child = abridge()
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(TABLE_ARTICLE.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert_eq!(text.lines().count(), 1, "{args:?}");
        let record: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(record["source"], "-");
        assert_eq!(
            record["tables"][0]["caption"],
            "Seats by party are in this table:"
        );
    }
}

#[test]
fn jsonl_streams_one_record_per_document_in_order() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["2.txt", "1.txt", "10.txt"] {
        fs::write(dir.path().join(name), TABLE_ARTICLE).unwrap();
    }
    let out = run(&["tables", "--format", "jsonl", "."], dir.path());
    let names: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["source"].to_string())
        .collect();
    assert_eq!(names, ["\"1.txt\"", "\"10.txt\"", "\"2.txt\""]);
}

#[test]
fn output_file_is_written_whole_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir(d.join("in")).unwrap();
    fs::create_dir(d.join("out")).unwrap();
    fs::write(d.join("in/a.txt"), TABLE_ARTICLE).unwrap();
    let out = run(
        &["tables", "in", "--format", "csv", "--output", "out/t.csv"],
        d,
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert_eq!(
        fs::read_to_string(d.join("out/t.csv")).unwrap(),
        "Party,Seats\nGreens,12\n"
    );
    let left: Vec<_> = fs::read_dir(d.join("out")).unwrap().collect();
    assert_eq!(left.len(), 1, "only the result file remains");

    let bad = run(&["tables", "in", "--output", "missing-dir/t.json"], d);
    assert_ne!(bad.status.code(), Some(0));
    assert!(stderr(&bad).contains("missing-dir"));
}

#[test]
fn output_to_a_fifo_or_through_a_symlink_keeps_what_is_there() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("a.txt"), TABLE_ARTICLE).unwrap();

    // A FIFO (as /dev/null or a terminal) is written to, not renamed over.
    let fifo = d.join("pipe");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if made.map(|s| s.success()).unwrap_or(false) {
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
        };
        let out = run(
            &["tables", "a.txt", "--format", "csv", "--output", "pipe"],
            d,
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        // Checked before joining: had the FIFO been renamed over, the reader would wait forever.
        assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
        assert_eq!(reader.join().unwrap(), "Party,Seats\nGreens,12\n");
    } else {
        eprintln!("skipped: the FIFO case (mkfifo not available)");
    }

    // Through a symbolic link: the link stays, the file it leads to gets the result.
    fs::create_dir(d.join("real")).unwrap();
    fs::write(d.join("real/t.csv"), "old").unwrap();
    std::os::unix::fs::symlink("real/t.csv", d.join("link.csv")).unwrap();
    let out = run(&["tables", "a.txt", "--format", "csv", "-o", "link.csv"], d);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(fs::symlink_metadata(d.join("link.csv"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(
        fs::read_to_string(d.join("real/t.csv")).unwrap(),
        "Party,Seats\nGreens,12\n"
    );

    let out = run(&["tables", "a.txt", "-o", "real"], d);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("real: it is a directory"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn markdown_and_csv_formats() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), TABLE_ARTICLE).unwrap();
    let md = run(&["tables", "--format", "markdown", "a.txt"], dir.path());
    assert_eq!(
        String::from_utf8(md.stdout).unwrap(),
        "<!-- source: a.txt -->\n\nSeats by party are in this table:\n\n| Party | Seats |\n| --- | --- |\n| Greens | 12 |\n"
    );
    fs::write(dir.path().join("l.txt"), "Do this:\n- a\n  - b\n1. c\n").unwrap();
    let md = run(&["lists", "--format", "markdown", "l.txt"], dir.path());
    assert_eq!(
        String::from_utf8(md.stdout).unwrap(),
        "<!-- source: l.txt -->\n\n- a\n  - b\n\n1. c\n"
    );
}
