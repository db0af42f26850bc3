//! The library's modules form a one-way graph (docs/design.md, "Layers"): this test reads every
//! `crate::` path in each module's source and fails on an edge that is not in the allowed list.
//! `error`, `span`, `par` and `timing` are leaves every module may use, and `testing` (the unit
//! tests' generator, compiled only for tests) too.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Module → the modules it may use. Order of the layers: leaves first.
const ALLOWED: &[(&str, &[&str])] = &[
    ("text", &[]),
    ("markup", &[]),
    ("corpus", &[]),
    ("eval", &["text"]),
    ("article", &["text", "markup", "corpus"]),
    ("rank", &["text"]),
    ("summary", &["article", "text", "rank", "corpus", "markup"]),
    (
        "stories",
        &["article", "text", "rank", "summary", "corpus", "markup"],
    ),
    (
        "extract",
        &["article", "text", "rank", "summary", "corpus", "markup"],
    ),
    (
        "output",
        &[
            "article", "text", "rank", "summary", "corpus", "markup", "extract", "stories", "eval",
        ],
    ),
];
const UTILITIES: &[&str] = &[
    "error", "span", "par", "timing", "testing", "Error", "Result", "Span", "Timings",
];

fn library_src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/abridge/src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The first-level modules named by `crate::` paths in `source`: `crate::a::b` gives `a`,
/// `crate::{a::x, b}` gives `a` and `b`. Comments are skipped.
fn used_modules(source: &str) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    for line in source.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                let mut depth = 1;
                let mut item = String::new();
                let mut items = Vec::new();
                for c in group.chars() {
                    match c {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        ',' if depth == 1 => items.push(std::mem::take(&mut item)),
                        _ if depth == 1 => item.push(c),
                        _ => {}
                    }
                }
                items.push(item);
                for item in items {
                    let name: String = item
                        .trim()
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if !name.is_empty() {
                        used.insert(name);
                    }
                }
            } else {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    used.insert(name);
                }
            }
        }
    }
    used
}

#[test]
fn modules_use_only_the_layers_below_them() {
    let src = library_src();
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut violations = Vec::new();
    let mut modules_seen = BTreeSet::new();
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap();
        let module = relative
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_str()
            .unwrap()
            .trim_end_matches(".rs")
            .to_string();
        if ["lib", "error", "span", "par", "timing", "testing"].contains(&module.as_str()) {
            continue;
        }
        let Some(may_use) = allowed.get(module.as_str()) else {
            violations.push(format!(
                "{}: module `{module}` is not in the layer list",
                relative.display()
            ));
            continue;
        };
        modules_seen.insert(module.clone());
        let source = std::fs::read_to_string(file).unwrap();
        for used in used_modules(&source) {
            if used == module || UTILITIES.contains(&used.as_str()) {
                continue;
            }
            if !may_use.contains(&used.as_str()) {
                violations.push(format!(
                    "{}: `{module}` uses `crate::{used}`",
                    relative.display()
                ));
            }
        }
    }
    assert!(
        violations.is_empty(),
        "edges outside the layer list:\n{}",
        violations.join("\n")
    );
    // The walk found the library (a wrong path would make the test pass vacuously).
    for required in ["text", "markup", "article", "summary", "output"] {
        assert!(
            modules_seen.contains(required),
            "module {required} not found"
        );
    }
}

#[test]
fn the_path_reader_sees_grouped_and_nested_imports() {
    let got = used_modules(
        "use crate::{article::{self, Block}, text};\nlet x = crate::markup::lines(t); // crate::output\n",
    );
    let want: BTreeSet<String> = ["article", "text", "markup"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(got, want);
}

#[test]
fn the_allowed_list_has_no_cycle() {
    // Each module may use only modules listed before it: the list is a topological order.
    for (i, (module, uses)) in ALLOWED.iter().enumerate() {
        for used in *uses {
            let at = ALLOWED.iter().position(|(m, _)| m == used);
            assert!(
                at.is_some_and(|at| at < i),
                "{module} uses {used}, which is not listed before it"
            );
        }
    }
}
