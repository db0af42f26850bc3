//! Cross-validated choice of summary settings on the DUC development sets (beside the repository
//! in `../shared/eval`). Each topic is prepared once; every setting of a grid summarises every
//! topic and is scored with `abridge::eval` (which agrees with ROUGE-1.5.5, `docs/eval.md`).
//! Then 5-fold cross-validation over topics: the setting with the best mean ROUGE-2 recall on
//! 20 topics is scored on the other 5, and the held-out scores are averaged.
//!
//! ```sh
//! cargo run --release -p abridge --example duc_cv -- duc2006 query   # query-focused, 250 words
//! cargo run --release -p abridge --example duc_cv -- duc2006 generic
//! cargo run --release -p abridge --example duc_cv -- duc2004 generic # 100 words
//! ```
//! Prints each setting's full-set mean, the CV mean and the setting each fold chose.
//! `--compression` crosses the grid with the compression variants; `--selections` adds the
//! concept and coverage selections to a generic grid (the choice `--selection auto` makes by
//! budget).

use abridge::corpus::Document;
use abridge::eval::{score_topic, Analyzer, Exceptions, Limit};
use abridge::summary::{prepare_with, Budget, Compression, Prepared, Summarizer, SummaryOptions};
use abridge::text::lang::Language;
use std::path::{Path, PathBuf};

struct Topic {
    name: String,
    /// The topic prepared under each compression variant of [`variants`].
    prepared: Vec<Prepared>,
    references: Vec<String>,
    query: Option<String>,
}

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval")
}

fn sorted_dir(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v
}

/// The compression rules compared: none, all, and each rule alone and left out.
fn variants(compare: bool, query: bool) -> Vec<(String, Compression)> {
    let mut out = vec![("compress=default".to_string(), Compression::default())];
    if !compare {
        return out;
    }
    out.push(("compress=none".to_string(), Compression::none()));
    if query {
        // 165 query settings: compression on or off only, or the grid takes an hour.
        return out;
    }
    out.push(("compress=all".to_string(), Compression::all()));
    type Toggle = fn(&mut Compression, bool);
    let rules: [(&str, Toggle); 6] = [
        ("connectives", |c, on| c.leading_connectives = on),
        ("dates", |c, on| c.leading_dates = on),
        ("attribution", |c, on| c.trailing_attribution = on),
        ("frames", |c, on| c.reporting_frames = on),
        ("parentheticals", |c, on| c.parentheticals = on),
        ("ages", |c, on| c.ages = on),
    ];
    for (name, toggle) in rules {
        let mut alone = Compression::none();
        toggle(&mut alone, true);
        out.push((format!("compress=only-{name}"), alone));
        let mut without = Compression::all();
        toggle(&mut without, false);
        out.push((format!("compress=all-but-{name}"), without));
    }
    out
}

fn load(set: &str, with_query: bool, variants: &[(String, Compression)]) -> Vec<Topic> {
    let root = shared().join(format!("{set}-dev"));
    let topics_json: Option<serde_json::Value> = std::fs::read_to_string(root.join("topics.json"))
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok());
    let models = sorted_dir(&root.join("models"));
    sorted_dir(&root.join("docs"))
        .into_iter()
        .map(|dir| {
            let name = dir.file_name().unwrap().to_str().unwrap().to_string();
            let docs: Vec<Document> = sorted_dir(&dir)
                .into_iter()
                .map(|p| {
                    let bytes = std::fs::read(&p).unwrap();
                    Document::new(
                        p.display().to_string(),
                        String::from_utf8_lossy(&bytes).into_owned(),
                    )
                })
                .collect();
            let prefix = format!("{}.", name.to_lowercase());
            let references = models
                .iter()
                .filter(|m| {
                    m.file_name()
                        .unwrap()
                        .to_str()
                        .unwrap()
                        .to_lowercase()
                        .starts_with(&prefix)
                })
                .map(|m| String::from_utf8_lossy(&std::fs::read(m).unwrap()).into_owned())
                .collect();
            let query = with_query
                .then(|| {
                    topics_json.as_ref().map(|t| {
                        let t = &t[&name];
                        format!(
                            "{}. {}",
                            t["title"].as_str().unwrap_or(""),
                            t["narr"].as_str().unwrap_or("")
                        )
                    })
                })
                .flatten();
            Topic {
                name,
                prepared: variants
                    .iter()
                    .map(|(_, rules)| prepare_with(&docs, Language::English, *rules))
                    .collect(),
                references,
                query,
            }
        })
        .collect()
}

