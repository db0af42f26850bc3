//! HTML input end to end, and bad HTML input: runs the `abridge` binary.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

const PAGE: &str = "<!doctype html><html><head><title>Ferry Fares Rise | Harbor Herald</title></head><body><nav><a href=/>Home</a></nav><article><p>Ferry fares on the harbour routes will rise in April, the council said on Tuesday after a long meeting.</p><p>The new fares were approved by seven votes to two, and will be reviewed again next winter.</p></article></body></html>";

fn run(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_abridge"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("abridge runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn directories_take_html_pages_and_every_command_reads_them() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("a.html"), PAGE).unwrap();
    fs::write(d.join("b.htm"), PAGE.replace("April", "May")).unwrap();
    for cmd in ["clean", "sentences", "extract", "tables", "lists"] {
        let out = run(&[cmd, ".", "--format", "json"], d);
        assert_eq!(out.status.code(), Some(0), "{cmd}: {}", stderr(&out));
        let text = stdout(&out);
        assert!(
            text.contains("a.html") && text.contains("b.htm"),
            "{cmd}: {text}"
        );
        assert!(!text.contains("<p>"), "{cmd}: {text}");
    }
    let out = run(&["summarize", ".", "--words", "30"], d);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("Ferry fares"), "{}", stdout(&out));
    let out = run(&["clean", "a.html", "--format", "json"], d);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["title"], "Ferry Fares Rise");
    assert!(!stdout(&out).contains("Home"));
}

#[test]
fn standard_input_and_other_names_are_sniffed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(
        d.join("page.saved"),
        format!("\u{feff}  <!-- saved -->\n{PAGE}"),
    )
    .unwrap();
    let out = run(&["clean", "page.saved"], d);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("Ferry Fares Rise\n\nFerry fares on the harbour"),
        "{text}"
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_abridge"))
        .args(["clean", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(PAGE.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(stdout(&out).contains("Ferry fares on the harbour"));
    assert!(!stdout(&out).contains("<article>"));
}

#[test]
fn bad_pages_warn_by_name_and_the_others_come_out() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("a-good.html"), PAGE).unwrap();
    fs::write(
        d.join("b-binary.html"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    )
    .unwrap();
    // Declared windows-1252, with bytes that are not UTF-8: decoded, no warning.
    fs::write(
        d.join("c-cp1252.html"),
        b"<html><head><meta charset=\"windows-1252\"></head><body><p>The caf\xe9 on the quay said \x93fares are too high\x94 and the council agreed to review them before the spring.</p></body></html>",
    )
    .unwrap();
    // Undeclared and not UTF-8: replaced, with a warning naming the file.
    fs::write(
        d.join("d-latin.html"),
        b"<html><body><p>Caf\xe9 owners on the quay said the fares are too high for most of the visitors.</p></body></html>",
    )
    .unwrap();
    fs::write(
        d.join("e-script.html"),
        "<html><head><script>while (true) {}</script></head></html>",
    )
    .unwrap();
    fs::write(d.join("f-truncated.html"), &PAGE[..PAGE.len() / 2]).unwrap();
    let out = run(&["clean", ".", "--format", "json"], d);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("b-binary.html") && err.contains("binary"),
        "{err}"
    );
    assert!(
        err.contains("d-latin.html") && err.contains("invalid UTF-8"),
        "{err}"
    );
    assert!(!err.contains("c-cp1252.html"), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sources: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["source"].as_str().unwrap())
        .collect();
    assert_eq!(
        sources,
        [
            "a-good.html",
            "c-cp1252.html",
            "d-latin.html",
            "e-script.html",
            "f-truncated.html"
        ]
    );
    let text = stdout(&out);
    assert!(
        text.contains("caf\u{e9} on the quay said \u{201c}fares are too high\u{201d}"),
        "{text}"
    );
    assert!(!text.contains("while (true)"));
    assert_eq!(v[3]["blocks"].as_array().unwrap().len(), 0);
}

#[test]
fn a_large_and_a_deep_page() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut big = String::from("<html><body><article>");
    let para = "<p>Ferry fares on the harbour routes will rise in April, the council said on Tuesday, after a long and heated meeting.</p>\n";
    while big.len() < 50 * 1024 * 1024 {
        big.push_str(para);
    }
    big.push_str("</article></body></html>");
    fs::write(d.join("big.html"), &big).unwrap();
    let depth = 100_000;
    let deep = format!(
        "<html><body>{}<p>The one paragraph at the bottom of a very deep page, long enough to be prose.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    fs::write(d.join("deep.html"), deep).unwrap();
    let out = run(&["clean", "deep.html", "big.html"], d);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("The one paragraph at the bottom"));
    assert!(text.contains("Ferry fares on the harbour routes"));
}

#[test]
fn no_title_prints_the_body_alone() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("a.html"), PAGE).unwrap();
    let with = stdout(&run(&["clean", "a.html"], d));
    let without = run(&["clean", "a.html", "--no-title"], d);
    assert_eq!(without.status.code(), Some(0), "{}", stderr(&without));
    assert!(
        with.starts_with("Ferry Fares Rise\n\nFerry fares on"),
        "{with}"
    );
    // The same text, less the title's line and the blank line after it.
    assert_eq!(stdout(&without), with["Ferry Fares Rise\n\n".len()..]);
    // JSON keeps the title in its field.
    let json = run(&["clean", "a.html", "--no-title", "--format", "json"], d);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v[0]["title"], "Ferry Fares Rise");
}
