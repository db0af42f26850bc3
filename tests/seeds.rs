//! Checks against the real scraped seed articles in `../shared/corpus/seeds` (outside the repo, so
//! their text is never copied here). Skipped, with a message, when that folder is absent —
//! except under `ABRIDGE_REQUIRE_SHARED` (set by `.ci/run`), where its absence fails.

mod common;

use abridge::markup::{self, Mode};
use std::path::{Path, PathBuf};

fn seeds_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/seeds");
    dir.is_dir().then_some(dir)
}

/// Reads a seed and decodes it as the CLI does.
fn load(dir: &Path, name: &str) -> String {
    common::load_as(&dir.join(name), name.to_string())
}

#[test]
fn seeds() {
    let Some(dir) = seeds_dir() else {
        // CI sets ABRIDGE_REQUIRE_SHARED, so a missing ../shared fails there instead of passing.
        assert!(
            std::env::var_os("ABRIDGE_REQUIRE_SHARED").is_none(),
            "../shared/corpus/seeds not found and ABRIDGE_REQUIRE_SHARED is set"
        );
        eprintln!("seeds: skipped (../shared not found)");
        return;
    };

    let text = load(&dir, "article-004.txt");
    let tables = markup::tables(&text, Mode::Article);
    assert_eq!(tables.len(), 3, "article-004 tables");
    for (k, table) in tables.iter().enumerate() {
        assert_eq!(table.rows.len(), 3, "article-004 table {k} rows");
        assert_eq!(table.header.len(), 2, "article-004 table {k} header");
        assert!(table.rows.iter().all(|row| row.len() == 2));
    }
    assert!(
        tables[0].caption.is_some(),
        "article-004: the first table has a caption"
    );
    assert_eq!(
        tables[1].caption, None,
        "article-004: the second table has none"
    );
    assert!(
        tables[2].caption.is_some(),
        "article-004: the third table has a caption"
    );
    for table in [&tables[0], &tables[2]] {
        let caption = table.caption.as_deref().unwrap_or_default();
        assert!(caption.starts_with("Below is a table"), "{caption:?}");
        assert!(caption.ends_with(':'), "{caption:?}");
    }

    let lists = markup::lists(&text);
    let sizes: Vec<usize> = lists.iter().map(|l| l.items.len()).collect();
    assert_eq!(sizes, [4, 3, 3], "article-004 list sizes");
    assert!(lists.iter().all(|l| !l.ordered));
    for (k, list) in lists.iter().take(2).enumerate() {
        assert!(
            list.items
                .iter()
                .all(|i| i.term.is_some() && i.description.is_some()),
            "article-004 list {k}: every item has a term"
        );
    }
    assert!(
        lists[2].items.iter().all(|i| i.term.is_none()),
        "article-004 list 2: no item has a term"
    );
    // Tables and lists never overlap.
    for t in &tables {
        for l in &lists {
            assert!(t.lines[1] < l.lines[0] || l.lines[1] < t.lines[0]);
        }
    }

    for name in ["article-001.txt", "article-002.txt"] {
        let text = load(&dir, name);
        for mode in [Mode::Article, Mode::Strict] {
            assert!(
                markup::tables(&text, mode).is_empty(),
                "{name} has no table ({mode:?})"
            );
        }
    }
}