/// One setting of the grid: a label, the options and the compression variant.
type Setting = (String, SummaryOptions, usize);

fn grid(
    set: &str,
    query: bool,
    selections: bool,
    variants: &[(String, Compression)],
) -> Vec<Setting> {
    // Every options setting under every compression variant: the cross-validation then picks
    // both on the training topics.
    let mut out = Vec::new();
    for (v, (variant, _)) in variants.iter().enumerate() {
        for (label, options) in options_grid(set, query, selections) {
            out.push((format!("{label} {variant}"), options, v));
        }
    }
    out
}

fn options_grid(set: &str, query: bool, selections: bool) -> Vec<(String, SummaryOptions)> {
    let words = if set == "duc2004" { 100 } else { 250 };
    let base = SummaryOptions::default()
        .with_budget(Budget::Words(words))
        .with_truncate(true);
    let mut out = Vec::new();
    if query {
        // Every setting tried while choosing the defaults (three grids, in the order they were
        // run), so the cross-validated figure pays for the whole search.
        let mmr = |lambda: f64| {
            abridge::summary::Selection::Mmr(abridge::rank::select::SelectOptions::new(lambda, 0.6))
        };
        let mut add = |bias: f64,
                       exponent: f64,
                       expansion: usize,
                       position: f64,
                       lambda: f64,
                       min_words: usize| {
            let mut o = base;
            o.query.bias = bias;
            o.query.relevance_exponent = exponent;
            o.query.expansion = expansion;
            o.query.position_weight = position;
            o.query.lambda = lambda;
            o.selection = mmr(0.4);
            o.min_words = min_words;
            out.push((
                format!("bias={bias} exp={exponent} expand={expansion} pos={position} lambda={lambda} min={min_words}"),
                o,
            ));
        };
        for bias in [0.15, 0.5, 0.85] {
            for exponent in [0.0, 0.5, 1.0] {
                for expansion in [0usize, 10, 30] {
                    for position in [0.0, 0.5, 1.3] {
                        add(bias, exponent, expansion, position, 0.4, 6);
                    }
                }
            }
        }
        for bias in [0.05, 0.1, 0.15, 0.25] {
            for exponent in [0.0, 0.25] {
                for expansion in [5usize, 10, 20] {
                    for position in [0.0, 0.25] {
                        add(bias, exponent, expansion, position, 0.4, 6);
                    }
                }
            }
        }
        for bias in [0.05, 0.1, 0.15] {
            for expansion in [5usize, 10] {
                for lambda in [0.3, 0.4, 0.5] {
                    for min_words in [6usize, 9] {
                        add(bias, 0.0, expansion, 0.0, lambda, min_words);
                    }
                }
            }
        }
    } else {
        for position in [0.5, 1.3, 2.0] {
            for lambda in [0.3, 0.4, 0.5] {
                let mut o = base;
                o.position_weight = position;
                o.selection = abridge::summary::Selection::Mmr(
                    abridge::rank::select::SelectOptions::new(lambda, 0.6),
                );
                out.push((format!("pos={position} lambda={lambda}"), o));
            }
        }
    }
    if query && selections {
        // Concept coverage toward the question (concepts weighted by relevance), at the
        // default query options.
        let mut o = base;
        o.selection = abridge::summary::Selection::Concepts(Default::default());
        out.push(("selection=concepts".to_string(), o));
    }
    if !query && selections {
        // The two coverage selections beside the MMR settings; concepts with every weight of
        // centrality tried.
        for exponent in [0.0, 0.5, 1.0, 1.5, 2.0] {
            let mut c = abridge::rank::concepts::ConceptOptions::default();
            c.centrality_exponent = exponent;
            let mut o = base;
            o.selection = abridge::summary::Selection::Concepts(c);
            out.push((format!("selection=concepts centrality={exponent}"), o));
        }
        let mut o = base;
        o.selection = abridge::summary::Selection::Coverage(Default::default());
        out.push(("selection=coverage".to_string(), o));
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let set = args.get(1).map_or("duc2006", |s| s.as_str()).to_string();
    let query = args.get(2).is_some_and(|m| m == "query");
    let compare = args.iter().any(|a| a == "--compression");
    let variants = variants(compare, query);
    let words = if set == "duc2004" { 100 } else { 250 };
    let exceptions = std::fs::read_to_string(shared().join("rouge/wordnet_exceptions.tsv"))
        .ok()
        .and_then(|t| Exceptions::parse(&t).ok())
        .unwrap_or_default();
    let mut analyzer = Analyzer::new(exceptions);
    let topics = load(&set, query, &variants);
    let selections = args.iter().any(|a| a == "--selections");
    let settings = grid(&set, query, selections, &variants);
    eprintln!("{} topics, {} settings", topics.len(), settings.len());
    // scores[setting][topic] = (R-1, R-2) recall, percent.
    let mut scores: Vec<Vec<(f64, f64)>> = Vec::new();
    for (label, options, variant) in &settings {
        let mut row = Vec::new();
        for t in &topics {
            let mut summarizer = Summarizer::new(*options).expect("valid options");
            if let Some(q) = &t.query {
                summarizer = summarizer.with_query(q).expect("query");
            }
            let summary = summarizer.summarize_prepared(&t.prepared[*variant]);
            let text: String = summary
                .sentences
                .iter()
                .map(|s| format!("{}\n", s.text))
                .collect();
            let s = score_topic(
                Some(&text),
                &t.references,
                Limit::Words(words),
                &mut analyzer,
            );
            row.push((100.0 * s.rouge1.recall, 100.0 * s.rouge2.recall));
        }
        let n = row.len() as f64;
        let (r1, r2) = row.iter().fold((0.0, 0.0), |a, b| (a.0 + b.0, a.1 + b.1));
        println!("full  R-1 {:.2}  R-2 {:.2}  {label}", r1 / n, r2 / n);
        scores.push(row);
    }
    // 5-fold CV: topic i is in fold i % 5.
    let folds = 5;
    let (mut cv1, mut cv2, mut held) = (0.0, 0.0, 0.0);
    for k in 0..folds {
        let train: Vec<usize> = (0..topics.len()).filter(|i| i % folds != k).collect();
        let test: Vec<usize> = (0..topics.len()).filter(|i| i % folds == k).collect();
        let mean_on = |s: usize, on: &[usize]| -> (f64, f64) {
            let n = on.len() as f64;
            let (a, b) = on.iter().fold((0.0, 0.0), |acc, &i| {
                (acc.0 + scores[s][i].0, acc.1 + scores[s][i].1)
            });
            (a / n, b / n)
        };
        let best = (0..settings.len())
            .max_by(|&a, &b| {
                let (x, y) = (mean_on(a, &train), mean_on(b, &train));
                x.1.total_cmp(&y.1)
                    .then(x.0.total_cmp(&y.0))
                    .then(b.cmp(&a))
            })
            .unwrap();
        let (t1, t2) = mean_on(best, &test);
        println!(
            "fold {k}: chose [{}] train R-2 {:.2}, held-out R-1 {:.2} R-2 {:.2} ({})",
            settings[best].0,
            mean_on(best, &train).1,
            t1,
            t2,
            test.iter()
                .map(|&i| topics[i].name.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        );
        cv1 += t1 * test.len() as f64;
        cv2 += t2 * test.len() as f64;
        held += test.len() as f64;
    }
    println!("CV    R-1 {:.2}  R-2 {:.2}", cv1 / held, cv2 / held);
}
